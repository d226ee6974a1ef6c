//! The financial case on screen: its inputs in the side panel (inflation with its source and
//! date, the savings target, capital funding), and the Results tab (cash by financial year
//! against the budget and the target, a sentence per option, and the table).

use eframe::egui::{self, RichText, Ui};
use egui_plot::{Line, PlotPoints};

use super::palette::option_colour;
use super::plot::{
    LegendEntry, legend_row, marks_that_fit, money_by_financial_year, still_plot, ui_text_colour,
};
use super::widgets::{money_field, number_slider};
use crate::model::finance::{FinancialCase, financial_case, financial_year_label};
use crate::model::format::gbp;
use crate::model::validate::MAX_INFLATION_PCT;
use crate::model::{
    Appraisal, DiscountSchedule, FundingSource, OptionKind, Results, Settings, TargetStep,
};
use crate::words::{finance as words, glossary};

/// The financial case's inputs, in the side panel.
pub fn finance_settings_ui(ui: &mut Ui, appraisal: &mut Appraisal) {
    let base = appraisal.meta.price_base_year;
    let f = &mut appraisal.settings.finance;
    let mut first = f.first_year(base);
    ui.horizontal_wrapped(|ui| {
        ui.label("First financial year")
            .on_hover_text(glossary::FIRST_FINANCIAL_YEAR);
        let response = ui
            .add(
                egui::DragValue::new(&mut first)
                    .range(1900..=2200)
                    .custom_formatter(|v, _| financial_year_label(v as i32, 0)),
            )
            .on_hover_text(glossary::FIRST_FINANCIAL_YEAR)
            .accessible_name("First financial year");
        if response.changed() {
            f.first_financial_year = (first != base).then_some(first);
        }
    });
    number_slider(
        ui,
        "Inflation (% a year, flat)",
        &mut f.inflation.flat_rate_pct,
        0.0..=10.0_f64.min(MAX_INFLATION_PCT),
        0.1,
        "%",
    )
    .on_hover_text(glossary::INFLATION);
    // A forecast's rates year by year (typed, or pasted from a spreadsheet row); the last one
    // given carries on, and with none the flat rate applies.
    ui.label("Or rates year by year (%, from year 1)")
        .on_hover_text(glossary::INFLATION);
    let id = ui.make_persistent_id("inflation by year");
    let tidy = crate::words::inputs::percent_list(&f.inflation.rates_pct);
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or_else(|| tidy.clone());
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text("e.g. 3.2, 2.1, 2.0 (blank: the flat rate)")
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(glossary::INFLATION)
        .accessible_name("Inflation rates year by year");
    let parsed = crate::words::inputs::parse_percent_list(&text).filter(|rates| {
        rates
            .iter()
            .all(|r| (-MAX_INFLATION_PCT..=MAX_INFLATION_PCT).contains(r))
    });
    if response.changed()
        && let Some(rates) = &parsed
    {
        f.inflation.rates_pct.clone_from(rates);
    }
    if parsed.is_none() {
        ui.label(
            RichText::new(words::INFLATION_LIST_HELP)
                .color(super::palette::warning_text(ui.visuals())),
        );
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    for (label, text, hint) in [
        (
            "Inflation source",
            &mut f.inflation.source,
            "e.g. OBR GDP deflator forecast",
        ),
        ("Its date", &mut f.inflation.date, "e.g. March 2026"),
    ] {
        ui.label(label);
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_rows(1)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .on_hover_text(glossary::INFLATION)
        .accessible_name(label);
    }
    ui.label("Savings target (£ a year, cash)")
        .on_hover_text(glossary::SAVINGS_TARGET);
    let mut remove = None;
    for (k, step) in f.savings_target.iter_mut().enumerate() {
        ui.push_id(("target step", k), |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label("from");
                ui.add(
                    egui::DragValue::new(&mut step.from_financial_year)
                        .range(1900..=2200)
                        .custom_formatter(|v, _| financial_year_label(v as i32, 0)),
                )
                .accessible_name(format!("Savings target step {} starts in", k + 1));
                money_field(
                    ui,
                    &mut step.saving_gbp,
                    &format!("Savings target step {} a year", k + 1),
                );
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove savings target step {}", k + 1))
                    .clicked()
                {
                    remove = Some(k);
                }
            });
        });
    }
    if let Some(k) = remove {
        f.savings_target.remove(k);
    }
    if ui
        .button("+ Add a target step")
        .on_hover_text(glossary::SAVINGS_TARGET)
        .clicked()
    {
        let from = f
            .savings_target
            .iter()
            .map(|s| s.from_financial_year + 1)
            .max()
            .unwrap_or(f.first_financial_year.unwrap_or(base) + 1);
        let saving_gbp = f.savings_target.last().map_or(0.0, |s| s.saving_gbp);
        f.savings_target.push(TargetStep {
            from_financial_year: from,
            saving_gbp,
        });
    }
    ui.label("Capital is funded from")
        .on_hover_text(glossary::CAPITAL_FUNDING);
    let funding = &mut f.capital_funding;
    ui.horizontal_wrapped(|ui| {
        for (source, name) in [
            (FundingSource::Reserves, "Reserves or receipts"),
            (FundingSource::Grant, "A grant"),
            (FundingSource::Borrowing, "Borrowing"),
        ] {
            ui.radio_value(&mut funding.source, source, name)
                .on_hover_text(glossary::CAPITAL_FUNDING);
        }
    });
    if funding.source == FundingSource::Borrowing {
        number_slider(
            ui,
            "Interest rate (% a year)",
            &mut funding.interest_rate_pct,
            0.0..=15.0,
            0.1,
            "%",
        );
        let mut term = f64::from(funding.term_years);
        number_slider(ui, "Repaid over (years)", &mut term, 1.0..=60.0, 1.0, "");
        funding.term_years = term.round().clamp(1.0, 60.0) as u32;
    }
}

/// The Results tab: cash by financial year, the sentences, and the table.
pub fn financial_case_ui(ui: &mut Ui, appraisal: &Appraisal, results: &Results) -> egui::Response {
    let Some(case) = financial_case(appraisal) else {
        return ui.label(crate::words::results::YEAR_BY_YEAR_NEEDS_BAU);
    };
    let dark = ui.visuals().dark_mode;
    let years = case.index.len();
    let n = appraisal.options.len();
    // Room under the plot for the legend and a few lines of the sentences, which scroll: a
    // chart taller than its panel would push the panel's other contents out of sight.
    let lines = 7.0 + (n as f32 - 5.0).max(0.0) * 0.5;
    let first = case.first_financial_year;
    let marks = marks_that_fit(ui, lines);
    let response = money_by_financial_year(still_plot("financial_case", ui, lines), first, marks)
        .show(ui, |plot| {
            let series = |v: &[f64]| -> PlotPoints {
                v.iter().enumerate().map(|(t, x)| [t as f64, *x]).collect()
            };
            for (o, f) in appraisal.options.iter().zip(&case.options) {
                if o.kind == OptionKind::BusinessAsUsual {
                    continue;
                }
                plot.line(
                    Line::new(o.name.clone(), series(&f.revenue_gbp))
                        .color(option_colour(o.kind))
                        .width(3.0),
                );
            }
            plot.line(
                Line::new(words::BUDGET_LINE, series(&case.budget_gbp))
                    .color(ui_text_colour(dark))
                    .style(egui_plot::LineStyle::dashed_loose())
                    .width(2.0),
            );
            let needed: Vec<[f64; 2]> = (0..years)
                .filter(|&t| case.target_gbp[t] > 0.0)
                .map(|t| [t as f64, case.budget_gbp[t] - case.target_gbp[t]])
                .collect();
            if !needed.is_empty() {
                plot.line(
                    Line::new(words::TARGET_LINE, PlotPoints::from(needed))
                        .color(ui_text_colour(dark))
                        .style(egui_plot::LineStyle::dotted_dense())
                        .width(2.5),
                );
            }
        })
        .response;
    let mut entries: Vec<LegendEntry> = super::charts_ui::by_rank(results)
        .into_iter()
        .filter(|&i| appraisal.options[i].kind != OptionKind::BusinessAsUsual)
        .map(|i| LegendEntry {
            colour: option_colour(appraisal.options[i].kind),
            label: appraisal.options[i].name.clone(),
            dashed: false,
        })
        .collect();
    for label in [words::BUDGET_LINE, words::TARGET_LINE] {
        entries.push(LegendEntry {
            colour: ui_text_colour(dark),
            label: label.into(),
            dashed: true,
        });
    }
    legend_row(ui, &entries);
    egui::ScrollArea::vertical()
        .id_salt("financial case sentences")
        .max_height(ui.available_height())
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // Business as usual's line is the budget itself: its sentence is in the reports.
            // A slide, read from the back of the room, gives each option's first clause.
            let slide = super::plot::on_slide(ui);
            for i in super::charts_ui::by_rank(results) {
                if appraisal.options[i].kind != OptionKind::BusinessAsUsual {
                    ui.label(if slide {
                        words::target_sentence_short(appraisal, &case, i)
                    } else {
                        words::target_sentence(appraisal, &case, i)
                    });
                }
            }
            egui::CollapsingHeader::new("Table by financial year: revenue, capital, saving, gap")
                .id_salt("financial case table")
                .show(ui, |ui| table_ui(ui, appraisal, &case));
        });
    response
}

fn table_ui(ui: &mut Ui, appraisal: &Appraisal, case: &FinancialCase) {
    let years = case.index.len();
    egui::ScrollArea::horizontal().show(ui, |ui| {
        egui::Grid::new("financial case grid")
            .striped(true)
            .spacing([12.0, 3.0])
            .show(ui, |ui| {
                ui.label(RichText::new("£ cash").strong());
                ui.label("");
                for t in 0..years {
                    ui.label(RichText::new(case.year_label(t)).strong());
                }
                ui.end_row();
                let row = |ui: &mut Ui, name: &str, what: &str, values: &[f64]| {
                    ui.label(name);
                    ui.label(what);
                    for v in values {
                        ui.label(gbp(*v));
                    }
                    ui.end_row();
                };
                row(ui, "Budget", "revenue", &case.budget_gbp);
                row(ui, "Target", "saving", &case.target_gbp);
                for (o, f) in appraisal.options.iter().zip(&case.options) {
                    if o.kind == OptionKind::BusinessAsUsual {
                        continue;
                    }
                    row(ui, &o.name, "revenue", &f.revenue_gbp);
                    row(ui, "", "capital", &f.capital_gbp);
                    row(ui, "", "saving", &f.saving_gbp);
                    row(ui, "", "gap to target", &f.gap_gbp);
                }
            });
    });
}

/// The presets a schedule can be set to: the Green Book's two, and the user's own.
fn presets() -> [DiscountSchedule; 2] {
    [
        DiscountSchedule::default(),
        DiscountSchedule::green_book_health(),
    ]
}

/// The main schedule's name, source and date, and the alternative schedule for the
/// sensitivity (none, a preset, or the user's own flat rate).
pub fn discount_schedules_ui(ui: &mut Ui, settings: &mut Settings) {
    ui.label(RichText::new(crate::words::finance::schedule_line(&settings.discount)).small())
        .on_hover_text(glossary::DISCOUNT_SCHEDULE);
    let d = &mut settings.discount;
    for (label, text) in [
        ("Schedule name", &mut d.name),
        ("Its source", &mut d.source),
        ("Its date", &mut d.date),
    ] {
        ui.horizontal(|ui| {
            ui.label(label);
            ui.add(egui::TextEdit::singleline(text).desired_width(160.0))
                .on_hover_text(glossary::DISCOUNT_SCHEDULE)
                .accessible_name(format!("Discount {}", label.to_lowercase()));
        });
    }
    ui.label("Sensitivity: an alternative discount schedule")
        .on_hover_text(glossary::ALTERNATIVE_DISCOUNT);
    let current = settings
        .alternative_discount
        .as_ref()
        .map(DiscountSchedule::label);
    egui::ComboBox::from_id_salt("alternative discount")
        .selected_text(current.clone().unwrap_or_else(|| "None".to_string()))
        .show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), "None").clicked() {
                settings.alternative_discount = None;
            }
            for preset in presets() {
                let name = preset.label();
                if ui
                    .selectable_label(current.as_deref() == Some(name.as_str()), &name)
                    .clicked()
                {
                    settings.alternative_discount = Some(preset);
                }
            }
            if ui.selectable_label(false, "Your own flat rate…").clicked() {
                settings.alternative_discount =
                    Some(DiscountSchedule::flat(3.0, "A flat 3.0% a year"));
            }
        })
        .response
        .on_hover_text(glossary::ALTERNATIVE_DISCOUNT)
        .accessible_name("Alternative discount schedule");
    let Some(alt) = settings.alternative_discount.as_mut() else {
        return;
    };
    let is_preset = presets().iter().any(|p| p == alt);
    if !is_preset {
        if let [band] = alt.bands.as_mut_slice() {
            number_slider(
                ui,
                "Alternative rate (% a year)",
                &mut band.rate_pct,
                0.0..=10.0,
                0.1,
                "%",
            );
        }
        for (label, text) in [
            ("Name", &mut alt.name),
            ("Source", &mut alt.source),
            ("Date", &mut alt.date),
        ] {
            ui.horizontal(|ui| {
                ui.label(label);
                ui.add(egui::TextEdit::singleline(text).desired_width(180.0))
                    .accessible_name(format!(
                        "Alternative discount schedule {}",
                        label.to_lowercase()
                    ));
            });
        }
    } else {
        ui.label(RichText::new(crate::words::finance::schedule_line(alt)).small());
    }
}
