//! `nianbao fix FILE`: the text with every certain fix applied on standard output, and what was
//! changed, in Chinese, on standard error.

use std::ffi::OsStr;

use nianbao::rules::fix::{apply, Fix};
use nianbao::Finding;

use crate::{names, read_text, Exit, Streams};

pub const USAGE: &str = "\
       nianbao fix FILE
  输出 FILE 改正后的文本：只做确定无疑的修正（标题序号、标题措辞、表头错字、引用的旧格式文件，
  以及表格勾稽关系只有一种解释时出错的那一格），改了什么写在标准错误上。
  Prints FILE with every certain fix applied; says on standard error what it changed.";

/// One line of the account: where, which rule, what was done and why.
fn account(finding: &Finding, fix: &Fix) -> String {
    format!(
        "第 {} 行 {}：{}（{}）",
        finding.line, finding.code, fix.label, finding.message
    )
}

pub fn run<A: AsRef<OsStr>>(args: &[A], streams: &mut Streams) -> Exit {
    let file = match args {
        [file] if !file.as_ref().to_str().is_some_and(|f| f.starts_with("--")) => file.as_ref(),
        _ => {
            let _ = writeln!(streams.err, "nianbao: fix 需要且只需要一个文件\n\n{USAGE}");
            return Exit::CannotRead;
        }
    };
    let name = names::shown(file);
    let text = match read_text(file) {
        Ok(text) => text,
        Err(e) => {
            streams.say(format_args!("无法读取 {name}: {e}"));
            return Exit::CannotRead;
        }
    };
    let report = nianbao::check(&text);
    let fixed: Vec<(&Finding, &Fix)> = report
        .findings
        .iter()
        .filter_map(|f| f.fix.as_ref().map(|fix| (f, fix)))
        .collect();
    let (out, applied) = apply(&text, fixed.iter().map(|(_, fix)| *fix));
    let _ = streams.out.write_all(out.as_bytes());
    for (finding, fix) in &fixed {
        // Several findings may share one fix (one wrong cell breaks several sums): named once.
        let first = fixed.iter().find(|(_, f)| f == fix).map(|(f, _)| *f);
        if applied.contains(fix) && first.is_some_and(|f| std::ptr::eq(f, *finding)) {
            streams.say(format_args!("{name}: {}", account(finding, fix)));
        }
    }
    let left = report.findings.iter().filter(|f| f.fix.is_none()).count();
    if applied.is_empty() {
        streams.say(format_args!(
            "{name}: 没有可以确定修正的问题（其余 {left} 处需要人工核对）"
        ));
    } else {
        streams.say(format_args!(
            "{name}: 修正了 {} 处；其余 {left} 处需要人工核对",
            applied.len()
        ));
    }
    Exit::NoErrors
}
