//! `nianbao check DIR`, `nianbao check FILE.zip` and `nianbao check --format csv FILE…`: the
//! reviewer's desk ([`nianbao::present::desk`]) — one row per report, a body's reports of
//! consecutive years paired for the X rules, 雷同 between units — as readable lines or as the page's
//! CSV. A file that cannot be read is a row with its reason, not the end of the run.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};

use nianbao::export::csv::{desk as desk_csv, desk_cells, DESK_COLUMNS};
use nianbao::import::archive;
use nianbao::present::desk::{Desk, Row};

use super::{input, names, read_report, Exit, OutputFormat, Streams};

/// Whether `path` is read as many reports: a directory, or a .zip.
pub fn holds_many(path: &OsStr) -> bool {
    let path = Path::new(path);
    path.is_dir()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// The files under `dir`, in name order, hidden ones (「.DS_Store」) left out.
fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Puts a file's text, or why it has none, on the desk.
fn add_bytes(desk: &mut Desk, name: String, bytes: Result<Vec<u8>, String>) {
    let text = bytes.and_then(|b| read_report(&name, &b).map_err(|e| e.to_string()));
    desk.add(name, text);
}

/// Puts what `path` holds on the desk, each file named as `prefix` + its path inside.
fn add_path(desk: &mut Desk, path: &OsStr, prefix: &str) {
    let shown = names::shown(path);
    if Path::new(path).is_dir() {
        let mut files = Vec::new();
        if let Err(e) = files_under(Path::new(path), &mut files) {
            desk.add(shown, Err(input::ReadError::from(e).to_string()));
            return;
        }
        for file in files {
            let inside = file.strip_prefix(path).unwrap_or(&file);
            let parts: Vec<String> = inside
                .components()
                .map(|c| names::shown(c.as_os_str()))
                .collect();
            let name = format!("{prefix}{}", parts.join("/"));
            let bytes = input::read_bytes(file.as_os_str(), &name).map_err(|e| e.to_string());
            add_bytes(desk, name, bytes);
        }
        return;
    }
    let bytes = match input::read_bytes(path, &shown) {
        Ok(bytes) => bytes,
        Err(e) => return desk.add(shown, Err(e.to_string())),
    };
    if !holds_many(path) {
        return add_bytes(desk, shown, Ok(bytes));
    }
    match archive::entries(&shown, &bytes, &gbk_name) {
        Ok(entries) => {
            for entry in entries {
                let name = format!("{prefix}{}", entry.name);
                add_bytes(desk, name, entry.bytes.map_err(|e| e.to_string()));
            }
        }
        Err(e) => desk.add(shown, Err(e.to_string())),
    }
}

/// A zip entry's name that is no UTF-8, read as GBK (Windows' own zip on a Chinese system).
fn gbk_name(raw: &[u8]) -> Option<String> {
    let (name, had_errors) = encoding_rs::GBK.decode_without_bom_handling(raw);
    (!had_errors).then(|| name.into_owned())
}

/// Checks every report in `paths` together and writes the desk; the exit status as for many files.
pub fn run(
    format: OutputFormat,
    paths: &[OsString],
    ignored: &[nianbao::RuleCode],
    streams: &mut Streams,
) -> Exit {
    let mut desk = Desk::new(ignored);
    // One directory or archive: its files by their paths inside; several: each under its own name.
    let one = paths.len() == 1;
    for path in paths {
        let prefix = if one || !holds_many(path) {
            String::new()
        } else {
            format!("{}/", names::shown(path))
        };
        add_path(&mut desk, path, &prefix);
    }
    let rows = desk.rows();
    if format == OutputFormat::Csv {
        let _ = streams.out.write_all(desk_csv(&rows).as_bytes());
    } else {
        write_lines(&rows, streams.out);
    }
    let exit = if rows.iter().any(|r| r.refused.is_some()) {
        Exit::CannotRead
    } else if rows.iter().any(Row::has_errors) {
        Exit::ErrorsFound
    } else {
        Exit::NoErrors
    };
    if rows.is_empty() {
        streams.say(format_args!("没有找到要检查的文件"));
        return Exit::CannotRead;
    }
    exit
}

/// One line per report, the desk's columns as 「列名：值」 (the empty ones left out), then a total.
fn write_lines(rows: &[Row], out: &mut dyn Write) {
    for i in 0..rows.len() {
        let cells = desk_cells(rows, i);
        let shown: Vec<String> = DESK_COLUMNS
            .iter()
            .zip(&cells)
            .skip(2)
            .filter(|(column, cell)| !cell.is_empty() && (!column.contains(' ') || cell != &"0"))
            .map(|(column, cell)| format!("{column}：{cell}"))
            .collect();
        let _ = writeln!(out, "{}：{}", cells[1], shown.join("，"));
    }
    let with_errors = rows.iter().filter(|r| r.has_errors()).count();
    let unread = rows.iter().filter(|r| r.refused.is_some()).count();
    let similar = rows
        .iter()
        .filter(|r| r.similar.is_some_and(|s| s.flagged()))
        .count();
    let _ = writeln!(
        out,
        "共 {} 份：{with_errors} 份有错误，{unread} 份无法读取，{similar} 份与其他单位的报告雷同（超过 {}%）",
        rows.len(),
        nianbao::compare::bodies::SIMILAR
    );
}
