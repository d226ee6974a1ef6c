//! Where the app keeps its files: one folder of its own for preferences and recovery files,
//! and the user's Documents for appraisals. Nothing goes beside the program, so it runs from
//! Downloads or a USB stick.
//!
//! | | Windows | macOS | Linux |
//! |---|---|---|---|
//! | app folder | `%APPDATA%\Partnership Options Appraisal\` | `~/Library/Application Support/Partnership Options Appraisal/` | `$XDG_DATA_HOME/partnership-appraisal/` (`~/.local/share/…`) |
//! | preferences | `preferences.ron` in it | same | same |
//! | recovery files | `recovery\` in it | same | same |
//! | appraisals | `Documents\Partnership appraisals\` | `~/Documents/Partnership appraisals/` | `~/Documents/Partnership appraisals/` (the XDG documents folder) |
//!
//! Earlier versions kept eframe's preferences and the recovery files in two different folders;
//! [`adopt_earlier_files`] moves them into the app folder at start-up.

use std::path::{Path, PathBuf};

/// The app folder's name on Windows and macOS, where folders are named for people.
pub const APP_FOLDER: &str = "Partnership Options Appraisal";
/// On Linux, where data folders are lower case without spaces (and where earlier versions
/// already kept both kinds of file).
pub const APP_FOLDER_LINUX: &str = "partnership-appraisal";
/// The folder in Documents that appraisals are saved in by default.
pub const APPRAISALS_FOLDER: &str = "Partnership appraisals";
pub const PREFERENCES_FILE: &str = "preferences.ron";
pub const RECOVERY_FOLDER: &str = "recovery";

/// The app id eframe used to name its storage folder before the path was set here.
const EARLIER_EFRAME_APP_ID: &str = "partnership-appraisal";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Windows,
    Mac,
    /// Linux and the other Unixes.
    Linux,
}

impl Platform {
    pub fn current() -> Self {
        if cfg!(windows) {
            Self::Windows
        } else if cfg!(target_os = "macos") {
            Self::Mac
        } else {
            Self::Linux
        }
    }
}

/// One user's folders: the platform's per-user data root (`%APPDATA%`, i.e. the roaming
/// AppData, on Windows; `~/Library/Application Support` on macOS; `$XDG_DATA_HOME` on Linux)
/// and their Documents. Built from explicit roots so that tests use temporary folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub platform: Platform,
    pub data_root: PathBuf,
    pub documents: Option<PathBuf>,
}

/// A file or folder an earlier version wrote, and where it belongs now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    pub from: PathBuf,
    pub to: PathBuf,
}

impl Layout {
    /// This user's folders, or None where the platform reports no home (then the app runs
    /// without preferences or recovery files rather than writing beside itself).
    pub fn current() -> Option<Self> {
        let base = directories::BaseDirs::new()?;
        let documents =
            directories::UserDirs::new().and_then(|u| u.document_dir().map(Path::to_path_buf));
        Some(Self {
            platform: Platform::current(),
            data_root: base.data_dir().to_path_buf(),
            documents,
        })
    }

    pub fn app_dir(&self) -> PathBuf {
        match self.platform {
            Platform::Windows | Platform::Mac => self.data_root.join(APP_FOLDER),
            Platform::Linux => self.data_root.join(APP_FOLDER_LINUX),
        }
    }

    /// eframe's storage: window size, zoom, theme, recent files.
    pub fn preferences_file(&self) -> PathBuf {
        self.app_dir().join(PREFERENCES_FILE)
    }

    pub fn recovery_dir(&self) -> PathBuf {
        self.app_dir().join(RECOVERY_FOLDER)
    }

    /// Documents\Partnership appraisals; without a Documents folder, a folder in the app's own.
    pub fn appraisals_dir(&self) -> PathBuf {
        match &self.documents {
            Some(documents) => documents.join(APPRAISALS_FOLDER),
            None => self.app_dir().join(APPRAISALS_FOLDER),
        }
    }

    /// What earlier versions wrote, each with its new place: eframe's `app.ron` in the folder
    /// eframe named after the app id, and the recovery folder that `directories::ProjectDirs`
    /// named ("uk.gov", "Partnership Appraisal", "partnership-appraisal").
    pub fn earlier(&self) -> Vec<Earlier> {
        let root = &self.data_root;
        let (eframe_dir, recovery) = match self.platform {
            // %APPDATA%\partnership-appraisal\data\app.ron and
            // %APPDATA%\Partnership Appraisal\partnership-appraisal\data\recovery\.
            Platform::Windows => (
                root.join(EARLIER_EFRAME_APP_ID).join("data"),
                root.join("Partnership Appraisal")
                    .join("partnership-appraisal")
                    .join("data")
                    .join(RECOVERY_FOLDER),
            ),
            Platform::Mac => (
                root.join(EARLIER_EFRAME_APP_ID),
                root.join("uk.gov.Partnership-Appraisal.partnership-appraisal")
                    .join(RECOVERY_FOLDER),
            ),
            // Both already in ~/.local/share/partnership-appraisal/: only the file is renamed.
            Platform::Linux => (
                root.join(EARLIER_EFRAME_APP_ID),
                root.join(APP_FOLDER_LINUX).join(RECOVERY_FOLDER),
            ),
        };
        [
            Earlier {
                from: eframe_dir.join("app.ron"),
                to: self.preferences_file(),
            },
            Earlier {
                from: recovery,
                to: self.recovery_dir(),
            },
        ]
        .into_iter()
        .filter(|e| e.from != e.to)
        .collect()
    }
}

/// What [`adopt`] did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Adopted {
    /// Files now in the app folder, by their new path.
    pub moved: Vec<PathBuf>,
    /// Files left where they were because a file of the same name is already in the new place
    /// (newer work is never overwritten by older).
    pub kept: Vec<PathBuf>,
    /// Files that could not be moved, with why; they stay where they were, still readable.
    pub failed: Vec<(PathBuf, String)>,
}

/// Moves earlier files into the layout's app folder, then removes the earlier folders if
/// that leaves them empty. Never overwrites, never deletes a file it has not copied.
pub fn adopt(layout: &Layout) -> Adopted {
    let mut adopted = Adopted::default();
    for earlier in layout.earlier() {
        if earlier.from.is_dir() {
            let Ok(entries) = std::fs::read_dir(&earlier.from) else {
                continue;
            };
            for entry in entries.flatten() {
                let from = entry.path();
                if from.is_file() {
                    move_file(&from, &earlier.to.join(entry.file_name()), &mut adopted);
                }
            }
        } else if earlier.from.is_file() {
            move_file(&earlier.from, &earlier.to, &mut adopted);
        } else {
            continue;
        }
        remove_empty_folders(&earlier.from, &layout.data_root, &layout.app_dir());
    }
    adopted
}

fn move_file(from: &Path, to: &Path, adopted: &mut Adopted) {
    if to.exists() {
        adopted.kept.push(from.to_path_buf());
        return;
    }
    let result = to
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        // A rename within one disk; a copy then a removal across disks (a roaming profile).
        .and_then(|()| {
            std::fs::rename(from, to).or_else(|_| {
                std::fs::copy(from, to)?;
                std::fs::remove_file(from)
            })
        });
    match result {
        Ok(()) => adopted.moved.push(to.to_path_buf()),
        Err(e) => adopted.failed.push((from.to_path_buf(), e.to_string())),
    }
}

/// Removes `start` (or its folder, for a file) and its parents while they are empty, up to but
/// not including `root`, and never the app folder or one that holds it.
fn remove_empty_folders(start: &Path, root: &Path, app_dir: &Path) {
    let mut dir = if start.is_dir() {
        Some(start)
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || app_dir.starts_with(d) {
            break;
        }
        // Fails, harmlessly, on a folder that still holds anything.
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// eframe's preferences file, or None to let eframe choose (a system without a home folder).
pub fn preferences_file() -> Option<PathBuf> {
    Layout::current().map(|l| l.preferences_file())
}

pub fn recovery_dir() -> Option<PathBuf> {
    Layout::current().map(|l| l.recovery_dir())
}

pub fn appraisals_dir() -> Option<PathBuf> {
    Layout::current().map(|l| l.appraisals_dir())
}

/// At start-up: brings earlier versions' files into the app folder, and says what it did in
/// the log.
pub fn adopt_earlier_files() {
    let Some(layout) = Layout::current() else {
        return;
    };
    let adopted = adopt(&layout);
    for path in &adopted.moved {
        log::info!("moved an earlier file to {}", path.display());
    }
    for path in &adopted.kept {
        log::warn!(
            "left {} where it is: a newer file of that name is in {}",
            path.display(),
            layout.app_dir().display()
        );
    }
    for (path, why) in &adopted.failed {
        log::warn!("could not move {}: {why}", path.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(platform: Platform, root: &Path) -> Layout {
        Layout {
            platform,
            data_root: root.join("AppData").join("Roaming"),
            documents: Some(root.join("Documents")),
        }
    }

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    #[test]
    fn windows_keeps_everything_in_one_folder_named_after_the_app() {
        let l = layout(Platform::Windows, Path::new("C:/Users/officer"));
        let app = PathBuf::from("C:/Users/officer/AppData/Roaming/Partnership Options Appraisal");
        assert_eq!(l.app_dir(), app);
        assert_eq!(l.preferences_file(), app.join("preferences.ron"));
        assert_eq!(l.recovery_dir(), app.join("recovery"));
        assert_eq!(
            l.appraisals_dir(),
            PathBuf::from("C:/Users/officer/Documents/Partnership appraisals")
        );
    }

    #[test]
    fn linux_keeps_its_lower_case_folder_and_mac_its_named_one() {
        let linux = layout(Platform::Linux, Path::new("/home/o"));
        assert_eq!(
            linux.recovery_dir(),
            PathBuf::from("/home/o/AppData/Roaming/partnership-appraisal/recovery")
        );
        let mac = layout(Platform::Mac, Path::new("/Users/o"));
        assert_eq!(
            mac.preferences_file(),
            PathBuf::from("/Users/o/AppData/Roaming/Partnership Options Appraisal/preferences.ron")
        );
        let no_documents = Layout {
            documents: None,
            ..linux
        };
        assert_eq!(
            no_documents.appraisals_dir(),
            PathBuf::from("/home/o/AppData/Roaming/partnership-appraisal/Partnership appraisals")
        );
    }

    #[test]
    fn windows_adopts_both_earlier_folders_and_removes_them_once_empty() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let l = layout(Platform::Windows, tmp.path());
        let roaming = tmp.path().join("AppData").join("Roaming");
        write(
            &roaming.join("partnership-appraisal/data/app.ron"),
            "(zoom: 1.25)",
        );
        let old_recovery =
            roaming.join("Partnership Appraisal/partnership-appraisal/data/recovery");
        write(&old_recovery.join("a.ron"), "first");
        write(&old_recovery.join("b.ron"), "second");

        let adopted = adopt(&l);

        let app = roaming.join("Partnership Options Appraisal");
        assert_eq!(
            std::fs::read_to_string(app.join("preferences.ron"))
                .ok()
                .as_deref(),
            Some("(zoom: 1.25)")
        );
        assert_eq!(
            std::fs::read_to_string(app.join("recovery/a.ron"))
                .ok()
                .as_deref(),
            Some("first")
        );
        assert_eq!(
            std::fs::read_to_string(app.join("recovery/b.ron"))
                .ok()
                .as_deref(),
            Some("second")
        );
        assert_eq!(adopted.moved.len(), 3);
        assert!(adopted.kept.is_empty() && adopted.failed.is_empty());
        // The two earlier folders are gone; only the app folder is left in the data root.
        let left: Vec<_> = std::fs::read_dir(&roaming)
            .expect("read")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(
            left,
            vec![std::ffi::OsString::from("Partnership Options Appraisal")]
        );

        // A second start has nothing to do.
        assert_eq!(adopt(&l), Adopted::default());
    }

    #[test]
    fn a_file_already_in_the_new_place_is_never_overwritten() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let l = layout(Platform::Windows, tmp.path());
        let roaming = tmp.path().join("AppData").join("Roaming");
        let old = roaming.join("Partnership Appraisal/partnership-appraisal/data/recovery/a.ron");
        write(&old, "older");
        write(&l.recovery_dir().join("a.ron"), "newer");

        let adopted = adopt(&l);

        assert_eq!(adopted.kept, vec![old.clone()]);
        assert_eq!(std::fs::read_to_string(&old).ok().as_deref(), Some("older"));
        assert_eq!(
            std::fs::read_to_string(l.recovery_dir().join("a.ron"))
                .ok()
                .as_deref(),
            Some("newer")
        );
    }

    #[test]
    fn linux_renames_the_preferences_and_leaves_recovery_where_it_was() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let l = layout(Platform::Linux, tmp.path());
        let app = l.app_dir();
        write(&app.join("app.ron"), "prefs");
        write(&app.join("recovery/x.ron"), "work");

        let adopted = adopt(&l);

        assert_eq!(adopted.moved, vec![app.join("preferences.ron")]);
        assert!(!app.join("app.ron").exists());
        assert_eq!(
            std::fs::read_to_string(app.join("recovery/x.ron"))
                .ok()
                .as_deref(),
            Some("work")
        );
    }

    #[test]
    fn nothing_earlier_means_nothing_is_created() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let l = layout(Platform::Mac, tmp.path());
        assert_eq!(adopt(&l), Adopted::default());
        assert!(!l.app_dir().exists());
    }
}
