use super::PartSpec;

/// The six parts, spec §1.
pub static PARTS: [PartSpec; 6] = [
    PartSpec {
        number: 1,
        numeral: "一",
        heading: "一、总体情况",
        title: "总体情况",
        variants: &[],
        keywords: &[&["总体情况"]],
    },
    PartSpec {
        number: 2,
        numeral: "二",
        heading: "二、主动公开政府信息情况",
        title: "主动公开政府信息情况",
        variants: &["主动公开信息情况"],
        keywords: &[&["主动公开", "情况"]],
    },
    PartSpec {
        number: 3,
        numeral: "三",
        heading: "三、收到和处理政府信息公开申请情况",
        title: "收到和处理政府信息公开申请情况",
        variants: &[],
        keywords: &[&["收到", "申请"], &["处理", "申请"]],
    },
    PartSpec {
        number: 4,
        numeral: "四",
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        title: "政府信息公开行政复议、行政诉讼情况",
        variants: &["因政府信息公开工作被申请行政复议、提起行政诉讼情况"],
        keywords: &[&["行政复议"], &["行政诉讼"], &["复议", "诉讼"]],
    },
    PartSpec {
        number: 5,
        numeral: "五",
        heading: "五、存在的主要问题及改进情况",
        title: "存在的主要问题及改进情况",
        variants: &["政府信息公开工作存在的主要问题及改进情况"],
        keywords: &[&["存在", "问题"], &["改进"]],
    },
    PartSpec {
        number: 6,
        numeral: "六",
        heading: "六、其他需要报告的事项",
        title: "其他需要报告的事项",
        variants: &[],
        keywords: &[&["其他需要报告"], &["其他事项"]],
    },
];
