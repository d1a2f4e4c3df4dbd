//! C05: the prose cites 国办公开办函〔2019〕60号 (the trial format) in a report for 2021 or later.

use crate::rules::Severity;
use crate::rules::{Context, Fix, RuleDoc, Sink};
use crate::text::prose::Prose;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "引用已被替代的格式文件",
    what: "2021 年度起的年报应依据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。2021 年度及以后的报告在正文中引用 2019 年的试行格式国办公开办函〔2019〕60号时报告。",
    why: "引用旧文件说明报告可能是照着旧模板或上年报告改的，表格和内容要求也可能跟着用错了。",
    fix: "把依据改为《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）。",
    bad: "某街道2023年政府信息公开工作年度报告\n本报告依据国办公开办函〔2019〕60号要求编制。\n一、总体情况\n",
    good: "某街道2023年政府信息公开工作年度报告\n本报告依据国办公开办函〔2021〕30号要求编制。\n一、总体情况\n",
    last_year_example: None,
};

/// The format the reports from 2021 on follow, as cited.
const CURRENT_BASIS: &str = "国办公开办函〔2021〕30号";

/// The first year whose reports use the 2021 format.
const FIRST_YEAR_OF_2021_FORMAT: u32 = 2021;

/// The index after 「〔2019〕60号」 (brackets of any shape, or none; 「第60号」) written at `at`.
fn cites_60(prose: &Prose, at: usize) -> Option<usize> {
    let mut i = prose.skip_breaks(at);
    if matches!(prose.char(i), Some('[' | '(' | '〔')) {
        i += 1;
    }
    i = prose.eat(prose.skip_breaks(i), "2019")?;
    if matches!(prose.char(i), Some(']' | ')' | '〕')) {
        i += 1;
    }
    i = prose.skip_breaks(i);
    if prose.char(i) == Some('第') {
        i += 1;
    }
    prose.eat(prose.skip_breaks(i), "60号")
}

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let Some(year) = parsed.document.year else {
        return;
    };
    if year < FIRST_YEAR_OF_2021_FORMAT {
        return;
    }
    let prose = Prose::of(parsed);
    for at in prose.find_all("公开办函") {
        let Some(end) = cites_60(prose, at + "公开办函".chars().count()) else {
            continue;
        };
        let start = if at >= 2 && prose.text(at - 2, at) == "国办" {
            at - 2
        } else {
            at
        };
        let span = prose.span(start, end);
        let cited = parsed.slice(span).replace(['\n', '\r'], "");
        let message = format!(
            "本报告为 {year} 年度，但正文引用了「{cited}」，这是 2019、2020 年度年报使用的试行格式；2021 年度起应依据国办公开办函〔2021〕30号"
        );
        let current = if start == at {
            CURRENT_BASIS.trim_start_matches("国办")
        } else {
            CURRENT_BASIS
        };
        out.report(span, message)
            .fix(Fix::single(format!("改为「{current}」"), span, current));
    }
}
