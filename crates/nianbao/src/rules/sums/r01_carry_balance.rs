//! R01: in T3, for each column, 第一项 + 第二项 = 第三项（七）总计 + 第四项.

use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "收到与办理不平衡",
    what: "表三每一列都应满足表中注明的勾稽关系：第一项（本年新收）加第二项（上年结转）之和，等于第三项（七）总计加第四项（结转下年度继续办理）之和。",
    why: "这是格式文件印在表中的关系：本年要处理的申请，不是办结了，就是结转到下一年。两边不等说明有申请被漏记或重复计算。",
    fix: "核对表三同一列的第一项、第二项与第三项（七）总计、第四项：找出漏记或多记的申请，改正后两边相等。",
    bad: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t2\t0\t0\t0\t0\t0\t3\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n",
    good: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t2\t0\t0\t0\t0\t0\t2\n四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n",
    last_year_example: None,
};

pub fn run(context: &Context, out: &mut Sink) {
    super::run(&crate::template::CARRY_BALANCE, context.this_year, out);
}
