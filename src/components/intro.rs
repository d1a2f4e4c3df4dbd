//! The page header: what the page is for, what it checks, and that the text stays on this computer.
//! Once there is text it folds to one line (`.has-text` in style.css), so the text box gets the room.

use yew::prelude::*;

/// A plain function, not a component: it has no state or props, and each component costs the bundle
/// its share of Yew's generic code.
pub fn intro() -> Html {
    html! {
        <header class="intro">
            <h1>{"政府信息公开工作年度报告检查"}</h1>
            <p class="lead">
                {"把年度报告全文粘贴到下面的文本框（或直接打开 Word 文档 .docx、文本文件、保存的网页），本页会对照国务院办公厅规定的年度报告格式逐项检查："}
            </p>
            <ul class="checks">
                <li>
                    <strong>{"六个部分"}</strong>
                    {"：从“一、总体情况”到“六、其他需要报告的事项”是否齐全，标题、编号和顺序是否规范；"}
                </li>
                <li>
                    <strong>{"三张表格"}</strong>
                    {"：主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况三张表是否完整，有无漏填；"}
                </li>
                <li>
                    <strong>{"勾稽关系"}</strong>
                    {"：表中数字能否对上，例如申请情况表中“第一项加第二项之和，等于第三项加第四项之和”，总计是否等于各列之和。"}
                </li>
            </ul>
            <p class="desk-hint">
                <strong>{"审阅多份年报"}</strong>
                {"：把多个文件、整个文件夹或一个 .zip 压缩包一起拖到本页（或在「更多」中选择），每份报告一行，列出错误、警告和与往年、与其他单位雷同的情况。"}
            </p>
            <p class="privacy" role="note">
                <strong>{"报告内容不会离开这台电脑。"}</strong>
                <span class="privacy-more">{"检查全部在您的浏览器里完成，不上传到任何地方；草稿只保存在这台电脑的浏览器中，可随时在页面底部清除。"}</span>
            </p>
        </header>
    }
}
