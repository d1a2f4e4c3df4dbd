//! A file's bytes, or standard input's, read no further than the size limit: a file over it is
//! refused before it is read, and a stream (a pipe, `/dev/zero`) is stopped at the limit.

use std::ffi::OsStr;
use std::fmt;
use std::io::{self, Read};

use nianbao::import::{self, ImportError, LARGEST_FILE};

/// Why an input gives no text.
#[derive(Debug)]
pub enum ReadError {
    /// The system could not read it.
    Io(io::Error),
    /// Read, but not a report the checker reads.
    Import(ImportError),
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        ReadError::Io(error)
    }
}

impl From<ImportError> for ReadError {
    fn from(error: ImportError) -> Self {
        ReadError::Import(error)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => match e.kind() {
                io::ErrorKind::NotFound => f.write_str("文件不存在"),
                io::ErrorKind::PermissionDenied => f.write_str("没有读取这个文件的权限"),
                io::ErrorKind::IsADirectory => f.write_str("这是文件夹，不是文件"),
                _ => write!(f, "{e}"),
            },
            ReadError::Import(e) => write!(f, "{e}"),
        }
    }
}

/// Reads `reader` to its end, or refuses it once it passes the limit.
fn read_limited(reader: impl Read, name: &str) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    reader.take(LARGEST_FILE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > LARGEST_FILE {
        return Err(ImportError::TooLarge {
            name: name.to_string(),
            size: None,
        }
        .into());
    }
    Ok(bytes)
}

/// The bytes of the file at `path` (standard input for `-`), called `name` in messages.
pub fn read_bytes(path: &OsStr, name: &str) -> Result<Vec<u8>, ReadError> {
    if path == "-" {
        return read_limited(io::stdin().lock(), name);
    }
    let file = std::fs::File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_file() {
        import::check_size(name, metadata.len())?;
    }
    read_limited(file, name)
}
