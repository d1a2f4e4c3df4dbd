//! Hostile documents made in the tests, and the CLI run on them as a reviewer runs it, with a time
//! and memory bound.

#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_nianbao");

/// The path of the seed whose file name starts with `name` (e.g. "001").
pub fn seed_path(name: &str) -> String {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../nianbao/tests/fixtures/seeds");
    let file = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name))
        .unwrap();
    file.to_string_lossy().into_owned()
}

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Gathers what the zip writer hands on, to be deflated in one go.
struct Gather(Vec<u8>);

impl Write for Gather {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A .docx whose body is `body` (WordprocessingML, the `w:` prefix bound), with `numbering.xml`
/// holding `numbering` when given.
pub fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>"
    );
    let mut parts = vec![("word/document.xml", document)];
    if let Some(numbering) = numbering {
        parts.push((
            "word/numbering.xml",
            format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering xmlns:w=\"{W}\">{numbering}</w:numbering>"),
        ));
    }
    let mut archive = rawzip::ZipArchiveWriter::new(Vec::new());
    for (name, data) in parts {
        let (mut entry, config) = archive
            .new_file(name)
            .compression_method(rawzip::CompressionMethod::DEFLATE)
            .start()
            .unwrap();
        let mut writer = config.wrap(Gather(Vec::new()));
        writer.write_all(data.as_bytes()).unwrap();
        let (gathered, output) = writer.finish().unwrap();
        entry
            .write_all(&miniz_oxide::deflate::compress_to_vec(&gathered.0, 1))
            .unwrap();
        entry.finish(output).unwrap();
    }
    archive.finish().unwrap()
}

/// A paragraph of one run.
pub fn paragraph(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// `inner` inside `depth` copies of `open`…`close`.
pub fn nested(open: &str, close: &str, depth: usize, inner: &str) -> String {
    let mut out = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    for _ in 0..depth {
        out.push_str(open);
    }
    out.push_str(inner);
    for _ in 0..depth {
        out.push_str(close);
    }
    out
}

pub fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// How a bounded run ended.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

/// Largest address space the CLI may take (`ulimit -v`, in KB): a reader that builds a grid of rows ×
/// rows, or reads a whole endless stream, fails under it.
pub const MEMORY_KB: u64 = 1024 * 1024;

/// Runs the CLI with `args` under the memory bound, killing it after `limit`. Panics if it was
/// killed, died of a signal (a stack overflow aborts) or exited with a status other than 0, 1 or 2.
pub fn run_bounded(args: &[&std::ffi::OsStr], stdin: Stdio, limit: Duration) -> Run {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("ulimit -v {MEMORY_KB} && exec \"$0\" \"$@\""))
        .arg(BIN)
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = command.spawn().unwrap();
    // Drain the pipes on threads, so that a large output cannot block the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut s).unwrap();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut s).unwrap();
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("{args:?}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.join().unwrap()).into_owned();
    let stderr = String::from_utf8_lossy(&err.join().unwrap()).into_owned();
    let code = status
        .code()
        .unwrap_or_else(|| panic!("{args:?}: killed by a signal ({status}); stderr: {stderr}"));
    assert!(
        (0..=2).contains(&code),
        "{args:?}: exit {code}; stderr: {stderr}"
    );
    Run {
        status: code,
        stdout,
        stderr,
        took,
    }
}

/// The CLI's `text` of a file, bounded (30 s: the tests run the debug build, on a shared machine).
pub fn text_of(name: &str, bytes: &[u8]) -> Run {
    text_within(name, bytes, Duration::from_secs(30))
}

pub fn text_within(name: &str, bytes: &[u8], limit: Duration) -> Run {
    let path = temp_file(name, bytes);
    run_bounded(&["text".as_ref(), path.as_os_str()], Stdio::null(), limit)
}
