//! Colours in egui's terms. Each option kind has one colour everywhere (card edge, bar, line,
//! dot, exported chart): the RGB values live in [`crate::palette`].

use eframe::egui::{Color32, Visuals};

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

/// Warning text in a colour that reads on the theme's background (4.5:1 or more); the
/// vermillion itself is kept for marks, edges and dots, where it carries no words.
pub fn warning_text(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0xFF, 0x8A, 0x50)
    } else {
        Color32::from_rgb(0xA3, 0x3A, 0x00)
    }
}

/// egui's visuals with text dark enough (or light enough) to read on a projector: body text
/// near black, "weak" text still well above 4.5:1, and a selection colour that dark text
/// reads on.
pub fn readable_visuals(dark_mode: bool) -> Visuals {
    let mut visuals = if dark_mode {
        Visuals::dark()
    } else {
        Visuals::light()
    };
    let (text, weak) = if dark_mode {
        (Color32::from_gray(235), Color32::from_gray(190))
    } else {
        (Color32::from_gray(20), Color32::from_gray(70))
    };
    visuals.override_text_color = Some(text);
    visuals.weak_text_color = Some(weak);
    visuals.widgets.noninteractive.fg_stroke.color = text;
    visuals.widgets.inactive.fg_stroke.color = text;
    visuals.hyperlink_color = if dark_mode {
        Color32::from_rgb(0x8C, 0xC8, 0xFF)
    } else {
        Color32::from_rgb(0x00, 0x4F, 0x99)
    };
    visuals
}

/// WCAG 2 relative luminance of an sRGB colour.
pub fn luminance(colour: Color32) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

/// WCAG 2 contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_reference_points() {
        // Black on white is 21:1; #767676 on white is the famous 4.54:1.
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn every_text_colour_reads_on_every_background_in_both_themes() {
        for dark in [false, true] {
            let v = readable_visuals(dark);
            let backgrounds = [
                v.panel_fill,
                v.window_fill,
                v.extreme_bg_color,
                v.faint_bg_color,
                v.widgets.inactive.weak_bg_fill,
                v.widgets.inactive.bg_fill,
            ];
            let texts = [
                ("text", v.text_color()),
                ("weak", v.weak_text_color()),
                ("strong", v.strong_text_color()),
                ("warning", warning_text(&v)),
                ("link", v.hyperlink_color),
            ];
            // A translucent fill (the faint stripe) is seen over the panel behind it.
            let seen = |fill: Color32| {
                let behind = 1.0 - f32::from(fill.a()) / 255.0;
                let mix =
                    |f: u8, p: u8| (f32::from(f) + f32::from(p) * behind).round().min(255.0) as u8;
                let p = v.panel_fill;
                Color32::from_rgb(
                    mix(fill.r(), p.r()),
                    mix(fill.g(), p.g()),
                    mix(fill.b(), p.b()),
                )
            };
            for (name, text) in texts {
                for bg in backgrounds.map(seen) {
                    let ratio = contrast(text, bg);
                    assert!(
                        ratio >= 4.5,
                        "{name} {text:?} on {bg:?}: {ratio:.2} (dark {dark})"
                    );
                }
            }
            // Text on the selection (the "preferred" tag, selected tabs).
            let ratio = contrast(v.text_color(), v.selection.bg_fill);
            assert!(ratio >= 4.5, "text on selection: {ratio:.2} (dark {dark})");
        }
    }
}
