//! The name of the body a report is for, as it is written in the report (「城中街道办」, 「城中街道」,
//! 「南关街道办事处」 …), so that comparing two bodies' reports can leave it out: two offices that
//! copy one text and put in their own names have still copied it.

use super::normal::Normalised;
use crate::parse::Parsed;
use crate::text::fold_str;

/// What a name stands for once found.
pub const NAME: char = '@';

/// The end of every report title after the name and the year.
const TITLE_TAIL: &str = "政府信息公开工作";
/// Words that end a body's name without naming it (「人民政府」 alone names no one).
const SUFFIXES: [&str; 6] = ["人民政府", "办事处", "办公厅", "办公室", "管委会", "办"];
/// Characters after which a shorter form of a name starts (「文峰区南关街道」 → 「南关街道」).
const LEVELS: [char; 4] = ['省', '市', '区', '县'];
/// A name shorter than this (in characters) is too likely to be an ordinary word.
const SHORTEST_NAME: usize = 2;

/// The body's name from the title: what precedes 「政府信息公开工作」 without the year and any
/// 「标题：」 label.
fn name_in_title(title: &str) -> String {
    let folded = fold_str(title);
    let folded = match folded.char_indices().take(6).find(|&(_, c)| c == ':') {
        Some((at, _)) => &folded[at + 1..],
        None => &folded,
    };
    let head = folded.split(TITLE_TAIL).next().unwrap_or("");
    // The year: its digits, and 「年」 or 「年度」 right after them.
    let mut name = String::new();
    let mut after_digits = false;
    let mut chars = head.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            after_digits = true;
            continue;
        }
        if after_digits && c == '年' {
            if chars.peek() == Some(&'度') {
                chars.next();
            }
            after_digits = false;
            continue;
        }
        after_digits = false;
        name.push(c);
    }
    name
}

fn trim_suffixes(name: &str) -> &str {
    let mut name = name;
    while let Some(shorter) = SUFFIXES.iter().find_map(|s| name.strip_suffix(s)) {
        name = shorter;
    }
    name
}

/// The forms of the body's name a report may use, normalised, longest first.
fn forms(title: &str) -> Vec<Vec<char>> {
    let name = name_in_title(title);
    let mut forms: Vec<String> = vec![name.clone(), trim_suffixes(&name).to_string()];
    for (at, c) in name.char_indices() {
        if LEVELS.contains(&c) {
            let tail = &name[at + c.len_utf8()..];
            if trim_suffixes(tail).chars().count() >= SHORTEST_NAME {
                forms.push(tail.to_string());
                forms.push(trim_suffixes(tail).to_string());
            }
        }
    }
    // Each short form with each suffix: the title's 「城中街道办」 is 「城中街道办事处」 in the text.
    let bases: Vec<String> = forms.iter().map(|f| trim_suffixes(f).to_string()).collect();
    for base in bases.iter().filter(|b| b.chars().count() >= SHORTEST_NAME) {
        forms.extend(SUFFIXES.iter().map(|s| format!("{base}{s}")));
    }
    let mut normalised: Vec<Vec<char>> = forms
        .iter()
        .map(|form| {
            let mut n = Normalised::default();
            n.push_stretch(form, 0, 0);
            n.units
        })
        .filter(|units| units.len() >= SHORTEST_NAME)
        .collect();
    normalised.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    normalised.dedup();
    normalised
}

/// The name of the body whose report `parsed` is, from its title (「城中街道办」, 「平潭综合实验区」),
/// folded; `None` without a title or a name in it. Reports with the same name are the same body's
/// (for pairing a body's reports of consecutive years).
pub fn body_name(parsed: &Parsed) -> Option<String> {
    let name = name_in_title(&parsed.document.title.as_ref()?.text);
    (name.chars().count() >= SHORTEST_NAME).then_some(name)
}

/// The body's name for telling whether two reports are one body's: [`body_name`] without the
/// suffixes that only say what kind of office it is (「城中街道办」 and 「城中街道办事处」 are one body),
/// and without spaces.
pub fn body_key(parsed: &Parsed) -> Option<String> {
    let name: String = body_name(parsed)?
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let short = trim_suffixes(&name);
    Some(if short.chars().count() >= SHORTEST_NAME {
        short.to_string()
    } else {
        name
    })
}

/// `units` with every form of the body's name in `parsed`'s title made one [`NAME`] unit.
pub fn without_name(parsed: &Parsed, units: &[char]) -> Vec<char> {
    let forms = parsed
        .document
        .title
        .as_ref()
        .map(|t| forms(&t.text))
        .unwrap_or_default();
    if forms.is_empty() {
        return units.to_vec();
    }
    let mut out = Vec::with_capacity(units.len());
    let mut at = 0;
    while at < units.len() {
        match forms.iter().find(|form| units[at..].starts_with(form)) {
            Some(form) => {
                out.push(NAME);
                at += form.len();
            }
            None => {
                out.push(units[at]);
                at += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(title: &str) -> Vec<String> {
        forms(title).iter().map(|f| f.iter().collect()).collect()
    }

    #[test]
    fn a_title_gives_the_name_and_its_shorter_forms() {
        assert_eq!(
            name_in_title("城中街道办2021年政府信息公开工作年度报告"),
            "城中街道办"
        );
        assert_eq!(
            name_in_title("标题: 平潭综合实验区2021年度政府信息公开工作年度报告"),
            "平潭综合实验区"
        );
        assert_eq!(
            name_in_title("2025 年上海市人民政府办公厅政府信息公开工作年度报告"),
            "上海市人民政府办公厅"
        );
        let forms = names("文峰区南关街道办事处 2023 年政府信息公开工作 年度报告");
        for form in [
            "文峰区南关街道办事处",
            "文峰区南关街道",
            "南关街道办事处",
            "南关街道",
            "南关街道办",
        ] {
            assert!(forms.contains(&form.to_string()), "{form}: {forms:?}");
        }
        assert!(forms
            .windows(2)
            .all(|w| w[0].chars().count() >= w[1].chars().count()));
        // 「人民政府」 alone is no one's name.
        let forms = names("淮安市洪泽区人民政府2024 年政府信息公开工作年度报告");
        assert!(forms.contains(&"洪泽区".to_string()), "{forms:?}");
        assert!(!forms.iter().any(|f| f == "人民政府"), "{forms:?}");
    }

    #[test]
    fn every_form_of_the_name_becomes_one_unit() {
        let text = "城中街道办2021年政府信息公开工作年度报告\n一、总体情况\n城中街道办事处主动公开信息。我街道，城中街道。\n";
        let parsed = crate::parse::parse(text);
        let units: Vec<char> = "城中街道办事处主动公开信息我街道城中街道".chars().collect();
        let masked: String = without_name(&parsed, &units).iter().collect();
        assert_eq!(masked, "@主动公开信息我街道@");
    }

    #[test]
    fn one_body_has_one_key_whatever_kind_of_office_the_title_says() {
        let key = |title: &str| body_key(&crate::parse::parse(&format!("{title}\n一、总体情况\n")));
        assert_eq!(
            key("城中街道办2021年政府信息公开工作年度报告"),
            key("城中街道办事处 2022 年政府信息公开工作年度报告")
        );
        assert_eq!(
            key("城中街道办2021年政府信息公开工作年度报告").as_deref(),
            Some("城中街道")
        );
        assert_ne!(
            key("城中街道2021年政府信息公开工作年度报告"),
            key("城东街道2021年政府信息公开工作年度报告")
        );
    }
}
