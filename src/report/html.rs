//! The report as one self-contained HTML page for a committee paper: prints to A4, pastes
//! into Word, charts inline as SVG, no scripts and nothing fetched. Written as well-formed
//! XML (every element closed, every text escaped) so a strict parser reads it too. Every
//! figure cell carries its unrounded value in `data-value`, the same number the JSON holds.

use std::fmt::Write;

use super::{MoneyReport, OptionReport, Report, escape_xml as esc, svg};
use crate::model::format::{bcr, gbp, ordinal, payback};

const STYLE: &str = r#"
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
table.flows, #financial-case-table { font-size: 7.5pt; }
figure img { width: 100%; height: auto; }
body { font-family: "Segoe UI", Calibri, Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1a1a1a; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 4pt 0; }
h2 { font-size: 14pt; margin: 18pt 0 6pt 0; border-bottom: 1.5pt solid #0072B2; padding-bottom: 2pt; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 12pt 0 4pt 0; break-after: avoid; page-break-after: avoid; }
p.meta { margin: 0; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt 0; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #999; padding: 2.5pt 5pt; vertical-align: top; text-align: left; }
th { background: #E8EEF4; }
td.n, th.n { text-align: right; white-space: nowrap; }
.swatch { display: inline-block; width: 9pt; height: 9pt; margin-right: 4pt; vertical-align: -1pt; border: 0.5pt solid #333; }
.preferred { font-size: 12pt; font-weight: bold; }
.warning { border-left: 4pt solid #D55E00; background: #FBEEE6; padding: 4pt 8pt; margin: 4pt 0; }
.ok { border-left: 4pt solid #009E73; background: #E6F5F0; padding: 4pt 8pt; margin: 4pt 0; }
figure { margin: 8pt 0 12pt 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; }
figcaption { font-weight: bold; margin-bottom: 3pt; }
.small { font-size: 9pt; color: #444; }
footer { margin-top: 18pt; font-size: 8.5pt; color: #555; border-top: 0.75pt solid #999; padding-top: 4pt; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
"#;

pub fn to_html(report: &Report) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_page(&mut s, report);
    s
}

/// A figure cell: the committee-paper text, the exact number beside it for machines.
fn num(text: &str, value: f64) -> String {
    format!(r#"<td class="n" data-value="{value}">{}</td>"#, esc(text))
}

fn opt_num(text: &str, value: Option<f64>) -> String {
    match value {
        Some(v) => num(text, v),
        None => format!(r#"<td class="n">{}</td>"#, esc(text)),
    }
}

/// A table's header cells, one per financial year.
fn year_heads(years: &[String]) -> String {
    years
        .iter()
        .map(|y| format!(r#"<th class="n">{}</th>"#, esc(y)))
        .collect()
}

fn swatch(colour: &str) -> String {
    format!(
        r#"<span class="swatch" style="background:{}"></span>"#,
        esc(colour)
    )
}

fn option_cell(option: &OptionReport) -> String {
    format!("<td>{}{}</td>", swatch(&option.colour), esc(&option.name))
}

fn write_page(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(
        out,
        r#"<html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB"><head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/><title>{}</title><style>{STYLE}</style></head><body>"#,
        esc(&report.title)
    )?;
    writeln!(out, "<header><h1>{}</h1>", esc(&report.title))?;
    let meta: Vec<String> = report
        .meta_parts()
        .into_iter()
        .map(|(k, v)| format!("{k}: {}", esc(v)))
        .collect();
    writeln!(
        out,
        r#"<p class="meta">{}</p><p class="meta">All money in real terms at {} prices, against business as usual.</p></header>"#,
        meta.join(" · "),
        report.price_base_year
    )?;
    write_summary(out, report)?;
    write_options(out, report)?;
    // Drawn once; each section places the ones it needs.
    let charts = svg::charts(report);
    write_ranking(out, report, &charts)?;
    write_money(out, report, &charts)?;
    if let Some(fc) = &report.financial_case {
        write_financial_case(out, report, fc, &charts)?;
    }
    write_weights(out, report)?;
    write_scores(out, report)?;
    if let Some(rb) = &report.robustness {
        write_robustness(out, report, rb, &charts)?;
    }
    write_method(out, report)?;
    writeln!(
        out,
        "<footer>Made with Partnership Options Appraisal {} (report format {}). Figures are rounded for reading; the JSON, CSV and Excel exports of the same file carry them unrounded.</footer>",
        env!("CARGO_PKG_VERSION"),
        report.report_version
    )?;
    writeln!(out, "</body></html>")
}

fn write_summary(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(out, r#"<section id="summary"><h2>Summary</h2>"#)?;
    if let Some(p) = report.preferred() {
        let m = report.headline(p);
        let tied: Vec<&str> = report
            .options
            .iter()
            .filter(|o| o.rank == 1 && o.name != p.name)
            .map(|o| o.name.as_str())
            .collect();
        let standing = if tied.is_empty() {
            "It has the highest weighted score".to_string()
        } else {
            format!(
                "It shares the highest weighted score with {} (listed first, it is taken as preferred)",
                tied.join(" and ")
            )
        };
        writeln!(
            out,
            r#"<p class="preferred">Preferred option: {}{}</p><p>{}, {:.1} out of 100, of the {} options appraised. Its net present social value against business as usual is {} over {} years ({} optimism bias), with a benefit-cost ratio of {}.</p>"#,
            swatch(&p.colour),
            esc(&p.name),
            esc(&standing),
            p.weighted_score,
            report.options.len(),
            esc(&gbp(m.npsv_gbp)),
            report.method.appraisal_period_years,
            if report.method.optimism_bias_applied_to_ranking {
                "with"
            } else {
                "without"
            },
            esc(&bcr(m.bcr))
        )?;
    }
    if let Some(rb) = &report.robustness {
        if rb.fragile_warnings.is_empty() {
            let text = if rb.smaa_error.is_some() {
                format!(
                    "No small change of one weight or of one money input moves first place at the thresholds set. How often it comes first over {} is not known: that analysis could not run (see below).",
                    rb.weightings
                )
            } else {
                format!(
                    "The lead is not fragile at the thresholds set: no small change of one weight or one money input moves first place, and it comes first often enough over {}.",
                    rb.weightings
                )
            };
            writeln!(out, r#"<p class="ok">{text}</p>"#)?;
        }
        for w in &rb.fragile_warnings {
            writeln!(out, r#"<p class="warning"><b>Warning:</b> {}</p>"#, esc(w))?;
        }
    }
    if let Some(g) = &report.groups {
        writeln!(
            out,
            "<p>Workshop groups: {} {}</p>",
            esc(&g.agreement),
            esc(&g.combined_summary)
        )?;
    }
    writeln!(out, "</section>")
}

fn write_options(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(out, r#"<section id="options"><h2>The options</h2>"#)?;
    for o in &report.options {
        // The model's name under the option's own, unless they are the same words.
        let mut notes: Vec<&str> = Vec::new();
        if o.kind != o.name {
            notes.push(&o.kind);
        }
        if o.community_benefit_clauses {
            notes.push("with Community Benefit Clauses");
        }
        writeln!(out, "<h3>{}{}</h3>", swatch(&o.colour), esc(&o.name))?;
        if !notes.is_empty() {
            writeln!(out, r#"<p class="small">{}</p>"#, esc(&notes.join(" · ")))?;
        }
        if !o.description.is_empty() {
            writeln!(out, "<p>{}</p>", esc(&o.description))?;
        }
    }
    writeln!(out, "</section>")
}

/// The chart with this id, where the report has it.
fn chart<'a>(charts: &'a [svg::Chart], id: &str) -> Option<&'a svg::Chart> {
    charts.iter().find(|c| c.id == id)
}

fn write_ranking(out: &mut String, report: &Report, charts: &[svg::Chart]) -> std::fmt::Result {
    writeln!(
        out,
        r#"<section id="ranking"><h2>Ranking</h2><table id="ranking-table"><thead><tr><th class="n">Rank</th><th>Option</th><th class="n">Weighted score</th><th class="n">Benefit score</th><th class="n">Whole-life cost</th><th>Efficient frontier</th></tr></thead><tbody>"#
    )?;
    for o in report.options_by_rank() {
        writeln!(
            out,
            "<tr>{}{}{}{}{}<td>{}</td></tr>",
            num(&ordinal(o.rank), f64::from(o.rank)),
            option_cell(o),
            num(&format!("{:.1}", o.weighted_score), o.weighted_score),
            num(&format!("{:.1}", o.benefit_score), o.benefit_score),
            num(&gbp(o.whole_life_cost_gbp), o.whole_life_cost_gbp),
            if o.on_efficient_frontier { "yes" } else { "no" }
        )?;
    }
    writeln!(
        out,
        r#"</tbody></table><p class="small">Weighted score: every criterion, cost included, weighted as agreed. Benefit score: the criteria other than cost only, so it can be set against whole-life cost. Efficient frontier: no other option gives a higher benefit score for a lower whole-life cost.</p>"#
    )?;
    for id in ["value-profile", "benefit-cost"] {
        if let Some(c) = chart(charts, id) {
            write_figure(out, c)?;
        }
    }
    writeln!(out, "</section>")
}

/// A chart as a picture: the report's SVG drawn as a PNG at twice its width, inlined as a
/// data URI. A word processor pastes a picture; an inline SVG pasted into one became loose
/// text. Should the drawing fail, the SVG itself stands in.
fn write_figure(out: &mut String, chart: &svg::Chart) -> std::fmt::Result {
    use base64::Engine as _;
    match super::raster::svg_to_png(&chart.svg, FIGURE_PX) {
        Ok(png) => writeln!(
            out,
            r#"<figure id="chart-{}"><figcaption>{}</figcaption><img alt="{}" src="data:image/png;base64,{}"/></figure>"#,
            chart.id,
            esc(&chart.title),
            esc(&chart.title),
            base64::engine::general_purpose::STANDARD.encode(png)
        ),
        Err(_) => writeln!(
            out,
            r#"<figure id="chart-{}"><figcaption>{}</figcaption>{}</figure>"#,
            chart.id,
            esc(&chart.title),
            chart.svg
        ),
    }
}

/// The pixel width charts are drawn at in the HTML report: twice the SVG's 720, sharp when
/// printed on A4 and when pasted into Word.
const FIGURE_PX: u32 = 1440;

fn write_money(out: &mut String, report: &Report, charts: &[svg::Chart]) -> std::fmt::Result {
    writeln!(
        out,
        r#"<section id="money"><h2>Costs and benefits</h2><p>Present values over {} years against business as usual, discounted as set out under Method. Optimism bias is the Green Book's uplift for the tendency of estimates to be too hopeful; it raises each option's transition and running cost. Both tables are shown: with it and without it, and the risk-adjusted figures beside them.</p>"#,
        report.method.appraisal_period_years
    )?;
    for (id, heading, pick) in [
        (
            "money-with-ob",
            "With optimism bias",
            (|o: &OptionReport| &o.with_optimism_bias) as fn(&OptionReport) -> &MoneyReport,
        ),
        (
            "money-without-ob",
            "Without optimism bias",
            |o: &OptionReport| &o.without_optimism_bias,
        ),
        (
            "money-risk-adjusted",
            "Risk-adjusted (optimism bias less any reduction for costed risks, plus their expected cost)",
            |o: &OptionReport| &o.risk_adjusted,
        ),
    ] {
        writeln!(
            out,
            r#"<h3>{heading}</h3><table id="{id}"><thead><tr><th>Option</th><th class="n">PV costs</th><th class="n">PV benefits</th><th class="n">NPSV</th><th class="n">BCR</th><th>Payback</th></tr></thead><tbody>"#
        )?;
        for o in &report.options {
            let m = pick(o);
            writeln!(
                out,
                "<tr>{}{}{}{}{}<td>{}</td></tr>",
                option_cell(o),
                num(&gbp(m.pv_costs_gbp), m.pv_costs_gbp),
                num(&gbp(m.pv_benefits_gbp), m.pv_benefits_gbp),
                num(&gbp(m.npsv_gbp), m.npsv_gbp),
                opt_num(&bcr(m.bcr), m.bcr),
                esc(&payback(m.payback_year))
            )?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    if let Some(c) = chart(charts, "net-benefit") {
        write_figure(out, c)?;
    }
    if let Some(alt) = &report.alternative_discount {
        write_alternative_discount(out, alt)?;
    }
    write_risks(out, report)?;
    write_flows(out, report)?;
    writeln!(out, "</section>")
}

fn write_alternative_discount(
    out: &mut String,
    alt: &super::AlternativeDiscountReport,
) -> std::fmt::Result {
    writeln!(
        out,
        r#"<h3 id="alternative-discount">At an alternative discount schedule</h3><p>{}</p><table id="alternative-discount-table"><thead><tr><th>Option</th><th class="n">NPSV, {}</th><th class="n">Rank</th><th class="n">NPSV, {}</th><th class="n">Rank</th></tr></thead><tbody>"#,
        esc(&alt.sentence),
        esc(&alt.main_schedule),
        esc(&alt.name)
    )?;
    for o in &alt.options {
        writeln!(
            out,
            "<tr><td>{}</td>{}{}{}{}</tr>",
            esc(&o.name),
            num(&gbp(o.main_npsv_gbp), o.main_npsv_gbp),
            num(&o.main_rank.to_string(), f64::from(o.main_rank)),
            num(&gbp(o.npsv_gbp), o.npsv_gbp),
            num(&o.rank.to_string(), f64::from(o.rank))
        )?;
    }
    writeln!(out, "</tbody></table>")
}

fn write_risks(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(
        out,
        r#"<h3 id="optimism-bias">Optimism bias by option</h3><table id="optimism-bias-table"><thead><tr>{}</tr></thead><tbody>"#,
        super::OPTIMISM_HEADINGS
            .iter()
            .map(|h| format!("<th>{}</th>", esc(h)))
            .collect::<String>()
    )?;
    for o in report
        .options
        .iter()
        .filter(|o| o.kind != "Business as usual")
    {
        let cells: String = o
            .optimism_cells()
            .iter()
            .map(|c| format!("<td>{}</td>", esc(c)))
            .collect();
        writeln!(out, "<tr>{}{cells}</tr>", option_cell(o))?;
    }
    writeln!(out, "</tbody></table>")?;
    writeln!(out, r#"<h3 id="risks">Risk register</h3>"#)?;
    if !report.has_risks() {
        return writeln!(
            out,
            "<p>{}</p>",
            esc(crate::words::results::NO_RISKS_COSTED)
        );
    }
    writeln!(
        out,
        r#"<table id="risk-register"><thead><tr><th>Option</th><th>Risk</th><th class="n">Chance</th><th class="n">Cost if it happens</th><th>Years</th><th class="n">Expected cost</th><th>Mitigation</th></tr></thead><tbody>"#
    )?;
    for o in &report.options {
        for r in &o.risks {
            writeln!(
                out,
                "<tr>{}<td>{}</td>{}<td class=\"n\">{}</td><td>{}</td>{}<td>{}</td></tr>",
                option_cell(o),
                esc(&r.description),
                num(&format!("{}%", r.probability_pct), r.probability_pct),
                esc(&super::impact_text(r)),
                esc(&super::years_text(r.first_year, r.last_year)),
                num(&gbp(r.expected_cost_gbp), r.expected_cost_gbp),
                esc(&r.mitigation)
            )?;
        }
    }
    writeln!(out, "</tbody></table>")
}

fn write_flows(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(
        out,
        r#"<h3 id="flows">Flows by year</h3><p>Base-year £, undiscounted, against business as usual; present value = net benefit × discount factor, and the present values add up to the NPSV.</p>"#
    )?;
    for (i, o) in report
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.kind != "Business as usual")
    {
        let head = year_heads(&report.method.financial_years);
        writeln!(
            out,
            r#"<h4>{}{}</h4><table id="flows-{i}" class="flows"><thead><tr><th></th>{head}</tr></thead><tbody>"#,
            swatch(&o.colour),
            esc(&o.name)
        )?;
        for (heading, values) in o.flows_by_year.rows() {
            let cells: String = values.iter().map(|v| num(&gbp(*v), *v)).collect();
            writeln!(out, "<tr><td>{}</td>{cells}</tr>", esc(heading))?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    Ok(())
}

fn write_financial_case(
    out: &mut String,
    report: &Report,
    fc: &super::FinancialCaseReport,
    charts: &[svg::Chart],
) -> std::fmt::Result {
    let dated = if fc.inflation_date.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", fc.inflation_date.trim())
    };
    writeln!(
        out,
        r#"<section id="financial-case"><h2>Financial case</h2><p>Can the council afford each option? Cash (nominal), not discounted, by financial year, against the service's budget (business as usual's revenue cost) and the savings target. Inflation: {}{}.</p>"#,
        esc(fc.inflation_source.trim()),
        esc(&dated)
    )?;
    writeln!(out, "<ul>")?;
    for o in &fc.options {
        writeln!(out, "<li>{}</li>", esc(&o.sentence))?;
    }
    writeln!(out, "</ul>")?;
    if let Some(c) = chart(charts, "financial-case") {
        write_figure(out, c)?;
    }
    let head = year_heads(&fc.financial_years);
    writeln!(
        out,
        r#"<table id="financial-case-table"><thead><tr><th>£ cash</th><th></th>{head}</tr></thead><tbody>"#
    )?;
    let row = |out: &mut String, name: &str, what: &str, values: &[f64]| {
        let cells: String = values.iter().map(|v| num(&gbp(*v), *v)).collect();
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td>{cells}</tr>",
            esc(name),
            esc(what)
        )
    };
    row(out, "Budget", "revenue", &fc.budget_gbp)?;
    row(out, "Target", "saving", &fc.target_gbp)?;
    for (o, f) in report.options.iter().zip(&fc.options) {
        if o.kind == "Business as usual" {
            continue;
        }
        row(out, &o.name, "revenue", &f.revenue_gbp)?;
        row(out, "", "capital", &f.capital_gbp)?;
        row(out, "", "saving", &f.saving_gbp)?;
        row(out, "", "gap to target", &f.gap_to_target_gbp)?;
    }
    writeln!(out, "</tbody></table></section>")
}

fn write_weights(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(
        out,
        r#"<section id="weights"><h2>Criteria and weights</h2><table id="weights-table"><thead><tr><th>Criterion</th><th>Better</th><th>Scale</th><th class="n">Swing weight</th><th class="n">Weight</th></tr></thead><tbody>"#
    )?;
    for c in &report.criteria {
        let scale = match (c.fixed_worst, c.fixed_best) {
            (Some(w), Some(b)) => format!("fixed: {w} scores 0, {b} scores 100"),
            _ => "local: worst option 0, best 100".to_string(),
        };
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td>{}{}</tr>",
            esc(&c.name),
            if c.higher_is_better {
                "higher"
            } else {
                "lower"
            },
            esc(&scale),
            num(&format!("{}", c.swing_weight), c.swing_weight),
            num(
                &format!("{:.1}%", c.normalised_weight * 100.0),
                c.normalised_weight
            )
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    if let Some(g) = &report.groups {
        write_groups(out, report, g)?;
    }
    writeln!(out, "</section>")
}

fn write_groups(out: &mut String, report: &Report, g: &super::GroupsReport) -> std::fmt::Result {
    writeln!(
        out,
        "<h3>Workshop groups</h3><p>{} {}</p>",
        esc(&g.agreement),
        esc(&g.combined_summary)
    )?;
    if g.groups.is_empty() {
        return Ok(());
    }
    let rankings: Vec<&super::GroupReport> = g.rankings().collect();
    let compared = g.combined.is_some();
    let names = |out: &mut String| -> std::fmt::Result {
        for group in &rankings {
            write!(out, r#"<th class="n">{}</th>"#, esc(&group.name))?;
        }
        Ok(())
    };
    write!(
        out,
        r#"<table id="groups-weights"><thead><tr><th>Weight given to</th>"#
    )?;
    names(out)?;
    if compared {
        write!(out, r#"<th class="n">Range</th>"#)?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for (j, c) in report.criteria.iter().enumerate() {
        write!(out, "<tr><td>{}</td>", esc(&c.name))?;
        for group in &rankings {
            let w = group.normalised_weights[j];
            write!(out, "{}", num(&format!("{:.1}%", w * 100.0), w))?;
        }
        if let Some(range) = g.weight_ranges.get(j) {
            write!(
                out,
                r#"<td class="n">{:.1}–{:.1}%</td>"#,
                range.lowest * 100.0,
                range.highest * 100.0
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>")?;
    write!(
        out,
        r#"<table id="groups-ranks"><thead><tr><th>Option: rank · score</th>"#
    )?;
    names(out)?;
    if compared {
        write!(out, r#"<th class="n">Ranks</th>"#)?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    // In combined order once every group is revealed; in file order before.
    let mut order: Vec<usize> = (0..report.options.len()).collect();
    if let Some(combined) = &g.combined {
        order.sort_by_key(|&i| (combined.ranks[i], i));
    }
    for i in order {
        write!(out, "<tr>{}", option_cell(&report.options[i]))?;
        for group in &rankings {
            let score = group.weighted_scores[i];
            write!(
                out,
                "{}",
                num(&format!("{} · {score:.1}", ordinal(group.ranks[i])), score)
            )?;
        }
        if let Some(range) = g.rank_ranges.get(i) {
            let ranks = if range.best == range.worst {
                ordinal(range.best)
            } else {
                format!("{}–{}", ordinal(range.best), ordinal(range.worst))
            };
            write!(out, r#"<td class="n">{ranks}</td>"#)?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>")
}

fn write_scores(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(
        out,
        r#"<section id="scores"><h2>Scores and the reasons for them</h2><p>Each option's value on each criterion, its score from 0 (worst) to 100 (best), that score times the criterion's weight, and the reason recorded for it.</p>"#
    )?;
    for o in &report.options {
        writeln!(
            out,
            r#"<h3>{}{}</h3><table class="scores"><thead><tr><th>Criterion</th><th class="n">Value</th><th class="n">Score</th><th class="n">Weighted</th><th>Rationale</th></tr></thead><tbody>"#,
            swatch(&o.colour),
            esc(&o.name)
        )?;
        for (score, c) in o.scores.iter().zip(&report.criteria) {
            let value = if c.is_money() {
                gbp(score.raw_value)
            } else {
                format!("{:.2}", score.raw_value)
            };
            writeln!(
                out,
                "<tr><td>{}</td>{}{}{}<td>{}</td></tr>",
                esc(&c.name),
                num(&value, score.raw_value),
                num(&format!("{:.1}", score.score), score.score),
                num(
                    &format!("{:.1}", score.weighted_contribution),
                    score.weighted_contribution
                ),
                if score.rationale.is_empty() {
                    "<i>none recorded</i>".to_string()
                } else {
                    esc(&score.rationale)
                }
            )?;
        }
        writeln!(out, "</tbody></table>")?;
    }
    writeln!(out, "</section>")
}

fn write_robustness(
    out: &mut String,
    report: &Report,
    rb: &super::robustness::RobustnessReport,
    charts: &[svg::Chart],
) -> std::fmt::Result {
    writeln!(
        out,
        r#"<section id="robustness"><h2>How robust is the ranking?</h2>"#
    )?;
    for w in &rb.fragile_warnings {
        writeln!(out, r#"<p class="warning"><b>Warning:</b> {}</p>"#, esc(w))?;
    }
    if let Some(e) = &rb.smaa_error {
        writeln!(
            out,
            "<p>The acceptability analysis could not run: {}.</p>",
            esc(e)
        )?;
    }
    if !rb.options.is_empty() {
        writeln!(
            out,
            "<p>Rank acceptability: the share of {} weightings, drawn at random from all possible weightings (within any bounds the workshop agreed) with the uncertain inputs drawn from their ranges, in which each option takes each rank (each share ±{:.1} percentage points; seed {}).</p>",
            rb.draws,
            rb.acceptability_margin * 100.0,
            rb.seed
        )?;
        write!(
            out,
            r#"<table id="acceptability-table"><thead><tr><th>Option</th>"#
        )?;
        for k in 1..=rb.options.len() {
            write!(out, r#"<th class="n">{}</th>"#, ordinal(k as u32))?;
        }
        writeln!(out, r#"<th class="n">Confidence</th></tr></thead><tbody>"#)?;
        for (o, opt) in rb.options.iter().zip(&report.options) {
            write!(out, "<tr>{}", option_cell(opt))?;
            for a in &o.rank_acceptability {
                write!(out, "{}", num(&format!("{:.0}%", a * 100.0), *a))?;
            }
            writeln!(
                out,
                "{}</tr>",
                opt_num(
                    &o.confidence_factor
                        .map_or("–".to_string(), |c| format!("{:.0}%", c * 100.0)),
                    o.confidence_factor
                )
            )?;
        }
        writeln!(
            out,
            r#"</tbody></table><p class="small">Confidence: how often the option would still come first if the weights were fixed at its central weights (the average of the weightings under which it comes first) and only the uncertain inputs varied.</p>"#
        )?;
        if let Some(c) = chart(charts, "acceptability") {
            write_figure(out, c)?;
        }
        writeln!(
            out,
            r#"<h3>Net present social value across the uncertain inputs</h3><table id="npsv-spread-table"><thead><tr><th>Option</th><th class="n">P10</th><th class="n">P50</th><th class="n">P90</th><th class="n">Chance NPSV &gt; 0</th></tr></thead><tbody>"#
        )?;
        for (o, opt) in rb.options.iter().zip(&report.options) {
            writeln!(
                out,
                "<tr>{}{}{}{}{}</tr>",
                option_cell(opt),
                num(&gbp(o.npsv_p10_gbp), o.npsv_p10_gbp),
                num(&gbp(o.npsv_p50_gbp), o.npsv_p50_gbp),
                num(&gbp(o.npsv_p90_gbp), o.npsv_p90_gbp),
                num(
                    &format!("{:.0}%", o.probability_npsv_positive * 100.0),
                    o.probability_npsv_positive
                )
            )?;
        }
        writeln!(out, "</tbody></table>")?;
        if let Some(c) = chart(charts, "npsv-spread") {
            write_figure(out, c)?;
        }
    }
    if let Some(c) = chart(charts, "tornado") {
        write_figure(out, c)?;
    }
    writeln!(
        out,
        "<h3>Weights at which the leader changes</h3><p>Each weight in turn from 0 to 1, the others keeping their proportions:</p>"
    )?;
    if let Some(c) = chart(charts, "weight-sweeps") {
        write_figure(out, c)?;
    }
    writeln!(out, "<ul>")?;
    for line in rb.weight_switching_lines(&report.criteria) {
        writeln!(out, "<li>{}</li>", esc(&line))?;
    }
    writeln!(
        out,
        "</ul><h3>Money inputs of {} that would change the answer</h3><ul>",
        esc(&report.preferred_option)
    )?;
    for line in rb.input_switching_lines() {
        writeln!(out, "<li>{}</li>", esc(&line))?;
    }
    writeln!(out, "</ul></section>")
}

fn write_method(out: &mut String, report: &Report) -> std::fmt::Result {
    let m = &report.method;
    writeln!(
        out,
        r#"<section id="method"><h2>Method</h2><p>HM Treasury Green Book appraisal with a multi-criteria analysis, as follows.</p><ul>"#
    )?;
    writeln!(
        out,
        "<li>Price base year {} (year 0); appraisal period {} years. Discount rates (Green Book schedule): {}.</li>",
        report.price_base_year,
        m.appraisal_period_years,
        esc(&m
            .discount_schedule
            .iter()
            .map(|b| format!("{}% from year {}", b.rate_pct, b.from_year))
            .collect::<Vec<_>>()
            .join(", "))
    )?;
    // Ten factors say how the schedule runs; a long period adds only its last.
    let factors = &m.discount_factors;
    let mut shown: Vec<String> = factors.iter().take(10).map(|d| format!("{d:.4}")).collect();
    if factors.len() > 10 {
        shown.push(format!(
            "… D<sub>{}</sub> = {:.4}",
            factors.len() - 1,
            factors[factors.len() - 1]
        ));
    }
    writeln!(
        out,
        "<li>Discount factors D<sub>0</sub>, D<sub>1</sub>, …: {} (the JSON report and the Excel workbook list every year).</li>",
        shown.join(", ")
    )?;
    for line in report.method_statements() {
        writeln!(out, "<li>{}</li>", esc(&line))?;
    }
    writeln!(out, "</ul></section>")
}
