//! How fast `nianbao::check` is: on each seed (target ≤ 100 µs), on synthetic reports of 128 KB to 1 MB
//! made by concatenating the seeds (target ≤ 20 ms for 1 MB, cost linear in size: the time per byte,
//! shown as throughput, should stay flat), and on a few pathological texts of growing size (where a
//! super-linear cost shows as falling throughput).
//!
//! `cargo bench --bench check -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

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

fn bench_seeds(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    for (name, text) in seeds() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, text| {
            b.iter(|| nianbao::check(black_box(text)))
        });
    }
    group.finish();
}

fn bench_sizes(c: &mut Criterion) {
    let all: String = seeds().into_iter().map(|(_, text)| text).collect();
    let mut group = c.benchmark_group("concatenated_seeds");
    group.sample_size(20);
    for size in [128 * KB, 256 * KB, 512 * KB, 1024 * KB] {
        let text = repeated(&all, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{}KB", size / KB)),
            &text,
            |b, text| b.iter(|| nianbao::check(black_box(text))),
        );
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
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(name, format!("{}KB", size / KB)),
                &text,
                |b, text| b.iter(|| nianbao::check(black_box(text))),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench_seeds, bench_sizes, bench_pathological);
criterion_main!(benches);
