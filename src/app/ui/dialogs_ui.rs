//! The app's own windows: open from a list, save by name, unsaved-changes question, load
//! errors and the shortcut list. Each returns what the user chose, with its purpose; the app
//! acts on it. Nothing here touches the disk: the lists come with the window's state.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText, Ui};

use super::palette::warning_text;
use crate::app::command::Command;
use crate::app::export::ExportKind;
use crate::app::overlay::{NameInFolder, Overlay};
use crate::storage::names::file_name_with;
use crate::storage::{EXAMPLES, display_name};

#[derive(Debug, Clone, PartialEq)]
pub enum DialogAction {
    OpenPath(PathBuf),
    OpenExample(usize),
    BrowseToOpen,
    SaveAppraisalTo(PathBuf),
    BrowseToSaveAppraisal,
    ExportTo(ExportKind, PathBuf),
    BrowseToExport(ExportKind),
    /// The unsaved-changes question: save first, discard, or go back.
    SaveFirst,
    Discard,
    Close,
    /// The recovery question: restore the autosaved work, keep it for later, or discard it.
    Restore,
    KeepRecovery,
    DiscardRecovery,
    /// Open a file that has problems, so they can be fixed in the app.
    OpenToFix,
}

/// What the windows show beyond their own state.
pub struct OverlayContext<'a> {
    pub saved_dir: &'a Path,
    pub recent: &'a [PathBuf],
    /// The open appraisal's name, for the unsaved-changes question.
    pub document_name: &'a str,
    /// The system's file dialog is known not to open here: say so, and offer no Browse.
    pub no_system_dialog: bool,
}

/// The window showing, if any, and what the user chose in it.
pub fn overlay_ui(
    ctx: &egui::Context,
    overlay: &mut Overlay,
    context: &OverlayContext<'_>,
) -> Option<DialogAction> {
    match overlay {
        Overlay::None => None,
        Overlay::Open { files } => open_ui(ctx, context, files),
        Overlay::SaveAs(target) => save_file_ui(
            ctx,
            context.saved_dir,
            context.no_system_dialog,
            target,
            &SaveFileText {
                title: "Save the appraisal as",
                about: "",
                extension: "ron",
                replaces: "A file of that name exists: saving replaces it (the old one is kept as .bak).",
                verb: "Save",
            },
        )
        .map(|choice| match choice {
            SaveChoice::Into(path) => DialogAction::SaveAppraisalTo(path),
            SaveChoice::Browse => DialogAction::BrowseToSaveAppraisal,
            SaveChoice::Cancel => DialogAction::Close,
        }),
        Overlay::Export { kind, target } => {
            let kind = *kind;
            let title = format!("Export {}", kind.describe());
            save_file_ui(
                ctx,
                context.saved_dir,
                context.no_system_dialog,
                target,
                &SaveFileText {
                    title: &title,
                    about: kind.about(),
                    extension: kind.extension(),
                    replaces: "A file of that name exists: exporting replaces it.",
                    verb: "Export",
                },
            )
            .map(|choice| match choice {
                SaveChoice::Into(path) => DialogAction::ExportTo(kind, path),
                SaveChoice::Browse => DialogAction::BrowseToExport(kind),
                SaveChoice::Cancel => DialogAction::Close,
            })
        }
        Overlay::UnsavedChanges(next) => {
            unsaved_changes_ui(ctx, context.document_name, next.doing())
        }
        Overlay::Error(message) => error_ui(ctx, message).then_some(DialogAction::Close),
        Overlay::Shortcuts => shortcuts_ui(ctx).then_some(DialogAction::Close),
        Overlay::HowToRead => how_to_read_ui(ctx).then_some(DialogAction::Close),
        Overlay::Recover(_, r) => recover_ui(ctx, r),
        Overlay::InvalidFile { path, problems, .. } => {
            invalid_file_ui(ctx, &display_name(path), problems)
        }
    }
}

fn modal<R>(
    ctx: &egui::Context,
    id: &str,
    title: &str,
    add: impl FnOnce(&mut Ui) -> R,
) -> (R, bool) {
    let response = egui::Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(title);
        ui.add_space(6.0);
        add(ui)
    });
    let close = response.should_close();
    (response.inner, close)
}

fn open_ui(
    ctx: &egui::Context,
    context: &OverlayContext<'_>,
    files: &[PathBuf],
) -> Option<DialogAction> {
    let (saved_dir, recent) = (context.saved_dir, context.recent);
    let (mut action, escaped) = modal(ctx, "open_window", "Open an appraisal", |ui| {
        let mut action = None;
        ui.label(format!("Saved appraisals in {}", saved_dir.display()));
        egui::ScrollArea::vertical()
            .max_height(220.0)
            .show(ui, |ui| {
                if files.is_empty() {
                    ui.weak("None yet: appraisals you save by name appear here.");
                }
                for path in files {
                    if ui.button(display_name(path)).clicked() {
                        action = Some(DialogAction::OpenPath(path.clone()));
                    }
                }
            });
        if !recent.is_empty() {
            ui.separator();
            ui.label("Recently opened");
            for path in recent {
                if ui
                    .button(path.display().to_string())
                    .on_hover_text("Open this file again")
                    .clicked()
                {
                    action = Some(DialogAction::OpenPath(path.clone()));
                }
            }
        }
        ui.separator();
        ui.label("Worked examples");
        ui.horizontal_wrapped(|ui| {
            for (i, (name, _)) in EXAMPLES.iter().enumerate() {
                if ui.button(format!("Example: {name}")).clicked() {
                    action = Some(DialogAction::OpenExample(i));
                }
            }
        });
        ui.separator();
        no_dialog_note(ui, context.no_system_dialog);
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    !context.no_system_dialog,
                    egui::Button::new("Browse for another file…"),
                )
                .on_disabled_hover_text(crate::words::files::NO_SYSTEM_DIALOG)
                .clicked()
            {
                action = Some(DialogAction::BrowseToOpen);
            }
            if ui.button("Cancel").clicked() {
                action = Some(DialogAction::Close);
            }
        });
        action
    });
    if escaped && action.is_none() {
        action = Some(DialogAction::Close);
    }
    action
}

/// What the save-a-file window says: its title, a line about the file, its extension.
struct SaveFileText<'a> {
    title: &'a str,
    about: &'a str,
    extension: &'a str,
    replaces: &'a str,
    verb: &'a str,
}

/// What the save-a-file window chose; the caller knows what is being saved.
enum SaveChoice {
    Into(PathBuf),
    Browse,
    Cancel,
}

/// A file name field into the default folder, with a button for the system's own dialog:
/// it works where no native dialog can be shown, and from the keyboard (Enter saves).
/// Says, where Browse would be, that this computer has no system file dialog.
fn no_dialog_note(ui: &mut Ui, no_system_dialog: bool) {
    if no_system_dialog {
        ui.label(
            RichText::new(crate::words::files::NO_SYSTEM_DIALOG).color(warning_text(ui.visuals())),
        );
    }
}

fn save_file_ui(
    ctx: &egui::Context,
    saved_dir: &Path,
    no_system_dialog: bool,
    target: &mut NameInFolder,
    text: &SaveFileText<'_>,
) -> Option<SaveChoice> {
    let NameInFolder { name, taken } = target;
    let (mut action, escaped) = modal(ctx, "save_file_window", text.title, |ui| {
        let mut action = None;
        if !text.about.is_empty() {
            ui.label(text.about);
        }
        // The whole path: "saved-appraisals" alone does not say where that is.
        let folder = std::path::absolute(saved_dir).unwrap_or_else(|_| saved_dir.to_path_buf());
        ui.label(format!("Into {}", folder.display()));
        let edit = ui
            .add(egui::TextEdit::singleline(name).desired_width(f32::INFINITY))
            .accessible_name("File name");
        // Ready to type or press Enter the moment the window opens (once: asking again
        // after Enter would take the focus back before the Enter is seen).
        let opened = egui::Id::unique("save_file_window_focused");
        if ui.data(|d| d.get_temp::<bool>(opened).is_none()) {
            edit.request_focus();
            ui.data_mut(|d| d.insert_temp(opened, true));
        }
        let file_name = file_name_with(name, text.extension);
        let exists = file_name
            .as_ref()
            .is_some_and(|n| taken.contains(&n.to_lowercase()));
        let target = file_name.map(|n| saved_dir.join(n));
        if exists {
            ui.label(RichText::new(text.replaces).color(warning_text(ui.visuals())));
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        no_dialog_note(ui, no_system_dialog);
        ui.horizontal(|ui| {
            let label = if exists { "Replace" } else { text.verb };
            let save = ui.add_enabled(target.is_some(), egui::Button::new(label));
            if let Some(path) = &target
                && (save.clicked() || enter)
            {
                action = Some(SaveChoice::Into(path.clone()));
            }
            if ui
                .add_enabled(
                    !no_system_dialog,
                    egui::Button::new("Choose another folder…"),
                )
                .on_disabled_hover_text(crate::words::files::NO_SYSTEM_DIALOG)
                .clicked()
            {
                action = Some(SaveChoice::Browse);
            }
            if ui.button("Cancel").clicked() {
                action = Some(SaveChoice::Cancel);
            }
        });
        action
    });
    if escaped && action.is_none() {
        action = Some(SaveChoice::Cancel);
    }
    if action.is_some() {
        ctx.data_mut(|d| d.remove::<bool>(egui::Id::unique("save_file_window_focused")));
    }
    action
}

fn unsaved_changes_ui(ctx: &egui::Context, name: &str, doing: &str) -> Option<DialogAction> {
    let (action, escaped) = modal(ctx, "unsaved_changes", "Unsaved changes", |ui| {
        let mut action = None;
        ui.label(format!(
            "\"{name}\" has changes that are not saved. Save them before you {doing}?"
        ));
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                action = Some(DialogAction::SaveFirst);
            }
            if ui.button("Don't save").clicked() {
                action = Some(DialogAction::Discard);
            }
            if ui.button("Cancel").clicked() {
                action = Some(DialogAction::Close);
            }
        });
        action
    });
    action.or(escaped.then_some(DialogAction::Close))
}

fn error_ui(ctx: &egui::Context, message: &str) -> bool {
    let (ok, escaped) = modal(ctx, "error_window", "That did not work", |ui| {
        ui.label(RichText::new(message).color(warning_text(ui.visuals())));
        ui.label("Nothing you had open has changed.");
        ui.button("OK").clicked()
    });
    ok || escaped
}

fn shortcuts_ui(ctx: &egui::Context) -> bool {
    let (ok, escaped) = modal(ctx, "shortcuts_window", "Keyboard shortcuts", |ui| {
        // Scrolls rather than running off a zoomed projector screen, Close always in view.
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.6)
            .show(ui, shortcuts_grid);
        ui.button("Close").clicked()
    });
    ok || escaped
}

fn shortcuts_grid(ui: &mut Ui) {
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for c in Command::ALL {
            ui.label(c.label());
            ui.label(c.shortcut_text(ui.ctx()));
            ui.end_row();
        }
        ui.label("Move between controls");
        ui.label("Tab / Shift+Tab");
        ui.end_row();
        ui.label("Change a focused slider");
        ui.label("Arrow keys");
        ui.end_row();
        ui.label("Presentation: next / previous view");
        ui.label("Right / Left arrow (or Page Down / Page Up, Space)");
        ui.end_row();
        ui.label("Presentation: leave");
        ui.label("Esc or F5");
        ui.end_row();
    });
}

/// What each part of the screen shows, then every term, in plain words.
fn how_to_read_ui(ctx: &egui::Context) -> bool {
    let (ok, escaped) = modal(ctx, "how_to_read_window", "How to read this screen", |ui| {
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.7)
            .show(ui, |ui| {
                for (part, what) in [
                    (
                        "Weights (left)",
                        "How much each criterion decides. Give the criterion whose swing from the worst option to the best matters most 100, and the others a number relative to it; the share of the decision follows. Under each slider: the swing it weighs.",
                    ),
                    (
                        "Option cards (middle)",
                        "One per way of delivering the service, each in its own colour. Drag a slider, or type an exact figure in the box beside it (Shift while dragging or with the arrow keys moves ten times finer). Every score has a line of rationale for the committee paper.",
                    ),
                    (
                        "The strip above the cards",
                        "Every option's rank and score, always in view: click one to bring its card into view.",
                    ),
                    (
                        "Ranking (bottom left)",
                        "The preferred option, why it leads, any warning that its lead is fragile, and the money table.",
                    ),
                    (
                        "Charts (bottom right)",
                        "Results: where each score comes from, two options head to head, net benefit by year, benefit against cost, the workshop groups. Robustness: who leads as one weight moves, how often each option comes first, the spread of NPSV, and what moves it most.",
                    ),
                ] {
                    ui.strong(part);
                    ui.label(what);
                    ui.add_space(4.0);
                }
                ui.separator();
                ui.heading("Terms");
                egui::Grid::new("glossary")
                    .striped(true)
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (term, meaning) in crate::words::glossary::TERMS {
                            ui.strong(term);
                            ui.add(egui::Label::new(meaning).wrap());
                            ui.end_row();
                        }
                    });
            });
        ui.button("Close").clicked()
    });
    ok || escaped
}

fn recover_ui(ctx: &egui::Context, r: &crate::storage::recovery::Recovery) -> Option<DialogAction> {
    let (action, _) = modal(ctx, "recover_window", "Restore unsaved work?", |ui| {
        let mut action = None;
        let whose = r.saved_path.as_deref().map_or_else(
            || "an appraisal that was never saved".to_string(),
            |p| format!("{}", p.display()),
        );
        ui.label(format!(
            "The app closed without saving \"{}\" ({whose}). Its work was autosaved at {}.",
            r.appraisal.meta.title,
            r.written_at_text()
        ));
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                action = Some(DialogAction::Restore);
            }
            if ui
                .button("Not now")
                .on_hover_text("Keep the recovery file and ask next time")
                .clicked()
            {
                action = Some(DialogAction::KeepRecovery);
            }
            if ui.button("Discard it").clicked() {
                action = Some(DialogAction::DiscardRecovery);
            }
        });
        action
    });
    // Esc is "not now": nothing is discarded without a click that says so.
    action
}

fn invalid_file_ui(ctx: &egui::Context, name: &str, problems: &[String]) -> Option<DialogAction> {
    let (action, escaped) = modal(ctx, "invalid_file_window", "This file has problems", |ui| {
        let mut action = None;
        ui.label(format!(
            "{name} reads, but its figures cannot be worked out until these are fixed:"
        ));
        egui::ScrollArea::vertical()
            .max_height(200.0)
            .show(ui, |ui| {
                for p in problems {
                    ui.label(RichText::new(format!("• {p}")).color(warning_text(ui.visuals())));
                }
            });
        ui.label("The appraisal you have open stays as it is unless you open this one.");
        ui.horizontal(|ui| {
            if ui.button("Open it to fix these").clicked() {
                action = Some(DialogAction::OpenToFix);
            }
            if ui.button("Cancel").clicked() {
                action = Some(DialogAction::Close);
            }
        });
        action
    });
    action.or(escaped.then_some(DialogAction::Close))
}
