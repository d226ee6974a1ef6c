//! The menu bar, generated from the command list so menus and shortcuts always agree.

use std::path::PathBuf;

use eframe::egui::{self, Ui};

use crate::app::command::Command;

pub enum MenuAction {
    Run(Command),
    OpenRecent(PathBuf),
}

pub struct MenuState<'a> {
    pub can_undo: bool,
    pub can_redo: bool,
    /// A native file dialog is open: file commands wait for it.
    pub file_busy: bool,
    pub recent: &'a [PathBuf],
    pub has_hidden_groups: bool,
    /// The chart showing has an SVG version.
    pub chart_has_svg: bool,
}

fn item(ui: &mut Ui, command: Command, enabled: bool, actions: &mut Vec<MenuAction>) {
    let button = egui::Button::new(command.label()).shortcut_text(command.shortcut_text(ui.ctx()));
    let response = ui.add_enabled(enabled, button);
    let response = match command.holds() {
        Some(what) => response.on_hover_text(what),
        None => response,
    };
    if response.clicked() {
        actions.push(MenuAction::Run(command));
    }
}

/// The menu bar along the top of the window.
pub fn menu_bar_panel(ui: &mut Ui, state: &MenuState<'_>) -> Vec<MenuAction> {
    egui::Panel::top("menu_bar")
        .show(ui, |ui| menu_bar_ui(ui, state))
        .inner
}

pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>) -> Vec<MenuAction> {
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for c in [Command::New, Command::Open, Command::Save, Command::SaveAs] {
                item(ui, c, !state.file_busy, &mut actions);
            }
            ui.menu_button("Open recent", |ui| {
                if state.recent.is_empty() {
                    ui.weak("No recent files");
                }
                for path in state.recent {
                    if ui
                        .add_enabled(
                            !state.file_busy,
                            egui::Button::new(path.display().to_string()),
                        )
                        .clicked()
                    {
                        actions.push(MenuAction::OpenRecent(path.clone()));
                    }
                }
            });
            ui.separator();
            item(ui, Command::Quit, true, &mut actions);
        });
        ui.menu_button("Export", |ui| {
            for c in [
                Command::ExportHtml,
                Command::ExportDocx,
                Command::ExportXlsx,
                Command::ExportCsv,
            ] {
                item(ui, c, !state.file_busy, &mut actions);
            }
            ui.separator();
            item(
                ui,
                Command::ExportSvg,
                !state.file_busy && state.chart_has_svg,
                &mut actions,
            );
            item(ui, Command::ExportPng, !state.file_busy, &mut actions);
            ui.separator();
            item(ui, Command::CopyRanking, true, &mut actions);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Command::Undo, state.can_undo, &mut actions);
            item(ui, Command::Redo, state.can_redo, &mut actions);
            ui.separator();
            item(ui, Command::AddCriterion, true, &mut actions);
        });
        ui.menu_button("View", |ui| {
            for c in [
                Command::ZoomIn,
                Command::ZoomOut,
                Command::ZoomReset,
                Command::ToggleTheme,
                Command::ToggleRanges,
            ] {
                item(ui, c, true, &mut actions);
            }
        });
        ui.menu_button("Workshop", |ui| {
            item(ui, Command::Present, true, &mut actions);
            item(
                ui,
                Command::RevealGroups,
                state.has_hidden_groups,
                &mut actions,
            );
        });
        ui.menu_button("Help", |ui| {
            item(ui, Command::HowToRead, true, &mut actions);
            item(ui, Command::ShowShortcuts, true, &mut actions);
            ui.separator();
            ui.label("Method: HM Treasury Green Book (2022) and the DCLG MCA manual (2009).");
            ui.label("Each option is compared with business as usual.");
        });
    });
    actions
}
