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
    /// The weights panel's width, in points (held inside the window at every frame).
    pub weights_panel_width: f32,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            dark_mode: false,
            recent_files: Vec::new(),
            show_ranges: false,
            weights_panel_width: super::ui::WEIGHTS_PANEL_DEFAULT,
        }
    }
}

pub const PREFERENCES_KEY: &str = "preferences";
const MAX_RECENT: usize = 8;
pub const ZOOM_STEPS: [f32; 9] = [0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5];

impl Preferences {
    /// Preferences as remembered, made safe to start with: a zoom that is not one of the
    /// steps, a panel width that is not a sensible number, a recent file listed twice are
    /// put right, so a remembered preference can never break a start.
    pub fn sanitised(mut self) -> Self {
        if !ZOOM_STEPS.iter().any(|&z| (z - self.zoom).abs() < 0.001) {
            self.zoom = 1.0;
        }
        let width = self.weights_panel_width;
        self.weights_panel_width = if width.is_finite() {
            width.clamp(super::ui::WEIGHTS_PANEL_MIN, 600.0)
        } else {
            super::ui::WEIGHTS_PANEL_DEFAULT
        };
        let mut seen = Vec::new();
        self.recent_files.retain(|p| {
            let fresh = !p.as_os_str().is_empty() && !seen.contains(p);
            seen.push(p.clone());
            fresh
        });
        self.recent_files.truncate(MAX_RECENT);
        self
    }

    /// Puts `path` at the top of the recent files, once.
    pub fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent_files.retain(|p| *p != path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT);
    }

    /// Zoom and theme on the window: the zoom lowered where the screen is too small for it
    /// (a laptop at 150% display scaling, see `crate::display`), the choice kept.
    pub fn apply(&self, ctx: &egui::Context) {
        let zoom = crate::display::zoom_for_screen(self.zoom, crate::display::monitor_points(ctx));
        if (ctx.zoom_factor() - zoom).abs() > 0.001 {
            ctx.set_zoom_factor(zoom);
        }
        ctx.set_theme(self.theme());
    }

    pub fn theme(&self) -> egui::Theme {
        if self.dark_mode {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        }
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
        // Captions and notes: still readable on a laptop across a table.
        (
            TextStyle::Small,
            FontId::new(13.0, FontFamily::Proportional),
        ),
        (
            TextStyle::Monospace,
            FontId::new(13.0, FontFamily::Monospace),
        ),
    ]
    .into();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_nonsense_is_put_right_at_start() {
        let remembered = Preferences {
            zoom: 37.0,
            dark_mode: true,
            recent_files: vec!["a.ron".into(), "a.ron".into(), "".into(), "b.ron".into()],
            show_ranges: true,
            weights_panel_width: 5_000.0,
        };
        let safe = remembered.sanitised();
        assert_eq!(safe.zoom, 1.0);
        assert_eq!(safe.weights_panel_width, 600.0);
        assert_eq!(
            safe.recent_files,
            [PathBuf::from("a.ron"), PathBuf::from("b.ron")]
        );
        assert!(safe.dark_mode && safe.show_ranges, "sound choices are kept");
        let nan = Preferences {
            weights_panel_width: f32::NAN,
            zoom: 1.25,
            ..Preferences::default()
        }
        .sanitised();
        assert_eq!(
            nan.weights_panel_width,
            crate::app::ui::WEIGHTS_PANEL_DEFAULT
        );
        assert_eq!(nan.zoom, 1.25);
    }
}
