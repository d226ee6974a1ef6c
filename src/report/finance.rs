//! The report's affordability parts: the financial case in cash by financial year, and the
//! sensitivity at an alternative discount schedule, each worked from the appraisal.

use serde::Serialize;

use super::DiscountBandReport;
use crate::model::{Appraisal, Results};

#[derive(Debug, Clone, Serialize)]
pub struct AlternativeDiscountReport {
    pub name: String,
    pub source: String,
    pub date: String,
    pub discount_schedule: Vec<DiscountBandReport>,
    /// The main schedule's name, for the side-by-side reading.
    pub main_schedule: String,
    pub preferred_option: String,
    pub same_leader: bool,
    pub options: Vec<AlternativeOptionReport>,
    pub sentence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlternativeOptionReport {
    pub name: String,
    /// On the headline basis, at the alternative schedule, beside the main one.
    pub npsv_gbp: f64,
    pub main_npsv_gbp: f64,
    pub rank: u32,
    pub main_rank: u32,
}

pub(super) fn alternative_discount_report(
    appraisal: &Appraisal,
    results: &Results,
) -> Option<AlternativeDiscountReport> {
    let schedule = appraisal.settings.alternative_discount.as_ref()?;
    let alternative = crate::model::appraise::at_alternative_discount(appraisal)?.ok()?;
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let period = appraisal.settings.appraisal_period_years;
    Some(AlternativeDiscountReport {
        name: schedule.label(),
        source: schedule.source.clone(),
        date: schedule.date.clone(),
        discount_schedule: schedule
            .bands
            .iter()
            .filter(|b| b.from_year < period.max(1))
            .map(|b| DiscountBandReport {
                from_year: b.from_year,
                rate_pct: b.rate_pct,
            })
            .collect(),
        main_schedule: appraisal.settings.discount.label(),
        preferred_option: appraisal.options[alternative.preferred].name.clone(),
        same_leader: alternative.preferred == results.preferred,
        options: appraisal
            .options
            .iter()
            .zip(alternative.options.iter().zip(&results.options))
            .map(|(o, (alt, main))| AlternativeOptionReport {
                name: o.name.clone(),
                npsv_gbp: alt.headline(apply_ob).npsv_gbp,
                main_npsv_gbp: main.headline(apply_ob).npsv_gbp,
                rank: alt.rank,
                main_rank: main.rank,
            })
            .collect(),
        sentence: crate::words::results::alternative_discount_sentence(
            appraisal,
            results,
            &alternative,
        )
        .unwrap_or_default(),
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct FinancialCaseReport {
    /// "2026/27", … one per year of the appraisal.
    pub financial_years: Vec<String>,
    pub inflation_index: Vec<f64>,
    pub inflation_source: String,
    pub inflation_date: String,
    /// Business as usual's revenue cash: the service's budget.
    pub budget_gbp: Vec<f64>,
    pub target_gbp: Vec<f64>,
    /// `reserves`, `grant` or `borrowing`, and the borrowing terms.
    pub capital_funding: String,
    pub borrowing_interest_rate_pct: f64,
    pub borrowing_term_years: u32,
    pub options: Vec<OptionFinanceReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionFinanceReport {
    pub name: String,
    pub revenue_gbp: Vec<f64>,
    pub capital_gbp: Vec<f64>,
    pub capital_receipts_gbp: Vec<f64>,
    pub borrowing_repayments_gbp: Vec<f64>,
    pub saving_gbp: Vec<f64>,
    pub gap_to_target_gbp: Vec<f64>,
    /// The financial year from which it meets the target every year after; null if never.
    pub meets_target_from: Option<String>,
    pub shortfall_before_gbp: f64,
    pub cumulative_gap_gbp: f64,
    pub one_off_cash_gbp: f64,
    pub peak_cash_requirement_gbp: f64,
    /// The sentence a committee paper can quote.
    pub sentence: String,
}

pub(super) fn financial_case_report(appraisal: &Appraisal) -> Option<FinancialCaseReport> {
    let case = crate::model::finance::financial_case(appraisal)?;
    let f = &appraisal.settings.finance;
    let years = case.index.len();
    Some(FinancialCaseReport {
        financial_years: (0..years).map(|t| case.year_label(t)).collect(),
        inflation_source: f.inflation.source.clone(),
        inflation_date: f.inflation.date.clone(),
        capital_funding: match f.capital_funding.source {
            crate::model::FundingSource::Reserves => "reserves",
            crate::model::FundingSource::Grant => "grant",
            crate::model::FundingSource::Borrowing => "borrowing",
        }
        .to_string(),
        borrowing_interest_rate_pct: f.capital_funding.interest_rate_pct,
        borrowing_term_years: f.capital_funding.term_years,
        options: appraisal
            .options
            .iter()
            .zip(&case.options)
            .enumerate()
            .map(|(i, (o, x))| OptionFinanceReport {
                name: o.name.clone(),
                revenue_gbp: x.revenue_gbp.clone(),
                capital_gbp: x.capital_gbp.clone(),
                capital_receipts_gbp: x.receipts_gbp.clone(),
                borrowing_repayments_gbp: x.repayments_gbp.clone(),
                saving_gbp: x.saving_gbp.clone(),
                gap_to_target_gbp: x.gap_gbp.clone(),
                meets_target_from: x.meets_target_from.map(|t| case.year_label(t)),
                shortfall_before_gbp: x.shortfall_before_gbp,
                cumulative_gap_gbp: x.cumulative_gap_gbp,
                one_off_cash_gbp: x.one_off_gbp,
                peak_cash_requirement_gbp: x.peak_cash_requirement_gbp,
                sentence: crate::words::finance::target_sentence(appraisal, &case, i),
            })
            .collect(),
        inflation_index: case.index,
        budget_gbp: case.budget_gbp,
        target_gbp: case.target_gbp,
    })
}
