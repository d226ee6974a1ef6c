//! Side effects the app needs from the outside world, behind small traits so that UI tests
//! run with fakes: native file dialogs, and where appraisals are saved by default.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// Native open and save dialogs. They block, so the app runs them on a worker thread.
pub trait FileDialogs: Send + Sync {
    /// The file the user picked, or None if they cancelled (or no dialog could be shown).
    fn pick_open(&self, start_dir: &Path) -> Option<PathBuf>;
    fn pick_save(&self, start_dir: &Path, suggested_name: &str) -> Option<PathBuf>;
    /// Where to write an export with extension `ext` (html, xlsx, csv, svg, png).
    fn pick_export(&self, start_dir: &Path, suggested_name: &str, ext: &str) -> Option<PathBuf>;
}

/// The real dialogs, through rfd. On Linux without a desktop portal rfd returns None at once,
/// exactly like a cancel: the app's own open list and save-by-name field cover that case.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&self, start_dir: &Path) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open an appraisal")
            .add_filter("Appraisal (.ron)", &["ron"])
            .set_directory(start_dir)
            .pick_file()
    }

    fn pick_save(&self, start_dir: &Path, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Save the appraisal as")
            .add_filter("Appraisal (.ron)", &["ron"])
            .set_directory(start_dir)
            .set_file_name(suggested_name)
            .save_file()
    }

    fn pick_export(&self, start_dir: &Path, suggested_name: &str, ext: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export")
            .add_filter(ext.to_uppercase(), &[ext])
            .set_directory(start_dir)
            .set_file_name(suggested_name)
            .save_file()
    }
}

/// The system clipboard, for tables: Word pastes the HTML form as a real table, Excel and
/// plain editors take the tab-separated text.
pub trait Clipboard: Send + Sync {
    fn copy_table(&self, html: &str, text: &str) -> Result<(), String>;
}

/// The real clipboard, through arboard (Windows, macOS, X11 and Wayland). Kept for the app's
/// life: on X11 the copied table is served from this process until something else is copied.
#[derive(Default)]
pub struct SystemClipboard(std::sync::Mutex<Option<arboard::Clipboard>>);

impl Clipboard for SystemClipboard {
    fn copy_table(&self, html: &str, text: &str) -> Result<(), String> {
        let mut slot = self.0.lock().map_err(|_| "the clipboard is unavailable")?;
        if slot.is_none() {
            *slot = Some(arboard::Clipboard::new().map_err(|e| e.to_string())?);
        }
        let clipboard = slot.as_mut().ok_or("the clipboard is unavailable")?;
        clipboard
            .set_html(html, Some(text))
            .map_err(|e| e.to_string())
    }
}

/// What a dialog was opened for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    Open,
    SaveAs,
    Export(super::export::ExportKind),
}

/// A dialog running on its worker thread. Only one exists at a time: while it is open the
/// file commands wait, so a second click cannot open a second dialog.
pub struct PendingDialog {
    pub purpose: DialogPurpose,
    receiver: Receiver<Option<PathBuf>>,
    opened: std::time::Instant,
}

/// A dialog that answers "nothing picked" sooner than this never showed: no person cancels
/// that fast, but rfd does at once where the desktop has no file dialog to show.
pub const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(250);

impl PendingDialog {
    pub fn spawn(
        dialogs: Arc<dyn FileDialogs>,
        purpose: DialogPurpose,
        start_dir: PathBuf,
        suggested_name: String,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let picked = match purpose {
                DialogPurpose::Open => dialogs.pick_open(&start_dir),
                DialogPurpose::SaveAs => dialogs.pick_save(&start_dir, &suggested_name),
                DialogPurpose::Export(kind) => {
                    dialogs.pick_export(&start_dir, &suggested_name, kind.extension())
                }
            };
            // The app may have quit meanwhile; nothing to tell then.
            let _ = sender.send(picked);
            wake();
        });
        Self {
            purpose,
            receiver,
            opened: std::time::Instant::now(),
        }
    }

    /// Some(result) once the dialog has closed; None while it is still open.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.receiver.try_recv() {
            Ok(picked) => Some(picked),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }

    /// How long the dialog has been open.
    pub fn open_for(&self) -> std::time::Duration {
        self.opened.elapsed()
    }
}

/// Where appraisals are saved by default: `saved-appraisals/` in the working directory when
/// it exists (running from the project folder), otherwise Documents\Partnership appraisals
/// (see `crate::paths` for every platform).
pub fn default_saved_dir() -> PathBuf {
    let local = PathBuf::from("saved-appraisals");
    if local.is_dir() {
        return local;
    }
    crate::paths::appraisals_dir().unwrap_or(local)
}

/// Where autosaved recovery files go: the app's own folder (`%APPDATA%\Partnership Options
/// Appraisal\recovery` on Windows), never beside the user's own files.
pub fn recovery_dir() -> Option<PathBuf> {
    crate::paths::recovery_dir()
}
