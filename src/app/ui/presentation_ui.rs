//! Presentation mode: full screen, large type, nothing to edit. One view at a time (the
//! options, the ranking with its warnings, then each chart), stepped with the arrow keys,
//! for a workshop round a projector.

use eframe::egui::{self, RichText, Ui};

use super::charts_ui::{Chart, chart_ui};
use super::palette::{WARNING, option_colour};
use super::{results_ui, robustness_ui};
use crate::app::robustness_state::RobustnessState;
use crate::model::format::{gbp, ordinal};
use crate::model::{Appraisal, InvalidAppraisal, Results};

/// How much larger everything is drawn while presenting.
pub const PRESENTATION_ZOOM: f32 = 1.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    Options,
    Ranking,
    Chart(Chart),
}

impl Slide {
    pub fn title(self) -> &'static str {
        match self {
            Slide::Options => "The options",
            Slide::Ranking => "The ranking",
            // The chart draws its own title beneath; the header names the view.
            Slide::Chart(c) => c.tab(),
        }
    }
}

/// The views in order: the workshop groups only once there are groups.
pub fn slides(appraisal: &Appraisal) -> Vec<Slide> {
    let mut s = vec![Slide::Options, Slide::Ranking];
    s.extend(
        Chart::ALL
            .into_iter()
            .filter(|&c| c != Chart::Groups || !appraisal.groups.is_empty())
            .map(Slide::Chart),
    );
    s
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentationAction {
    Next,
    Previous,
    Leave,
}

/// The keys that step through the views; consumed so nothing else reacts to them.
pub fn keys_pressed(ctx: &egui::Context) -> Vec<PresentationAction> {
    use egui::{Key, Modifiers};
    let mut actions = Vec::new();
    ctx.input_mut(|i| {
        for key in [Key::ArrowRight, Key::PageDown, Key::Space] {
            if i.consume_key(Modifiers::NONE, key) {
                actions.push(PresentationAction::Next);
            }
        }
        for key in [Key::ArrowLeft, Key::PageUp] {
            if i.consume_key(Modifiers::NONE, key) {
                actions.push(PresentationAction::Previous);
            }
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            actions.push(PresentationAction::Leave);
        }
    });
    actions
}

pub struct PresentationView<'a> {
    pub appraisal: &'a Appraisal,
    pub results: &'a Result<Results, InvalidAppraisal>,
    pub robustness: &'a RobustnessState,
    pub slide: usize,
    pub view: &'a mut super::ViewState,
}

pub fn presentation_ui(ui: &mut Ui, view: PresentationView<'_>) -> super::FrameActions {
    let mut frame = super::FrameActions::default();
    let actions = &mut frame.presentation;
    let slides = slides(view.appraisal);
    let index = view.slide.min(slides.len() - 1);
    let slide = slides[index];
    egui::Panel::top("presentation_title").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(RichText::new(&view.appraisal.meta.title).strong());
            ui.separator();
            ui.heading(slide.title());
        });
        ui.add_space(2.0);
    });
    egui::Panel::bottom("presentation_controls").show(ui, |ui| {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(index > 0, egui::Button::new("‹ Previous"))
                .clicked()
            {
                actions.push(PresentationAction::Previous);
            }
            if ui
                .add_enabled(index + 1 < slides.len(), egui::Button::new("Next ›"))
                .clicked()
            {
                actions.push(PresentationAction::Next);
            }
            ui.label(format!("{} of {}", index + 1, slides.len()));
            ui.separator();
            // Full-strength text: a pale hint is lost on a projector.
            ui.label("Left and Right arrow keys move · Esc or F5 leaves");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Leave presentation").clicked() {
                    actions.push(PresentationAction::Leave);
                }
            });
        });
    });
    egui::CentralPanel::default().show(ui, |ui| match view.results {
        Err(invalid) => results_ui::problems_ui(ui, invalid),
        Ok(results) => match slide {
            Slide::Options => options_slide(ui, view.appraisal, results),
            Slide::Ranking => {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    results_ui::preferred_ui(ui, view.appraisal, results);
                    robustness_ui::fragile_ui(ui, view.appraisal, results, view.robustness, true);
                    ui.add_space(8.0);
                    results_ui::ranking_ui(ui, view.appraisal, results);
                });
            }
            Slide::Chart(chart) => {
                frame.chart_rect = Some(chart_ui(
                    ui,
                    chart,
                    view.appraisal,
                    results,
                    view.robustness,
                    &mut view.view.sweep_criterion,
                ));
            }
        },
    });
    frame
}

/// Each option as a read-only card: what it is and where it stands.
fn options_slide(ui: &mut Ui, appraisal: &Appraisal, results: &Results) {
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let n = appraisal.options.len().max(1) as f32;
    let spacing = ui.spacing().item_spacing.x;
    let width = ((ui.available_width() - spacing * (n - 1.0)) / n - 20.0).max(150.0);
    egui::ScrollArea::both().show(ui, |ui| {
        ui.horizontal_top(|ui| {
            for (o, res) in appraisal.options.iter().zip(&results.options) {
                let colour = option_colour(o.kind);
                egui::Frame::group(ui.style())
                    .stroke(egui::Stroke::new(3.0, colour))
                    .show(ui, |ui| {
                        // The row is horizontal; each card reads top to bottom.
                        ui.vertical(|ui| card(ui, o, res, colour, width, apply_ob));
                    });
            }
        });
        if results.options.iter().filter(|o| o.rank == 1).count() > 1 {
            ui.label(RichText::new("Two or more options tie for first place.").color(WARNING));
        }
    });
}

/// One option on the options slide: name, kind, rank and score, NPSV, description.
fn card(
    ui: &mut Ui,
    o: &crate::model::DeliveryOption,
    res: &crate::model::OptionResult,
    colour: egui::Color32,
    width: f32,
    apply_ob: bool,
) {
    ui.set_width(width);
    ui.label(RichText::new(&o.name).heading().color(colour).strong());
    // The model's name, unless the option's own name already says it.
    if o.kind.label() != o.name {
        ui.weak(o.kind.label());
    }
    ui.add_space(4.0);
    let rank = RichText::new(format!(
        "{} · scores {:.1}",
        ordinal(res.rank),
        res.weighted_score
    ))
    .strong();
    ui.label(if res.rank == 1 {
        rank.color(colour)
    } else {
        rank
    });
    if o.kind != crate::model::OptionKind::BusinessAsUsual {
        ui.label(format!("NPSV {}", gbp(res.headline(apply_ob).npsv_gbp)));
    }
    ui.add_space(4.0);
    ui.label(&o.description);
}
