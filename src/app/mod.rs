//! The desktop app: one owner of the open appraisal and its undo history; panels that draw
//! it and return actions; one place that carries the actions out.

pub mod autosave;
pub mod command;
pub mod document;
pub mod export;
pub mod history;
pub mod launch;
pub mod palette;
pub mod platform;
pub mod robustness_worker;
pub mod ui;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui;
use serde::{Deserialize, Serialize};

use command::Command;
use document::Document;
use export::ExportKind;
use history::History;
use platform::{Clipboard, DialogPurpose, FileDialogs, PendingDialog};
use ui::dialogs_ui::DialogAction;
use ui::weights_ui::WeightsAction;

use crate::model::robustness::{Sensitivity, sensitivity};
use crate::model::{Appraisal, blank_appraisal};
use crate::storage;
use crate::storage::recovery::{self, Recovery};
use autosave::Autosave;
use robustness_worker::{Progress, RobustnessRunner};

/// What the app needs from outside: dialogs and the default folder. Tests pass fakes.
pub struct AppEnv {
    pub dialogs: Arc<dyn FileDialogs>,
    pub clipboard: Arc<dyn Clipboard>,
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
            saved_dir: platform::default_saved_dir(),
            robustness: RobustnessRunner::background(move || ctx.request_repaint()),
            recovery_dir: platform::recovery_dir(),
        }
    }
}

/// The robustness figures for the open appraisal, kept up to date with it.
#[derive(Default)]
pub struct RobustnessState {
    /// The inputs the SMAA last started from (weights aside: SMAA draws its own).
    submitted: Option<Appraisal>,
    revision: u64,
    pub sensitivity: Option<Sensitivity>,
    /// The document revision everything here was brought up to date with.
    seen_revision: Option<u64>,
    /// Newest SMAA figures; from an older revision while a new run starts.
    pub smaa: Option<Progress>,
}

impl RobustnessState {
    pub fn is_current(&self) -> bool {
        self.smaa
            .as_ref()
            .is_some_and(|p| p.revision == self.revision)
    }
}

/// What SMAA depends on: everything but the current weights, which it draws for itself.
fn smaa_inputs(a: &Appraisal) -> Appraisal {
    let mut key = a.clone();
    for c in &mut key.criteria {
        c.swing_weight = 0.0;
    }
    key
}

/// Preferences kept between runs (eframe's storage, in the platform's config folder).
#[derive(Debug, Clone, Serialize, Deserialize)]
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

const PREFERENCES_KEY: &str = "preferences";
const MAX_RECENT: usize = 8;
pub const ZOOM_STEPS: [f32; 9] = [0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5];

/// Something that would throw away unsaved changes, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Guarded {
    New,
    ShowOpen,
    OpenPath(PathBuf),
    OpenExample(usize),
    Quit,
}

impl Guarded {
    fn doing(&self) -> &'static str {
        match self {
            Guarded::New => "start a new appraisal",
            Guarded::Quit => "quit",
            _ => "open another appraisal",
        }
    }
}

/// Which of the app's own windows is showing.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Overlay {
    #[default]
    None,
    Open,
    SaveAs {
        name: String,
    },
    /// Where to write an export (its bytes are made once the place is chosen).
    Export {
        kind: ExportKind,
        name: String,
    },
    UnsavedChanges(Guarded),
    Error(String),
    Shortcuts,
    /// A recovery file newer than its saved file, found at start.
    Recover(PathBuf, Box<Recovery>),
    /// A file that reads but has problems: open it anyway to fix them, or leave it.
    InvalidFile {
        path: PathBuf,
        appraisal: Box<Appraisal>,
        problems: Vec<String>,
    },
}

pub struct PartnershipApp {
    doc: Document,
    history: History,
    env: AppEnv,
    prefs: Preferences,
    overlay: Overlay,
    /// After a save started from the unsaved-changes question, what to do next.
    after_save: Option<Guarded>,
    dialog: Option<PendingDialog>,
    weights_panel: ui::weights_ui::WeightsPanelState,
    workshop_panel: ui::workshop_ui::WorkshopPanelState,
    robust: RobustnessState,
    autosave: Autosave,
    /// Recovery files still to offer after the one showing.
    pending_recoveries: Vec<(PathBuf, Recovery)>,
    sweep_criterion: usize,
    chart: ui::charts_ui::Chart,
    /// The view showing in presentation mode; None when not presenting.
    presenting: Option<usize>,
    /// Where the chart sits on screen this frame, for PNG export.
    chart_rect: Option<egui::Rect>,
    /// A screenshot on its way for a PNG export: the chart's rect and the pixel density.
    png_shot: Option<(
        std::sync::mpsc::Receiver<Arc<egui::ColorImage>>,
        egui::Rect,
        f32,
    )>,
    /// A PNG export's bytes, waiting for the place to write them.
    png_bytes: Option<Vec<u8>>,
    /// An export waiting for the window's SMAA run to finish, so it carries those figures.
    pending_export: Option<(ExportKind, PathBuf)>,
    status: String,
    quit_confirmed: bool,
    window_title: String,
    /// Where `--screenshot` writes the window, and how many frames have been drawn.
    screenshot: Option<(PathBuf, u32)>,
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
        let prefs = storage_prefs.unwrap_or_default();
        let recovery_dir = env.recovery_dir.clone();
        let mut app = Self {
            doc: Document::unsaved(storage::default_example()),
            history: History::new(&storage::default_example()),
            env,
            prefs,
            overlay: Overlay::None,
            after_save: None,
            dialog: None,
            weights_panel: Default::default(),
            workshop_panel: Default::default(),
            robust: Default::default(),
            autosave: Autosave::default(),
            pending_recoveries: Vec::new(),
            sweep_criterion: 0,
            chart: Default::default(),
            presenting: None,
            chart_rect: None,
            png_shot: None,
            png_bytes: None,
            pending_export: None,
            status: String::new(),
            quit_confirmed: false,
            window_title: String::new(),
            screenshot: None,
        };
        if let Some(path) = file {
            app.open_path(path);
        }
        // Work a crash left behind is offered before anything else.
        if let Some(dir) = &recovery_dir {
            app.pending_recoveries = recovery::find(dir)
                .into_iter()
                .filter(|(_, r)| r.is_newer_than_saved())
                .collect();
            app.offer_next_recovery();
        }
        app.autosave = Autosave::new(recovery_dir);
        app.apply_preferences(ctx);
        // Our own Ctrl +/− handling steps through fixed zoom levels and remembers them.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.all_styles_mut(readable_text);
        app
    }

    /// From eframe's creation context: preferences from storage, real dialogs.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, file: Option<&Path>) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value::<Preferences>(s, PREFERENCES_KEY));
        Self::new(&cc.egui_ctx, prefs, AppEnv::native(&cc.egui_ctx), file)
    }

    pub fn with_screenshot(mut self, out: PathBuf) -> Self {
        self.screenshot = Some((out, 0));
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
        &self.robust
    }

    /// The view showing in presentation mode, if presenting.
    pub fn presenting(&self) -> Option<usize> {
        self.presenting
    }

    fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        self.presenting = on.then_some(0);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        self.apply_preferences(ctx);
        self.status = if on {
            "Presenting: the Right and Left arrow keys move between views, Esc leaves.".into()
        } else {
            String::new()
        };
    }

    /// Keeps the sensitivity figures in step with the inputs, starts SMAA when its inputs
    /// change, and takes in whatever SMAA figures have arrived.
    fn update_robustness(&mut self) {
        let state = &mut self.robust;
        let revision = self.doc.revision();
        if state.seen_revision != Some(revision) {
            state.seen_revision = Some(revision);
            let (appraisal, results) = self.doc.appraisal_and_results();
            state.sensitivity = results
                .as_ref()
                .ok()
                .and_then(|r| sensitivity(appraisal, r).ok());
            let key = smaa_inputs(appraisal);
            if state.submitted.as_ref() != Some(&key) {
                state.revision += 1;
                if results.is_ok() {
                    self.env.robustness.submit(state.revision, appraisal);
                } else {
                    state.smaa = None;
                }
                state.submitted = Some(key);
            }
        }
        if let Some(p) = self.env.robustness.poll()
            && p.revision == state.revision
        {
            state.smaa = Some(p);
        }
    }

    fn apply_preferences(&self, ctx: &egui::Context) {
        let presenting = if self.presenting.is_some() {
            ui::presentation_ui::PRESENTATION_ZOOM
        } else {
            1.0
        };
        ctx.set_zoom_factor(self.prefs.zoom * presenting);
        ctx.set_theme(if self.prefs.dark_mode {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
    }

    fn replace_document(&mut self, doc: Document) {
        // The user has saved or chosen to drop the changes: the old recovery file goes.
        self.autosave.clear();
        self.history = History::new(&doc.appraisal);
        self.doc = doc;
        // A group part-way through entering its weights belongs to the old file.
        self.workshop_panel = Default::default();
    }

    fn offer_next_recovery(&mut self) {
        if matches!(self.overlay, Overlay::None | Overlay::Recover(..)) {
            self.overlay = match self.pending_recoveries.pop() {
                Some((path, r)) => Overlay::Recover(path, Box::new(r)),
                None => Overlay::None,
            };
        }
    }

    /// Opens a file; on failure the open appraisal stays exactly as it was. A file that reads
    /// but has problems is only opened if the user says so, to fix them.
    pub fn open_path(&mut self, path: &Path) {
        match storage::load(path) {
            Ok(appraisal) => {
                let problems: Vec<String> = crate::model::validate(&appraisal)
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                if problems.is_empty() {
                    self.finish_open(appraisal, path);
                } else {
                    self.overlay = Overlay::InvalidFile {
                        path: path.to_path_buf(),
                        appraisal: Box::new(appraisal),
                        problems,
                    };
                }
            }
            Err(e) => {
                log::warn!("{e}");
                self.overlay = Overlay::Error(e.to_string());
            }
        }
    }

    fn finish_open(&mut self, appraisal: Appraisal, path: &Path) {
        self.replace_document(Document::opened(appraisal, path.to_path_buf()));
        self.remember_recent(path);
        self.status = format!("Opened {}", path.display());
        self.overlay = Overlay::None;
    }

    fn remember_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.prefs.recent_files.retain(|p| *p != path);
        self.prefs.recent_files.insert(0, path);
        self.prefs.recent_files.truncate(MAX_RECENT);
    }

    fn save_to(&mut self, path: &Path) -> bool {
        match self.doc.save_to(path) {
            Ok(()) => {
                self.remember_recent(path);
                self.status = format!("Saved {}", path.display());
                self.overlay = Overlay::None;
                if let Some(next) = self.after_save.take() {
                    self.proceed(next);
                }
                true
            }
            Err(e) => {
                log::warn!("{e}");
                self.after_save = None;
                self.overlay = Overlay::Error(e.to_string());
                false
            }
        }
    }

    fn suggested_file_name(&self) -> String {
        self.doc
            .path
            .as_deref()
            .map(storage::display_name)
            .unwrap_or_else(|| {
                platform::file_name_for(&self.doc.appraisal.meta.title)
                    .unwrap_or_else(|| "appraisal.ron".to_string())
            })
    }

    /// Runs a guarded action now, or asks first if there are unsaved changes.
    fn guard(&mut self, action: Guarded) {
        if self.doc.is_dirty() {
            self.overlay = Overlay::UnsavedChanges(action);
        } else {
            self.proceed(action);
        }
    }

    fn proceed(&mut self, action: Guarded) {
        match action {
            Guarded::New => {
                self.replace_document(Document::unsaved(blank_appraisal()));
                self.overlay = Overlay::None;
                self.status = "New appraisal: fill in each option's figures.".into();
            }
            Guarded::ShowOpen => self.overlay = Overlay::Open,
            Guarded::OpenPath(path) => self.open_path(&path),
            Guarded::OpenExample(i) => {
                let (name, text) = storage::EXAMPLES[i.min(storage::EXAMPLES.len() - 1)];
                match storage::parse_str(text, name) {
                    Ok(a) => {
                        self.replace_document(Document::unsaved(a));
                        self.overlay = Overlay::None;
                    }
                    Err(e) => self.overlay = Overlay::Error(e.to_string()),
                }
            }
            Guarded::Quit => {
                self.quit_confirmed = true;
                self.overlay = Overlay::None;
            }
        }
    }

    fn start_dialog(&mut self, ctx: &egui::Context, purpose: DialogPurpose) {
        if self.dialog.is_some() {
            return;
        }
        let wake = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        let suggested = match purpose {
            DialogPurpose::Export(kind) => format!(
                "{}.{}",
                kind.suggested_stem(&self.doc.appraisal.meta.title),
                kind.extension()
            ),
            _ => self.suggested_file_name(),
        };
        self.dialog = Some(PendingDialog::spawn(
            Arc::clone(&self.env.dialogs),
            purpose,
            self.env.saved_dir.clone(),
            suggested,
            wake,
        ));
    }

    fn poll_dialog(&mut self) {
        let Some(pending) = &self.dialog else { return };
        let Some(picked) = pending.poll() else { return };
        let purpose = pending.purpose;
        self.dialog = None;
        // None is a cancel, or no native dialog on this desktop: the built-in window stays.
        let Some(path) = picked else { return };
        match purpose {
            DialogPurpose::Open => self.open_path(&path),
            DialogPurpose::SaveAs => {
                let path = if path.extension().is_none() {
                    path.with_extension("ron")
                } else {
                    path
                };
                self.save_to(&path);
            }
            DialogPurpose::Export(kind) => {
                let path = if path.extension().is_none() {
                    path.with_extension(kind.extension())
                } else {
                    path
                };
                self.export_to(kind, &path);
            }
        }
    }

    /// The report of what the window shows: its own sensitivity figures and, once complete,
    /// its own SMAA run (the same seed and draws give the same figures either way).
    pub fn window_report(&mut self) -> Option<crate::report::Report> {
        use crate::report;
        let settled = self.robustness_settled();
        let (a, r) = self.doc.appraisal_and_results();
        let r = r.as_ref().ok()?;
        let robustness = match (&self.robust.sensitivity, &self.robust.smaa) {
            (Some(s), Some(p)) if settled => {
                Some(report::robustness::from_parts(a, r, s, p.result.clone()))
            }
            _ => report::robustness::build(a, r),
        };
        Some(report::build_with(a, r, robustness))
    }

    fn begin_export(&mut self, ctx: &egui::Context, kind: ExportKind) {
        if self.doc.results().is_err() {
            self.status = "Nothing to export until the problems shown are fixed.".into();
            return;
        }
        match kind {
            ExportKind::Png => {
                let Some(rect) = self.chart_rect else {
                    self.status = "Show a chart first: the PNG is the chart on screen.".into();
                    return;
                };
                let (sender, receiver) = std::sync::mpsc::channel();
                let wake = ctx.clone();
                ctx.request_screenshot(move |image| {
                    // The app may have moved on; nothing to tell then.
                    let _ = sender.send(image);
                    wake.request_repaint();
                });
                self.png_shot = Some((receiver, rect, ctx.pixels_per_point()));
                self.status = "Taking the chart from the screen…".into();
            }
            _ => self.ask_where_to_export(kind),
        }
    }

    /// The chart on screen: the Results tab, or in presentation the view showing, if a chart.
    fn chart_shown(&self) -> Option<ui::charts_ui::Chart> {
        use ui::presentation_ui::{Slide, slides};
        match self.presenting {
            None => Some(self.chart),
            Some(k) => match slides(&self.doc.appraisal).get(k) {
                Some(Slide::Chart(c)) => Some(*c),
                _ => None,
            },
        }
    }

    fn ask_where_to_export(&mut self, kind: ExportKind) {
        let mut name = kind.suggested_stem(&self.doc.appraisal.meta.title);
        // A PNG is named after its chart, so several from one appraisal do not collide.
        if let (ExportKind::Png, Some(chart)) = (kind, self.chart_shown()) {
            name = format!("{name} {}", chart.tab().to_lowercase());
        }
        self.overlay = Overlay::Export { kind, name };
    }

    /// Takes in a screenshot asked for by a PNG export.
    fn poll_png_shot(&mut self) {
        let Some((receiver, rect, ppp)) = &self.png_shot else {
            return;
        };
        let image = match receiver.try_recv() {
            Ok(image) => image,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.png_shot = None;
                self.status = "The screen could not be read for the PNG.".into();
                return;
            }
        };
        match export::png_of_region(&image, *rect, *ppp) {
            Ok(bytes) => {
                self.png_bytes = Some(bytes);
                self.status.clear();
                self.ask_where_to_export(ExportKind::Png);
            }
            Err(e) => self.overlay = Overlay::Error(e),
        }
        self.png_shot = None;
    }

    /// Whether the window's robustness figures are final for the inputs now.
    fn robustness_settled(&self) -> bool {
        self.robust.is_current() && self.robust.smaa.as_ref().is_some_and(|p| p.is_complete())
    }

    /// Writes any export that was waiting for the robustness figures, once they are final.
    fn finish_pending_export(&mut self) {
        if self.pending_export.is_some() && self.robustness_settled() {
            if let Some((kind, path)) = self.pending_export.take() {
                self.export_to(kind, &path);
            }
        } else if let Some((kind, _)) = &self.pending_export {
            let done = self.robust.smaa.as_ref().map_or(0.0, |p| p.fraction);
            self.status = format!(
                "Exporting {} once the robustness figures are worked out ({:.0}%)…",
                kind.describe(),
                done * 100.0
            );
        }
    }

    fn export_to(&mut self, kind: ExportKind, path: &std::path::Path) {
        // The report carries the window's SMAA figures: wait for them rather than work them
        // out again here, on the thread that paints the window.
        if kind != ExportKind::Png && self.doc.results().is_ok() && !self.robustness_settled() {
            self.pending_export = Some((kind, path.to_path_buf()));
            self.overlay = Overlay::None;
            return;
        }
        let bytes = match kind {
            ExportKind::Png => self
                .png_bytes
                .take()
                .ok_or_else(|| "the chart's picture was lost; export it again".to_string()),
            _ => match self.window_report() {
                Some(report) => kind.bytes(&report),
                None => Err("the appraisal has problems to fix first".to_string()),
            },
        };
        let written =
            bytes.and_then(|b| storage::write_atomically(&b, path).map_err(|e| e.to_string()));
        match written {
            Ok(()) => {
                self.overlay = Overlay::None;
                self.status = format!("Exported {} to {}", kind.describe(), path.display());
            }
            Err(e) => {
                self.overlay = Overlay::Error(format!("Could not export {}: {e}", kind.describe()))
            }
        }
    }

    fn copy_ranking(&mut self, ctx: &egui::Context) {
        // The table needs no robustness figures: none are worked out for it.
        let (a, r) = self.doc.appraisal_and_results();
        let Ok(r) = r else {
            self.status = "Nothing to copy until the problems shown are fixed.".into();
            return;
        };
        let report = crate::report::build_with(a, r, None);
        let (html, text) = export::ranking_table(&report);
        self.status = match self.env.clipboard.copy_table(&html, &text) {
            Ok(()) => "Copied the ranking table: paste it into Word or Excel.".into(),
            Err(e) => {
                // The text form still pastes into Excel as a table.
                log::warn!("clipboard: {e}");
                ctx.copy_text(text);
                "Copied the ranking table as text (tab-separated).".into()
            }
        };
    }

    /// Carries out a command from a menu or a shortcut.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        let file_busy = self.dialog.is_some();
        match command {
            Command::New if !file_busy => self.guard(Guarded::New),
            Command::Open if !file_busy => self.guard(Guarded::ShowOpen),
            Command::Save if !file_busy => match self.doc.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.show_save_as(),
            },
            Command::SaveAs if !file_busy => self.show_save_as(),
            Command::Quit => {
                self.guard(Guarded::Quit);
            }
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
            Command::ToggleRanges => self.prefs.show_ranges = !self.prefs.show_ranges,
            Command::Present => self.set_presenting(ctx, self.presenting.is_none()),
            Command::RevealGroups => {
                self.status = ui::workshop_ui::apply(
                    &mut self.doc.appraisal,
                    &mut self.workshop_panel,
                    ui::workshop_ui::WorkshopAction::RevealAll,
                );
            }
            Command::ExportHtml if !file_busy => self.begin_export(ctx, ExportKind::Html),
            Command::ExportXlsx if !file_busy => self.begin_export(ctx, ExportKind::Xlsx),
            Command::ExportCsv if !file_busy => self.begin_export(ctx, ExportKind::Csv),
            Command::ExportSvg if !file_busy => match self.chart_shown() {
                Some(chart) => match chart.svg_id() {
                    Some(id) => self.begin_export(ctx, ExportKind::Svg(id)),
                    None => {
                        self.status = format!(
                            "\"{}\" is a table with no SVG version: export it as PNG, or show a chart.",
                            chart.tab()
                        );
                    }
                },
                None => self.status = "Show a chart first.".into(),
            },
            Command::ExportPng if !file_busy => self.begin_export(ctx, ExportKind::Png),
            Command::CopyRanking => self.copy_ranking(ctx),
            Command::New
            | Command::Open
            | Command::Save
            | Command::SaveAs
            | Command::ExportHtml
            | Command::ExportXlsx
            | Command::ExportCsv
            | Command::ExportSvg
            | Command::ExportPng => {
                self.status = "A file dialog is already open.".into();
            }
        }
    }

    fn show_save_as(&mut self) {
        let name = self.suggested_file_name();
        let name = name.strip_suffix(".ron").unwrap_or(&name).to_string();
        self.overlay = Overlay::SaveAs { name };
    }

    fn handle_dialog_action(&mut self, ctx: &egui::Context, action: DialogAction) {
        match action {
            DialogAction::OpenPath(path) => self.open_path(&path),
            DialogAction::OpenExample(i) => self.proceed(Guarded::OpenExample(i)),
            DialogAction::BrowseToOpen => self.start_dialog(ctx, DialogPurpose::Open),
            DialogAction::SaveInto(path) => {
                if let Some(parent) = path.parent()
                    && let Err(e) = std::fs::create_dir_all(parent)
                {
                    self.overlay = Overlay::Error(format!("{}: {e}", parent.display()));
                    return;
                }
                match &self.overlay {
                    Overlay::Export { kind, .. } => self.export_to(*kind, &path),
                    _ => {
                        self.save_to(&path);
                    }
                }
            }
            DialogAction::BrowseToSave => {
                // The app's own window stays open behind the system's dialog, so a cancel (or
                // a desktop with no dialog) leaves the user where they were.
                let purpose = match &self.overlay {
                    Overlay::Export { kind, .. } => DialogPurpose::Export(*kind),
                    _ => DialogPurpose::SaveAs,
                };
                self.start_dialog(ctx, purpose);
            }
            DialogAction::SaveFirst => {
                if let Overlay::UnsavedChanges(next) = std::mem::take(&mut self.overlay) {
                    self.after_save = Some(next);
                    match self.doc.path.clone() {
                        Some(path) => {
                            self.save_to(&path);
                        }
                        None => self.show_save_as(),
                    }
                }
            }
            DialogAction::Discard => {
                if let Overlay::UnsavedChanges(next) = std::mem::take(&mut self.overlay) {
                    self.proceed(next);
                }
            }
            DialogAction::Close => {
                self.after_save = None;
                self.overlay = Overlay::None;
            }
            DialogAction::Restore => {
                if let Overlay::Recover(file, r) = std::mem::take(&mut self.overlay) {
                    let when = r.written_at_text();
                    self.replace_document(Document::recovered(r.appraisal, r.saved_path));
                    // The restored work is unsaved, so autosave writes it afresh in seconds.
                    recovery::remove(&file);
                    self.status = format!("Restored the work autosaved at {when}.");
                    self.offer_next_recovery();
                }
            }
            DialogAction::OpenToFix => {
                if let Overlay::InvalidFile {
                    path, appraisal, ..
                } = std::mem::take(&mut self.overlay)
                {
                    self.finish_open(*appraisal, &path);
                    self.status =
                        "Opened with problems: they are listed where the results go.".into();
                }
            }
            DialogAction::KeepRecovery => {
                self.overlay = Overlay::None;
                self.offer_next_recovery();
            }
            DialogAction::DiscardRecovery => {
                if let Overlay::Recover(file, _) = std::mem::take(&mut self.overlay) {
                    recovery::remove(&file);
                    self.offer_next_recovery();
                }
            }
        }
    }

    fn handle_weights_action(&mut self, action: WeightsAction) {
        match action {
            WeightsAction::AddCriterion(name) => {
                let id = self.doc.appraisal.add_rating_criterion(&name);
                let name = self
                    .doc
                    .appraisal
                    .criterion(&id)
                    .map_or(name, |c| c.name.clone());
                self.status = format!("Added \"{name}\": score each option on it in the cards.");
            }
            WeightsAction::RemoveCriterion(id) => {
                if self.doc.appraisal.remove_criterion(&id) {
                    self.status = "Criterion removed (Ctrl+Z brings it back).".into();
                }
            }
        }
    }

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

    /// Input that is not tied to one widget: shortcuts, dropped files, the close button.
    fn handle_input(&mut self, ctx: &egui::Context) {
        for command in Command::pressed(ctx) {
            self.run_command(ctx, command);
        }
        if self.presenting.is_some() && self.overlay == Overlay::None {
            for action in ui::presentation_ui::keys_pressed(ctx) {
                self.presentation_action(ctx, action);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                // Only files with a place on disk can be opened (not browser blobs).
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.guard(Guarded::OpenPath(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.quit_confirmed {
            if self.doc.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.overlay = Overlay::UnsavedChanges(Guarded::Quit);
            } else {
                self.quit_confirmed = true;
            }
        }
    }

    fn presentation_action(
        &mut self,
        ctx: &egui::Context,
        action: ui::presentation_ui::PresentationAction,
    ) {
        use ui::presentation_ui::{PresentationAction, slides};
        let Some(index) = self.presenting else { return };
        let last = slides(&self.doc.appraisal).len() - 1;
        match action {
            PresentationAction::Next => self.presenting = Some((index + 1).min(last)),
            PresentationAction::Previous => self.presenting = Some(index.saturating_sub(1)),
            PresentationAction::Leave => self.set_presenting(ctx, false),
        }
    }

    fn overlays_ui(&mut self, ctx: &egui::Context) {
        let action = match &mut self.overlay {
            Overlay::None => None,
            Overlay::Open => {
                ui::dialogs_ui::open_ui(ctx, &self.env.saved_dir, &self.prefs.recent_files)
            }
            Overlay::SaveAs { name } => ui::dialogs_ui::save_as_ui(ctx, &self.env.saved_dir, name),
            Overlay::Export { kind, name } => {
                let title = format!("Export {}", kind.describe());
                ui::dialogs_ui::save_file_ui(
                    ctx,
                    &self.env.saved_dir,
                    name,
                    &ui::dialogs_ui::SaveFileText {
                        title: &title,
                        about: export_about(*kind),
                        extension: kind.extension(),
                        replaces: "A file of that name exists: exporting replaces it.",
                        verb: "Export",
                    },
                )
            }
            Overlay::UnsavedChanges(next) => {
                let doing = next.doing();
                ui::dialogs_ui::unsaved_changes_ui(ctx, &self.doc.display_name(), doing)
            }
            Overlay::Error(message) => {
                ui::dialogs_ui::error_ui(ctx, message).then_some(DialogAction::Close)
            }
            Overlay::Shortcuts => ui::dialogs_ui::shortcuts_ui(ctx).then_some(DialogAction::Close),
            Overlay::Recover(_, r) => ui::dialogs_ui::recover_ui(ctx, r),
            Overlay::InvalidFile { path, problems, .. } => {
                ui::dialogs_ui::invalid_file_ui(ctx, &storage::display_name(path), problems)
            }
        };
        if let Some(action) = action {
            self.handle_dialog_action(ctx, action);
        }
    }

    fn take_screenshot_if_asked(&mut self, ctx: &egui::Context) {
        let Some((out, frames)) = &mut self.screenshot else {
            return;
        };
        *frames += 1;
        // A few frames first, so fonts and plot bounds have settled.
        if *frames == 4 {
            let out = out.clone();
            let ctx2 = ctx.clone();
            ctx.request_screenshot(move |image| {
                match launch::save_png(&image, &out) {
                    Ok(()) => eprintln!("wrote {}", out.display()),
                    Err(e) => eprintln!("partnership-appraisal: {e}"),
                }
                ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
            });
        }
        ctx.request_repaint();
    }
}

/// What an export holds, in a line for the export window.
fn export_about(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::Html => {
            "One page to open in a browser, print to A4 or paste into Word: the options, every score and its reason, the weights, the money, the charts, the robustness findings and the method."
        }
        ExportKind::Xlsx => "Every table on its own sheet, numbers unrounded.",
        ExportKind::Csv => "One row per option with every figure, then the method settings.",
        ExportKind::Svg(_) => "The chart as a drawing that stays sharp at any size.",
        ExportKind::Png => "The chart as it is on screen.",
    }
}

/// Text a little larger than egui's defaults: the app is read on projectors and by people
/// who do not live in it. Zoom scales everything further.
fn readable_text(style: &mut egui::Style) {
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

fn next_zoom(current: f32, command: Command) -> f32 {
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

impl eframe::App for PartnershipApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_dialog();
        self.poll_png_shot();
        self.handle_input(&ctx);

        let mut menu_actions = Vec::new();
        let mut weights_actions = Vec::new();
        let mut workshop_actions = Vec::new();
        let ranges = ui::option_card_ui::SliderRanges::from_appraisal(self.history.baseline());
        let can_undo = self.history.can_undo(&self.doc.appraisal);
        let can_redo = self.history.can_redo();
        let dialog_open = self.dialog.is_some();

        self.update_robustness();
        self.finish_pending_export();
        self.chart_rect = None;
        let mut presentation_actions = Vec::new();
        if let Some(slide) = self.presenting {
            let (appraisal, results) = self.doc.appraisal_and_results();
            presentation_actions = ui::presentation_ui::presentation_ui(
                ui,
                ui::presentation_ui::PresentationView {
                    appraisal,
                    results,
                    robustness: &self.robust,
                    slide,
                    sweep_criterion: &mut self.sweep_criterion,
                    chart_rect: &mut self.chart_rect,
                },
            );
        } else {
            egui::Panel::top("menu_bar").show(ui, |ui| {
                menu_actions = ui::menu_ui::menu_bar_ui(
                    ui,
                    &ui::menu_ui::MenuState {
                        can_undo,
                        can_redo,
                        file_busy: dialog_open,
                        recent: &self.prefs.recent_files,
                        has_hidden_groups: self.doc.appraisal.groups.iter().any(|g| g.hidden),
                        chart_has_svg: self.chart.svg_id().is_some(),
                    },
                );
            });

            egui::Panel::bottom("status_bar").show(ui, |ui| {
                ui.horizontal(|ui| {
                    let file = self
                        .doc
                        .path
                        .as_deref()
                        .map_or_else(|| "not saved yet".to_string(), |p| p.display().to_string());
                    ui.small(file);
                    ui.separator();
                    if dialog_open {
                        ui.spinner();
                        ui.small("Waiting for the file dialog…");
                    } else {
                        ui.small(&self.status);
                    }
                });
            });

            ui::main_view_ui(
                ui,
                &mut self.doc,
                &mut ui::MainViewState {
                    weights_panel: &mut self.weights_panel,
                    chart: &mut self.chart,
                    weights_actions: &mut weights_actions,
                    workshop_panel: &mut self.workshop_panel,
                    workshop_actions: &mut workshop_actions,
                    ranges,
                    robustness: &self.robust,
                    show_ranges: self.prefs.show_ranges,
                    sweep_criterion: &mut self.sweep_criterion,
                    chart_rect: &mut self.chart_rect,
                },
            );
        }

        self.overlays_ui(&ctx);
        for action in menu_actions {
            match action {
                ui::menu_ui::MenuAction::Run(command) => self.run_command(&ctx, command),
                ui::menu_ui::MenuAction::OpenRecent(path) => self.guard(Guarded::OpenPath(path)),
            }
        }
        for action in weights_actions {
            self.handle_weights_action(action);
        }
        for action in presentation_actions {
            self.presentation_action(&ctx, action);
        }
        for action in workshop_actions {
            self.status =
                ui::workshop_ui::apply(&mut self.doc.appraisal, &mut self.workshop_panel, action);
        }

        // One undo step per finished gesture: not while a button is held or text is typed.
        let mid_gesture = ctx.input(|i| i.pointer.any_down()) || ctx.egui_wants_keyboard_input();
        if !mid_gesture {
            self.history.settle(&self.doc.appraisal);
        }

        let revision = self.doc.revision();
        if let Some(wait) = self
            .autosave
            .tick(&self.doc, revision, ctx.input(|i| i.time))
        {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }

        let title = self.title();
        if title != self.window_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
        if self.quit_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.take_screenshot_if_asked(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFERENCES_KEY, &self.prefs);
    }
}
