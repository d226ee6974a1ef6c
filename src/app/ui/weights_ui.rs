//! The weights panel: one swing-weight slider per criterion with its normalised share, and
//! adding, renaming and removing the extra criteria. Also the appraisal's settings.

use eframe::egui::{self, Ui};

use super::widgets::number_slider;
use crate::model::Results;
use crate::model::mca::{normalise_weights, swing};
use crate::model::validate::{MAX_DRAWS, MAX_PERIOD_YEARS, MIN_DRAWS};
use crate::model::{Appraisal, Measure, RateBand, Scale, WeightBounds};
use crate::words::scales::swing_line;
use crate::words::{glossary, method};

/// What the panel asks the app to do beyond editing values in place.
#[derive(Debug, Clone, PartialEq)]
pub enum WeightsAction {
    AddCriterion(String),
    RemoveCriterion(String),
}

/// Panel-local state: the name being typed for a new criterion.
#[derive(Default)]
pub struct WeightsPanelState {
    pub new_criterion_name: String,
}

/// Limits on one criterion's weight in the robustness draws, as a workshop agreed them.
fn weight_bounds_ui(
    ui: &mut Ui,
    name: &str,
    bounds: Option<&mut WeightBounds>,
) -> Option<Option<WeightBounds>> {
    let mut limited = bounds.is_some();
    let toggled = ui
        .checkbox(&mut limited, "Limit this weight in the robustness draws")
        .changed();
    if toggled {
        return Some(limited.then_some(WeightBounds {
            min_share: 0.0,
            max_share: 1.0,
        }));
    }
    if let Some(b) = bounds {
        ui.horizontal_wrapped(|ui| {
            ui.label("between");
            for (end, value) in [("lowest", &mut b.min_share), ("highest", &mut b.max_share)] {
                let mut pct = *value * 100.0;
                ui.add(
                    egui::DragValue::new(&mut pct)
                        .range(0.0..=100.0)
                        .speed(0.5)
                        .fixed_decimals(0)
                        .suffix("%"),
                )
                .accessible_name(format!("{name} {end} share of the decision"));
                *value = pct / 100.0;
                if end == "lowest" {
                    ui.label("and");
                }
            }
            ui.label("of the decision");
        });
    }
    None
}

pub fn weights_ui(
    ui: &mut Ui,
    appraisal: &mut Appraisal,
    results: Option<&Results>,
    state: &mut WeightsPanelState,
) -> Vec<WeightsAction> {
    let mut actions = Vec::new();
    ui.heading("Weights").on_hover_text(glossary::SWING_WEIGHT);
    ui.label("Give the criterion whose swing from worst to best matters most 100, and the others a number relative to it.");
    if results.is_none() {
        ui.label(crate::words::scales::SWING_WAITS);
    }
    let swing_weights: Vec<f64> = appraisal.criteria.iter().map(|c| c.swing_weight).collect();
    let normalised = normalise_weights(&swing_weights);
    let swing_lines: Vec<String> = (0..appraisal.criteria.len())
        .map(|j| results.map_or_else(String::new, |r| swing_line(appraisal, r, j)))
        .collect();
    for (j, (criterion, share)) in appraisal.criteria.iter_mut().zip(normalised).enumerate() {
        ui.push_id(("weight", j), |ui| {
            ui.add_space(4.0);
            let label = format!("{} — {:.0}% of the decision", criterion.name, share * 100.0);
            number_slider(
                ui,
                &label,
                &mut criterion.swing_weight,
                0.0..=100.0,
                1.0,
                "",
            )
            .on_hover_text(if criterion.description.is_empty() {
                glossary::SWING_WEIGHT.to_string()
            } else {
                format!("{}\n\n{}", criterion.description, glossary::SWING_WEIGHT)
            });
            // The bar shows the share at a glance, as the sketch of the screen asks.
            let (rect, bar) = ui
                .allocate_exact_size(egui::vec2(ui.available_width(), 6.0), egui::Sense::hover());
            // Not a second slider: say what it is to whoever points at it.
            bar.on_hover_text(crate::words::scales::share_bar(&criterion.name, share));
            ui.painter()
                .rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
            let mut filled = rect;
            filled.set_width(rect.width() * share as f32);
            ui.painter()
                .rect_filled(filled, 2.0, ui.visuals().selection.bg_fill);
            // A swing weight cannot be set honestly without seeing the swing it weighs.
            if !swing_lines[j].is_empty() {
                ui.label(&swing_lines[j]).on_hover_text(match criterion.scale {
                    Scale::Local => glossary::LOCAL_SCALE,
                    Scale::Fixed { .. } => glossary::FIXED_SCALE,
                });
            }
            let local_swing = results
                .filter(|_| criterion.scale == Scale::Local)
                .and_then(|r| {
                    let raw: Vec<f64> = r.options.iter().map(|o| o.raw_values[j]).collect();
                    swing(&raw, criterion.measure.higher_is_better())
                })
                .filter(|s| s.worst_raw != s.best_raw);
            if let Some(s) = local_swing
                && ui
                    .small_button("Fix this scale at these ends")
                    .on_hover_text(
                        "Scores stay where they are now, and no longer move when another option changes (a fixed scale).",
                    )
                    .accessible_name(format!("Fix the {} scale", criterion.name))
                    .clicked()
            {
                criterion.scale = Scale::Fixed {
                    worst: s.worst_raw,
                    best: s.best_raw,
                };
            }
        });
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new("Criteria: names, scales, remove")
        .id_salt("criteria_details")
        .show(ui, |ui| {
            let bounds = &mut appraisal.settings.robustness.weight_bounds;
            for criterion in &mut appraisal.criteria {
                ui.push_id(criterion.id.clone(), |ui| {
                    ui.strong(&criterion.name);
                    criterion_details_ui(ui, criterion, &mut actions);
                    if let Some(change) =
                        weight_bounds_ui(ui, &criterion.name, bounds.get_mut(&criterion.id))
                    {
                        match change {
                            Some(b) => bounds.insert(criterion.id.clone(), b),
                            None => bounds.remove(&criterion.id),
                        };
                    }
                    ui.separator();
                });
            }
        });
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut state.new_criterion_name)
                    .hint_text("e.g. Democratic control")
                    .desired_width(ui.available_width() - 70.0),
            )
            .accessible_name("New criterion name");
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button("+ Add").clicked() || enter) && !state.new_criterion_name.trim().is_empty() {
            actions.push(WeightsAction::AddCriterion(
                state.new_criterion_name.trim().to_string(),
            ));
            state.new_criterion_name.clear();
        }
    });
    actions
}

fn criterion_details_ui(
    ui: &mut Ui,
    criterion: &mut crate::model::Criterion,
    actions: &mut Vec<WeightsAction>,
) {
    let is_extra = matches!(criterion.measure, Measure::Rating { .. });
    if is_extra {
        ui.add(egui::TextEdit::singleline(&mut criterion.name).desired_width(f32::INFINITY))
            .accessible_name(format!("Rename criterion {}", criterion.id));
        if let Measure::Rating { higher_is_better } = &mut criterion.measure {
            ui.checkbox(higher_is_better, "Higher is better");
        }
    }
    if criterion.measure.is_money() {
        money_measure_ui(ui, criterion);
    }
    let mut fixed = matches!(criterion.scale, Scale::Fixed { .. });
    ui.horizontal(|ui| {
        ui.radio_value(&mut fixed, false, "Local scale")
            .on_hover_text("Worst option scores 0, best 100. Scores move if an option changes.");
        ui.radio_value(&mut fixed, true, "Fixed scale")
            .on_hover_text(
                "You set the values that score 0 and 100. Scores stay put when options change.",
            );
    });
    match (&mut criterion.scale, fixed) {
        (Scale::Local, true) => {
            criterion.scale = match criterion.measure {
                // A cost scale from a generous worst down to nothing, in £.
                Measure::WholeLifeCost => Scale::Fixed {
                    worst: 100_000_000.0,
                    best: 0.0,
                },
                // From no better than business as usual up to a generous £10m, in £.
                Measure::Npsv => Scale::Fixed {
                    worst: 0.0,
                    best: 10_000_000.0,
                },
                m if m.higher_is_better() => Scale::Fixed {
                    worst: 0.0,
                    best: 10.0,
                },
                _ => Scale::Fixed {
                    worst: 10.0,
                    best: 0.0,
                },
            }
        }
        (Scale::Fixed { .. }, false) => criterion.scale = Scale::Local,
        _ => {}
    }
    if let Scale::Fixed { worst, best } = &mut criterion.scale {
        ui.horizontal(|ui| {
            ui.label("Scores 0 at");
            ui.add(egui::DragValue::new(worst).speed(0.1))
                .accessible_name(format!("{} fixed scale worst", criterion.name));
            ui.label("and 100 at");
            ui.add(egui::DragValue::new(best).speed(0.1))
                .accessible_name(format!("{} fixed scale best", criterion.name));
        });
    }
    if is_extra && ui.button(format!("Remove {}", criterion.name)).clicked() {
        actions.push(WeightsAction::RemoveCriterion(criterion.id.clone()));
    }
}

fn robustness_settings_ui(ui: &mut Ui, r: &mut crate::model::RobustnessSettings) {
    use crate::model::WeightInformation;
    ui.strong("Robustness");
    ui.label("Weights the robustness draws try:");
    ui.radio_value(
        &mut r.weight_information,
        WeightInformation::RankedSwingWeights,
        "Those that keep the criteria's order of importance (recommended)",
    );
    ui.radio_value(
        &mut r.weight_information,
        WeightInformation::AnyWeights,
        "Any weights at all",
    );
    ui.label(crate::words::robustness::weight_information_line(
        r.weight_information,
        !r.weight_bounds.is_empty(),
    ));
    let mut draws = f64::from(r.draws);
    ui.label("Draws (10,000 keeps acceptabilities within ±0.01)");
    ui.add(
        egui::DragValue::new(&mut draws)
            .range(f64::from(MIN_DRAWS)..=f64::from(MAX_DRAWS))
            .speed(100.0),
    )
    .accessible_name("Draws");
    r.draws = draws as u32;
    ui.label("Seed (the same seed gives the same figures)");
    ui.add(egui::DragValue::new(&mut r.seed).speed(1.0))
        .accessible_name("Seed");
    ui.label("Call a lead fragile if another option takes it…");
    let mut points = r.fragile_weight_change_share * 100.0;
    number_slider(
        ui,
        "…within this change of one weight (points of the decision)",
        &mut points,
        0.0..=20.0,
        1.0,
        "",
    );
    r.fragile_weight_change_share = points / 100.0;
    let mut share = r.fragile_acceptability_share * 100.0;
    number_slider(
        ui,
        "…or if it is first in fewer than",
        &mut share,
        0.0..=100.0,
        1.0,
        "% of weightings",
    );
    r.fragile_acceptability_share = share / 100.0;
    let mut input = r.fragile_input_change_fraction * 100.0;
    number_slider(
        ui,
        "…or if a money input moves less than",
        &mut input,
        0.0..=50.0,
        1.0,
        "%",
    );
    r.fragile_input_change_fraction = input / 100.0;
}

pub fn settings_ui(ui: &mut Ui, appraisal: &mut Appraisal) {
    let settings = &mut appraisal.settings;
    let mut period = f64::from(settings.appraisal_period_years);
    number_slider(
        ui,
        "Appraisal period (years)",
        &mut period,
        1.0..=60.0,
        1.0,
        "",
    );
    settings.appraisal_period_years = period.round().clamp(1.0, f64::from(MAX_PERIOD_YEARS)) as u32;
    ui.checkbox(
        &mut settings.apply_optimism_bias,
        "Apply optimism bias to the ranking",
    )
    .on_hover_text("Both figures are always shown; this chooses which one ranks the options.");
    ui.label("Discount rates (HM Treasury STPR by default)");
    let bands_in_period: Vec<usize> = settings
        .discount
        .bands
        .iter()
        .enumerate()
        .filter(|(_, b)| b.from_year < settings.appraisal_period_years)
        .map(|(i, _)| i)
        .collect();
    for i in bands_in_period {
        let band: &mut RateBand = &mut settings.discount.bands[i];
        let label = format!("Rate from year {}", band.from_year);
        number_slider(ui, &label, &mut band.rate_pct, 0.0..=10.0, 0.1, "%");
    }
    if ui.button("Reset to Green Book rates").clicked() {
        settings.discount = Default::default();
    }
    super::finance_ui::discount_schedules_ui(ui, settings);
    ui.separator();
    robustness_settings_ui(ui, &mut settings.robustness);
}

/// The appraisal's own details, where a new user looks first: under its title.
pub fn details_ui(ui: &mut Ui, appraisal: &mut Appraisal) {
    let meta = &mut appraisal.meta;
    egui::Grid::new("appraisal_details")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (label, value) in [
                ("Title", &mut meta.title),
                ("Council", &mut meta.council),
                ("Service", &mut meta.service),
                ("Prepared by", &mut meta.author),
                ("Date", &mut meta.date),
            ] {
                ui.label(label);
                ui.add(egui::TextEdit::singleline(value).desired_width(260.0))
                    .accessible_name(label);
                ui.end_row();
            }
            ui.label("Price base year");
            ui.add(
                egui::DragValue::new(&mut meta.price_base_year)
                    .range(1990..=2100)
                    .speed(0.2),
            )
            .on_hover_text(
                "All money is in this year's prices (real terms); it is year 0 of the appraisal.",
            )
            .accessible_name("Price base year");
            ui.end_row();
            ui.label("Purpose");
            ui.add(
                egui::TextEdit::multiline(&mut meta.purpose)
                    .desired_rows(2)
                    .desired_width(260.0),
            )
            .accessible_name("Purpose");
            ui.end_row();
        });
}

/// The choice of how money enters the ranking, with the method sentence that says what it
/// means, so the room sees why monetised social value does or does not move the rank.
fn money_measure_ui(ui: &mut Ui, criterion: &mut crate::model::Criterion) {
    let mut measure = criterion.measure;
    ui.label("Money enters the ranking as:");
    ui.radio_value(
        &mut measure,
        Measure::Npsv,
        "Net present social value (NPSV)",
    )
    .on_hover_text(glossary::NPSV);
    ui.radio_value(&mut measure, Measure::WholeLifeCost, "Whole-life cost")
        .on_hover_text(glossary::WHOLE_LIFE_COST);
    criterion.set_money_measure(measure);
    ui.label(
        egui::RichText::new(method::money_in_ranking(criterion.measure, &criterion.name)).weak(),
    );
}
