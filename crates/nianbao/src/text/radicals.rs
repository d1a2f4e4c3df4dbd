//! Radicals written where their ideograph is meant. PDF files made by Chrome and other producers map
//! the glyph an ideograph shares with a radical to the radical's code point (「⼯作」 for 「工作」,
//! 「意⻅」 for 「意见」), and text copied out of such a PDF carries them: a heading written that way
//! looks right and matches nothing. Each becomes the ideograph it looks like: the Kangxi radicals as
//! Unicode's compatibility mapping says, the supplement's simplified and variant forms that are
//! characters of their own.

/// The ideographs of the Kangxi radicals U+2F00–U+2FD5, in order.
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// Pairs of (radical, ideograph) from the CJK Radicals Supplement, by code point.
const SUPPLEMENT: &str = "⺟母⺠民⻄西⻅见⻆角⻉贝⻋车⻑長⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟";

/// The ideograph radical `c` stands for, or `c` itself.
pub fn unify(c: char) -> char {
    match c {
        '\u{2f00}'..='\u{2fd5}' => KANGXI.chars().nth(c as usize - 0x2f00).unwrap_or(c),
        '\u{2e80}'..='\u{2ef3}' => {
            let mut pairs = SUPPLEMENT.chars();
            while let (Some(radical), Some(ideograph)) = (pairs.next(), pairs.next()) {
                if radical == c {
                    return ideograph;
                }
            }
            c
        }
        _ => c,
    }
}

/// Whether `c` lies in the radical blocks [`unify`] reads.
pub fn is_radical(c: char) -> bool {
    ('\u{2e80}'..='\u{2fdf}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_become_their_ideographs() {
        let pdf_text = "⼀、总体情况 检查意⻅ ⾏政复议 ⽇期 ⼯作 ⻔户⽹站";
        let unified: String = pdf_text.chars().map(unify).collect();
        assert_eq!(unified, "一、总体情况 检查意见 行政复议 日期 工作 门户网站");
        assert_eq!(KANGXI.chars().count(), 0x2fd6 - 0x2f00);
        assert_eq!(unify('⿕'), '龠');
        assert_eq!(
            unify('⻈'),
            '⻈',
            "a radical that is only a component stays"
        );
        assert_eq!(unify('工'), '工');
    }
}
