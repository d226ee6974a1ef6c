//! The main screen: weights and settings on the left, the option cards side by side in the
//! middle, and the live results (ranking and charts) along the bottom. Panels draw the
//! state they are given and return what the user asked for; the app carries it out.

pub mod charts_ui;
pub mod dialogs_ui;
pub mod menu_ui;
pub mod option_card_ui;
pub mod palette;
pub mod plot;
pub mod presentation_ui;
pub mod results_ui;
pub mod robustness_ui;
pub mod status_ui;
pub mod weights_ui;
pub mod widgets;
pub mod workshop_ui;

use eframe::egui::{self, Ui};

use crate::app::robustness_state::RobustnessState;
use crate::model::{Appraisal, InvalidAppraisal, Results};
use option_card_ui::{CardResults, SliderRanges, option_card_ui};
use weights_ui::{WeightsAction, WeightsPanelState};
use workshop_ui::{WorkshopAction, WorkshopPanelState};

/// The panels' own state, kept between frames: not part of the appraisal.
#[derive(Default)]
pub struct ViewState {
    pub weights_panel: WeightsPanelState,
    pub workshop_panel: WorkshopPanelState,
    /// The Results tab showing.
    pub chart: charts_ui::Chart,
    /// The criterion whose weight the sweep chart moves.
    pub sweep_criterion: usize,
}

/// What the main view draws beyond the appraisal and its results.
pub struct MainViewInputs<'a> {
    /// Money sliders' ends, fixed for the length of a drag.
    pub ranges: SliderRanges,
    pub robustness: &'a RobustnessState,
    pub show_ranges: bool,
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

pub fn main_view_ui(
    ui: &mut Ui,
    appraisal: &mut Appraisal,
    results: &Result<Results, InvalidAppraisal>,
    view: &mut ViewState,
    inputs: &MainViewInputs<'_>,
) -> FrameActions {
    let mut actions = FrameActions::default();
    egui::Panel::left("weights_panel")
        .resizable(true)
        .default_size(255.0)
        .min_size(210.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                // While a group enters its weights, its sliders are the only ones in the
                // panel: the appraisal's own weights cannot be moved by mistake.
                let entering = view
                    .workshop_panel
                    .entering
                    .filter(|&k| k < appraisal.groups.len());
                if entering.is_some() {
                    ui.heading("Workshop: stakeholder groups");
                    ui.small(
                        "The appraisal's own weights are put aside while a group enters its \
                         weights; Done brings them back.",
                    );
                    ui.add_space(6.0);
                    let asked = workshop_ui::workshop_ui(ui, appraisal, &mut view.workshop_panel);
                    actions.workshop.extend(asked);
                    return;
                }
                let asked = weights_ui::weights_ui(ui, appraisal, &mut view.weights_panel);
                actions.weights.extend(asked);
                ui.add_space(10.0);
                egui::CollapsingHeader::new("Workshop: stakeholder groups")
                    .default_open(!appraisal.groups.is_empty())
                    .show(ui, |ui| {
                        let asked =
                            workshop_ui::workshop_ui(ui, appraisal, &mut view.workshop_panel);
                        actions.workshop.extend(asked);
                    });
                egui::CollapsingHeader::new("Settings and details")
                    .default_open(false)
                    .show(ui, |ui| weights_ui::settings_ui(ui, appraisal));
            });
        });

    // The results were worked out from this frame's inputs before they are drawn, so what
    // the user drags shows up in the same frame.
    egui::Panel::bottom("results_panel")
        // A fixed share of the window: a panel sized by its own plots would grow each frame.
        .resizable(false)
        .exact_size((ui.ctx().content_rect().height() * 0.4).clamp(250.0, 440.0))
        .show(ui, |ui| {
            ui.add_space(4.0);
            match results {
                Ok(results) => {
                    // The chart gets a fixed share on the right; the table scrolls if it
                    // needs more room than is left.
                    let chart_width = (ui.available_width() * 0.38).max(320.0);
                    egui::Panel::right("chart_panel")
                        .resizable(false)
                        .exact_size(chart_width)
                        .show(ui, |ui| {
                            charts_ui::chart_tabs_ui(ui, &mut view.chart);
                            actions.chart_rect = Some(charts_ui::chart_ui(
                                ui,
                                view.chart,
                                &*appraisal,
                                results,
                                inputs.robustness,
                                &mut view.sweep_criterion,
                            ));
                        });
                    egui::CentralPanel::default().show(ui, |ui| {
                        let width = ui.available_width();
                        egui::ScrollArea::both()
                            .id_salt("ranking_scroll")
                            .max_width(width)
                            .auto_shrink([false, false])
                            .show(ui, |ui| {
                                ui.heading("Ranking");
                                results_ui::preferred_ui(ui, &*appraisal, results);
                                robustness_ui::fragile_ui(
                                    ui,
                                    &*appraisal,
                                    results,
                                    inputs.robustness,
                                    false,
                                );
                                results_ui::ranking_ui(ui, &*appraisal, results);
                            });
                    });
                }
                Err(invalid) => {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| results_ui::problems_ui(ui, invalid));
                }
            }
        });

    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(&appraisal.meta.title);
            if !appraisal.meta.council.is_empty() {
                ui.label(format!("· {}", appraisal.meta.council));
            }
        });
        let n = appraisal.options.len().max(1) as f32;
        let spacing = ui.spacing().item_spacing.x;
        let card_width =
            ((ui.available_width() - spacing * (n - 1.0) - 24.0) / n).max(MIN_CARD_WIDTH);
        let criteria = appraisal.criteria.clone();
        let apply_ob = appraisal.settings.apply_optimism_bias;
        let period_years = appraisal.settings.appraisal_period_years;
        egui::ScrollArea::both().id_salt("cards").show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for (i, option) in appraisal.options.iter_mut().enumerate() {
                    let shown = CardResults {
                        result: results.as_ref().ok().map(|r| &r.options[i]),
                        apply_optimism_bias: apply_ob,
                        period_years,
                        show_ranges: inputs.show_ranges,
                    };
                    ui.push_id(("card", i), |ui| {
                        ui.vertical(|ui| {
                            // The card's frame adds its margin and stroke outside this width.
                            ui.set_width(card_width - CARD_FRAME_WIDTH);
                            option_card_ui(ui, option, &criteria, &inputs.ranges, &shown);
                        });
                    });
                }
            });
        });
    });
    actions
}
