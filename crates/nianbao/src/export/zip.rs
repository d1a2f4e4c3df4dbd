//! A zip archive with its entries stored, not compressed: the smallest writer Word accepts, and it
//! keeps a deflater out of the page.

use crate::import::crc32;

fn u16le(out: &mut Vec<u8>, v: usize) {
    out.extend_from_slice(&(v as u16).to_le_bytes());
}

fn u32le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// The archive holding `entries` (name, contents), names in UTF-8.
pub fn stored(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        // Shared by the local and the central header: version 2.0, UTF-8 names, stored, 1980-01-01.
        let mut common = Vec::new();
        for v in [20, 0x0800, 0, 0, 0x21] {
            u16le(&mut common, v);
        }
        u32le(&mut common, crc);
        u32le(&mut common, data.len() as u32);
        u32le(&mut common, data.len() as u32);
        u16le(&mut common, name.len());
        u16le(&mut common, 0);
        u32le(&mut out, 0x0403_4b50);
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20);
        central.extend_from_slice(&common);
        // Comment length, disk, internal and external attributes, then where the entry starts.
        central.extend_from_slice(&[0; 10]);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    u32le(&mut out, 0);
    u16le(&mut out, entries.len());
    u16le(&mut out, entries.len());
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_zip_reader_reads_it_back() {
        let bytes = super::stored(&[("a.txt", b"hello"), ("目录/b.xml", "年报".as_bytes())]);
        let archive = rawzip::ZipArchive::from_slice(&bytes).unwrap();
        let mut entries = archive.entries();
        let mut seen = Vec::new();
        while let Some(h) = entries.next_entry().unwrap() {
            let entry = archive.get_entry(h.wayfinder()).unwrap();
            seen.push((h.file_path().as_ref().to_vec(), entry.data().to_vec()));
        }
        assert_eq!(
            seen,
            [
                (b"a.txt".to_vec(), b"hello".to_vec()),
                ("目录/b.xml".as_bytes().to_vec(), "年报".as_bytes().to_vec())
            ]
        );
    }
}
