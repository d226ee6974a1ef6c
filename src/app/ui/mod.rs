//! The main screen: weights and settings on the left, the option cards side by side in the
//! middle, and the live results (ranking and charts) along the bottom. Panels draw the
//! state they are given and return what the user asked for; the app carries it out.

pub mod charts_ui;
pub mod dialogs_ui;
pub mod finance_ui;
pub mod head_to_head_ui;
pub mod menu_ui;
pub mod option_card_ui;
pub mod palette;
pub mod plot;
pub mod presentation_ui;
pub mod results_ui;
pub mod risk_register_ui;
pub mod robustness_ui;
pub mod slider;
pub mod status_ui;
pub mod unseen;
pub mod weights_ui;
pub mod widgets;
pub mod workshop_ui;
pub mod year_by_year_ui;

use eframe::egui::{self, Ui};

use crate::app::robustness_state::RobustnessState;
use crate::model::{Appraisal, InvalidAppraisal, Results};
use option_card_ui::{CardResults, SliderRanges, option_card_ui};
use weights_ui::{WeightsAction, WeightsPanelState};
use workshop_ui::{WorkshopAction, WorkshopPanelState};

/// The panels' own state, kept between frames: not part of the appraisal.
pub struct ViewState {
    pub weights_panel: WeightsPanelState,
    pub workshop_panel: WorkshopPanelState,
    /// The Results tab showing.
    pub chart: charts_ui::Chart,
    /// The charts' own choices: the swept criterion, the two options compared head to head.
    pub charts: charts_ui::ChartChoices,
    /// The weights panel's width, kept between runs in the preferences.
    pub weights_panel_width: f32,
    /// The appraisal's details are showing (they open on a new appraisal, to be filled in).
    pub details_open: bool,
    /// A card asked for from the options strip, to be scrolled into view.
    pub scroll_to_card: Option<usize>,
    /// In a window too narrow for the ranking and a chart side by side, the chart shows.
    pub narrow_shows_chart: bool,
    /// The money sliders' spans for the open document; they only widen (see `SliderRanges`).
    pub slider_ranges: Option<option_card_ui::SliderRanges>,
    /// The option whose year-by-year figures are open in their own window.
    pub year_by_year: Option<usize>,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            weights_panel: WeightsPanelState::default(),
            workshop_panel: WorkshopPanelState::default(),
            chart: charts_ui::Chart::default(),
            charts: charts_ui::ChartChoices::default(),
            weights_panel_width: WEIGHTS_PANEL_DEFAULT,
            details_open: false,
            scroll_to_card: None,
            narrow_shows_chart: false,
            slider_ranges: None,
            year_by_year: None,
        }
    }
}

/// What the main view draws beyond the appraisal and its results.
pub struct MainViewInputs<'a> {
    /// Money sliders' ends, fixed for the length of a drag.
    pub ranges: SliderRanges,
    pub robustness: &'a RobustnessState,
    pub show_ranges: bool,
    /// Why scores moved that their options' figures did not (local scales re-anchoring).
    pub rescaled: &'a [String],
}

/// Everything the panels asked for in one frame.
#[derive(Default)]
pub struct FrameActions {
    pub menu: Vec<menu_ui::MenuAction>,
    pub weights: Vec<WeightsAction>,
    pub workshop: Vec<WorkshopAction>,
    pub presentation: Vec<presentation_ui::PresentationAction>,
    /// Where the chart was drawn this frame, for PNG export.
    pub chart_rect: Option<egui::Rect>,
}

impl FrameActions {
    pub fn extend(&mut self, other: FrameActions) {
        self.menu.extend(other.menu);
        self.weights.extend(other.weights);
        self.workshop.extend(other.workshop);
        self.presentation.extend(other.presentation);
        self.chart_rect = other.chart_rect.or(self.chart_rect);
    }
}

/// Narrowest a card may get before the row scrolls sideways.
const MIN_CARD_WIDTH: f32 = 215.0;
const CARD_FRAME_WIDTH: f32 = 24.0;
/// The weights panel: never narrower than its sliders need, never more than a third of the
/// window (so the cards and the results always keep most of it).
pub const WEIGHTS_PANEL_MIN: f32 = 230.0;
pub const WEIGHTS_PANEL_DEFAULT: f32 = 280.0;
/// The narrowest the ranking and a chart are drawn side by side.
const RANKING_MIN_WIDTH: f32 = 520.0;
const CHART_MIN_WIDTH: f32 = 340.0;

/// The widest the weights panel may be in a window `window_width` points wide.
pub fn weights_panel_max(window_width: f32) -> f32 {
    (window_width * 0.34).max(WEIGHTS_PANEL_MIN)
}

pub fn main_view_ui(
    ui: &mut Ui,
    appraisal: &mut Appraisal,
    results: &Result<Results, InvalidAppraisal>,
    view: &mut ViewState,
    inputs: &MainViewInputs<'_>,
) -> FrameActions {
    let mut actions = FrameActions::default();
    let missing = crate::model::completeness::missing_figures(appraisal);
    let max_left = weights_panel_max(ui.ctx().content_rect().width());
    let left = egui::Panel::left("weights_panel")
        .resizable(true)
        .default_size(view.weights_panel_width.clamp(WEIGHTS_PANEL_MIN, max_left))
        .size_range(WEIGHTS_PANEL_MIN..=max_left)
        .show(ui, |ui| {
            // Nothing inside may ask for more than the panel has: a panel sized by its own
            // contents grows a little every frame.
            ui.set_max_width(ui.available_width());
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // Swings measured against options still at £0 would mislead: none yet.
                    let swings_from = results.as_ref().ok().filter(|_| missing.is_empty());
                    left_panel_ui(ui, appraisal, swings_from, view, &mut actions);
                });
        });
    view.weights_panel_width = left.response.rect.width();

    // The results were worked out from this frame's inputs before they are drawn, so what
    // the user drags shows up in the same frame.
    egui::Panel::bottom("results_panel")
        // A fixed share of the window: a panel sized by its own plots would grow each frame.
        .resizable(false)
        .exact_size((ui.ctx().content_rect().height() * 0.42).clamp(250.0, 460.0))
        .show(ui, |ui| {
            ui.add_space(4.0);
            match results {
                Ok(results) => {
                    // Side by side when both fit at a readable width; else one at a time,
                    // chosen by tab, so neither is ever cut or drawn over the other.
                    let side_by_side = ui.available_width() >= RANKING_MIN_WIDTH + CHART_MIN_WIDTH;
                    let show_chart = !side_by_side && view.narrow_shows_chart;
                    if !side_by_side {
                        ui.horizontal(|ui| {
                            ui.selectable_value(&mut view.narrow_shows_chart, false, "Ranking")
                                .on_hover_text("The options in rank order, with every figure");
                            ui.selectable_value(&mut view.narrow_shows_chart, true, "Charts")
                                .on_hover_text("The charts of the results and the robustness");
                            ui.weak("(the window is narrow: one at a time)");
                        });
                    }
                    let chart_body = |ui: &mut Ui, view: &mut ViewState| {
                        charts_ui::chart_tabs_ui(ui, &mut view.chart);
                        charts_ui::chart_ui(
                            ui,
                            view.chart,
                            &*appraisal,
                            results,
                            inputs.robustness,
                            &mut view.charts,
                        )
                    };
                    // Explicit rects, each clipped to itself: nested panels let one side's
                    // contents paint over the other when they asked for more room.
                    let full = ui.available_rect_before_wrap();
                    let (ranking_rect, chart_rect) = if side_by_side {
                        let chart_width = (full.width() * 0.42).max(CHART_MIN_WIDTH);
                        let split = full.max.x - chart_width;
                        (
                            egui::Rect::from_min_max(full.min, egui::pos2(split - 6.0, full.max.y)),
                            Some(egui::Rect::from_min_max(
                                egui::pos2(split + 6.0, full.min.y),
                                full.max,
                            )),
                        )
                    } else if show_chart {
                        (egui::Rect::NOTHING, Some(full))
                    } else {
                        (full, None)
                    };
                    if let Some(rect) = chart_rect {
                        if side_by_side {
                            let x = rect.min.x - 6.0;
                            ui.painter().vline(
                                x,
                                rect.y_range(),
                                ui.visuals().widgets.noninteractive.bg_stroke,
                            );
                        }
                        ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                            ui.set_clip_rect(rect.intersect(ui.clip_rect()));
                            ui.set_max_width(rect.width());
                            actions.chart_rect = Some(chart_body(ui, view));
                        });
                    }
                    if ranking_rect.is_positive() {
                        ui.scope_builder(egui::UiBuilder::new().max_rect(ranking_rect), |ui| {
                            ui.set_clip_rect(ranking_rect.intersect(ui.clip_rect()));
                            let width = ui.available_width();
                            // Both ways: a table wider than its place scrolls, never spills.
                            egui::ScrollArea::both()
                                .id_salt("ranking_scroll")
                                .max_width(width)
                                .auto_shrink([false, false])
                                .show(ui, |ui| {
                                    ui.set_max_width(width);
                                    ui.heading("Ranking")
                                        .on_hover_text(crate::words::glossary::SCORE);
                                    results_ui::preferred_ui(ui, &*appraisal, results, &missing);
                                    if missing.is_empty() {
                                        robustness_ui::fragile_ui(
                                            ui,
                                            &*appraisal,
                                            results,
                                            inputs.robustness,
                                            false,
                                        );
                                    }
                                    for note in inputs.rescaled {
                                        ui.label(note)
                                            .on_hover_text(crate::words::glossary::LOCAL_SCALE);
                                    }
                                    results_ui::ranking_ui(ui, &*appraisal, results, &missing);
                                });
                        });
                    }
                    ui.advance_cursor_after_rect(full);
                }
                Err(invalid) => {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| results_ui::problems_ui(ui, invalid));
                }
            }
        });

    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading(&appraisal.meta.title);
            if !appraisal.meta.council.is_empty() {
                ui.label(format!("· {}", appraisal.meta.council));
            }
        });
        let toggle = if view.details_open {
            "About this appraisal (click to fold it away)"
        } else {
            "About this appraisal: title, council, service, date, price base year (click to edit)"
        };
        if ui
            .selectable_label(view.details_open, toggle)
            .on_hover_text("The appraisal's own details, as the reports print them")
            .clicked()
        {
            view.details_open = !view.details_open;
        }
        if view.details_open {
            weights_ui::details_ui(ui, appraisal);
        }
        if let Ok(results) = results {
            options_strip_ui(ui, appraisal, results, &missing, view);
        }
        cards_ui(ui, appraisal, results, view, inputs, &missing);
    });
    if let Some(index) = view.year_by_year {
        let mut open = true;
        year_by_year_ui::year_by_year_ui(ui.ctx(), appraisal, index, &mut open);
        if !open {
            view.year_by_year = None;
        }
    }
    actions
}

/// The weights, the workshop groups and the settings, down the left.
fn left_panel_ui(
    ui: &mut Ui,
    appraisal: &mut Appraisal,
    results: Option<&Results>,
    view: &mut ViewState,
    actions: &mut FrameActions,
) {
    // While a group enters its weights, its sliders are the only ones in the panel: the
    // appraisal's own weights cannot be moved by mistake.
    let entering = view
        .workshop_panel
        .entering
        .filter(|&k| k < appraisal.groups.len());
    if entering.is_some() {
        ui.heading("Workshop: stakeholder groups");
        ui.label(
            "The appraisal's own weights are put aside while a group enters its weights; \
             Done brings them back.",
        );
        ui.add_space(6.0);
        let asked = workshop_ui::workshop_ui(ui, appraisal, &mut view.workshop_panel);
        actions.workshop.extend(asked);
        return;
    }
    let asked = weights_ui::weights_ui(ui, appraisal, results, &mut view.weights_panel);
    actions.weights.extend(asked);
    ui.add_space(10.0);
    egui::CollapsingHeader::new("Workshop: stakeholder groups")
        .default_open(!appraisal.groups.is_empty())
        .show(ui, |ui| {
            let asked = workshop_ui::workshop_ui(ui, appraisal, &mut view.workshop_panel);
            actions.workshop.extend(asked);
        });
    egui::CollapsingHeader::new("Financial case settings")
        .id_salt("finance settings")
        .default_open(false)
        .show(ui, |ui| finance_ui::finance_settings_ui(ui, appraisal));
    egui::CollapsingHeader::new("Settings: period, discounting, robustness")
        .id_salt("settings")
        .default_open(false)
        .show(ui, |ui| weights_ui::settings_ui(ui, appraisal));
}

/// Every option's name and rank in one strip that always fits, above the cards (whose
/// bodies may scroll): clicking one brings its card into view.
fn options_strip_ui(
    ui: &mut Ui,
    appraisal: &Appraisal,
    results: &Results,
    missing: &[crate::model::completeness::Missing],
    view: &mut ViewState,
) {
    let complete = |i: usize| !missing.iter().any(|m| m.option == i);
    let mut order: Vec<usize> = (0..appraisal.options.len()).collect();
    order.sort_by_key(|&i| (!complete(i), results.options[i].rank, i));
    ui.horizontal_wrapped(|ui| {
        for i in order {
            let o = &appraisal.options[i];
            let r = &results.options[i];
            let text = if complete(i) && missing.is_empty() {
                format!(
                    "{} {} · {:.1}",
                    crate::model::format::ordinal(r.rank),
                    o.name,
                    r.weighted_score
                )
            } else if complete(i) {
                format!("{} · {:.1}", o.name, r.weighted_score)
            } else {
                format!("{} · incomplete", o.name)
            };
            widgets::wrap_for(ui, 12.0 + 4.0 + widgets::button_width(ui, &text));
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                widgets::swatch(ui, palette::option_colour(o.kind));
                if ui
                    .button(text)
                    .on_hover_text(format!("Show {}'s card", o.name))
                    .clicked()
                {
                    view.scroll_to_card = Some(i);
                }
            });
        }
    });
}

fn cards_ui(
    ui: &mut Ui,
    appraisal: &mut Appraisal,
    results: &Result<Results, InvalidAppraisal>,
    view: &mut ViewState,
    inputs: &MainViewInputs<'_>,
    missing: &[crate::model::completeness::Missing],
) {
    let n = appraisal.options.len().max(1) as f32;
    let spacing = ui.spacing().item_spacing.x;
    let card_width = ((ui.available_width() - spacing * (n - 1.0) - 24.0) / n).max(MIN_CARD_WIDTH);
    let criteria = appraisal.criteria.clone();
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let period_years = appraisal.settings.appraisal_period_years;
    let scroll_to = view.scroll_to_card.take();
    // Cards say years as financial years, as the financial case does.
    let appraisal_base_year = appraisal
        .settings
        .finance
        .first_year(appraisal.meta.price_base_year);
    let bau_real_growth_pct = appraisal
        .bau_index()
        .map_or(0.0, |b| appraisal.options[b].cost.real_growth_pct);
    let area_id = ui.scope_id().with("cards area");
    let last_area: Option<egui::Rect> = ui.data(|d| d.get_temp(area_id));
    // Keyboard focus in the cards draws every section, so Tab can reach each control.
    let cull_unseen = !last_area.is_some_and(|area| unseen::focus_inside(ui.ctx(), area));
    // Scroll bars always shown: a card past the edge must look like there is more.
    let shown_area = egui::ScrollArea::both()
        .id_salt("cards")
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for (i, option) in appraisal.options.iter_mut().enumerate() {
                    let shown = CardResults {
                        result: results.as_ref().ok().map(|r| &r.options[i]),
                        apply_optimism_bias: apply_ob,
                        period_years,
                        show_ranges: inputs.show_ranges,
                        complete: !missing.iter().any(|m| m.option == i),
                        all_complete: missing.is_empty(),
                        cull_unseen,
                        bau_real_growth_pct,
                        first_financial_year: appraisal_base_year,
                    };
                    let card = ui.push_id(("card", i), |ui| {
                        ui.vertical(|ui| {
                            // The card's frame adds its margin and stroke outside this width.
                            ui.set_width(card_width - CARD_FRAME_WIDTH);
                            if option_card_ui(ui, option, &criteria, &inputs.ranges, &shown)
                                == Some(option_card_ui::CardAsk::YearByYear)
                            {
                                view.year_by_year = Some(i);
                            }
                        });
                    });
                    if scroll_to == Some(i) {
                        ui.scroll_to_rect(card.response.rect, Some(egui::Align::Min));
                    }
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(area_id, shown_area.inner_rect));
}
