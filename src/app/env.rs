//! What the app needs from the outside world, gathered in one value so tests can pass fakes:
//! file dialogs, the clipboard, the disk, the background worker and the default folders.

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use super::platform::{self, Clipboard, FileDialogs};
use super::robustness_worker::RobustnessRunner;
use crate::storage::{Disk, RealDisk};

pub struct AppEnv {
    pub dialogs: Arc<dyn FileDialogs>,
    pub clipboard: Arc<dyn Clipboard>,
    pub disk: Arc<dyn Disk>,
    pub saved_dir: PathBuf,
    pub robustness: RobustnessRunner,
    /// Where recovery files go; None turns autosave off.
    pub recovery_dir: Option<PathBuf>,
}

impl AppEnv {
    pub fn native(ctx: &egui::Context) -> Self {
        let ctx = ctx.clone();
        Self {
            dialogs: Arc::new(platform::NativeDialogs),
            clipboard: Arc::new(platform::SystemClipboard::default()),
            disk: Arc::new(RealDisk),
            saved_dir: platform::default_saved_dir(),
            robustness: RobustnessRunner::background(move || ctx.request_repaint()),
            recovery_dir: platform::recovery_dir(),
        }
    }
}
