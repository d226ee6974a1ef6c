//! The robustness charts and the fragile-winner warning: weight sweeps with switching values,
//! rank acceptability with central weights, the NPSV spread, and the tornado.

use eframe::egui::{self, RichText, Ui};
use egui_plot::{
    Bar, BarChart, BoxElem, BoxPlot, BoxSpread, Line, PlotPoints, Points, Text, VLine,
};

use super::palette::{WARNING, option_colour, shade, warning_text};
use super::plot::{fit_names, label_width_for, named_rows, nice_marks, still_plot};
use crate::app::robustness_state::RobustnessState;
use crate::model::format::gbp;
use crate::model::{Appraisal, Results};
use crate::words::glossary;
use crate::words::robustness::{fragile_warnings, input_value, share};

/// The warning in words, where the ranking is shown; and how far the analysis has got.
/// The fragile-lead warnings; `all_open` lists every one (presentation), otherwise the rest
/// fold under the first.
pub fn fragile_ui(
    ui: &mut Ui,
    appraisal: &Appraisal,
    results: &Results,
    state: &RobustnessState,
    all_open: bool,
) {
    let Some(s) = &state.sensitivity else { return };
    let smaa = state
        .smaa
        .as_ref()
        .and_then(|p| p.result.as_ref().ok())
        .filter(|_| state.is_current());
    // The nearest threat in full, next to the ranking; the rest one click away.
    let warnings = fragile_warnings(appraisal, results, s, smaa);
    if let Some((first, rest)) = warnings.split_first() {
        ui.label(
            RichText::new(format!("Fragile lead: {first}"))
                .strong()
                .color(warning_text(ui.visuals())),
        )
        .on_hover_text(glossary::FRAGILE);
        if !rest.is_empty() {
            egui::CollapsingHeader::new(format!("{} more warning(s)", rest.len()))
                .id_salt(("more_warnings", all_open))
                .default_open(all_open)
                .show(ui, |ui| {
                    for w in rest {
                        ui.label(RichText::new(w).color(warning_text(ui.visuals())));
                    }
                });
        }
    }
    match &state.smaa {
        Some(p) if state.is_current() && p.is_complete() => match &p.result {
            Ok(x) => {
                ui.label(format!(
                    "Robustness: {} draws (seed {}) of {}, acceptabilities ±{:.0} points.",
                    x.draws,
                    appraisal.settings.robustness.seed,
                    crate::words::robustness::weightings(
                        appraisal.settings.robustness.weight_information
                    ),
                    x.margin * 100.0
                ))
                .on_hover_text(glossary::DRAWS);
            }
            Err(e) => {
                ui.label(
                    RichText::new(format!("Robustness: {e}.")).color(warning_text(ui.visuals())),
                );
            }
        },
        Some(p) if state.is_current() => {
            ui.horizontal(|ui| {
                ui.add(
                    egui::ProgressBar::new(p.fraction)
                        .desired_width(160.0)
                        .text("working out robustness"),
                );
            });
        }
        _ => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Working out robustness…");
            });
        }
    }
}

pub fn sweep_ui(
    ui: &mut Ui,
    appraisal: &Appraisal,
    results: &Results,
    state: &RobustnessState,
    criterion: &mut usize,
) -> egui::Response {
    *criterion = (*criterion).min(appraisal.criteria.len().saturating_sub(1));
    ui.horizontal(|ui| {
        ui.strong("Who leads as the weight of");
        egui::ComboBox::from_id_salt("sweep_criterion")
            .selected_text(&appraisal.criteria[*criterion].name)
            .show_ui(ui, |ui| {
                for (j, c) in appraisal.criteria.iter().enumerate() {
                    ui.selectable_value(criterion, j, &c.name);
                }
            })
            .response
            .on_hover_text("Criterion whose weight is swept");
        ui.strong("changes");
    });
    let Some(sweep) = state.sensitivity.as_ref().map(|s| &s.sweeps[*criterion]) else {
        return ui.label("No sweep: the appraisal is not valid.");
    };
    let j = *criterion;
    let pct = |w: f64| w * 100.0;
    let response = still_plot("weight_sweep", ui, 3.0)
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.0)
        .include_y(100.0)
        .x_grid_spacer(|input| nice_marks(input, 5.0))
        .y_grid_spacer(|input| nice_marks(input, 5.0))
        .x_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .x_axis_label(format!(
            "{} weight, % of the decision",
            appraisal.criteria[j].name.to_lowercase()
        ))
        .y_axis_label("weighted score")
        .show(ui, |plot| {
            for (i, o) in appraisal.options.iter().enumerate() {
                let line =
                    PlotPoints::from(vec![[0.0, sweep.at_zero[i]], [100.0, sweep.at_one[i]]]);
                plot.line(
                    Line::new(o.name.clone(), line)
                        .color(option_colour(o.kind))
                        .width(if i == results.preferred { 3.5 } else { 2.0 }),
                );
            }
            plot.vline(
                VLine::new("current weight", pct(sweep.current_weight))
                    .color(egui::Color32::GRAY)
                    .width(2.0),
            );
            for (k, x) in sweep.switches.iter().enumerate() {
                // Unnamed: hovering the plot names the lines, not these markers.
                plot.points(
                    Points::new("", vec![[pct(x.weight), sweep.total(x.after, x.weight)]])
                        .id(("switch", k))
                        .color(WARNING)
                        .radius(6.0),
                );
                plot.text(
                    Text::new(
                        "",
                        [pct(x.weight), sweep.total(x.after, x.weight) + 6.0].into(),
                        format!("{:.0}%", pct(x.weight)),
                    )
                    .id(("switch label", k)),
                );
            }
        })
        .response;
    let caption = match sweep.nearest_switches() {
        (None, None) => format!(
            "{} leads at every {} weight.",
            appraisal.options[results.preferred].name,
            appraisal.criteria[j].name.to_lowercase()
        ),
        (above, below) => {
            let mut parts = Vec::new();
            if let Some(x) = above {
                parts.push(format!(
                    "above {}, {} leads",
                    share(x.weight),
                    appraisal.options[x.after].name
                ));
            }
            if let Some(x) = below {
                parts.push(format!(
                    "below {}, {} leads",
                    share(x.weight),
                    appraisal.options[x.before].name
                ));
            }
            format!(
                "Lines in each option's colour. Grey: today's weight, {} of the decision. Dots: switching values — {}.",
                share(sweep.current_weight),
                parts.join("; ")
            )
        }
    };
    ui.label(caption).on_hover_text(glossary::SWITCHING_VALUE);
    response
}

pub fn acceptability_ui(
    ui: &mut Ui,
    appraisal: &Appraisal,
    results: &Results,
    state: &RobustnessState,
) -> egui::Response {
    let preferred = results.preferred;
    let preferred_name = appraisal.options[preferred].name.clone();
    let Some(x) = state.smaa.as_ref().and_then(|p| p.result.as_ref().ok()) else {
        return ui.label("Working out rank acceptability…");
    };
    let dark = ui.visuals().dark_mode;
    let n = appraisal.options.len();
    let row = move |i: usize| (n - 1 - i) as f64;
    let full: Vec<String> = appraisal.options.iter().map(|o| o.name.clone()).collect();
    let label_width = label_width_for(ui, &full, 0.4);
    let names = fit_names(ui, &full, label_width);
    let central_text = |i: usize| {
        x.central_weights[i].as_ref().map_or_else(
            || "never first".to_string(),
            |c| {
                let parts: Vec<String> = appraisal
                    .criteria
                    .iter()
                    .zip(c)
                    .map(|(cr, w)| format!("{} {:.0}%", cr.name, w * 100.0))
                    .collect();
                format!("central weights {}", parts.join(", "))
            },
        )
    };
    let mut charts: Vec<BarChart> = Vec::new();
    for rank in 0..n {
        let bars: Vec<Bar> = appraisal
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let extra = if rank == 0 {
                    format!("\n{}", central_text(i))
                } else {
                    String::new()
                };
                Bar::new(row(i), x.acceptability[i][rank] * 100.0)
                    .width(0.65)
                    .fill(shade(option_colour(o.kind), rank, n, dark))
                    .name(format!("{} · rank {}{extra}", o.name, rank + 1))
            })
            .collect();
        let others: Vec<&BarChart> = charts.iter().collect();
        charts.push(
            BarChart::new(format!("rank {}", rank + 1), bars)
                .horizontal()
                .element_formatter(Box::new(|bar, _| {
                    format!("{}: {:.1}% of draws", bar.name, bar.value)
                }))
                .stack_on(&others),
        );
    }
    let response = named_rows(
        still_plot("acceptability", ui, 3.0)
            .include_x(0.0)
            .include_x(100.0)
            .x_grid_spacer(|input| nice_marks(input, 5.0))
            .x_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
            .x_axis_label("share of the weightings drawn"),
        names,
        label_width,
    )
    .show(ui, |plot| {
        for chart in charts {
            plot.bar_chart(chart);
        }
    })
    .response;
    // Every option that shares the top share, named together ("A and B, 30% each").
    let top = x
        .acceptability
        .iter()
        .map(|acc| (acc[0] * 100.0).round())
        .fold(0.0, f64::max);
    let most: Vec<&str> = appraisal
        .options
        .iter()
        .zip(&x.acceptability)
        .filter(|(_, acc)| (acc[0] * 100.0).round() == top)
        .map(|(o, _)| o.name.as_str())
        .collect();
    let leader = match most.as_slice() {
        [one] => format!("{one} ({top:.0}%)"),
        many => format!("{} ({top:.0}% each)", many.join(" and ")),
    };
    let reading = crate::words::robustness::first_most_often(
        appraisal.settings.robustness.weight_information,
        x.draws,
        &leader,
        &preferred_name,
        most.contains(&preferred_name.as_str()),
    );
    // Central weights beside the bars: the typical weighting that makes an option first.
    ui.label(format!(
        "{reading} {preferred_name}'s {}.",
        central_text(preferred)
    ));
    response
}

pub fn npsv_spread_ui(
    ui: &mut Ui,
    appraisal: &Appraisal,
    state: &RobustnessState,
) -> egui::Response {
    let Some(x) = state.smaa.as_ref().and_then(|p| p.result.as_ref().ok()) else {
        return ui.label("Working out the NPSV spread…");
    };
    // Business as usual is the comparator: its NPSV is zero by definition.
    let shown: Vec<usize> = (0..appraisal.options.len())
        .filter(|&i| appraisal.options[i].kind != crate::model::OptionKind::BusinessAsUsual)
        .collect();
    let n = shown.len();
    let full: Vec<String> = shown
        .iter()
        .map(|&i| appraisal.options[i].name.clone())
        .collect();
    let label_width = label_width_for(ui, &full, 0.4);
    let names = fit_names(ui, &full, label_width);
    let boxes: Vec<BoxPlot> = shown
        .iter()
        .enumerate()
        .map(|(row, &i)| {
            let o = &appraisal.options[i];
            let s = &x.npsv[i];
            BoxPlot::new(
                o.name.clone(),
                vec![
                    BoxElem::new(
                        (n - 1 - row) as f64,
                        BoxSpread::new(s.p10, s.p25, s.p50, s.p75, s.p90),
                    )
                    .name(format!(
                        "{}: P10 {} · P50 {} · P90 {} · NPSV above zero in {:.0}%",
                        o.name,
                        gbp(s.p10),
                        gbp(s.p50),
                        gbp(s.p90),
                        s.p_positive * 100.0
                    ))
                    .box_width(0.6)
                    .whisker_width(0.4),
                ],
            )
            .horizontal()
            .color(option_colour(o.kind))
            .element_formatter(Box::new(|e, _| e.name.clone()))
        })
        .collect();
    let response = named_rows(
        still_plot("npsv_spread", ui, 3.0)
            .x_axis_label("NPSV against business as usual")
            .x_grid_spacer(|input| nice_marks(input, 6.0))
            .x_axis_formatter(|mark, _| gbp(mark.value)),
        names,
        label_width,
    )
    .show(ui, |plot| {
        for b in boxes {
            plot.box_plot(b);
        }
        plot.vline(VLine::new("business as usual", 0.0).color(egui::Color32::GRAY));
    })
    .response;
    ui.label(format!(
        "Whiskers P10–P90, box P25–P75, line the median, over {} draws of every input from its low–high range. Business as usual is the grey line at zero: it is what each NPSV is measured against.",
        x.draws
    ));
    response
}

pub fn tornado_ui(
    ui: &mut Ui,
    appraisal: &Appraisal,
    results: &Results,
    state: &RobustnessState,
) -> egui::Response {
    let Some(s) = &state.sensitivity else {
        return ui.label("No tornado: the appraisal is not valid.");
    };
    let p = results.preferred;
    let base = results.options[p]
        .headline(appraisal.settings.apply_optimism_bias)
        .npsv_gbp;
    let bars: Vec<_> = s.tornado.iter().take(8).collect();
    let k = bars.len();
    // The input first, so the part that differs between bars is never the part cut off.
    let full: Vec<String> = bars
        .iter()
        .map(|t| format!("{} ({})", t.input.label(), appraisal.options[t.option].name))
        .collect();
    let label_width = label_width_for(ui, &full, 0.45);
    let labels = fit_names(ui, &full, label_width);
    let colour = option_colour(appraisal.options[p].kind);
    let mut low_bars = Vec::new();
    let mut high_bars = Vec::new();
    for (i, t) in bars.iter().enumerate() {
        let y = (k - 1 - i) as f64;
        low_bars.push(
            Bar::new(y, t.npsv_at_low - base)
                .base_offset(base)
                .width(0.6)
                .fill(colour.gamma_multiply(0.45))
                .name(format!(
                    "{} at its low value: NPSV {}",
                    full[i],
                    gbp(t.npsv_at_low)
                )),
        );
        high_bars.push(
            Bar::new(y, t.npsv_at_high - base)
                .base_offset(base)
                .width(0.6)
                .fill(colour)
                .name(format!(
                    "{} at its high value: NPSV {}",
                    full[i],
                    gbp(t.npsv_at_high)
                )),
        );
    }
    let response = named_rows(
        still_plot("tornado", ui, 3.0)
            .x_axis_label(format!("{} NPSV", appraisal.options[p].name))
            .x_grid_spacer(|input| nice_marks(input, 6.0))
            .x_axis_formatter(|mark, _| gbp(mark.value)),
        labels.clone(),
        label_width,
    )
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new("low value", low_bars)
                .horizontal()
                .element_formatter(Box::new(|b, _| b.name.clone())),
        );
        plot.bar_chart(
            BarChart::new("high value", high_bars)
                .horizontal()
                .element_formatter(Box::new(|b, _| b.name.clone())),
        );
        plot.vline(VLine::new("central NPSV", base).color(egui::Color32::GRAY));
    })
    .response;
    let switching: Vec<String> = s
        .input_switching
        .iter()
        .filter_map(|x| {
            x.npsv_zero
                .map(|v| format!("{} {}", x.input.label(), input_value(x.input, v)))
        })
        .collect();
    ui.label(format!(
        "Pale: the input at its low value; full colour: at its high value. NPSV reaches zero at: {}.",
        if switching.is_empty() {
            "no value in range".to_string()
        } else {
            switching.join(", ")
        }
    ));
    response
}
