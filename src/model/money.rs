//! Green Book cost-benefit figures: discount factors, present values, NPSV, BCR, payback.
//!
//! Years run 0 .. period−1, year 0 being the price base year; flows fall at the end of each
//! year and D_0 = 1. Every option is appraised against business as usual (BAU):
//! - costs(t)    = transition(t)·(1+OB) + CBC cost + any rise in running cost over BAU
//! - benefits(t) = any saving in running cost against BAU + (monetised social value − BAU's)
//!
//! The BCR denominator is therefore the PV of the costs the option adds (transition, CBCs,
//! extra running cost); savings count as benefits, for every option alike.

use super::types::{DeliveryOption, DiscountSchedule, OptionKind, Risk};

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
    /// Everything the council pays under the option: transition, running cost paid (its own
    /// and any of business as usual's still running), clauses, one-offs less receipts.
    pub gross_cost_gbp: Vec<f64>,
    pub costs_gbp: Vec<f64>,
    pub benefits_gbp: Vec<f64>,
    /// The parts, as the year-by-year view shows them.
    pub transition_gbp: Vec<f64>,
    pub running_paid_gbp: Vec<f64>,
    /// Business as usual's running cost in the year, which the saving is measured against.
    pub bau_running_gbp: Vec<f64>,
    pub clauses_gbp: Vec<f64>,
    /// Business as usual's running cost minus the running cost paid (negative: a rise).
    pub running_saving_gbp: Vec<f64>,
    /// Monetised social value against business as usual's.
    pub social_value_gain_gbp: Vec<f64>,
    /// One-off costs (uplifted like the transition cost) less receipts, less business as
    /// usual's own one-offs: what enters the net benefit.
    pub one_offs_against_bau_gbp: Vec<f64>,
    /// The expected cost of the option's risks (risk-adjusted figures only; zero otherwise).
    pub risks_gbp: Vec<f64>,
    /// The same, less business as usual's own expected risks, which the option avoids.
    pub risks_against_bau_gbp: Vec<f64>,
}

/// Which figures: the estimates as entered, with the optimism-bias uplift, or risk-adjusted
/// (the uplift less the points taken off for costed risks, plus each risk's expected cost).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    Base,
    WithOptimismBias,
    RiskAdjusted,
}

impl Basis {
    /// The headline basis: risk-adjusted when optimism bias applies (with no risks and no
    /// reduction it equals the with-optimism-bias figures), otherwise the base figures.
    pub fn headline(apply_optimism_bias: bool) -> Self {
        if apply_optimism_bias {
            Basis::RiskAdjusted
        } else {
            Basis::Base
        }
    }
}

/// The optimism-bias points on an option's costs under `basis`, after any reduction for
/// costed risks (never below zero). BAU is today's outturn: never uplifted.
pub fn optimism_bias_points(option: &DeliveryOption, basis: Basis, drawn_pct: f64) -> f64 {
    match basis {
        _ if option.kind == OptionKind::BusinessAsUsual => 0.0,
        Basis::Base => 0.0,
        Basis::WithOptimismBias => drawn_pct,
        Basis::RiskAdjusted => reduced_points(drawn_pct, option.cost.optimism_bias_reduction_pct),
    }
}

/// Optimism bias less the points taken off for costed risks, never below zero: the one rule
/// the full figures and the robustness draws both use.
pub fn reduced_points(pct: f64, reduction_pct: f64) -> f64 {
    (pct - reduction_pct).max(0.0)
}

/// The optimism-bias multiplier on an option's running cost under `basis`.
pub fn uplift(option: &DeliveryOption, basis: Basis) -> f64 {
    1.0 + optimism_bias_points(option, basis, option.cost.optimism_bias_pct.likely) / 100.0
}

/// The multiplier on its one-off costs (transition included): the capital uplift where one
/// is set, otherwise the running cost's. `operating_pct` is the running cost's uplift (%),
/// as drawn.
pub fn capital_uplift(option: &DeliveryOption, basis: Basis, operating_pct: f64) -> f64 {
    let pct = option
        .cost
        .capital_optimism_bias_pct
        .unwrap_or(operating_pct);
    1.0 + optimism_bias_points(option, basis, pct) / 100.0
}

/// The share of the option's monetised social value counted under `basis`: less the benefits
/// shortfall when optimism bias applies. Business as usual's is its known outturn.
pub fn benefits_realised(option: &DeliveryOption, basis: Basis) -> f64 {
    if basis == Basis::Base || option.kind == OptionKind::BusinessAsUsual {
        1.0
    } else {
        1.0 - option.cost.benefits_shortfall_pct / 100.0
    }
}

/// The share of one pound of a risk's impact that falls in each year: spread evenly over
/// its years, within the period.
pub fn risk_timing(risk: &Risk, years: usize) -> Vec<f64> {
    let (first, last) = (risk.first_year as usize, risk.last_year as usize);
    let share = 1.0 / (last.saturating_sub(first) + 1) as f64;
    (0..years)
        .map(|t| {
            if (first..=last).contains(&t) {
                share
            } else {
                0.0
            }
        })
        .collect()
}

/// The expected cost of an option's risks in each year (probability × likely impact).
pub fn expected_risk_flows(option: &DeliveryOption, years: usize) -> Vec<f64> {
    let mut flows = vec![0.0; years];
    for risk in &option.cost.risks {
        for (f, share) in flows.iter_mut().zip(risk_timing(risk, years)) {
            *f += risk.expected_cost_gbp() * share;
        }
    }
    flows
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
///
/// With go-live year g, ramp-up shares r_k (1 once the list ends) and real growth q:
/// - the transition cost: evenly over its years from its start year;
/// - the option's running cost in year t ≥ g: running·(1+q)^t·r_(t−g), and business as
///   usual's still paid beside it: BAU running·(1+q_BAU)^t·(1 − r_(t−g)); before g, all of
///   business as usual's. So the saving reaches its full level over the ramp-up.
/// - social value in year t ≥ g: r_(t−g) of the option's, the rest business as usual's;
///   before g, business as usual's. The clauses start at go-live.
#[derive(Debug, Clone, PartialEq)]
pub struct Timing {
    /// The one-off transition cost, spread evenly over its years.
    pub transition: Vec<f64>,
    /// The option's own running cost a year.
    pub running: Vec<f64>,
    /// Business as usual's running cost a year, still paid while the option is not (fully)
    /// running the service.
    pub bau_running_kept: Vec<f64>,
    /// The option's monetised social value a year, community benefit clauses' included.
    pub social_value: Vec<f64>,
    /// Business as usual's social value, still delivered until the option takes over.
    pub bau_social_value_kept: Vec<f64>,
    /// The clauses' own cost a year.
    pub clauses: Vec<f64>,
    /// Pounds the officer gave for particular years (`YearOverrides`), before optimism bias,
    /// where the shares above are then 0: the transition spend, the option's running cost at
    /// its level in the year, and business as usual's own still paid beside it.
    pub transition_fixed: Vec<f64>,
    pub running_fixed: Vec<f64>,
    pub bau_running_kept_fixed: Vec<f64>,
}

/// The share of the full level reached `k` years after go-live.
fn ramp_share(option: &DeliveryOption, k: usize) -> f64 {
    option
        .cost
        .ramp_up_pct
        .get(k)
        .map_or(1.0, |pct| (pct / 100.0).clamp(0.0, 1.0))
}

/// (1 + q)^t for each year: a running cost's real growth.
fn growth(option: &DeliveryOption, years: usize) -> Vec<f64> {
    let rate = 1.0 + option.cost.real_growth_pct / 100.0;
    (0..years).map(|t| rate.powi(t as i32)).collect()
}

/// The timing of `option`'s money over `years` years, against business as usual `bau`.
pub fn timing(option: &DeliveryOption, bau: &DeliveryOption, years: usize) -> Timing {
    let transition_years = option.cost.transition_years.max(1) as usize;
    let share = 1.0 / transition_years as f64;
    let is_bau = option.kind == OptionKind::BusinessAsUsual;
    let go_live = if is_bau {
        0
    } else {
        option.cost.go_live_year as usize
    };
    let (own_growth, bau_growth) = (growth(option, years), growth(bau, years));
    // The share of the option's full level in each year: 0 before go-live, then the ramp.
    let level: Vec<f64> = (0..years)
        .map(|t| {
            if is_bau {
                1.0
            } else if t < go_live {
                0.0
            } else {
                ramp_share(option, t - go_live)
            }
        })
        .collect();
    let (own, bau_own) = (&option.cost.year_overrides, &bau.cost.year_overrides);
    // Where a year is given, its pounds replace the input's share in that year.
    let unless = |given: Option<f64>, share: f64| if given.is_some() { 0.0 } else { share };
    let start = option.cost.transition_start_year as usize;
    Timing {
        transition: (0..years)
            .map(|t| {
                let spread = if (start..start + transition_years).contains(&t) {
                    share
                } else {
                    0.0
                };
                unless(own.transition(t), spread)
            })
            .collect(),
        running: (0..years)
            .map(|t| unless(own.running(t), own_growth[t] * level[t]))
            .collect(),
        bau_running_kept: (0..years)
            .map(|t| unless(bau_own.running(t), bau_growth[t] * (1.0 - level[t])))
            .collect(),
        social_value: level.clone(),
        bau_social_value_kept: level.iter().map(|l| 1.0 - l).collect(),
        clauses: (0..years)
            .map(|t| if t < go_live { 0.0 } else { 1.0 })
            .collect(),
        transition_fixed: (0..years)
            .map(|t| own.transition(t).unwrap_or(0.0))
            .collect(),
        running_fixed: (0..years)
            .map(|t| own.running(t).map_or(0.0, |x| x * level[t]))
            .collect(),
        bau_running_kept_fixed: (0..years)
            .map(|t| bau_own.running(t).map_or(0.0, |x| x * (1.0 - level[t])))
            .collect(),
    }
}

/// The present value of one pound of each input, by its timing: what the robustness
/// analysis multiplies each drawn figure by, instead of rebuilding the yearly flows.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PvPerUnit {
    pub transition: f64,
    pub running: f64,
    pub bau_running_kept: f64,
    pub social_value: f64,
    pub bau_social_value_kept: f64,
    pub clauses: f64,
    /// Present values of the pounds given for particular years (not per unit: fixed sums).
    pub transition_fixed: f64,
    pub running_fixed: f64,
    pub bau_running_kept_fixed: f64,
}

pub fn pv_per_unit(timing: &Timing, factors: &[f64]) -> PvPerUnit {
    PvPerUnit {
        transition_fixed: present_value(factors, &timing.transition_fixed),
        running_fixed: present_value(factors, &timing.running_fixed),
        bau_running_kept_fixed: present_value(factors, &timing.bau_running_kept_fixed),
        transition: present_value(factors, &timing.transition),
        running: present_value(factors, &timing.running),
        bau_running_kept: present_value(factors, &timing.bau_running_kept),
        social_value: present_value(factors, &timing.social_value),
        bau_social_value_kept: present_value(factors, &timing.bau_social_value_kept),
        clauses: present_value(factors, &timing.clauses),
    }
}

/// An option's one-off costs and receipts by year, before any uplift: (costs, receipts).
pub fn one_off_flows(option: &DeliveryOption, years: usize) -> (Vec<f64>, Vec<f64>) {
    let (mut costs, mut receipts) = (vec![0.0; years], vec![0.0; years]);
    for one_off in &option.cost.one_offs {
        let year = one_off.year as usize;
        if year < years {
            let side = if one_off.receipt {
                &mut receipts
            } else {
                &mut costs
            };
            side[year] += one_off.amount_gbp;
        }
    }
    (costs, receipts)
}

/// The present values of an option's one-off costs and of its receipts, before any uplift:
/// fixed sums, so the robustness analysis only multiplies the costs by the drawn uplift.
pub fn one_off_present_values(option: &DeliveryOption, factors: &[f64]) -> (f64, f64) {
    let (costs, receipts) = one_off_flows(option, factors.len());
    (
        present_value(factors, &costs),
        present_value(factors, &receipts),
    )
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
    basis: Basis,
) -> YearlyFlows {
    let u = uplift(option, basis);
    let u_capital = capital_uplift(option, basis, option.cost.optimism_bias_pct.likely);
    let (risks, bau_risks) = if basis == Basis::RiskAdjusted {
        (
            expected_risk_flows(option, years),
            expected_risk_flows(bau, years),
        )
    } else {
        (vec![0.0; years], vec![0.0; years])
    };
    let (own, comparator) = (timing(option, bau, years), timing(bau, bau, years));
    let transition = option.cost.transition_cost_gbp.likely * u_capital;
    let running = option.cost.annual_running_cost_gbp.likely * u;
    // Business as usual's running cost is its known outturn: never uplifted.
    let bau_running = bau.cost.annual_running_cost_gbp.likely;
    let clauses = clauses_cost_gbp(option);
    let (social_value, bau_social_value) = (
        monetised_social_value_gbp(option) * benefits_realised(option, basis),
        monetised_social_value_gbp(bau),
    );
    let is_bau = option.kind == OptionKind::BusinessAsUsual;

    let mut flows = YearlyFlows {
        gross_cost_gbp: Vec::with_capacity(years),
        costs_gbp: Vec::with_capacity(years),
        benefits_gbp: Vec::with_capacity(years),
        transition_gbp: Vec::with_capacity(years),
        running_paid_gbp: Vec::with_capacity(years),
        bau_running_gbp: Vec::with_capacity(years),
        clauses_gbp: Vec::with_capacity(years),
        running_saving_gbp: Vec::with_capacity(years),
        social_value_gain_gbp: Vec::with_capacity(years),
        one_offs_against_bau_gbp: Vec::with_capacity(years),
        risks_gbp: risks.clone(),
        risks_against_bau_gbp: Vec::with_capacity(years),
    };
    let (one_off_costs, one_off_receipts) = one_off_flows(option, years);
    let (bau_one_off_costs, bau_one_off_receipts) = one_off_flows(bau, years);
    for t in 0..years {
        // Business as usual's running cost in the year: what the saving is measured against.
        let bau_running_t = bau_running * comparator.running[t] + comparator.running_fixed[t];
        let transition_t = transition * own.transition[t] + u_capital * own.transition_fixed[t];
        let running_t = running * own.running[t]
            + u * own.running_fixed[t]
            + bau_running * own.bau_running_kept[t]
            + own.bau_running_kept_fixed[t];
        let clauses_t = clauses * own.clauses[t];
        let one_offs_t = one_off_costs[t] * u_capital - one_off_receipts[t];
        flows
            .gross_cost_gbp
            .push(transition_t + running_t + clauses_t + one_offs_t + risks[t]);
        flows.transition_gbp.push(transition_t);
        flows.running_paid_gbp.push(running_t);
        flows.bau_running_gbp.push(bau_running_t);
        flows.clauses_gbp.push(clauses_t);
        if is_bau {
            flows.costs_gbp.push(0.0);
            flows.benefits_gbp.push(0.0);
            flows.running_saving_gbp.push(0.0);
            flows.social_value_gain_gbp.push(0.0);
            flows.one_offs_against_bau_gbp.push(0.0);
            flows.risks_against_bau_gbp.push(0.0);
        } else {
            // Business as usual's one-offs and expected risks (never uplifted) are avoided.
            let one_offs_extra = one_offs_t - (bau_one_off_costs[t] - bau_one_off_receipts[t]);
            let risks_extra = risks[t] - bau_risks[t];
            // A year's one-offs and risks are netted, so a receipt offsets a cost before
            // either counts as a benefit or a cost.
            let lumps = one_offs_extra + risks_extra;
            let running_saving = bau_running_t - running_t;
            let social_value_t = social_value * own.social_value[t]
                + bau_social_value * own.bau_social_value_kept[t];
            let social_value_gain = social_value_t - bau_social_value * comparator.social_value[t];
            flows
                .costs_gbp
                .push(transition_t + clauses_t + (-running_saving).max(0.0) + lumps.max(0.0));
            flows
                .benefits_gbp
                .push(running_saving.max(0.0) + social_value_gain + (-lumps).max(0.0));
            flows.running_saving_gbp.push(running_saving);
            flows.social_value_gain_gbp.push(social_value_gain);
            flows.one_offs_against_bau_gbp.push(one_offs_extra);
            flows.risks_against_bau_gbp.push(risks_extra);
        }
    }
    flows
}

/// NPSV, BCR, payback and whole-life cost of one option.
pub fn money_figures(
    option: &DeliveryOption,
    bau: &DeliveryOption,
    factors: &[f64],
    basis: Basis,
) -> MoneyFigures {
    let flows = yearly_flows(option, bau, factors.len(), basis);
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
    use crate::model::types::OneOff;
    use crate::storage::default_example;

    #[test]
    fn present_values_per_pound_follow_the_timing() {
        // Three years at the Green Book's 3.5%: D = 1, 1/1.035 = 0.966184, 1/1.035² = 0.933511.
        let factors = discount_factors(&DiscountSchedule::default(), 3);
        let mut option = default_example().options[3].clone();
        option.cost.transition_years = 2;
        option.cost.transition_start_year = 0;
        option.cost.go_live_year = 0;
        option.cost.ramp_up_pct.clear();
        option.cost.real_growth_pct = 0.0;
        let bau = default_example().options[0].clone();
        let t = timing(&option, &bau, 3);
        assert_eq!(t.transition, vec![0.5, 0.5, 0.0]);
        assert_eq!(t.running, vec![1.0, 1.0, 1.0]);
        let pv = pv_per_unit(&t, &factors);
        // A pound of transition cost, half in each of years 0 and 1: (1 + 0.966184) / 2.
        assert!((pv.transition - 0.983092).abs() < 1e-6, "{}", pv.transition);
        // A pound a year for three years: 1 + 0.966184 + 0.933511.
        assert!((pv.running - 2.899695).abs() < 1e-6, "{}", pv.running);
        assert_eq!(pv.social_value, pv.running);
        assert_eq!(pv.clauses, pv.running);
        // Starting a year later: half in each of years 1 and 2, (0.966184 + 0.933511) / 2.
        option.cost.transition_start_year = 1;
        let later = timing(&option, &bau, 3);
        assert_eq!(later.transition, vec![0.0, 0.5, 0.5]);
        let pv_later = pv_per_unit(&later, &factors).transition;
        assert!((pv_later - 0.949848).abs() < 1e-6, "{pv_later}");
    }

    #[test]
    fn go_live_ramp_up_and_real_growth_worked_by_hand() {
        // Four years at 3.5%: D = 1, 0.966184, 0.933511, 0.901943.
        // Business as usual: £1,000,000 a year growing 2% in real terms: 1,000,000,
        // 1,020,000, 1,040,400, 1,061,208. The option: £100,000 transition in year 0,
        // £800,000 a year flat, live from year 1 with 50% of the change in its first year.
        // Its running cost paid: year 0 all BAU's 1,000,000; year 1 800,000·½ + 1,020,000·½
        // = 910,000; then 800,000. Savings: 0, 110,000, 240,400, 261,208.
        // PV benefits = 110,000·0.966184 + 240,400·0.933511 + 261,208·0.901943 = 566,290.82;
        // NPSV = 566,290.82 − 100,000 = 466,290.82.
        // Whole-life cost = 100,000 + 1,000,000 + 910,000·0.966184 + 800,000·(0.933511 +
        // 0.901943) = 3,447,589.78.
        let example = default_example();
        let mut bau = example.options[0].clone();
        assert_eq!(bau.kind, OptionKind::BusinessAsUsual);
        let mut option = example.options[3].clone();
        for o in [&mut bau, &mut option] {
            o.social_value.monetised_gbp_per_year.likely = 0.0;
            o.cbc.enabled = false;
        }
        bau.cost.annual_running_cost_gbp.likely = 1_000_000.0;
        bau.cost.real_growth_pct = 2.0;
        option.cost.annual_running_cost_gbp.likely = 800_000.0;
        option.cost.transition_cost_gbp.likely = 100_000.0;
        option.cost.transition_years = 1;
        option.cost.go_live_year = 1;
        option.cost.ramp_up_pct = vec![50.0];
        option.cost.transition_start_year = 0;
        option.cost.real_growth_pct = 0.0;
        option.cost.one_offs.clear();
        bau.cost.one_offs.clear();
        let factors = discount_factors(&DiscountSchedule::default(), 4);
        let flows = yearly_flows(&option, &bau, 4, Basis::Base);
        let close = |x: f64, y: f64| (x - y).abs() < 0.01;
        let expected_gross = [1_100_000.0, 910_000.0, 800_000.0, 800_000.0];
        for (t, (got, want)) in flows.gross_cost_gbp.iter().zip(expected_gross).enumerate() {
            assert!(close(*got, want), "year {t}: {got} vs {want}");
        }
        let expected_benefits = [0.0, 110_000.0, 240_400.0, 261_208.0];
        for (t, (got, want)) in flows.benefits_gbp.iter().zip(expected_benefits).enumerate() {
            assert!(close(*got, want), "year {t}: {got} vs {want}");
        }
        let m = money_figures(&option, &bau, &factors, Basis::Base);
        assert!(close(m.npsv_gbp, 466_290.82), "{}", m.npsv_gbp);
        assert!(
            close(m.whole_life_cost_gbp, 3_447_589.78),
            "{}",
            m.whole_life_cost_gbp
        );
        // Payback: cumulative −100,000 at the end of year 0, +6,280 at the end of year 1.
        assert_eq!(m.payback_year, Some(1));
    }

    #[test]
    fn one_off_costs_and_receipts_worked_by_hand() {
        // On the example's shared service (options[3]) with optimism bias applied at 10%:
        // a £150,000 redundancy in year 0 (uplifted: £165,000), a £100,000 sale of a branch in
        // year 3, and business as usual's own £200,000 ICT refresh in year 2, which the option
        // avoids. NPSV changes by −165,000·1 + 100,000·0.901943 + 200,000·0.933511
        // = −165,000 + 90,194.27 + 186,702.14 = +111,896.41 (ten years at 3.5%).
        let example = default_example();
        let (mut bau, option) = (example.options[0].clone(), example.options[3].clone());
        bau.cost.one_offs.clear();
        let factors = discount_factors(&DiscountSchedule::default(), 10);
        let mut option_with = option.clone();
        option_with.cost.optimism_bias_pct.likely = 10.0;
        let mut option_without = option_with.clone();
        option_with.cost.one_offs = vec![
            OneOff {
                name: "Redundancy".into(),
                year: 0,
                amount_gbp: 150_000.0,
                receipt: false,
                capital: false,
            },
            OneOff {
                name: "Sale of a branch".into(),
                year: 3,
                amount_gbp: 100_000.0,
                receipt: true,
                capital: false,
            },
        ];
        let mut bau_with = bau.clone();
        bau_with.cost.one_offs = vec![OneOff {
            name: "ICT refresh".into(),
            year: 2,
            amount_gbp: 200_000.0,
            receipt: false,
            capital: false,
        }];
        option_without.cost.one_offs.clear();
        let with = money_figures(&option_with, &bau_with, &factors, Basis::WithOptimismBias);
        let without = money_figures(&option_without, &bau, &factors, Basis::WithOptimismBias);
        let change = with.npsv_gbp - without.npsv_gbp;
        assert!((change - 111_896.41).abs() < 0.01, "{change}");
        // The option's own whole-life cost carries its one-offs: +165,000 − 90,194.27.
        let wlc_change = with.whole_life_cost_gbp - without.whole_life_cost_gbp;
        assert!((wlc_change - 74_805.73).abs() < 0.01, "{wlc_change}");
    }

    #[test]
    fn five_years_with_every_feature_worked_by_hand() {
        // Five years at a round 10%: D = 1, 1/1.1, 1/1.21, 1/1.331, 1/1.4641.
        // Business as usual: £1,000,000 a year, flat. The option: £100,000 transition in
        // year 0, a £200,000 one-off in year 1, £600,000 a year growing 2% in real terms,
        // live from year 2 at 50% then 100%, £100,000 a year of social value (ramped the
        // same way), optimism bias 20% less 10 points for its costed risk, so ×1.1; one risk,
        // 25% × £400,000 = £100,000 expected, spread over years 3 and 4.
        // Running cost paid: 1,000,000; 1,000,000; 660,000·1.02²·½ + 1,000,000·½ = 843,332;
        // 660,000·1.02³ = 700,397.28; 660,000·1.02⁴ = 714,405.2256.
        // Costs: 110,000; 220,000; 0; 50,000; 50,000. PV = 110,000 + 200,000 + 37,565.74 +
        // 34,150.67 = 381,716.41.
        // Benefits (saving + social value): 0; 0; 156,668 + 50,000 = 206,668;
        // 299,602.72 + 100,000; 285,594.7744 + 100,000. PV = 170,800 + 300,227.44 +
        // 263,366.42 = 734,393.86.
        // NPSV = 352,677.44; BCR = 734,393.86 / 381,716.41 = 1.92393.
        // Cumulative: −110,000; −310,000; −139,200; +123,461.70: payback in year 3.
        use crate::model::template::blank_option;
        use crate::model::types::Risk;
        let mut bau = blank_option(OptionKind::BusinessAsUsual);
        bau.cost.annual_running_cost_gbp.likely = 1_000_000.0;
        let mut option = blank_option(OptionKind::SharedService);
        let c = &mut option.cost;
        c.transition_cost_gbp.likely = 100_000.0;
        c.annual_running_cost_gbp.likely = 600_000.0;
        c.real_growth_pct = 2.0;
        c.go_live_year = 2;
        c.ramp_up_pct = vec![50.0, 100.0];
        c.optimism_bias_pct.likely = 20.0;
        c.optimism_bias_reduction_pct = 10.0;
        c.optimism_bias_reduction_reason = "The partner's exit risk is costed".into();
        c.one_offs = vec![OneOff {
            name: "Redundancy".into(),
            year: 1,
            amount_gbp: 200_000.0,
            receipt: false,
            capital: false,
        }];
        c.risks = vec![Risk {
            description: "Partner council withdraws".into(),
            probability_pct: 25.0,
            impact_gbp: crate::model::types::Estimate::new(400_000.0),
            first_year: 3,
            last_year: 4,
            mitigation: "Five-year notice period in the agreement".into(),
        }];
        option.social_value.monetised_gbp_per_year.likely = 100_000.0;
        let schedule = DiscountSchedule::flat(10.0, "10% a year");
        let factors = discount_factors(&schedule, 5);
        let m = money_figures(&option, &bau, &factors, Basis::RiskAdjusted);
        let close = |x: f64, y: f64, tol: f64| (x - y).abs() < tol;
        assert!(
            close(m.pv_costs_gbp, 381_716.41, 0.01),
            "{}",
            m.pv_costs_gbp
        );
        assert!(
            close(m.pv_benefits_gbp, 734_393.86, 0.01),
            "{}",
            m.pv_benefits_gbp
        );
        assert!(close(m.npsv_gbp, 352_677.44, 0.01), "{}", m.npsv_gbp);
        assert!(
            close(m.bcr.expect("adds costs"), 1.92393, 1e-5),
            "{:?}",
            m.bcr
        );
        assert_eq!(m.payback_year, Some(3));
        assert!(close(m.cumulative_net_gbp[2], -139_200.0, 0.01));
        // The risk's expected cost is in its own row, half in each of its years; the
        // with-optimism-bias figures carry the full 20% and no risk.
        let flows = yearly_flows(&option, &bau, 5, Basis::RiskAdjusted);
        assert_eq!(flows.risks_gbp, vec![0.0, 0.0, 0.0, 50_000.0, 50_000.0]);
        let with_ob = yearly_flows(&option, &bau, 5, Basis::WithOptimismBias);
        assert_eq!(with_ob.risks_gbp, vec![0.0; 5]);
        assert!(close(with_ob.transition_gbp[0], 120_000.0, 1e-6));
    }

    #[test]
    fn capital_and_operating_uplifts_and_a_benefits_shortfall_worked_by_hand() {
        // One year (D_0 = 1). Business as usual £1,000,000; the option £800,000 a year live
        // from year 0, a £100,000 transition, £100,000 of social value. Optimism bias 10% on
        // running cost, 51% on one-off costs (non-standard buildings), 20% benefits shortfall.
        // With optimism bias: saving 1,000,000 − 880,000 = 120,000; social value 80,000;
        // transition 151,000: NPSV = 120,000 + 80,000 − 151,000 = 49,000.
        // Without: 200,000 + 100,000 − 100,000 = 200,000.
        use crate::model::template::blank_option;
        let mut bau = blank_option(OptionKind::BusinessAsUsual);
        bau.cost.annual_running_cost_gbp.likely = 1_000_000.0;
        let mut option = blank_option(OptionKind::CommunityOrganisation);
        option.cost.annual_running_cost_gbp.likely = 800_000.0;
        option.cost.transition_cost_gbp.likely = 100_000.0;
        option.cost.optimism_bias_pct.likely = 10.0;
        option.cost.capital_optimism_bias_pct = Some(51.0);
        option.cost.benefits_shortfall_pct = 20.0;
        option.social_value.monetised_gbp_per_year.likely = 100_000.0;
        let factors = [1.0];
        let with = money_figures(&option, &bau, &factors, Basis::WithOptimismBias);
        assert!((with.npsv_gbp - 49_000.0).abs() < 1e-6, "{}", with.npsv_gbp);
        let without = money_figures(&option, &bau, &factors, Basis::Base);
        assert!(
            (without.npsv_gbp - 200_000.0).abs() < 1e-6,
            "{}",
            without.npsv_gbp
        );
    }

    #[test]
    fn figures_given_for_particular_years_replace_the_methods_worked_by_hand() {
        // Three years at 10%: D = 1, 1/1.1, 1/1.21. Business as usual £1,000,000 a year but
        // £1,100,000 given for year 1; the option £800,000 a year from year 0 but £700,000
        // given for year 2; a £90,000 transition over three years (30,000 a year) with
        // £60,000 given for year 0. No optimism bias.
        // Savings: 200,000; 300,000; 300,000. Transition: 60,000; 30,000; 30,000.
        // NPSV = 140,000 + 270,000/1.1 + 270,000/1.21 = 140,000 + 245,454.55 + 223,140.50
        // = 608,595.04.
        use crate::model::template::blank_option;
        use crate::model::types::YearOverrides;
        let mut bau = blank_option(OptionKind::BusinessAsUsual);
        bau.cost.annual_running_cost_gbp.likely = 1_000_000.0;
        bau.cost.year_overrides.running_gbp = vec![None, Some(1_100_000.0)];
        let mut option = blank_option(OptionKind::SharedService);
        option.cost.annual_running_cost_gbp.likely = 800_000.0;
        option.cost.transition_cost_gbp.likely = 90_000.0;
        option.cost.transition_years = 3;
        option.cost.year_overrides = YearOverrides {
            transition_gbp: vec![Some(60_000.0)],
            running_gbp: vec![None, None, Some(700_000.0)],
        };
        let schedule = DiscountSchedule::flat(10.0, "10% a year");
        let factors = discount_factors(&schedule, 3);
        let flows = yearly_flows(&option, &bau, 3, Basis::Base);
        assert_eq!(flows.transition_gbp, vec![60_000.0, 30_000.0, 30_000.0]);
        assert_eq!(flows.bau_running_gbp, vec![1e6, 1.1e6, 1e6]);
        assert_eq!(
            flows.running_paid_gbp,
            vec![800_000.0, 800_000.0, 700_000.0]
        );
        let m = money_figures(&option, &bau, &factors, Basis::Base);
        assert!((m.npsv_gbp - 608_595.04).abs() < 0.01, "{}", m.npsv_gbp);
    }
}
