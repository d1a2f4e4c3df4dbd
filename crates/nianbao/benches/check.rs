//! How fast `nianbao::check` is: on each seed (target ≤ 100 µs), on synthetic reports of 128 KB to 1 MB
//! made by concatenating the seeds (target ≤ 20 ms for 1 MB, cost linear in size: the time per byte,
//! shown as throughput, should stay flat), and on a few pathological texts of growing size (where a
//! super-linear cost shows as falling throughput).
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

/// `unit` repeated up to `size` bytes, cut at a character boundary.
fn repeated(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len() + 1);
    let mut cut = size.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

const KB: usize = 1024;

thread_local! {
    /// Every figure measured, as (its directory under criterion's, its floor's).
    static MEASURED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
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

/// Texts with no sentence stops, lines of one label, or one endless line: where a scan that restarts
/// at every match turns quadratic.
fn bench_pathological(c: &mut Criterion) {
    let headings = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\
                    四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
    let cases: [(&str, &str); 3] = [
        ("part_headings", headings),
        ("label_lines", "（七）总计\n"),
        ("one_line", "字"),
    ];
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, unit) in cases {
        for size in [32 * KB, 64 * KB, 128 * KB] {
            let text = repeated(unit, size);
            let size = format!("{}KB", size / KB);
            check_and_floor(&mut group, "pathological", name, &size, &text);
        }
    }
    group.finish();
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
    c.final_summary();
    print_multiples(&root, started);
}
