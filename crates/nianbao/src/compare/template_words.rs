//! The template's own wording — the part headings and the tables' row labels, column names,
//! captions and notes — left out of the compared prose wherever it stands. The parser takes found tables out already; but a table
//! it could not read (a web page flattened to one line, a PDF's columns run together) would
//! otherwise count as prose, and every report's tables read the same.

use super::normal::Normalised;
use crate::template::{self, TableId, Version};

/// A label shorter than this (in units) is too much an ordinary word of prose (「总计」, 「其他」).
/// Longer ones that prose also uses (「行政许可」) are left out of both reports alike.
const SHORTEST_LABEL: usize = 4;
/// Buckets of labels by their first unit.
const BUCKETS: usize = 64;

/// Every wording of the two versions' tables, normalised, in buckets by first unit.
fn labels() -> Vec<Vec<Vec<char>>> {
    let mut words: Vec<&str> = Vec::new();
    for id in TableId::ALL {
        for version in Version::ALL {
            let table = template::table(id, version);
            words.extend(table.note);
            for section in table.sections {
                words.extend(section.caption);
                words.extend(section.headers);
                for column in section.columns {
                    words.push(column.name);
                    words.push(column.band);
                }
                for row in section.rows {
                    words.push(row.label);
                    words.extend(row.aliases);
                }
            }
        }
    }
    for part in &template::PARTS {
        words.push(part.heading);
        words.extend(part.variants);
    }
    let mut buckets = vec![Vec::new(); BUCKETS];
    for word in words {
        let mut n = Normalised::default();
        n.push_stretch(word, 0, 0);
        if n.units.len() >= SHORTEST_LABEL {
            buckets[bucket(n.units[0])].push(n.units);
        }
    }
    buckets
}

fn bucket(unit: char) -> usize {
    unit as usize % BUCKETS
}

/// Which units of `units` belong to a template wording (the longest one starting at each place).
pub fn template_units(units: &[char]) -> Vec<bool> {
    let labels = labels();
    let mut marked = vec![false; units.len()];
    let mut at = 0;
    while at < units.len() {
        let longest = labels[bucket(units[at])]
            .iter()
            .filter(|label| units[at..].starts_with(label))
            .map(Vec::len)
            .max();
        match longest {
            Some(len) => {
                marked[at..at + len].iter_mut().for_each(|m| *m = true);
                at += len;
            }
            None => at += 1,
        }
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flattened_tables_labels_are_found_and_prose_is_not() {
        let mut n = Normalised::default();
        n.push_stretch(
            "申请人情况自然人一、本年新收政府信息公开申请数量801000081我街道本年新收申请较多。",
            0,
            0,
        );
        let marked = template_units(&n.units);
        let kept: String = n
            .units
            .iter()
            .zip(&marked)
            .filter(|(_, m)| !**m)
            .map(|(u, _)| u)
            .collect();
        assert_eq!(kept, "自然人#我街道本年新收申请较多");
    }
}
