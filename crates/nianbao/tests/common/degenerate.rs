//! Degenerate texts of any size, one family each: where a scan that restarts at every match, or
//! rereads what it has passed, turns super-linear. Shared by tests/degenerate.rs (bounded growth)
//! and benches/check.rs (time per byte at three sizes).

/// (name, the unit repeated to the size).
pub const FAMILIES: [(&str, &str); 10] = [
    ("digits", "7"),
    ("one_character", "字"),
    ("label_lines", "（七）总计\n"),
    (
        "part_headings",
        "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\
         四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n",
    ),
    (
        "row_lines",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n",
    ),
    ("glued_rows", "7.属于行政查询事项713000074"),
    ("numbers_with_spaces", "0 1 2 3 4 5 6 7 8 9 "),
    ("sub_headings", "（一）（二）（三）1.2.3."),
    ("table_words", "自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他总计"),
    ("blank_lines", "\n \t\n"),
];

/// `unit` repeated up to `size` bytes, cut at a character boundary.
pub fn repeated(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len() + 1);
    let mut cut = size.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}
