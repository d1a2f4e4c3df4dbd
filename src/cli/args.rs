//! Command-line arguments. Small enough to parse by hand.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    Check {
        format: OutputFormat,
        files: Vec<String>,
    },
}

pub const USAGE: &str = "\
用法 / usage: nianbao check [--format text|json] FILE...
  检查政府信息公开工作年度报告；FILE 为 - 时读标准输入。
  Checks annual reports; FILE may be - for standard input.
退出状态 / exit status: 0 无错误 no error, 1 有错误 errors found, 2 无法读取 unreadable input";

pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut iter = args.iter().map(String::as_str);
    match iter.next() {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("check") => {}
        Some(other) => return Err(format!("未知命令「{other}」")),
    }
    let mut format = OutputFormat::Text;
    let mut files = Vec::new();
    while let Some(arg) = iter.next() {
        let value = match arg {
            "--format" => Some(iter.next().ok_or("--format 需要参数 text 或 json")?),
            _ => arg.strip_prefix("--format="),
        };
        if let Some(value) = value {
            format = match value {
                "text" => OutputFormat::Text,
                "json" => OutputFormat::Json,
                other => return Err(format!("--format 只能是 text 或 json，而不是「{other}」")),
            };
        } else if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        } else if arg.starts_with("--") {
            return Err(format!("未知选项「{arg}」"));
        } else {
            files.push(arg.to_string());
        }
    }
    if files.is_empty() {
        return Err("请给出要检查的文件（- 表示标准输入）".to_string());
    }
    Ok(Command::Check { format, files })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn parses_the_interface() {
        assert_eq!(
            parse_args(&args(&["check", "--format", "json", "a.txt", "-"])),
            Ok(Command::Check {
                format: OutputFormat::Json,
                files: args(&["a.txt", "-"])
            })
        );
        assert_eq!(
            parse_args(&args(&["check", "a.txt", "--format=text"])),
            Ok(Command::Check {
                format: OutputFormat::Text,
                files: args(&["a.txt"])
            })
        );
        assert_eq!(parse_args(&args(&[])), Ok(Command::Help));
        assert!(parse_args(&args(&["check"])).is_err());
        assert!(parse_args(&args(&["check", "--format", "xml", "a"])).is_err());
        assert!(parse_args(&args(&["lint", "a"])).is_err());
    }
}
