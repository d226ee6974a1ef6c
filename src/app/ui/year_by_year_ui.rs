//! One option's money year by year, as the method builds it (`model::money::yearly_flows`):
//! what the council pays, what it saves against business as usual, the social value it
//! gains, the net benefit, the discount factor and the present value, which add up to the
//! NPSV the card shows.

use eframe::egui::{self, RichText};

use super::widgets::{money_row_text, parse_money_row};
use crate::model::format::gbp;
use crate::model::money::{Basis, discount_factors, uplift, yearly_flows};
use crate::model::{Appraisal, DeliveryOption};
use crate::words;

/// The window for option `index`; `open` turns false when the user closes it.
pub fn year_by_year_ui(
    ctx: &egui::Context,
    appraisal: &mut Appraisal,
    index: usize,
    open: &mut bool,
) {
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
            let years = appraisal.settings.appraisal_period_years as usize;
            // The officer's own figures for particular years, then the flows they feed.
            if let Some(option) = appraisal.options.get_mut(index) {
                given_years_ui(ui, option, years);
            }
            let option = &appraisal.options[index];
            let Some(bau) = appraisal.bau_index().map(|i| &appraisal.options[i]) else {
                ui.label(words::results::YEAR_BY_YEAR_NEEDS_BAU);
                return;
            };
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
                        let first_year = appraisal
                            .settings
                            .finance
                            .first_year(appraisal.meta.price_base_year);
                        for t in 0..years {
                            ui.label(format!(
                                "{t} ({})",
                                crate::model::finance::financial_year_label(first_year, t)
                            ));
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

/// Two rows the officer can fill year by year, typed or pasted from a spreadsheet row: the
/// transition spend and the option's running cost. A blank year keeps the method's figure.
fn given_years_ui(ui: &mut egui::Ui, option: &mut DeliveryOption, years: usize) {
    ui.label(RichText::new(words::results::GIVEN_YEARS_HEADING).strong())
        .on_hover_text(words::results::GIVEN_YEARS_HELP);
    let o = &mut option.cost.year_overrides;
    for (label, row) in [
        (words::results::GIVEN_TRANSITION, &mut o.transition_gbp),
        (words::results::GIVEN_RUNNING, &mut o.running_gbp),
    ] {
        ui.horizontal(|ui| {
            ui.label(label);
            let id = ui.make_persistent_id(("given years", label));
            let tidy = money_row_text(row);
            let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| tidy.clone());
            let response = ui
                .add(
                    // Multi-line keeps the tabs a spreadsheet row pastes with.
                    egui::TextEdit::multiline(&mut text)
                        .desired_rows(1)
                        .hint_text(words::results::GIVEN_YEARS_HINT)
                        .desired_width(ui.available_width() - 80.0),
                )
                .on_hover_text(words::results::GIVEN_YEARS_HELP)
                .accessible_name(label);
            // Only a row the method can use is taken: a slip while typing never blanks the
            // results, and the line below says what the field needs.
            let parsed = parse_money_row(&text).filter(|r| r.len() <= years);
            if response.changed()
                && let Some(mut given) = parsed.clone()
            {
                while given.last() == Some(&None) {
                    given.pop();
                }
                *row = given;
            }
            if ui
                .small_button("Clear")
                .accessible_name(format!("Clear: {label}"))
                .clicked()
            {
                row.clear();
                text.clear();
            }
            if response.has_focus() {
                ui.data_mut(|d| d.insert_temp(id, text));
            } else {
                ui.data_mut(|d| d.remove::<String>(id));
            }
            if parsed.is_none() {
                ui.label(
                    RichText::new(words::results::given_years_problem(years))
                        .color(super::palette::warning_text(ui.visuals())),
                );
            }
        });
    }
    let go_live = option.cost.go_live_year as usize;
    if o.running_gbp.iter().take(go_live).any(Option::is_some) {
        ui.label(
            RichText::new(words::results::given_before_go_live(
                option.cost.go_live_year,
            ))
            .color(super::palette::warning_text(ui.visuals())),
        );
    }
    let given: Vec<usize> = (0..years)
        .filter(|&t| o.transition(t).is_some() || o.running(t).is_some())
        .collect();
    if !given.is_empty() {
        ui.label(words::results::given_years_in_use(&given));
    }
    ui.add_space(4.0);
}
