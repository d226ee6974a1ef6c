//! The report as a Word document a council officer can edit and cut into the council's own
//! committee template: real Heading 1 / Heading 2 styles (a template restyles them), Word
//! tables whose header rows repeat across pages, and every chart as a picture at print
//! resolution, rasterised from the report's own SVG (`raster`). The figures are the JSON's.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, Docx, LineSpacing, Paragraph, Pic, Run, RunFonts, Shading, Style, StyleType,
    Table, TableCell, TableLayoutType, TableRow, WidthType,
};

use super::{Report, svg};
use crate::model::format::{bcr, gbp, payback};

#[derive(Debug, thiserror::Error)]
pub enum DocxExportError {
    #[error("could not write the Word document: {0}")]
    Write(String),
    #[error("could not draw a chart for the Word document: {0}")]
    Chart(#[from] super::raster::RasterError),
}

/// Charts are drawn this many pixels wide: 6.3 inches at 300 dots an inch, print quality.
const CHART_PX: u32 = 1890;
/// The text width of an A4 page with 2 cm margins, in EMU (914,400 to the inch).
const TEXT_WIDTH_EMU: u32 = 5_760_720;

fn heading(text: &str, level: u8) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text))
        .style(if level == 1 { "Heading1" } else { "Heading2" })
        .keep_next(true)
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// The text width in twentieths of a point: 17 cm.
const TEXT_WIDTH_TWIPS: usize = 9_638;

fn cell(text: &str, number: bool, width: usize, small: bool) -> TableCell {
    let run = Run::new().add_text(text);
    let p = Paragraph::new().add_run(if small { run.size(16) } else { run });
    TableCell::new()
        .add_paragraph(if number {
            p.align(AlignmentType::Right)
        } else {
            p
        })
        .width(width, WidthType::Dxa)
}

/// A Word table across the text width, its columns in proportion to `weights` (one per
/// header): the header row shaded and marked to repeat on every page (see `pack`). `small`
/// sets 8-point type, for tables a column a year.
fn table(
    headers: &[&str],
    rows: Vec<Vec<(String, bool)>>,
    weights: &[usize],
    small: bool,
) -> Table {
    let total: usize = weights.iter().sum::<usize>().max(1);
    let widths: Vec<usize> = (0..headers.len())
        .map(|k| TEXT_WIDTH_TWIPS * weights.get(k).copied().unwrap_or(1) / total)
        .collect();
    let head = TableRow::new(
        headers
            .iter()
            .zip(&widths)
            .map(|(h, w)| {
                let run = Run::new().add_text(*h).bold();
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(if small { run.size(14) } else { run }))
                    .shading(Shading::new().fill("E8EEF4"))
                    .width(*w, WidthType::Dxa)
            })
            .collect(),
    )
    // The marker `pack` turns into a repeating header row (docx-rs writes no tblHeader).
    .cant_split();
    let mut all = vec![head];
    all.extend(rows.into_iter().map(|r| {
        TableRow::new(
            r.iter()
                .zip(&widths)
                .map(|((t, n), w)| cell(t, *n, *w, small))
                .collect(),
        )
    }));
    Table::new(all)
        .set_grid(widths)
        .width(TEXT_WIDTH_TWIPS, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A chart as a picture the width of the text.
fn picture(chart: &svg::Chart) -> Result<Paragraph, DocxExportError> {
    let png = super::raster::svg_to_png(&chart.svg, CHART_PX)?;
    // PNG's IHDR: width and height, big-endian, at bytes 16 to 24.
    let dim = |k: usize| {
        png.get(k..k + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, u32::from_be_bytes)
    };
    let (w, h) = (dim(16).max(1), dim(20).max(1));
    let height_emu = (u64::from(TEXT_WIDTH_EMU) * u64::from(h) / u64::from(w)) as u32;
    let pic = Pic::new(&png).size(TEXT_WIDTH_EMU, height_emu);
    Ok(Paragraph::new()
        .add_run(Run::new().add_image(pic))
        .keep_next(true))
}

fn styles(docx: Docx) -> Docx {
    // Body text a council template can restyle: 10.5-point Calibri (Word's own default
    // face), 6 points after each paragraph so the summary does not run together.
    let calibri = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri")
        .east_asia("Calibri");
    docx.default_fonts(calibri)
        .default_size(21)
        .default_line_spacing(LineSpacing::new().after(120))
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .based_on("Normal")
                .next("Normal")
                .size(32)
                .bold(),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .based_on("Normal")
                .next("Normal")
                .size(26)
                .bold(),
        )
}

/// The Word document's bytes.
pub fn to_docx(report: &Report) -> Result<Vec<u8>, DocxExportError> {
    let charts = svg::charts(report);
    let chart = |id: &str| charts.iter().find(|c| c.id == id);
    let mut d = styles(Docx::new()).add_paragraph(
        Paragraph::new()
            .add_run(Run::new().add_text(&report.title).size(40).bold())
            .style("Title"),
    );
    let meta: Vec<String> = report
        .meta_parts()
        .into_iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    d = d
        .add_paragraph(para(&meta.join(" · ")))
        .add_paragraph(para(&format!(
            "All money in real terms at {} prices, against business as usual.",
            report.price_base_year
        )));

    d = d.add_paragraph(heading("Summary", 1));
    if let Some(p) = report.preferred() {
        let m = report.headline(p);
        d = d.add_paragraph(para(&format!(
            "Preferred option: {}. It scores {:.1} out of 100; its net present social value against business as usual is {} over {} years, with a benefit-cost ratio of {}.",
            p.name,
            p.weighted_score,
            gbp(m.npsv_gbp),
            report.method.appraisal_period_years,
            bcr(m.bcr)
        )));
    }
    if let Some(rb) = &report.robustness {
        for w in &rb.fragile_warnings {
            d = d.add_paragraph(para(&format!("Warning: {w}")));
        }
    }
    d = d.add_paragraph(heading("The options", 1));
    for o in &report.options {
        let kind = if o.kind == o.name {
            String::new()
        } else {
            format!(" ({})", o.kind)
        };
        d = d.add_paragraph(para(&format!("{}{kind}: {}", o.name, o.description)));
    }

    d = d.add_paragraph(heading("Ranking", 1));
    let rows = report
        .options_by_rank()
        .iter()
        .map(|o| {
            let m = report.headline(o);
            vec![
                (o.rank.to_string(), true),
                (o.name.clone(), false),
                (format!("{:.1}", o.weighted_score), true),
                (gbp(m.npsv_gbp), true),
                (bcr(m.bcr), true),
                (payback(m.payback_year), false),
            ]
        })
        .collect();
    d = d.add_table(table(
        &["Rank", "Option", "Score", "NPSV", "BCR", "Payback"],
        rows,
        &[2, 5, 2, 2, 2, 3],
        false,
    ));
    for id in ["value-profile", "benefit-cost"] {
        if let Some(c) = chart(id) {
            d = d
                .add_paragraph(heading(&c.title, 2))
                .add_paragraph(picture(c)?);
        }
    }

    d = d.add_paragraph(heading("Costs and benefits", 1));
    for (title, pick) in [
        (
            "Risk-adjusted (the figures the ranking uses with optimism bias applied)",
            (|o: &super::OptionReport| &o.risk_adjusted)
                as fn(&super::OptionReport) -> &super::MoneyReport,
        ),
        ("With optimism bias", |o: &super::OptionReport| {
            &o.with_optimism_bias
        }),
        ("Without optimism bias", |o: &super::OptionReport| {
            &o.without_optimism_bias
        }),
    ] {
        d = d.add_paragraph(heading(title, 2));
        let rows = report
            .options
            .iter()
            .map(|o| {
                let m = pick(o);
                vec![
                    (o.name.clone(), false),
                    (gbp(m.pv_costs_gbp), true),
                    (gbp(m.pv_benefits_gbp), true),
                    (gbp(m.npsv_gbp), true),
                    (bcr(m.bcr), true),
                ]
            })
            .collect();
        d = d.add_table(table(
            &["Option", "PV costs", "PV benefits", "NPSV", "BCR"],
            rows,
            &[5, 2, 2, 2, 2],
            false,
        ));
    }
    if let Some(c) = chart("net-benefit") {
        d = d
            .add_paragraph(heading(&c.title, 2))
            .add_paragraph(picture(c)?);
    }
    let risks: Vec<Vec<(String, bool)>> = report
        .options
        .iter()
        .flat_map(|o| {
            o.risks.iter().map(move |r| {
                vec![
                    (o.name.clone(), false),
                    (r.description.clone(), false),
                    (format!("{}%", r.probability_pct), true),
                    (super::impact_text(r), true),
                    (gbp(r.expected_cost_gbp), true),
                    (r.mitigation.clone(), false),
                ]
            })
        })
        .collect();
    if !risks.is_empty() {
        d = d
            .add_paragraph(heading("Risk register", 2))
            .add_table(table(
                &[
                    "Option",
                    "Risk",
                    "Chance",
                    "Cost if it happens",
                    "Expected cost",
                    "Mitigation",
                ],
                risks,
                &[3, 4, 2, 3, 2, 4],
                true,
            ));
    }

    if let Some(fc) = &report.financial_case {
        d = d
            .add_paragraph(heading("Financial case", 1))
            .add_paragraph(para(&format!(
                "Cash (nominal), not discounted, by financial year. Inflation: {} {}.",
                fc.inflation_source.trim(),
                fc.inflation_date.trim()
            )));
        for o in &fc.options {
            d = d.add_paragraph(para(&o.sentence));
        }
        if let Some(c) = chart("financial-case") {
            d = d.add_paragraph(picture(c)?);
        }
        let mut headers = vec!["£ cash", ""];
        headers.extend(fc.financial_years.iter().map(String::as_str));
        let mut rows = Vec::new();
        let mut push = |name: &str, what: &str, values: &[f64]| {
            let mut r = vec![(name.to_string(), false), (what.to_string(), false)];
            r.extend(values.iter().map(|v| (gbp(*v), true)));
            rows.push(r);
        };
        push("Budget", "revenue", &fc.budget_gbp);
        push("Target", "saving", &fc.target_gbp);
        for (o, f) in report.options.iter().zip(&fc.options) {
            if o.kind != "Business as usual" {
                push(&o.name, "revenue", &f.revenue_gbp);
                push("", "capital", &f.capital_gbp);
                push("", "saving", &f.saving_gbp);
                push("", "gap to target", &f.gap_to_target_gbp);
            }
        }
        let mut weights = vec![3, 2];
        weights.extend(std::iter::repeat_n(2, fc.financial_years.len()));
        d = d.add_table(table(&headers, rows, &weights, true));
    }

    d = d.add_paragraph(heading("Scores and their rationale", 1));
    let rows = report
        .options
        .iter()
        .flat_map(|o| {
            o.scores.iter().zip(&report.criteria).map(move |(s, c)| {
                vec![
                    (o.name.clone(), false),
                    (c.name.clone(), false),
                    (format!("{:.1}", s.score), true),
                    (s.rationale.clone(), false),
                ]
            })
        })
        .collect();
    d = d.add_table(table(
        &["Option", "Criterion", "Score", "Rationale"],
        rows,
        &[3, 3, 2, 8],
        false,
    ));

    d = d.add_paragraph(heading("Criteria and weights", 1));
    let rows = report
        .criteria
        .iter()
        .map(|c| {
            vec![
                (c.name.clone(), false),
                (format!("{}", c.swing_weight), true),
                (format!("{:.1}%", c.normalised_weight * 100.0), true),
            ]
        })
        .collect();
    d = d.add_table(table(
        &["Criterion", "Swing weight", "Weight"],
        rows,
        &[5, 2, 2],
        false,
    ));
    if let Some(g) = &report.groups {
        d = d
            .add_paragraph(heading("Workshop groups", 2))
            .add_paragraph(para(&format!("{} {}", g.agreement, g.combined_summary)));
    }

    if let Some(rb) = &report.robustness {
        d = d.add_paragraph(heading("Robustness", 1));
        if rb.fragile_warnings.is_empty() {
            d = d.add_paragraph(para("The lead is not fragile at the thresholds set."));
        }
        for w in &rb.fragile_warnings {
            d = d.add_paragraph(para(w));
        }
        for id in ["weight-sweeps", "acceptability", "npsv-spread", "tornado"] {
            if let Some(c) = chart(id) {
                d = d
                    .add_paragraph(heading(&c.title, 2))
                    .add_paragraph(picture(c)?);
            }
        }
    }

    d = d.add_paragraph(heading("Method", 1));
    for line in report.method_statements() {
        d = d.add_paragraph(para(&line));
    }
    pack(d)
}

/// The document's bytes, with every header row marked to repeat across pages: docx-rs has
/// no tblHeader, so the `cantSplit` each header row carries gains one in document.xml.
fn pack(docx: Docx) -> Result<Vec<u8>, DocxExportError> {
    let err = |e: &dyn std::fmt::Display| DocxExportError::Write(e.to_string());
    let mut packed = Cursor::new(Vec::new());
    docx.build().pack(&mut packed).map_err(|e| err(&e))?;
    let mut archive =
        zip::ZipArchive::new(Cursor::new(packed.into_inner())).map_err(|e| err(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for k in 0..archive.len() {
        let mut file = archive.by_index(k).map_err(|e| err(&e))?;
        let name = file.name().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(|e| err(&e))?;
        if name == "word/document.xml" {
            let text = String::from_utf8_lossy(&bytes)
                .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />");
            bytes = text.into_bytes();
        }
        out.start_file(name, options).map_err(|e| err(&e))?;
        out.write_all(&bytes).map_err(|e| err(&e))?;
    }
    Ok(out.finish().map_err(|e| err(&e))?.into_inner())
}
