//! PDF files written in the test, each showing one thing the reader must do: read text placed by the
//! text operators through a ToUnicode map, rebuild a ruled table, and refuse — with the core's advice,
//! never a panic — a scan, an encrypted file, a cut or damaged one and a font without a Unicode map.

mod common;

use common::{codes, encrypted, one_page, scanned};
use nianbao::import::ImportError;
use nianbao_pdf::pdf_to_text;

const CHARS: [char; 12] = [
    '一', '、', '总', '体', '情', '况', '本', '年', '新', '收', '计', '件',
];

fn text_page() -> Vec<u8> {
    let heading = codes(&CHARS, "一、总体情况");
    let body = codes(&CHARS, "本年新收");
    let unit = codes(&CHARS, "件");
    one_page(
        &format!(
            "BT /F1 16 Tf 1 0 0 1 72 770 Tm {heading} Tj ET\n\
             BT /F1 12 Tf 72 740 Td {body} Tj /F2 12 Tf ( 95) Tj /F1 12 Tf {unit} Tj ET\n\
             BT /F2 10 Tf 290 40 Td (- 1 -) Tj ET"
        ),
        &CHARS,
        true,
    )
}

#[test]
fn text_is_read_through_its_unicode_map_and_the_page_number_left_out() {
    let text = pdf_to_text(&text_page()).expect("readable");
    assert_eq!(text, "一、总体情况\n本年新收 95件\n");
}

#[test]
fn a_ruled_table_reads_as_the_core_lays_out_tables() {
    // Two rows, three columns; the first column's cell spans both rows (no line between them).
    let label = codes(&CHARS, "总计");
    let new = codes(&CHARS, "新收");
    let year = codes(&CHARS, "本年");
    let content = format!(
        "0.5 w 72 700 m 372 700 l S 172 680 m 372 680 l S 72 660 m 372 660 l S\n\
         72 660 m 72 700 l S 172 660 m 172 700 l S 272 660 m 272 700 l S 372 660 m 372 700 l S\n\
         BT /F1 10 Tf 80 676 Td {label} Tj ET\n\
         BT /F1 10 Tf 180 686 Td {new} Tj ET BT /F2 10 Tf 280 686 Td (3) Tj ET\n\
         BT /F1 10 Tf 180 666 Td {year} Tj ET BT /F2 10 Tf 280 666 Td (12) Tj ET"
    );
    let text = pdf_to_text(&one_page(&content, &CHARS, true)).expect("readable");
    assert_eq!(
        text,
        "总计\u{3000}新收\t3\n本年\u{3000}\u{3000}\u{3000}\t12\n"
    );
}

fn refusal(bytes: &[u8]) -> ImportError {
    pdf_to_text(bytes).expect_err("refused")
}

#[test]
fn a_scan_without_text_is_refused() {
    let bytes = scanned();
    let error = refusal(&bytes);
    assert_eq!(error, ImportError::ScannedPdf);
    assert!(
        error
            .to_string()
            .starts_with("这是扫描件，没有可读取的文字"),
        "{error}"
    );
}

#[test]
fn an_encrypted_file_is_refused() {
    let bytes = encrypted();
    let error = refusal(&bytes);
    assert_eq!(error, ImportError::EncryptedPdf);
    assert!(error.to_string().contains("加密"), "{error}");
}

#[test]
fn a_cut_file_is_refused_as_broken() {
    let whole = text_page();
    for keep in [0, 8, whole.len() / 3, whole.len() / 2] {
        let error = refusal(&whole[..keep]);
        assert_eq!(error, ImportError::BrokenPdf, "cut at {keep}");
        assert!(error.to_string().contains("损坏"), "{error}");
    }
}

#[test]
fn a_font_without_a_unicode_map_is_refused_not_read_as_garbage() {
    let body = codes(&CHARS, "一、总体情况本年新收本年新收本年新收本年新收");
    let bytes = one_page(
        &format!("BT /F1 12 Tf 72 740 Td {body} Tj ET"),
        &CHARS,
        false,
    );
    let error = refusal(&bytes);
    assert_eq!(error, ImportError::PdfWithoutUnicode);
    assert!(error.to_string().contains("乱码"), "{error}");
}

/// Bytes flipped and cut anywhere: a refusal or some text, never a panic, and soon.
#[test]
fn damaged_files_never_panic() {
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../nianbao/tests/fixtures/pdf-text/seed000-filled.pdf"
    ))
    .expect("the fixture");
    let started = std::time::Instant::now();
    let mut seed = 0x2545_f491_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for sample in [text_page(), fixture] {
        for round in 0..60 {
            let mut bytes = sample.clone();
            let cut = (next() as usize) % bytes.len();
            if round % 3 == 0 {
                bytes.truncate(cut);
            } else {
                for _ in 0..=(round % 7) {
                    let at = (next() as usize) % bytes.len();
                    bytes[at] ^= 1 << (next() % 8);
                }
            }
            let _ = pdf_to_text(&bytes);
        }
    }
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

/// Inputs the fuzz target (crates/nianbao/fuzz, target `pdf`) once crashed on are read or refused,
/// never a panic: a panic kills the page's PDF worker.
#[test]
fn inputs_that_once_crashed_the_reader_are_read_or_refused() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut read = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("fuzz-")
        {
            let bytes = std::fs::read(&path).unwrap();
            let _ = nianbao_pdf::pdf_to_text(&bytes);
            read += 1;
        }
    }
    assert!(read >= 1);
}
