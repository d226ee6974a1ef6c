//! Appraisal files: RON text, versioned, migrated on load, saved atomically with a backup.

pub mod disk;
mod migrate;
pub mod names;
pub mod recovery;

use std::path::Path;

use serde::Deserialize;

use crate::model::{Appraisal, FORMAT_VERSION};
pub use disk::{Disk, MemoryDisk, RealDisk, backup_path};

pub use migrate::OLDEST_SUPPORTED_VERSION;

/// Files larger than this are refused before reading: no appraisal comes near it.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file could not be opened or saved. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: cannot save the file: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: the file is {size} bytes; appraisal files are at most {limit} bytes")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: the file is empty")]
    Empty { path: String },
    #[error("{path}: not a text file (invalid UTF-8 at byte {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: line {line}, column {column}: {message}")]
    Syntax {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A file whose brackets or quotes are still open where it stops: cut off, not mistyped.
    #[error(
        "{path}: the file ends early, so it may have been cut off while copying or saving \
         (it stops at line {line}, column {column}: {message})"
    )]
    EndsEarly {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{path}: this file is format version {found}, made by a newer version of the app; \
         this app reads versions {OLDEST_SUPPORTED_VERSION} to {FORMAT_VERSION}"
    )]
    TooNew { path: String, found: u32 },
    #[error("{path}: format version {found} is not one this app has ever written")]
    UnknownVersion { path: String, found: u32 },
}

/// Display name for a path in messages: the file name, which is what the user recognises.
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Reads, size-checks, decodes and migrates a file. Nothing else is touched on failure.
pub fn load(path: &Path) -> Result<Appraisal, FileError> {
    load_from(&RealDisk, path)
}

/// `load`, from the given disk.
pub fn load_from(disk: &dyn Disk, path: &Path) -> Result<Appraisal, FileError> {
    let name = display_name(path);
    let bytes = disk.read(path, MAX_FILE_BYTES).map_err(|e| match e {
        disk::ReadError::TooLarge { size, limit } => FileError::TooLarge {
            path: name.clone(),
            size,
            limit,
        },
        disk::ReadError::Io(source) => FileError::Read {
            path: name.clone(),
            source,
        },
    })?;
    parse_bytes(&bytes, &name)
}

/// Decodes file contents; `name` is used in error messages.
pub fn parse_bytes(bytes: &[u8], name: &str) -> Result<Appraisal, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|e| FileError::NotUtf8 {
        path: name.to_string(),
        offset: e.valid_up_to(),
    })?;
    parse_str(text, name)
}

/// Whether the text stops inside a string or with brackets still open: the signature of a
/// file cut off part way (a copy interrupted, a disk full), rather than one mistyped.
pub fn ends_early(text: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0i64, false, false);
    for c in text.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    in_string || depth > 0
}

/// Only the version field, read before the rest so that old files can be migrated.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

pub fn parse_str(text: &str, name: &str) -> Result<Appraisal, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::Empty {
            path: name.to_string(),
        });
    }
    let cut_short = ends_early(text);
    let syntax = |e: ron::error::SpannedError| {
        let (path, line, column, message) = (
            name.to_string(),
            e.span.start.line,
            e.span.start.col,
            e.code.to_string(),
        );
        if cut_short {
            FileError::EndsEarly {
                path,
                line,
                column,
                message,
            }
        } else {
            FileError::Syntax {
                path,
                line,
                column,
                message,
            }
        }
    };
    // The probe's own name means nothing to a user: call it what it is.
    let probe: VersionProbe = ron::from_str(text).map_err(|e| {
        let mut err = syntax(e);
        if let FileError::Syntax { message, .. } | FileError::EndsEarly { message, .. } = &mut err
            && message.contains("VersionProbe")
        {
            *message = format!(
                "not an appraisal file: {}",
                message
                    .replace("struct `VersionProbe`", "an appraisal")
                    .replace("`VersionProbe`", "the appraisal")
            );
        }
        err
    })?;
    match probe.format_version {
        FORMAT_VERSION => ron::from_str(text).map_err(syntax),
        v if v > FORMAT_VERSION => Err(FileError::TooNew {
            path: name.to_string(),
            found: v,
        }),
        v => migrate::from_older(text, v).map_err(|e| match e {
            migrate::MigrateError::Syntax(e) => syntax(e),
            migrate::MigrateError::Unknown(found) => FileError::UnknownVersion {
                path: name.to_string(),
                found,
            },
        }),
    }
}

/// The appraisal as pretty RON: one field a line, readable and diffable. Lines end in `\n` on
/// every platform (ron's default is `\r\n` on Windows), so a file is the same bytes wherever
/// it was saved.
pub fn to_ron(appraisal: &Appraisal) -> String {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .depth_limit(4)
        .escape_strings(false)
        .indentor("  ")
        .struct_names(false);
    // Serialising these plain types cannot fail: no maps with non-string keys, no
    // unsupported types. Fall back to the compact form rather than panic if it ever did.
    ron::ser::to_string_pretty(appraisal, config)
        .or_else(|_| ron::to_string(appraisal))
        .unwrap_or_default()
}

/// Writes the file so that a crash at any moment leaves either the old or the new complete
/// file, keeping the old one as `.bak` (see [`Disk::write_atomically`]).
pub fn save(appraisal: &Appraisal, path: &Path) -> Result<(), FileError> {
    save_to(&RealDisk, appraisal, path)
}

/// `save`, to the given disk.
pub fn save_to(disk: &dyn Disk, appraisal: &Appraisal, path: &Path) -> Result<(), FileError> {
    write_with(disk, to_ron(appraisal).as_bytes(), path)
}

pub fn write_atomically(contents: &[u8], path: &Path) -> Result<(), FileError> {
    write_with(&RealDisk, contents, path)
}

/// Any bytes, written atomically to the given disk; the error names the file.
pub fn write_with(disk: &dyn Disk, contents: &[u8], path: &Path) -> Result<(), FileError> {
    disk.write_atomically(path, contents)
        .map_err(|source| FileError::Write {
            path: display_name(path),
            source,
        })
}

/// The worked examples shipped in `assets/examples/`; the first is the default a new user sees.
pub const EXAMPLES: [(&str, &str); 3] = [
    (
        "library-service.ron",
        include_str!("../../assets/examples/library-service.ron"),
    ),
    (
        "waste-collection.ron",
        include_str!("../../assets/examples/waste-collection.ron"),
    ),
    (
        "hr-payroll.ron",
        include_str!("../../assets/examples/hr-payroll.ron"),
    ),
];

/// The library-service example, compiled into the binary.
pub fn default_example() -> Appraisal {
    let (name, text) = EXAMPLES[0];
    // A test proves every shipped example parses; this fallback only guards the build.
    parse_str(text, name).unwrap_or_else(|_| crate::model::blank_appraisal())
}
