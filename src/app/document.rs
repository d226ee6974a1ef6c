//! The open appraisal: its inputs, where it lives on disk, whether it has unsaved changes,
//! and its results, recomputed whenever the inputs change.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::{Appraisal, InvalidAppraisal, Results, appraise};
use crate::storage;

pub struct Document {
    pub appraisal: Appraisal,
    /// None until first saved (the built-in example, or a new appraisal).
    pub path: Option<PathBuf>,
    /// The appraisal as last saved or opened (or as it started, if never saved), to tell
    /// whether there are unsaved changes.
    saved: Appraisal,
    results: Result<Results, InvalidAppraisal>,
    /// The inputs `results` were computed from.
    computed_for: Appraisal,
    /// Changes whenever the results are recomputed, and differs between documents, so that
    /// everything derived from the inputs can tell it is out of date without comparing them.
    revision: u64,
}

static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

impl Document {
    /// A document that has never been saved (an example, or File ▸ New).
    pub fn unsaved(appraisal: Appraisal) -> Self {
        Self::build(appraisal, None)
    }

    pub fn opened(appraisal: Appraisal, path: PathBuf) -> Self {
        Self::build(appraisal, Some(path))
    }

    /// Work restored from a recovery file: it differs from `on_disk` (the saved file as it
    /// is now, if it still reads), so it counts as unsaved until saved again.
    pub fn recovered(
        appraisal: Appraisal,
        path: Option<PathBuf>,
        on_disk: Option<Appraisal>,
    ) -> Self {
        let mut doc = Self::build(appraisal, path);
        doc.saved = on_disk.unwrap_or_else(crate::model::blank_appraisal);
        doc
    }

    fn build(appraisal: Appraisal, path: Option<PathBuf>) -> Self {
        let results = appraise(&appraisal);
        Self {
            computed_for: appraisal.clone(),
            saved: appraisal.clone(),
            appraisal,
            path,
            results,
            revision: next_revision(),
        }
    }

    /// Results for the current inputs, recomputed only when they changed (cheap to call
    /// every frame; a slider drag recomputes once per frame it moves).
    pub fn results(&mut self) -> &Result<Results, InvalidAppraisal> {
        if self.computed_for != self.appraisal {
            self.results = appraise(&self.appraisal);
            self.computed_for = self.appraisal.clone();
            self.revision = next_revision();
        }
        &self.results
    }

    /// The revision of the current inputs (see `revision`).
    pub fn revision(&mut self) -> u64 {
        self.results();
        self.revision
    }

    /// The inputs, to edit, beside the results worked out from them before the edit.
    pub fn inputs_and_results(&mut self) -> (&mut Appraisal, &Result<Results, InvalidAppraisal>) {
        self.results();
        (&mut self.appraisal, &self.results)
    }

    /// The inputs and their up-to-date results, borrowed together.
    pub fn appraisal_and_results(&mut self) -> (&Appraisal, &Result<Results, InvalidAppraisal>) {
        self.results();
        (&self.appraisal, &self.results)
    }

    /// Whether anything changed since the last save. A never-saved example counts as
    /// unchanged until the user edits it.
    pub fn is_dirty(&self) -> bool {
        self.saved != self.appraisal
    }

    pub fn save_to(
        &mut self,
        disk: &dyn storage::Disk,
        path: &Path,
    ) -> Result<(), storage::FileError> {
        storage::save_to(disk, &self.appraisal, path)?;
        self.path = Some(path.to_path_buf());
        self.saved = self.appraisal.clone();
        Ok(())
    }

    /// The name shown in the title bar: the file name, or the appraisal's title if unsaved.
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .map_or_else(|| self.appraisal.meta.title.clone(), storage::display_name)
    }
}
