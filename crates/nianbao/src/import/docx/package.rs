//! The parts of a Word package (a zip): the main document, and the numbering and styles it refers to.

use crate::import::archive::{inflate, LARGEST_INFLATED};
use crate::import::error::ImportError;

/// The parts the reader uses, inflated.
pub struct Parts {
    pub document: Vec<u8>,
    pub numbering: Option<Vec<u8>>,
    pub styles: Option<Vec<u8>>,
}

/// Reads the parts out of the zip in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Parts, ImportError> {
    let archive = rawzip::ZipArchive::from_slice(bytes).map_err(|_| ImportError::BrokenDocx)?;
    let mut entries = archive.entries();
    let (mut document, mut numbering, mut styles) = (None, None, None);
    while let Some(header) = entries.next_entry().map_err(|_| ImportError::BrokenDocx)? {
        let found = Some((header.wayfinder(), header.compression_method()));
        match header.file_path().as_ref() {
            b"word/document.xml" => document = found,
            // A few generators number the main part (word/document2.xml).
            name if document.is_none()
                && name.starts_with(b"word/document")
                && name.ends_with(b".xml") =>
            {
                document = found
            }
            b"word/numbering.xml" => numbering = found,
            b"word/styles.xml" => styles = found,
            _ => {}
        }
    }
    let part =
        |(wayfinder, method): (rawzip::ZipArchiveEntryWayfinder, rawzip::CompressionMethod)| {
            inflate(
                &archive,
                wayfinder,
                method,
                LARGEST_INFLATED,
                ImportError::BrokenDocx,
            )
        };
    let document = part(document.ok_or(ImportError::NotWord)?)?;
    // Numbering and styles only add list numbers: a damaged one is skipped, not fatal.
    Ok(Parts {
        document,
        numbering: numbering.and_then(|p| part(p).ok()),
        styles: styles.and_then(|p| part(p).ok()),
    })
}

/// The zip checksum of `data`, a bit at a time: a document part is read once, and rawzip's
/// table-driven CRC would put a 16 KB table into the page. Shared with the zip writer
/// (`export::zip`).
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bitwise_checksum_is_the_zip_checksum() {
        for data in [&b""[..], b"a", b"123456789", "一、总体情况".as_bytes()] {
            assert_eq!(crc32(data), rawzip::crc32(data));
        }
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }
}
