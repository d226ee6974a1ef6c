//! One option's money year by year, as the method builds it (`model::money::yearly_flows`):
//! what the council pays, what it saves against business as usual, the social value it
//! gains, the net benefit, the discount factor and the present value, which add up to the
//! NPSV the card shows.

use eframe::egui::{self, RichText};

use crate::model::Appraisal;
use crate::model::format::gbp;
use crate::model::money::{Basis, discount_factors, uplift, yearly_flows};
use crate::words;

/// The window for option `index`; `open` turns false when the user closes it.
pub fn year_by_year_ui(ctx: &egui::Context, appraisal: &Appraisal, index: usize, open: &mut bool) {
    let Some(option) = appraisal.options.get(index) else {
        *open = false;
        return;
    };
    let title = words::results::year_by_year_title(&option.name);
    // Esc closes it, as it does every other window of the app's own.
    if ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        *open = false;
        return;
    }
    // Below the menu, as wide as the screen allows: eleven columns of money must all show.
    let screen = ctx.content_rect();
    let below_menu = screen.min + egui::vec2(24.0, 60.0);
    let width = (screen.width() - 48.0).clamp(300.0, 1200.0);
    egui::Window::new(title)
        .id(egui::Id::unique("year by year"))
        .default_pos(below_menu)
        .open(open)
        .collapsible(false)
        .default_width(width)
        .max_height(ctx.content_rect().height() * 0.8)
        .show(ctx, |ui| {
            let Some(bau) = appraisal.bau_index().map(|i| &appraisal.options[i]) else {
                ui.label(words::results::YEAR_BY_YEAR_NEEDS_BAU);
                return;
            };
            let years = appraisal.settings.appraisal_period_years as usize;
            let basis = Basis::headline(appraisal.settings.apply_optimism_bias);
            let factors = discount_factors(&appraisal.settings.discount, years);
            let flows = yearly_flows(option, bau, years, basis);
            let net: Vec<f64> = (0..years)
                .map(|t| flows.benefits_gbp[t] - flows.costs_gbp[t])
                .collect();
            let npsv: f64 = net.iter().zip(&factors).map(|(n, d)| n * d).sum();
            ui.label(words::results::year_by_year_note(basis, &gbp(npsv)));
            let uplift_pct = (uplift(option, basis) - 1.0) * 100.0;
            ui.label(words::results::year_by_year_basis(
                &gbp(option.cost.annual_running_cost_gbp.likely),
                &gbp(option.cost.transition_cost_gbp.likely),
                uplift_pct,
                &gbp(bau.cost.annual_running_cost_gbp.likely),
            ));
            ui.add_space(4.0);
            egui::ScrollArea::both().show(ui, |ui| {
                egui::Grid::new("year by year grid")
                    .striped(true)
                    .spacing([14.0, 4.0])
                    .show(ui, |ui| {
                        for (heading, help) in words::results::YEAR_BY_YEAR_COLUMNS {
                            ui.label(RichText::new(*heading).strong())
                                .on_hover_text(*help);
                        }
                        ui.end_row();
                        let base = appraisal.meta.price_base_year;
                        for t in 0..years {
                            ui.label(format!("{t} ({})", base + t as i32));
                            for x in [
                                flows.transition_gbp[t],
                                flows.bau_running_gbp[t],
                                flows.running_paid_gbp[t],
                                flows.clauses_gbp[t],
                                flows.one_offs_against_bau_gbp[t],
                                flows.risks_against_bau_gbp[t],
                                flows.running_saving_gbp[t],
                                flows.social_value_gain_gbp[t],
                                net[t],
                            ] {
                                ui.label(gbp(x));
                            }
                            ui.label(format!("{:.4}", factors[t]));
                            ui.label(gbp(net[t] * factors[t]));
                            ui.end_row();
                        }
                        let total = |v: &[f64]| v.iter().sum::<f64>();
                        ui.label(RichText::new("Total").strong());
                        for x in [
                            total(&flows.transition_gbp),
                            total(&flows.bau_running_gbp),
                            total(&flows.running_paid_gbp),
                            total(&flows.clauses_gbp),
                            total(&flows.one_offs_against_bau_gbp),
                            total(&flows.risks_against_bau_gbp),
                            total(&flows.running_saving_gbp),
                            total(&flows.social_value_gain_gbp),
                            total(&net),
                        ] {
                            ui.label(RichText::new(gbp(x)).strong());
                        }
                        ui.label("");
                        ui.label(RichText::new(gbp(npsv)).strong())
                            .on_hover_text(words::glossary::NPSV);
                        ui.end_row();
                    });
            });
        });
}
