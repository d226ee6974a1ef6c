//! Two options side by side, criterion by criterion: where each gains and loses weighted points.

use eframe::egui::{self, Ui};
use egui_plot::{Bar, BarChart};

use super::charts_ui::by_rank;
use super::palette::option_colour;
use super::plot::{
    LegendEntry, fit_names, label_width_for, legend_row, named_rows, nice_marks, still_plot,
};
use crate::model::{Appraisal, Results};
use crate::words;

/// The leader and the runner-up, unless the user chose two others.
fn compared(results: &Results, chosen: Option<(usize, usize)>) -> (usize, usize) {
    let n = results.options.len();
    match chosen {
        Some((a, b)) if a < n && b < n && a != b => (a, b),
        _ => {
            let order = by_rank(results);
            (order[0], order.get(1).copied().unwrap_or(order[0]))
        }
    }
}

pub(super) fn head_to_head(
    ui: &mut Ui,
    appraisal: &Appraisal,
    results: &Results,
    chosen: &mut Option<(usize, usize)>,
) -> egui::Response {
    let (mut first, mut second) = compared(results, *chosen);
    ui.horizontal_wrapped(|ui| {
        for (label, pick) in [("Compare", &mut first), ("with", &mut second)] {
            ui.strong(label);
            egui::ComboBox::from_id_salt(("head_to_head", label))
                .selected_text(&appraisal.options[*pick].name)
                .show_ui(ui, |ui| {
                    for (i, o) in appraisal.options.iter().enumerate() {
                        ui.selectable_value(pick, i, &o.name);
                    }
                })
                .response
                .on_hover_text("The two options compared");
        }
    });
    if first != second {
        *chosen = Some((first, second));
    }
    let (a, b) = (&results.options[first], &results.options[second]);
    let names: Vec<String> = appraisal.criteria.iter().map(|c| c.name.clone()).collect();
    let label_width = label_width_for(ui, &names, 0.35);
    let fitted = fit_names(ui, &names, label_width);
    let n = names.len();
    let (colour_a, colour_b) = (
        option_colour(appraisal.options[first].kind),
        option_colour(appraisal.options[second].kind),
    );
    let bars: Vec<Bar> = (0..n)
        .map(|j| {
            let gain = a.contributions[j] - b.contributions[j];
            let (ahead, colour) = if gain >= 0.0 {
                (&appraisal.options[first].name, colour_a)
            } else {
                (&appraisal.options[second].name, colour_b)
            };
            Bar::new((n - 1 - j) as f64, gain)
                .width(0.6)
                .fill(colour)
                .name(format!(
                    "{}: {ahead} ahead by {:.1} weighted points",
                    names[j],
                    gain.abs()
                ))
        })
        .collect();
    let response = named_rows(
        still_plot("head_to_head", ui, 4.0)
            .include_x(-5.0)
            .include_x(5.0)
            .x_grid_spacer(|input| nice_marks(input, 6.0))
            .x_axis_label(format!(
                "weighted points: right, {} ahead; left, {} ahead",
                appraisal.options[first].name, appraisal.options[second].name
            )),
        fitted,
        label_width,
    )
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new("difference", bars)
                .horizontal()
                .element_formatter(Box::new(|bar, _| bar.name.clone())),
        );
        plot.vline(egui_plot::VLine::new("level", 0.0).color(egui::Color32::GRAY));
    })
    .response;
    legend_row(
        ui,
        &[
            LegendEntry {
                colour: colour_a,
                label: format!("{} ahead", appraisal.options[first].name),
                dashed: false,
            },
            LegendEntry {
                colour: colour_b,
                label: format!("{} ahead", appraisal.options[second].name),
                dashed: false,
            },
        ],
    );
    ui.label(words::results::head_to_head_total(
        appraisal, results, first, second,
    ));
    response
}
