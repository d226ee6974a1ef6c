//! Charts as pictures: the report's own SVG drawings rasterised (resvg) at print size, for the
//! window's PNG export and for documents where a drawing must travel as a picture. The type
//! is the font the window uses, built in, so a chart looks the same on every machine.

use std::sync::{Arc, OnceLock};

/// Print width of an exported chart, in pixels: about 17 cm at 300 dots per inch.
pub const PRINT_WIDTH_PX: u32 = 2000;

#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    #[error("the chart's drawing could not be read: {0}")]
    Svg(String),
    #[error("the chart is too large to draw at {0} pixels wide")]
    TooLarge(u32),
    #[error("could not encode the picture: {0}")]
    Encode(String),
}

/// The fonts every chart is drawn with: the window's own (Ubuntu Light), for every family
/// the SVG names.
fn options() -> &'static resvg::usvg::Options<'static> {
    static OPTIONS: OnceLock<resvg::usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut fonts = resvg::usvg::fontdb::Database::new();
        fonts.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
        fonts.set_sans_serif_family("Ubuntu");
        fonts.set_serif_family("Ubuntu");
        resvg::usvg::Options {
            font_family: "Ubuntu".to_string(),
            fontdb: Arc::new(fonts),
            ..resvg::usvg::Options::default()
        }
    })
}

/// `svg` drawn `width_px` pixels wide (its height in proportion) on white, as PNG bytes.
pub fn svg_to_png(svg: &str, width_px: u32) -> Result<Vec<u8>, RasterError> {
    let tree =
        resvg::usvg::Tree::from_str(svg, options()).map_err(|e| RasterError::Svg(e.to_string()))?;
    let size = tree.size();
    let scale = width_px as f32 / size.width().max(1.0);
    let height_px = (size.height() * scale).ceil().max(1.0) as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width_px, height_px)
        .ok_or(RasterError::TooLarge(width_px))?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // tiny-skia stores premultiplied colour; the background is opaque, but be exact.
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let image = image::RgbaImage::from_raw(width_px, height_px, rgba)
        .ok_or_else(|| RasterError::Encode("unexpected picture size".into()))?;
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| RasterError::Encode(e.to_string()))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_becomes_a_picture_at_print_width_with_its_text_drawn() {
        // A 200 × 100 drawing: a blue bar on the left half, and a line of text.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" font-family="Segoe UI, sans-serif"><rect x="0" y="0" width="100" height="40" fill="#0072B2"/><text x="10" y="80" font-size="16">Shared service</text></svg>"##;
        let png = svg_to_png(svg, 2000).expect("draws");
        let picture = image::load_from_memory(&png).expect("decodes").to_rgba8();
        assert_eq!(picture.dimensions(), (2000, 1000), "height in proportion");
        // The bar: (0, 0)–(1000, 400) at 10× scale.
        assert_eq!(picture.get_pixel(500, 200).0, [0x00, 0x72, 0xB2, 255]);
        assert_eq!(picture.get_pixel(1500, 200).0, [255, 255, 255, 255]);
        // The text (baseline at y = 800) left dark pixels in its band; none of a missing
        // font's empty boxes, none elsewhere.
        let dark_in = |y0: u32, y1: u32| {
            (y0..y1)
                .flat_map(|y| (0..2000).map(move |x| (x, y)))
                .filter(|&(x, y)| picture.get_pixel(x, y).0[0] < 128)
                .count()
        };
        assert!(dark_in(620, 840) > 2000, "the text is drawn");
        assert_eq!(dark_in(420, 600), 0);
        assert!(svg_to_png("not svg", 100).is_err());
    }
}
