//! A .zip of reports: its files in order, names that leave the archive refused one by one, a zip
//! bomb stopped at the file limit, a broken archive told.
#![cfg(not(target_arch = "wasm32"))]

use nianbao::export::zip::stored;
use nianbao::import::archive::entries;

fn no_legacy(_: &[u8]) -> Option<String> {
    None
}

/// 「年报.txt」 in GBK, as Windows' own zip writes it.
const GBK_NAME: &[u8] = b"\xc4\xea\xb1\xa8.txt";

/// An archive holding one file whose name is written in GBK (a UTF-8 stand-in of the same length
/// swapped for it: the name is in no checksum).
fn archive_with_gbk_name() -> Vec<u8> {
    let bytes = stored(&[("abcd.txt", b"x")]);
    let mut out = Vec::new();
    let mut rest = &bytes[..];
    while let Some(at) = rest.windows(8).position(|w| w == b"abcd.txt") {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(GBK_NAME);
        rest = &rest[at + 8..];
    }
    out.extend_from_slice(rest);
    out
}

#[test]
fn a_name_that_is_not_utf8_is_read_by_the_legacy_decoder() {
    let bytes = archive_with_gbk_name();
    let gbk = |raw: &[u8]| (raw == GBK_NAME).then(|| "年报.txt".to_string());
    let read = entries("年报.zip", &bytes, &gbk).unwrap();
    assert_eq!(read[0].name, "年报.txt");
    assert_eq!(read[0].bytes.as_deref(), Ok(&b"x"[..]));
    // Without one, the name still shows, with replacement marks where its bytes are no UTF-8.
    let read = entries("年报.zip", &bytes, &no_legacy).unwrap();
    assert!(
        read[0].name.ends_with(".txt") && read[0].name.contains('\u{fffd}'),
        "{}",
        read[0].name
    );
}

#[test]
fn the_files_are_read_in_order_and_folders_left_out() {
    let bytes = stored(&[
        ("目录/", b""),
        ("目录/a.txt", "一、总体情况".as_bytes()),
        ("__MACOSX/目录/._a.txt", b"x"),
        ("b.html", b"<p>x</p>"),
    ]);
    let read = entries("年报.zip", &bytes, &no_legacy).unwrap();
    let names: Vec<&str> = read.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["目录/a.txt", "b.html"]);
    assert_eq!(read[0].bytes.as_deref(), Ok("一、总体情况".as_bytes()));
}

#[test]
fn names_that_leave_the_archive_are_refused_one_by_one() {
    let bytes = stored(&[
        ("../../etc/passwd.txt", b"x"),
        ("/abs.txt", b"x"),
        ("C:\\win.txt", b"x"),
        ("a\\..\\..\\b.txt", b"x"),
        ("ok..txt", b"fine"),
    ]);
    let read = entries("年报.zip", &bytes, &no_legacy).unwrap();
    for e in &read[..4] {
        let message = e.bytes.clone().unwrap_err().to_string();
        assert!(message.contains("压缩包以外"), "{}: {message}", e.name);
    }
    assert_eq!(read[4].bytes.as_deref(), Ok(&b"fine"[..]));
}

#[test]
fn a_zip_bomb_stops_at_the_file_limit() {
    // 21 MB of zeros deflate to about 21 KB: the entry is refused as too large, not inflated.
    let zeros = vec![0u8; 21 * 1024 * 1024];
    let deflated = miniz_oxide::deflate::compress_to_vec(&zeros, 6);
    let bytes = deflated_archive(&deflated, zeros.len(), nianbao::import::crc32(&zeros));
    let read = entries("炸弹.zip", &bytes, &no_legacy).unwrap();
    let message = read[0].bytes.clone().unwrap_err().to_string();
    assert!(message.contains("超过 20 MB"), "{message}");
    assert_eq!(read.len(), 1);
}

/// One entry `bomb.txt`, deflated, declaring `size` bytes with checksum `crc`.
fn deflated_archive(data: &[u8], size: usize, crc: u32) -> Vec<u8> {
    let name = b"bomb.txt";
    let mut common = Vec::new();
    for v in [20u16, 0, 8, 0, 0x21] {
        common.extend_from_slice(&v.to_le_bytes());
    }
    common.extend_from_slice(&crc.to_le_bytes());
    common.extend_from_slice(&(data.len() as u32).to_le_bytes());
    common.extend_from_slice(&(size as u32).to_le_bytes());
    common.extend_from_slice(&(name.len() as u16).to_le_bytes());
    common.extend_from_slice(&0u16.to_le_bytes());
    let mut out = Vec::new();
    out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
    out.extend_from_slice(&common);
    out.extend_from_slice(name);
    out.extend_from_slice(data);
    let at = out.len() as u32;
    let mut central = Vec::new();
    central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
    central.extend_from_slice(&20u16.to_le_bytes());
    central.extend_from_slice(&common);
    central.extend_from_slice(&[0; 10]);
    central.extend_from_slice(&0u32.to_le_bytes());
    central.extend_from_slice(name);
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[test]
fn a_broken_archive_says_so() {
    let message = entries("坏.zip", b"PK\x03\x04garbage", &no_legacy)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("「坏.zip」") && message.contains("损坏"),
        "{message}"
    );
}
