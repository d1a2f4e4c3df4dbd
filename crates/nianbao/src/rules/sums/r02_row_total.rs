//! R02: in T3, for each row, 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.

use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "行总计不等于各类申请人之和",
    what: "表三每一行的「总计」列，应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。",
    why: "总计列是按申请人类别分列的合计，加错或漏改总计是填表时最常见的笔误。",
    fix: "把这一行六类申请人的数字重新相加，填入「总计」列；若总计是对的，找出填错的那一类。",
    bad: "三、收到和处理政府信息公开申请情况\n（一）予以公开\t2\t1\t0\t0\t0\t0\t2\n",
    good: "三、收到和处理政府信息公开申请情况\n（一）予以公开\t2\t1\t0\t0\t0\t0\t3\n",
    last_year_example: None,
};

pub fn run(context: &Context, out: &mut Sink) {
    super::run(&crate::template::ROW_TOTAL, context.this_year, out);
}
