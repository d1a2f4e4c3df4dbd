//! C03: part 六 says nothing about 信息处理费, or T3 row 「2.申请人逾期未按收费通知要求缴纳费用…」 is above
//! zero while part 六 reports no fee notices.
//!
//! 信息处理费 is charged to applicants and reported in part 六; it is not T2 第（八）项 行政事业性收费 (the
//! body's own administrative fees), whose mention does not count. A missing part 六 is S01's finding.

use crate::rules::lookup;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::template::facts::{ADMINISTRATIVE_FEES, UNPAID_FEE_NOTICES};
use crate::template::Version;
use crate::text::chinese;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "未报告信息处理费情况",
    what: "格式要求在第六部分「其他需要报告的事项」中报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况；没有收取的，也应写明。第六部分完全没有提到信息处理费（例如只写「无。」）时报告；表三「（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用」大于 0（说明发出过收费通知），而第六部分没有报告收费通知情况时也报告（该行本身总计与各列之和不符时，由合计规则报告）。不要与表二第二十条第（八）项「行政事业性收费」混淆，后者不算。",
    why: "信息处理费直接关系申请人的负担，格式文件把它列为第六部分的必报内容；不写，读者无法判断本机关是否收费、收了多少。",
    fix: "在第六部分写明本年度是否收取信息处理费；收取的，写明件数和金额。",
    bad: "五、存在的主要问题及改进情况\n信息更新不够及时。\n六、其他需要报告的事项\n无。\n",
    good: "五、存在的主要问题及改进情况\n信息更新不够及时。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n",
    last_year_example: None,
};

/// Words by which part 六 speaks of charging applicants.
const FEE_WORDS: [&str; 6] = ["处理费", "收费", "收取费用", "缴费", "缴纳费用", "费用"];
const NOTICE_WORDS: [&str; 4] = ["收费通知", "缴费通知", "缴纳通知", "付费通知"];
/// How far before a notice word a negation is read, in characters.
const NEGATION_REACH: usize = 4;
/// A first line this short is quoted in the message.
const SHORTEST_QUOTED: usize = 20;

/// Whether `folded` reports a fee notice (「发出收费通知2件」), not only that none was sent.
fn reports_a_notice(folded: &str) -> bool {
    NOTICE_WORDS.iter().any(|word| {
        folded.match_indices(word).any(|(i, _)| {
            let before = chars_before(folded, i, NEGATION_REACH);
            !chinese::NEGATIONS.iter().any(|n| before.contains(n))
        })
    })
}

/// The at most `n` characters of `s` before byte `at`.
fn chars_before(s: &str, at: usize, n: usize) -> &str {
    let start = s[..at]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(at, |(i, _)| i);
    &s[start..at]
}

/// The at most `n` characters of `s` from byte `at`.
fn chars_from(s: &str, at: usize, n: usize) -> &str {
    let end = s[at..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| at + i);
    &s[at..end]
}

/// How near 处理费 an amount must be written to be its amount, in characters.
const AMOUNT_REACH: usize = 30;

/// Whether `folded` gives an amount of 信息处理费 (「收取信息处理费共计400元」, 「收取380元」 in the same
/// sentence): a number with 元 near 处理费, within its sentence.
fn reports_a_fee_amount(folded: &str) -> bool {
    const WORD: &str = "处理费";
    folded.match_indices(WORD).any(|(i, _)| {
        // Only the sentence holding 处理费, within reach of it.
        let before = chars_before(folded, i, AMOUNT_REACH);
        let before = before
            .rfind('。')
            .map_or(before, |p| &before[p + '。'.len_utf8()..]);
        let after = chars_from(folded, i, WORD.chars().count() + AMOUNT_REACH);
        let after = after.find('。').map_or(after, |p| &after[..p]);
        let mut chars = before.chars().chain(after.chars()).peekable();
        std::iter::from_fn(|| Some((chars.next()?, chars.peek().copied())))
            .any(|(c, next)| c.is_ascii_digit() && next == Some('元'))
    })
}

/// Whether `word` occurs in `folded` outside every occurrence of `other`.
fn occurs_outside(folded: &str, word: &str, other: &str) -> bool {
    folded.split(other).any(|piece| piece.contains(word))
}

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let doc = &parsed.document;
    let part = doc.part(6);
    if !part.found {
        return;
    }
    // Part 六 with any split or extra pieces after it, up to the next part's heading.
    let end = doc
        .parts
        .iter()
        .filter(|p| p.found && p.heading_span.start > part.heading_span.start)
        .map(|p| p.heading_span.start)
        .min()
        .unwrap_or(parsed.text.len());
    // Read in the folded text the parser keeps: part 六 may be most of a long text.
    let dense = &parsed.dense;
    let body = &dense.folded()
        [dense.to_folded(part.body.start)..dense.to_folded(end.max(part.body.start))];
    // T2's 行政事业性收费 is another matter (its label is the same in both versions).
    let t2_fees = ADMINISTRATIVE_FEES.label(Version::V2021);
    let about_fees = FEE_WORDS.iter().any(|w| match t2_fees {
        Some(label) => occurs_outside(body, w, label),
        None => body.contains(w),
    });
    let heading = (part.heading_span, "第六部分标题".to_string());

    // A row whose 总计 is not the sum of its columns is the sum rules' finding, not evidence here.
    let unpaid = lookup::row_total(doc, &UNPAID_FEE_NOTICES).and_then(|t| {
        let total = t.total.count()?;
        (Some(total) == t.parts_sum()).then_some((t.row, t.total, total))
    });
    if let Some((row, cell, n)) = unpaid.filter(|u| u.2 > 0) {
        // An amount collected (「收取信息处理费 380 元」) tells that fee notices went out.
        if !reports_a_notice(body) && !reports_a_fee_amount(body) {
            let message = format!(
                "表三「（六）{}」总计为 {n}，说明本年向申请人发出过收费通知，但第六部分「其他需要报告的事项」{}",
                row.label,
                if about_fees {
                    "没有报告发出收费通知的情况"
                } else {
                    "没有说明信息处理费和收费通知的情况"
                }
            );
            out.report(cell.span, message).labels(vec![heading]);
            return;
        }
    }
    if !about_fees {
        // Quote a short first line (「无。」) so the drafter sees what is meant.
        let first_line = parsed
            .slice(part.body)
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        let what = if !first_line.is_empty() && first_line.chars().count() <= SHORTEST_QUOTED {
            format!("写的是「{first_line}」，")
        } else {
            String::new()
        };
        let message = format!(
            "第六部分「其他需要报告的事项」{what}没有说明信息处理费的收取情况；按格式要求应在此报告，未收取的应写明「本年度未收取信息处理费」"
        );
        out.report(part.heading_span, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_is_reported_only_when_not_denied() {
        assert!(reports_a_notice("本年度发出收费通知2件,申请人均未缴费。"));
        assert!(!reports_a_notice("本年度未发出收费通知。"));
        assert!(!reports_a_notice("本年度未收取信息处理费。"));
    }

    #[test]
    fn the_t2_fees_label_does_not_count_as_speaking_of_fees() {
        let label = ADMINISTRATIVE_FEES.label(Version::V2021).unwrap();
        let only_label = format!("表二中{label}为0。");
        assert!(!occurs_outside(&only_label, "收费", label));
        assert!(occurs_outside(
            &format!("{only_label}本年度未收费。"),
            "收费",
            label
        ));
        assert!(occurs_outside("本年度未收费。", "收费", label));
    }

    #[test]
    fn an_amount_collected_is_read_in_its_sentence() {
        let folded = |t: &str| crate::text::fold_str(t);
        assert!(reports_a_fee_amount(&folded(
            "全县行政机关收取信息处理费共计380元，其中民政局1件。"
        )));
        assert!(reports_a_fee_amount(&folded(
            "全年收取政府信息公开信息处理费 0 元。"
        )));
        assert!(!reports_a_fee_amount(&folded(
            "本年度未收取信息处理费。采购金额5元。"
        )));
    }
}
