//! The whole appraisal, computed from the inputs: money, MCA and ranking per option.

use super::mca;
use super::money::{Basis, MoneyFigures, discount_factors, money_figures};
use super::ratings::{effective_capacity, effective_social_value_rating};
use super::types::{Appraisal, Measure};
use super::validate::{Problem, validate};

/// Everything the app, the reports and the tests show, derived from one appraisal.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    /// D_t for t = 0 .. period−1.
    pub discount_factors: Vec<f64>,
    /// Normalised weights, in the order of `Appraisal::criteria`; they sum to 1.
    pub weights: Vec<f64>,
    /// One per option, in the order of `Appraisal::options`.
    pub options: Vec<OptionResult>,
    /// Index of the preferred option: rank 1 (the first listed, if several share it).
    pub preferred: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OptionResult {
    pub with_optimism_bias: MoneyFigures,
    pub without_optimism_bias: MoneyFigures,
    /// With the uplift less any reduction for costed risks, plus the risks' expected cost:
    /// the headline when optimism bias applies (equal to `with_optimism_bias` until risks
    /// are costed).
    pub risk_adjusted: MoneyFigures,
    /// Raw value on each criterion (£ for cost, 0–10 ratings, or the user's value).
    pub raw_values: Vec<f64>,
    /// 0–100 score on each criterion.
    pub scores: Vec<f64>,
    /// w_j · s_ij for each criterion: the option's value profile; sums to `weighted_score`.
    pub contributions: Vec<f64>,
    /// Weighted sum, 0–100.
    pub weighted_score: f64,
    /// Weighted score over the criteria other than cost, rescaled to 0–100.
    pub benefit_score: f64,
    pub rank: u32,
    pub on_efficient_frontier: bool,
}

impl OptionResult {
    /// The money figures the headline uses, per the optimism-bias setting.
    pub fn headline(&self, apply_optimism_bias: bool) -> &MoneyFigures {
        self.figures(Basis::headline(apply_optimism_bias))
    }

    pub fn figures(&self, basis: Basis) -> &MoneyFigures {
        match basis {
            Basis::Base => &self.without_optimism_bias,
            Basis::WithOptimismBias => &self.with_optimism_bias,
            Basis::RiskAdjusted => &self.risk_adjusted,
        }
    }
}

/// The appraisal could not be computed; every problem is named.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the appraisal has {} problem(s): {}", .0.len(), .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
pub struct InvalidAppraisal(pub Vec<Problem>);

/// Validates, then computes every figure. Refuses an invalid appraisal rather than
/// producing NaN.
pub fn appraise(appraisal: &Appraisal) -> Result<Results, InvalidAppraisal> {
    let problems = validate(appraisal);
    if !problems.is_empty() {
        return Err(InvalidAppraisal(problems));
    }
    // validate() guarantees exactly one business-as-usual option.
    let Some(bau_index) = appraisal.bau_index() else {
        return Err(InvalidAppraisal(Vec::new()));
    };
    let bau = &appraisal.options[bau_index];
    let years = appraisal.settings.appraisal_period_years;
    let factors = discount_factors(&appraisal.settings.discount, years as usize);
    let apply_ob = appraisal.settings.apply_optimism_bias;

    let money: Vec<[MoneyFigures; 3]> = appraisal
        .options
        .iter()
        .map(|o| {
            [Basis::Base, Basis::WithOptimismBias, Basis::RiskAdjusted]
                .map(|basis| money_figures(o, bau, &factors, basis))
        })
        .collect();
    // The figures the ranking uses, per the optimism-bias setting (borrowed, not copied).
    let headline: Vec<&MoneyFigures> = money
        .iter()
        .map(|[base, _, risk_adjusted]| if apply_ob { risk_adjusted } else { base })
        .collect();
    let whole_life_cost: Vec<f64> = headline.iter().map(|m| m.whole_life_cost_gbp).collect();

    // raw[i][j]: option i on criterion j.
    let raw: Vec<Vec<f64>> = appraisal
        .options
        .iter()
        .zip(&headline)
        .map(|(o, figures)| {
            appraisal
                .criteria
                .iter()
                .map(|c| match c.measure {
                    Measure::WholeLifeCost => figures.whole_life_cost_gbp,
                    Measure::Npsv => figures.npsv_gbp,
                    Measure::Capacity => effective_capacity(o, years),
                    Measure::SocialValue => effective_social_value_rating(o),
                    Measure::Rating { .. } => o.scores.get(&c.id).copied().unwrap_or(0.0),
                })
                .collect()
        })
        .collect();

    let n_options = appraisal.options.len();
    let mut scores = vec![Vec::with_capacity(appraisal.criteria.len()); n_options];
    for (j, c) in appraisal.criteria.iter().enumerate() {
        let column: Vec<f64> = raw.iter().map(|row| row[j]).collect();
        for (i, s) in mca::scores_0_100(&column, c.scale, c.measure.higher_is_better())
            .into_iter()
            .enumerate()
        {
            scores[i].push(s);
        }
    }

    let swing: Vec<f64> = appraisal.criteria.iter().map(|c| c.swing_weight).collect();
    let weights = mca::normalise_weights(&swing);
    let totals = mca::weighted_totals(&scores, &weights);
    let ranks = mca::ranks(&totals);
    let benefit_weight: f64 = appraisal
        .criteria
        .iter()
        .zip(&weights)
        .filter(|(c, _)| !c.measure.is_money())
        .map(|(_, w)| w)
        .sum();
    let benefit_scores: Vec<f64> = scores
        .iter()
        .map(|row| {
            let sum: f64 = row
                .iter()
                .zip(&weights)
                .zip(&appraisal.criteria)
                .filter(|(_, c)| !c.measure.is_money())
                .map(|((s, w), _)| s * w)
                .sum();
            if benefit_weight > 0.0 {
                sum / benefit_weight
            } else {
                0.0
            }
        })
        .collect();
    let frontier = mca::efficient_frontier(&benefit_scores, &whole_life_cost);

    let options: Vec<OptionResult> = money
        .into_iter()
        .enumerate()
        .map(|(i, [base, with_ob, risk_adjusted])| OptionResult {
            with_optimism_bias: with_ob,
            without_optimism_bias: base,
            risk_adjusted,
            contributions: scores[i].iter().zip(&weights).map(|(s, w)| s * w).collect(),
            raw_values: raw[i].clone(),
            scores: scores[i].clone(),
            weighted_score: totals[i],
            benefit_score: benefit_scores[i],
            rank: ranks[i],
            on_efficient_frontier: frontier[i],
        })
        .collect();
    let preferred = mca::leader(&totals);
    Ok(Results {
        discount_factors: factors,
        weights,
        options,
        preferred,
    })
}

/// The sensitivity at the alternative discount schedule: the same appraisal with every flow
/// discounted by it instead (None when no alternative is set).
pub fn at_alternative_discount(appraisal: &Appraisal) -> Option<Result<Results, InvalidAppraisal>> {
    let alternative = appraisal.settings.alternative_discount.as_ref()?;
    let mut other = appraisal.clone();
    other.settings.discount = alternative.clone();
    other.settings.alternative_discount = None;
    Some(appraise(&other))
}
