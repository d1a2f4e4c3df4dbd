//! Rules on the six-part structure (S01–S06).

mod heading_fix;
pub mod s01_missing_part;
pub mod s02_part_order;
pub mod s03_heading_numeral;
pub mod s04_part_title;
pub mod s05_extra_part;
pub mod s06_report_title;

/// The six part headings as the official format writes them: the passing example of most S rules.
const SIX_PARTS: &str = "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
