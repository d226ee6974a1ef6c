//! The report as Markdown: tables a committee paper can take, and the method in words.

use std::fmt::Write;

use super::{MoneyReport, Report};
use crate::model::format::{bcr, gbp, payback};

pub fn to_markdown(r: &Report) -> String {
    let mut s = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut s, r);
    s
}

fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

fn write_report(s: &mut String, r: &Report) -> std::fmt::Result {
    writeln!(s, "# {}", escape(&r.title))?;
    writeln!(s)?;
    for (label, value) in [
        ("Council", &r.council),
        ("Service", &r.service),
        ("Prepared by", &r.author),
        ("Date", &r.date),
    ] {
        if !value.is_empty() {
            writeln!(s, "- **{label}:** {}", escape(value))?;
        }
    }
    writeln!(
        s,
        "- **Price base year:** {} (real terms)",
        r.price_base_year
    )?;
    writeln!(s, "- **Preferred option:** {}", escape(&r.preferred_option))?;
    writeln!(s)?;

    writeln!(s, "## Ranking")?;
    writeln!(s)?;
    writeln!(
        s,
        "| Rank | Option | Weighted score | Benefit score | Whole-life cost | On frontier |"
    )?;
    writeln!(s, "|---:|---|---:|---:|---:|:---:|")?;
    for o in r.options_by_rank() {
        writeln!(
            s,
            "| {} | {} | {:.1} | {:.1} | {} | {} |",
            o.rank,
            escape(&o.name),
            o.weighted_score,
            o.benefit_score,
            gbp(o.whole_life_cost_gbp),
            if o.on_efficient_frontier { "yes" } else { "no" }
        )?;
    }
    writeln!(s)?;

    for (heading, pick) in [
        (
            "Money against business as usual, with optimism bias",
            (|o: &super::OptionReport| &o.with_optimism_bias) as fn(&_) -> &MoneyReport,
        ),
        (
            "Money against business as usual, without optimism bias",
            |o: &super::OptionReport| &o.without_optimism_bias,
        ),
    ] {
        writeln!(s, "## {heading}")?;
        writeln!(s)?;
        writeln!(
            s,
            "| Option | PV costs | PV benefits | NPSV | BCR | Payback |"
        )?;
        writeln!(s, "|---|---:|---:|---:|---:|---|")?;
        for o in &r.options {
            let m = pick(o);
            writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} |",
                escape(&o.name),
                gbp(m.pv_costs_gbp),
                gbp(m.pv_benefits_gbp),
                gbp(m.npsv_gbp),
                bcr(m.bcr),
                payback(m.payback_year)
            )?;
        }
        writeln!(s)?;
    }

    writeln!(s, "## Criteria and weights")?;
    writeln!(s)?;
    writeln!(s, "| Criterion | Better | Scale | Swing weight | Weight |")?;
    writeln!(s, "|---|---|---|---:|---:|")?;
    for c in &r.criteria {
        let scale = match (c.fixed_worst, c.fixed_best) {
            (Some(w), Some(b)) => format!("fixed: {w} = 0, {b} = 100"),
            _ => "local".to_string(),
        };
        writeln!(
            s,
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
    writeln!(s)?;

    if let Some(g) = &r.groups {
        writeln!(s, "## Workshop groups")?;
        writeln!(s)?;
        writeln!(
            s,
            "{} {}",
            escape(&g.agreement),
            escape(&g.combined_summary)
        )?;
        writeln!(s)?;
        let rankings: Vec<&super::GroupReport> = g.rankings().collect();
        let names: Vec<String> = rankings.iter().map(|x| escape(&x.name)).collect();
        writeln!(s, "| Weight given to | {} |", names.join(" | "))?;
        writeln!(s, "|---|{}", "---:|".repeat(rankings.len()))?;
        for (j, c) in r.criteria.iter().enumerate() {
            let cells: Vec<String> = rankings
                .iter()
                .map(|x| format!("{:.1}%", x.normalised_weights[j] * 100.0))
                .collect();
            writeln!(s, "| {} | {} |", escape(&c.name), cells.join(" | "))?;
        }
        writeln!(s)?;
        writeln!(s, "| Option: rank · score | {} |", names.join(" | "))?;
        writeln!(s, "|---|{}", "---:|".repeat(rankings.len()))?;
        for (i, o) in r.options.iter().enumerate() {
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
            writeln!(s, "| {} | {} |", escape(&o.name), cells.join(" | "))?;
        }
        writeln!(s)?;
    }

    writeln!(s, "## Scores and rationale")?;
    for o in &r.options {
        writeln!(s)?;
        writeln!(s, "### {}", escape(&o.name))?;
        writeln!(s)?;
        if !o.description.is_empty() {
            writeln!(s, "{}", escape(&o.description))?;
            writeln!(s)?;
        }
        writeln!(
            s,
            "| Criterion | Value | Score (0–100) | Weighted | Rationale |"
        )?;
        writeln!(s, "|---|---:|---:|---:|---|")?;
        for (score, c) in o.scores.iter().zip(&r.criteria) {
            let value = if c.measure == "whole_life_cost" {
                gbp(score.raw_value)
            } else {
                format!("{:.2}", score.raw_value)
            };
            writeln!(
                s,
                "| {} | {} | {:.1} | {:.1} | {} |",
                escape(&c.name),
                value,
                score.score,
                score.weighted_contribution,
                escape(&score.rationale)
            )?;
        }
    }
    writeln!(s)?;

    if let Some(rb) = &r.robustness {
        write_robustness(s, r, rb)?;
    }

    let m = &r.method;
    writeln!(s, "## Method")?;
    writeln!(s)?;
    writeln!(
        s,
        "- Appraisal period: {} years. Discount rates: {}.",
        m.appraisal_period_years,
        m.discount_schedule
            .iter()
            .map(|b| format!("{}% from year {}", b.rate_pct, b.from_year))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    writeln!(
        s,
        "- Discount factors D_0..: {}.",
        m.discount_factors
            .iter()
            .map(|d| format!("{d:.4}"))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    for line in super::words::method_statements(r) {
        writeln!(s, "- {}", escape(&line))?;
    }
    Ok(())
}

fn write_robustness(
    s: &mut String,
    r: &Report,
    rb: &super::robustness::RobustnessReport,
) -> std::fmt::Result {
    writeln!(s, "## How robust is the ranking?")?;
    writeln!(s)?;
    if rb.fragile_warnings.is_empty() {
        writeln!(s, "No fragile lead at the thresholds set.")?;
    }
    for w in &rb.fragile_warnings {
        writeln!(s, "- **Warning:** {}", escape(w))?;
    }
    writeln!(s)?;
    if let Some(e) = &rb.smaa_error {
        writeln!(
            s,
            "The acceptability analysis could not run: {}.",
            escape(e)
        )?;
        writeln!(s)?;
    }
    if !rb.options.is_empty() {
        let n = rb.options.len();
        writeln!(
            s,
            "Rank acceptability (share of {} weightings drawn uniformly within any agreed weight bounds, with uncertain inputs drawn from their ranges, ±{:.3}; seed {}):",
            rb.draws, rb.acceptability_margin, rb.seed
        )?;
        writeln!(s)?;
        let ranks: Vec<String> = (1..=n).map(|k| format!("Rank {k}")).collect();
        writeln!(s, "| Option | {} | Confidence |", ranks.join(" | "))?;
        writeln!(s, "|---|{}---:|", "---:|".repeat(n))?;
        for o in &rb.options {
            let cells: Vec<String> = o
                .rank_acceptability
                .iter()
                .map(|x| format!("{:.0}%", x * 100.0))
                .collect();
            writeln!(
                s,
                "| {} | {} | {} |",
                escape(&o.name),
                cells.join(" | "),
                o.confidence_factor
                    .map_or("–".to_string(), |c| format!("{:.0}%", c * 100.0))
            )?;
        }
        writeln!(s)?;
        writeln!(
            s,
            "NPSV across the draws (Monte Carlo on the input ranges):"
        )?;
        writeln!(s)?;
        writeln!(s, "| Option | P10 | P50 | P90 | P(NPSV > 0) |")?;
        writeln!(s, "|---|---:|---:|---:|---:|")?;
        for o in &rb.options {
            writeln!(
                s,
                "| {} | {} | {} | {} | {:.0}% |",
                escape(&o.name),
                gbp(o.npsv_p10_gbp),
                gbp(o.npsv_p50_gbp),
                gbp(o.npsv_p90_gbp),
                o.probability_npsv_positive * 100.0
            )?;
        }
        writeln!(s)?;
    }
    writeln!(
        s,
        "Weight switching values (each weight from 0 to 1, the others in proportion):"
    )?;
    writeln!(s)?;
    for line in super::words::weight_switching(r, rb) {
        writeln!(s, "- {}", escape(&line))?;
    }
    writeln!(s)?;
    writeln!(
        s,
        "Input switching values for {}:",
        escape(&r.preferred_option)
    )?;
    writeln!(s)?;
    for line in super::words::input_switching(rb) {
        writeln!(s, "- {}", escape(&line))?;
    }
    writeln!(s)?;
    Ok(())
}
