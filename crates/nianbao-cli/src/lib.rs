//! The native command-line checker: `nianbao check [--format text|json] [--previous FILE] FILE...`.

mod args;
mod markup;
mod read;

use std::io::{Read, Write};

pub use args::{parse_args, Command, OutputFormat};
pub use markup::html_to_text;
pub use read::read_report;

use nianbao::summary::FileSummary;

/// Exit statuses.
pub const OK: i32 = 0;
pub const FOUND_ERRORS: i32 = 1;
pub const CANNOT_READ: i32 = 2;

fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

/// A file (or standard input for `-`) as the text the checker reads, whatever its kind and encoding.
fn read_text(path: &str) -> Result<String, String> {
    let bytes = read_input(path).map_err(|e| e.to_string())?;
    Ok(read_report(path, &bytes)?)
}

/// Runs the CLI with `args` (without the program name); returns the exit status.
pub fn main_with(args: &[String], stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let command = match parse_args(args) {
        Ok(c) => c,
        Err(message) => {
            let _ = writeln!(stderr, "nianbao: {message}\n\n{}", args::USAGE);
            return CANNOT_READ;
        }
    };
    let (format, files, previous) = match command {
        Command::Help => {
            let _ = writeln!(stdout, "{}", args::USAGE);
            return OK;
        }
        Command::Version => {
            let _ = writeln!(stdout, "nianbao {}", env!("CARGO_PKG_VERSION"));
            return OK;
        }
        Command::Text { file } => {
            return match read_text(&file) {
                Ok(text) => {
                    let _ = stdout.write_all(text.as_bytes());
                    OK
                }
                Err(e) => {
                    let _ = writeln!(stderr, "nianbao: 无法读取 {file}: {e}");
                    CANNOT_READ
                }
            };
        }
        Command::Check {
            format,
            files,
            previous,
        } => (format, files, previous),
    };
    // Last year's report, read once for every file.
    let previous = match previous {
        None => None,
        Some(path) => match read_text(&path) {
            Ok(text) => Some((path, text)),
            Err(e) => {
                let _ = writeln!(stderr, "nianbao: 无法读取上年年报 {path}: {e}");
                return CANNOT_READ;
            }
        },
    };
    let previous_year = previous
        .as_ref()
        .and_then(|(_, text)| nianbao::parse::parse(text).document.year);
    let mut status = OK;
    let mut summaries = Vec::new();
    for path in &files {
        let text = match read_text(path) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(stderr, "nianbao: 无法读取 {path}: {e}");
                status = CANNOT_READ;
                continue;
            }
        };
        let report = match &previous {
            Some((last_path, last)) => {
                let report = nianbao::check_with_previous(&text, last);
                if let (Some(last_year), Some(year)) = (previous_year, report.document.year) {
                    if last_year + 1 != year {
                        let _ = writeln!(
                            stderr,
                            "nianbao: {path} 为 {year} 年度，上年年报 {last_path} 为 {last_year} 年度，两者不相连，未做跨年核对（X01、X02）"
                        );
                    }
                }
                report
            }
            None => nianbao::check(&text),
        };
        if report.has_errors() && status == OK {
            status = FOUND_ERRORS;
        }
        let summary = FileSummary::new(path, &report);
        match format {
            OutputFormat::Text => {
                for f in &summary.findings {
                    let _ = writeln!(
                        stdout,
                        "{path}:{}: {} {} {}",
                        f.line,
                        f.code,
                        f.severity.as_str(),
                        f.message
                    );
                }
                let _ = writeln!(
                    stdout,
                    "{path}: {} 处错误，{} 处警告，{} 处提示（格式：{}，年度：{}）",
                    summary.counts.error,
                    summary.counts.warning,
                    summary.counts.info,
                    summary.format.map_or("未识别", |v| v.as_str()),
                    summary
                        .year
                        .map_or_else(|| "未识别".to_string(), |y| y.to_string()),
                );
            }
            OutputFormat::Json => summaries.push(summary),
        }
    }
    if format == OutputFormat::Json {
        let _ = serde_json::to_writer_pretty(&mut *stdout, &summaries);
        let _ = writeln!(stdout);
    }
    status
}
