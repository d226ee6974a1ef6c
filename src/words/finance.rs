//! The financial case in sentences a committee paper can quote.

use crate::model::finance::FinancialCase;
use crate::model::format::gbp;
use crate::model::{Appraisal, CapitalFunding, FundingSource};

/// Under the year-by-year inflation field when it holds something the method cannot use.
pub const INFLATION_LIST_HELP: &str = "Type each year's rate in %, from year 1, separated by commas, e.g. 3.2, 2.1, 2.0: each between −50% and 50%.";

pub const BUDGET_LINE: &str = "budget: business as usual (dashed)";
pub const TARGET_LINE: &str = "budget less the savings target (dotted)";
/// Under the report's chart, in one line that fits its width.
pub const CHART_KEY: &str = "Dashed: the budget; dotted: the budget less the target. Below the dotted line, an option finds the saving.";

/// A discount schedule's name, rates, source and date, as the settings and method show it.
pub fn schedule_line(schedule: &crate::model::DiscountSchedule) -> String {
    let rates: Vec<String> = schedule
        .bands
        .iter()
        .map(|b| format!("{}% from year {}", b.rate_pct, b.from_year))
        .collect();
    let mut line = format!("{}: {}", schedule.label(), rates.join(", "));
    let source = schedule.source.trim();
    if !source.is_empty() {
        line.push_str(&format!(". Source: {source}"));
    }
    let date = schedule.date.trim();
    if !date.is_empty() {
        line.push_str(&format!(" ({date})"));
    }
    line.push('.');
    line
}

/// How the capital is paid for, in words.
pub fn funding_words(funding: &CapitalFunding) -> String {
    match funding.source {
        FundingSource::Reserves => "reserves or capital receipts".to_string(),
        FundingSource::Grant => "a capital grant".to_string(),
        FundingSource::Borrowing => format!(
            "borrowing at {}% repaid over {} years",
            funding.interest_rate_pct, funding.term_years
        ),
    }
}

/// One sentence per option: whether and from when it meets the savings target, and what it
/// needs up front.
pub fn target_sentence(appraisal: &Appraisal, case: &FinancialCase, i: usize) -> String {
    let name = &appraisal.options[i].name;
    let f = &case.options[i];
    let years = case.index.len();
    let target_years: Vec<usize> = (0..years).filter(|&t| case.target_gbp[t] > 0.0).collect();
    let mut sentence = match (target_years.first(), f.meets_target_from) {
        (None, _) => format!(
            "{name}: no savings target is set; it saves {} in cash in {}.",
            gbp(f.saving_gbp.last().copied().unwrap_or(0.0)),
            case.year_label(years.saturating_sub(1))
        ),
        (Some(&first), Some(m)) if m == first => format!(
            "{name} meets the {} saving from {} and in every year of the plan after.",
            gbp(case.target_gbp[m]),
            case.year_label(m)
        ),
        (Some(_), Some(m)) => format!(
            "{name} meets the {} saving from {}; until then the shortfall totals {}, to be found from reserves or other savings.",
            gbp(case.target_gbp[m]),
            case.year_label(m),
            gbp(f.shortfall_before_gbp)
        ),
        (Some(_), None) => format!(
            "{name} does not meet the savings target within the plan: the shortfall totals {} by {}.",
            gbp(f.shortfall_before_gbp),
            case.year_label(years.saturating_sub(1))
        ),
    };
    let capital: f64 = f.capital_gbp.iter().sum::<f64>() - f.receipts_gbp.iter().sum::<f64>();
    // Business as usual's own one-offs are not a change to find cash for.
    let is_bau = appraisal.options[i].kind == crate::model::OptionKind::BusinessAsUsual;
    if f.one_off_gbp > 0.0 && !is_bau {
        sentence.push_str(&format!(
            " It needs {} of one-off cash for the change",
            gbp(f.one_off_gbp)
        ));
        if capital > 0.0 {
            sentence.push_str(&format!(
                ", {} of it capital funded from {}",
                gbp(capital),
                funding_words(&appraisal.settings.finance.capital_funding)
            ));
        }
        sentence.push_str(&format!(
            "; before any borrowing or grant, at its peak it has spent {} more cash than business as usual.",
            gbp(f.peak_cash_requirement_gbp)
        ));
    }
    sentence
}

/// The method statement's financial-case line.
pub fn method(appraisal: &Appraisal) -> String {
    let f = &appraisal.settings.finance;
    let inflation = if f.inflation.rates_pct.is_empty() {
        format!("a flat {}% a year", f.inflation.flat_rate_pct)
    } else {
        "the schedule given year by year".to_string()
    };
    let dated = if f.inflation.date.trim().is_empty() {
        String::new()
    } else {
        format!(", {}", f.inflation.date.trim())
    };
    format!(
        "Financial case: cash (nominal), not discounted, by financial year (April to March). Each year's real figure at its likely value (before optimism bias and the risk register) × an inflation index built from {inflation} (source: {}{dated}); relative price effects from the economic case apply on top. Revenue is the running cost paid, clauses and the transition and one-off costs not marked capital; capital is the rest, less capital receipts, funded from {}. Borrowing is repaid as an annuity, K·r / (1 − (1 + r)^−n) a year for the n years after it is spent. The saving is business as usual's revenue cash (the service's budget) less the option's, set against the savings target.",
        f.inflation.source.trim(),
        funding_words(&f.capital_funding)
    )
}

/// The target sentence's first clause alone, for a slide read from the back of the room.
pub fn target_sentence_short(appraisal: &Appraisal, case: &FinancialCase, i: usize) -> String {
    // e.g. "Contracting out meets the £500k saving from 2028/29 and in every year of the plan
    // after." without what it needs up front.
    let full = target_sentence(appraisal, case, i);
    // The first clause ends at whichever comes first: a semicolon or a full stop.
    match [full.find(';'), full.find(". ")]
        .into_iter()
        .flatten()
        .min()
    {
        Some(k) => format!("{}.", &full[..k]),
        None => full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::finance::financial_case;
    use crate::model::{OptionKind, TargetStep};

    #[test]
    fn the_target_sentence_names_the_year_the_saving_is_met() {
        // The library example (year 0 is 2026/27) with a £500k target from 2027/28. The
        // shared service goes live in 2027/28 with 60% of its £550k saving, but pays half its
        // £520k transition and an £80k ICT exit that year: 0.6 × 550k × 1.01 − 340k ≈ −£7k.
        // From 2028/29 it saves in full: (£4.2m − £3.65m) × 1.01² = £561k real, £583k in cash
        // at 2% inflation (× 1.0404), which meets £500k; so it meets it from 2028/29.
        let mut a = crate::storage::default_example();
        a.settings.finance.first_financial_year = Some(2026);
        a.settings.finance.savings_target = vec![TargetStep {
            from_financial_year: 2027,
            saving_gbp: 500_000.0,
        }];
        let case = financial_case(&a).expect("valid");
        let shared = a
            .options
            .iter()
            .position(|o| o.kind == OptionKind::SharedService)
            .expect("shared");
        let s = target_sentence(&a, &case, shared);
        assert!(
            s.starts_with("Shared service meets the £500k saving from 2028/29; until then the shortfall totals"),
            "{s}"
        );
        // A slide keeps the first clause only.
        assert_eq!(
            target_sentence_short(&a, &case, shared),
            "Shared service meets the £500k saving from 2028/29."
        );
        let bau = a.bau_index().expect("bau");
        assert!(
            target_sentence(&a, &case, bau).starts_with("Business as usual does not meet"),
            "{}",
            target_sentence(&a, &case, bau)
        );
    }
}
