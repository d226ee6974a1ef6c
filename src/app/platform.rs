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
}

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
        Self { purpose, receiver }
    }

    /// Some(result) once the dialog has closed; None while it is still open.
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.receiver.try_recv() {
            Ok(picked) => Some(picked),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

/// Where appraisals are saved by default: `saved-appraisals/` beside the working directory
/// when it exists (running from the project folder), otherwise a folder in the user's
/// Documents (platform directories on Windows, macOS and Linux alike).
pub fn default_saved_dir() -> PathBuf {
    let local = PathBuf::from("saved-appraisals");
    if local.is_dir() {
        return local;
    }
    directories::UserDirs::new()
        .and_then(|dirs| {
            dirs.document_dir()
                .map(|d| d.join("Partnership appraisals"))
        })
        .or_else(|| {
            directories::ProjectDirs::from(
                "uk.gov",
                "Partnership Appraisal",
                "partnership-appraisal",
            )
            .map(|p| p.data_dir().join("saved-appraisals"))
        })
        .unwrap_or(local)
}

/// Where autosaved recovery files go: the platform's data folder for the app (e.g.
/// %APPDATA% on Windows, ~/.local/share on Linux), never beside the user's own files.
pub fn recovery_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("uk.gov", "Partnership Appraisal", "partnership-appraisal")
        .map(|p| p.data_dir().join("recovery"))
}

/// The `.ron` files in `dir`, newest first, for the app's own open list.
pub fn list_appraisals(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("ron")))
        .map(|p| {
            let modified = p
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, p)
        })
        .collect();
    files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    files.into_iter().map(|(_, p)| p).collect()
}

/// A file name typed by the user, made safe to save under `dir`: path separators and
/// characters Windows forbids are replaced, and `.ron` is added when missing.
pub fn file_name_for(typed: &str) -> Option<String> {
    file_name_with(typed, "ron")
}

/// `typed` as a safe file name ending in `.ext`, whether or not the user typed it.
pub fn file_name_with(typed: &str, ext: &str) -> Option<String> {
    let cleaned: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        return None;
    }
    let dotted = format!(".{ext}");
    Some(if cleaned.to_ascii_lowercase().ends_with(&dotted) {
        cleaned.to_string()
    } else {
        format!("{cleaned}{dotted}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_names_become_safe_file_names() {
        assert_eq!(
            file_name_for("Library 2026").as_deref(),
            Some("Library 2026.ron")
        );
        assert_eq!(
            file_name_for("a/b\\c:d.ron").as_deref(),
            Some("a-b-c-d.ron")
        );
        assert_eq!(file_name_for("../secret").as_deref(), Some("-secret.ron"));
        assert_eq!(file_name_for("   "), None);
        assert_eq!(file_name_for("..."), None);
        assert_eq!(
            file_name_with("Library report", "html").as_deref(),
            Some("Library report.html")
        );
        assert_eq!(file_name_with("a.HTML", "html").as_deref(), Some("a.HTML"));
        assert_eq!(file_name_with("a.ron", "csv").as_deref(), Some("a.ron.csv"));
    }
}
