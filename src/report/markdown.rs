//! The report as Markdown: tables a committee paper can take, and the method in words.

use std::fmt::Write;

use super::{MoneyReport, Report};
use crate::model::format::{bcr, gbp, payback};

pub fn to_markdown(report: &Report) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut s, report);
    s
}

/// Text as Markdown shows it literally: every character Markdown would read as markup is
/// backslash-escaped, so `|` cannot break a table and `![x](http://…)` or `[click](javascript:…)`
/// cannot become an image fetched or a link; `<` cannot open raw HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '!' | '|'
            | '<' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

fn write_report(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(out, "# {}", escape(&report.title))?;
    writeln!(out)?;
    for (label, value) in report.meta_parts() {
        writeln!(out, "- **{label}:** {}", escape(value))?;
    }
    writeln!(
        out,
        "- **Price base year:** {} (real terms)",
        report.price_base_year
    )?;
    writeln!(
        out,
        "- **Preferred option:** {}",
        escape(&report.preferred_option)
    )?;
    writeln!(out)?;

    writeln!(out, "## Ranking")?;
    writeln!(out)?;
    writeln!(
        out,
        "| Rank | Option | Weighted score | Benefit score | Whole-life cost | On frontier |"
    )?;
    writeln!(out, "|---:|---|---:|---:|---:|:---:|")?;
    for o in report.options_by_rank() {
        writeln!(
            out,
            "| {} | {} | {:.1} | {:.1} | {} | {} |",
            o.rank,
            escape(&o.name),
            o.weighted_score,
            o.benefit_score,
            gbp(o.whole_life_cost_gbp),
            if o.on_efficient_frontier { "yes" } else { "no" }
        )?;
    }
    writeln!(out)?;

    for (heading, pick) in [
        (
            "Money against business as usual, with optimism bias",
            (|o: &super::OptionReport| &o.with_optimism_bias) as fn(&_) -> &MoneyReport,
        ),
        (
            "Money against business as usual, without optimism bias",
            |o: &super::OptionReport| &o.without_optimism_bias,
        ),
        (
            "Money against business as usual, risk-adjusted",
            |o: &super::OptionReport| &o.risk_adjusted,
        ),
    ] {
        writeln!(out, "## {heading}")?;
        writeln!(out)?;
        writeln!(
            out,
            "| Option | PV costs | PV benefits | NPSV | BCR | Payback |"
        )?;
        writeln!(out, "|---|---:|---:|---:|---:|---|")?;
        for o in &report.options {
            let m = pick(o);
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                escape(&o.name),
                gbp(m.pv_costs_gbp),
                gbp(m.pv_benefits_gbp),
                gbp(m.npsv_gbp),
                bcr(m.bcr),
                payback(m.payback_year)
            )?;
        }
        writeln!(out)?;
    }

    if let Some(alt) = &report.alternative_discount {
        writeln!(out, "## At an alternative discount schedule")?;
        writeln!(out)?;
        writeln!(out, "{}", escape(&alt.sentence))?;
        writeln!(out)?;
        writeln!(
            out,
            "| Option | NPSV, {} | Rank | NPSV, {} | Rank |",
            escape(&alt.main_schedule),
            escape(&alt.name)
        )?;
        writeln!(out, "|---|---:|---:|---:|---:|")?;
        for o in &alt.options {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&o.name),
                gbp(o.main_npsv_gbp),
                o.main_rank,
                gbp(o.npsv_gbp),
                o.rank
            )?;
        }
        writeln!(out)?;
    }
    write_risks(out, report)?;
    write_flows(out, report)?;

    writeln!(out, "## Criteria and weights")?;
    writeln!(out)?;
    writeln!(
        out,
        "| Criterion | Better | Scale | Swing weight | Weight |"
    )?;
    writeln!(out, "|---|---|---|---:|---:|")?;
    for c in &report.criteria {
        let scale = match (c.fixed_worst, c.fixed_best) {
            (Some(w), Some(b)) => format!("fixed: {w} = 0, {b} = 100"),
            _ => "local".to_string(),
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {:.1}% |",
            escape(&c.name),
            if c.higher_is_better {
                "higher"
            } else {
                "lower"
            },
            scale,
            c.swing_weight,
            c.normalised_weight * 100.0
        )?;
    }
    writeln!(out)?;

    if let Some(g) = &report.groups {
        writeln!(out, "## Workshop groups")?;
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            escape(&g.agreement),
            escape(&g.combined_summary)
        )?;
        writeln!(out)?;
        let rankings: Vec<&super::GroupReport> = g.rankings().collect();
        let names: Vec<String> = rankings.iter().map(|x| escape(&x.name)).collect();
        writeln!(out, "| Weight given to | {} |", names.join(" | "))?;
        writeln!(out, "|---|{}", "---:|".repeat(rankings.len()))?;
        for (j, c) in report.criteria.iter().enumerate() {
            let cells: Vec<String> = rankings
                .iter()
                .map(|x| format!("{:.1}%", x.normalised_weights[j] * 100.0))
                .collect();
            writeln!(out, "| {} | {} |", escape(&c.name), cells.join(" | "))?;
        }
        writeln!(out)?;
        writeln!(out, "| Option: rank · score | {} |", names.join(" | "))?;
        writeln!(out, "|---|{}", "---:|".repeat(rankings.len()))?;
        for (i, o) in report.options.iter().enumerate() {
            let cells: Vec<String> = rankings
                .iter()
                .map(|x| {
                    format!(
                        "{} · {:.1}",
                        crate::model::format::ordinal(x.ranks[i]),
                        x.weighted_scores[i]
                    )
                })
                .collect();
            writeln!(out, "| {} | {} |", escape(&o.name), cells.join(" | "))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "## Scores and rationale")?;
    for o in &report.options {
        writeln!(out)?;
        writeln!(out, "### {}", escape(&o.name))?;
        writeln!(out)?;
        if !o.description.is_empty() {
            writeln!(out, "{}", escape(&o.description))?;
            writeln!(out)?;
        }
        writeln!(
            out,
            "| Criterion | Value | Score (0–100) | Weighted | Rationale |"
        )?;
        writeln!(out, "|---|---:|---:|---:|---|")?;
        for (score, c) in o.scores.iter().zip(&report.criteria) {
            let value = if c.is_money() {
                gbp(score.raw_value)
            } else {
                format!("{:.2}", score.raw_value)
            };
            writeln!(
                out,
                "| {} | {} | {:.1} | {:.1} | {} |",
                escape(&c.name),
                value,
                score.score,
                score.weighted_contribution,
                escape(&score.rationale)
            )?;
        }
    }
    writeln!(out)?;

    if let Some(rb) = &report.robustness {
        write_robustness(out, report, rb)?;
    }

    let m = &report.method;
    writeln!(out, "## Method")?;
    writeln!(out)?;
    writeln!(
        out,
        "- Appraisal period: {} years. Discount rates: {}.",
        m.appraisal_period_years,
        m.discount_schedule
            .iter()
            .map(|b| format!("{}% from year {}", b.rate_pct, b.from_year))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    writeln!(
        out,
        "- Discount factors D_0..: {}.",
        m.discount_factors
            .iter()
            .map(|d| format!("{d:.4}"))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    for line in report.method_statements() {
        writeln!(out, "- {}", escape(&line))?;
    }
    Ok(())
}

fn write_robustness(
    out: &mut String,
    report: &Report,
    rb: &super::robustness::RobustnessReport,
) -> std::fmt::Result {
    writeln!(out, "## How robust is the ranking?")?;
    writeln!(out)?;
    if rb.fragile_warnings.is_empty() {
        writeln!(out, "No fragile lead at the thresholds set.")?;
    }
    for w in &rb.fragile_warnings {
        writeln!(out, "- **Warning:** {}", escape(w))?;
    }
    writeln!(out)?;
    if let Some(e) = &rb.smaa_error {
        writeln!(
            out,
            "The acceptability analysis could not run: {}.",
            escape(e)
        )?;
        writeln!(out)?;
    }
    if !rb.options.is_empty() {
        let n = rb.options.len();
        writeln!(
            out,
            "Rank acceptability (share of {} weightings drawn uniformly within any agreed weight bounds, with uncertain inputs drawn from their ranges, ±{:.3}; seed {}):",
            rb.draws, rb.acceptability_margin, rb.seed
        )?;
        writeln!(out)?;
        let ranks: Vec<String> = (1..=n).map(|k| format!("Rank {k}")).collect();
        writeln!(out, "| Option | {} | Confidence |", ranks.join(" | "))?;
        writeln!(out, "|---|{}---:|", "---:|".repeat(n))?;
        for o in &rb.options {
            let cells: Vec<String> = o
                .rank_acceptability
                .iter()
                .map(|x| format!("{:.0}%", x * 100.0))
                .collect();
            writeln!(
                out,
                "| {} | {} | {} |",
                escape(&o.name),
                cells.join(" | "),
                o.confidence_factor
                    .map_or("–".to_string(), |c| format!("{:.0}%", c * 100.0))
            )?;
        }
        writeln!(out)?;
        writeln!(
            out,
            "NPSV across the draws (Monte Carlo on the input ranges):"
        )?;
        writeln!(out)?;
        writeln!(out, "| Option | P10 | P50 | P90 | P(NPSV > 0) |")?;
        writeln!(out, "|---|---:|---:|---:|---:|")?;
        for o in &rb.options {
            writeln!(
                out,
                "| {} | {} | {} | {} | {:.0}% |",
                escape(&o.name),
                gbp(o.npsv_p10_gbp),
                gbp(o.npsv_p50_gbp),
                gbp(o.npsv_p90_gbp),
                o.probability_npsv_positive * 100.0
            )?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "Weight switching values (each weight from 0 to 1, the others in proportion):"
    )?;
    writeln!(out)?;
    for line in rb.weight_switching_lines(&report.criteria) {
        writeln!(out, "- {}", escape(&line))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Input switching values for {}:",
        escape(&report.preferred_option)
    )?;
    writeln!(out)?;
    for line in rb.input_switching_lines() {
        writeln!(out, "- {}", escape(&line))?;
    }
    writeln!(out)?;
    Ok(())
}

fn write_risks(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(out, "## Optimism bias by option")?;
    writeln!(out)?;
    writeln!(out, "| {} |", super::OPTIMISM_HEADINGS.join(" | "))?;
    writeln!(out, "|---|---:|---:|---:|---:|---|")?;
    for o in report
        .options
        .iter()
        .filter(|o| o.kind != "Business as usual")
    {
        let cells: Vec<String> = o.optimism_cells().iter().map(|c| escape(c)).collect();
        writeln!(out, "| {} | {} |", escape(&o.name), cells.join(" | "))?;
    }
    writeln!(out)?;
    writeln!(out, "## Risk register")?;
    writeln!(out)?;
    if !report.has_risks() {
        writeln!(out, "{}", crate::words::results::NO_RISKS_COSTED)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "| Option | Risk | Chance | Cost if it happens | Years | Expected cost | Mitigation |"
    )?;
    writeln!(out, "|---|---|---:|---:|---|---:|---|")?;
    for o in &report.options {
        for r in &o.risks {
            writeln!(
                out,
                "| {} | {} | {}% | {} | {} | {} | {} |",
                escape(&o.name),
                escape(&r.description),
                r.probability_pct,
                super::impact_text(r),
                super::years_text(r.first_year, r.last_year),
                gbp(r.expected_cost_gbp),
                escape(&r.mitigation)
            )?;
        }
    }
    writeln!(out)
}

fn write_flows(out: &mut String, report: &Report) -> std::fmt::Result {
    writeln!(out, "## Flows by year")?;
    writeln!(out)?;
    writeln!(
        out,
        "Base-year £, undiscounted, against business as usual; present value = net benefit × discount factor."
    )?;
    writeln!(out)?;
    let years = report.method.discount_factors.len();
    for o in report
        .options
        .iter()
        .filter(|o| o.kind != "Business as usual")
    {
        writeln!(out, "### {}", escape(&o.name))?;
        writeln!(out)?;
        let header: Vec<String> = report.method.financial_years.clone();
        writeln!(out, "| | {} |", header.join(" | "))?;
        writeln!(out, "|---|{}", "---:|".repeat(years))?;
        for (heading, values) in o.flows_by_year.rows() {
            let cells: Vec<String> = values.iter().map(|v| gbp(*v)).collect();
            writeln!(out, "| {heading} | {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
