//! How fast `nianbao::check` is: on each seed (target ≤ 100 µs), on synthetic reports of 128 KB to 1 MB
//! made by concatenating the seeds (target ≤ 20 ms for 1 MB, cost linear in size: the time per byte,
//! shown as throughput, should stay flat), and on degenerate texts at three sizes (where a
//! super-linear cost shows as falling throughput; the growth of the time per byte is printed at the end),
//! and the Word and HTML readers on degenerate files of three sizes (tests/common/degenerate_files.rs:
//! 100,000 numbering definitions once took minutes), with the same growth printed.
//!
//! Beside each figure a floor is measured: one pass over the same text counting its characters. At
//! the end every figure is printed as a multiple of its floor, which holds across machines and load
//! where the times themselves do not.
//!
//! `cargo bench --bench check -- --warm-up-time 1 --measurement-time 3`

use std::cell::RefCell;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput};

#[path = "../tests/common/degenerate.rs"]
mod degenerate;
#[path = "../tests/common/degenerate_files.rs"]
mod degenerate_files;

use degenerate::{repeated, FAMILIES};
use nianbao::export::zip::stored as zip_stored;

/// The seeds as (file stem, text), in file order.
fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/seeds")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(p).expect("a UTF-8 seed"))
        })
        .collect()
}

const KB: usize = 1024;

thread_local! {
    /// Every figure measured, as (its directory under criterion's, its floor's).
    static MEASURED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    /// Every reader's figure, as (its shape, its directory under criterion's, the input's bytes).
    static READ: RefCell<Vec<(String, String, usize)>> = const { RefCell::new(Vec::new()) };
}

/// Measures `nianbao::check` on `text` as `group/function/parameter` (`group/parameter` without a
/// function), and beside it the floor as `group/floor[_function]/parameter`.
fn check_and_floor(
    group: &mut BenchmarkGroup<WallTime>,
    group_name: &str,
    function: &str,
    parameter: &str,
    text: &str,
) {
    let (id, dir) = if function.is_empty() {
        (
            BenchmarkId::from_parameter(parameter),
            format!("{group_name}/{parameter}"),
        )
    } else {
        (
            BenchmarkId::new(function, parameter),
            format!("{group_name}/{function}/{parameter}"),
        )
    };
    let floor = match function {
        "" => "floor".to_string(),
        f => format!("floor_{f}"),
    };
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_with_input(id, text, |b, text| {
        b.iter(|| nianbao::check(black_box(text)))
    });
    group.bench_with_input(BenchmarkId::new(&floor, parameter), text, |b, text| {
        b.iter(|| black_box(text).chars().count())
    });
    let floor_dir = format!("{group_name}/{floor}/{parameter}");
    MEASURED.with(|m| m.borrow_mut().push((dir, floor_dir)));
}

fn bench_seeds(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    for (name, text) in seeds() {
        check_and_floor(&mut group, "seed", "", &name, &text);
    }
    group.finish();
}

fn bench_sizes(c: &mut Criterion) {
    let all: String = seeds().into_iter().map(|(_, text)| text).collect();
    let mut group = c.benchmark_group("concatenated_seeds");
    group.sample_size(20);
    for size in [128 * KB, 256 * KB, 512 * KB, 1024 * KB] {
        let text = repeated(&all, size);
        let id = format!("{}KB", size / KB);
        check_and_floor(&mut group, "concatenated_seeds", "", &id, &text);
    }
    group.finish();
}

/// The sizes of each degenerate family: a super-linear cost shows as a time per byte growing with size.
const PATHOLOGICAL_SIZES: [usize; 3] = [32 * KB, 128 * KB, 512 * KB];

/// The degenerate families (tests/common/degenerate.rs): digits without end, lines of one label, one
/// endless line, headings only…, each at three sizes.
fn bench_pathological(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, unit) in FAMILIES {
        for size in PATHOLOGICAL_SIZES {
            let text = repeated(unit, size);
            let size = format!("{}KB", size / KB);
            check_and_floor(&mut group, "pathological", name, &size, &text);
        }
    }
    group.finish();
}

/// The sizes (`n`, items of the shape) of each degenerate Word package and HTML tree: 32 KB to 10 MB.
/// Below these the time per byte still climbs as the reader's working set outgrows the caches (up to
/// 1.6× from n = 1,000 to 4,000, then flat), which says nothing of the algorithm.
const READER_SIZES: [usize; 3] = [4_000, 16_000, 64_000];

/// The Word reader on each degenerate package, the HTML reader on each degenerate tree, at three sizes.
fn bench_readers(c: &mut Criterion) {
    let mut group = c.benchmark_group("readers");
    group.sample_size(10);
    let record = |shape: String, n: usize, len: usize| {
        READ.with(|r| {
            r.borrow_mut()
                .push((shape.clone(), format!("readers/{shape}/{n}"), len))
        });
        BenchmarkId::new(shape, n)
    };
    for n in READER_SIZES {
        for (what, bytes) in degenerate_files::word_documents(n) {
            let id = record(format!("docx_{}", what.replace(' ', "_")), n, bytes.len());
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            group.bench_with_input(id, &bytes, |b, bytes| {
                b.iter(|| nianbao::import::docx_to_text(black_box(bytes)))
            });
        }
        for (what, flat) in degenerate_files::html_trees(n) {
            let id = record(format!("html_{}", what.replace(' ', "_")), n, flat.len());
            group.throughput(Throughput::Bytes(flat.len() as u64));
            group.bench_with_input(id, &flat, |b, flat| {
                b.iter(|| {
                    let tree = nianbao::import::FlatTree::parse(black_box(flat));
                    nianbao::import::html_to_text(&tree.root())
                })
            });
        }
    }
    group.finish();
}

/// For each reader's shape, its time per byte at the largest size ÷ at the smallest.
fn print_reader_growth(root: &Path, since: SystemTime) {
    println!(
        "\nreaders, time per byte, n = {} ÷ n = {}:",
        READER_SIZES[2], READER_SIZES[0]
    );
    READ.with(|r| {
        let all = r.borrow();
        let per_byte = |shape: &str, n: usize| {
            let (_, dir, len) = all
                .iter()
                .find(|(s, d, _)| s == shape && d.ends_with(&format!("/{n}")))?;
            estimate_ns(&root.join(dir), since).map(|ns| ns / *len as f64)
        };
        let mut shapes: Vec<&str> = Vec::new();
        for (shape, _, _) in all.iter() {
            if !shapes.contains(&shape.as_str()) {
                shapes.push(shape);
            }
        }
        for shape in shapes {
            if let (Some(small), Some(large)) = (
                per_byte(shape, READER_SIZES[0]),
                per_byte(shape, READER_SIZES[2]),
            ) {
                println!("{shape:<40} {:.2}", large / small);
            }
        }
    });
}

/// For each degenerate family, its time per byte at the largest size ÷ at the smallest: 1 is linear;
/// the bound is 1.5.
fn print_growth(root: &Path, since: SystemTime) {
    println!(
        "
time per byte, {} KB ÷ {} KB:",
        PATHOLOGICAL_SIZES[2] / KB,
        PATHOLOGICAL_SIZES[0] / KB
    );
    let per_byte = |name: &str, size: usize| {
        estimate_ns(
            &root.join(format!("pathological/{name}/{}KB", size / KB)),
            since,
        )
        .map(|ns| ns / size as f64)
    };
    for (name, _) in FAMILIES {
        if let (Some(small), Some(large)) = (
            per_byte(name, PATHOLOGICAL_SIZES[0]),
            per_byte(name, PATHOLOGICAL_SIZES[2]),
        ) {
            println!("{name:<24} {:.2}", large / small);
        }
    }
}

/// Where criterion writes its estimates: `target/criterion`, beside the directory of this binary
/// (`target/release/deps`).
fn criterion_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the benchmark's own path");
    exe.ancestors()
        .nth(3)
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
        .join("criterion")
}

/// Criterion's estimate of one benchmark's time per iteration, in nanoseconds (the slope when it
/// sampled linearly, else the mean); `None` when it was not run this time (filtered out: its
/// estimates are older than `since`).
fn estimate_ns(dir: &Path, since: SystemTime) -> Option<f64> {
    let path = dir.join("new/estimates.json");
    let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
    if written < since {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    ["slope", "mean"]
        .iter()
        .find_map(|k| json[k]["point_estimate"].as_f64())
}

fn shown(ns: f64) -> String {
    match ns {
        n if n >= 1e6 => format!("{:.2} ms", n / 1e6),
        n if n >= 1e3 => format!("{:.1} µs", n / 1e3),
        n => format!("{n:.0} ns"),
    }
}

/// Each figure beside its floor, and as a multiple of it.
fn print_multiples(root: &Path, since: SystemTime) {
    println!("\nfigure ÷ floor (one pass counting the text's characters):");
    MEASURED.with(|m| {
        for (figure, floor) in m.borrow().iter() {
            let (Some(check), Some(floor)) = (
                estimate_ns(&root.join(figure), since),
                estimate_ns(&root.join(floor), since),
            ) else {
                continue;
            };
            println!(
                "{:<44} {:>10}  floor {:>9}  × {:.0}",
                figure,
                shown(check),
                shown(floor),
                check / floor
            );
        }
    });
}

fn main() {
    let started = SystemTime::now();
    let root = criterion_dir();
    let mut c = Criterion::default()
        .output_directory(&root)
        .configure_from_args();
    bench_seeds(&mut c);
    bench_sizes(&mut c);
    bench_pathological(&mut c);
    bench_readers(&mut c);
    c.final_summary();
    print_multiples(&root, started);
    print_growth(&root, started);
    print_reader_growth(&root, started);
}
