//! Colours. Each option kind has one colour everywhere (card edge, bar, line, dot), from the
//! Okabe–Ito palette, which stays distinct for the common forms of colour blindness.

use eframe::egui::Color32;

use crate::model::OptionKind;

pub fn option_colour(kind: OptionKind) -> Color32 {
    match kind {
        // Grey for the comparator: present, but not competing for attention.
        OptionKind::BusinessAsUsual => Color32::from_rgb(0x88, 0x88, 0x88),
        OptionKind::CommunityOrganisation => Color32::from_rgb(0x00, 0x9E, 0x73),
        OptionKind::ContractingOut => Color32::from_rgb(0xE6, 0x9F, 0x00),
        OptionKind::SharedService => Color32::from_rgb(0x00, 0x72, 0xB2),
        OptionKind::ConsolidatedManagement => Color32::from_rgb(0xCC, 0x79, 0xA7),
    }
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
pub const WARNING: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
