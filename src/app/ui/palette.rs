//! Colours in egui's terms. Each option kind has one colour everywhere (card edge, bar, line,
//! dot, exported chart): the RGB values live in [`crate::palette`].

use eframe::egui::Color32;

use crate::model::OptionKind;

pub fn option_colour(kind: OptionKind) -> Color32 {
    let [r, g, b] = crate::palette::option_rgb(kind);
    Color32::from_rgb(r, g, b)
}

/// The k-th of n shades of an option's colour, for the segments of its stacked bar:
/// the first segment is the full colour, later ones step towards the background.
pub fn shade(colour: Color32, k: usize, n: usize, dark_mode: bool) -> Color32 {
    let towards = if dark_mode {
        Color32::from_gray(30)
    } else {
        Color32::WHITE
    };
    let t = if n <= 1 {
        0.0
    } else {
        0.65 * k as f32 / (n - 1) as f32
    };
    colour.lerp_to_gamma(towards, t)
}

/// Warnings and errors: vermillion, distinct from every option colour.
pub const WARNING: Color32 = Color32::from_rgb(
    crate::palette::WARNING_RGB[0],
    crate::palette::WARNING_RGB[1],
    crate::palette::WARNING_RGB[2],
);
