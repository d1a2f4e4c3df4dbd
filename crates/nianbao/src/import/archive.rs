//! The files of a .zip a reviewer drops or names (a district's thirty reports in one archive): each
//! entry's name and bytes, or why that entry is not read. Nothing is written anywhere, but a name
//! that climbs out of the archive (「../x」, 「/etc/x」, 「C:\x」) is refused all the same: it is no
//! report a unit sent. The limits are the import's: each file at most [`LARGEST_FILE`] inflated (a
//! zip bomb stops there), all of them together at most [`LARGEST_INFLATED`], and so many entries.

use super::error::ImportError;
use super::kind::LARGEST_FILE;

/// No report's text comes near this; a zip that inflates beyond it is broken or hostile.
pub const LARGEST_INFLATED: usize = 64 * 1024 * 1024;

/// More files than a reviewer's desk ever holds: the rest of the archive is not read.
pub const MOST_ENTRIES: usize = 1000;

/// One file of an archive: its path inside it and its bytes, or why they are not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveEntry {
    pub name: String,
    pub bytes: Result<Vec<u8>, ImportError>,
}

/// Whether `name` stays inside the archive: relative, no 「..」 step, no drive letter.
fn is_safe(name: &str) -> bool {
    let absolute = name.starts_with(['/', '\\']) || name.as_bytes().get(1) == Some(&b':');
    !absolute && !name.split(['/', '\\']).any(|step| step == "..")
}

/// Inflates one entry of `archive` to at most `limit` bytes and verifies its checksum; `broken` is
/// the error to give for any failure.
pub(crate) fn inflate<R: AsRef<[u8]>>(
    archive: &rawzip::ZipSliceArchive<R>,
    wayfinder: rawzip::ZipArchiveEntryWayfinder,
    method: rawzip::CompressionMethod,
    limit: usize,
    broken: ImportError,
) -> Result<Vec<u8>, ImportError> {
    if wayfinder.uncompressed_size_hint() > limit as u64 {
        return Err(broken);
    }
    let entry = archive.get_entry(wayfinder).map_err(|_| broken.clone())?;
    let data = if method == rawzip::CompressionMethod::STORE {
        entry.data().to_vec()
    } else if method == rawzip::CompressionMethod::DEFLATE {
        miniz_oxide::inflate::decompress_to_vec_with_limit(entry.data(), limit)
            .map_err(|_| broken.clone())?
    } else {
        return Err(broken);
    };
    let actual = rawzip::ZipVerification {
        crc: super::crc32(&data),
        uncompressed_size: data.len() as u64,
    };
    entry
        .claim_verifier()
        .valid(actual)
        .map_err(|_| broken.clone())?;
    Ok(data)
}

/// The files of the zip in `bytes` (`archive` is its name, for the messages), in the archive's
/// order, folders and macOS's 「__MACOSX/」 shadows left out; or why the archive cannot be read.
///
/// Names are UTF-8 when they are valid UTF-8; otherwise `legacy_name` reads them (Windows' own zip
/// writes names in the system's code page, GBK on Chinese machines, and sets no UTF-8 flag), and a
/// name it cannot read either is shown with replacement marks.
pub fn entries(
    archive: &str,
    bytes: &[u8],
    legacy_name: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<Vec<ArchiveEntry>, ImportError> {
    let broken = || ImportError::BrokenArchive {
        name: archive.to_string(),
    };
    let zip = rawzip::ZipArchive::from_slice(bytes).map_err(|_| broken())?;
    let mut headers = zip.entries();
    let mut out = Vec::new();
    let mut inflated = 0usize;
    while let Some(header) = headers.next_entry().map_err(|_| broken())? {
        let raw = header.file_path();
        let raw: &[u8] = raw.as_ref();
        let name = match std::str::from_utf8(raw) {
            Ok(name) => name.to_string(),
            Err(_) => legacy_name(raw).unwrap_or_else(|| String::from_utf8_lossy(raw).into_owned()),
        };
        if header.is_dir() || name.starts_with("__MACOSX/") {
            continue;
        }
        if out.len() == MOST_ENTRIES {
            return Err(ImportError::TooManyEntries {
                name: archive.to_string(),
                most: MOST_ENTRIES,
            });
        }
        let too_large = || ImportError::TooLarge {
            name: name.clone(),
            size: Some(header.uncompressed_size_hint()),
        };
        let bytes = if !is_safe(&name) {
            Err(ImportError::UnsafeEntry { name: name.clone() })
        } else if inflated >= LARGEST_INFLATED {
            Err(too_large())
        } else {
            let limit = (LARGEST_FILE as usize).min(LARGEST_INFLATED - inflated);
            let size = header.uncompressed_size_hint();
            let read = inflate(
                &zip,
                header.wayfinder(),
                header.compression_method(),
                limit,
                broken(),
            );
            // An entry that says it is larger than the limit, or inflates past it, is too large.
            match read {
                Err(_) if size > limit as u64 => Err(too_large()),
                Err(e) => Err(e),
                Ok(data) => Ok(data),
            }
        };
        if let Ok(data) = &bytes {
            inflated += data.len();
        }
        out.push(ArchiveEntry { name, bytes });
    }
    Ok(out)
}
