//! The financial case: can the council afford an option, year by year, in cash. Where the
//! economic case (`money`) is real and discounted, this is nominal and not discounted, by the
//! council's financial year (April to March), against business as usual's cash cost (the
//! service's budget) and the medium-term financial plan's savings target.
//!
//! Built on the same yearly flows as the economic case, at their likely figures (before
//! optimism bias and the risk register, which are appraisal adjustments, not budgets):
//! - cash in year t = real × index_t, index_0 = 1, index_t = index_(t−1) × (1 + i_t);
//! - revenue = running cost paid (business as usual's still running before go-live
//!   included) + clauses + the transition and one-off costs not marked capital, + any
//!   borrowing repayments;
//! - capital = the transition (if marked capital) and one-off costs marked capital, less
//!   capital receipts; funded from reserves, a grant or borrowing. Borrowing is repaid as an
//!   annuity: principal K at rate r over n years costs K·r / (1 − (1 + r)^−n) a year (K / n
//!   at 0%) in each of the n years after the year it is spent, within the period;
//! - the saving = business as usual's revenue cash − the option's.

use super::money::{Basis, yearly_flows};
use super::types::{Appraisal, DeliveryOption, FundingSource};

/// "2027/28": the financial year starting in April of `first + year`.
pub fn financial_year_label(first: i32, year: usize) -> String {
    let start = first + year as i32;
    format!("{start}/{:02}", (start + 1).rem_euclid(100))
}

/// The cash index of each year: 1 in year 0, then compounded by each year's inflation.
pub fn inflation_index(appraisal: &Appraisal, years: usize) -> Vec<f64> {
    let inflation = &appraisal.settings.finance.inflation;
    let rate = |t: usize| {
        inflation
            .rates_pct
            .get(t - 1)
            .or(inflation.rates_pct.last())
            .copied()
            .unwrap_or(inflation.flat_rate_pct)
    };
    let mut index = Vec::with_capacity(years);
    let mut x = 1.0;
    for t in 0..years {
        if t > 0 {
            x *= 1.0 + rate(t) / 100.0;
        }
        index.push(x);
    }
    index
}

/// The yearly repayment of `principal` borrowed at `rate_pct` over `term` years.
pub fn annuity_payment(principal: f64, rate_pct: f64, term: u32) -> f64 {
    if term == 0 {
        return principal;
    }
    let r = rate_pct / 100.0;
    if r == 0.0 {
        principal / f64::from(term)
    } else {
        principal * r / (1.0 - (1.0 + r).powi(-(term as i32)))
    }
}

/// One option's financial case, every list one entry a year, £ cash.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OptionFinance {
    /// Charges to the revenue budget, borrowing repayments included.
    pub revenue_gbp: Vec<f64>,
    /// Capital spent, before receipts.
    pub capital_gbp: Vec<f64>,
    /// Capital receipts (the sale of an asset).
    pub receipts_gbp: Vec<f64>,
    /// Repayments of borrowing, within `revenue_gbp`.
    pub repayments_gbp: Vec<f64>,
    /// Business as usual's revenue cash minus the option's.
    pub saving_gbp: Vec<f64>,
    /// The saving less the target, in the years the target applies (0 elsewhere).
    pub gap_gbp: Vec<f64>,
    /// The first year from which the saving meets the target in every later year.
    pub meets_target_from: Option<usize>,
    /// The shortfall against the target before that year (every target year if never).
    pub shortfall_before_gbp: f64,
    /// The saving less the target, summed over the years the target applies.
    pub cumulative_gap_gbp: f64,
    /// Cash for the change itself: the transition and one-off costs, capital and revenue.
    pub one_off_gbp: f64,
    /// The most the option is behind business as usual in cash, cumulatively, before
    /// financing: the cash the council must find up front.
    pub peak_cash_requirement_gbp: f64,
}

/// The financial case of every option.
#[derive(Debug, Clone, PartialEq)]
pub struct FinancialCase {
    pub first_financial_year: i32,
    pub index: Vec<f64>,
    /// The savings target in each year, £ cash (0 before it starts).
    pub target_gbp: Vec<f64>,
    /// Business as usual's revenue cash: the service's budget.
    pub budget_gbp: Vec<f64>,
    /// One per option, in the appraisal's order (business as usual's saving is 0).
    pub options: Vec<OptionFinance>,
}

impl FinancialCase {
    pub fn year_label(&self, year: usize) -> String {
        financial_year_label(self.first_financial_year, year)
    }
}

/// The savings target in each year: the latest step that has started.
pub fn target_by_year(appraisal: &Appraisal, years: usize) -> Vec<f64> {
    let finance = &appraisal.settings.finance;
    let first = finance.first_year(appraisal.meta.price_base_year);
    let mut steps = finance.savings_target.clone();
    steps.sort_by_key(|s| s.from_financial_year);
    (0..years)
        .map(|t| {
            steps
                .iter()
                .rev()
                .find(|s| s.from_financial_year <= first + t as i32)
                .map_or(0.0, |s| s.saving_gbp)
        })
        .collect()
}

/// The option's own cash flows before financing: (revenue, capital, receipts, one-offs), £.
fn cash_flows(
    option: &DeliveryOption,
    bau: &DeliveryOption,
    index: &[f64],
) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
    let years = index.len();
    let flows = yearly_flows(option, bau, years, Basis::Base);
    let (mut revenue, mut capital, mut receipts, mut change) = (
        vec![0.0; years],
        vec![0.0; years],
        vec![0.0; years],
        vec![0.0; years],
    );
    for t in 0..years {
        let transition = flows.transition_gbp[t];
        revenue[t] = flows.running_paid_gbp[t] + flows.clauses_gbp[t];
        if option.cost.transition_is_capital {
            capital[t] += transition;
        } else {
            revenue[t] += transition;
        }
        change[t] += transition;
    }
    for one_off in &option.cost.one_offs {
        let t = one_off.year as usize;
        if t >= years {
            continue;
        }
        if one_off.receipt {
            receipts[t] += one_off.amount_gbp;
        } else {
            change[t] += one_off.amount_gbp;
            if one_off.capital {
                capital[t] += one_off.amount_gbp;
            } else {
                revenue[t] += one_off.amount_gbp;
            }
        }
    }
    let cash = |v: Vec<f64>| -> Vec<f64> { v.iter().zip(index).map(|(x, i)| x * i).collect() };
    (cash(revenue), cash(capital), cash(receipts), cash(change))
}

/// The financial case, or None without a business-as-usual option.
pub fn financial_case(appraisal: &Appraisal) -> Option<FinancialCase> {
    let bau = &appraisal.options[appraisal.bau_index()?];
    let years = appraisal.settings.appraisal_period_years as usize;
    let finance = &appraisal.settings.finance;
    let index = inflation_index(appraisal, years);
    let target = target_by_year(appraisal, years);
    let funding = finance.capital_funding;
    let financed = |option: &DeliveryOption| {
        let (mut revenue, capital, receipts, change) = cash_flows(option, bau, &index);
        let mut repayments = vec![0.0; years];
        if funding.source == FundingSource::Borrowing {
            for t in 0..years {
                let borrowed = (capital[t] - receipts[t]).max(0.0);
                if borrowed > 0.0 {
                    let a =
                        annuity_payment(borrowed, funding.interest_rate_pct, funding.term_years);
                    let term = funding.term_years.max(1) as usize;
                    for r in repayments.iter_mut().skip(t + 1).take(term) {
                        *r += a;
                    }
                }
            }
        }
        for (x, r) in revenue.iter_mut().zip(&repayments) {
            *x += r;
        }
        (revenue, capital, receipts, repayments, change)
    };
    let (budget, bau_capital, bau_receipts, _, _) = financed(bau);
    let options = appraisal
        .options
        .iter()
        .map(|option| {
            let (revenue, capital, receipts, repayments, change) = financed(option);
            let saving: Vec<f64> = budget.iter().zip(&revenue).map(|(b, r)| b - r).collect();
            let gap: Vec<f64> = (0..years)
                .map(|t| {
                    if target[t] > 0.0 {
                        saving[t] - target[t]
                    } else {
                        0.0
                    }
                })
                .collect();
            let target_years: Vec<usize> = (0..years).filter(|&t| target[t] > 0.0).collect();
            // The first target year from which every later target year is met.
            let meets_target_from = target_years.iter().copied().find(|&t| {
                target_years
                    .iter()
                    .filter(|&&k| k >= t)
                    .all(|&k| gap[k] >= 0.0)
            });
            let shortfall_before_gbp = target_years
                .iter()
                .filter(|&&t| meets_target_from.is_none_or(|m| t < m))
                .map(|&t| (-gap[t]).max(0.0))
                .sum();
            // Cash behind business as usual, cumulatively, before any borrowing is repaid.
            let mut behind = 0.0_f64;
            let mut peak = 0.0_f64;
            for t in 0..years {
                let own = revenue[t] - repayments[t] + capital[t] - receipts[t];
                let theirs = budget[t] + bau_capital[t] - bau_receipts[t];
                behind += own - theirs;
                peak = peak.max(behind);
            }
            OptionFinance {
                cumulative_gap_gbp: gap.iter().sum(),
                one_off_gbp: change.iter().sum(),
                peak_cash_requirement_gbp: peak,
                meets_target_from,
                shortfall_before_gbp,
                revenue_gbp: revenue,
                capital_gbp: capital,
                receipts_gbp: receipts,
                repayments_gbp: repayments,
                saving_gbp: saving,
                gap_gbp: gap,
            }
        })
        .collect();
    Some(FinancialCase {
        first_financial_year: finance.first_year(appraisal.meta.price_base_year),
        index,
        target_gbp: target,
        budget_gbp: budget,
        options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::blank_appraisal;
    use crate::model::types::{Estimate, OptionKind, TargetStep};

    #[test]
    fn four_years_with_borrowing_and_a_stepped_target_worked_by_hand() {
        // Four years from 2027/28 at 2% inflation: index 1, 1.02, 1.0404, 1.061208.
        // Business as usual £1,000,000 a year flat in real terms: cash 1,000,000; 1,020,000;
        // 1,040,400; 1,061,208 (the budget). The shared service runs at £800,000 from year 1;
        // its £200,000 transition in year 0 is capital, borrowed at 5% over 2 years:
        // 200,000 × 0.05 / (1 − 1.05^−2) = 10,000 / 0.0929705 = 107,560.98 in years 1 and 2.
        // Its revenue cash: 1,000,000 (business as usual until go-live); 816,000 + 107,560.98
        // = 923,560.98; 832,320 + 107,560.98 = 939,880.98; 848,966.40.
        // Saving: 0; 96,439.02; 100,519.02; 212,241.60. Target £100,000 from 2028/29 (year 1)
        // and £200,000 from 2030/31 (year 3): gaps −3,560.98; +519.02; +12,241.60. It meets the target from
        // year 2 (2029/30), after a shortfall of £3,560.98; over the plan the gaps total
        // +9,199.64. Cash behind business as usual before financing: +200,000 in year 0, then
        // 816,000 − 1,020,000 = −204,000: the peak requirement is £200,000.
        let mut a = blank_appraisal();
        a.settings.appraisal_period_years = 4;
        a.settings.finance.first_financial_year = Some(2027);
        a.settings.finance.inflation.flat_rate_pct = 2.0;
        a.settings.finance.savings_target = vec![
            TargetStep {
                from_financial_year: 2030,
                saving_gbp: 200_000.0,
            },
            TargetStep {
                from_financial_year: 2028,
                saving_gbp: 100_000.0,
            },
        ];
        a.settings.finance.capital_funding = crate::model::types::CapitalFunding {
            source: FundingSource::Borrowing,
            interest_rate_pct: 5.0,
            term_years: 2,
        };
        let bau = a.bau_index().expect("bau");
        a.options[bau].cost.annual_running_cost_gbp = Estimate::new(1_000_000.0);
        let shared = a
            .options
            .iter()
            .position(|o| o.kind == OptionKind::SharedService)
            .expect("shared");
        let c = &mut a.options[shared].cost;
        c.annual_running_cost_gbp = Estimate::new(800_000.0);
        c.transition_cost_gbp = Estimate::new(200_000.0);
        c.transition_is_capital = true;
        c.go_live_year = 1;
        let case = financial_case(&a).expect("has business as usual");
        let close = |x: f64, y: f64| (x - y).abs() < 0.01;
        let want_budget = [1_000_000.0, 1_020_000.0, 1_040_400.0, 1_061_208.0];
        for (got, want) in case.budget_gbp.iter().zip(want_budget) {
            assert!(close(*got, want), "{got} vs {want}");
        }
        let f = &case.options[shared];
        let want_revenue = [1_000_000.0, 923_560.98, 939_880.98, 848_966.40];
        for (got, want) in f.revenue_gbp.iter().zip(want_revenue) {
            assert!(close(*got, want), "{got} vs {want}");
        }
        assert!(
            close(f.repayments_gbp[1], 107_560.98),
            "{}",
            f.repayments_gbp[1]
        );
        assert_eq!(f.repayments_gbp[3], 0.0, "two years of repayments only");
        assert_eq!(f.meets_target_from, Some(2));
        assert_eq!(case.year_label(2), "2029/30");
        assert!(
            close(f.shortfall_before_gbp, 3_560.98),
            "{}",
            f.shortfall_before_gbp
        );
        assert!(
            close(f.cumulative_gap_gbp, 9_199.64),
            "{}",
            f.cumulative_gap_gbp
        );
        assert!(close(f.peak_cash_requirement_gbp, 200_000.0));
        assert!(close(f.one_off_gbp, 200_000.0));
    }

    #[test]
    fn with_no_inflation_cash_equals_the_real_flows() {
        // At 0% every index is 1, so each year's revenue cash is the economic case's running
        // cost paid plus clauses plus the revenue transition and one-offs, to the penny (the
        // example funds capital from reserves: no repayments).
        let mut a = crate::storage::default_example();
        a.settings.finance.inflation.flat_rate_pct = 0.0;
        let case = financial_case(&a).expect("valid");
        assert!(case.index.iter().all(|&i| i == 1.0));
        let bau = &a.options[a.bau_index().expect("bau")];
        for (option, f) in a.options.iter().zip(&case.options) {
            let flows = yearly_flows(option, bau, case.index.len(), Basis::Base);
            for t in 0..case.index.len() {
                let one_offs: f64 = option
                    .cost
                    .one_offs
                    .iter()
                    .filter(|o| o.year as usize == t && !o.receipt && !o.capital)
                    .map(|o| o.amount_gbp)
                    .sum();
                let transition = if option.cost.transition_is_capital {
                    0.0
                } else {
                    flows.transition_gbp[t]
                };
                let real = flows.running_paid_gbp[t] + flows.clauses_gbp[t] + transition + one_offs;
                assert!((f.revenue_gbp[t] - real).abs() < 1e-6, "{}", option.name);
            }
        }
    }

    #[test]
    fn financial_years_are_labelled_as_councils_write_them() {
        assert_eq!(financial_year_label(2027, 0), "2027/28");
        assert_eq!(financial_year_label(2099, 0), "2099/00");
        assert_eq!(annuity_payment(1_000.0, 0.0, 4), 250.0);
    }
}
