//! The desktop app: one owner of the open appraisal and its undo history, split by what it
//! does. Each flow keeps its own state in its own module:
//! - `file_flow`: opening, saving, the unsaved-changes question, recovery;
//! - `export_flow`: exports and the clipboard;
//! - `robustness_state`: the sensitivity and SMAA figures kept in step with the inputs;
//! - `presentation`: which slide is showing.
//!
//! Panels in `ui` draw the state and return actions; `command_handling` carries them out
//! after the frame.

pub mod autosave;
pub mod command;
mod command_handling;
pub mod document;
pub mod env;
pub mod export;
mod export_flow;
mod file_flow;
pub mod history;
pub mod launch;
pub mod overlay;
pub mod platform;
pub mod preferences;
pub mod presentation;
pub mod robustness_state;
pub mod robustness_worker;
mod screenshot;
pub mod ui;

use std::path::{Path, PathBuf};

use eframe::egui;

use autosave::Autosave;
use document::Document;
pub use env::AppEnv;
use export_flow::ExportFlow;
use file_flow::FileFlow;
use history::History;
pub use overlay::{Guarded, Overlay};
pub use preferences::{Preferences, ZOOM_STEPS};
use presentation::Presentation;
pub use robustness_state::RobustnessState;
use robustness_worker::RobustnessRunner;
use screenshot::Screenshot;

use crate::model::Appraisal;
use crate::storage;

pub struct PartnershipApp {
    doc: Document,
    history: History,
    env: AppEnv,
    prefs: Preferences,
    /// The one window of the app's own showing over the main view, if any.
    overlay: Overlay,
    files: FileFlow,
    exports: ExportFlow,
    robustness: RobustnessState,
    presentation: Presentation,
    /// The panels' own state: tabs, the sweep's criterion, text being typed.
    view: ui::ViewState,
    autosave: Autosave,
    status: String,
    window_title: String,
    screenshot: Option<Screenshot>,
    /// The results of the history's baseline (the last finished change), to tell which
    /// scores a change moved.
    baseline_results: Option<(Appraisal, crate::model::Results)>,
}

impl PartnershipApp {
    /// The app as it starts: on `file` if given, else on the built-in library example.
    /// A file that fails to load leaves the example open and says why.
    pub fn new(
        ctx: &egui::Context,
        storage_prefs: Option<Preferences>,
        env: AppEnv,
        file: Option<&Path>,
    ) -> Self {
        let example = storage::default_example();
        let recovery_dir = env.recovery_dir.clone();
        let mut app = Self {
            history: History::new(&example),
            doc: Document::unsaved(example),
            env,
            prefs: storage_prefs.unwrap_or_default().sanitised(),
            overlay: Overlay::None,
            files: FileFlow::default(),
            exports: ExportFlow::default(),
            robustness: RobustnessState::default(),
            presentation: Presentation::default(),
            view: ui::ViewState::default(),
            autosave: Autosave::new(recovery_dir.clone()),
            status: String::new(),
            window_title: String::new(),
            screenshot: None,
            baseline_results: None,
        };
        if let Some(path) = file {
            app.open_path(path);
        }
        // Work a crash left behind is offered before anything else.
        if let Some(dir) = &recovery_dir {
            app.offer_recoveries_in(dir);
        }
        app.view.weights_panel_width = app.prefs.weights_panel_width;
        app.apply_preferences(ctx);
        ctx.set_visuals_of(egui::Theme::Light, ui::palette::readable_visuals(false));
        ctx.set_visuals_of(egui::Theme::Dark, ui::palette::readable_visuals(true));
        // Our own Ctrl +/− handling steps through fixed zoom levels and remembers them.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.all_styles_mut(preferences::readable_text);
        app
    }

    /// From eframe's creation context: preferences from storage, real dialogs.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, file: Option<&Path>) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value::<Preferences>(s, preferences::PREFERENCES_KEY));
        Self::new(&cc.egui_ctx, prefs, AppEnv::native(&cc.egui_ctx), file)
    }

    /// Draws the window a few frames, saves it as `out` and closes.
    pub fn with_screenshot(mut self, out: PathBuf) -> Self {
        self.screenshot = Some(Screenshot::new(out));
        // The picture must show finished figures: work them out in the frame.
        self.env.robustness = RobustnessRunner::inline();
        self
    }

    pub fn appraisal(&self) -> &Appraisal {
        &self.doc.appraisal
    }

    pub fn appraisal_mut(&mut self) -> &mut Appraisal {
        &mut self.doc.appraisal
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    pub fn path(&self) -> Option<&Path> {
        self.doc.path.as_deref()
    }

    pub fn preferences(&self) -> &Preferences {
        &self.prefs
    }

    pub fn status(&self) -> &str {
        &self.status
    }

    pub fn robustness(&self) -> &RobustnessState {
        &self.robustness
    }

    /// The view showing in presentation mode, if presenting.
    pub fn presenting(&self) -> Option<usize> {
        self.presentation.slide()
    }

    /// The user's zoom and theme; while presenting, the zoom that fits a slide to the screen.
    fn apply_preferences(&self, ctx: &egui::Context) {
        if self.presentation.is_on() {
            ctx.set_theme(self.prefs.theme());
            fit_slides_to_screen(ctx);
        } else {
            self.prefs.apply(ctx);
        }
    }

    /// The title bar: the file (or the title), and whether there are unsaved changes.
    fn title(&self) -> String {
        let marker = if self.doc.is_dirty() {
            " • unsaved changes"
        } else {
            ""
        };
        format!(
            "{}{marker} — Partnership Options Appraisal",
            self.doc.display_name()
        )
    }

    /// Scores that moved since the last finished change although their options' figures did
    /// not (a local scale re-anchored), in words.
    fn rescaled_notes(&mut self) -> Vec<String> {
        let baseline = self.history.before_latest_change(&self.doc.appraisal);
        if self.baseline_results.as_ref().map(|(a, _)| a) != Some(baseline) {
            self.baseline_results = crate::model::appraise(baseline)
                .ok()
                .map(|r| (baseline.clone(), r));
        }
        let (appraisal, results) = self.doc.appraisal_and_results();
        match (&self.baseline_results, results) {
            (Some((_, before)), Ok(after)) => {
                crate::words::scales::rescaled(appraisal, before, after)
            }
            _ => Vec::new(),
        }
    }

    /// The main view, or the slide showing; returns what the panels asked for.
    fn view_ui(&mut self, ui: &mut egui::Ui) -> ui::FrameActions {
        if let Some(slide) = self.presentation.slide() {
            let (appraisal, results) = self.doc.appraisal_and_results();
            return ui::presentation_ui::presentation_ui(
                ui,
                ui::presentation_ui::PresentationView {
                    appraisal,
                    results,
                    robustness: &self.robustness,
                    slide,
                    view: &mut self.view,
                },
            );
        }
        let menu = ui::menu_ui::MenuState {
            can_undo: self.history.can_undo(&self.doc.appraisal),
            can_redo: self.history.can_redo(),
            file_busy: self.files.dialog_open(),
            recent: &self.prefs.recent_files,
            has_hidden_groups: self.doc.appraisal.groups.iter().any(|g| g.hidden),
            chart_has_svg: self.view.chart.svg_id().is_some(),
        };
        let mut actions = ui::FrameActions {
            menu: ui::menu_ui::menu_bar_panel(ui, &menu),
            ..Default::default()
        };
        ui::status_ui::status_bar(
            ui,
            self.doc.path.as_deref(),
            self.files.dialog_open(),
            &self.status,
        );
        let ranges = ui::option_card_ui::SliderRanges::kept_or_widened(
            self.view.slider_ranges,
            self.history.baseline(),
        );
        self.view.slider_ranges = Some(ranges);
        let rescaled = self.rescaled_notes();
        let (appraisal, results) = self.doc.inputs_and_results();
        actions.extend(ui::main_view_ui(
            ui,
            appraisal,
            results,
            &mut self.view,
            &ui::MainViewInputs {
                ranges,
                robustness: &self.robustness,
                show_ranges: self.prefs.show_ranges,
                rescaled: &rescaled,
            },
        ));
        actions
    }
}

/// While presenting, the zoom that makes a slide fill the screen (see `SLIDE_SIZE`).
fn fit_slides_to_screen(ctx: &egui::Context) {
    let unzoomed = ctx.content_rect().size() * ctx.zoom_factor();
    let fit = ui::presentation_ui::fitting_zoom(unzoomed);
    if (ctx.zoom_factor() - fit).abs() > 0.001 {
        ctx.set_zoom_factor(fit);
    }
}

impl eframe::App for PartnershipApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        ui::unseen::show_keyboard_focus(&ctx);
        if self.presentation.is_on() {
            // The window goes full screen a frame or two after presenting starts.
            fit_slides_to_screen(&ctx);
        }
        self.poll_dialog();
        self.poll_png_shot();
        self.handle_input(&ctx);
        self.robustness
            .update(&mut self.doc, &mut self.env.robustness);
        self.finish_pending_export();

        let actions = self.view_ui(ui);
        self.prefs.weights_panel_width = self.view.weights_panel_width;
        self.exports.set_chart_rect(actions.chart_rect);
        if let Some(action) = ui::dialogs_ui::overlay_ui(
            &ctx,
            &mut self.overlay,
            &ui::dialogs_ui::OverlayContext {
                saved_dir: &self.env.saved_dir,
                recent: &self.prefs.recent_files,
                document_name: &self.doc.display_name(),
                no_system_dialog: self.files.no_system_dialog(),
            },
        ) {
            self.handle_dialog_action(&ctx, action);
        }
        self.handle_frame_actions(&ctx, actions);

        // One undo step per finished gesture: not while a button is held or text is typed.
        let mid_gesture = ctx.input(|i| i.pointer.any_down()) || ctx.egui_wants_keyboard_input();
        if !mid_gesture {
            self.history.settle(&self.doc.appraisal);
        }
        let revision = self.doc.revision();
        let now = ctx.input(|i| i.time);
        if let Some(wait) = self
            .autosave
            .tick(self.env.disk.as_ref(), &self.doc, revision, now)
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        if self.files.quit_confirmed() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if let Some(shot) = &mut self.screenshot {
            shot.tick(&ctx);
        }
    }

    /// egui's own memory (panel sizes, scroll positions, open sections) is not kept between
    /// runs: only `Preferences`, which are checked at start, so nothing remembered can open
    /// the window broken.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, preferences::PREFERENCES_KEY, &self.prefs);
    }
}
