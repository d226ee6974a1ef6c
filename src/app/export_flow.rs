//! The export flow: which file, where, and when. Reports carry the window's own figures, so
//! an export waits for the window's SMAA run to finish rather than work it out again on the
//! thread that paints the window. A chart's PNG is its report drawing at print size; a view
//! with no drawing (a table, a pair chosen on screen) comes from the pixels on screen.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use eframe::egui;

use super::PartnershipApp;
use super::export::{self, ExportKind};
use super::overlay::Overlay;
use super::ui::charts_ui::Chart;
use super::ui::presentation_ui::{Slide, slides};
use crate::report::{self, Report};
use crate::storage;

/// A screenshot on its way for a PNG export.
pub struct PngShot {
    receiver: Receiver<Arc<egui::ColorImage>>,
    /// Where the chart sat on screen, in points.
    chart_rect: egui::Rect,
    pixels_per_point: f32,
}

/// An export waiting for the window's robustness figures to be final.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingExport {
    pub kind: ExportKind,
    pub path: PathBuf,
}

#[derive(Default)]
pub struct ExportFlow {
    /// Where the chart sits on screen this frame, for PNG export.
    chart_rect: Option<egui::Rect>,
    png_shot: Option<PngShot>,
    /// A PNG export's bytes, waiting for the place to write them.
    png_bytes: Option<Vec<u8>>,
    pending: Option<PendingExport>,
}

impl ExportFlow {
    pub fn set_chart_rect(&mut self, rect: Option<egui::Rect>) {
        self.chart_rect = rect;
    }

    pub fn pending(&self) -> Option<&PendingExport> {
        self.pending.as_ref()
    }
}

impl PartnershipApp {
    /// The export waiting for the robustness figures, if one is.
    pub fn pending_export(&self) -> Option<&PendingExport> {
        self.exports.pending()
    }

    /// The report of what the window shows: its own sensitivity figures and, once complete,
    /// its own SMAA run (the same seed and draws give the same figures either way).
    pub fn window_report(&mut self) -> Option<Report> {
        let settled = self.robustness.is_settled();
        let (appraisal, results) = self.doc.appraisal_and_results();
        let results = results.as_ref().ok()?;
        let robustness = match (&self.robustness.sensitivity, &self.robustness.smaa) {
            (Some(sensitivity), Some(progress)) if settled => Some(report::robustness::from_parts(
                appraisal,
                results,
                sensitivity,
                progress.result.clone(),
            )),
            _ => report::robustness::build(appraisal, results),
        };
        Some(report::build_with(appraisal, results, robustness))
    }

    pub(super) fn begin_export(&mut self, ctx: &egui::Context, kind: ExportKind) {
        if self.doc.results().is_err() {
            self.status = "Nothing to export until the problems shown are fixed.".into();
            return;
        }
        // A chart with a drawing of its own is drawn at print size, whatever the screen.
        let drawn = self.chart_shown().and_then(Chart::svg_id);
        match kind {
            ExportKind::Png if let Some(id) = drawn => {
                self.ask_where_to_export(ExportKind::ChartPng(id));
            }
            ExportKind::Png => {
                let Some(chart_rect) = self.exports.chart_rect else {
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
                self.exports.png_shot = Some(PngShot {
                    receiver,
                    chart_rect,
                    pixels_per_point: ctx.pixels_per_point(),
                });
                self.status = "Taking the chart from the screen…".into();
            }
            _ => self.ask_where_to_export(kind),
        }
    }

    /// The chart on screen: the Results tab, or in presentation the view showing, if a chart.
    pub(super) fn chart_shown(&self) -> Option<Chart> {
        match self.presentation.slide() {
            None => Some(self.view.chart),
            Some(k) => match slides(&self.doc.appraisal).get(k) {
                Some(Slide::Chart(c)) => Some(*c),
                _ => None,
            },
        }
    }

    /// Exports the chart shown as SVG, or says why it cannot.
    pub(super) fn export_chart_as_svg(&mut self, ctx: &egui::Context) {
        match self.chart_shown() {
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
        }
    }

    fn ask_where_to_export(&mut self, kind: ExportKind) {
        let mut name = kind.suggested_stem(&self.doc.appraisal.meta.title);
        // A PNG is named after its chart, so several from one appraisal do not collide.
        if let (ExportKind::Png | ExportKind::ChartPng(_), Some(chart)) = (kind, self.chart_shown())
        {
            name = format!("{name} {}", chart.tab().to_lowercase());
        }
        let target = self.name_in_saved_dir(name);
        self.overlay = Overlay::Export { kind, target };
    }

    /// Takes in a screenshot asked for by a PNG export.
    pub(super) fn poll_png_shot(&mut self) {
        let Some(shot) = &self.exports.png_shot else {
            return;
        };
        let image = match shot.receiver.try_recv() {
            Ok(image) => image,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                self.exports.png_shot = None;
                self.status = "The screen could not be read for the PNG.".into();
                return;
            }
        };
        match export::png_of_region(&image, shot.chart_rect, shot.pixels_per_point) {
            Ok(bytes) => {
                self.exports.png_bytes = Some(bytes);
                self.status.clear();
                self.ask_where_to_export(ExportKind::Png);
            }
            Err(e) => self.overlay = Overlay::Error(e),
        }
        self.exports.png_shot = None;
    }

    /// Writes any export that was waiting for the robustness figures, once they are final.
    /// If the appraisal stops being valid meanwhile, the export is cancelled and says so: it
    /// would otherwise wait for figures that are never worked out.
    pub(super) fn finish_pending_export(&mut self) {
        let Some(pending) = &self.exports.pending else {
            return;
        };
        let kind = pending.kind;
        if self.doc.results().is_err() {
            self.exports.pending = None;
            self.status = format!(
                "Cancelled exporting {}: the appraisal has problems to fix first (listed where the results go).",
                kind.describe()
            );
        } else if self.robustness.is_settled() {
            if let Some(PendingExport { kind, path }) = self.exports.pending.take() {
                self.export_to(kind, &path);
            }
        } else {
            let done = self.robustness.smaa.as_ref().map_or(0.0, |p| p.fraction);
            self.status = format!(
                "Exporting {} once the robustness figures are worked out ({:.0}%)…",
                kind.describe(),
                done * 100.0
            );
        }
    }

    pub(super) fn export_to(&mut self, kind: ExportKind, path: &Path) {
        if kind != ExportKind::Png && self.doc.results().is_ok() && !self.robustness.is_settled() {
            self.exports.pending = Some(PendingExport {
                kind,
                path: path.to_path_buf(),
            });
            self.overlay = Overlay::None;
            return;
        }
        let bytes = match kind {
            ExportKind::Png => self
                .exports
                .png_bytes
                .take()
                .ok_or_else(|| "the chart's picture was lost; export it again".to_string()),
            _ => match self.window_report() {
                Some(report) => kind.bytes(&report),
                None => Err("the appraisal has problems to fix first".to_string()),
            },
        };
        let disk = self.env.disk.as_ref();
        let written = bytes.and_then(|b| {
            if let Some(parent) = path.parent()
                && !parent.as_os_str().is_empty()
            {
                disk.create_dir_all(parent)
                    .map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            storage::write_with(disk, &b, path).map_err(|e| e.to_string())
        });
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

    pub(super) fn copy_ranking(&mut self, ctx: &egui::Context) {
        // The table needs no robustness figures: none are worked out for it.
        let (appraisal, results) = self.doc.appraisal_and_results();
        let Ok(results) = results else {
            self.status = "Nothing to copy until the problems shown are fixed.".into();
            return;
        };
        let built = report::build_with(appraisal, results, None);
        let (html, text) = export::ranking_table(&built);
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
}
