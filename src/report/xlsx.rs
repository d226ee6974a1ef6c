//! The report's tables as an Excel workbook, one sheet per table, numbers unrounded (Excel
//! formats them for reading) so officers can work them further.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{MoneyReport, OptionReport, Report};

/// The workbook's sheet names, in order (Groups and Robustness only when there are figures).
pub const SHEETS: [&str; 11] = [
    "Summary",
    "Ranking",
    "Money",
    "Risks",
    "Flows by year",
    "Financial case",
    "Scores",
    "Weights",
    "Groups",
    "Robustness",
    "Method",
];

#[derive(Debug, thiserror::Error)]
#[error("could not write the Excel workbook: {0}")]
pub struct XlsxExportError(#[from] XlsxError);

struct Formats {
    header: Format,
    money: Format,
    score: Format,
    share: Format,
    ratio: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_background_color("E8EEF4")
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            money: Format::new().set_num_format("£#,##0;[Red]-£#,##0"),
            score: Format::new().set_num_format("0.0"),
            share: Format::new().set_num_format("0.0%"),
            ratio: Format::new().set_num_format("0.00"),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// Excel refuses a cell of more than 32,767 characters; longer text is cut there, marked.
const MAX_CELL_CHARS: usize = 32_767;

fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().count() <= MAX_CELL_CHARS {
        return text.into();
    }
    let cut: String = text.chars().take(MAX_CELL_CHARS - 40).collect();
    format!("{cut} … [cut: longer than an Excel cell holds]").into()
}

/// Writes a header row and freezes it, so it stays in view as the officer scrolls.
fn header(ws: &mut Worksheet, formats: &Formats, names: &[&str]) -> Result<(), XlsxError> {
    for (c, name) in names.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *name, &formats.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

pub fn to_xlsx(report: &Report) -> Result<Vec<u8>, XlsxExportError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    summary(wb.add_worksheet().set_name(SHEETS[0])?, &f, report)?;
    ranking(wb.add_worksheet().set_name(SHEETS[1])?, &f, report)?;
    money(wb.add_worksheet().set_name(SHEETS[2])?, &f, report)?;
    risks(wb.add_worksheet().set_name(SHEETS[3])?, &f, report)?;
    flows(wb.add_worksheet().set_name(SHEETS[4])?, &f, report)?;
    if let Some(fc) = &report.financial_case {
        financial_case(wb.add_worksheet().set_name(SHEETS[5])?, &f, report, fc)?;
    }
    scores(wb.add_worksheet().set_name(SHEETS[6])?, &f, report)?;
    weights(wb.add_worksheet().set_name(SHEETS[7])?, &f, report)?;
    if let Some(g) = &report.groups {
        groups(wb.add_worksheet().set_name(SHEETS[8])?, &f, report, g)?;
    }
    if let Some(rb) = report
        .robustness
        .as_ref()
        .filter(|rb| !rb.options.is_empty())
    {
        robustness(wb.add_worksheet().set_name(SHEETS[9])?, &f, report, rb)?;
    }
    method(wb.add_worksheet().set_name(SHEETS[10])?, &f, report)?;
    Ok(wb.save_to_buffer()?)
}

fn summary(ws: &mut Worksheet, formats: &Formats, report: &Report) -> Result<(), XlsxError> {
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    let mut rows: Vec<(String, String)> = vec![
        ("Title".into(), report.title.clone()),
        ("Council".into(), report.council.clone()),
        ("Service".into(), report.service.clone()),
        ("Prepared by".into(), report.author.clone()),
        ("Date".into(), report.date.clone()),
        ("Price base year".into(), report.price_base_year.to_string()),
        ("Preferred option".into(), report.preferred_option.clone()),
    ];
    if let Some(rb) = &report.robustness {
        if rb.fragile_warnings.is_empty() {
            rows.push((
                "Robustness".into(),
                "No fragile lead at the thresholds set.".into(),
            ));
        }
        for w in &rb.fragile_warnings {
            rows.push(("Warning".into(), w.clone()));
        }
    }
    if let Some(g) = &report.groups {
        rows.push(("Workshop groups".into(), g.agreement.clone()));
        rows.push(("Combined".into(), g.combined_summary.clone()));
    }
    for (i, (k, v)) in rows.iter().enumerate() {
        ws.write_string_with_format(i as u32, 0, k, &formats.header)?;
        ws.write_string_with_format(i as u32, 1, cell_text(v), &formats.wrap)?;
    }
    Ok(())
}

fn ranking(ws: &mut Worksheet, formats: &Formats, report: &Report) -> Result<(), XlsxError> {
    header(
        ws,
        formats,
        &[
            "Rank",
            "Option",
            "Kind",
            "Weighted score",
            "Benefit score",
            "Whole-life cost (£)",
            "On efficient frontier",
        ],
    )?;
    ws.set_column_width(1, 32)?;
    ws.set_column_width(2, 36)?;
    ws.set_column_range_width(3, 6, 16)?;
    for (i, o) in report.options_by_rank().iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_number(row, 0, o.rank)?;
        ws.write_string(row, 1, &o.name)?;
        ws.write_string(row, 2, &o.kind)?;
        ws.write_number_with_format(row, 3, o.weighted_score, &formats.score)?;
        ws.write_number_with_format(row, 4, o.benefit_score, &formats.score)?;
        ws.write_number_with_format(row, 5, o.whole_life_cost_gbp, &formats.money)?;
        ws.write_boolean(row, 6, o.on_efficient_frontier)?;
    }
    Ok(())
}

fn money(ws: &mut Worksheet, formats: &Formats, report: &Report) -> Result<(), XlsxError> {
    header(
        ws,
        formats,
        &[
            "Option",
            "Optimism bias",
            "PV costs (£)",
            "PV benefits (£)",
            "NPSV (£)",
            "BCR",
            "Payback year",
            "Whole-life cost (£)",
        ],
    )?;
    ws.set_column_width(0, 32)?;
    ws.set_column_range_width(1, 7, 16)?;
    let mut row = 1;
    for (label, pick) in [
        (
            "with",
            (|o: &OptionReport| &o.with_optimism_bias) as fn(&OptionReport) -> &MoneyReport,
        ),
        ("without", |o: &OptionReport| &o.without_optimism_bias),
        ("risk-adjusted", |o: &OptionReport| &o.risk_adjusted),
    ] {
        for o in &report.options {
            let m = pick(o);
            ws.write_string(row, 0, &o.name)?;
            ws.write_string(row, 1, label)?;
            ws.write_number_with_format(row, 2, m.pv_costs_gbp, &formats.money)?;
            ws.write_number_with_format(row, 3, m.pv_benefits_gbp, &formats.money)?;
            ws.write_number_with_format(row, 4, m.npsv_gbp, &formats.money)?;
            match m.bcr {
                Some(b) => ws.write_number_with_format(row, 5, b, &formats.ratio)?,
                None => ws.write_string(row, 5, "–")?,
            };
            match m.payback_year {
                Some(y) => ws.write_number(row, 6, y)?,
                None => ws.write_string(row, 6, "not within period")?,
            };
            ws.write_number_with_format(row, 7, m.whole_life_cost_gbp, &formats.money)?;
            row += 1;
        }
    }
    Ok(())
}

fn risks(ws: &mut Worksheet, formats: &Formats, report: &Report) -> Result<(), XlsxError> {
    header(
        ws,
        formats,
        &[
            "Option",
            "Risk",
            "Chance (%)",
            "Cost if it happens (£)",
            "Low (£)",
            "High (£)",
            "First year",
            "Last year",
            "Expected cost (£)",
            "Mitigation",
        ],
    )?;
    ws.set_column_width(0, 32)?;
    ws.set_column_width(1, 40)?;
    ws.set_column_range_width(2, 8, 14)?;
    ws.set_column_width(9, 60)?;
    let mut row = 1;
    for o in &report.options {
        for r in &o.risks {
            ws.write_string(row, 0, &o.name)?;
            ws.write_string_with_format(row, 1, cell_text(&r.description), &formats.wrap)?;
            ws.write_number(row, 2, r.probability_pct)?;
            ws.write_number_with_format(row, 3, r.impact_likely_gbp, &formats.money)?;
            for (col, v) in [(4, r.impact_low_gbp), (5, r.impact_high_gbp)] {
                if let Some(v) = v {
                    ws.write_number_with_format(row, col, v, &formats.money)?;
                }
            }
            ws.write_number(row, 6, r.first_year)?;
            ws.write_number(row, 7, r.last_year)?;
            ws.write_number_with_format(row, 8, r.expected_cost_gbp, &formats.money)?;
            ws.write_string_with_format(row, 9, cell_text(&r.mitigation), &formats.wrap)?;
            row += 1;
        }
    }
    // Below the register, each option's optimism bias: numbers, so Excel can work them.
    row += 1;
    for (c, h) in super::OPTIMISM_HEADINGS.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &formats.header)?;
    }
    row += 1;
    for o in report
        .options
        .iter()
        .filter(|o| o.kind != "Business as usual")
    {
        ws.write_string(row, 0, &o.name)?;
        for (col, v) in [
            (1, o.optimism_bias_pct),
            (2, o.one_off_optimism_bias_pct),
            (3, o.benefits_shortfall_pct),
            (4, o.optimism_bias_reduction_pct),
        ] {
            ws.write_number(row, col, v)?;
        }
        ws.write_string_with_format(
            row,
            5,
            cell_text(&o.optimism_bias_reduction_reason),
            &formats.wrap,
        )?;
        row += 1;
    }
    Ok(())
}

/// Every flow of every option, a row per flow and a column per year, in £ unrounded.
fn flows(ws: &mut Worksheet, formats: &Formats, report: &Report) -> Result<(), XlsxError> {
    let years = report.method.discount_factors.len();
    let labels: Vec<String> = report.method.financial_years.clone();
    let mut names = vec!["Option", "Flow"];
    names.extend(labels.iter().map(String::as_str));
    header(ws, formats, &names)?;
    ws.set_column_width(0, 32)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_range_width(2, 1 + years as u16, 13)?;
    let mut row = 1;
    for o in &report.options {
        for (heading, values) in o.flows_by_year.rows() {
            ws.write_string(row, 0, &o.name)?;
            ws.write_string(row, 1, heading)?;
            for (t, v) in values.iter().enumerate() {
                ws.write_number_with_format(row, 2 + t as u16, *v, &formats.money)?;
            }
            row += 1;
        }
    }
    Ok(())
}

/// Cash by financial year by option, revenue and capital apart, in £ unrounded.
fn financial_case(
    ws: &mut Worksheet,
    formats: &Formats,
    report: &Report,
    fc: &super::FinancialCaseReport,
) -> Result<(), XlsxError> {
    let mut names = vec!["Option", "Line"];
    names.extend(fc.financial_years.iter().map(String::as_str));
    header(ws, formats, &names)?;
    ws.set_column_width(0, 32)?;
    ws.set_column_width(1, 26)?;
    ws.set_column_range_width(2, 1 + fc.financial_years.len() as u16, 13)?;
    let mut row = 1;
    let mut line = |ws: &mut Worksheet, name: &str, what: &str, values: &[f64]| {
        ws.write_string(row, 0, name)?;
        ws.write_string(row, 1, what)?;
        for (t, v) in values.iter().enumerate() {
            ws.write_number_with_format(row, 2 + t as u16, *v, &formats.money)?;
        }
        row += 1;
        Ok::<(), XlsxError>(())
    };
    line(ws, "Budget", "revenue", &fc.budget_gbp)?;
    line(ws, "Target", "saving", &fc.target_gbp)?;
    for (o, f) in report.options.iter().zip(&fc.options) {
        line(ws, &o.name, "revenue", &f.revenue_gbp)?;
        line(ws, &o.name, "capital", &f.capital_gbp)?;
        line(ws, &o.name, "capital receipts", &f.capital_receipts_gbp)?;
        line(
            ws,
            &o.name,
            "borrowing repayments",
            &f.borrowing_repayments_gbp,
        )?;
        line(ws, &o.name, "saving", &f.saving_gbp)?;
        line(ws, &o.name, "gap to target", &f.gap_to_target_gbp)?;
    }
    row += 1;
    for o in &fc.options {
        ws.write_string_with_format(row, 0, cell_text(&o.sentence), &formats.wrap)?;
        row += 1;
    }
    ws.write_string(
        row + 1,
        0,
        format!(
            "Inflation: {} {}",
            fc.inflation_source.trim(),
            fc.inflation_date.trim()
        ),
    )?;
    Ok(())
}

fn scores(ws: &mut Worksheet, formats: &Formats, report: &Report) -> Result<(), XlsxError> {
    header(
        ws,
        formats,
        &[
            "Option",
            "Criterion",
            "Value",
            "Score (0–100)",
            "Weighted",
            "Rationale",
        ],
    )?;
    ws.set_column_width(0, 32)?;
    ws.set_column_width(1, 28)?;
    ws.set_column_range_width(2, 4, 14)?;
    ws.set_column_width(5, 80)?;
    let mut row = 1;
    for o in &report.options {
        for (s, c) in o.scores.iter().zip(&report.criteria) {
            ws.write_string(row, 0, &o.name)?;
            ws.write_string(row, 1, &c.name)?;
            if c.is_money() {
                ws.write_number_with_format(row, 2, s.raw_value, &formats.money)?;
            } else {
                ws.write_number(row, 2, s.raw_value)?;
            }
            ws.write_number_with_format(row, 3, s.score, &formats.score)?;
            ws.write_number_with_format(row, 4, s.weighted_contribution, &formats.score)?;
            ws.write_string_with_format(row, 5, cell_text(&s.rationale), &formats.wrap)?;
            row += 1;
        }
    }
    Ok(())
}

fn weights(ws: &mut Worksheet, formats: &Formats, report: &Report) -> Result<(), XlsxError> {
    header(
        ws,
        formats,
        &[
            "Criterion",
            "Id",
            "Higher is better",
            "Scale",
            "Swing weight",
            "Weight",
        ],
    )?;
    ws.set_column_width(0, 28)?;
    ws.set_column_range_width(1, 5, 16)?;
    for (i, c) in report.criteria.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &c.name)?;
        ws.write_string(row, 1, &c.id)?;
        ws.write_boolean(row, 2, c.higher_is_better)?;
        let scale = match (c.fixed_worst, c.fixed_best) {
            (Some(w), Some(b)) => format!("fixed: {w} = 0, {b} = 100"),
            _ => "local".to_string(),
        };
        ws.write_string(row, 3, &scale)?;
        ws.write_number(row, 4, c.swing_weight)?;
        ws.write_number_with_format(row, 5, c.normalised_weight, &formats.share)?;
    }
    Ok(())
}

fn groups(
    ws: &mut Worksheet,
    formats: &Formats,
    report: &Report,
    g: &super::GroupsReport,
) -> Result<(), XlsxError> {
    let rankings: Vec<&super::GroupReport> = g.rankings().collect();
    let compared = g.combined.is_some();
    let mut names: Vec<&str> = vec!["Weight given to"];
    names.extend(rankings.iter().map(|x| x.name.as_str()));
    if compared {
        names.extend(["Lowest", "Highest"]);
    }
    header(ws, formats, &names)?;
    ws.set_column_width(0, 32)?;
    ws.set_column_range_width(1, names.len() as u16, 16)?;
    let col = rankings.len() as u16 + 1;
    let mut row = 1;
    for (j, c) in report.criteria.iter().enumerate() {
        ws.write_string(row, 0, &c.name)?;
        for (k, group) in rankings.iter().enumerate() {
            ws.write_number_with_format(
                row,
                k as u16 + 1,
                group.normalised_weights[j],
                &formats.share,
            )?;
        }
        if let Some(range) = g.weight_ranges.get(j) {
            ws.write_number_with_format(row, col, range.lowest, &formats.share)?;
            ws.write_number_with_format(row, col + 1, range.highest, &formats.share)?;
        }
        row += 1;
    }
    // The scores and ranks below the weights, each with its own header row.
    row += 1;
    ws.write_string_with_format(row, 0, "Option: weighted score", &formats.header)?;
    for (k, group) in rankings.iter().enumerate() {
        ws.write_string_with_format(row, k as u16 + 1, &group.name, &formats.header)?;
    }
    if compared {
        ws.write_string_with_format(row, col, "Best rank", &formats.header)?;
        ws.write_string_with_format(row, col + 1, "Worst rank", &formats.header)?;
    }
    row += 1;
    for (i, o) in report.options.iter().enumerate() {
        ws.write_string(row, 0, &o.name)?;
        for (k, group) in rankings.iter().enumerate() {
            ws.write_number_with_format(
                row,
                k as u16 + 1,
                group.weighted_scores[i],
                &formats.score,
            )?;
        }
        if let Some(range) = g.rank_ranges.get(i) {
            ws.write_number(row, col, range.best)?;
            ws.write_number(row, col + 1, range.worst)?;
        }
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "Option: rank", &formats.header)?;
    for (k, group) in rankings.iter().enumerate() {
        ws.write_string_with_format(row, k as u16 + 1, &group.name, &formats.header)?;
    }
    row += 1;
    for (i, o) in report.options.iter().enumerate() {
        ws.write_string(row, 0, &o.name)?;
        for (k, group) in rankings.iter().enumerate() {
            ws.write_number(row, k as u16 + 1, group.ranks[i])?;
        }
        row += 1;
    }
    if !g.hidden_groups.is_empty() {
        row += 1;
        ws.write_string(row, 0, &g.agreement)?;
    }
    Ok(())
}

fn robustness(
    ws: &mut Worksheet,
    formats: &Formats,
    report: &Report,
    rb: &super::robustness::RobustnessReport,
) -> Result<(), XlsxError> {
    let n = rb.options.len();
    let mut names: Vec<String> = vec!["Option".into()];
    names.extend((1..=n).map(|k| format!("Rank {k}")));
    names.extend(
        [
            "Confidence",
            "NPSV P10 (£)",
            "NPSV P50 (£)",
            "NPSV P90 (£)",
            "NPSV mean (£)",
            "P(NPSV > 0)",
        ]
        .map(String::from),
    );
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    header(ws, formats, &refs)?;
    ws.set_column_width(0, 32)?;
    ws.set_column_range_width(1, names.len() as u16, 14)?;
    for (i, o) in rb.options.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &o.name)?;
        for (k, a) in o.rank_acceptability.iter().enumerate() {
            ws.write_number_with_format(row, k as u16 + 1, *a, &formats.share)?;
        }
        let c = n as u16 + 1;
        match o.confidence_factor {
            Some(x) => ws.write_number_with_format(row, c, x, &formats.share)?,
            None => ws.write_string(row, c, "–")?,
        };
        ws.write_number_with_format(row, c + 1, o.npsv_p10_gbp, &formats.money)?;
        ws.write_number_with_format(row, c + 2, o.npsv_p50_gbp, &formats.money)?;
        ws.write_number_with_format(row, c + 3, o.npsv_p90_gbp, &formats.money)?;
        ws.write_number_with_format(row, c + 4, o.npsv_mean_gbp, &formats.money)?;
        ws.write_number_with_format(row, c + 5, o.probability_npsv_positive, &formats.share)?;
    }
    let lines = [
        format!(
            "{} draws, seed {}; each share ±{:.3}.",
            rb.draws, rb.seed, rb.acceptability_margin
        ),
        "Weight switching values:".to_string(),
    ]
    .into_iter()
    .chain(rb.weight_switching_lines(&report.criteria))
    .chain([format!(
        "Input switching values for {}:",
        report.preferred_option
    )])
    .chain(rb.input_switching_lines());
    for (row, line) in (n as u32 + 2..).zip(lines) {
        ws.write_string(row, 0, &line)?;
    }
    Ok(())
}

fn method(ws: &mut Worksheet, formats: &Formats, report: &Report) -> Result<(), XlsxError> {
    let m = &report.method;
    header(ws, formats, &["Setting", "Value"])?;
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 100)?;
    let mut row = 1;
    let mut put = |ws: &mut Worksheet, k: &str, v: &str| -> Result<(), XlsxError> {
        ws.write_string(row, 0, k)?;
        ws.write_string_with_format(row, 1, cell_text(v), &formats.wrap)?;
        row += 1;
        Ok(())
    };
    put(ws, "Price base year", &report.price_base_year.to_string())?;
    put(
        ws,
        "Appraisal period (years)",
        &m.appraisal_period_years.to_string(),
    )?;
    for b in &m.discount_schedule {
        put(
            ws,
            &format!("Discount rate from year {}", b.from_year),
            &format!("{}%", b.rate_pct),
        )?;
    }
    put(
        ws,
        "Ranking uses optimism bias",
        if m.optimism_bias_applied_to_ranking {
            "yes"
        } else {
            "no"
        },
    )?;
    for (k, v) in [
        ("Comparator", &m.comparator),
        ("Costs and benefits", &m.costs_and_benefits),
        ("BCR", &m.bcr_definition),
        ("Payback", &m.payback_definition),
        ("Normalisation", &m.normalisation),
        ("Weighting", &m.weighting),
        ("Capacity", &m.capacity_rule),
    ] {
        put(ws, k, v)?;
    }
    if let Some(rb) = &report.robustness {
        put(ws, "Draws", &rb.draws.to_string())?;
        put(ws, "Seed", &rb.seed.to_string())?;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "Year", &formats.header)?;
    ws.write_string_with_format(row, 1, "Discount factor", &formats.header)?;
    for (t, d) in m.discount_factors.iter().enumerate() {
        row += 1;
        ws.write_number(row, 0, t as f64)?;
        ws.write_number(row, 1, *d)?;
    }
    Ok(())
}
