//! The ranking: the preferred option and why it leads, then the table of rank, weighted score
//! and the money figures; or what is still missing; or, when the inputs are invalid, the list
//! of what to fix.

use eframe::egui::{self, RichText, Ui};

use super::palette::{option_colour, warning_text};
use super::widgets::{short_name, swatch};
use crate::model::completeness::Missing;
use crate::model::format::{bcr, gbp, payback};
use crate::model::{Appraisal, InvalidAppraisal, Results};
use crate::words::glossary;

/// One line naming the preferred option and its headline figures, and one saying why it
/// leads; or, while options lack figures, what is missing instead.
pub fn preferred_ui(ui: &mut Ui, appraisal: &Appraisal, results: &Results, missing: &[Missing]) {
    if !missing.is_empty() {
        ui.label(
            RichText::new(crate::words::results::incomplete(appraisal, missing))
                .strong()
                .color(warning_text(ui.visuals())),
        )
        .on_hover_text(glossary::INCOMPLETE);
        return;
    }
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let preferred = &appraisal.options[results.preferred];
    let lead = &results.options[results.preferred];
    ui.horizontal_wrapped(|ui| {
        // "At the agreed weights": the acceptability chart counts other weightings too.
        ui.label(RichText::new("Preferred at the agreed weights:").strong())
            .on_hover_text(glossary::PREFERRED);
        // The option's colour on its swatch; its name in text that reads on any background.
        swatch(ui, option_colour(preferred.kind));
        ui.label(RichText::new(&preferred.name).strong());
        ui.label(format!("scores {:.1} of 100", lead.weighted_score))
            .on_hover_text(glossary::SCORE);
        ui.label(format!(
            "· NPSV {} over {} years",
            gbp(lead.headline(apply_ob).npsv_gbp),
            appraisal.settings.appraisal_period_years
        ))
        .on_hover_text(glossary::NPSV);
        ui.label(format!(
            "({}, {} prices)",
            crate::words::results::headline_basis(apply_ob),
            appraisal.meta.price_base_year
        ))
        .on_hover_text(glossary::OPTIMISM_BIAS);
    });
    if let Some(why) = crate::words::results::why_it_leads(appraisal, results) {
        ui.label(why);
    }
    // Worked only when the settings name a second schedule: one more appraisal a frame.
    if let Some(Ok(alternative)) = crate::model::appraise::at_alternative_discount(appraisal)
        && let Some(line) =
            crate::words::results::alternative_discount_sentence(appraisal, results, &alternative)
    {
        ui.label(line)
            .on_hover_text(crate::words::glossary::ALTERNATIVE_DISCOUNT);
    }
}

/// The table's columns, and whether the present values fit beside the others.
struct Column {
    title: &'static str,
    help: &'static str,
}

const RANK: Column = Column {
    title: "Rank",
    help: "1 is first: the highest weighted score. Equal scores share a rank.",
};
const OPTION: Column = Column {
    title: "Option",
    help: "The delivery option, in its colour everywhere on the screen.",
};
const SCORE: Column = Column {
    title: "Score",
    help: glossary::SCORE,
};
const PV_COSTS: Column = Column {
    title: "PV costs",
    help: glossary::PV_COSTS,
};
const PV_BENEFITS: Column = Column {
    title: "PV benefits",
    help: glossary::PV_BENEFITS,
};
const NPSV: Column = Column {
    title: "NPSV",
    help: glossary::NPSV,
};
const BCR: Column = Column {
    title: "BCR",
    help: glossary::BCR,
};
const PAYBACK: Column = Column {
    title: "Payback",
    help: glossary::PAYBACK,
};

/// Below this width the present-value columns give way, so rank, score, NPSV, BCR and
/// payback always show (the present values are on NPSV's hover and in every report).
const WIDTH_FOR_PRESENT_VALUES: f32 = 780.0;

pub fn ranking_ui(ui: &mut Ui, appraisal: &Appraisal, results: &Results, missing: &[Missing]) {
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let complete = |i: usize| !missing.iter().any(|m| m.option == i);
    let mut order: Vec<usize> = (0..results.options.len()).collect();
    order.sort_by_key(|&i| (!complete(i), results.options[i].rank, i));
    let wide = ui.available_width() >= WIDTH_FOR_PRESENT_VALUES;
    let columns: Vec<&Column> = if wide {
        vec![
            &RANK,
            &OPTION,
            &SCORE,
            &PV_COSTS,
            &PV_BENEFITS,
            &NPSV,
            &BCR,
            &PAYBACK,
        ]
    } else {
        vec![&RANK, &OPTION, &SCORE, &NPSV, &BCR, &PAYBACK]
    };
    let name_chars = if wide { 26 } else { 20 };
    let preferred = missing.is_empty().then_some(results.preferred);
    egui::Grid::new("ranking")
        .striped(true)
        .num_columns(columns.len())
        .spacing([10.0, 4.0])
        .show(ui, |ui| {
            for column in &columns {
                ui.label(RichText::new(column.title).strong())
                    .on_hover_text(column.help);
            }
            ui.end_row();
            for i in order {
                let o = &appraisal.options[i];
                let r = &results.options[i];
                let m = r.headline(apply_ob);
                let emphasise = |text: String| {
                    let t = RichText::new(text);
                    if Some(i) == preferred { t.strong() } else { t }
                };
                ui.horizontal(|ui| {
                    if missing.is_empty() {
                        ui.label(emphasise(r.rank.to_string()));
                    } else {
                        // Ranked against options still at £0, a rank would mislead.
                        ui.label("–").on_hover_text(glossary::RANK_WAITS);
                    }
                    if Some(i) == preferred {
                        ui.label(
                            RichText::new(" preferred ")
                                .strong()
                                .background_color(ui.visuals().selection.bg_fill),
                        );
                    }
                });
                ui.horizontal(|ui| {
                    swatch(ui, option_colour(o.kind));
                    ui.label(emphasise(short_name(&o.name, name_chars)))
                        .on_hover_text(format!("{}: {}", o.name, o.kind.summary()));
                });
                if !complete(i) {
                    ui.label("incomplete").on_hover_text(glossary::INCOMPLETE);
                    for _ in 3..columns.len() {
                        ui.label("");
                    }
                    ui.end_row();
                    continue;
                }
                if missing.is_empty() {
                    ui.label(emphasise(format!("{:.1}", r.weighted_score)));
                } else {
                    ui.label("–").on_hover_text(glossary::RANK_WAITS);
                }
                if wide {
                    ui.label(emphasise(gbp(m.pv_costs_gbp)));
                    ui.label(emphasise(gbp(m.pv_benefits_gbp)));
                }
                ui.label(emphasise(gbp(m.npsv_gbp))).on_hover_text(format!(
                    "PV benefits {} − PV costs {}",
                    gbp(m.pv_benefits_gbp),
                    gbp(m.pv_costs_gbp)
                ));
                ui.label(emphasise(bcr(m.bcr)));
                // "none" keeps the column narrow; the caption says what it means.
                ui.label(emphasise(
                    m.payback_year.map_or("none".into(), |y| payback(Some(y))),
                ));
                ui.end_row();
            }
        });
    ui.label(format!(
        "Money against business as usual, discounted, in {} prices; {}. Score: weighted sum of 0–100 criterion scores. Payback: first year the discounted net benefit is above zero (none: not within the period).{}",
        appraisal.meta.price_base_year,
        crate::words::results::headline_basis(apply_ob),
        if wide {
            ""
        } else {
            " Hover NPSV for its present values."
        }
    ));
}

pub fn problems_ui(ui: &mut Ui, invalid: &InvalidAppraisal) {
    ui.label(
        RichText::new("The figures cannot be worked out until these are fixed:")
            .strong()
            .color(warning_text(ui.visuals())),
    );
    for p in &invalid.0 {
        ui.label(format!("• {p}"));
    }
}
