//! Preferences kept between runs (eframe's storage, in the platform's data folder), and how
//! they are applied to the window.

use std::path::{Path, PathBuf};

use eframe::egui;
use serde::{Deserialize, Serialize};

use super::command::Command;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub zoom: f32,
    pub dark_mode: bool,
    pub recent_files: Vec<PathBuf>,
    /// Show low / high fields under every uncertain figure in the cards.
    pub show_ranges: bool,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            dark_mode: false,
            recent_files: Vec::new(),
            show_ranges: false,
        }
    }
}

pub const PREFERENCES_KEY: &str = "preferences";
const MAX_RECENT: usize = 8;
pub const ZOOM_STEPS: [f32; 9] = [0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5];

impl Preferences {
    /// Puts `path` at the top of the recent files, once.
    pub fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent_files.retain(|p| *p != path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT);
    }

    /// Zoom and theme on the window; `extra_zoom` multiplies the zoom (presentation mode).
    pub fn apply(&self, ctx: &egui::Context, extra_zoom: f32) {
        ctx.set_zoom_factor(self.zoom * extra_zoom);
        ctx.set_theme(if self.dark_mode {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
    }
}

/// The zoom after a zoom command: the next fixed step up or down, or 100%.
pub fn next_zoom(current: f32, command: Command) -> f32 {
    match command {
        Command::ZoomIn => ZOOM_STEPS
            .iter()
            .copied()
            .find(|&z| z > current + 0.01)
            .unwrap_or(current),
        Command::ZoomOut => ZOOM_STEPS
            .iter()
            .rev()
            .copied()
            .find(|&z| z < current - 0.01)
            .unwrap_or(current),
        _ => 1.0,
    }
}

/// Text a little larger than egui's defaults: the app is read on projectors and by people
/// who do not live in it. Zoom scales everything further.
pub fn readable_text(style: &mut egui::Style) {
    use egui::{FontFamily, FontId, TextStyle};
    style.text_styles = [
        (
            TextStyle::Heading,
            FontId::new(20.0, FontFamily::Proportional),
        ),
        (TextStyle::Body, FontId::new(14.0, FontFamily::Proportional)),
        (
            TextStyle::Button,
            FontId::new(14.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Small,
            FontId::new(11.5, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(13.0, FontFamily::Monospace),
        ),
    ]
    .into();
}
