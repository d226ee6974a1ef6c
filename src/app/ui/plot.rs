//! Plot helpers shared by every chart: plots that stay still, rows named on the y axis, and
//! the text colour for labels drawn inside a plot.

use eframe::egui::{self, Ui};
use egui_plot::Plot;

/// A plot that stays still (charts here are read, not explored), sized to leave room for a
/// caption of up to `caption_lines` lines beneath it.
pub fn still_plot<'a>(id: &str, ui: &Ui, caption_lines: f32) -> Plot<'a> {
    Plot::new(id)
        .height((ui.available_height() - 4.0 - 16.0 * caption_lines).max(140.0))
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
