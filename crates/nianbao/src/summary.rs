//! The shape one checked file takes in the CLI's JSON output and in `window.nianbao.check`: the
//! contract with scripts, so it is built here once and only serialised elsewhere.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::compare::RepeatedProse;
use crate::model::Value;
use crate::report::Report;
use crate::rules::{Finding, Label};
use crate::template::{TableId, Version};

#[derive(Clone, Debug, Serialize)]
pub struct FileSummary {
    pub file: String,
    pub format: Option<Version>,
    pub mixed_format: bool,
    pub year: Option<u32>,
    pub title: Option<String>,
    pub parts: Vec<PartSummary>,
    pub findings: Vec<Finding>,
    pub counts: Counts,
    pub tables: TablesSummary,
    /// Beside last year's report: the share of repeated prose and the repeated passages of both
    /// texts (X03); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeated: Option<RepeatedProse>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PartSummary {
    pub number: u8,
    pub standard: &'static str,
    pub found: bool,
    pub heading: Option<String>,
    /// 1-based; for a missing part, the line where it should have been.
    pub line: usize,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct TablesSummary {
    /// Row label to its values, in template order, per the version found; absent rows are left out.
    pub t2: LabelledRows,
    /// Rows in template order, each seven values; a missing row is seven nulls.
    pub t3: Vec<Vec<Option<Value>>>,
    /// Fifteen values.
    pub t4: Vec<Option<Value>>,
}

/// Rows keyed by label, serialised as a JSON object that keeps the template's order.
#[derive(Clone, Debug, Default)]
pub struct LabelledRows(pub Vec<(&'static str, Vec<Option<Value>>)>);

impl Serialize for LabelledRows {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (label, values) in &self.0 {
            map.serialize_entry(label, values)?;
        }
        map.end()
    }
}

fn values(cells: &[crate::model::Cell], width: usize) -> Vec<Option<Value>> {
    let mut out: Vec<Option<Value>> = cells
        .iter()
        .map(|c| if c.problem.is_some() { None } else { c.value })
        .collect();
    out.resize(width, None);
    out
}

impl FileSummary {
    pub fn new(file: &str, report: &Report) -> Self {
        use crate::rules::Severity::*;
        let doc = &report.document;
        let width = |id: TableId| {
            doc.table(id)
                .map_or(0, |t| crate::template::table(id, t.version).width())
        };
        let mut t2 = LabelledRows::default();
        if let Some(table) = doc.table(TableId::T2).filter(|t| t.found) {
            let spec = crate::template::table(TableId::T2, table.version);
            for (section, row) in spec.data_rows() {
                if let Some(r) = table.row(row.key).filter(|r| r.found) {
                    t2.0.push((row.label, values(&r.cells, section.columns.len())));
                }
            }
        }
        // T4 is the same in both versions: a missing one is still a row of its width.
        let t4_width = crate::template::table(TableId::T4, Version::V2021).width();
        let table_rows = |id: TableId| -> Vec<Vec<Option<Value>>> {
            doc.table(id)
                .filter(|t| t.found)
                .map(|t| t.rows.iter().map(|r| values(&r.cells, width(id))).collect())
                .unwrap_or_default()
        };
        FileSummary {
            file: file.to_string(),
            format: doc.format,
            mixed_format: doc.mixed_format,
            year: doc.year,
            title: doc.title.as_ref().map(|t| t.text.clone()),
            parts: doc
                .parts
                .iter()
                .map(|p| PartSummary {
                    number: p.number,
                    standard: p.standard,
                    found: p.found,
                    heading: p.heading.clone(),
                    line: p.line,
                })
                .collect(),
            findings: report.findings.clone(),
            counts: Counts {
                error: report.count(Error),
                warning: report.count(Warning),
                info: report.count(Info),
            },
            tables: TablesSummary {
                t2,
                t3: table_rows(TableId::T3),
                t4: table_rows(TableId::T4)
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| vec![None; t4_width]),
            },
            repeated: report.repeated.clone(),
        }
    }
}

/// A finding as the JSON has it: the primary place flat (`line`, `start`, `end`), the labels in this
/// year's text as `related`, the one in last year's as `previous`.
impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let related = self.related();
        let previous = self.in_last_year();
        let fields = 7
            + usize::from(!related.is_empty())
            + [
                previous.is_some(),
                self.expected.is_some(),
                self.actual.is_some(),
                self.help.is_some(),
                self.fix.is_some(),
            ]
            .iter()
            .filter(|&&present| present)
            .count();
        let mut map = s.serialize_map(Some(fields))?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("line", &self.line)?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        if !related.is_empty() {
            map.serialize_entry("related", &related)?;
        }
        map.serialize_entry("part", &self.part)?;
        if let Some(previous) = previous {
            map.serialize_entry("previous", previous)?;
        }
        if let Some(expected) = &self.expected {
            map.serialize_entry("expected", expected)?;
        }
        if let Some(actual) = &self.actual {
            map.serialize_entry("actual", actual)?;
        }
        if let Some(help) = &self.help {
            map.serialize_entry("help", help)?;
        }
        // Only when there is one, so findings without a fix keep their shape.
        if let Some(fix) = &self.fix {
            map.serialize_entry("fix", fix)?;
        }
        map.end()
    }
}

/// A label as the JSON has it (which report it points into is said by where it stands).
impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.serialize_entry("line", &self.line)?;
        map.serialize_entry("label", &self.label)?;
        map.end()
    }
}
