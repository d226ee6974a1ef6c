//! Which of the app's own windows is showing: one at a time, each with what it needs to draw.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::export::ExportKind;
use crate::model::Appraisal;
use crate::storage::recovery::Recovery;

/// Something that would throw away unsaved changes, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Guarded {
    New,
    ShowOpen,
    OpenPath(PathBuf),
    OpenExample(usize),
    Quit,
}

impl Guarded {
    /// Finishes "Save them before you …?".
    pub fn doing(&self) -> &'static str {
        match self {
            Guarded::New => "start a new appraisal",
            Guarded::Quit => "quit",
            Guarded::ShowOpen | Guarded::OpenPath(_) | Guarded::OpenExample(_) => {
                "open another appraisal"
            }
        }
    }
}

/// A file name being typed into the default folder, and the names already there (lower
/// case), read once when the window opened so drawing it touches no disk.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NameInFolder {
    pub name: String,
    pub taken: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub enum Overlay {
    #[default]
    None,
    /// The app's own Open window, with the appraisals in the default folder, newest first.
    Open {
        files: Vec<PathBuf>,
    },
    SaveAs(NameInFolder),
    /// Where to write an export (its bytes are made once the place is chosen).
    Export {
        kind: ExportKind,
        target: NameInFolder,
    },
    UnsavedChanges(Guarded),
    Error(String),
    Shortcuts,
    /// Help: what each part of the screen shows and what every term means.
    HowToRead,
    /// A recovery file newer than its saved file, found at start.
    Recover(PathBuf, Box<Recovery>),
    /// A file that reads but has problems: open it anyway to fix them, or leave it.
    InvalidFile {
        path: PathBuf,
        appraisal: Box<Appraisal>,
        problems: Vec<String>,
    },
}
