//! Green Book cost-benefit figures: discount factors, present values, NPSV, BCR, payback.
//!
//! Years run 0 .. period−1, year 0 being the price base year; flows fall at the end of each
//! year and D_0 = 1. Every option is appraised against business as usual (BAU):
//! - costs(t)    = transition(t)·(1+OB) + CBC cost + any rise in running cost over BAU
//! - benefits(t) = any saving in running cost against BAU + (monetised social value − BAU's)
//!
//! The BCR denominator is therefore the PV of the costs the option adds (transition, CBCs,
//! extra running cost); savings count as benefits, for every option alike.

use super::types::{DeliveryOption, DiscountSchedule, OptionKind};

/// D_t for t = 0 .. years−1, compounding year by year across band edges.
pub fn discount_factors(schedule: &DiscountSchedule, years: usize) -> Vec<f64> {
    let mut factors = Vec::with_capacity(years);
    let mut d = 1.0;
    for t in 0..years {
        if t > 0 {
            d /= 1.0 + rate_for_year(schedule, t as u32) / 100.0;
        }
        factors.push(d);
    }
    factors
}

/// The rate (in %) that discounts year t back to year t−1.
pub fn rate_for_year(schedule: &DiscountSchedule, year: u32) -> f64 {
    schedule
        .bands
        .iter()
        .rev()
        .find(|b| b.from_year <= year)
        .or(schedule.bands.first())
        .map_or(0.0, |b| b.rate_pct)
}

/// Σ D_t · x_t.
pub fn present_value(factors: &[f64], flows: &[f64]) -> f64 {
    factors.iter().zip(flows).map(|(d, x)| d * x).sum()
}

/// The money figures of one option, with or without optimism bias.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyFigures {
    /// PV of everything the option costs the council (the cost criterion's raw value).
    pub whole_life_cost_gbp: f64,
    /// PV of the costs the option adds against BAU (the BCR denominator).
    pub pv_costs_gbp: f64,
    /// PV of savings and extra social value against BAU.
    pub pv_benefits_gbp: f64,
    pub npsv_gbp: f64,
    /// None where the option adds no cost (BAU itself, or a pure saving).
    pub bcr: Option<f64>,
    /// First year (0-based) in which cumulative discounted net benefit is above zero.
    pub payback_year: Option<u32>,
    /// Cumulative discounted net benefit against BAU at the end of each year.
    pub cumulative_net_gbp: Vec<f64>,
}

/// Yearly flows of one option, before discounting.
#[derive(Debug, Clone, PartialEq)]
pub struct YearlyFlows {
    pub gross_cost_gbp: Vec<f64>,
    pub costs_gbp: Vec<f64>,
    pub benefits_gbp: Vec<f64>,
}

/// The optimism-bias multiplier on an option's costs. BAU is today's outturn: never uplifted.
pub fn uplift(option: &DeliveryOption, with_optimism_bias: bool) -> f64 {
    if with_optimism_bias && option.kind != OptionKind::BusinessAsUsual {
        1.0 + option.cost.optimism_bias_pct.likely / 100.0
    } else {
        1.0
    }
}

/// Monetised social value the option yields each year, CBCs included.
pub fn monetised_social_value_gbp(option: &DeliveryOption) -> f64 {
    let cbc = if option.cbc.enabled {
        option.cbc.social_value_gbp_per_year
    } else {
        0.0
    };
    option.social_value.monetised_gbp_per_year.likely + cbc
}

/// When each of an option's money inputs is paid or received: for each year, the share of
/// the input's yearly (or one-off) figure that falls in it. The yearly flows below and the
/// robustness analysis's present values per unit (`PvPerUnit`) are both built from this, so
/// the timing of the money is stated once.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    /// The one-off transition cost, spread evenly over its years.
    pub transition: Vec<f64>,
    /// The running cost a year.
    pub running: Vec<f64>,
    /// Monetised social value a year, community benefit clauses' included.
    pub social_value: Vec<f64>,
    /// The clauses' own cost a year.
    pub clauses: Vec<f64>,
}

/// The timing of `option`'s money over `years` years.
pub fn timing(option: &DeliveryOption, years: usize) -> Timing {
    let transition_years = option.cost.transition_years.max(1) as usize;
    let share = 1.0 / transition_years as f64;
    let every_year = vec![1.0; years];
    Timing {
        transition: (0..years)
            .map(|t| if t < transition_years { share } else { 0.0 })
            .collect(),
        running: every_year.clone(),
        social_value: every_year.clone(),
        clauses: every_year,
    }
}

/// The present value of one pound of each input, by its timing: what the robustness
/// analysis multiplies each drawn figure by, instead of rebuilding the yearly flows.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PvPerUnit {
    pub transition: f64,
    pub running: f64,
    pub social_value: f64,
    pub clauses: f64,
}

pub fn pv_per_unit(timing: &Timing, factors: &[f64]) -> PvPerUnit {
    PvPerUnit {
        transition: present_value(factors, &timing.transition),
        running: present_value(factors, &timing.running),
        social_value: present_value(factors, &timing.social_value),
        clauses: present_value(factors, &timing.clauses),
    }
}

/// The clauses' cost a year, where the option has them.
pub fn clauses_cost_gbp(option: &DeliveryOption) -> f64 {
    if option.cbc.enabled {
        option.cbc.annual_cost_gbp
    } else {
        0.0
    }
}

/// Flows of `option` against the comparator `bau` over `years` years.
pub fn yearly_flows(
    option: &DeliveryOption,
    bau: &DeliveryOption,
    years: usize,
    with_optimism_bias: bool,
) -> YearlyFlows {
    let u = uplift(option, with_optimism_bias);
    let (own, comparator) = (timing(option, years), timing(bau, years));
    let transition = option.cost.transition_cost_gbp.likely * u;
    let running = option.cost.annual_running_cost_gbp.likely * u;
    let bau_running = bau.cost.annual_running_cost_gbp.likely;
    let clauses = clauses_cost_gbp(option);
    let (social_value, bau_social_value) = (
        monetised_social_value_gbp(option),
        monetised_social_value_gbp(bau),
    );
    let is_bau = option.kind == OptionKind::BusinessAsUsual;

    let mut flows = YearlyFlows {
        gross_cost_gbp: Vec::with_capacity(years),
        costs_gbp: Vec::with_capacity(years),
        benefits_gbp: Vec::with_capacity(years),
    };
    for t in 0..years {
        let transition_t = transition * own.transition[t];
        let running_t = running * own.running[t];
        let clauses_t = clauses * own.clauses[t];
        flows
            .gross_cost_gbp
            .push(transition_t + running_t + clauses_t);
        if is_bau {
            flows.costs_gbp.push(0.0);
            flows.benefits_gbp.push(0.0);
        } else {
            let running_saving = bau_running * comparator.running[t] - running_t;
            let social_value_gain =
                social_value * own.social_value[t] - bau_social_value * comparator.social_value[t];
            flows
                .costs_gbp
                .push(transition_t + clauses_t + (-running_saving).max(0.0));
            flows
                .benefits_gbp
                .push(running_saving.max(0.0) + social_value_gain);
        }
    }
    flows
}

/// NPSV, BCR, payback and whole-life cost of one option.
pub fn money_figures(
    option: &DeliveryOption,
    bau: &DeliveryOption,
    factors: &[f64],
    with_optimism_bias: bool,
) -> MoneyFigures {
    let flows = yearly_flows(option, bau, factors.len(), with_optimism_bias);
    let pv_costs_gbp = present_value(factors, &flows.costs_gbp);
    let pv_benefits_gbp = present_value(factors, &flows.benefits_gbp);
    let mut cumulative = 0.0;
    let mut payback_year = None;
    let mut cumulative_net_gbp = Vec::with_capacity(factors.len());
    for (t, d) in factors.iter().enumerate() {
        cumulative += d * (flows.benefits_gbp[t] - flows.costs_gbp[t]);
        cumulative_net_gbp.push(cumulative);
        if payback_year.is_none() && cumulative > 0.0 {
            payback_year = Some(t as u32);
        }
    }
    MoneyFigures {
        whole_life_cost_gbp: present_value(factors, &flows.gross_cost_gbp),
        pv_costs_gbp,
        pv_benefits_gbp,
        npsv_gbp: pv_benefits_gbp - pv_costs_gbp,
        bcr: (pv_costs_gbp > 0.0).then(|| pv_benefits_gbp / pv_costs_gbp),
        payback_year,
        cumulative_net_gbp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::default_example;

    #[test]
    fn present_values_per_pound_follow_the_timing() {
        // Three years at the Green Book's 3.5%: D = 1, 1/1.035 = 0.966184, 1/1.035² = 0.933511.
        let factors = discount_factors(&DiscountSchedule::default(), 3);
        let mut option = default_example().options[3].clone();
        option.cost.transition_years = 2;
        let t = timing(&option, 3);
        assert_eq!(t.transition, vec![0.5, 0.5, 0.0]);
        assert_eq!(t.running, vec![1.0, 1.0, 1.0]);
        let pv = pv_per_unit(&t, &factors);
        // A pound of transition cost, half in each of years 0 and 1: (1 + 0.966184) / 2.
        assert!((pv.transition - 0.983092).abs() < 1e-6, "{}", pv.transition);
        // A pound a year for three years: 1 + 0.966184 + 0.933511.
        assert!((pv.running - 2.899695).abs() < 1e-6, "{}", pv.running);
        assert_eq!(pv.social_value, pv.running);
        assert_eq!(pv.clauses, pv.running);
    }
}
