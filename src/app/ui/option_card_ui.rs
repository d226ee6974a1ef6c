//! One option's card: its name, what it means, and every input that drives its figures,
//! each with the line of rationale a committee paper will quote.

use eframe::egui::{self, Ui};

use super::palette::{option_colour, warning_text};
use super::unseen::unless_unseen;
use super::widgets::{
    MoneySpan, RangeView, estimate_money, estimate_percent, estimate_rating, money_slider,
    number_slider, percent_list_field, rating_slider, rationale_edit, section,
};
use crate::model::format::gbp;
use crate::model::ratings::{effective_capacity, starting_capacity};
use crate::model::validate::MAX_REAL_GROWTH_PCT;
use crate::model::{
    Appraisal, CAPACITY_ID, COST_ID, Capacity, Criterion, DeliveryOption, Estimate, Measure,
    OptionKind, OptionResult, SOCIAL_VALUE_ID,
};
use crate::words::glossary;

/// Slider spans for money, taken from the appraisal as it was before the current drag so a
/// slider's scale never moves under the user's hand. They fit the service: running costs
/// around business as usual's, one-off and yearly extras in proportion to it.
#[derive(Debug, Clone, Copy)]
pub struct SliderRanges {
    pub transition: MoneySpan,
    pub running: MoneySpan,
    pub social_value: MoneySpan,
    pub cbc: MoneySpan,
}

/// 1, 2 or 5 × a power of ten, at or above `x`.
fn nice_ceiling(x: f64) -> f64 {
    if x <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&v| v >= x)
        .unwrap_or(10.0 * magnitude)
}

/// `x` rounded down to a 1, 2 or 5 step of its own size's tenth, for a slider's low end.
fn round_down(x: f64) -> f64 {
    let grain = nice_ceiling(x.abs() / 10.0);
    (x / grain).floor() * grain
}

impl SliderRanges {
    pub fn from_appraisal(appraisal: &Appraisal) -> Self {
        let top = |f: &dyn Fn(&DeliveryOption) -> f64| {
            appraisal.options.iter().map(f).fold(0.0, f64::max)
        };
        // Business as usual's running cost sets the scale; with none entered yet, the
        // largest any option has, or £1m.
        let bau = appraisal
            .bau_index()
            .map(|i| appraisal.options[i].cost.annual_running_cost_gbp.likely)
            .unwrap_or(0.0);
        let largest_running = top(&|o| o.cost.annual_running_cost_gbp.likely);
        let scale = if bau > 0.0 {
            bau
        } else if largest_running > 0.0 {
            largest_running
        } else {
            1_000_000.0
        };
        let lowest_running = appraisal
            .options
            .iter()
            .map(|o| o.cost.annual_running_cost_gbp.likely)
            .filter(|&x| x > 0.0)
            .fold(scale, f64::min);
        let running = MoneySpan::new(
            round_down((0.5 * scale).min(0.9 * lowest_running)).max(0.0),
            nice_ceiling((1.5 * scale).max(1.1 * largest_running)),
        );
        let up_to = |largest: f64, share_of_scale: f64| {
            MoneySpan::new(
                0.0,
                nice_ceiling((1.5 * largest).max(share_of_scale * scale)),
            )
        };
        Self {
            transition: up_to(top(&|o| o.cost.transition_cost_gbp.likely), 0.2),
            running,
            social_value: up_to(top(&|o| o.social_value.monetised_gbp_per_year.likely), 0.2),
            cbc: up_to(
                top(&|o| o.cbc.annual_cost_gbp.max(o.cbc.social_value_gbp_per_year)),
                0.05,
            ),
        }
    }

    /// The spans already in use while every figure still fits inside them, so that one
    /// option's change never slides the other cards' handles; a span that a figure has left
    /// (by typing: a drag stops at the ends) is refitted and only ever widens.
    pub fn kept_or_widened(current: Option<Self>, appraisal: &Appraisal) -> Self {
        let fitted = Self::from_appraisal(appraisal);
        let Some(current) = current else {
            return fitted;
        };
        let values = |f: &dyn Fn(&DeliveryOption) -> f64| -> Vec<f64> {
            appraisal.options.iter().map(f).collect()
        };
        let keep = |span: MoneySpan, refit: MoneySpan, figures: Vec<f64>| {
            if figures
                .iter()
                .all(|&x| x >= span.low_gbp && x <= span.high_gbp)
            {
                span
            } else {
                MoneySpan::new(
                    span.low_gbp.min(refit.low_gbp),
                    span.high_gbp.max(refit.high_gbp),
                )
            }
        };
        Self {
            transition: keep(
                current.transition,
                fitted.transition,
                values(&|o| o.cost.transition_cost_gbp.likely),
            ),
            running: keep(
                current.running,
                fitted.running,
                values(&|o| o.cost.annual_running_cost_gbp.likely),
            ),
            social_value: keep(
                current.social_value,
                fitted.social_value,
                values(&|o| o.social_value.monetised_gbp_per_year.likely),
            ),
            cbc: keep(
                current.cbc,
                fitted.cbc,
                values(&|o| o.cbc.annual_cost_gbp.max(o.cbc.social_value_gbp_per_year)),
            ),
        }
    }
}

/// What the card shows of the computed results.
pub struct CardResults<'a> {
    pub result: Option<&'a OptionResult>,
    pub apply_optimism_bias: bool,
    pub period_years: u32,
    pub show_ranges: bool,
    /// The option has every figure the method needs (see `model::completeness`).
    pub complete: bool,
    /// Every option has its figures, so ranks mean something.
    pub all_complete: bool,
    /// Sections far from view may be left out this frame (see `unseen`).
    pub cull_unseen: bool,
    /// Business as usual's real growth, which an option's is measured against.
    pub bau_real_growth_pct: f64,
    /// The calendar year year 0's financial year starts in, to say when an option goes live.
    pub first_financial_year: i32,
}

/// What a card asks of the window beyond its own figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardAsk {
    /// Open the option's year-by-year figures.
    YearByYear,
}

pub fn option_card_ui(
    ui: &mut Ui,
    option: &mut DeliveryOption,
    criteria: &[Criterion],
    ranges: &SliderRanges,
    shown: &CardResults<'_>,
) -> Option<CardAsk> {
    let mut asked = None;
    let colour = option_colour(option.kind);
    let name_for_a11y = option.name.clone();
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(3.0, colour))
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.scope_builder(
                egui::UiBuilder::new()
                    .accessibility_label(name_for_a11y)
                    .accessibility_role(egui::accesskit::Role::Group),
                |ui| asked = card_contents(ui, option, criteria, ranges, shown, colour),
            );
        });
    asked
}

fn card_contents(
    ui: &mut Ui,
    option: &mut DeliveryOption,
    criteria: &[Criterion],
    ranges: &SliderRanges,
    shown: &CardResults<'_>,
    colour: egui::Color32,
) -> Option<CardAsk> {
    let mut asked = None;
    let name_of = |id: &str| {
        criteria
            .iter()
            .find(|c| c.id == id)
            .map_or(id.to_string(), |c| c.name.clone())
    };
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 3.0, colour);
        // Multi-line so a long name wraps rather than hides; a name is one line, though.
        let name = ui
            .add(
                egui::TextEdit::multiline(&mut option.name)
                    .font(egui::FontId::proportional(16.0))
                    .desired_rows(1)
                    .desired_width(ui.available_width()),
            )
            .on_hover_text(format!(
                "{}: {} Click to rename it.",
                option.kind.label(),
                option.kind.summary()
            ))
            .accessible_name("Option name");
        if name.changed() && option.name.contains(['\n', '\r']) {
            option.name = option.name.replace(['\n', '\r'], " ");
        }
    });
    // The model's name, unless the option's own name already says it.
    if !option.name.trim().eq_ignore_ascii_case(option.kind.label()) {
        ui.label(option.kind.label());
    }
    match shown.result {
        Some(_) if !shown.complete => {
            ui.label(
                egui::RichText::new("Incomplete: enter its running cost a year")
                    .strong()
                    .color(warning_text(ui.visuals())),
            )
            .on_hover_text(glossary::INCOMPLETE);
        }
        Some(r) if !shown.all_complete => {
            let m = r.headline(shown.apply_optimism_bias);
            ui.label(egui::RichText::new(format!("NPSV {}", gbp(m.npsv_gbp))).strong())
                .on_hover_text(glossary::NPSV);
            ui.label("Rank waits for the other options' figures")
                .on_hover_text(glossary::RANK_WAITS);
        }
        Some(r) => {
            let m = r.headline(shown.apply_optimism_bias);
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 0.0;
                ui.label(egui::RichText::new(format!("Rank {} · ", r.rank)).strong());
                ui.label(egui::RichText::new(format!("score {:.1}", r.weighted_score)).strong())
                    .on_hover_text(glossary::SCORE);
                ui.label(egui::RichText::new(" · ").strong());
                ui.label(egui::RichText::new(format!("NPSV {}", gbp(m.npsv_gbp))).strong())
                    .on_hover_text(glossary::NPSV);
            });
        }
        None => {}
    }
    ui.add(
        egui::TextEdit::multiline(&mut option.description)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .hint_text("What this option means in practice"),
    )
    .accessible_name("Description");

    let is_bau = option.kind == OptionKind::BusinessAsUsual;
    let view = if shown.show_ranges {
        RangeView::Edit
    } else {
        RangeView::Note
    };
    let width = ui.available_width().round() as i32;
    let cull = shown.cull_unseen;
    let ranges_shown = shown.show_ranges;
    unless_unseen(ui, ("cost", width, ranges_shown, is_bau), cull, |ui| {
        section(ui, "Cost");
        estimate_money(
            ui,
            "Transition cost (one-off)",
            &mut option.cost.transition_cost_gbp,
            ranges.transition,
            view,
        );
        let mut years = f64::from(option.cost.transition_years);
        number_slider(
            ui,
            "Spread over (years)",
            &mut years,
            1.0..=f64::from(shown.period_years.clamp(1, 10)),
            1.0,
            "",
        );
        option.cost.transition_years = years.round().clamp(1.0, f64::from(u32::MAX)) as u32;
        // The transition may start later, e.g. the year before go-live; it must end in the period.
        let latest_start = shown
            .period_years
            .saturating_sub(option.cost.transition_years);
        let mut start = f64::from(option.cost.transition_start_year.min(latest_start));
        number_slider(
            ui,
            "Transition starts in year",
            &mut start,
            0.0..=f64::from(latest_start.max(1)),
            1.0,
            "",
        )
        .on_hover_text(glossary::TRANSITION_START);
        option.cost.transition_start_year = (start.round().max(0.0) as u32).min(latest_start);
        // Business as usual changes nothing, so it has no transition to fund.
        if !is_bau {
            ui.checkbox(
                &mut option.cost.transition_is_capital,
                "Capital in the financial case",
            )
            .on_hover_text(glossary::CAPITAL_COST);
        }
        estimate_money(
            ui,
            "Running cost a year",
            &mut option.cost.annual_running_cost_gbp,
            ranges.running,
            view,
        );
        if is_bau {
            ui.label("Optimism bias: none — today's costs are known.");
        } else {
            estimate_percent(
                ui,
                "Optimism bias uplift",
                &mut option.cost.optimism_bias_pct,
                60.0,
                view,
            );
            super::risk_register_ui::capital_and_benefits_ui(ui, option);
        }
        rationale_edit(ui, &mut option.rationale, COST_ID, &name_of(COST_ID));
    });

    unless_unseen(ui, ("timing", width, is_bau), cull, |ui| {
        timing_ui(ui, option, shown);
        if ui
            .button("Year by year…")
            .on_hover_text("Every flow of this option in every year, as the method builds it")
            .accessible_name(format!("Year by year: {}", option.name))
            .clicked()
        {
            asked = Some(CardAsk::YearByYear);
        }
    });

    let one_offs = option.cost.one_offs.len();
    unless_unseen(ui, ("one-offs", width, one_offs), cull, |ui| {
        one_offs_ui(ui, option, shown.period_years);
    });

    let risks = option.cost.risks.len();
    unless_unseen(ui, ("risks", width, risks, ranges_shown), cull, |ui| {
        super::risk_register_ui::risk_register_ui(ui, option, shown.period_years, view);
    });

    let split = matches!(option.capacity, Capacity::Parts { .. });
    unless_unseen(ui, ("capacity", width, ranges_shown, split), cull, |ui| {
        section(ui, "Capacity to deliver (0–10)");
        capacity_ui(ui, option, shown.period_years, view);
        rationale_edit(
            ui,
            &mut option.rationale,
            CAPACITY_ID,
            &name_of(CAPACITY_ID),
        );
    });

    unless_unseen(ui, ("social value", width, ranges_shown), cull, |ui| {
        section(ui, "Social value");
        estimate_money(
            ui,
            "Monetised social value a year",
            &mut option.social_value.monetised_gbp_per_year,
            ranges.social_value,
            view,
        );
        estimate_rating(
            ui,
            "Unmonetised social value (0–10)",
            &mut option.social_value.unmonetised_rating,
            view,
        );
        rationale_edit(
            ui,
            &mut option.rationale,
            SOCIAL_VALUE_ID,
            &name_of(SOCIAL_VALUE_ID),
        );
    });

    let cbc = option.cbc.enabled;
    unless_unseen(ui, ("clauses", width, is_bau, cbc), cull, |ui| {
        if !is_bau {
            section(ui, "Community Benefit Clauses");
            ui.checkbox(&mut option.cbc.enabled, "Include Community Benefit Clauses")
                .on_hover_text("Contract conditions for local jobs, apprenticeships and work for voluntary groups: they cost money, add social value and build community capacity year on year.");
            if option.cbc.enabled {
                let cbc = &mut option.cbc;
                money_slider(
                    ui,
                    "Clauses' cost a year",
                    &mut cbc.annual_cost_gbp,
                    ranges.cbc,
                );
                money_slider(
                    ui,
                    "Social value they add a year",
                    &mut cbc.social_value_gbp_per_year,
                    ranges.cbc,
                );
                number_slider(
                    ui,
                    "Social value rating uplift",
                    &mut cbc.social_value_rating_uplift,
                    0.0..=5.0,
                    0.5,
                    " pts",
                );
                number_slider(
                    ui,
                    "Community capacity growth a year",
                    &mut cbc.capacity_growth_per_year,
                    0.0..=2.0,
                    0.1,
                    " pts",
                );
            }
        }
    });

    let extras: Vec<&Criterion> = criteria
        .iter()
        .filter(|c| matches!(c.measure, Measure::Rating { .. }))
        .collect();
    unless_unseen(ui, ("other criteria", width, extras.len()), cull, |ui| {
        if !extras.is_empty() {
            section(ui, "Other criteria");
            for c in extras {
                let value = option.scores.entry(c.id.clone()).or_insert(5.0);
                match c.scale {
                    crate::model::Scale::Fixed { worst, best }
                        if worst.min(best) >= 0.0 && worst.max(best) <= 10.0 =>
                    {
                        rating_slider(ui, &c.name, value);
                    }
                    crate::model::Scale::Fixed { worst, best } => {
                        number_slider(
                            ui,
                            &c.name,
                            value,
                            worst.min(best)..=worst.max(best),
                            0.5,
                            "",
                        );
                    }
                    crate::model::Scale::Local => {
                        number_slider(ui, &c.name, value, 0.0..=10.0, 0.5, "");
                    }
                }
                rationale_edit(ui, &mut option.rationale, &c.id, &c.name);
            }
        }
    });
    asked
}

/// When the option takes over, how fast it reaches its full saving, and how its running
/// cost grows: the timing `model::money::timing` builds the yearly flows from.
fn timing_ui(ui: &mut Ui, option: &mut DeliveryOption, shown: &CardResults<'_>) {
    let (period_years, bau_growth) = (shown.period_years, shown.bau_real_growth_pct);
    section(ui, "Timing");
    if option.kind != OptionKind::BusinessAsUsual {
        let last_year = period_years.max(1) - 1;
        let mut go_live = f64::from(option.cost.go_live_year.min(last_year));
        number_slider(
            ui,
            "Goes live in year (0 = the base year)",
            &mut go_live,
            0.0..=f64::from(last_year),
            1.0,
            "",
        )
        .on_hover_text(glossary::GO_LIVE);
        option.cost.go_live_year = go_live.round().clamp(0.0, f64::from(last_year)) as u32;
        ui.label(crate::words::inputs::go_live_line(
            shown.first_financial_year,
            option.cost.go_live_year,
        ));
        percent_list_field(
            ui,
            "Ramp-up from go-live (% of the full saving, year by year)",
            &mut option.cost.ramp_up_pct,
            (period_years - option.cost.go_live_year.min(last_year)) as usize,
        );
    }
    number_slider(
        ui,
        "Real growth of its running cost (% a year)",
        &mut option.cost.real_growth_pct,
        -MAX_REAL_GROWTH_PCT..=MAX_REAL_GROWTH_PCT,
        0.1,
        "%",
    )
    .on_hover_text(glossary::REAL_GROWTH);
    if option.kind != OptionKind::BusinessAsUsual {
        ui.label(crate::words::inputs::growth_against_bau(
            option.cost.real_growth_pct,
            bau_growth,
        ));
    }
}

/// Named one-off costs and receipts in given years: redundancy, TUPE and pension strain,
/// procurement, ICT exit, double running, contract exit, the sale of an asset.
fn one_offs_ui(ui: &mut Ui, option: &mut DeliveryOption, period_years: u32) {
    section(ui, "One-off costs and receipts");
    let last_year = period_years.max(1) - 1;
    let mut remove = None;
    for (k, one_off) in option.cost.one_offs.iter_mut().enumerate() {
        ui.push_id(("one-off", k), |ui| {
            // Multi-line so a long name wraps into view rather than scrolling away.
            ui.add(
                egui::TextEdit::multiline(&mut one_off.name)
                    .desired_rows(1)
                    .hint_text("e.g. Redundancy")
                    .desired_width(f32::INFINITY),
            )
            .accessible_name("One-off name");
            ui.horizontal_wrapped(|ui| {
                ui.label("in year");
                ui.add(egui::DragValue::new(&mut one_off.year).range(0..=last_year))
                    .accessible_name(format!("Year of {}", one_off.name));
                super::widgets::money_field(
                    ui,
                    &mut one_off.amount_gbp,
                    &format!("Amount of {}", one_off.name),
                );
                ui.checkbox(&mut one_off.receipt, "receipt")
                    .on_hover_text(glossary::RECEIPT);
                if !one_off.receipt {
                    ui.checkbox(&mut one_off.capital, "capital")
                        .on_hover_text(glossary::CAPITAL_COST)
                        .accessible_name(format!("{} is capital", one_off.name));
                }
                if ui
                    .small_button("Remove")
                    .accessible_name(format!("Remove {}", one_off.name))
                    .clicked()
                {
                    remove = Some(k);
                }
            });
        });
    }
    if let Some(k) = remove {
        option.cost.one_offs.remove(k);
    }
    if ui
        .button("+ Add a one-off")
        .on_hover_text(glossary::ONE_OFF)
        .clicked()
    {
        option.cost.one_offs.push(crate::model::OneOff {
            name: "One-off cost".into(),
            year: option.cost.go_live_year.min(last_year),
            amount_gbp: 0.0,
            receipt: false,
            capital: false,
        });
    }
}

fn capacity_ui(ui: &mut Ui, option: &mut DeliveryOption, period_years: u32, view: RangeView) {
    let mut split = matches!(option.capacity, Capacity::Parts { .. });
    if ui
        .checkbox(
            &mut split,
            "Rate community, market and client side separately",
        )
        .changed()
    {
        // Keep the overall figure when switching, so the score does not jump.
        let now = starting_capacity(&option.capacity);
        option.capacity = if split {
            Capacity::Parts {
                community: Estimate::new(now),
                market: Estimate::new(now),
                client_side: Estimate::new(now),
            }
        } else {
            Capacity::Overall(Estimate::new(now))
        };
    }
    match &mut option.capacity {
        Capacity::Overall(rating) => estimate_rating(ui, "Capacity", rating, view),
        Capacity::Parts {
            community,
            market,
            client_side,
        } => {
            estimate_rating(ui, "Community and voluntary sector", community, view);
            estimate_rating(ui, "Provider market", market, view);
            estimate_rating(ui, "Council client side", client_side, view);
        }
    }
    let effective = effective_capacity(option, period_years);
    ui.label(format!("Scored as {effective:.2} (mean over the period)"));
}
