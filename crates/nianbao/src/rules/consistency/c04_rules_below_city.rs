//! C04: a township, 街道 or county-level body reports 规章 in T2.
//!
//! Only State Council departments, provincial governments and the governments of districted cities
//! may make 规章 (《立法法》第九十一条、第九十三条). The body is named by the title, by the contact
//! sentence (「请与××街道办事处联系」), by the signature, or by how the prose calls itself (「我街道」),
//! in that order; addresses are never read (「县后街77号」 is not a county).

use crate::parse::Parsed;
use crate::rules::lookup;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::span::Span;
use crate::template::facts::RULES_ROW;
use crate::text::fold_str;
use crate::text::prose::Prose;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Info,
    name: "基层机关填报了规章",
    what: "街道、乡镇和县级（含市辖区）机关无权制定规章，表二第二十条第（一）项「规章」一行应为 0。机关名称（取自标题、「请与……联系」、落款或正文中「我街道」「我镇」「我县」等自称）表明是这一级机关，而「规章」一行填了大于 0 的数时提示。",
    why: "按《中华人民共和国立法法》，只有国务院部门、省级人民政府和设区的市、自治州人民政府可以制定规章。基层机关在「规章」行填数，多半是把行政规范性文件或内部制度填错了行。",
    fix: "核对表二「规章」一行：基层机关无权制定规章，应填 0；如把规范性文件填在了这一行，移到「行政规范性文件」一行。",
    bad: "某某街道2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t2\t0\t2\n行政规范性文件\t0\t0\t0\n",
    good: "某某街道2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t0\t2\n",
    last_year_example: None,
};

/// In order of precedence: a 街道 or township of a county is named as such.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Street,
    Township,
    County,
}

impl Level {
    fn name(self) -> &'static str {
        match self {
            Level::Street => "街道",
            Level::Township => "乡镇",
            Level::County => "县级",
        }
    }
}

/// After 乡/镇, what makes the word the township itself (not 乡村振兴局 or 城乡建设局).
const TOWNSHIP_BODY: [&str; 5] = ["人民政府", "政府", "党委", "人大", "办事处"];
/// After 县, what makes it a street or place rather than the county (「县后街」「县前路」).
const NOT_COUNTY_AFTER: [char; 8] = ['街', '路', '巷', '道', '前', '后', '城', '级'];
/// Before 区, what makes it something other than a city district (新区, 开发区, 园区…).
const NOT_DISTRICT_BEFORE: [char; 8] = ['新', '发', '园', '景', '税', '范', '验', '社'];

/// The level of the body `name` (folded) names, when it is one that cannot make 规章.
fn level_of(name: &str) -> Option<Level> {
    let name = name.replace("自治区", "省");
    if name.contains("街道") {
        return Some(Level::Street);
    }
    let chars: Vec<char> = name.chars().collect();
    let mut found = None;
    for (i, &c) in chars.iter().enumerate() {
        let rest: String = chars[i + 1..].iter().collect();
        let before = i.checked_sub(1).map(|j| chars[j]);
        let level = match c {
            '乡' | '镇'
                if before != Some('城')
                    && (rest.is_empty() || TOWNSHIP_BODY.iter().any(|w| rest.starts_with(w))) =>
            {
                Level::Township
            }
            '县' if i > 0
                && !rest
                    .chars()
                    .next()
                    .is_some_and(|n| NOT_COUNTY_AFTER.contains(&n)) =>
            {
                Level::County
            }
            '区' if i > 0
                && !before.is_some_and(|b| NOT_DISTRICT_BEFORE.contains(&b))
                && (rest.starts_with("人民政府") || rest.starts_with("政府")) =>
            {
                Level::County
            }
            _ => continue,
        };
        found = Some(found.map_or(level, |f: Level| f.min(level)));
    }
    found
}

/// The body's name and where it is written.
struct Named {
    level: Level,
    name: String,
    span: Span,
    how: &'static str,
}

const LONGEST_NAME: usize = 40;
const SIGNATURE_LINES: usize = 6;
const SIGNATURE_ENDINGS: [&str; 7] = [
    "办事处",
    "人民政府",
    "政府",
    "街道办",
    "委员会",
    "局",
    "办公室",
];
const SELF_NAMES: [&str; 8] = [
    "我街道",
    "本街道",
    "我镇",
    "本镇",
    "我乡",
    "本乡",
    "我县",
    "本县",
];

/// The title's words before its year or 「政府信息公开」.
pub fn name_in_title(title: &str) -> String {
    let folded = fold_str(title);
    let end = folded
        .char_indices()
        .find(|&(i, c)| c.is_ascii_digit() || folded[i..].starts_with("政府信息公开"))
        .map_or(folded.len(), |(i, _)| i);
    folded[..end].to_string()
}

fn named_body(parsed: &Parsed, prose: &Prose) -> Option<Named> {
    if let Some(title) = &parsed.document.title {
        let name = name_in_title(&title.text);
        if let Some(level) = level_of(&name) {
            return Some(Named {
                level,
                name,
                span: title.span,
                how: "标题",
            });
        }
    }
    // 「请与鲤城区开元街道办事处联系（地址：…）」: the name, never the address after it.
    for at in prose.find_all("请与") {
        let from = at + "请与".chars().count();
        let window = prose.text(from, from + LONGEST_NAME);
        let Some(name) = window
            .split("联系")
            .next()
            .filter(|n| n.len() < window.len())
        else {
            continue;
        };
        if let Some(level) = level_of(name) {
            let to = from + name.chars().count();
            return Some(Named {
                level,
                name: name.to_string(),
                span: prose.span(from, to),
                how: "联系方式",
            });
        }
    }
    // The signature: a short line near the end that names an office.
    let mut offset = parsed.text.len();
    for line in parsed.text.rsplit('\n').take(SIGNATURE_LINES) {
        offset -= line.len();
        let trimmed = line.trim();
        let folded = fold_str(trimmed);
        if !folded.is_empty()
            && folded.chars().count() <= LONGEST_NAME
            && SIGNATURE_ENDINGS.iter().any(|e| folded.ends_with(e))
        {
            if let Some(level) = level_of(&folded) {
                let lead = line.len() - line.trim_start().len();
                return Some(Named {
                    level,
                    name: trimmed.to_string(),
                    span: Span::new(offset + lead, offset + lead + trimmed.len()),
                    how: "落款",
                });
            }
        }
        offset = offset.saturating_sub(1);
    }
    // How the prose calls the body: 「我街道」「本镇」.
    SELF_NAMES
        .iter()
        .filter_map(|w| prose.find_all(w).next().map(|at| (at, *w)))
        .min()
        .and_then(|(at, word)| {
            let to = at + word.chars().count();
            let name = word.trim_start_matches(['我', '本']);
            Some(Named {
                level: level_of(name).or(Some(Level::County).filter(|_| name == "县"))?,
                name: word.to_string(),
                span: prose.span(at, to),
                how: "正文自称",
            })
        })
}

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let Some(row) = lookup::row(&parsed.document, &RULES_ROW) else {
        return;
    };
    let Some((cell, n)) = row
        .cells
        .iter()
        .find_map(|c| c.count().filter(|&n| n > 0).map(|n| (c, n)))
    else {
        return;
    };
    let prose = Prose::of(parsed);
    let Some(body) = named_body(parsed, prose) else {
        return;
    };
    let column = cell.column;
    let level = body.level.name();
    let message = format!(
        "本机关（{}：「{}」）是{level}机关，但表二「规章」{column}为 {n}。只有国务院部门、省级人民政府和设区的市人民政府可以制定规章，{level}机关此行应为 0；如填的是行政规范性文件，应填入「行政规范性文件」行",
        body.how, body.name
    );
    let related = vec![(body.span, format!("机关名称（{}）", body.how))];
    out.report(cell.span, message)
        .labels(related)
        .expected_actual("0".to_string(), n.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_level_from_a_name() {
        for (name, level) in [
            ("鲤城区人民政府开元街道办事处", Some(Level::Street)),
            ("城中街道办", Some(Level::Street)),
            ("某县某镇人民政府", Some(Level::Township)),
            ("某某镇人民政府", Some(Level::Township)),
            ("某某乡", Some(Level::Township)),
            ("某某县教育局", Some(Level::County)),
            ("某市某区人民政府", Some(Level::County)),
            ("某市住房和城乡建设局", None),
            ("某市乡村振兴局", None),
            ("某某市人民政府", None),
            ("广西壮族自治区人民政府", None),
            ("某市高新区管委会", None),
            ("鲤城区县后街77号", None),
        ] {
            assert_eq!(level_of(name), level, "{name}");
        }
    }

    #[test]
    fn reads_the_name_in_a_title() {
        assert_eq!(
            name_in_title("文峰区南关街道办事处 2023 年政府信息公开工作 年度报告"),
            "文峰区南关街道办事处"
        );
        assert_eq!(
            name_in_title("八卦洲街道政府信息公开工作年度报告"),
            "八卦洲街道"
        );
    }
}
