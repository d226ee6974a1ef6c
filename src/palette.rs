//! Colours shared by the window and the exported charts, so an option has one colour on the
//! screen and on paper. Okabe–Ito, which stays distinct for the common forms of colour
//! blindness. Plain RGB triples: no egui here, the report uses them too.

use crate::model::OptionKind;

pub type Rgb = [u8; 3];

pub fn option_rgb(kind: OptionKind) -> Rgb {
    match kind {
        // Grey for the comparator: present, but not competing for attention.
        OptionKind::BusinessAsUsual => [0x88, 0x88, 0x88],
        OptionKind::CommunityOrganisation => [0x00, 0x9E, 0x73],
        OptionKind::ContractingOut => [0xE6, 0x9F, 0x00],
        OptionKind::SharedService => [0x00, 0x72, 0xB2],
        OptionKind::ConsolidatedManagement => [0xCC, 0x79, 0xA7],
    }
}

/// Warnings and errors: vermillion, distinct from every option colour.
pub const WARNING_RGB: Rgb = [0xD5, 0x5E, 0x00];

/// `#RRGGBB`, for SVG, HTML and spreadsheets.
pub fn hex(colour: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", colour[0], colour[1], colour[2])
}

/// The k-th of n shades of a colour towards white, for the segments of a stacked bar on a
/// light background: the first is the full colour, the last 65% of the way to white.
pub fn shade_towards_white(colour: Rgb, k: usize, n: usize) -> Rgb {
    let t = if n <= 1 {
        0.0
    } else {
        0.65 * k as f64 / (n - 1) as f64
    };
    colour.map(|v| (f64::from(v) + (255.0 - f64::from(v)) * t).round() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_run_from_the_colour_to_most_of_the_way_to_white() {
        let blue = option_rgb(OptionKind::SharedService);
        assert_eq!(shade_towards_white(blue, 0, 4), blue);
        // Green: 0x72 + (255 − 0x72) × 0.65 = 114 + 91.65 = 205.65, rounded to 206.
        assert_eq!(shade_towards_white(blue, 3, 4), [166, 206, 228]);
        assert_eq!(hex(blue), "#0072B2");
    }
}
