//! The live result charts: value profile, head to head, cumulative net benefit by year, and
//! benefit score against whole-life cost with the efficient frontier. Each option keeps its
//! colour; legends sit under the plots, never on them.

use eframe::egui::{self, Ui};
use egui_plot::{Bar, BarChart, Line, MarkerShape, PlotPoints, Points, Text};

use super::palette::{option_colour, shade};
use super::plot::{
    LegendEntry, fit_names, label_width_for, led_legend_row, legend_row, named_rows, nice_marks,
    still_plot, ui_text_colour,
};
use super::{head_to_head_ui, robustness_ui};
use crate::app::robustness_state::RobustnessState;
use crate::model::format::gbp;
use crate::model::{Appraisal, Results};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Chart {
    #[default]
    ValueProfile,
    HeadToHead,
    NetBenefitByYear,
    BenefitAgainstCost,
    FinancialCase,
    Groups,
    WeightSweep,
    RankAcceptability,
    NpsvSpread,
    Tornado,
}

/// What the charts let the user choose, kept between frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChartChoices {
    /// The criterion whose weight the sweep moves.
    pub sweep_criterion: usize,
    /// The two options compared head to head; None: the leader and the runner-up.
    pub head_to_head: Option<(usize, usize)>,
}

impl Chart {
    pub const ALL: [Chart; 10] = [
        Chart::ValueProfile,
        Chart::HeadToHead,
        Chart::NetBenefitByYear,
        Chart::BenefitAgainstCost,
        Chart::FinancialCase,
        Chart::Groups,
        Chart::WeightSweep,
        Chart::RankAcceptability,
        Chart::NpsvSpread,
        Chart::Tornado,
    ];

    /// How many of `ALL` are results (the rest are robustness).
    const RESULTS: usize = 6;

    pub fn title(self) -> &'static str {
        match self {
            Chart::ValueProfile => "Where each score comes from",
            Chart::HeadToHead => "Two options head to head, criterion by criterion",
            Chart::NetBenefitByYear => "Net benefit against business as usual, by year",
            Chart::BenefitAgainstCost => "Benefit against whole-life cost",
            Chart::FinancialCase => "Can the council afford it? Cash by financial year",
            Chart::Groups => "Each workshop group's ranking, and the combined one",
            Chart::WeightSweep => "Who leads as one weight changes",
            Chart::RankAcceptability => "How often each option comes first (darkest), second, …",
            Chart::NpsvSpread => "NPSV across the uncertain inputs",
            Chart::Tornado => "What moves the preferred option's NPSV most",
        }
    }

    /// The id of the same chart in the report's SVG charts, where there is one.
    pub fn svg_id(self) -> Option<&'static str> {
        match self {
            Chart::ValueProfile => Some("value-profile"),
            Chart::NetBenefitByYear => Some("net-benefit"),
            Chart::BenefitAgainstCost => Some("benefit-cost"),
            Chart::FinancialCase => Some("financial-case"),
            Chart::WeightSweep => Some("weight-sweeps"),
            Chart::RankAcceptability => Some("acceptability"),
            Chart::NpsvSpread => Some("npsv-spread"),
            Chart::Tornado => Some("tornado"),
            // Tables, or a view chosen on screen: their PNG, or the report's tables, serve.
            Chart::Groups | Chart::HeadToHead => None,
        }
    }

    pub fn tab(self) -> &'static str {
        match self {
            Chart::ValueProfile => "Value profile",
            Chart::HeadToHead => "Head to head",
            Chart::NetBenefitByYear => "Net benefit",
            Chart::BenefitAgainstCost => "Benefit vs cost",
            Chart::FinancialCase => "Financial case",
            Chart::Groups => "Workshop groups",
            Chart::WeightSweep => "Sweep",
            Chart::RankAcceptability => "Acceptability",
            Chart::NpsvSpread => "NPSV spread",
            Chart::Tornado => "Tornado",
        }
    }

    /// What the tab shows, for its hover text.
    pub fn help(self) -> &'static str {
        match self {
            Chart::ValueProfile => {
                "Each option's weighted score, split into the points each criterion gives it."
            }
            Chart::HeadToHead => {
                "Where one option gains and loses weighted points against another, criterion by criterion."
            }
            Chart::NetBenefitByYear => {
                "Each option's cumulative discounted net benefit against business as usual, year by year: where it crosses zero, it has paid back."
            }
            Chart::BenefitAgainstCost => {
                "Benefit score (every criterion but cost) against whole-life cost, with the efficient frontier."
            }
            Chart::FinancialCase => {
                "Each option's revenue cost in cash, by financial year, against the service's budget and the savings target: whether and from when it finds the saving."
            }
            Chart::Groups => {
                "Each workshop group's ranking side by side, and the combined ranking."
            }
            Chart::WeightSweep => {
                "Each option's score as one weight moves from 0% to 100% of the decision; the dots are where the leader changes."
            }
            Chart::RankAcceptability => crate::words::glossary::ACCEPTABILITY,
            Chart::NpsvSpread => {
                "The spread of each option's NPSV when every uncertain figure is drawn from its range."
            }
            Chart::Tornado => {
                "How far each uncertain figure moves the preferred option's NPSV between its low and high values."
            }
        }
    }
}

pub fn chart_tabs_ui(ui: &mut Ui, current: &mut Chart) {
    let (results, robustness) = Chart::ALL.split_at(Chart::RESULTS);
    for (group, charts) in [("Results:", results), ("Robustness:", robustness)] {
        ui.horizontal_wrapped(|ui| {
            ui.label(group);
            for &chart in charts {
                ui.selectable_value(current, chart, chart.tab())
                    .on_hover_text(chart.help());
            }
        });
    }
}

pub fn chart_ui(
    ui: &mut Ui,
    chart: Chart,
    appraisal: &Appraisal,
    results: &Results,
    robust: &RobustnessState,
    choices: &mut ChartChoices,
) -> egui::Rect {
    ui.scope(|ui| chart_body_ui(ui, chart, appraisal, results, robust, choices))
        .response
        .rect
}

fn chart_body_ui(
    ui: &mut Ui,
    chart: Chart,
    appraisal: &Appraisal,
    results: &Results,
    robust: &RobustnessState,
    choices: &mut ChartChoices,
) {
    if !matches!(chart, Chart::WeightSweep | Chart::HeadToHead) {
        ui.strong(chart.title()).on_hover_text(chart.help());
    }
    // A chart of scores or money for an appraisal still missing figures would look like a
    // confident result: say what is missing instead (the robustness tabs say so themselves).
    let missing = crate::model::completeness::missing_figures(appraisal);
    if !missing.is_empty()
        && matches!(
            chart,
            Chart::ValueProfile
                | Chart::HeadToHead
                | Chart::NetBenefitByYear
                | Chart::BenefitAgainstCost
                | Chart::FinancialCase
        )
    {
        ui.label(crate::words::results::incomplete(appraisal, &missing));
        return;
    }
    let response = match chart {
        Chart::ValueProfile => value_profile(ui, appraisal, results),
        Chart::HeadToHead => {
            head_to_head_ui::head_to_head(ui, appraisal, results, &mut choices.head_to_head)
        }
        Chart::NetBenefitByYear => net_benefit_by_year(ui, appraisal, results),
        Chart::BenefitAgainstCost => benefit_against_cost(ui, appraisal, results),
        Chart::FinancialCase => super::finance_ui::financial_case_ui(ui, appraisal, results),
        Chart::Groups => super::workshop_ui::groups_comparison_ui(ui, appraisal, results),
        Chart::WeightSweep => {
            robustness_ui::sweep_ui(ui, appraisal, results, robust, &mut choices.sweep_criterion)
        }
        Chart::RankAcceptability => robustness_ui::acceptability_ui(ui, appraisal, results, robust),
        Chart::NpsvSpread => robustness_ui::npsv_spread_ui(ui, appraisal, robust),
        Chart::Tornado => robustness_ui::tornado_ui(ui, appraisal, results, robust),
    };
    // Plots have no accessible name of their own.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, chart.title()));
}

/// Black or white, whichever has the more contrast on `fill`.
fn on_fill(fill: egui::Color32) -> egui::Color32 {
    let (black, white) = (egui::Color32::from_gray(10), egui::Color32::WHITE);
    if super::palette::contrast(black, fill) >= super::palette::contrast(white, fill) {
        black
    } else {
        white
    }
}

/// The options best first (ties in file order): charts read top down in rank order.
pub(super) fn by_rank(results: &Results) -> Vec<usize> {
    let mut order: Vec<usize> = (0..results.options.len()).collect();
    order.sort_by_key(|&i| (results.options[i].rank, i));
    order
}

/// A short name for a criterion on a bar segment: its first word, up to six letters.
/// The longest of the criterion's name or its first word that fits `width` points: never a
/// word cut short ("Capaci"), which a councillor cannot read.
fn segment_label(ui: &Ui, name: &str, width: f32) -> Option<String> {
    let first_word = name.split_whitespace().next().unwrap_or(name);
    [name, first_word]
        .into_iter()
        .find(|text| super::widgets::label_width(ui, text) + 6.0 <= width)
        .map(str::to_string)
}

fn value_profile(ui: &mut Ui, appraisal: &Appraisal, results: &Results) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let n_criteria = appraisal.criteria.len();
    let order = by_rank(results);
    let n_rows = order.len();
    // Horizontal bars, the leader at the top, so the names fit as axis labels.
    let row_of = |position: usize| (n_rows - 1 - position) as f64;
    let full: Vec<String> = order
        .iter()
        .map(|&i| appraisal.options[i].name.clone())
        .collect();
    let label_width = label_width_for(ui, &full, 0.4);
    let names = fit_names(ui, &full, label_width);
    let mut charts: Vec<BarChart> = Vec::new();
    let mut segment_labels = Vec::new();
    // The plot spans 0–110 points across what the names leave (less the axis margins).
    let px_per_point = ((ui.available_width() - label_width - 40.0) / 110.0).max(0.1) as f64;
    for (j, criterion) in appraisal.criteria.iter().enumerate() {
        let mut bars = Vec::new();
        for (position, &i) in order.iter().enumerate() {
            let (o, r) = (&appraisal.options[i], &results.options[i]);
            let start: f64 = r.contributions[..j].iter().sum();
            let points = r.contributions[j];
            let fill = shade(option_colour(o.kind), j, n_criteria, dark);
            bars.push(
                Bar::new(row_of(position), points)
                    .width(0.65)
                    .fill(fill)
                    .name(format!("{} · {}", o.name, criterion.name)),
            );
            // Segments wide enough to hold their criterion's name carry it, in whichever of
            // black or white reads better on the segment's shade.
            let fill = shade(option_colour(o.kind), j, n_criteria, dark);
            if let Some(text) = segment_label(ui, &criterion.name, (points * px_per_point) as f32) {
                segment_labels.push((start + points / 2.0, row_of(position), text, on_fill(fill)));
            }
        }
        let others: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(criterion.name.clone(), bars)
            .horizontal()
            .element_formatter(Box::new(|bar, _| {
                format!("{}: {:.1} points", bar.name, bar.value)
            }))
            .stack_on(&others);
        charts.push(chart);
    }
    let totals: Vec<f64> = order
        .iter()
        .map(|&i| results.options[i].weighted_score)
        .collect();
    let response = named_rows(
        still_plot("value_profile", ui, 4.0)
            .include_x(0.0)
            .include_x(110.0)
            .x_grid_spacer(|input| nice_marks(input, 5.0))
            .x_axis_label("weighted score (0–100)"),
        names,
        label_width,
    )
    .show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
        for (k, (x, y, text, colour)) in segment_labels.into_iter().enumerate() {
            plot.text(Text::new(format!("segment {k}"), [x, y].into(), text).color(colour));
        }
        for (position, total) in totals.iter().enumerate() {
            plot.text(
                Text::new(
                    format!("total {position}"),
                    [total + 5.0, row_of(position)].into(),
                    format!("{total:.1}"),
                )
                .color(ui_text_colour(dark)),
            );
        }
    })
    .response;
    // The key in the leading option's own shades, so it matches a bar on the chart.
    let key_colour = option_colour(appraisal.options[results.preferred].kind);
    let entries: Vec<LegendEntry> = appraisal
        .criteria
        .iter()
        .enumerate()
        .map(|(j, c)| LegendEntry {
            colour: shade(key_colour, j, n_criteria, dark),
            label: c.name.clone(),
            dashed: false,
        })
        .collect();
    led_legend_row(ui, Some(crate::words::results::VALUE_PROFILE_KEY), &entries);
    response
}

fn net_benefit_by_year(ui: &mut Ui, appraisal: &Appraisal, results: &Results) -> egui::Response {
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let first_year = appraisal
        .settings
        .finance
        .first_year(appraisal.meta.price_base_year);
    let dark = ui.visuals().dark_mode;
    ui.label("Cumulative discounted net benefit against business as usual");
    let marks = super::plot::marks_that_fit(ui, 4.0);
    let response = super::plot::money_by_financial_year(
        still_plot("net_benefit_by_year", ui, 4.0),
        first_year,
        marks,
    )
    .show(ui, |plot| {
        for (o, r) in appraisal.options.iter().zip(&results.options) {
            let series: PlotPoints = r
                .headline(apply_ob)
                .cumulative_net_gbp
                .iter()
                .enumerate()
                .map(|(t, v)| [t as f64, *v])
                .collect();
            plot.line(
                Line::new(o.name.clone(), series)
                    .color(option_colour(o.kind))
                    .width(3.0),
            );
        }
        // Dashed and dark: business as usual is the grey line along zero.
        plot.hline(
            egui_plot::HLine::new("break-even", 0.0)
                .color(ui_text_colour(dark))
                .style(egui_plot::LineStyle::dashed_loose()),
        );
    })
    .response;
    let mut entries: Vec<LegendEntry> = by_rank(results)
        .into_iter()
        .map(|i| LegendEntry {
            colour: option_colour(appraisal.options[i].kind),
            label: appraisal.options[i].name.clone(),
            dashed: false,
        })
        .collect();
    entries.push(LegendEntry {
        colour: ui_text_colour(dark),
        label: "break-even".into(),
        dashed: true,
    });
    legend_row(ui, &entries);
    ui.label("Above zero: the option has paid back its costs against business as usual.");
    response
}

fn benefit_against_cost(ui: &mut Ui, appraisal: &Appraisal, results: &Results) -> egui::Response {
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let point = |i: usize| {
        let r = &results.options[i];
        [r.headline(apply_ob).whole_life_cost_gbp, r.benefit_score]
    };
    let mut frontier: Vec<[f64; 2]> = (0..results.options.len())
        .filter(|&i| results.options[i].on_efficient_frontier)
        .map(point)
        .collect();
    frontier.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let dark = ui.visuals().dark_mode;
    let response = still_plot("benefit_against_cost", ui, 5.0)
        .include_y(0.0)
        .include_y(105.0)
        .x_axis_label("whole-life cost (present value)")
        .y_axis_label("benefit score")
        .x_grid_spacer(|input| nice_marks(input, 4.0))
        .y_grid_spacer(|input| nice_marks(input, 5.0))
        .x_axis_formatter(|mark, _| gbp(mark.value))
        .label_formatter(|hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{} · benefit {:.1}",
                gbp(position.x),
                position.y
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            plot.line(
                Line::new("efficient frontier", PlotPoints::from(frontier))
                    .color(ui_text_colour(dark))
                    .style(egui_plot::LineStyle::dashed_loose())
                    .width(2.0),
            );
            for (i, o) in appraisal.options.iter().enumerate() {
                plot.points(
                    Points::new(o.name.clone(), vec![point(i)])
                        .color(option_colour(o.kind))
                        .shape(MarkerShape::Circle)
                        .filled(true)
                        .radius(9.0),
                );
            }
        })
        .response;
    let mut entries: Vec<LegendEntry> = by_rank(results)
        .into_iter()
        .map(|i| LegendEntry {
            colour: option_colour(appraisal.options[i].kind),
            label: appraisal.options[i].name.clone(),
            dashed: false,
        })
        .collect();
    entries.push(LegendEntry {
        colour: ui_text_colour(dark),
        label: "efficient frontier".into(),
        dashed: true,
    });
    legend_row(ui, &entries);
    ui.label("Benefit score: every criterion except cost, 0–100. Up and to the left is better. Options on the dashed line are not beaten on both benefit and cost by any other.");
    response
}
