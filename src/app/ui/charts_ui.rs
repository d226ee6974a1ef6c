//! The three live charts: value profile, cumulative net benefit by year, and benefit score
//! against whole-life cost with the efficient frontier. Each option keeps its colour.

use eframe::egui::{self, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, MarkerShape, PlotPoints, Points, Text};

use super::palette::{option_colour, shade};
use super::plot::{named_rows, still_plot, ui_text_colour};
use super::robustness_ui;
use super::widgets::short_name;
use crate::app::robustness_state::RobustnessState;
use crate::model::format::gbp;
use crate::model::{Appraisal, Results};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Chart {
    #[default]
    ValueProfile,
    NetBenefitByYear,
    BenefitAgainstCost,
    Groups,
    WeightSweep,
    RankAcceptability,
    NpsvSpread,
    Tornado,
}

impl Chart {
    pub const ALL: [Chart; 8] = [
        Chart::ValueProfile,
        Chart::NetBenefitByYear,
        Chart::BenefitAgainstCost,
        Chart::Groups,
        Chart::WeightSweep,
        Chart::RankAcceptability,
        Chart::NpsvSpread,
        Chart::Tornado,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Chart::ValueProfile => "Where each score comes from",
            Chart::NetBenefitByYear => "Net benefit against business as usual, by year",
            Chart::BenefitAgainstCost => "Benefit against whole-life cost",
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
            Chart::WeightSweep => Some("weight-sweeps"),
            Chart::RankAcceptability => Some("acceptability"),
            Chart::NpsvSpread => Some("npsv-spread"),
            Chart::Tornado => Some("tornado"),
            // A table rather than a chart: its PNG, or the report's tables, serve instead.
            Chart::Groups => None,
        }
    }

    pub fn tab(self) -> &'static str {
        match self {
            Chart::ValueProfile => "Value profile",
            Chart::NetBenefitByYear => "Net benefit",
            Chart::BenefitAgainstCost => "Benefit vs cost",
            Chart::Groups => "Workshop groups",
            Chart::WeightSweep => "Sweep",
            Chart::RankAcceptability => "Acceptability",
            Chart::NpsvSpread => "NPSV spread",
            Chart::Tornado => "Tornado",
        }
    }
}

pub fn chart_tabs_ui(ui: &mut Ui, current: &mut Chart) {
    let (results, robustness) = Chart::ALL.split_at(4);
    for (group, charts) in [("Results:", results), ("Robustness:", robustness)] {
        ui.horizontal_wrapped(|ui| {
            ui.small(group);
            for &chart in charts {
                ui.selectable_value(current, chart, chart.tab());
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
    sweep_criterion: &mut usize,
) -> egui::Rect {
    ui.scope(|ui| chart_body_ui(ui, chart, appraisal, results, robust, sweep_criterion))
        .response
        .rect
}

fn chart_body_ui(
    ui: &mut Ui,
    chart: Chart,
    appraisal: &Appraisal,
    results: &Results,
    robust: &RobustnessState,
    sweep_criterion: &mut usize,
) {
    if chart != Chart::WeightSweep {
        ui.strong(chart.title());
    }
    let response = match chart {
        Chart::ValueProfile => value_profile(ui, appraisal, results),
        Chart::NetBenefitByYear => net_benefit_by_year(ui, appraisal, results),
        Chart::BenefitAgainstCost => benefit_against_cost(ui, appraisal, results),
        Chart::Groups => super::workshop_ui::groups_comparison_ui(ui, appraisal, results),
        Chart::WeightSweep => {
            robustness_ui::sweep_ui(ui, appraisal, results, robust, sweep_criterion)
        }
        Chart::RankAcceptability => robustness_ui::acceptability_ui(ui, appraisal, results, robust),
        Chart::NpsvSpread => robustness_ui::npsv_spread_ui(ui, appraisal, robust),
        Chart::Tornado => robustness_ui::tornado_ui(ui, appraisal, results, robust),
    };
    // Plots have no accessible name of their own.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, chart.title()));
}

fn value_profile(ui: &mut Ui, appraisal: &Appraisal, results: &Results) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    let n_criteria = appraisal.criteria.len();
    let n_options = appraisal.options.len();
    // Horizontal bars, first option at the top, so the names fit as axis labels.
    let row = move |i: usize| (n_options - 1 - i) as f64;
    let names: Vec<String> = appraisal
        .options
        .iter()
        .map(|o| short_name(&o.name, 18))
        .collect();
    let mut charts: Vec<BarChart> = Vec::new();
    for (j, criterion) in appraisal.criteria.iter().enumerate() {
        let bars: Vec<Bar> = appraisal
            .options
            .iter()
            .zip(&results.options)
            .enumerate()
            .map(|(i, (o, r))| {
                Bar::new(row(i), r.contributions[j])
                    .width(0.65)
                    .fill(shade(option_colour(o.kind), j, n_criteria, dark))
                    .name(format!("{} · {}", o.name, criterion.name))
            })
            .collect();
        let others: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(criterion.name.clone(), bars)
            .horizontal()
            .element_formatter(Box::new(|bar, _| {
                format!("{}: {:.1} points", bar.name, bar.value)
            }))
            .stack_on(&others);
        charts.push(chart);
    }
    let totals: Vec<f64> = results.options.iter().map(|r| r.weighted_score).collect();
    let response = named_rows(
        still_plot("value_profile", ui, 3.0)
            .include_x(0.0)
            .include_x(108.0)
            .x_axis_label("weighted score (0–100)"),
        names,
        130.0,
    )
    .show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
        for (i, total) in totals.iter().enumerate() {
            plot.text(
                Text::new(
                    format!("total {i}"),
                    [total + 4.0, row(i)].into(),
                    format!("{total:.1}"),
                )
                .color(ui_text_colour(dark)),
            );
        }
    })
    .response;
    let order = appraisal
        .criteria
        .iter()
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    ui.small(format!(
        "Each bar splits the score by criterion, left (darkest) to right: {order}."
    ));
    response
}

fn net_benefit_by_year(ui: &mut Ui, appraisal: &Appraisal, results: &Results) -> egui::Response {
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let base_year = appraisal.meta.price_base_year;
    let dark = ui.visuals().dark_mode;
    let response = still_plot("net_benefit_by_year", ui, 3.0)
        .legend(Legend::default().position(egui_plot::Corner::LeftTop))
        .x_axis_label(format!("year (0 = {base_year})"))
        .y_axis_label("cumulative discounted net benefit")
        .y_axis_formatter(|mark, _| gbp(mark.value))
        .label_formatter(|hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\nyear {:.0}: {}",
                position.x,
                gbp(position.y)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
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
    ui.small("Above zero: the option has paid back its costs against business as usual.");
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
    let response = still_plot("benefit_against_cost", ui, 3.0)
        .legend(Legend::default().position(egui_plot::Corner::RightBottom))
        .include_y(0.0)
        .include_y(105.0)
        .x_axis_label("whole-life cost (present value)")
        .y_axis_label("benefit score (0–100)")
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
                    .color(egui::Color32::GRAY)
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
    ui.small("Benefit score: every criterion except cost, 0–100. Up and to the left is better. Options on the dashed line are not beaten on both benefit and cost by any other.");
    response
}
