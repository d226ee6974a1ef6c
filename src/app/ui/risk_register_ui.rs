//! An option's optimism and risk on its card: a capital uplift apart from the operating one,
//! with the guidance's figures; the benefits shortfall; the risk register (each risk's
//! description, chance, cost if it happens, years and mitigation); the optimism-bias points
//! its costed risks take off; and the shared drivers its uncertain figures move with.

use eframe::egui::{self, RichText, Ui};

use super::widgets::{RangeView, estimate_money_field, number_slider, section};
use crate::model::format::gbp;
use crate::model::robustness::fast::Input;
use crate::model::validate::MAX_OPTIMISM_BIAS_PCT;
use crate::model::{DeliveryOption, Estimate, OptionKind, Risk};
use crate::words::{glossary, inputs};

/// The figures whose range a shared driver can tie across options.
const DRIVEN: [Input; 3] = [
    Input::RunningCost,
    Input::TransitionCost,
    Input::MonetisedSocialValue,
];

pub fn risk_register_ui(
    ui: &mut Ui,
    option: &mut DeliveryOption,
    period_years: u32,
    view: RangeView,
) {
    section(ui, "Risks");
    let last_year = period_years.max(1) - 1;
    let mut remove = None;
    for (k, risk) in option.cost.risks.iter_mut().enumerate() {
        ui.push_id(("risk", k), |ui| {
            ui.label(format!("Risk {}", k + 1));
            // Multi-line so a whole description wraps into view rather than scrolling away.
            ui.add(
                egui::TextEdit::multiline(&mut risk.description)
                    .desired_rows(1)
                    .hint_text("What could go wrong, e.g. Volunteers fall away")
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(format!("Risk {} description", k + 1));
            if risk.description.trim().is_empty() {
                ui.label(
                    RichText::new(inputs::RISK_NEEDS_DESCRIPTION)
                        .color(super::palette::warning_text(ui.visuals())),
                );
            }
            let name = if risk.description.trim().is_empty() {
                format!("risk {}", k + 1)
            } else {
                risk.description.trim().to_string()
            };
            ui.horizontal_wrapped(|ui| {
                ui.label("Chance it happens")
                    .on_hover_text(glossary::RISK_CHANCE);
                ui.add(
                    egui::DragValue::new(&mut risk.probability_pct)
                        .range(0.0..=100.0)
                        .speed(1.0)
                        .suffix("%")
                        .fixed_decimals(0),
                )
                .on_hover_text(glossary::RISK_CHANCE)
                .accessible_name(format!("Chance of {name}"));
                ui.label("once, cost spread over years")
                    .on_hover_text(glossary::RISK_CHANCE);
                ui.add(egui::DragValue::new(&mut risk.first_year).range(0..=last_year))
                    .accessible_name(format!("First year of {name}"));
                ui.label("to");
                ui.add(
                    egui::DragValue::new(&mut risk.last_year).range(risk.first_year..=last_year),
                )
                .accessible_name(format!("Last year of {name}"));
            });
            estimate_money_field(
                ui,
                "Cost if it happens",
                &format!("Cost if {name} happens"),
                &mut risk.impact_gbp,
                view,
            );
            ui.label("Mitigation");
            ui.add(
                egui::TextEdit::multiline(&mut risk.mitigation)
                    .desired_rows(1)
                    .hint_text("How it is managed")
                    .desired_width(f32::INFINITY),
            )
            .accessible_name(format!("Mitigation of {name}"));
            ui.horizontal_wrapped(|ui| {
                ui.label(inputs::risk_expected(
                    risk.probability_pct,
                    &gbp(risk.impact_gbp.likely),
                    &gbp(risk.expected_cost_gbp()),
                ));
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove {name}"))
                    .clicked()
                {
                    remove = Some(k);
                }
            });
            ui.add_space(4.0);
        });
    }
    if let Some(k) = remove {
        option.cost.risks.remove(k);
    }
    if ui
        .button("+ Add a risk")
        .on_hover_text(glossary::RISK)
        .accessible_name(format!("Add a risk to {}", option.name))
        .clicked()
    {
        let year = option.cost.go_live_year.min(last_year);
        option.cost.risks.push(Risk {
            description: String::new(),
            probability_pct: 10.0,
            impact_gbp: Estimate::new(0.0),
            first_year: year,
            last_year: year,
            mitigation: String::new(),
        });
    }
    if option.kind != OptionKind::BusinessAsUsual {
        optimism_bias_reduction_ui(ui, option);
    }
    if view == RangeView::Edit {
        drivers_ui(ui, option);
    }
}

/// The points of optimism bias the costed risks take off, and why.
fn optimism_bias_reduction_ui(ui: &mut Ui, option: &mut DeliveryOption) {
    let full = option.cost.optimism_bias_pct.likely;
    let c = &mut option.cost;
    ui.horizontal_wrapped(|ui| {
        ui.label("Optimism bias taken off for costed risks");
        ui.add(
            egui::DragValue::new(&mut c.optimism_bias_reduction_pct)
                .range(0.0..=full.max(0.0))
                .speed(0.5)
                .suffix(" points")
                .fixed_decimals(0),
        )
        .on_hover_text(glossary::OPTIMISM_BIAS_REDUCTION)
        .accessible_name("Optimism bias taken off for costed risks");
    });
    if c.optimism_bias_reduction_pct > 0.0 {
        ui.add(
            egui::TextEdit::multiline(&mut c.optimism_bias_reduction_reason)
                .desired_rows(1)
                .hint_text("Why: which costed risks stand in for it")
                .desired_width(f32::INFINITY),
        )
        .accessible_name("Reason for taking optimism bias off");
    }
    ui.label(inputs::reduced_optimism_bias(
        full,
        c.optimism_bias_reduction_pct,
    ));
}

/// The shared driver each uncertain figure moves with, typed as a name.
fn drivers_ui(ui: &mut Ui, option: &mut DeliveryOption) {
    ui.label("Shared drivers (figures that move together in the robustness draws)")
        .on_hover_text(glossary::SHARED_DRIVER);
    for input in DRIVEN {
        let mut name = option.drivers.get(input.key()).cloned().unwrap_or_default();
        ui.horizontal(|ui| {
            let label = format!("Its {} moves with", input.label());
            ui.label(&label);
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut name)
                        .hint_text("e.g. Pay award")
                        .desired_width(160.0),
                )
                .on_hover_text(glossary::SHARED_DRIVER)
                .accessible_name(label);
            if response.changed() {
                if name.trim().is_empty() {
                    option.drivers.remove(input.key());
                } else {
                    option.drivers.insert(input.key().to_string(), name);
                }
            }
        });
    }
}

/// The supplementary guidance's capital uplifts, as a council officer picks them.
const CAPITAL_PRESETS: [(&str, f64); 3] = [
    ("Standard buildings", 24.0),
    ("Non-standard buildings", 51.0),
    ("Equipment and development", 200.0),
];

/// Under the optimism-bias slider: a separate uplift for one-off costs, and the share of
/// social value that may not materialise.
pub fn capital_and_benefits_ui(ui: &mut Ui, option: &mut DeliveryOption) {
    let c = &mut option.cost;
    let mut separate = c.capital_optimism_bias_pct.is_some();
    if ui
        .checkbox(
            &mut separate,
            "A separate uplift for one-off costs (capital)",
        )
        .on_hover_text(glossary::CAPITAL_OPTIMISM_BIAS)
        .changed()
    {
        // Starts at the running cost's figure, so ticking alone changes no result.
        c.capital_optimism_bias_pct = separate.then_some(c.optimism_bias_pct.likely);
    }
    if let Some(pct) = c.capital_optimism_bias_pct.as_mut() {
        ui.horizontal_wrapped(|ui| {
            for (name, value) in CAPITAL_PRESETS {
                if ui
                    .selectable_label(*pct == value, format!("{name} {value:.0}%"))
                    .on_hover_text(glossary::OPTIMISM_BIAS_SOURCE)
                    .clicked()
                {
                    *pct = value;
                }
            }
        });
        number_slider(
            ui,
            "Optimism bias on one-off costs",
            pct,
            0.0..=MAX_OPTIMISM_BIAS_PCT,
            1.0,
            "%",
        );
        // The source where the guidance's figures are picked, once per card.
        ui.label(inputs::OPTIMISM_BIAS_SOURCE_LINE)
            .on_hover_text(glossary::OPTIMISM_BIAS_SOURCE);
    }
    number_slider(
        ui,
        "Benefits shortfall (% of its social value)",
        &mut c.benefits_shortfall_pct,
        0.0..=100.0,
        1.0,
        "%",
    )
    .on_hover_text(glossary::BENEFITS_SHORTFALL);
}
