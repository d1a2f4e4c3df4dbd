//! The native command-line checker: `nianbao check [--format text|json|docx|csv] [-o OUT] [--previous FILE] FILE...`;
//! a directory or a .zip among the files (or `--format csv` with several) checks them together as a
//! reviewer's desk (`desk`).

mod args;
mod desk;
mod fix;
mod ignore;
mod input;
mod markup;
mod names;
mod read;

use std::ffi::{OsStr, OsString};
use std::io::Write;

pub use args::{parse_args, Command, OutputFormat};
pub use input::ReadError;
pub use markup::html_to_text;
#[cfg(fuzzing)]
pub use markup::html_to_text_parsed_whole;
pub use read::read_report;

use nianbao::summary::FileSummary;
use nianbao::Report;

/// How a run ended, as its exit status says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Every file read, and none has an error.
    NoErrors = 0,
    /// Some file has an error.
    ErrorsFound = 1,
    /// Some file (or the command line) could not be read: this outranks errors found.
    CannotRead = 2,
}

impl Exit {
    pub fn code(self) -> i32 {
        self as i32
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> Self {
        std::process::ExitCode::from(exit as u8)
    }
}

/// Where the run writes: results on one stream, messages on the other. Results are flushed before
/// a message, so that on a terminal they come in order.
struct Streams<'a> {
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
}

impl Streams<'_> {
    fn say(&mut self, message: std::fmt::Arguments) {
        let _ = self.out.flush();
        let _ = writeln!(self.err, "nianbao: {message}");
    }
}

/// A file (or standard input for `-`) as the text the checker reads, whatever its kind and encoding.
fn read_text(path: &OsStr) -> Result<String, ReadError> {
    let name = names::shown(path);
    let bytes = input::read_bytes(path, &name)?;
    Ok(read_report(&name, &bytes)?)
}

/// Runs the CLI with `args` (without the program name).
pub fn main_with<A: AsRef<OsStr>>(
    args: &[A],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Exit {
    let mut streams = Streams {
        out: stdout,
        err: stderr,
    };
    if args.first().is_some_and(|a| a.as_ref() == "fix") {
        let exit = fix::run(&args[1..], &mut streams);
        let _ = streams.out.flush();
        return exit;
    }
    let parsed =
        ignore::take_ignored(args).and_then(|(ignored, rest)| Ok((ignored, parse_args(&rest)?)));
    let exit = match parsed {
        Ok((ignored, command)) => run(command, &ignored, &mut streams),
        Err(message) => {
            let _ = writeln!(streams.err, "nianbao: {message}\n\n{}", args::USAGE);
            Exit::CannotRead
        }
    };
    let _ = streams.out.flush();
    exit
}

fn run(command: Command, ignored: &[nianbao::RuleCode], streams: &mut Streams) -> Exit {
    match command {
        Command::Help => {
            let _ = writeln!(streams.out, "{}", args::USAGE);
            Exit::NoErrors
        }
        Command::Version => {
            let _ = writeln!(streams.out, "nianbao {}", env!("CARGO_PKG_VERSION"));
            Exit::NoErrors
        }
        Command::Text { file } => print_text(&file, streams),
        Command::Check {
            format,
            files,
            previous,
            output,
        } => check_all(format, &files, previous, ignored, output, streams),
    }
}

fn print_text(file: &OsStr, streams: &mut Streams) -> Exit {
    match read_text(file) {
        Ok(text) => {
            let _ = streams.out.write_all(text.as_bytes());
            Exit::NoErrors
        }
        Err(e) => {
            streams.say(format_args!("无法读取 {}: {e}", names::shown(file)));
            Exit::CannotRead
        }
    }
}

/// Last year's report, read once for every file.
struct LastYear {
    name: String,
    text: String,
    year: Option<u32>,
}

fn read_last_year(path: &OsStr) -> Result<LastYear, ReadError> {
    let text = read_text(path)?;
    let year = nianbao::parse::parse(&text).document.year;
    Ok(LastYear {
        name: names::shown(path),
        text,
        year,
    })
}

fn check_all(
    format: OutputFormat,
    files: &[OsString],
    previous: Option<OsString>,
    ignored: &[nianbao::RuleCode],
    output: Option<OsString>,
    streams: &mut Streams,
) -> Exit {
    if files.iter().any(|f| desk::holds_many(f)) || (format == OutputFormat::Csv && files.len() > 1)
    {
        let refusal = if previous.is_some() {
            Some("检查目录、压缩包或多个文件时不用 --previous：同一单位相邻两年的报告自动配对核对")
        } else if !matches!(format, OutputFormat::Text | OutputFormat::Csv) {
            Some("检查目录、压缩包或多个文件时，--format 只能是 text 或 csv")
        } else {
            None
        };
        if let Some(refusal) = refusal {
            streams.say(format_args!("{refusal}"));
            return Exit::CannotRead;
        }
        return desk::run(format, files, ignored, streams);
    }
    let last_year = match previous.as_deref().map(read_last_year).transpose() {
        Ok(last_year) => last_year,
        Err(e) => {
            let name = previous.as_deref().map(names::shown).unwrap_or_default();
            streams.say(format_args!("无法读取上年年报 {name}: {e}"));
            return Exit::CannotRead;
        }
    };
    let mut exit = Exit::NoErrors;
    let mut summaries = Vec::new();
    for path in files {
        let text = match read_text(path) {
            Ok(text) => text,
            Err(e) => {
                streams.say(format_args!("无法读取 {}: {e}", names::shown(path)));
                exit = Exit::CannotRead;
                continue;
            }
        };
        let mut report = check_one(path, &text, last_year.as_ref(), streams);
        report.findings.retain(|f| !ignored.contains(&f.code));
        if report.has_errors() {
            exit = exit.max(Exit::ErrorsFound);
        }
        let summary = FileSummary::new(&names::in_json(path), &report);
        match format {
            OutputFormat::Text => write_text(&names::shown(path), &summary, streams.out),
            OutputFormat::Json => summaries.push(summary),
            OutputFormat::Docx | OutputFormat::Csv => {
                if !write_opinion(format, &text, &report, output.as_deref(), streams) {
                    return Exit::CannotRead;
                }
            }
        }
    }
    if format == OutputFormat::Json {
        let _ = serde_json::to_writer_pretty(&mut *streams.out, &summaries);
        let _ = writeln!(streams.out);
    }
    exit
}

/// Checks one file's text, against last year's report when there is one and the years follow.
fn check_one(
    path: &OsStr,
    text: &str,
    last_year: Option<&LastYear>,
    streams: &mut Streams,
) -> Report {
    let Some(last) = last_year else {
        return nianbao::check(text);
    };
    let report = nianbao::check_with_previous(text, &last.text);
    if let (Some(last_year), Some(year)) = (last.year, report.document.year) {
        if last_year + 1 != year {
            streams.say(format_args!(
                "{} 为 {year} 年度，上年年报 {} 为 {last_year} 年度，两者不相连，未做跨年核对（X01、X02）",
                names::shown(path),
                last.name
            ));
        }
    }
    report
}

/// Writes the 检查意见 as a .docx or .csv file (`-` for standard output); false when it cannot.
fn write_opinion(
    format: OutputFormat,
    text: &str,
    report: &Report,
    output: Option<&OsStr>,
    streams: &mut Streams,
) -> bool {
    let date = today();
    let (bytes, extension) = if format == OutputFormat::Docx {
        (nianbao::export::docx::docx(text, report, &date), "docx")
    } else {
        (nianbao::export::csv::csv(text, report).into_bytes(), "csv")
    };
    let named = format!(
        "{}.{extension}",
        nianbao::present::export::file_stem(report)
    );
    let path = output.map_or_else(
        || std::path::PathBuf::from(&named),
        std::path::PathBuf::from,
    );
    if path.as_os_str() == "-" {
        return streams.out.write_all(&bytes).is_ok();
    }
    match std::fs::write(&path, &bytes) {
        Ok(()) => {
            streams.say(format_args!(
                "检查意见已写入 {}",
                names::shown(path.as_os_str())
            ));
            true
        }
        Err(e) => {
            streams.say(format_args!(
                "无法写入 {}: {e}",
                names::shown(path.as_os_str())
            ));
            false
        }
    }
}

/// Today's date (UTC) as 2026-12-02, for the 检查日期.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y}-{m:02}-{d:02}")
}

/// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// A line per finding, then the file's counts.
fn write_text(name: &str, summary: &FileSummary, out: &mut dyn Write) {
    for f in &summary.findings {
        let _ = writeln!(
            out,
            "{name}:{}: {} {} {}",
            f.line,
            f.code,
            f.severity.as_str(),
            f.message
        );
    }
    let _ = writeln!(
        out,
        "{name}: {} 处错误，{} 处警告，{} 处提示（格式：{}，年度：{}）",
        summary.counts.error,
        summary.counts.warning,
        summary.counts.info,
        summary.format.map_or("未识别", |v| v.as_str()),
        summary
            .year
            .map_or_else(|| "未识别".to_string(), |y| y.to_string()),
    );
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_count_from_1970() {
        assert_eq!(super::civil_from_days(0), (1970, 1, 1));
        assert_eq!(super::civil_from_days(20_423), (2025, 12, 1));
        assert_eq!(super::civil_from_days(11_016), (2000, 2, 29));
    }
}
