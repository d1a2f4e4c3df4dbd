//! The reviewer's desk: one row per report (the core's cells, as its CSV has them), sortable by any
//! column header (buttons, so the keyboard sorts too), a row's file opening that report in the
//! checking view; pairs of units whose prose is more than 70 % the same are marked 「雷同」.

use nianbao::compare::bodies::SIMILAR;
use nianbao::export::csv::desk_cells;
use yew::prelude::*;

use crate::desk::DeskView;

/// What [`desk`] shows and what its buttons do.
pub struct DeskProps<'a> {
    pub view: &'a DeskView,
    pub on_sort: Callback<usize>,
    pub on_open: Callback<usize>,
    pub on_csv: Callback<()>,
    pub on_print: Callback<()>,
    pub on_close: Callback<()>,
}

/// The page's columns: a header and the core's cells it shows (a family's three counts in one).
const COLUMNS: [(&str, &[usize]); 15] = [
    ("文件", &[1]),
    ("单位", &[2]),
    ("年度", &[3]),
    ("格式", &[4]),
    ("错误", &[5]),
    ("警告", &[6]),
    ("提示", &[7]),
    ("S", &[8, 9, 10]),
    ("T", &[11, 12, 13]),
    ("R", &[14, 15, 16]),
    ("C", &[17, 18, 19]),
    ("X", &[20, 21, 22]),
    ("最严重的问题", &[23]),
    ("上年年报", &[24]),
    ("最相似的其他单位报告", &[25]),
];

/// The cell that says a pair is 雷同.
const FLAGGED: usize = 26;

/// How a column sorts: its numbers (a count, or the percent in 「x.txt（85%）」), then its text.
fn sort_key(cells: &[String], column: usize) -> (Vec<i64>, String) {
    let mut numbers = Vec::new();
    let mut text = String::new();
    for &k in COLUMNS[column].1 {
        let cell = &cells[k];
        let percent = cell
            .strip_suffix("%）")
            .and_then(|c| c.rsplit_once('（'))
            .map(|(_, n)| n);
        match cell.parse().ok().or_else(|| percent?.parse().ok()) {
            Some(n) => numbers.push(n),
            None => numbers.push(-1),
        }
        text.push_str(cell);
    }
    (numbers, text)
}

/// The rows' indices in the order the view sorts them.
fn order(view: &DeskView, cells: &[Vec<String>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..cells.len()).collect();
    if let Some((column, down)) = view.sort {
        order.sort_by_cached_key(|&i| sort_key(&cells[i], column));
        if down {
            order.reverse();
        }
    }
    order
}

pub fn desk(props: DeskProps) -> Html {
    let view = props.view;
    if let Some((done, total)) = view.progress {
        return html! {
            <section class="desk" aria-labelledby="desk-title" aria-busy="true">
                <h2 id="desk-title">{"审阅多份年报"}</h2>
                <p class="desk-progress-label" id="desk-progress-label">{format!("正在读取和检查……（{done} / {total}）")}</p>
                <progress class="desk-progress" max={total.to_string()} value={done.to_string()} aria-labelledby="desk-progress-label" />
            </section>
        };
    }
    let rows = &view.rows;
    let cells: Vec<Vec<String>> = (0..rows.len()).map(|i| desk_cells(rows, i)).collect();
    let with_errors = rows.iter().filter(|r| r.has_errors()).count();
    let unread = rows.iter().filter(|r| r.refused.is_some()).count();
    let flagged = cells.iter().filter(|c| !c[FLAGGED].is_empty()).count();
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <section class="desk" aria-labelledby="desk-title">
            <h2 id="desk-title">{"审阅多份年报"}</h2>
            <p class="desk-summary">
                {format!("共 {} 份：{with_errors} 份有错误，{unread} 份无法读取，{flagged} 份与其他单位的报告雷同（相同超过 {SIMILAR}%）。用时 {} 毫秒。", rows.len(), view.elapsed_ms)}
            </p>
            <p class="desk-note">{"同一单位相邻两年的报告已自动配对，与上年核对（X 开头的规则）。点文件名打开该报告查看详情。"}</p>
            <div class="desk-actions">
                <button type="button" class="button" onclick={click(&props.on_csv)}>{"导出表格（CSV）"}</button>
                <button type="button" class="button" onclick={click(&props.on_print)}>{"打印"}</button>
                <button type="button" class="button" onclick={click(&props.on_close)}>{"关闭审阅列表"}</button>
            </div>
            <div class="desk-scroll">
            <table class="desk-table">
                <thead><tr>
                    for (c, (label, _)) in COLUMNS.iter().enumerate() {
                        <th scope="col" aria-sort={match view.sort { Some((s, down)) if s == c => if down { "descending" } else { "ascending" }, _ => "none" }}>
                            <button type="button" class="sort" onclick={props.on_sort.reform(move |_: MouseEvent| c)}
                                title={if COLUMNS[c].1.len() == 3 { "错误 / 警告 / 提示，点击排序" } else { "点击排序" }}>{*label}</button>
                        </th>
                    }
                </tr></thead>
                <tbody>
                    for i in order(view, &cells) {
                        <tr class={classes!((!cells[i][FLAGGED].is_empty()).then_some("flagged"), rows[i].refused.is_some().then_some("unread"))}>
                            for (c, (_, shown)) in COLUMNS.iter().enumerate() {
                                <td>{
                                    if c == 0 && rows[i].refused.is_none() {
                                        html! { <button type="button" class="link-button" onclick={props.on_open.reform(move |_: MouseEvent| i)}>{cells[i][1].clone()}</button> }
                                    } else {
                                        let text: Vec<&str> = shown.iter().map(|&k| cells[i][k].as_str()).collect();
                                        let text = if text.iter().all(|t| t.is_empty()) { String::new() } else { text.join(" / ") };
                                        html! { <>
                                            {text}
                                            if c == COLUMNS.len() - 1 && !cells[i][FLAGGED].is_empty() { <span class="badge">{"雷同"}</span> }
                                        </> }
                                    }
                                }</td>
                            }
                        </tr>
                    }
                </tbody>
            </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_sort_by_their_numbers_then_their_text() {
        let mut cells = vec![String::new(); 27];
        cells[25] = "b.txt（85%）".into();
        cells[8] = "2".into();
        cells[9] = "10".into();
        cells[10] = "0".into();
        assert_eq!(sort_key(&cells, 14).0, [85]);
        assert_eq!(sort_key(&cells, 7).0, [2, 10, 0]);
        assert_eq!(sort_key(&cells, 1).0, [-1]);
    }
}
