//! Exports from the window: what each kind of file is called and how its bytes are made.
//! The report is built from the window's own figures, so every export shows what the
//! window shows; only PNG comes from the pixels on screen.

use eframe::egui;

use crate::report::{self, Report};

/// What the user asked to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Html,
    Docx,
    Xlsx,
    Csv,
    /// One chart, by its report id.
    Svg(&'static str),
    /// One chart, by its report id, drawn as a picture at print size.
    ChartPng(&'static str),
    /// The view showing in the window, as on screen: for views with no drawing of their own.
    Png,
}

impl ExportKind {
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Html => "html",
            ExportKind::Xlsx => "xlsx",
            ExportKind::Docx => "docx",
            ExportKind::Csv => "csv",
            ExportKind::Svg(_) => "svg",
            ExportKind::ChartPng(_) | ExportKind::Png => "png",
        }
    }

    /// Names the file in the dialog's title: "Export the HTML report".
    pub fn describe(self) -> &'static str {
        match self {
            ExportKind::Html => "the HTML report",
            ExportKind::Xlsx => "the Excel workbook",
            ExportKind::Docx => "the Word document",
            ExportKind::Csv => "the tables as CSV",
            ExportKind::Svg(_) => "the chart as SVG",
            ExportKind::ChartPng(_) | ExportKind::Png => "the chart as PNG",
        }
    }

    /// What the export holds, in a line for the export window.
    pub fn about(self) -> &'static str {
        match self {
            ExportKind::Html => {
                "One page to open in a browser, print to A4 or paste into Word: the options, every score and its reason, the weights, the money, the charts, the robustness findings and the method."
            }
            ExportKind::Xlsx => "Every table on its own sheet, numbers unrounded.",
            ExportKind::Docx => crate::words::files::EXPORT_DOCX_HOLDS,
            ExportKind::Csv => "One row per option with every figure, then the method settings.",
            ExportKind::Svg(_) => "The chart as a drawing that stays sharp at any size.",
            ExportKind::ChartPng(_) => {
                "The chart drawn at print size (2,000 pixels wide), the same on every screen, for Word or PowerPoint."
            }
            ExportKind::Png => {
                "This view as it is on screen: it is a table or a pair chosen in the window, with no drawing of its own."
            }
        }
    }

    /// A file name from the appraisal's title: "Library service report".
    pub fn suggested_stem(self, title: &str) -> String {
        let title = title.trim();
        let title = if title.is_empty() { "Appraisal" } else { title };
        match self {
            ExportKind::Html | ExportKind::Docx => format!("{title} report"),
            ExportKind::Xlsx | ExportKind::Csv => format!("{title} tables"),
            ExportKind::Svg(id) => format!("{title} {id}"),
            ExportKind::ChartPng(_) | ExportKind::Png => format!("{title} chart"),
        }
    }

    /// The file's bytes from the report (PNG comes from the screen instead).
    pub fn bytes(self, report: &Report) -> Result<Vec<u8>, String> {
        match self {
            ExportKind::Html => Ok(report::to_html(report).into_bytes()),
            ExportKind::Xlsx => report::to_xlsx(report).map_err(|e| e.to_string()),
            ExportKind::Docx => report::to_docx(report).map_err(|e| e.to_string()),
            ExportKind::Csv => Ok(report::to_csv(report).into_bytes()),
            ExportKind::Svg(id) => chart_svg(report, id).map(String::into_bytes),
            ExportKind::ChartPng(id) => {
                let svg = chart_svg(report, id)?;
                report::raster::svg_to_png(&svg, report::raster::PRINT_WIDTH_PX)
                    .map_err(|e| e.to_string())
            }
            ExportKind::Png => Err("a PNG is taken from the screen, not the report".into()),
        }
    }
}

fn chart_svg(report: &Report, id: &str) -> Result<String, String> {
    report::svg::charts(report)
        .into_iter()
        .find(|c| c.id == id)
        .map(|c| c.svg)
        .ok_or_else(|| format!("this appraisal has no {id} chart"))
}

/// The part of a screenshot inside `rect` (in points) as PNG bytes.
pub fn png_of_region(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
) -> Result<Vec<u8>, String> {
    // Clamped to the image: egui's own region() panics on a rect that reaches outside it.
    let [iw, ih] = image.size;
    let px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (px(rect.min.x, iw), px(rect.max.x, iw));
    let (y0, y1) = (px(rect.min.y, ih), px(rect.max.y, ih));
    if x1 <= x0 || y1 <= y0 {
        return Err("the chart is not on the screen".into());
    }
    let region = image.region_by_pixels([x0, y0], [x1 - x0, y1 - y0]);
    png_bytes(&region)
}

/// A whole image as PNG bytes.
pub fn png_bytes(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
        .ok_or("the screenshot has an unexpected size")?;
    let mut out = std::io::Cursor::new(Vec::new());
    buffer
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| format!("could not encode the PNG: {e}"))?;
    Ok(out.into_inner())
}

/// The ranking as a table for the clipboard: HTML for Word (which pastes it as a table) and
/// tab-separated text for Excel and plain editors. Same rows, same rounding, in rank order.
pub fn ranking_table(report: &Report) -> (String, String) {
    use crate::model::format::{gbp, ordinal};
    let head = [
        "Rank",
        "Option",
        "Weighted score",
        "Benefit score",
        "Whole-life cost",
        "NPSV",
        "BCR",
    ];
    let rows: Vec<[String; 7]> = report
        .options_by_rank()
        .iter()
        .map(|o| {
            let m = report.headline(o);
            [
                ordinal(o.rank),
                o.name.clone(),
                format!("{:.1}", o.weighted_score),
                format!("{:.1}", o.benefit_score),
                gbp(o.whole_life_cost_gbp),
                gbp(m.npsv_gbp),
                crate::model::format::bcr(m.bcr),
            ]
        })
        .collect();
    // Tabs or line breaks inside a name would split cells in the text form, and a cell that
    // starts like a formula would run as one when pasted into Excel.
    let clean =
        |s: &str| crate::report::spreadsheet_text(&s.replace(['\t', '\n', '\r'], " ")).into_owned();
    let mut text = head.join("\t");
    for row in &rows {
        text.push('\n');
        text.push_str(&row.iter().map(|c| clean(c)).collect::<Vec<_>>().join("\t"));
    }
    text.push('\n');
    let esc = crate::report::escape_xml;
    let mut html = String::from("<table><thead><tr>");
    for h in head {
        html.push_str(&format!("<th>{}</th>", esc(h)));
    }
    html.push_str("</tr></thead><tbody>");
    for row in &rows {
        html.push_str("<tr>");
        for cell in row {
            html.push_str(&format!("<td>{}</td>", esc(cell)));
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    (html, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_of_region_crops_to_the_rect_in_pixels() {
        let mut image = egui::ColorImage::filled([40, 20], egui::Color32::WHITE);
        // A red pixel at (10, 4) in pixels is at (5, 2) in points at 2 pixels per point.
        image.pixels[4 * 40 + 10] = egui::Color32::RED;
        let rect = egui::Rect::from_min_size(egui::pos2(5.0, 2.0), egui::vec2(5.0, 3.0));
        let png = png_of_region(&image, rect, 2.0).expect("encodes");
        let decoded = image::load_from_memory(&png).expect("decodes").to_rgba8();
        assert_eq!(decoded.dimensions(), (10, 6));
        assert_eq!(decoded.get_pixel(0, 0).0, [255, 0, 0, 255]);
        assert_eq!(decoded.get_pixel(1, 0).0, [255, 255, 255, 255]);
        let empty = egui::Rect::from_min_size(egui::pos2(50.0, 50.0), egui::vec2(5.0, 3.0));
        assert!(png_of_region(&image, empty, 2.0).is_err());
    }
}
