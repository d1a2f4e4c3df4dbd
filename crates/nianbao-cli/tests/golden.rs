//! The checker's whole answer, byte for byte: `nianbao check --format json` on every committed fixture
//! (the seeds, the import files, the real published reports) equals the JSON committed beside it in
//! `tests/fixtures/golden/`. A refactoring must leave every file unchanged; a change of behaviour shows
//! here as a diff to read and commit on purpose: `NIANBAO_WRITE_GOLDEN=1 cargo test --test golden`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../nianbao/tests/fixtures")
}

/// Every report file under the fixture folders that hold inputs, as paths relative to `fixtures()`.
fn inputs() -> Vec<String> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e != "json" && e != "md") {
                let relative = path.strip_prefix(base).expect("under the fixtures");
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let base = fixtures();
    let mut out = Vec::new();
    for folder in ["seeds", "imports", "corpus"] {
        walk(&base.join(folder), &base, &mut out);
    }
    out.sort();
    out
}

fn golden_name(input: &str) -> String {
    format!("{}.json", input.replace('/', "_"))
}

#[test]
fn the_json_of_every_fixture_is_the_committed_one() {
    let base = fixtures();
    let write = std::env::var_os("NIANBAO_WRITE_GOLDEN").is_some();
    let inputs = inputs();
    assert!(inputs.len() >= 17, "the fixtures are there: {inputs:?}");
    let mut differ = Vec::new();
    for input in &inputs {
        let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["check", "--format", "json", input])
            .current_dir(&base)
            .output()
            .expect("the CLI runs");
        let golden = base.join("golden").join(golden_name(input));
        if write {
            std::fs::write(&golden, &out.stdout).expect("the golden file is written");
            continue;
        }
        let expected = std::fs::read(&golden).unwrap_or_default();
        if expected != out.stdout {
            differ.push(input.clone());
        }
    }
    assert!(
        differ.is_empty(),
        "the JSON differs from tests/fixtures/golden/ for {differ:?} \
         (NIANBAO_WRITE_GOLDEN=1 rewrites it: read the diff first)"
    );
}

#[test]
fn every_golden_file_belongs_to_a_fixture() {
    let names: Vec<String> = inputs().iter().map(|i| golden_name(i)).collect();
    for entry in std::fs::read_dir(fixtures().join("golden")).expect("the golden folder") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(names.contains(&name), "golden/{name} has no input");
    }
}
