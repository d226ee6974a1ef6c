//! The status bar: where the file lives, and what just happened or is happening.

use std::path::Path;

use eframe::egui::{self, Ui};

pub fn status_bar(ui: &mut Ui, path: Option<&Path>, dialog_open: bool, status: &str) {
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let file =
                path.map_or_else(|| "not saved yet".to_string(), |p| p.display().to_string());
            ui.small(file);
            ui.separator();
            if dialog_open {
                ui.spinner();
                ui.small("Waiting for the file dialog…");
            } else {
                ui.small(status);
            }
        });
    });
}
