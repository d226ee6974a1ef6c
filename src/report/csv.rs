//! The report as CSV: one row per option with every figure, then the method as
//! setting,value rows after a blank line. Numbers are unrounded so Excel can work them.

use super::Report;

/// Quotes a field when it holds a comma, a quote or a line break (RFC 4180), after making
/// sure a spreadsheet reads it as text, never as a formula.
fn field(text: &str) -> String {
    let text = super::spreadsheet_text(text);
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn opt<T: ToString>(x: Option<T>) -> String {
    x.map(|v| v.to_string()).unwrap_or_default()
}

pub fn to_csv(report: &Report) -> String {
    let mut header: Vec<String> = [
        "option",
        "kind",
        "rank",
        "weighted_score",
        "benefit_score",
        "whole_life_cost_gbp",
        "on_efficient_frontier",
        "pv_costs_gbp",
        "pv_benefits_gbp",
        "npsv_gbp",
        "bcr",
        "payback_year",
        "pv_costs_gbp_without_ob",
        "pv_benefits_gbp_without_ob",
        "npsv_gbp_without_ob",
        "bcr_without_ob",
        "payback_year_without_ob",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for c in &report.criteria {
        header.push(format!("{}_raw", c.id));
        header.push(format!("{}_score", c.id));
    }
    let robust = report
        .robustness
        .as_ref()
        .filter(|rb| !rb.options.is_empty());
    if robust.is_some() {
        for k in 1..=report.options.len() {
            header.push(format!("acceptability_rank_{k}"));
        }
        for h in [
            "confidence_factor",
            "npsv_p10_gbp",
            "npsv_p50_gbp",
            "npsv_p90_gbp",
            "probability_npsv_positive",
        ] {
            header.push(h.to_string());
        }
    }
    // Each workshop group's score and rank, then the combined ones.
    let group_rankings: Vec<&super::GroupReport> =
        report.groups.iter().flat_map(|g| g.rankings()).collect();
    for g in &group_rankings {
        header.push(field(&format!("{} weighted_score", g.name)));
        header.push(field(&format!("{} rank", g.name)));
    }
    for h in [
        "pv_costs_gbp_risk_adjusted",
        "pv_benefits_gbp_risk_adjusted",
        "npsv_gbp_risk_adjusted",
        "bcr_risk_adjusted",
        "payback_year_risk_adjusted",
        "expected_risk_cost_gbp",
        "optimism_bias_pct",
        "one_off_optimism_bias_pct",
        "benefits_shortfall_pct",
        "optimism_bias_reduction_pct",
    ] {
        header.push(h.to_string());
    }
    let mut lines = vec![header.join(",")];
    for (i, o) in report.options.iter().enumerate() {
        let (w, wo) = (&o.with_optimism_bias, &o.without_optimism_bias);
        let mut row = vec![
            field(&o.name),
            field(&o.kind),
            o.rank.to_string(),
            o.weighted_score.to_string(),
            o.benefit_score.to_string(),
            o.whole_life_cost_gbp.to_string(),
            o.on_efficient_frontier.to_string(),
            w.pv_costs_gbp.to_string(),
            w.pv_benefits_gbp.to_string(),
            w.npsv_gbp.to_string(),
            opt(w.bcr),
            opt(w.payback_year),
            wo.pv_costs_gbp.to_string(),
            wo.pv_benefits_gbp.to_string(),
            wo.npsv_gbp.to_string(),
            opt(wo.bcr),
            opt(wo.payback_year),
        ];
        for s in &o.scores {
            row.push(s.raw_value.to_string());
            row.push(s.score.to_string());
        }
        if let Some(rb) = robust
            && let Some(x) = rb.options.iter().find(|x| x.name == o.name)
        {
            row.extend(x.rank_acceptability.iter().map(ToString::to_string));
            row.push(opt(x.confidence_factor));
            for v in [
                x.npsv_p10_gbp,
                x.npsv_p50_gbp,
                x.npsv_p90_gbp,
                x.probability_npsv_positive,
            ] {
                row.push(v.to_string());
            }
        }
        for g in &group_rankings {
            row.push(g.weighted_scores[i].to_string());
            row.push(g.ranks[i].to_string());
        }
        let ra = &o.risk_adjusted;
        row.extend([
            ra.pv_costs_gbp.to_string(),
            ra.pv_benefits_gbp.to_string(),
            ra.npsv_gbp.to_string(),
            opt(ra.bcr),
            opt(ra.payback_year),
            o.risks
                .iter()
                .map(|r| r.expected_cost_gbp)
                .sum::<f64>()
                .to_string(),
            o.optimism_bias_pct.to_string(),
            o.one_off_optimism_bias_pct.to_string(),
            o.benefits_shortfall_pct.to_string(),
            o.optimism_bias_reduction_pct.to_string(),
        ]);
        lines.push(row.join(","));
    }
    let m = &report.method;
    lines.push(String::new());
    lines.push("setting,value".to_string());
    let mut setting = |k: &str, v: String| lines.push(format!("{},{}", field(k), field(&v)));
    setting("title", report.title.clone());
    setting("price_base_year", report.price_base_year.to_string());
    setting(
        "appraisal_period_years",
        m.appraisal_period_years.to_string(),
    );
    for b in &m.discount_schedule {
        setting(
            &format!("discount_rate_pct_from_year_{}", b.from_year),
            b.rate_pct.to_string(),
        );
    }
    setting(
        "optimism_bias_applied_to_ranking",
        m.optimism_bias_applied_to_ranking.to_string(),
    );
    for c in &report.criteria {
        setting(&format!("weight_{}", c.id), c.normalised_weight.to_string());
    }
    for g in &group_rankings {
        for (c, w) in report.criteria.iter().zip(&g.normalised_weights) {
            setting(&format!("{} weight_{}", g.name, c.id), w.to_string());
        }
    }
    if let Some(rb) = &report.robustness {
        setting("draws", rb.draws.to_string());
        setting("seed", rb.seed.to_string());
        for w in &rb.fragile_warnings {
            setting("fragile_warning", w.clone());
        }
    }
    setting("normalisation", m.normalisation.clone());
    setting("weighting", m.weighting.clone());
    setting("money_measure", m.money_measure.clone());
    lines.push(String::new());
    // The risk register, a risk a row.
    lines.push(
        "option,risk,probability_pct,impact_likely_gbp,impact_low_gbp,impact_high_gbp,first_year,last_year,expected_cost_gbp,mitigation"
            .to_string(),
    );
    for o in &report.options {
        for r in &o.risks {
            lines.push(
                [
                    field(&o.name),
                    field(&r.description),
                    r.probability_pct.to_string(),
                    r.impact_likely_gbp.to_string(),
                    opt(r.impact_low_gbp),
                    opt(r.impact_high_gbp),
                    r.first_year.to_string(),
                    r.last_year.to_string(),
                    r.expected_cost_gbp.to_string(),
                    field(&r.mitigation),
                ]
                .join(","),
            );
        }
    }
    lines.push(String::new());
    // Every flow of every option by year, on the headline basis.
    let years = m.discount_factors.len();
    let mut head = vec!["option".to_string(), "flow".to_string()];
    head.extend((0..years).map(|t| format!("year_{t}")));
    lines.push(head.join(","));
    for o in &report.options {
        for (heading, values) in o.flows_by_year.rows() {
            let mut row = vec![field(&o.name), field(heading)];
            row.extend(values.iter().map(ToString::to_string));
            lines.push(row.join(","));
        }
    }
    lines.push(String::new());
    // The financial case: cash by financial year, a row per option and line.
    if let Some(fc) = &report.financial_case {
        let mut head = vec!["option".to_string(), "cash".to_string()];
        head.extend(fc.financial_years.iter().map(|y| field(y)));
        lines.push(head.join(","));
        let mut row = |name: &str, what: &str, values: &[f64]| {
            let mut r = vec![field(name), field(what)];
            r.extend(values.iter().map(ToString::to_string));
            lines.push(r.join(","));
        };
        row("Budget", "budget_gbp", &fc.budget_gbp);
        row("Target", "target_gbp", &fc.target_gbp);
        for o in &fc.options {
            row(&o.name, "revenue_gbp", &o.revenue_gbp);
            row(&o.name, "capital_gbp", &o.capital_gbp);
            row(&o.name, "capital_receipts_gbp", &o.capital_receipts_gbp);
            row(
                &o.name,
                "borrowing_repayments_gbp",
                &o.borrowing_repayments_gbp,
            );
            row(&o.name, "saving_gbp", &o.saving_gbp);
            row(&o.name, "gap_to_target_gbp", &o.gap_to_target_gbp);
        }
        lines.push(String::new());
    }
    lines.join("\n")
}
