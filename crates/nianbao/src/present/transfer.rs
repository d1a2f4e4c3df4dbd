//! A report in a compact text form, for the page's check worker: long texts are checked off the page's
//! main thread, and the answer has to cross `postMessage` as a string. It carries what the page shows of
//! a long text (the findings, the format and year, the title and the six parts), not the tables: a
//! derived deserialiser for the whole model costs the page about 32 KB, this reader about 2.
//!
//! The form is a run of fields: a number is its digits and `,`; a string is its length in bytes, `:`,
//! and its bytes (so any text may follow); an absent value is `-`. It starts with a version tag, so an
//! answer from a worker of another build is refused rather than misread.

use crate::model::{Document, Part, Title, TitleMatch};
use crate::report::{Finding, Label, Report, RuleCode, Severity, Source, Span};
use crate::rules::{Edit, Fix};
use crate::template::{self, Version};

const TAG: &str = "nianbao-transfer-1,";

/// `report` written for [`decode`]. Its tables and the prose repeated from last year stay behind.
pub fn encode(report: &Report) -> String {
    let mut out = Writer(String::from(TAG));
    let doc = &report.document;
    out.number(match doc.format {
        None => 0,
        Some(Version::V2021) => 1,
        Some(Version::V2019) => 2,
    });
    out.number(usize::from(doc.mixed_format));
    out.optional_number(doc.year.map(|y| y as usize));
    match &doc.title {
        None => out.absent(),
        Some(title) => {
            out.string(&title.text);
            out.span(title.span);
            out.number(title.line);
        }
    }
    out.number(doc.parts.len());
    for part in &doc.parts {
        out.number(usize::from(part.number));
        out.number(usize::from(part.found));
        out.optional_string(part.heading.as_deref());
        out.optional_string(part.numeral.as_deref());
        out.number(match part.title_match {
            None => 0,
            Some(TitleMatch::Standard) => 1,
            Some(TitleMatch::Variant) => 2,
            Some(TitleMatch::Renamed) => 3,
        });
        out.span(part.heading_span);
        out.span(part.body);
        out.number(part.line);
    }
    out.number(report.findings.len());
    for f in &report.findings {
        out.string(f.code.as_str());
        out.number(f.severity as usize);
        out.string(&f.message);
        out.number(f.line);
        out.number(f.start);
        out.number(f.end);
        out.optional_number(f.part.map(usize::from));
        out.number(f.labels.len());
        for l in &f.labels {
            out.number(l.start);
            out.number(l.end);
            out.number(l.line);
            out.string(&l.label);
            out.number(usize::from(l.source == Source::LastYear));
        }
        out.optional_string(f.expected.as_deref());
        out.optional_string(f.actual.as_deref());
        out.optional_string(f.help.as_deref());
        match &f.fix {
            None => out.absent(),
            Some(fix) => {
                out.string(&fix.label);
                out.number(fix.edits.len());
                for e in &fix.edits {
                    out.number(e.start);
                    out.number(e.end);
                    out.string(&e.replacement);
                }
            }
        }
    }
    out.0
}

/// The report [`encode`] wrote, with no tables; `None` for anything it did not write.
pub fn decode(text: &str) -> Option<Report> {
    let mut input = Reader(text.strip_prefix(TAG)?);
    let format = match input.number()? {
        0 => None,
        1 => Some(Version::V2021),
        2 => Some(Version::V2019),
        _ => return None,
    };
    let mixed_format = input.flag()?;
    let year = input
        .optional(Reader::number)?
        .map(u32::try_from)
        .transpose()
        .ok()?;
    let title = input.optional(|r| {
        Some(Title {
            text: r.string()?.to_string(),
            span: r.span()?,
            line: r.number()?,
        })
    })?;
    let part_count = input.count()?;
    let mut parts = Vec::with_capacity(part_count.min(6));
    for _ in 0..part_count {
        let number = u8::try_from(input.number()?)
            .ok()
            .filter(|n| (1..=6).contains(n))?;
        parts.push(Part {
            number,
            standard: template::part(number).heading,
            found: input.flag()?,
            heading: input.optional_string()?,
            numeral: input.optional_string()?,
            title_match: match input.number()? {
                0 => None,
                1 => Some(TitleMatch::Standard),
                2 => Some(TitleMatch::Variant),
                3 => Some(TitleMatch::Renamed),
                _ => return None,
            },
            heading_span: input.span()?,
            body: input.span()?,
            line: input.number()?,
        });
    }
    // The page looks parts up by number: all six, in order, or nothing.
    if parts.iter().map(|p| usize::from(p.number)).ne(1..=6) {
        return None;
    }
    let finding_count = input.count()?;
    let mut findings = Vec::with_capacity(finding_count);
    for _ in 0..finding_count {
        let code = input.string()?;
        let code = *RuleCode::ALL.iter().find(|c| c.as_str() == code)?;
        let severity = match input.number()? {
            0 => Severity::Error,
            1 => Severity::Warning,
            2 => Severity::Info,
            _ => return None,
        };
        let message = input.string()?.to_string();
        let (line, start, end) = (input.number()?, input.number()?, input.number()?);
        let part = input
            .optional(Reader::number)?
            .map(u8::try_from)
            .transpose()
            .ok()?;
        let label_count = input.count()?;
        let mut labels = Vec::with_capacity(label_count);
        for _ in 0..label_count {
            labels.push(Label {
                start: input.number()?,
                end: input.number()?,
                line: input.number()?,
                label: input.string()?.to_string(),
                source: if input.flag()? {
                    Source::LastYear
                } else {
                    Source::ThisYear
                },
            });
        }
        let expected = input.optional_string()?;
        let actual = input.optional_string()?;
        let help = input.optional_string()?;
        let fix = input.optional(|r| {
            let label = r.string()?.to_string();
            let edit_count = r.count()?;
            let mut edits = Vec::with_capacity(edit_count);
            for _ in 0..edit_count {
                let span = r.span()?;
                edits.push(Edit::new(span, r.string()?));
            }
            Some(Fix::new(label, edits))
        })?;
        findings.push(Finding {
            code,
            severity,
            message,
            line,
            start,
            end,
            part,
            labels,
            expected,
            actual,
            help,
            fix,
        });
    }
    if !input.0.is_empty() {
        return None;
    }
    Some(Report {
        document: Document {
            format,
            mixed_format,
            year,
            title,
            parts,
            ..Document::default()
        },
        findings,
        repeated: None,
    })
}

struct Writer(String);

impl Writer {
    fn number(&mut self, n: usize) {
        self.0.push_str(&n.to_string());
        self.0.push(',');
    }
    fn optional_number(&mut self, n: Option<usize>) {
        match n {
            Some(n) => self.number(n),
            None => self.absent(),
        }
    }
    fn string(&mut self, s: &str) {
        self.0.push_str(&s.len().to_string());
        self.0.push(':');
        self.0.push_str(s);
    }
    fn optional_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.absent(),
        }
    }
    fn span(&mut self, span: Span) {
        self.number(span.start);
        self.number(span.end);
    }
    fn absent(&mut self) {
        self.0.push('-');
    }
}

struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    /// Digits up to `end`, and past it.
    fn digits(&mut self, end: char) -> Option<usize> {
        let (digits, rest) = self.0.split_once(end)?;
        if digits.is_empty() || digits.len() > 19 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.0 = rest;
        digits.parse().ok()
    }
    fn number(&mut self) -> Option<usize> {
        self.digits(',')
    }
    /// A length of a list to come: never more items than bytes left, so a forged count allocates
    /// nothing out of proportion.
    fn count(&mut self) -> Option<usize> {
        self.number().filter(|&n| n <= self.0.len())
    }
    fn flag(&mut self) -> Option<bool> {
        match self.number()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn string(&mut self) -> Option<&'a str> {
        let len = self.digits(':')?;
        let s = self.0.get(..len)?;
        self.0 = &self.0[len..];
        Some(s)
    }
    fn span(&mut self) -> Option<Span> {
        Some(Span::new(self.number()?, self.number()?))
    }
    /// `-`, or what `read` reads; `None` when neither is there.
    fn optional<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.0.strip_prefix('-') {
            Some(rest) => {
                self.0 = rest;
                Some(None)
            }
            None => read(self).map(Some),
        }
    }
    fn optional_string(&mut self) -> Option<Option<String>> {
        self.optional(|r| r.string().map(str::to_string))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::tests_support::{seed, seed_000_with_a_changed_cell, seeds};

    /// What the page reads of a report, in a form two reports can be compared by.
    fn shown(report: &Report) -> String {
        let doc = &report.document;
        let parts: Vec<_> = doc
            .parts
            .iter()
            .map(|p| {
                (
                    p.number,
                    p.standard,
                    p.found,
                    &p.heading,
                    &p.numeral,
                    p.title_match,
                    p.heading_span,
                    p.body,
                    p.line,
                )
            })
            .collect();
        let title = doc.title.as_ref().map(|t| (&t.text, t.span, t.line));
        format!(
            "{:?} {} {:?} {:?} {:?} {:?}",
            doc.format, doc.mixed_format, doc.year, title, parts, report.findings
        )
    }

    #[test]
    fn every_seed_and_a_broken_one_come_back_as_the_page_shows_them() {
        let (changed, _) = seed_000_with_a_changed_cell();
        let mut texts: Vec<String> = seeds().iter().map(|(_, t)| t.to_string()).collect();
        texts.push(changed);
        // A text with no part found, and one with a finding on every line.
        texts.push("随便写的一段话。\n没有标题。".to_string());
        texts.push("（七）总计\n".repeat(50));
        let mut with_fix = 0;
        for text in &texts {
            let report = crate::check(text);
            with_fix += report.findings.iter().filter(|f| f.fix.is_some()).count();
            let back = decode(&encode(&report)).expect("its own encoding reads back");
            assert_eq!(shown(&back), shown(&report));
            assert!(back.document.tables.is_empty());
        }
        assert!(with_fix > 0, "a fix travels too");
    }

    #[test]
    fn labels_in_last_years_report_keep_their_source() {
        let doc = RuleCode::X02.doc();
        let report = crate::check_with_previous(doc.bad, doc.last_year_example.unwrap());
        assert!(report.findings.iter().any(|f| f.in_last_year().is_some()));
        let back = decode(&encode(&report)).unwrap();
        assert_eq!(back.findings, report.findings);
    }

    #[test]
    fn anything_else_is_refused_without_a_panic() {
        let good = encode(&crate::check(seed("003")));
        assert!(decode("").is_none());
        assert!(
            decode("nianbao-transfer-0,1,0,-").is_none(),
            "another version"
        );
        // Every truncation, and every single byte changed to something that breaks the form.
        for end in (0..good.len()).filter(|&i| good.is_char_boundary(i)) {
            assert!(decode(&good[..end]).is_none(), "cut at {end}");
        }
        let mut accepted = 0;
        for at in (TAG.len()..good.len())
            .step_by(7)
            .filter(|&i| good.is_char_boundary(i))
        {
            for b in ["9", ":", ",", "-", "x"] {
                let mut bent = good.clone();
                let len = bent[at..].chars().next().map_or(0, char::len_utf8);
                bent.replace_range(at..at + len, b);
                accepted += usize::from(decode(&bent).is_some());
            }
        }
        // A changed digit inside a message or a number can still read: that is a different report, not
        // a broken form. The point is that nothing panics and most damage is caught.
        assert!(accepted > 0);
        // Counts that promise more than the bytes left allocate nothing.
        assert!(decode(&format!("{TAG}0,0,-,-,99999999999,")).is_none());
    }
}
