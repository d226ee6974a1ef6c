//! Presentation mode: full screen, large type, nothing to edit. One view at a time (the
//! options, the ranking with its warnings, then each chart), stepped with the arrow keys,
//! for a workshop round a projector.

use eframe::egui::{self, RichText, Ui};

use super::charts_ui::{Chart, chart_ui};
use super::palette::{option_colour, warning_text};
use super::widgets::swatch;
use super::{results_ui, robustness_ui};
use crate::app::robustness_state::RobustnessState;
use crate::model::completeness::Missing;
use crate::model::format::{gbp, ordinal};
use crate::model::{Appraisal, InvalidAppraisal, Results};

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
    slide_text(ui.style_mut(), 1.0);
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
    let missing = crate::model::completeness::missing_figures(view.appraisal);
    egui::CentralPanel::default().show(ui, |ui| match view.results {
        Err(invalid) => results_ui::problems_ui(ui, invalid),
        Ok(results) => match slide {
            Slide::Options => fit_to_slide(ui, "options", Across::Fills, |ui| {
                options_slide(ui, view.appraisal, results, &missing);
            }),
            Slide::Ranking => fit_to_slide(ui, "ranking", Across::Grows, |ui| {
                results_ui::preferred_ui(ui, view.appraisal, results, &missing);
                if missing.is_empty() {
                    robustness_ui::fragile_ui(ui, view.appraisal, results, view.robustness, true);
                }
                ui.add_space(8.0);
                results_ui::ranking_ui(ui, view.appraisal, results, &missing);
            }),
            Slide::Chart(Chart::Groups) => fit_to_slide(ui, "groups", Across::Grows, |ui| {
                frame.chart_rect = Some(chart_ui(
                    ui,
                    Chart::Groups,
                    view.appraisal,
                    results,
                    view.robustness,
                    &mut view.view.charts,
                ));
            }),
            Slide::Chart(chart) => {
                let on_slide = egui::UiBuilder::new()
                    .ui_stack_info(egui::UiStackInfo::default().with_tag(super::plot::SLIDE_TAG));
                frame.chart_rect = Some(
                    ui.scope_builder(on_slide, |ui| {
                        chart_ui(
                            ui,
                            chart,
                            view.appraisal,
                            results,
                            view.robustness,
                            &mut view.view.charts,
                        )
                    })
                    .inner,
                );
            }
        },
    });
    frame
}

/// The design size of a slide, in points: presentation mode zooms the window so this fills
/// the screen, whatever the screen and the user's own zoom.
pub const SLIDE_SIZE: egui::Vec2 = egui::vec2(1180.0, 660.0);

/// The zoom that makes a slide of `SLIDE_SIZE` fill a screen `unzoomed` points across
/// (points at zoom 1, after the system's own display scaling).
pub fn fitting_zoom(unzoomed: egui::Vec2) -> f32 {
    (unzoomed.x / SLIDE_SIZE.x)
        .min(unzoomed.y / SLIDE_SIZE.y)
        .clamp(0.5, 4.0)
}

/// Type sizes on a slide, before any shrinking to fit.
fn slide_text(style: &mut egui::Style, scale: f32) {
    use egui::{FontFamily, FontId, TextStyle};
    style.text_styles = [
        (TextStyle::Heading, 30.0),
        (TextStyle::Body, 21.0),
        (TextStyle::Button, 20.0),
        (TextStyle::Small, 18.0),
        (TextStyle::Monospace, 19.0),
    ]
    .into_iter()
    .map(|(text_style, size)| {
        let family = if text_style == TextStyle::Monospace {
            FontFamily::Monospace
        } else {
            FontFamily::Proportional
        };
        (text_style, FontId::new(size * scale, family))
    })
    .collect();
}

/// How a slide's contents use the width: filling it whatever the type size (cards sized
/// to the slide), or growing with the type (a table).
#[derive(Clone, Copy, PartialEq)]
enum Across {
    Fills,
    Grows,
}

/// Draws `add` with the slide's type, scaled (over a frame or two) to the largest size at
/// which it fits the space there is: every option, row and column stays on the slide, at any
/// screen size and zoom, and no slide is left with small type and empty space.
fn fit_to_slide(ui: &mut Ui, id: &str, across: Across, add: impl FnOnce(&mut Ui)) {
    let id = egui::Id::unique(("slide fit", id));
    let available = ui.available_rect_before_wrap();
    // The scale, and the smallest scale seen to overflow in this space: growth stays below
    // it, so a slide settles instead of swinging between too big and too small.
    let remembered: Option<(f32, f32, egui::Vec2)> = ui.data(|d| d.get_temp(id));
    let (scale, ceiling) = match remembered {
        Some((scale, ceiling, size)) if size == available.size() => (scale, ceiling),
        Some((scale, _, _)) => (scale, f32::INFINITY),
        None => (1.0, f32::INFINITY),
    };
    let used = ui
        .scope_builder(egui::UiBuilder::new().max_rect(available), |ui| {
            slide_text(ui.style_mut(), scale);
            ui.set_clip_rect(available.intersect(ui.clip_rect()));
            add(ui);
            ui.min_rect()
        })
        .inner;
    let over_h = used.height() / available.height().max(1.0);
    let over_w = used.width() / available.width().max(1.0);
    let over = over_h.max(over_w);
    // Contents that fill the width say nothing, by their width, about room to grow.
    let room = match across {
        Across::Fills => over_h,
        Across::Grows => over,
    };
    let (next, ceiling) = if over > 1.001 {
        // Text height scales with type size, so shrink in proportion, a little more.
        ((scale / over * 0.97).max(0.35), ceiling.min(scale))
    } else if room < 0.85 && scale < 1.0 {
        (
            (scale / room * 0.92)
                .min(1.0)
                .min(ceiling * 0.97)
                .max(scale),
            ceiling,
        )
    } else {
        (scale, ceiling)
    };
    if remembered.is_none_or(|(s, c, size)| s != next || c != ceiling || size != available.size()) {
        ui.data_mut(|d| d.insert_temp(id, (next, ceiling, available.size())));
    }
    if (next - scale).abs() > 0.005 {
        ui.ctx().request_repaint();
    }
}

/// Each option as a read-only card: what it is and where it stands. One row of cards when
/// they fit at a readable width, else two.
fn options_slide(ui: &mut Ui, appraisal: &Appraisal, results: &Results, missing: &[Missing]) {
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let n = appraisal.options.len().max(1);
    let spacing = ui.spacing().item_spacing.x;
    // A card needs about ten lines' height of width to read well at the type size in use.
    let readable = 10.0 * ui.text_style_height(&egui::TextStyle::Body);
    let columns = if ui.available_width() / n as f32 >= readable {
        n
    } else {
        n.div_ceil(2)
    };
    let width = (ui.available_width() - spacing * (columns as f32 - 1.0)) / columns as f32 - 20.0;
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (results.options[i].rank, i));
    for row in order.chunks(columns) {
        ui.horizontal_top(|ui| {
            for &i in row {
                let (o, res) = (&appraisal.options[i], &results.options[i]);
                let colour = option_colour(o.kind);
                let complete = !missing.iter().any(|m| m.option == i);
                egui::Frame::group(ui.style())
                    .stroke(egui::Stroke::new(3.0, colour))
                    .show(ui, |ui| {
                        // The row is horizontal; each card reads top to bottom.
                        ui.vertical(|ui| card(ui, o, res, width.max(120.0), apply_ob, complete));
                    });
            }
        });
    }
    if results.options.iter().filter(|o| o.rank == 1).count() > 1 && missing.is_empty() {
        ui.label(
            RichText::new("Two or more options tie for first place.")
                .color(warning_text(ui.visuals())),
        );
    }
}

/// One option on the options slide: name, kind, rank and score, NPSV, description.
fn card(
    ui: &mut Ui,
    o: &crate::model::DeliveryOption,
    res: &crate::model::OptionResult,
    width: f32,
    apply_ob: bool,
    complete: bool,
) {
    ui.set_width(width);
    // Wrapped: a long name takes two lines rather than widening the card off the slide.
    ui.horizontal_wrapped(|ui| {
        swatch(ui, option_colour(o.kind));
        // The option's colour is on its edge and swatch; its name is in the text colour.
        ui.label(RichText::new(&o.name).heading().strong());
    });
    // The model's name, unless the option's own name already says it.
    if !o.name.trim().eq_ignore_ascii_case(o.kind.label()) {
        ui.label(o.kind.label());
    }
    ui.add_space(4.0);
    if complete {
        ui.label(
            RichText::new(format!(
                "{} · scores {:.1}",
                ordinal(res.rank),
                res.weighted_score
            ))
            .strong(),
        );
    } else {
        ui.label(RichText::new("Incomplete").strong());
    }
    if o.kind != crate::model::OptionKind::BusinessAsUsual && complete {
        ui.label(format!("NPSV {}", gbp(res.headline(apply_ob).npsv_gbp)));
    }
    ui.add_space(4.0);
    ui.label(&o.description);
}
