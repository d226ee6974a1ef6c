//! The app's icon, drawn here so that it is ours and can be regenerated: a rounded navy square
//! holding five bars, one per option (business as usual in grey, then the four partnership
//! models in their palette colours), the tallest the preferred one.
//!
//! `cargo run --example icon` writes `assets/icon/` (PNGs and the Windows .ico) from
//! [`draw`]; `tests/icon.rs` checks the files still match it. The window uses the 64-pixel
//! PNG; build.rs embeds the .ico in the Windows exe.

use image::ImageEncoder as _;

use crate::model::OptionKind;
use crate::palette::{Rgb, option_rgb};

/// The sizes written to `assets/icon/` and packed into the .ico (Explorer picks among them).
pub const SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

/// The background: a dark navy that every option colour stands out on.
pub const BACKGROUND_RGB: Rgb = [0x1B, 0x2A, 0x41];

/// The options in the order their bars stand, left to right.
pub const BARS: [OptionKind; 5] = [
    OptionKind::BusinessAsUsual,
    OptionKind::CommunityOrganisation,
    OptionKind::ContractingOut,
    OptionKind::SharedService,
    OptionKind::ConsolidatedManagement,
];

/// Bar heights as a fraction of the square's side.
pub const BAR_HEIGHTS: [f32; 5] = [0.30, 0.46, 0.38, 0.62, 0.50];

/// Corner radius of the square and the margin around the bars, as fractions of the side.
const CORNER: f32 = 0.20;
const MARGIN: f32 = 0.16;
/// Samples per pixel along each axis: 4 × 4 gives smooth edges even at 16 pixels.
const SAMPLES: u32 = 4;

/// The bars' rectangles in units of the side (0..1, y down): (left, top, right, bottom).
pub fn bar_rects() -> [[f32; 4]; 5] {
    let inner = 1.0 - 2.0 * MARGIN;
    let slot = inner / BARS.len() as f32;
    let width = slot * 0.72;
    let bottom = 1.0 - MARGIN;
    let mut rects = [[0.0; 4]; 5];
    for (i, rect) in rects.iter_mut().enumerate() {
        let left = MARGIN + slot * i as f32 + (slot - width) / 2.0;
        *rect = [left, bottom - BAR_HEIGHTS[i], left + width, bottom];
    }
    rects
}

/// Whether a point (in units of the side) is inside the rounded square.
fn in_rounded_square(x: f32, y: f32) -> bool {
    if !(0.0..=1.0).contains(&x) || !(0.0..=1.0).contains(&y) {
        return false;
    }
    // Distance into the nearest corner's box, if the point is in one.
    let dx = (CORNER - x).max(x - (1.0 - CORNER)).max(0.0);
    let dy = (CORNER - y).max(y - (1.0 - CORNER)).max(0.0);
    dx * dx + dy * dy <= CORNER * CORNER
}

/// The colour of the icon at a point, or None outside it.
fn colour_at(x: f32, y: f32, bars: &[[f32; 4]; 5]) -> Option<Rgb> {
    if !in_rounded_square(x, y) {
        return None;
    }
    for (rect, kind) in bars.iter().zip(BARS) {
        if x >= rect[0] && x < rect[2] && y >= rect[1] && y < rect[3] {
            return Some(option_rgb(kind));
        }
    }
    Some(BACKGROUND_RGB)
}

/// The icon at `size` × `size` pixels, as straight (not premultiplied) RGBA rows.
pub fn draw(size: u32) -> Vec<u8> {
    let bars = bar_rects();
    let mut rgba = Vec::with_capacity((size * size * 4) as usize);
    let n = SAMPLES * SAMPLES;
    for py in 0..size {
        for px in 0..size {
            let mut sum = [0u32; 3];
            let mut covered = 0u32;
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let x = (px as f32 + (sx as f32 + 0.5) / SAMPLES as f32) / size as f32;
                    let y = (py as f32 + (sy as f32 + 0.5) / SAMPLES as f32) / size as f32;
                    if let Some(c) = colour_at(x, y, &bars) {
                        covered += 1;
                        for (s, v) in sum.iter_mut().zip(c) {
                            *s += u32::from(v);
                        }
                    }
                }
            }
            // Colour averaged over the covered samples; coverage becomes alpha.
            let averaged = sum.map(|s| (s + covered / 2).checked_div(covered));
            match averaged {
                [Some(r), Some(g), Some(b)] => {
                    rgba.extend_from_slice(&[r as u8, g as u8, b as u8]);
                    rgba.push(((covered * 255 + n / 2) / n) as u8);
                }
                _ => rgba.extend_from_slice(&[0, 0, 0, 0]),
            }
        }
    }
    rgba
}

/// The window and taskbar icon: drawn at start-up (well under a millisecond), the same
/// pixels as `assets/icon/icon-64.png`.
pub fn window_icon() -> eframe::egui::IconData {
    eframe::egui::IconData {
        rgba: draw(64),
        width: 64,
        height: 64,
    }
}

/// Packs PNG images into a .ico file (PNG entries, which Windows Vista and later read at
/// every size). `images` are (side in pixels, PNG bytes).
pub fn ico_bytes(images: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let count = images.len() as u16;
    // ICONDIR: reserved, type 1 (icon), count.
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    let mut offset = 6 + 16 * images.len() as u32;
    for (size, png) in images {
        // A side of 256 is written as 0.
        let side = if *size >= 256 { 0 } else { *size as u8 };
        out.extend_from_slice(&[side, side, 0, 0]);
        out.extend_from_slice(&1u16.to_le_bytes()); // colour planes
        out.extend_from_slice(&32u16.to_le_bytes()); // bits per pixel
        out.extend_from_slice(&(png.len() as u32).to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        offset += png.len() as u32;
    }
    for (_, png) in images {
        out.extend_from_slice(png);
    }
    out
}

/// The icon at `size` as PNG bytes.
pub fn png_bytes(size: u32) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&draw(size), size, size, image::ExtendedColorType::Rgba8)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_stand_inside_the_margin_without_touching() {
        let rects = bar_rects();
        for pair in rects.windows(2) {
            assert!(pair[0][2] < pair[1][0], "bars overlap: {pair:?}");
        }
        assert!(rects[0][0] >= MARGIN && rects[4][2] <= 1.0 - MARGIN);
        // The shared service bar is the tallest: the preferred option in the picture.
        let tallest = (0..5)
            .max_by(|&a, &b| BAR_HEIGHTS[a].total_cmp(&BAR_HEIGHTS[b]))
            .unwrap_or(0);
        assert_eq!(BARS[tallest], OptionKind::SharedService);
    }

    #[test]
    fn corners_are_transparent_and_the_middle_is_solid() {
        let size = 32;
        let icon = draw(size);
        let pixel = |x: u32, y: u32| {
            let i = ((y * size + x) * 4) as usize;
            [icon[i], icon[i + 1], icon[i + 2], icon[i + 3]]
        };
        // The corner pixel lies outside a circle of radius 0.2 × 32 = 6.4 about (6.4, 6.4).
        assert_eq!(pixel(0, 0)[3], 0);
        // Pixel (16, 2) is above every bar (the tallest starts at 0.84 − 0.62 = 0.22 of the
        // side, i.e. y = 7): solid background.
        assert_eq!(pixel(16, 2), [0x1B, 0x2A, 0x41, 255]);
    }
}
