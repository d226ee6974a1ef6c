//! Autosave: a few seconds after the last change, unsaved work is written to a recovery file
//! in the platform's data folder (never over the user's own file). Saving, or choosing not to
//! keep the changes, removes it.

use std::path::PathBuf;

use super::document::Document;
use crate::storage::Disk;
use crate::storage::recovery::{self, Recovery};

/// Quiet seconds after a change before it is written: one write per burst of edits.
pub const AUTOSAVE_DELAY_SECS: f64 = 2.0;

#[derive(Default)]
pub struct Autosave {
    /// None: autosave is off (no data folder on this system).
    dir: Option<PathBuf>,
    /// The document revision last seen, and when it last changed (egui time, seconds).
    seen: Option<u64>,
    changed_at: f64,
    /// The revision in the recovery file, and where it is.
    written: Option<u64>,
    file: Option<PathBuf>,
}

impl Autosave {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            ..Self::default()
        }
    }

    pub fn dir(&self) -> Option<&PathBuf> {
        self.dir.as_ref()
    }

    /// Call every frame with the document's current revision. Returns how long until it next
    /// needs a frame, if it is waiting.
    pub fn tick(
        &mut self,
        disk: &dyn Disk,
        doc: &Document,
        revision: u64,
        now: f64,
    ) -> Option<f64> {
        let dir = self.dir.clone()?;
        if !doc.is_dirty() {
            // Saved, or back to how it was saved: nothing to recover.
            self.clear(disk);
            return None;
        }
        if self.seen != Some(revision) {
            self.seen = Some(revision);
            self.changed_at = now;
        }
        if self.written == self.seen {
            return None;
        }
        let wait = AUTOSAVE_DELAY_SECS - (now - self.changed_at);
        if wait > 0.0 {
            return Some(wait);
        }
        let record = Recovery {
            saved_path: doc.path.clone(),
            written_at_unix: recovery::now_unix(),
            appraisal: doc.appraisal.clone(),
        };
        match recovery::write(disk, &dir, &record) {
            Ok(path) => {
                // The document may have been saved under a new name since the last write.
                if let Some(old) = self.file.replace(path.clone())
                    && old != path
                {
                    recovery::remove(disk, &old);
                }
                self.written = self.seen;
            }
            Err(e) => log::warn!("autosave failed: {e}"),
        }
        None
    }

    /// Removes the recovery file of the current document (it was saved, or the user chose
    /// not to keep the changes).
    pub fn clear(&mut self, disk: &dyn Disk) {
        if let Some(file) = self.file.take() {
            recovery::remove(disk, &file);
        }
        self.written = None;
        self.seen = None;
    }
}
