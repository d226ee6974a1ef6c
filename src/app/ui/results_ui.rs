//! The ranking table: rank, weighted score and the money figures, preferred option first
//! and highlighted; or, when the inputs are invalid, the list of what to fix.

use eframe::egui::{self, RichText, Ui};

use super::palette::{WARNING, option_colour};
use super::widgets::short_name;
use crate::model::format::{bcr, gbp, payback};
use crate::model::{Appraisal, InvalidAppraisal, Results};

/// One line naming the preferred option and its headline figures.
pub fn preferred_ui(ui: &mut Ui, appraisal: &Appraisal, results: &Results) {
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let preferred = &appraisal.options[results.preferred];
    let lead = &results.options[results.preferred];
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Preferred:").strong());
        ui.label(
            RichText::new(&preferred.name)
                .strong()
                .color(option_colour(preferred.kind)),
        );
        ui.label(format!(
            "scores {:.1} of 100 · NPSV {} over {} years ({} optimism bias, {} prices)",
            lead.weighted_score,
            gbp(lead.headline(apply_ob).npsv_gbp),
            appraisal.settings.appraisal_period_years,
            if apply_ob { "with" } else { "without" },
            appraisal.meta.price_base_year
        ));
    });
}

pub fn ranking_ui(ui: &mut Ui, appraisal: &Appraisal, results: &Results) {
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let mut order: Vec<usize> = (0..results.options.len()).collect();
    order.sort_by_key(|&i| (results.options[i].rank, i));
    egui::Grid::new("ranking")
        .striped(true)
        .num_columns(8)
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for heading in [
                "Rank",
                "Option",
                "Score",
                "PV costs",
                "PV benefits",
                "NPSV",
                "BCR",
                "Payback",
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for i in order {
                let o = &appraisal.options[i];
                let r = &results.options[i];
                let m = r.headline(apply_ob);
                let emphasise = |text: String| {
                    let t = RichText::new(text);
                    if i == results.preferred {
                        t.strong()
                    } else {
                        t
                    }
                };
                ui.horizontal(|ui| {
                    ui.label(emphasise(r.rank.to_string()));
                    if i == results.preferred {
                        ui.label(
                            RichText::new(" preferred ")
                                .strong()
                                .background_color(ui.visuals().selection.bg_fill),
                        );
                    }
                });
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, option_colour(o.kind));
                    ui.label(emphasise(short_name(&o.name, 24)))
                        .on_hover_text(&o.name);
                });
                ui.label(emphasise(format!("{:.1}", r.weighted_score)));
                ui.label(emphasise(gbp(m.pv_costs_gbp)));
                ui.label(emphasise(gbp(m.pv_benefits_gbp)));
                ui.label(emphasise(gbp(m.npsv_gbp)));
                ui.label(emphasise(bcr(m.bcr)));
                // "none" keeps the column narrow; the caption says what it means.
                ui.label(emphasise(
                    m.payback_year.map_or("none".into(), |y| payback(Some(y))),
                ));
                ui.end_row();
            }
        });
    ui.small(format!(
        "Money against business as usual, discounted; {} optimism bias. Score: weighted sum of 0–100 criterion scores. Payback: first year the discounted net benefit is above zero (none: not within the period).",
        if apply_ob { "with" } else { "without" }
    ));
}

pub fn problems_ui(ui: &mut Ui, invalid: &InvalidAppraisal) {
    ui.label(
        RichText::new("The figures cannot be worked out until these are fixed:")
            .strong()
            .color(WARNING),
    );
    for p in &invalid.0 {
        ui.label(format!("• {p}"));
    }
}
