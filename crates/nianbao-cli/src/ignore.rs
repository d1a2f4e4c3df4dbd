//! `check --ignore CODE[,CODE…]`: findings of those rules leave the output, the counts and the exit
//! status.

use std::ffi::{OsStr, OsString};

use nianbao::RuleCode;

/// The codes named by `--ignore` options, and the other arguments as they were.
pub fn take_ignored<A: AsRef<OsStr>>(args: &[A]) -> Result<(Vec<RuleCode>, Vec<OsString>), String> {
    let mut codes = Vec::new();
    let mut rest = Vec::new();
    let mut iter = args.iter().map(AsRef::as_ref);
    let text = |arg: &OsStr| arg.to_str().unwrap_or("").to_string();
    while let Some(arg) = iter.next() {
        let list = match text(arg).as_str() {
            "--ignore" => text(
                iter.next()
                    .ok_or("--ignore 需要参数：规则代码，如 S03 或 S03,C03")?,
            ),
            other => match other.strip_prefix("--ignore=") {
                Some(list) => list.to_string(),
                None => {
                    rest.push(arg.to_os_string());
                    continue;
                }
            },
        };
        for name in list.split([',', '，']).map(str::trim) {
            let code = RuleCode::ALL
                .into_iter()
                .find(|c| c.as_str().eq_ignore_ascii_case(name))
                .ok_or_else(|| format!("--ignore：没有代码为「{name}」的规则"))?;
            codes.push(code);
        }
    }
    Ok((codes, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn takes_the_codes_out_of_the_arguments() {
        let (codes, rest) = take_ignored(&args(&[
            "check",
            "--ignore",
            "S03,c03",
            "a.txt",
            "--ignore=R01",
        ]))
        .unwrap();
        assert_eq!(codes, vec![RuleCode::S03, RuleCode::C03, RuleCode::R01]);
        let rest: Vec<String> = rest.into_iter().map(|a| a.into_string().unwrap()).collect();
        assert_eq!(rest, args(&["check", "a.txt"]));
        assert!(take_ignored(&args(&["check", "--ignore", "Z99", "a"])).is_err());
        assert!(take_ignored(&args(&["check", "a", "--ignore"])).is_err());
    }
}
