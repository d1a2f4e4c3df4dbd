//! The core's top-level modules form a one-way stack: reading every `crate::…` path in each module's
//! source (its `use` lines and inline paths, tests included), the graph of which module names which is
//! acyclic. `span` is at the bottom and `report` imports everything it gathers but nothing below it
//! imports `report`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("a source directory")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules of the crate (files and directories beside `lib.rs`) and their sources.
fn modules() -> BTreeMap<String, String> {
    let mut modules = BTreeMap::new();
    for entry in std::fs::read_dir(src()).expect("src") {
        let path = entry.expect("a directory entry").path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if stem == "lib" || stem == "main" {
            continue;
        }
        let mut files = Vec::new();
        if path.is_dir() {
            rust_files(&path, &mut files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path.clone());
        } else {
            continue;
        }
        let text: String = files
            .iter()
            .map(|f| std::fs::read_to_string(f).expect("a UTF-8 source"))
            .collect::<Vec<_>>()
            .join("\n");
        modules
            .entry(stem)
            .or_insert_with(String::new)
            .push_str(&text);
    }
    modules
}

/// The top-level modules `source` names through `crate::`: `crate::x::…` and `use crate::{x, y::…}`.
fn named_modules(source: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    let mut rest = source;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let words: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            // A grouped import: the first segment of each item, nested groups skipped.
            let mut depth = 0;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => return true,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    false
                })
                .map_or(group.len(), |(i, _)| i);
            let mut items = Vec::new();
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group[..end].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        items.push(&group[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            items.push(&group[start..end]);
            items
        } else {
            vec![rest]
        };
        for word in words {
            let name: String = word
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if known.contains(&name) {
                named.insert(name);
            }
        }
    }
    named
}

fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let known: BTreeSet<String> = modules.keys().cloned().collect();
    modules
        .iter()
        .map(|(name, source)| {
            let mut named = named_modules(source, &known);
            named.remove(name);
            (name.clone(), named)
        })
        .collect()
}

/// The modules in an order where each comes after everything it imports, or the modules left on a
/// cycle.
fn layers(graph: &BTreeMap<String, BTreeSet<String>>) -> Result<Vec<String>, Vec<String>> {
    let mut placed: Vec<String> = Vec::new();
    let mut left: BTreeSet<String> = graph.keys().cloned().collect();
    while !left.is_empty() {
        let ready: Vec<String> = left
            .iter()
            .filter(|m| graph[*m].iter().all(|d| placed.contains(d)))
            .cloned()
            .collect();
        if ready.is_empty() {
            return Err(left.into_iter().collect());
        }
        for m in ready {
            left.remove(&m);
            placed.push(m);
        }
    }
    Ok(placed)
}

#[test]
fn the_top_level_modules_import_each_other_one_way() {
    let graph = import_graph();
    assert!(graph.contains_key("span") && graph.contains_key("report"));
    match layers(&graph) {
        Ok(order) => println!("bottom to top: {}", order.join(" < ")),
        Err(cycle) => {
            let edges: Vec<String> = cycle
                .iter()
                .map(|m| {
                    let deps: Vec<&str> = graph[m]
                        .iter()
                        .filter(|d| cycle.contains(d))
                        .map(String::as_str)
                        .collect();
                    format!("{m} → {}", deps.join(", "))
                })
                .collect();
            panic!(
                "the modules import each other in a cycle: {}",
                edges.join("; ")
            );
        }
    }
}

#[test]
fn spans_are_at_the_bottom_and_nothing_below_the_report_imports_it() {
    let graph = import_graph();
    assert!(graph["span"].is_empty(), "span imports {:?}", graph["span"]);
    for (module, deps) in &graph {
        if deps.contains("report") {
            assert!(
                ["summary", "present", "export"].contains(&module.as_str()),
                "{module} imports report: only what presents a finished report may"
            );
        }
    }
}

#[test]
fn the_reader_sees_grouped_and_inline_paths() {
    let known: BTreeSet<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
    let named = named_modules(
        "use crate::a::X;\nuse crate::{b::{Y, Z}, c};\nlet v = crate::d::f();",
        &known,
    );
    assert_eq!(named, known);
}

/// Every name the template gives a table's rows, columns, bands, captions and headers: what only
/// the template may spell out. Keys always; printed labels when they are long enough to be the
/// template's wording rather than an everyday word the prose also uses (「规章」 「规范性文件」).
fn template_names() -> BTreeSet<String> {
    use nianbao::template::{self, TableId, Version};
    let mut names = BTreeSet::new();
    let mut label = |text: &str| {
        if text.chars().count() >= 6 {
            names.insert(text.to_string());
        }
    };
    let mut keys = BTreeSet::new();
    for id in TableId::ALL {
        for version in Version::ALL {
            let spec = template::table(id, version);
            for section in spec.sections {
                section.caption.into_iter().for_each(&mut label);
                section.headers.iter().for_each(|h| label(h));
                for c in section.columns {
                    keys.insert(c.key.to_string());
                    label(c.name);
                    label(c.band);
                }
                for r in section.rows {
                    keys.insert(r.key.to_string());
                    label(r.label);
                    label(r.short);
                    r.aliases.iter().for_each(|a| label(a));
                }
            }
        }
    }
    names.extend(keys);
    names
}

/// The string literals of `source` (comments skipped; raw strings are not used in these files).
fn string_literals(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            // A char literal such as '"': skip it whole.
            '\'' => {
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with("\"'") || rest.starts_with("\\\"'") {
                    chars.nth(rest.find('\'').unwrap_or(0));
                }
            }
            '"' => {
                let mut literal = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => literal.push(c),
                    }
                }
                out.push(literal);
            }
            _ => {}
        }
    }
    out
}

/// Cell index arithmetic: a fixed cell position, a fixed row width, a slice of fixed cells.
fn index_arithmetic(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let squashed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let fixed = |pattern: &str| {
            squashed.match_indices(pattern).any(|(at, p)| {
                squashed[at + p.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit())
            })
        };
        let cells_index_math = squashed.match_indices("cells[").any(|(at, p)| {
            let inside = &squashed[at + p.len()..];
            let inside = &inside[..inside.find(']').unwrap_or(inside.len())];
            inside.starts_with(|c: char| c.is_ascii_digit()) || inside.contains('*')
        });
        if cells_index_math || fixed("cells.len()==") || fixed("[..") || fixed("vec![None;") {
            found.push(line.trim().to_string());
        }
    }
    found
}

/// The files that must ask the template: the rules, the JSON summary, the presentation layer. Test
/// modules (from `#[cfg(test)]` on) are left out.
fn template_readers() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    for dir in ["rules", "present"] {
        rust_files(&src().join(dir), &mut files);
    }
    files.push(src().join("summary.rs"));
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a UTF-8 source");
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_string();
            (path, code)
        })
        .collect()
}

#[test]
fn only_the_template_names_rows_and_columns_or_counts_cells() {
    let names = template_names();
    assert!(names.contains("forward") && names.contains("四、结转下年度继续办理"));
    // Literals that spell a template key by coincidence and mean something else.
    let not_table_names = [("summary.rs", "previous")]; // the JSON field for last year's place
    let mut offences = Vec::new();
    for (path, code) in template_readers() {
        let file = path
            .strip_prefix(src())
            .unwrap_or(&path)
            .display()
            .to_string();
        for literal in string_literals(&code) {
            if names.contains(&literal) && !not_table_names.contains(&(file.as_str(), &literal)) {
                offences.push(format!("{file}: \"{literal}\""));
            }
        }
        for line in index_arithmetic(&code) {
            offences.push(format!("{file}: {line}"));
        }
    }
    assert!(
        offences.is_empty(),
        "table facts outside the template:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_scanner_sees_literals_and_index_arithmetic() {
    let code = "let c = '\"'; // \"skipped\"\nlet r = t.row(\"forward\");\nlet x = &row.cells[b * 5 + 4];\nlet y = &r.cells[..6];\nif r.cells.len() == 7 {}\nvec![None; 15]";
    assert_eq!(string_literals(code), ["forward"]);
    assert_eq!(index_arithmetic(code).len(), 4);
    assert!(index_arithmetic("let t = row.cells.get(total.total);").is_empty());
}
