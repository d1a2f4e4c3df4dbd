//! Command-line arguments. Small enough to parse by hand. Options are UTF-8; file names are any
//! bytes the system allows, kept as they are.

use std::ffi::{OsStr, OsString};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Text,
    Json,
    /// The 检查意见 as a Word document (one file).
    Docx,
    /// The findings as a CSV table (one file).
    Csv,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    /// Prints a file as the text the checker reads (what a .docx or web page becomes; findings' lines count in it).
    Text {
        file: OsString,
    },
    Check {
        format: OutputFormat,
        files: Vec<OsString>,
        /// Last year's report: each file is also checked against it (X01, X02).
        previous: Option<OsString>,
        /// `-o`: where the docx or csv goes (else a file named after the body and year, or for csv
        /// standard output when `-`).
        output: Option<OsString>,
    },
}

pub const USAGE: &str = "\
用法 / usage: nianbao check [--format text|json|docx|csv] [-o OUT] [--previous FILE] FILE...
  检查政府信息公开工作年度报告；FILE 为 - 时读标准输入。
  Checks annual reports; FILE may be - for standard input.
  --previous FILE  同时与上一年度的年报核对：上年结转是否等于上年的结转下年度（X01）、
                   现行有效件数是否与上年衔接（X02）、正文是否与上年雷同（X03）；
                   两份报告年度不相连时不核对。
                   Also checks each FILE against last year's report (X01, X02, X03).
  --format docx|csv -o OUT  检查意见写成 Word 文档或 CSV 表格（一个 FILE；多个时 csv 为审阅表；没有 -o 时按单位和年度命名，
                   如「××街道2024年年报检查意见.docx」；-o - 写到标准输出）。
                   Writes the findings as a Word document or a CSV table (one FILE).
  DIR、FILE.zip    检查目录（含子目录）或压缩包中的全部报告，每份一行：单位、年度、格式、各类问题数、
                   最严重的问题；同一单位相邻两年的报告自动配对核对（X01–X03），并找出与其他单位雷同
                   （超过 70%）的报告；--format csv 输出同样的列（与网页「审阅多份年报」导出的相同）。
                   Checks every report in a directory or .zip together, one row each (--format csv).
  --ignore CODE[,CODE…]  不报告这些规则（如 S03,C03），也不计入统计和退出状态。
                   Leaves out these rules' findings, counts and exit status.
       nianbao text FILE
  输出 FILE 被读成的文本（.docx、网页转成的文字；检查结果的行号按此文本计）。
  Prints FILE as the text the checker reads (findings' line numbers count in it).
       nianbao fix FILE
  输出 FILE 改正后的文本，只做确定无疑的修正；改了什么写在标准错误上。
  Prints FILE with every certain fix applied; says on standard error what it changed.
  FILE 可为 .txt/.md（UTF-8、UTF-16、GBK）、.docx、.html/.htm。
  FILE may be .txt/.md (UTF-8, UTF-16, GBK), .docx or a saved web page (.html/.htm).
退出状态 / exit status: 0 无错误 no error, 1 有错误 errors found, 2 无法读取 unreadable input";

/// An argument as text, if it is text: a name that is not UTF-8 is never an option.
fn text(arg: &OsStr) -> &str {
    arg.to_str().unwrap_or("")
}

pub fn parse_args<A: AsRef<OsStr>>(args: &[A]) -> Result<Command, String> {
    let mut iter = args.iter().map(AsRef::as_ref);
    match iter.next().map(text) {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("check") => {}
        Some("text") => {
            let rest: Vec<&OsStr> = iter.collect();
            return match rest.as_slice() {
                [file] if !text(file).starts_with("--") || text(file) == "-" => Ok(Command::Text {
                    file: file.to_os_string(),
                }),
                _ => Err("text 需要且只需要一个文件".to_string()),
            };
        }
        Some(_) => {
            let other = args[0].as_ref().to_string_lossy();
            return Err(format!("未知命令「{other}」"));
        }
    }
    let mut format = OutputFormat::Text;
    let mut files = Vec::new();
    let mut previous = None;
    let mut output = None;
    while let Some(arg) = iter.next() {
        if matches!(text(arg), "-o" | "--output") {
            output = Some(
                iter.next()
                    .ok_or("-o 需要参数：写到哪个文件")?
                    .to_os_string(),
            );
            continue;
        }
        let last_year = match text(arg) {
            "--previous" => Some(
                iter.next()
                    .ok_or("--previous 需要参数：上一年度年报的文件")?,
            ),
            flag => flag.strip_prefix("--previous=").map(OsStr::new),
        };
        if let Some(path) = last_year {
            if path.is_empty() {
                return Err("--previous 需要参数：上一年度年报的文件".to_string());
            }
            previous = Some(path.to_os_string());
            continue;
        }
        let flag = text(arg);
        let value = match flag {
            "--format" => Some(text(
                iter.next()
                    .ok_or("--format 需要参数 text、json、docx 或 csv")?,
            )),
            _ => flag.strip_prefix("--format="),
        };
        if let Some(value) = value {
            format = match value {
                "text" => OutputFormat::Text,
                "json" => OutputFormat::Json,
                "docx" => OutputFormat::Docx,
                "csv" => OutputFormat::Csv,
                other => {
                    return Err(format!(
                        "--format 只能是 text、json、docx 或 csv，而不是「{other}」"
                    ))
                }
            };
        } else if flag == "-h" || flag == "--help" {
            return Ok(Command::Help);
        } else if flag.starts_with("--") {
            return Err(format!("未知选项「{flag}」"));
        } else {
            files.push(arg.to_os_string());
        }
    }
    if files.is_empty() {
        return Err("请给出要检查的文件（- 表示标准输入）".to_string());
    }
    if previous.as_deref() == Some(OsStr::new("-")) && files.iter().any(|f| f == "-") {
        return Err("标准输入只能读一次：上年年报和要检查的文件不能都是 -".to_string());
    }
    if format == OutputFormat::Docx && files.len() > 1 {
        return Err("--format docx 一次只能检查一个文件".to_string());
    }
    Ok(Command::Check {
        format,
        files,
        previous,
        output,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &[&str]) -> Vec<OsString> {
        s.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_the_interface() {
        assert_eq!(
            parse_args(&args(&["check", "--format", "json", "a.txt", "-"])),
            Ok(Command::Check {
                format: OutputFormat::Json,
                files: args(&["a.txt", "-"]),
                previous: None,
                output: None,
            })
        );
        assert_eq!(
            parse_args(&args(&["check", "a.txt", "--format=text"])),
            Ok(Command::Check {
                format: OutputFormat::Text,
                files: args(&["a.txt"]),
                previous: None,
                output: None,
            })
        );
        assert_eq!(
            parse_args(&args(&[
                "check",
                "--previous",
                "2022.txt",
                "a.txt",
                "b.txt"
            ])),
            Ok(Command::Check {
                format: OutputFormat::Text,
                files: args(&["a.txt", "b.txt"]),
                previous: Some("2022.txt".into()),
                output: None,
            })
        );
        assert_eq!(
            parse_args(&args(&["check", "a.txt", "--previous=2022.txt"])),
            Ok(Command::Check {
                format: OutputFormat::Text,
                files: args(&["a.txt"]),
                previous: Some("2022.txt".into()),
                output: None,
            })
        );
        assert!(parse_args(&args(&["check", "a.txt", "--previous"])).is_err());
        assert_eq!(parse_args(&args(&[])), Ok(Command::Help));
        assert!(parse_args(&args(&["check"])).is_err());
        assert!(parse_args(&args(&["check", "--format", "xml", "a"])).is_err());
        assert_eq!(
            parse_args(&args(&[
                "check",
                "--format",
                "docx",
                "-o",
                "意见.docx",
                "a.txt"
            ])),
            Ok(Command::Check {
                format: OutputFormat::Docx,
                files: args(&["a.txt"]),
                previous: None,
                output: Some("意见.docx".into()),
            })
        );
        assert!(parse_args(&args(&["check", "--format", "docx", "a.txt", "b.txt"])).is_err());
        // Several files as CSV are the desk's table.
        assert!(parse_args(&args(&["check", "--format", "csv", "a.txt", "b.txt"])).is_ok());
        assert!(parse_args(&args(&["check", "-o"])).is_err());
        assert!(parse_args(&args(&["lint", "a"])).is_err());
    }
}
