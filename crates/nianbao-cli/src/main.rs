//! The command-line checker for reviewers who check many reports at once.

use std::io::{BufWriter, Write};

fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    // One write call per 64 KB of results, not one per line.
    let mut stdout = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    let exit = nianbao_cli::main_with(&args, &mut stdout, &mut std::io::stderr().lock());
    let _ = stdout.flush();
    exit.into()
}
