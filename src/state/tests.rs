//! The reducer, natively: the real checker or a counting stand-in, and a clock that ticks on demand.

use std::cell::Cell;

use super::*;

thread_local! {
    static CHECKS: Cell<usize> = const { Cell::new(0) };
    static CLOCK: Cell<f64> = const { Cell::new(0.0) };
}

/// The real checker, counting how often it runs.
fn counted_check(text: &str, previous: &str) -> Report {
    CHECKS.with(|c| c.set(c.get() + 1));
    check_beside(text, previous)
}

/// A clock that moves 2.5 ms every time it is read.
fn ticking_clock() -> f64 {
    CLOCK.with(|c| {
        c.set(c.get() + 2.5);
        c.get()
    })
}

fn env() -> Env {
    Env {
        check: counted_check,
        now: ticking_clock,
        check_in_worker_from: CHECK_IN_WORKER_FROM,
    }
}

/// As [`env`], with every text of the example's length or more left to the check worker.
fn worker_env() -> Env {
    Env {
        check_in_worker_from: EXAMPLE.len(),
        ..env()
    }
}

/// The worker's answer for `text`, as the page decodes it.
fn answer(text: &str) -> WorkerAnswer {
    let report = nianbao::check(text);
    let report = nianbao::present::transfer::decode(&nianbao::present::transfer::encode(&report));
    WorkerAnswer {
        report: Rc::new(report.expect("the transfer form reads back")),
        elapsed_ms: 40.0,
    }
}

fn checks() -> usize {
    CHECKS.with(Cell::get)
}

fn start(text: &str) -> Rc<Checker> {
    Rc::new(Checker::checked(
        env(),
        text.to_string().into(),
        AttrValue::default(),
    ))
}

const DRAFT: &str = "一、总体情况\n本年度，本机关……";

#[test]
fn the_state_checks_text_and_keeps_its_report_while_the_text_stays() {
    let empty = Rc::new(Checker::default());
    assert!(empty.report.is_none());

    let example = empty.reduce(Action::LoadExample);
    assert_eq!(example.text.as_str(), EXAMPLE);
    let report = example.report.clone().expect("the example is checked");
    assert_eq!(report.findings, nianbao::check(EXAMPLE).findings);

    // The same text again: the same state, so Yew skips the render and the check is not repeated.
    let again = example
        .clone()
        .reduce(Action::Edit(EXAMPLE.to_string().into()));
    assert!(Rc::ptr_eq(&again, &example));

    // Blank text is not checked.
    let blank = again.reduce(Action::Edit(" \n\t".to_string().into()));
    assert!(blank.report.is_none());
    assert!(blank.reduce(Action::Clear).text.is_empty());
}

#[test]
fn the_injected_checker_and_clock_are_used_once_per_new_text() {
    let before = checks();
    let state = start(DRAFT);
    assert_eq!(checks(), before + 1);
    assert_eq!(
        state.elapsed_ms, 2.5,
        "two readings of the clock, 2.5 ms apart"
    );
    let same = state.clone().reduce(Action::Edit(DRAFT.to_string().into()));
    assert!(Rc::ptr_eq(&same, &state));
    assert_eq!(checks(), before + 1, "the same text is not checked again");
    let later = same.reduce(Action::EditLater(format!("{DRAFT}又").into()));
    assert!(later.stale);
    assert_eq!(checks(), before + 1, "a long edit waits for the pause");
    let checked = later.reduce(Action::Recheck);
    assert!(!checked.stale);
    assert_eq!(checks(), before + 2);
    assert!(Rc::ptr_eq(
        &checked.clone().reduce(Action::Recheck),
        &checked
    ));
}

#[test]
fn a_file_without_text_keeps_the_draft_and_says_so() {
    let state = start(DRAFT);
    for empty in ["", " \n\t\u{3000}\n"] {
        let next = state.clone().reduce(Action::LoadFile {
            name: "空.docx".into(),
            text: empty.into(),
        });
        assert_eq!(next.text.as_str(), DRAFT);
        assert!(Rc::ptr_eq(
            next.report.as_ref().unwrap(),
            state.report.as_ref().unwrap()
        ));
        let notice = next.notice.clone().unwrap();
        assert!(notice.is_error && !notice.undo);
        assert_eq!(
            notice.text,
            "文件「空.docx」里没有可读的文字，原来的文字保持不变。"
        );
        assert_eq!(next.replaced, None);
    }
}

#[test]
fn a_file_load_the_example_and_clear_can_each_be_undone() {
    let replacing = [
        Action::LoadFile {
            name: "报告.docx".into(),
            text: "二、主动公开政府信息情况".into(),
        },
        Action::LoadExample,
        Action::Clear,
    ];
    for action in replacing {
        let state = start(DRAFT);
        let next = state.reduce(action.clone());
        assert_ne!(next.text.as_str(), DRAFT, "{action:?}");
        assert_eq!(next.replaced.as_deref(), Some(DRAFT), "{action:?}");
        assert!(
            next.notice.as_ref().is_some_and(|n| n.undo),
            "{action:?} offers 撤销"
        );
        let undone = next.reduce(Action::Undo);
        assert_eq!(undone.text.as_str(), DRAFT, "{action:?}");
        assert!(undone.report.is_some());
        assert_eq!(undone.replaced, None);
        assert_eq!(undone.notice.as_ref().unwrap().text, "已恢复原来的文字。");
        assert!(Rc::ptr_eq(&undone.clone().reduce(Action::Undo), &undone));
    }
}

#[test]
fn replacing_nothing_offers_no_undo_and_keeps_an_older_replaced_draft() {
    let empty = Rc::new(Checker::default());
    let example = empty.reduce(Action::LoadExample);
    assert_eq!(example.notice, None, "nothing to undo, nothing to say");
    assert_eq!(example.replaced, None);

    let cleared = start(DRAFT).reduce(Action::Clear);
    let example = cleared.reduce(Action::LoadExample);
    assert_eq!(example.notice, None, "it replaced an empty box");
    assert_eq!(
        example.replaced.as_deref(),
        Some(DRAFT),
        "the draft 「清空」 took stays kept"
    );
}

#[test]
fn typing_after_a_load_drops_the_notice_but_not_the_kept_draft() {
    let loaded = start(DRAFT).reduce(Action::LoadExample);
    let typed = loaded.reduce(Action::Edit(format!("{EXAMPLE}。").into()));
    assert_eq!(typed.notice, None);
    assert_eq!(typed.replaced.as_deref(), Some(DRAFT));
}

#[test]
fn a_failed_save_is_remembered_until_a_save_succeeds() {
    let state = start(DRAFT);
    assert!(!state.save_failed);
    assert!(Rc::ptr_eq(
        &state.clone().reduce(Action::Saved(true)),
        &state
    ));
    let failed = state.reduce(Action::Saved(false));
    assert!(failed.save_failed);
    let typed = failed.reduce(Action::Edit(format!("{DRAFT}又").into()));
    assert!(
        typed.save_failed,
        "an edit alone does not say the draft is stored"
    );
    assert!(Rc::ptr_eq(
        &typed.clone().reduce(Action::Saved(false)),
        &typed
    ));
    assert!(!typed.reduce(Action::Saved(true)).save_failed);
}

#[test]
fn another_tabs_draft_is_noticed_and_the_user_chooses() {
    let state = start(DRAFT);
    let same = state.clone().reduce(Action::OtherTab(DRAFT.to_string()));
    assert!(Rc::ptr_eq(&same, &state), "the same draft is no conflict");

    let there = "一、总体情况\n另一个标签页写的。";
    let warned = state.reduce(Action::OtherTab(there.to_string()));
    assert_eq!(warned.other_tab.as_deref(), Some(there));
    assert_eq!(
        warned.text.as_str(),
        DRAFT,
        "nothing is overwritten here either"
    );
    let typed = warned
        .clone()
        .reduce(Action::Edit(format!("{DRAFT}又").into()));
    assert_eq!(typed.other_tab.as_deref(), Some(there), "still paused");

    let kept = typed.clone().reduce(Action::KeepThisTab);
    assert_eq!(kept.other_tab, None);
    assert_eq!(kept.text, typed.text);

    let taken = warned.reduce(Action::TakeOtherTab);
    assert_eq!(taken.text.as_str(), there);
    assert_eq!(taken.other_tab, None);
    assert_eq!(taken.reduce(Action::Undo).text.as_str(), DRAFT);

    let back = typed.reduce(Action::OtherTab(format!("{DRAFT}又")));
    assert_eq!(back.other_tab, None, "the tabs agree again");
}

#[test]
fn a_draft_the_checker_failed_on_is_shown_unchecked_until_edited() {
    let before = checks();
    let state = Rc::new(Checker::unchecked(
        env(),
        DRAFT.into(),
        AttrValue::default(),
    ));
    assert_eq!(checks(), before, "not checked at start");
    assert!(state.unchecked && state.report.is_none());
    let notice = state.notice.clone().unwrap();
    assert!(notice.is_error);
    assert!(notice.text.starts_with("检查程序出错") && notice.text.contains("您的文字已保存"));
    let edited = state.reduce(Action::Edit(format!("{DRAFT}又").into()));
    assert!(!edited.unchecked && edited.report.is_some());
    assert_eq!(checks(), before + 1);
}

#[test]
fn last_years_report_is_checked_beside_this_years() {
    use nianbao::rules::previous::x01_carry_over::{DOC, LAST_YEAR_EXAMPLE};
    let this_year = DOC.bad;
    let alone = start(this_year);
    let beside = alone.reduce(Action::EditPrevious(LAST_YEAR_EXAMPLE.to_string().into()));
    let report = beside.report.clone().unwrap();
    assert_eq!(
        report.findings,
        nianbao::check_with_previous(this_year, LAST_YEAR_EXAMPLE).findings
    );
}

#[test]
fn selecting_and_stepping_move_between_findings() {
    let state = start("一、总体情况\n本年度……");
    let count = state.report.as_ref().unwrap().findings.len();
    assert!(count >= 2);
    let out_of_range = state.clone().reduce(Action::Select(count));
    assert!(Rc::ptr_eq(&out_of_range, &state));
    let first = state.reduce(Action::Step {
        forward: true,
        from: 0,
    });
    assert!(first.selected.is_some());
    let serial = first.focus_serial;
    let again = first
        .clone()
        .reduce(Action::Select(first.selected.unwrap()));
    assert_eq!(
        again.focus_serial,
        serial + 1,
        "the same problem moves to it again"
    );
}

#[test]
fn stepping_past_an_end_says_it_wrapped_and_the_next_step_clears_it() {
    let state = start("一、总体情况\n本年度……");
    let findings = state.report.as_ref().unwrap().findings.clone();
    let last = findings.len() - 1;
    let on_last = state.reduce(Action::Select(last));
    assert_eq!(on_last.notice, None);
    let wrapped = on_last.reduce(Action::Step {
        forward: true,
        from: findings[last].start,
    });
    assert_eq!(wrapped.selected, Some(0));
    let notice = wrapped.notice.clone().expect("a notice that it wrapped");
    assert!(notice.text.contains("回到第一个"), "{}", notice.text);
    assert!(!notice.is_error && !notice.undo);
    let onward = wrapped.reduce(Action::Step {
        forward: true,
        from: findings[0].start,
    });
    assert_eq!(onward.selected, Some(1));
    assert_eq!(
        onward.notice, None,
        "the wrap notice goes with the next step"
    );
    let back = onward.reduce(Action::Select(0)).reduce(Action::Step {
        forward: false,
        from: findings[0].start,
    });
    assert_eq!(back.selected, Some(last));
    assert!(back.notice.as_ref().unwrap().text.contains("回到最后一个"));
}

/// The example with one cell of table 3 changed (line 160, a zero made 5): sums break, and the
/// diagnosis of table 3 says which cell and what it should hold.
fn mutated_example() -> String {
    let mut lines: Vec<&str> = EXAMPLE.split('\n').collect();
    assert_eq!(lines[159], "0 |");
    lines[159] = "5 |";
    lines.join("\n")
}

#[test]
fn a_cells_fix_restores_the_text_and_every_finding_it_explains_carries_it() {
    let state = start(&mutated_example());
    let report = state.report.clone().unwrap();
    let fixes: Vec<&nianbao::rules::Fix> = report
        .findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .collect();
    assert!(!fixes.is_empty(), "the broken sums carry the fix");
    assert!(fixes.iter().all(|f| f.label == "改为 0"), "{fixes:?}");
    let (fixed, applied) = nianbao::rules::fix::apply(&state.text, fixes.iter().copied());
    assert_eq!(
        applied.len(),
        1,
        "one fix, carried by several findings, applied once"
    );
    assert_eq!(fixed, EXAMPLE);
    // The page types only the changed stretch: the number itself.
    let (start, end, typed) = crate::fixes::changed(&state.text, &fixed);
    assert_eq!((&state.text[start..end], typed), ("5", "0"));
    let after = state
        .reduce(Action::Edit(fixed.into()))
        .reduce(Action::Fixed(applied.len()));
    assert_eq!(
        after.report.as_ref().unwrap().findings,
        nianbao::check(EXAMPLE).findings
    );
    let notice = after.notice.clone().unwrap();
    assert!(
        !notice.is_error && notice.text.contains("已自动修正 1 处"),
        "{notice:?}"
    );
}

#[test]
fn an_ignored_place_stays_ignored_after_edits_elsewhere_until_restored() {
    use crate::ignore::{place as place_of, Entry};
    let state = start(&mutated_example());
    let all = state.report.clone().unwrap().findings.clone();
    let index = all.iter().position(|f| f.fix.is_some()).unwrap();
    let code = all[index].code;
    let ignored = state
        .clone()
        .reduce(Action::Select(index))
        .reduce(Action::Ignore(index));
    let shown = &ignored.report.as_ref().unwrap().findings;
    assert_eq!(shown.len(), all.len() - 1);
    assert!(!shown.contains(&all[index]));
    assert_eq!(
        *ignored.hidden,
        vec![(code, place_of(&ignored.text, &all[index]), all[index].line)],
        "where it is, to say so"
    );
    assert_eq!(ignored.selected, None);
    let [entry] = ignored.ignored.0[..] else {
        panic!("one entry: {:?}", ignored.ignored)
    };
    assert!(matches!(entry, Entry::Place(c, _) if c == code));

    // Typed above it: the place is still ignored (its offsets moved, its surroundings did not).
    let edited = ignored.reduce(Action::Edit(
        format!("前言。\n{}", mutated_example()).into(),
    ));
    let shown = &edited.report.as_ref().unwrap().findings;
    assert_eq!(shown.len(), all.len() - 1);
    assert!(shown
        .iter()
        .all(|f| f.message != all[index].message || f.code != code));

    // What is kept holds rule codes and numbers, no word of the report.
    let stored = edited.ignored.to_stored();
    assert!(
        stored.lines().all(|l| l.len() > 3
            && l[..3] == *code.as_str()
            && l[3..].trim().parse::<u64>().is_ok()),
        "{stored:?}"
    );
    assert_eq!(crate::ignore::Ignored::from_stored(&stored), edited.ignored);

    let restored = edited.reduce(Action::Restore(entry));
    assert_eq!(restored.report.as_ref().unwrap().findings.len(), all.len());
    assert!(restored.ignored.is_empty());
}

#[test]
fn a_disabled_rule_hides_all_its_findings_in_every_text_until_restored() {
    use crate::ignore::Entry;
    let state =
        start(&mutated_example().replace("六、其他需要报告的事项", "6、其他需要报告的事项"));
    let all = state.report.clone().unwrap().findings.clone();
    let code = all.iter().find(|f| f.code.as_str() == "S03").unwrap().code;
    let off = state.reduce(Action::Disable(code));
    let left = |s: &Checker| s.report.as_ref().unwrap().findings.clone();
    assert!(left(&off).iter().all(|f| f.code != code));
    assert_eq!(
        left(&off).len(),
        all.iter().filter(|f| f.code != code).count()
    );
    let again = off.reduce(Action::Edit(
        EXAMPLE
            .replace("五、存在的主要问题", "5、存在的主要问题")
            .into(),
    ));
    assert!(left(&again).iter().all(|f| f.code != code));
    assert!(!again.hidden.is_empty() && again.hidden.iter().all(|h| h.0 == code));
    let back = again.reduce(Action::Restore(Entry::Rule(code)));
    assert!(left(&back).iter().any(|f| f.code == code));
}

#[test]
fn nothing_is_ignored_from_a_report_of_an_earlier_text() {
    let state = start(&mutated_example());
    let later = state.reduce(Action::EditLater(EXAMPLE.to_string().into()));
    let same = later.clone().reduce(Action::Ignore(0));
    assert!(Rc::ptr_eq(&same, &later));
    let none = later.reduce(Action::Recheck).reduce(Action::Fixed(0));
    assert_eq!(
        none.notice.as_ref().unwrap().text,
        "没有可以自动修正的地方。"
    );
}

#[test]
fn a_long_text_is_left_to_the_worker_and_its_answer_taken_only_for_that_text() {
    let before = checks();
    let short = Rc::new(Checker::checked(
        worker_env(),
        DRAFT.into(),
        AttrValue::default(),
    ));
    assert!(short.pending.is_none() && short.report.is_some());
    let long = short.clone().reduce(Action::LoadExample);
    assert_eq!(
        checks(),
        before + 1,
        "the page did not check the long text itself"
    );
    let serial = long.pending.expect("a check for the worker");
    // The short text's report stays in view, marked as belonging to an earlier text.
    assert!(long.stale);
    assert!(Rc::ptr_eq(
        long.report.as_ref().unwrap(),
        short.report.as_ref().unwrap()
    ));

    // An answer to another check changes nothing; the right one becomes the report.
    let other = long.clone().reduce(Action::Checked {
        serial: serial + 1,
        answer: answer(DRAFT),
    });
    assert!(Rc::ptr_eq(&other, &long));
    let checked = long.reduce(Action::Checked {
        serial,
        answer: answer(EXAMPLE),
    });
    assert!(!checked.stale && checked.pending.is_none());
    assert_eq!(checked.elapsed_ms, 40.0);
    let report = checked.report.as_ref().unwrap();
    assert_eq!(report.findings, nianbao::check(EXAMPLE).findings);

    // Typing asks for a new check; the answer to the text before the edit is dropped.
    let edited = checked.reduce(Action::EditLater(format!("{EXAMPLE}又").into()));
    assert!(edited.stale && edited.pending.is_none());
    let late = edited.clone().reduce(Action::Checked {
        serial,
        answer: answer(EXAMPLE),
    });
    assert!(
        Rc::ptr_eq(&late, &edited),
        "an answer for the text before the edit"
    );
    let again = edited.reduce(Action::Recheck);
    assert!(
        again.pending.is_some_and(|s| s != serial),
        "a check of its own"
    );
    assert_eq!(checks(), before + 1);
}

#[test]
fn a_slow_check_says_so_and_stopping_it_keeps_the_text() {
    let state = Rc::new(Checker::checked(
        worker_env(),
        EXAMPLE.into(),
        AttrValue::default(),
    ));
    let serial = state.pending.expect("left to the worker");
    assert!(state.report.is_none());
    assert!(!state.slow);
    // A timer of an earlier check does not count.
    let early = state
        .clone()
        .reduce(Action::CheckIsSlow(serial.wrapping_sub(1)));
    assert!(Rc::ptr_eq(&early, &state));
    let slow = state.reduce(Action::CheckIsSlow(serial));
    assert!(slow.slow);
    for (failed, said) in [(false, CHECK_STOPPED), (true, WORKER_FAILED)] {
        let stopped = slow.clone().reduce(Action::CheckStopped { serial, failed });
        assert_eq!(stopped.text.as_str(), EXAMPLE);
        assert!(stopped.pending.is_none() && !stopped.slow && stopped.stale);
        assert_eq!(stopped.notice.as_ref().map(|n| n.text.as_str()), Some(said));
        // Its answer, if it still came, is not taken; typing checks again.
        let late = stopped.clone().reduce(Action::Checked {
            serial,
            answer: answer(EXAMPLE),
        });
        assert!(Rc::ptr_eq(&late, &stopped));
        let retyped = stopped
            .reduce(Action::EditLater(format!("{EXAMPLE}。").into()))
            .reduce(Action::Recheck);
        assert!(retyped.pending.is_some());
    }
}

#[test]
fn ignoring_a_place_in_a_long_text_applies_to_the_workers_answer() {
    let state = Rc::new(Checker::checked(
        worker_env(),
        EXAMPLE.into(),
        AttrValue::default(),
    ));
    let serial = state.pending.unwrap();
    let checked = state.reduce(Action::Checked {
        serial,
        answer: answer(EXAMPLE),
    });
    let count = checked.report.as_ref().unwrap().findings.len();
    assert!(count > 0, "the example has findings to ignore");
    let ignoring = checked.reduce(Action::Ignore(0));
    let serial = ignoring.pending.expect("checked again by the worker");
    let done = ignoring.reduce(Action::Checked {
        serial,
        answer: answer(EXAMPLE),
    });
    assert_eq!(done.report.as_ref().unwrap().findings.len(), count - 1);
    assert_eq!(done.hidden.len(), 1);
}
