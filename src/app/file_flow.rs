//! The file flow: opening, saving, the unsaved-changes question before anything that would
//! lose work, the system's file dialog on its worker thread, and recovery after a crash.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;

use super::PartnershipApp;
use super::document::Document;
use super::history::History;
use super::overlay::{Guarded, NameInFolder, Overlay};
use super::platform::{DialogPurpose, PendingDialog};
use crate::model::blank_appraisal;
use crate::storage::recovery::{self, Recovery};
use crate::storage::{self, names};

#[derive(Default)]
pub struct FileFlow {
    /// After a save started from the unsaved-changes question, what to do next.
    after_save: Option<Guarded>,
    /// The system's file dialog, while one is open (only one at a time).
    dialog: Option<PendingDialog>,
    /// Recovery files still to offer after the one showing.
    pending_recoveries: Vec<(PathBuf, Recovery)>,
    /// The user has agreed to quit (nothing unsaved, or they chose).
    quit_confirmed: bool,
    /// The system's file dialog answered at once with nothing: this desktop has none, and
    /// the app's own windows say so instead of offering to browse.
    no_system_dialog: bool,
}

impl FileFlow {
    /// A system file dialog is open: the other file commands wait for it.
    pub fn dialog_open(&self) -> bool {
        self.dialog.is_some()
    }

    pub fn no_system_dialog(&self) -> bool {
        self.no_system_dialog
    }

    pub fn quit_confirmed(&self) -> bool {
        self.quit_confirmed
    }
}

impl PartnershipApp {
    /// Opens a file; on failure the open appraisal stays exactly as it was. A file that reads
    /// but has problems is only opened if the user says so, to fix them.
    pub fn open_path(&mut self, path: &Path) {
        match storage::load_from(self.env.disk.as_ref(), path) {
            Ok(appraisal) => {
                let problems: Vec<String> = crate::model::validate(&appraisal)
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                if problems.is_empty() {
                    self.finish_open(appraisal, path);
                } else {
                    self.overlay = Overlay::InvalidFile {
                        path: path.to_path_buf(),
                        appraisal: Box::new(appraisal),
                        problems,
                    };
                }
            }
            Err(e) => {
                log::warn!("{e}");
                let disk = self.env.disk.as_ref();
                let backup = storage::backup_path(path);
                let recovery = self
                    .autosave
                    .dir()
                    .map(|dir| storage::recovery::recovery_path(dir, Some(path)));
                self.overlay = Overlay::Error(crate::words::files::could_not_open(
                    &e.to_string(),
                    disk.exists(&backup).then_some(backup.as_path()),
                    recovery.as_deref().filter(|r| disk.exists(r)),
                ));
            }
        }
    }

    pub(super) fn finish_open(&mut self, appraisal: crate::model::Appraisal, path: &Path) {
        self.replace_document(Document::opened(appraisal, path.to_path_buf()));
        self.prefs.remember_recent(path);
        self.status = format!("Opened {}", path.display());
        self.overlay = Overlay::None;
    }

    /// The user has saved or chosen to drop the changes: a new document replaces the open one.
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.autosave.clear(self.env.disk.as_ref());
        self.history = History::new(&doc.appraisal);
        self.doc = doc;
        // A group part-way through entering its weights belongs to the old file.
        self.view.workshop_panel = Default::default();
        // Slider spans fit the new file's figures.
        self.view.slider_ranges = None;
        self.view.year_by_year = None;
    }

    /// Saves to `path`; on success carries on with whatever the save was asked for first.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
            && let Err(e) = self.env.disk.create_dir_all(parent)
        {
            self.files.after_save = None;
            self.overlay = Overlay::Error(format!("{}: {e}", parent.display()));
            return false;
        }
        match self.doc.save_to(self.env.disk.as_ref(), path) {
            Ok(()) => {
                self.prefs.remember_recent(path);
                self.status = format!("Saved {}", path.display());
                self.overlay = Overlay::None;
                if let Some(next) = self.files.after_save.take() {
                    self.proceed(next);
                }
                true
            }
            Err(e) => {
                log::warn!("{e}");
                self.files.after_save = None;
                self.overlay = Overlay::Error(e.to_string());
                false
            }
        }
    }

    /// Save: to the file it came from, or Save as… for one never saved.
    pub(super) fn save(&mut self) {
        match self.doc.path.clone() {
            Some(path) => {
                self.save_to(&path);
            }
            None => self.show_save_as(),
        }
    }

    fn suggested_file_name(&self) -> String {
        self.doc
            .path
            .as_deref()
            .map(storage::display_name)
            .unwrap_or_else(|| {
                names::file_name_for(&self.doc.appraisal.meta.title)
                    .unwrap_or_else(|| "appraisal.ron".to_string())
            })
    }

    /// A file name field into the default folder, knowing which names are taken there.
    pub(super) fn name_in_saved_dir(&self, name: String) -> NameInFolder {
        NameInFolder {
            name,
            taken: names::names_in(self.env.disk.as_ref(), &self.env.saved_dir),
        }
    }

    pub(super) fn show_save_as(&mut self) {
        let name = self.suggested_file_name();
        let name = name.strip_suffix(".ron").unwrap_or(&name).to_string();
        self.overlay = Overlay::SaveAs(self.name_in_saved_dir(name));
    }

    /// Runs a guarded action now, or asks first if there are unsaved changes.
    pub(super) fn guard(&mut self, action: Guarded) {
        if self.doc.is_dirty() {
            self.overlay = Overlay::UnsavedChanges(action);
        } else {
            self.proceed(action);
        }
    }

    pub(super) fn proceed(&mut self, action: Guarded) {
        match action {
            Guarded::New => {
                self.replace_document(Document::unsaved(blank_appraisal()));
                self.view.details_open = true;
                self.overlay = Overlay::None;
                self.status = "New appraisal: fill in each option's figures.".into();
            }
            Guarded::ShowOpen => {
                let files = names::list_appraisals(self.env.disk.as_ref(), &self.env.saved_dir);
                self.overlay = Overlay::Open { files };
            }
            Guarded::OpenPath(path) => self.open_path(&path),
            Guarded::OpenExample(i) => {
                let (name, text) = storage::EXAMPLES[i.min(storage::EXAMPLES.len() - 1)];
                match storage::parse_str(text, name) {
                    Ok(a) => {
                        self.replace_document(Document::unsaved(a));
                        self.overlay = Overlay::None;
                    }
                    Err(e) => self.overlay = Overlay::Error(e.to_string()),
                }
            }
            Guarded::Quit => {
                self.files.quit_confirmed = true;
                self.overlay = Overlay::None;
            }
        }
    }

    /// The unsaved-changes question answered "Save": save, then do what was asked.
    pub(super) fn save_then_proceed(&mut self) {
        if let Overlay::UnsavedChanges(next) = std::mem::take(&mut self.overlay) {
            self.files.after_save = Some(next);
            self.save();
        }
    }

    pub(super) fn discard_then_proceed(&mut self) {
        if let Overlay::UnsavedChanges(next) = std::mem::take(&mut self.overlay) {
            self.proceed(next);
        }
    }

    pub(super) fn close_overlay(&mut self) {
        self.files.after_save = None;
        self.overlay = Overlay::None;
    }

    /// The close button: asks first if there are unsaved changes.
    pub(super) fn close_requested(&mut self, ctx: &egui::Context) {
        if self.files.quit_confirmed {
            return;
        }
        if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.overlay = Overlay::UnsavedChanges(Guarded::Quit);
        } else {
            self.files.quit_confirmed = true;
        }
    }

    /// Opens the system's dialog on its worker thread (the app's own window stays open
    /// behind it, so a cancel, or a desktop with no dialog, leaves the user where they were).
    pub(super) fn start_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.files.dialog.is_some() {
            return;
        }
        let wake = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        let suggested = match purpose {
            DialogPurpose::Export(kind) => format!(
                "{}.{}",
                kind.suggested_stem(&self.doc.appraisal.meta.title),
                kind.extension()
            ),
            DialogPurpose::Open | DialogPurpose::SaveAs => self.suggested_file_name(),
        };
        self.files.dialog = Some(PendingDialog::spawn(
            Arc::clone(&self.env.dialogs),
            purpose,
            self.env.saved_dir.clone(),
            suggested,
            wake,
        ));
    }

    /// Takes the system dialog's answer once it has closed.
    pub(super) fn poll_dialog(&mut self) {
        let Some(pending) = &self.files.dialog else {
            return;
        };
        let Some(picked) = pending.poll() else { return };
        let purpose = pending.purpose;
        let instant = pending.open_for() < super::platform::NO_DIALOG_WITHIN;
        self.files.dialog = None;
        // None is a cancel, or no native dialog on this desktop: the built-in window stays.
        let Some(path) = picked else {
            if instant {
                self.files.no_system_dialog = true;
                self.status = crate::words::files::NO_SYSTEM_DIALOG.to_string();
            }
            return;
        };
        self.files.no_system_dialog = false;
        let with_extension = |ext: &str| {
            if path.extension().is_none() {
                path.with_extension(ext)
            } else {
                path.clone()
            }
        };
        match purpose {
            DialogPurpose::Open => self.open_path(&path),
            DialogPurpose::SaveAs => {
                self.save_to(&with_extension("ron"));
            }
            DialogPurpose::Export(kind) => self.export_to(kind, &with_extension(kind.extension())),
        }
    }

    /// Looks for work a crash left behind, newer than its saved file, and offers it.
    pub(super) fn offer_recoveries_in(&mut self, dir: &Path) {
        let disk = self.env.disk.as_ref();
        self.files.pending_recoveries = recovery::find(disk, dir)
            .into_iter()
            .filter(|(_, r)| r.is_newer_than_saved(disk))
            .collect();
        self.offer_next_recovery();
    }

    fn offer_next_recovery(&mut self) {
        if matches!(self.overlay, Overlay::None | Overlay::Recover(..)) {
            self.overlay = match self.files.pending_recoveries.pop() {
                Some((path, r)) => Overlay::Recover(path, Box::new(r)),
                None => Overlay::None,
            };
        }
    }

    pub(super) fn restore_recovery(&mut self) {
        if let Overlay::Recover(file, r) = std::mem::take(&mut self.overlay) {
            let when = r.written_at_text();
            let disk = self.env.disk.as_ref();
            let on_disk = r
                .saved_path
                .as_deref()
                .and_then(|p| storage::load_from(disk, p).ok());
            self.replace_document(Document::recovered(r.appraisal, r.saved_path, on_disk));
            // The restored work is unsaved, so autosave writes it afresh in seconds.
            recovery::remove(self.env.disk.as_ref(), &file);
            self.status = format!("Restored the work autosaved at {when}.");
            self.offer_next_recovery();
        }
    }

    pub(super) fn keep_recovery(&mut self) {
        self.overlay = Overlay::None;
        self.offer_next_recovery();
    }

    pub(super) fn discard_recovery(&mut self) {
        if let Overlay::Recover(file, _) = std::mem::take(&mut self.overlay) {
            recovery::remove(self.env.disk.as_ref(), &file);
            self.offer_next_recovery();
        }
    }

    pub(super) fn open_invalid_to_fix(&mut self) {
        if let Overlay::InvalidFile {
            path, appraisal, ..
        } = std::mem::take(&mut self.overlay)
        {
            self.finish_open(*appraisal, &path);
            self.status = "Opened with problems: they are listed where the results go.".into();
        }
    }

    /// Files dropped on the window: the first with a place on disk is opened.
    pub(super) fn open_dropped(&mut self, ctx: &egui::Context) {
        let dropped: Option<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                // Only files with a place on disk can be opened (not browser blobs).
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.guard(Guarded::OpenPath(path));
        }
    }
}
