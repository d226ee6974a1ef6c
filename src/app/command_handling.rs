//! One place that carries out what the user asked for: commands from menus and shortcuts,
//! and the actions the panels and windows return. Each hands over to its flow.

use eframe::egui;

use super::PartnershipApp;
use super::command::Command;
use super::export::ExportKind;
use super::overlay::{Guarded, Overlay};
use super::platform::DialogPurpose;
use super::preferences::next_zoom;
use super::ui::FrameActions;
use super::ui::dialogs_ui::DialogAction;
use super::ui::menu_ui::MenuAction;
use super::ui::presentation_ui::{self, PresentationAction};
use super::ui::weights_ui::WeightsAction;
use super::ui::workshop_ui::WorkshopAction;

impl PartnershipApp {
    /// Carries out a command from a menu or a shortcut.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        if command.needs_file_dialog() && self.files.dialog_open() {
            self.status = "A file dialog is already open.".into();
            return;
        }
        match command {
            Command::New => self.guard(Guarded::New),
            Command::Open => self.guard(Guarded::ShowOpen),
            Command::Save => self.save(),
            Command::SaveAs => self.show_save_as(),
            Command::Quit => self.guard(Guarded::Quit),
            Command::Undo => {
                if self.history.undo(&mut self.doc.appraisal) {
                    self.status = "Undone".into();
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.doc.appraisal) {
                    self.status = "Redone".into();
                }
            }
            Command::AddCriterion => {
                self.doc.appraisal.add_rating_criterion("New criterion");
                self.status = "Added \"New criterion\": rename it under Weights.".into();
            }
            Command::ZoomIn | Command::ZoomOut | Command::ZoomReset => {
                self.prefs.zoom = next_zoom(self.prefs.zoom, command);
                self.apply_preferences(ctx);
            }
            Command::ToggleTheme => {
                self.prefs.dark_mode = !self.prefs.dark_mode;
                self.apply_preferences(ctx);
            }
            Command::ShowShortcuts => self.overlay = Overlay::Shortcuts,
            Command::HowToRead => self.overlay = Overlay::HowToRead,
            Command::ToggleRanges => self.prefs.show_ranges = !self.prefs.show_ranges,
            Command::Present => self.set_presenting(ctx, !self.presentation.is_on()),
            Command::RevealGroups => self.workshop_action(WorkshopAction::RevealAll),
            Command::ExportHtml => self.begin_export(ctx, ExportKind::Html),
            Command::ExportXlsx => self.begin_export(ctx, ExportKind::Xlsx),
            Command::ExportDocx => self.begin_export(ctx, ExportKind::Docx),
            Command::ExportCsv => self.begin_export(ctx, ExportKind::Csv),
            Command::ExportSvg => self.export_chart_as_svg(ctx),
            Command::ExportPng => self.begin_export(ctx, ExportKind::Png),
            Command::CopyRanking => self.copy_ranking(ctx),
        }
    }

    /// Input not tied to one widget: shortcuts, presentation keys, dropped files, the close
    /// button.
    pub(super) fn handle_input(&mut self, ctx: &egui::Context) {
        for command in Command::pressed(ctx) {
            self.run_command(ctx, command);
        }
        if self.presentation.is_on() && self.overlay == Overlay::None {
            for action in presentation_ui::keys_pressed(ctx) {
                self.presentation_action(ctx, action);
            }
        }
        self.open_dropped(ctx);
        if ctx.input(|i| i.viewport().close_requested()) {
            self.close_requested(ctx);
        }
    }

    /// What the panels asked for this frame, in the order they were drawn.
    pub(super) fn handle_frame_actions(&mut self, ctx: &egui::Context, actions: FrameActions) {
        for action in actions.menu {
            match action {
                MenuAction::Run(command) => self.run_command(ctx, command),
                MenuAction::OpenRecent(path) => self.guard(Guarded::OpenPath(path)),
            }
        }
        for action in actions.weights {
            self.weights_action(action);
        }
        for action in actions.presentation {
            self.presentation_action(ctx, action);
        }
        for action in actions.workshop {
            self.workshop_action(action);
        }
    }

    /// The answer from one of the app's own windows.
    pub(super) fn handle_dialog_action(&mut self, ctx: &egui::Context, action: DialogAction) {
        match action {
            DialogAction::OpenPath(path) => self.open_path(&path),
            DialogAction::OpenExample(i) => self.proceed(Guarded::OpenExample(i)),
            DialogAction::BrowseToOpen => self.start_dialog(ctx, DialogPurpose::Open),
            DialogAction::SaveAppraisalTo(path) => {
                self.save_to(&path);
            }
            DialogAction::BrowseToSaveAppraisal => self.start_dialog(ctx, DialogPurpose::SaveAs),
            DialogAction::ExportTo(kind, path) => self.export_to(kind, &path),
            DialogAction::BrowseToExport(kind) => {
                self.start_dialog(ctx, DialogPurpose::Export(kind));
            }
            DialogAction::SaveFirst => self.save_then_proceed(),
            DialogAction::Discard => self.discard_then_proceed(),
            DialogAction::Close => self.close_overlay(),
            DialogAction::Restore => self.restore_recovery(),
            DialogAction::KeepRecovery => self.keep_recovery(),
            DialogAction::DiscardRecovery => self.discard_recovery(),
            DialogAction::OpenToFix => self.open_invalid_to_fix(),
        }
    }

    fn weights_action(&mut self, action: WeightsAction) {
        let appraisal = &mut self.doc.appraisal;
        match action {
            WeightsAction::AddCriterion(name) => {
                let id = appraisal.add_rating_criterion(&name);
                let name = appraisal.criterion(&id).map_or(name, |c| c.name.clone());
                self.status = format!("Added \"{name}\": score each option on it in the cards.");
            }
            WeightsAction::RemoveCriterion(id) => {
                if appraisal.remove_criterion(&id) {
                    self.status = "Criterion removed (Ctrl+Z brings it back).".into();
                }
            }
        }
    }

    /// A workshop step: the model changes the groups, the panel notes who is entering and
    /// who has entered, the status line says what happened and what is next.
    fn workshop_action(&mut self, action: WorkshopAction) {
        let appraisal = &mut self.doc.appraisal;
        let panel = &mut self.view.workshop_panel;
        let step = match action {
            WorkshopAction::AddGroups(names) => appraisal.add_groups(&names),
            WorkshopAction::RemoveGroup(k) => {
                panel.entering = None;
                if k < panel.entered.len() {
                    panel.entered.remove(k);
                }
                appraisal.remove_group(k)
            }
            WorkshopAction::EnterWeights(k) => {
                let step = appraisal.start_entering_weights(k);
                if step != crate::model::groups::WorkshopStep::Nothing {
                    panel.entering = Some(k);
                }
                step
            }
            WorkshopAction::DoneEntering(k) => {
                panel.entering = None;
                panel
                    .entered
                    .resize(appraisal.groups.len().max(k + 1), false);
                panel.entered[k] = true;
                appraisal.finish_entering_weights(k, &panel.entered)
            }
            WorkshopAction::RevealAll => {
                panel.entering = None;
                appraisal.reveal_all_groups()
            }
            WorkshopAction::UseCombinedWeights => appraisal.use_combined_weights(),
        };
        self.status = crate::words::workshop::step_status(&self.doc.appraisal, &step);
    }

    pub(super) fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        self.presentation.set(on);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.apply_preferences(ctx);
        self.status = if on {
            "Presenting: the Right and Left arrow keys move between views, Esc leaves.".into()
        } else {
            String::new()
        };
    }

    fn presentation_action(&mut self, ctx: &egui::Context, action: PresentationAction) {
        let count = presentation_ui::slides(&self.doc.appraisal).len();
        if self.presentation.step(action, count) {
            self.set_presenting(ctx, false);
        }
    }
}
