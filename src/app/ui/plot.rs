//! Plot helpers shared by every chart: plots that stay still, rows named on the y axis, and
//! the text colour for labels drawn inside a plot.

use eframe::egui::{self, Ui};
use egui_plot::Plot;

/// A plot that stays still (charts here are read, not explored), sized to leave room for a
/// caption of up to `caption_lines` lines beneath it.
fn caption_line_height(ui: &Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y
}

/// How many value marks a still plot's axis has room to label: one per 28 points of the
/// plot's height (at least 2, at most 5), so a short plot still names its £ figures.
pub fn marks_that_fit(ui: &Ui, caption_lines: f32) -> f64 {
    let height = (ui.available_height() - 4.0 - caption_line_height(ui) * caption_lines).max(90.0);
    f64::from((height / 28.0).clamp(2.0, 5.0))
}

/// Whether `ui` is drawing a presentation slide.
pub fn on_slide(ui: &Ui) -> bool {
    ui.stack()
        .iter()
        .any(|frame| frame.tags().contains(SLIDE_TAG))
}

/// `plot` as money by year: whole financial years along the bottom ("2027/28", from
/// `first_year`), £ up the side with `marks` marks, and the hover saying both.
pub fn money_by_financial_year(plot: Plot<'_>, first_year: i32, marks: f64) -> Plot<'_> {
    use crate::model::finance::financial_year_label;
    use crate::model::format::gbp;
    plot.x_axis_label("financial year")
        .x_grid_spacer(|input| {
            nice_marks(input, 8.0)
                .into_iter()
                .filter(|m| m.value.fract() == 0.0)
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let t = mark.value.round();
            if t >= 0.0 && (mark.value - t).abs() < 1e-6 {
                financial_year_label(first_year, t as usize)
            } else {
                String::new()
            }
        })
        .y_grid_spacer(move |input| nice_marks(input, marks))
        .y_axis_formatter(|mark, _| gbp(mark.value))
        .y_axis_min_width(60.0)
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {}",
                financial_year_label(first_year, position.x.round().max(0.0) as usize),
                gbp(position.y)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
}

pub fn still_plot<'a>(id: &str, ui: &Ui, caption_lines: f32) -> Plot<'a> {
    // On a slide the pointer rests wherever the presenter left it: no crosshair or
    // coordinates drawn over the projected chart.
    let on_slide = ui
        .stack()
        .iter()
        .any(|frame| frame.tags().contains(SLIDE_TAG));
    Plot::new(id)
        .show_crosshair(!on_slide)
        .show_x(!on_slide)
        .show_y(!on_slide)
        // Room for the caption and legend lines beneath at the type size in use (slides
        // use larger type than the window).
        // Never taller than the room left: a chart that asks for more pushes its panel's
        // other contents out of sight.
        .height((ui.available_height() - 4.0 - caption_line_height(ui) * caption_lines).max(90.0))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
}

/// One horizontal row per name, the first at the top, each labelled on the y axis.
pub fn named_rows(plot: Plot<'_>, names: Vec<String>, label_width: f32) -> Plot<'_> {
    let n = names.len();
    let axis = egui_plot::AxisHints::new_y()
        .formatter(move |mark, _| {
            let r = mark.value.round();
            if (mark.value - r).abs() < 1e-6 && r >= 0.0 && (r as usize) < n {
                names[n - 1 - r as usize].clone()
            } else {
                String::new()
            }
        })
        .min_thickness(label_width)
        // egui_plot fades labels closer than 30 pt apart; one bar per row is closer than
        // that, and a faded option name is unreadable on a projector.
        .label_spacing(6.0..=8.0);
    plot.custom_y_axes(vec![axis]).y_grid_spacer(move |_| {
        (0..n)
            .map(|i| egui_plot::GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect()
    })
}

pub fn ui_text_colour(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_gray(230)
    } else {
        egui::Color32::from_gray(20)
    }
}

/// How wide the y axis's names need to be: the widest, measured, up to `max_share` of the
/// space there is (names beyond that are shortened, with the full name on hover).
pub fn label_width_for(ui: &Ui, names: &[String], max_share: f32) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = names
        .iter()
        .map(|n| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(n.clone(), font.clone(), egui::Color32::WHITE)
                    .size()
                    .x
            })
        })
        .fold(0.0, f32::max);
    (widest + 12.0).clamp(60.0, (ui.available_width() * max_share).max(60.0))
}

/// Each name cut (with an ellipsis) only as far as it must be to fit `width` points.
pub fn fit_names(ui: &Ui, names: &[String], width: f32) -> Vec<String> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let fits = |text: &str| {
        ui.ctx().fonts_mut(|f| {
            f.layout_no_wrap(text.to_string(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        }) + 12.0
            <= width
    };
    names
        .iter()
        .map(|name| {
            if fits(name) {
                return name.clone();
            }
            let chars: Vec<char> = name.chars().collect();
            (1..chars.len())
                .rev()
                .map(|k| format!("{}…", chars[..k].iter().collect::<String>().trim_end()))
                .find(|cut| fits(cut))
                .unwrap_or_else(|| format!("{}…", chars[0]))
        })
        .collect()
}

/// Marks the part of the window that is a presentation slide (see `still_plot`).
pub const SLIDE_TAG: &str = "presentation slide";

/// Grid marks at a 1, 2 or 5 step giving about `target` marks across the axis, so every
/// axis has a scale (egui_plot's own spacing can leave a lone "£0" on a money axis).
pub fn nice_marks(input: egui_plot::GridInput, target: f64) -> Vec<egui_plot::GridMark> {
    let (low, high) = input.bounds;
    let span = high - low;
    if span <= 0.0 || !span.is_finite() {
        return Vec::new();
    }
    let rough = span / target.max(1.0);
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&s| s >= rough)
        .unwrap_or(10.0 * magnitude);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    let marks: Vec<_> = (first..=last)
        .map(|k| egui_plot::GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect();
    // egui_plot centres a label on its mark and clips it at the plot's edge, so a mark at
    // the very end shows half a figure ("£4.0"): leave those out while two marks remain.
    let clear = span * END_CLEARANCE;
    let inside: Vec<_> = marks
        .iter()
        .copied()
        .filter(|m| m.value - low >= clear && high - m.value >= clear)
        .collect();
    if inside.len() >= 2 { inside } else { marks }
}

/// How near an axis end (as a share of the axis) a grid mark's label may sit.
const END_CLEARANCE: f64 = 0.04;

/// One entry of a legend drawn under a chart (egui_plot's own legend sits on the plot and
/// hides what is beneath it).
pub struct LegendEntry {
    pub colour: egui::Color32,
    pub label: String,
    /// A dashed line rather than a filled swatch.
    pub dashed: bool,
}

/// A legend under a chart: each entry's mark and its name, wrapping as needed.
pub fn legend_row(ui: &mut Ui, entries: &[LegendEntry]) {
    led_legend_row(ui, None, entries);
}

/// A legend row that starts with a few words saying how to read it, on the same line so the
/// chart above keeps its height.
pub fn led_legend_row(ui: &mut Ui, lead: Option<&str>, entries: &[LegendEntry]) {
    ui.horizontal_wrapped(|ui| {
        if let Some(lead) = lead {
            ui.label(lead);
        }
        for entry in entries {
            let needed = 18.0 + 4.0 + super::widgets::label_width(ui, &entry.label);
            super::widgets::wrap_for(ui, needed);
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
                if entry.dashed {
                    let y = rect.center().y;
                    for k in 0..3 {
                        let x = rect.left() + 6.5 * k as f32;
                        ui.painter().line_segment(
                            [egui::pos2(x, y), egui::pos2(x + 4.0, y)],
                            egui::Stroke::new(2.0, entry.colour),
                        );
                    }
                } else {
                    ui.painter()
                        .rect_filled(rect.shrink2(egui::vec2(3.0, 0.0)), 2.0, entry.colour);
                }
                ui.label(&entry.label);
            });
            ui.add_space(6.0);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(low: f64, high: f64, target: f64) -> Vec<f64> {
        nice_marks(
            egui_plot::GridInput {
                bounds: (low, high),
                base_step_size: 0.0,
            },
            target,
        )
        .into_iter()
        .map(|m| m.value)
        .collect()
    }

    #[test]
    fn no_mark_sits_on_the_end_of_an_axis() {
        // 0 to 4.01m, about 6 marks: span/6 = 0.668m, so a 1m step (1, 2, 2.5, 5 × 10^5 are
        // all below it); marks 0..4m, and 0 and 4m are within 4% (0.16m) of the ends.
        assert_eq!(values(-0.01e6, 4.01e6, 6.0), vec![1e6, 2e6, 3e6]);
        // Clear of both ends: 0.5..4.5 keeps 1, 2, 3, 4.
        assert_eq!(values(0.5e6, 4.5e6, 6.0), vec![1e6, 2e6, 3e6, 4e6]);
        // Too few would remain: the marks stay as they are (0 and 1 on 0..1, step 0.5 gives 0, 0.5, 1,
        // of which only 0.5 is clear).
        assert_eq!(values(0.0, 1.0, 2.0), vec![0.0, 0.5, 1.0]);
    }
}
