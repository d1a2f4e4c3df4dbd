//! Word's automatic numbering. A heading Word numbers itself (「一、」 from a list or a heading style)
//! has no numeral in its text: it is worked out here from numbering.xml and styles.xml and put in
//! front of the paragraph, as Word shows it and as it copies it.

use roxmltree::Node;

use super::xml::{child, in_batches, is, number_at, parse, val, val_at};

const LEVELS: usize = 9;

#[derive(Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
    suffix: String,
    /// Legal numbering: every level's number in decimal (「2.1」 under 「二、」).
    legal: bool,
}

/// A level no definition gives: no number.
static NO_LEVEL: Level = Level {
    format: String::new(),
    text: String::new(),
    start: 0,
    suffix: String::new(),
    legal: false,
};

/// A list (`w:num`): its abstract definition, with per-level start overrides, and its current
/// number at each level (`None` until the level is first used).
struct List {
    definition: String,
    starts: [Option<u32>; LEVELS],
    counters: [Option<u32>; LEVELS],
}

/// Lookups by id, sorted once and searched by halving: a document has a few dozen lists and
/// styles, but a hostile one has a hundred thousand, and a search in order for every paragraph
/// would take minutes. Of equal ids the first written wins, as when searched in order. The values
/// stay in written order and the ids are sorted through an index, so that sorting and searching are
/// not generic: the page carries them once for every table.
struct ById<T> {
    ids: Vec<String>,
    /// Positions in `ids`, in the ids' order.
    order: Vec<usize>,
    values: Vec<T>,
}

impl<T> Default for ById<T> {
    fn default() -> Self {
        ById {
            ids: Vec::new(),
            order: Vec::new(),
            values: Vec::new(),
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Ids compared in lookups, for the tests that bound the work.
    static COMPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The order that sorts `ids`, equal ids in their written order: a heap sort, a few lines where the
/// standard library's sort would add to the page.
fn sorted_order(ids: &[String]) -> Vec<usize> {
    let before = |a: usize, b: usize| (ids[a].as_str(), a) < (ids[b].as_str(), b);
    let sift = |order: &mut [usize], mut root: usize| loop {
        let mut child = 2 * root + 1;
        if child >= order.len() {
            break;
        }
        if child + 1 < order.len() && before(order[child], order[child + 1]) {
            child += 1;
        }
        if !before(order[root], order[child]) {
            break;
        }
        order.swap(root, child);
        root = child;
    };
    let mut order: Vec<usize> = (0..ids.len()).collect();
    for root in (0..order.len() / 2).rev() {
        sift(&mut order, root);
    }
    for end in (1..order.len()).rev() {
        order.swap(0, end);
        sift(&mut order[..end], 0);
    }
    order
}

/// The written position of the first `id` among `ids`, searched through their sorted `order`.
fn position(ids: &[String], order: &[usize], id: &str) -> Option<usize> {
    let at = order.partition_point(|&i| {
        #[cfg(test)]
        COMPARED.with(|c| c.set(c.get() + 1));
        crate::work::add(1);
        ids[i].as_str() < id
    });
    let &i = order.get(at)?;
    (ids[i] == id).then_some(i)
}

impl<T> ById<T> {
    /// `values[i]` named `ids[i]`.
    fn new(ids: Vec<String>, values: Vec<T>) -> Self {
        let order = sorted_order(&ids);
        ById { ids, order, values }
    }

    fn get(&self, id: &str) -> Option<&T> {
        position(&self.ids, &self.order, id).and_then(|i| self.values.get(i))
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        position(&self.ids, &self.order, id).and_then(|i| self.values.get_mut(i))
    }
}

#[derive(Default)]
pub struct Numbering {
    lists: ById<List>,
    definitions: ById<Vec<Level>>,
    /// Paragraph style → the list and level it numbers with (through `basedOn`).
    styles: ById<(String, usize)>,
}

/// The levels a definition gives, up to the last it gives (the rest are [`NO_LEVEL`]): a hostile
/// numbering of a hundred thousand one-level definitions held nine levels each, 5.4 times its XML.
fn levels_of(definition: Node) -> Vec<Level> {
    let mut levels = vec![Level::default(); LEVELS];
    let mut given = 0;
    for lvl in definition.children().filter(|n| is(n, "lvl")) {
        let Some(i) = lvl
            .attributes()
            .find(|a| a.name() == "ilvl")
            .and_then(|a| a.value().parse::<usize>().ok())
        else {
            continue;
        };
        if let Some(level) = levels.get_mut(i) {
            given = given.max(i + 1);
            *level = Level {
                format: val_at(&lvl, &["numFmt"]).unwrap_or("decimal").to_string(),
                text: val_at(&lvl, &["lvlText"]).unwrap_or("").to_string(),
                start: number_at(&lvl, &["start"]).map_or(1, |n| n as u32),
                suffix: val_at(&lvl, &["suff"]).unwrap_or("tab").to_string(),
                legal: child(&lvl, "isLgl")
                    .is_some_and(|l| val(&l).is_none_or(|v| v != "0" && v != "false")),
            };
        }
    }
    levels.truncate(given);
    levels.shrink_to_fit();
    levels
}

fn attribute<'a>(node: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == name)
        .map(|a| a.value())
}

impl Numbering {
    pub fn new(numbering: Option<&[u8]>, styles: Option<&[u8]>) -> Self {
        let (mut list_ids, mut lists) = (Vec::new(), Vec::new());
        let (mut definition_ids, mut definitions) = (Vec::new(), Vec::new());
        if let Some(part) = numbering {
            // A part that breaks off keeps what was read before the break.
            let _ = in_batches(part, None, |root| {
                for node in root.children() {
                    if is(&node, "abstractNum") {
                        if let Some(id) = attribute(&node, "abstractNumId") {
                            definition_ids.push(id.to_string());
                            definitions.push(levels_of(node));
                        }
                    } else if is(&node, "num") {
                        let (Some(id), Some(definition)) =
                            (attribute(&node, "numId"), val_at(&node, &["abstractNumId"]))
                        else {
                            continue;
                        };
                        let mut starts = [None; LEVELS];
                        for o in node.children().filter(|n| is(n, "lvlOverride")) {
                            let level = attribute(&o, "ilvl").and_then(|v| v.parse::<usize>().ok());
                            if let (Some(l), Some(start)) = (
                                level.filter(|&l| l < LEVELS),
                                number_at(&o, &["startOverride"]),
                            ) {
                                starts[l] = Some(start as u32);
                            }
                        }
                        list_ids.push(id.to_string());
                        lists.push(List {
                            definition: definition.to_string(),
                            starts,
                            counters: [None; LEVELS],
                        });
                    }
                }
            });
        }
        let styles = styles
            .and_then(parse)
            .map(|doc| numbered_styles(doc.root_element()))
            .unwrap_or_default();
        Numbering {
            lists: ById::new(list_ids, lists),
            definitions: ById::new(definition_ids, definitions),
            styles,
        }
    }

    /// The number Word shows before paragraph `p` (with what follows it), counting it.
    pub fn label(&mut self, p: Node) -> Option<String> {
        let properties = child(&p, "pPr");
        let direct = properties.and_then(|pr| child(&pr, "numPr"));
        let style = properties
            .and_then(|pr| val_at(&pr, &["pStyle"]))
            .and_then(|s| self.styles.get(s).cloned());
        let list = direct
            .and_then(|n| val_at(&n, &["numId"]).map(str::to_string))
            .or_else(|| style.as_ref().map(|s| s.0.clone()))?;
        let level = direct
            .and_then(|n| number_at(&n, &["ilvl"]))
            .or(style.map(|s| s.1))
            .unwrap_or(0)
            .min(LEVELS - 1);
        let instance = self.lists.get_mut(&list)?;
        let levels = self.definitions.get(&instance.definition)?;
        let level_at = |l: usize| levels.get(l).unwrap_or(&NO_LEVEL);
        let starts = instance.starts;
        let start = |l: usize| starts[l].unwrap_or(level_at(l).start);
        let counters = &mut instance.counters;
        counters[level] = Some(counters[level].map_or(start(level), |n| n + 1));
        counters[level + 1..].fill(None);
        let this = level_at(level);
        if matches!(this.format.as_str(), "bullet" | "none") || this.text.is_empty() {
            return None;
        }
        let mut label = this.text.clone();
        for l in (0..=level).rev() {
            let n = counters[l].unwrap_or(start(l));
            let format = if this.legal {
                "decimal"
            } else {
                level_at(l).format.as_str()
            };
            label = label.replace(&format!("%{}", l + 1), &format_number(n, format));
        }
        match this.suffix.as_str() {
            "space" => label.push(' '),
            // A tab after 「一、」 or 「1.」 adds nothing a reader needs; after a bare number it separates.
            "tab" if label.ends_with(|c: char| c.is_alphanumeric()) => label.push(' '),
            _ => {}
        }
        Some(label)
    }
}

/// Paragraph styles that number their paragraphs, directly or through the styles they are based on.
fn numbered_styles(root: Node) -> ById<(String, usize)> {
    let (mut own_ids, mut own) = (Vec::new(), Vec::new());
    let (mut child_ids, mut parents) = (Vec::new(), Vec::new());
    for style in root.children().filter(|n| is(n, "style")) {
        let Some(id) = attribute(&style, "styleId") else {
            continue;
        };
        let num = style
            .children()
            .find(|n| is(n, "pPr"))
            .and_then(|pr| child(&pr, "numPr"));
        if let Some(list) = num.and_then(|n| val_at(&n, &["numId"])) {
            let level = num.and_then(|n| number_at(&n, &["ilvl"])).unwrap_or(0);
            own_ids.push(id.to_string());
            own.push((list.to_string(), level));
        }
        if let Some(parent) = child(&style, "basedOn").and_then(|b| val(&b)) {
            child_ids.push(id.to_string());
            parents.push(parent.to_string());
        }
    }
    let own = ById::new(own_ids, own);
    let based_on = ById::new(child_ids, parents);
    let (mut ids, mut numbers) = (Vec::new(), Vec::new());
    for (id, parent) in based_on.ids.iter().zip(&based_on.values) {
        if own.get(id).is_some() {
            continue;
        }
        let mut at = parent;
        // A chain of styles is short; a cycle must not hang.
        for _ in 0..16 {
            if let Some(found) = own.get(at) {
                ids.push(id.clone());
                numbers.push(found.clone());
                break;
            }
            match based_on.get(at) {
                Some(next) => at = next,
                None => break,
            }
        }
    }
    ids.extend(own.ids);
    numbers.extend(own.values);
    let (ids, numbers) = ids
        .into_iter()
        .zip(numbers)
        .filter(|(_, (list, _))| list != "0")
        .unzip();
    ById::new(ids, numbers)
}

const CHINESE_DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

fn chinese(n: u32) -> String {
    match n {
        0..=9 => CHINESE_DIGITS[n as usize].to_string(),
        10..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let mut out = if tens == 1 {
                String::new()
            } else {
                CHINESE_DIGITS[tens as usize].to_string()
            };
            out.push('十');
            if ones > 0 {
                out.push_str(CHINESE_DIGITS[ones as usize]);
            }
            out
        }
        _ => n.to_string(),
    }
}

/// `n` in Word's number format `format`: the formats Chinese reports number their parts and items
/// with; any other (Roman, letters) as a decimal, which heading detection reads as well.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese(n),
        "ideographDigital" => n
            .to_string()
            .chars()
            .map(|d| CHINESE_DIGITS[d as usize - '0' as usize])
            .collect(),
        "ideographTraditional" if (1..=10).contains(&n) => {
            ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"][n as usize - 1].to_string()
        }
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_formats_chinese_reports_use() {
        let chinese: Vec<String> = [1, 6, 10, 11, 20, 23, 99, 100]
            .iter()
            .map(|&n| format_number(n, "chineseCounting"))
            .collect();
        assert_eq!(
            chinese,
            ["一", "六", "十", "十一", "二十", "二十三", "九十九", "100"]
        );
        assert_eq!(format_number(3, "decimal"), "3");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(4, "upperRoman"), "4");
        assert_eq!(format_number(2021, "ideographDigital"), "二〇二一");
    }

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:abstractNum w:abstractNumId="7">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
          <w:lvl w:ilvl="3"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3.%4"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
      </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="1"/></w:style>
      </w:styles>"#;

    fn labels(paragraphs: &[&str]) -> Vec<Option<String>> {
        let mut numbering = Numbering::new(Some(NUMBERING.as_bytes()), Some(STYLES.as_bytes()));
        let body = format!(
            r#"<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{}</w:body>"#,
            paragraphs.concat()
        );
        let doc = roxmltree::Document::parse(&body).unwrap();
        doc.root_element()
            .children()
            .filter(|n| n.is_element())
            .map(|p| numbering.label(p))
            .collect()
    }

    #[test]
    fn lists_count_on_and_deeper_levels_start_again() {
        let list = |level: u8| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p>"#
            )
        };
        let got = labels(&[
            &list(0),
            &list(1),
            &list(1),
            &list(0),
            &list(1),
            &list(2),
            &list(3),
            "<w:p/>",
        ]);
        // A higher level's number keeps its own format, unless the level is legal numbering.
        let want = [
            "一、",
            "（一）",
            "（二）",
            "二、",
            "（一）",
            "二.1 ",
            "2.1.1 ",
        ];
        assert_eq!(got[..7], want.map(|s| Some(s.to_string())));
        assert_eq!(got[7], None);
    }

    #[test]
    fn heading_styles_number_too_through_based_on() {
        let styled =
            |style: &str| format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr></w:p>"#);
        let got = labels(&[&styled("1"), &styled("MyHeading"), &styled("Normal")]);
        assert_eq!(
            got,
            [Some("一、".to_string()), Some("二、".to_string()), None]
        );
    }

    /// numbering.xml with `n` lists, each its own definition (ids in no order), and a body of `n`
    /// paragraphs, one in each list in turn, then each list again.
    fn many_lists(n: usize) -> (String, String) {
        let id = |i: usize| (i * 7919) % n;
        let mut numbering = format!(r#"<w:numbering xmlns:w="{W}">"#);
        for i in 0..n {
            numbering.push_str(&format!(
                r#"<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>"#
            ));
        }
        for i in 0..n {
            numbering.push_str(&format!(
                r#"<w:num w:numId="{}"><w:abstractNumId w:val="{}"/></w:num>"#,
                id(i),
                id(i)
            ));
        }
        numbering.push_str("</w:numbering>");
        let mut body = format!(r#"<w:body xmlns:w="{W}">"#);
        for i in (0..n).chain(0..n) {
            body.push_str(&format!(
                r#"<w:p><w:pPr><w:numPr><w:numId w:val="{i}"/></w:numPr></w:pPr></w:p>"#
            ));
        }
        body.push_str("</w:body>");
        (numbering, body)
    }

    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// Ids compared to number every paragraph of [`many_lists`], and the labels.
    fn numbered(n: usize) -> (usize, Vec<Option<String>>) {
        let (numbering, body) = many_lists(n);
        COMPARED.with(|c| c.set(0));
        let mut lists = Numbering::new(Some(numbering.as_bytes()), None);
        let doc = roxmltree::Document::parse(&body).unwrap();
        let labels = doc
            .root_element()
            .children()
            .filter(|n| n.is_element())
            .map(|p| lists.label(p))
            .collect();
        (COMPARED.with(|c| c.get()), labels)
    }

    #[test]
    fn the_heap_sort_orders_as_a_stable_sort_does() {
        for n in [0, 1, 2, 3, 10, 257, 1000] {
            let ids: Vec<String> = (0..n).map(|i| ((i * 7919 + 13) % 97).to_string()).collect();
            let mut stable: Vec<usize> = (0..n).collect();
            stable.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
            assert_eq!(sorted_order(&ids), stable, "{n} ids");
        }
    }

    #[test]
    fn of_equal_ids_the_first_written_wins() {
        let entries: (Vec<String>, Vec<usize>) = ["b", "a", "b", "c", "a"]
            .iter()
            .enumerate()
            .map(|(i, k)| (k.to_string(), i))
            .unzip();
        let (ids, values) = entries;
        let table = ById::new(ids, values);
        assert_eq!(
            ["a", "b", "c", "d"].map(|k| table.get(k).copied()),
            [Some(1), Some(0), Some(3), None]
        );
    }

    #[test]
    fn a_hundred_thousand_lists_are_numbered_in_n_log_n() {
        for n in [1, 10, 1_000, 100_000] {
            let (compared, labels) = numbered(n);
            // Two lookups a paragraph (its list, the list's definition), each a binary search.
            let bound = 2 * 2 * n * (n.ilog2() as usize + 2);
            assert!(compared <= bound, "{n} lists: {compared} ids compared");
            assert_eq!(labels.len(), 2 * n);
            assert!(labels[..n].iter().all(|l| l.as_deref() == Some("一、")));
            assert!(labels[n..].iter().all(|l| l.as_deref() == Some("二、")));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 32, failure_persistence: None, ..Default::default() })]

        /// Whatever the number of lists, the work of numbering is within n log n lookups' work.
        #[test]
        fn numbering_work_is_n_log_n(n in 1usize..3_000) {
            let (compared, labels) = numbered(n);
            proptest::prop_assert!(compared <= 4 * n * (n.ilog2() as usize + 2), "{} lists: {} compared", n, compared);
            proptest::prop_assert_eq!(labels.len(), 2 * n);
        }
    }
}
