//! R04: in T4, for each of the three groups, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "复议诉讼总计不等于各项之和",
    what: "表四的行政复议、未经复议直接起诉、复议后起诉三组，每组的「总计」应等于结果维持、结果纠正、其他结果、尚未审结四项之和。",
    why: "每件复议或诉讼案件只有一种结果（或尚未审结），总计与各项不等说明案件被漏记或重复统计。",
    fix: "把这一组结果维持、结果纠正、其他结果、尚未审结四项重新相加，改正「总计」或填错的一项。",
    bad: "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n1\t1\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    good: "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n1\t1\t0\t0\t2\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    last_year_example: None,
};

pub fn run(context: &Context, out: &mut Sink) {
    super::run(&crate::template::REVIEW_TOTAL, context.this_year, out);
}
