//! The appraisal reduced to present values per unit, so that thousands of draws of the
//! uncertain inputs can be scored without cloning or allocating. Agrees with `appraise` to
//! rounding (tested in tests/properties.rs).
//!
//! There is one money engine: `money::timing` says when each input's money falls, and both
//! the yearly flows and these per-unit present values (`money::pv_per_unit`) are built from
//! it. A draw then only multiplies each drawn figure by its present value per pound:
//! - whole-life cost = u_c·transition·PV_tr + u·running·PV_run + BAU running·PV_kept
//!   + clauses·PV_cl
//! - NPSV = BAU running·(PV_run(BAU) − PV_kept) − u·running·PV_run + s·social value·PV_sv
//!   + BAU social value·(PV_sv kept − PV_sv(BAU)) − u_c·transition·PV_tr − clauses·PV_cl
//!
//! less one-offs: u_c·one-off costs − receipts, and risks: each one's cost × PV of a pound over
//! its years, business as usual's own added back to the NPSV;
//! with u the running cost's optimism-bias multiplier, u_c the one-off costs' (the same unless
//! a capital uplift is set), s the share of social value realised (1 − benefits shortfall),
//! "kept" what business as usual still pays or delivers before go-live and during the
//! ramp-up, and every PV the option's own unless marked BAU. Pounds given for particular
//! years (`YearOverrides`) are fixed present values added beside their input's, uplifted alike.

use super::super::mca::score_0_100;
use super::super::money::{
    Basis, PvPerUnit, benefits_realised, clauses_cost_gbp, discount_factors,
    monetised_social_value_gbp, one_off_present_values, present_value, pv_per_unit, reduced_points,
    risk_timing, timing,
};
use super::super::ratings::{RATING_MAX, mean_grown_rating};
use super::super::types::{Appraisal, Capacity, Estimate, Measure, OptionKind, Scale};
use super::sample::{Draws, estimate_at};

/// Which uncertain input of an option: used to sample it and to name it in charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    TransitionCost,
    RunningCost,
    OptimismBias,
    MonetisedSocialValue,
    SocialValueRating,
    Capacity,
    CommunityCapacity,
    MarketCapacity,
    ClientSideCapacity,
}

impl Input {
    pub fn label(self) -> &'static str {
        match self {
            Input::TransitionCost => "transition cost",
            Input::RunningCost => "running cost",
            Input::OptimismBias => "optimism bias",
            Input::MonetisedSocialValue => "monetised social value",
            Input::SocialValueRating => "social value rating",
            Input::Capacity => "capacity",
            Input::CommunityCapacity => "community capacity",
            Input::MarketCapacity => "market capacity",
            Input::ClientSideCapacity => "client-side capacity",
        }
    }

    /// The stable key a shared driver is saved under (`DeliveryOption::drivers`).
    pub fn key(self) -> &'static str {
        match self {
            Input::TransitionCost => "transition_cost",
            Input::RunningCost => "running_cost",
            Input::OptimismBias => "optimism_bias",
            Input::MonetisedSocialValue => "monetised_social_value",
            Input::SocialValueRating => "social_value_rating",
            Input::Capacity => "capacity",
            Input::CommunityCapacity => "community_capacity",
            Input::MarketCapacity => "market_capacity",
            Input::ClientSideCapacity => "client_side_capacity",
        }
    }

    pub fn from_key(key: &str) -> Option<Input> {
        Input::ALL.into_iter().find(|i| i.key() == key)
    }

    pub const ALL: [Input; 9] = [
        Input::TransitionCost,
        Input::RunningCost,
        Input::OptimismBias,
        Input::MonetisedSocialValue,
        Input::SocialValueRating,
        Input::Capacity,
        Input::CommunityCapacity,
        Input::MarketCapacity,
        Input::ClientSideCapacity,
    ];
}

/// The values of one option's uncertain inputs in one draw.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawn {
    pub transition: f64,
    pub running: f64,
    pub optimism_bias_pct: f64,
    pub social_value_gbp: f64,
    pub social_value_rating: f64,
    /// Overall rating, or [community, market, client side].
    pub capacity: [f64; 3],
    /// Present value of the option's risks in this draw: their expected cost at the likely
    /// inputs, the ones that happened in a random draw. Zero unless optimism bias applies
    /// (the risk-adjusted headline).
    pub risk_cost_pv: f64,
}

/// One risk of the register, reduced to what a draw needs.
#[derive(Debug, Clone)]
struct FastRisk {
    probability: f64,
    impact: Estimate,
    /// Present value of one pound of its impact, spread over its years.
    pv_per_pound: f64,
}

#[derive(Debug, Clone)]
pub struct FastOption {
    pub is_bau: bool,
    /// Present value of a pound of each money input, by the option's timing.
    pv: PvPerUnit,
    /// Present values of the one-off costs (before uplift) and of the receipts.
    one_off_costs_pv: f64,
    one_off_receipts_pv: f64,
    cbc_cost: f64,
    cbc_social_value: f64,
    rating_uplift: f64,
    growth: f64,
    split_capacity: bool,
    /// The option's estimates, in the order of `Input::ALL` (None where not applicable).
    pub estimates: [Option<Estimate>; 9],
    /// The shared driver each estimate is tied to, by index into `FastModel::driver_names`.
    drivers: [Option<usize>; 9],
    risks: Vec<FastRisk>,
    /// Points of optimism bias taken off for costed risks.
    ob_reduction: f64,
    /// The one-off costs' own uplift (%), where set apart from the running cost's.
    capital_ob: Option<f64>,
    /// The share of its monetised social value counted with optimism bias (1 − shortfall).
    benefits_realised: f64,
    /// Raw values of the rated criteria, by criterion index (unused slots are 0).
    ratings: Vec<f64>,
}

/// One appraisal, ready to be scored under any draw of its inputs.
#[derive(Debug, Clone)]
pub struct FastModel {
    pub options: Vec<FastOption>,
    pub bau: usize,
    pub measures: Vec<Measure>,
    pub scales: Vec<Scale>,
    years: u32,
    apply_ob: bool,
    /// False for a model made from bare scores: nothing to record in money.
    pub has_money: bool,
    /// The shared drivers' names, sorted: each draw puts every input tied to one at the same
    /// point of its range.
    pub driver_names: Vec<String>,
}

impl FastModel {
    /// Requires a valid appraisal (one BAU option); returns None otherwise.
    pub fn new(appraisal: &Appraisal) -> Option<Self> {
        let bau = appraisal.bau_index()?;
        let years = appraisal.settings.appraisal_period_years;
        let d = discount_factors(&appraisal.settings.discount, years as usize);
        let driver_names: Vec<String> = appraisal
            .options
            .iter()
            .flat_map(|o| o.drivers.values())
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let options = appraisal
            .options
            .iter()
            .map(|o| {
                let (split_capacity, capacity) = match o.capacity {
                    Capacity::Overall(r) => (false, [Some(r), None, None, None]),
                    Capacity::Parts {
                        community,
                        market,
                        client_side,
                    } => (
                        true,
                        [None, Some(community), Some(market), Some(client_side)],
                    ),
                };
                let is_bau = o.kind == OptionKind::BusinessAsUsual;
                let (one_off_costs_pv, one_off_receipts_pv) = one_off_present_values(o, &d);
                FastOption {
                    is_bau,
                    pv: pv_per_unit(&timing(o, &appraisal.options[bau], years as usize), &d),
                    one_off_costs_pv,
                    one_off_receipts_pv,
                    cbc_cost: clauses_cost_gbp(o),
                    cbc_social_value: monetised_social_value_gbp(o)
                        - o.social_value.monetised_gbp_per_year.likely,
                    rating_uplift: if o.cbc.enabled {
                        o.cbc.social_value_rating_uplift
                    } else {
                        0.0
                    },
                    growth: if o.cbc.enabled {
                        o.cbc.capacity_growth_per_year
                    } else {
                        0.0
                    },
                    split_capacity,
                    estimates: [
                        Some(o.cost.transition_cost_gbp),
                        Some(o.cost.annual_running_cost_gbp),
                        (!is_bau).then_some(o.cost.optimism_bias_pct),
                        Some(o.social_value.monetised_gbp_per_year),
                        Some(o.social_value.unmonetised_rating),
                        capacity[0],
                        capacity[1],
                        capacity[2],
                        capacity[3],
                    ],
                    drivers: Input::ALL.map(|input| {
                        let name = o.drivers.get(input.key())?.trim();
                        driver_names.iter().position(|n| n == name)
                    }),
                    risks: o
                        .cost
                        .risks
                        .iter()
                        .map(|r| FastRisk {
                            probability: r.probability_pct / 100.0,
                            impact: r.impact_gbp,
                            pv_per_pound: present_value(&d, &risk_timing(r, years as usize)),
                        })
                        .collect(),
                    ob_reduction: if is_bau {
                        0.0
                    } else {
                        o.cost.optimism_bias_reduction_pct
                    },
                    capital_ob: o.cost.capital_optimism_bias_pct,
                    benefits_realised: benefits_realised(
                        o,
                        Basis::headline(appraisal.settings.apply_optimism_bias),
                    ),
                    ratings: appraisal
                        .criteria
                        .iter()
                        .map(|c| o.scores.get(&c.id).copied().unwrap_or(0.0))
                        .collect(),
                }
            })
            .collect();
        Some(Self {
            options,
            bau,
            measures: appraisal.criteria.iter().map(|c| c.measure).collect(),
            scales: appraisal.criteria.iter().map(|c| c.scale).collect(),
            years,
            apply_ob: appraisal.settings.apply_optimism_bias,
            has_money: true,
            driver_names,
        })
    }

    /// A model whose options are given directly by 0–100 scores (`scores[i][j]`), with no
    /// money and nothing uncertain: for checking SMAA against exact and reference answers.
    pub fn from_scores(scores: &[Vec<f64>]) -> Self {
        let m = scores.first().map_or(0, Vec::len);
        let options = scores
            .iter()
            .enumerate()
            .map(|(i, row)| FastOption {
                is_bau: i == 0,
                pv: PvPerUnit::default(),
                one_off_costs_pv: 0.0,
                one_off_receipts_pv: 0.0,
                cbc_cost: 0.0,
                cbc_social_value: 0.0,
                rating_uplift: 0.0,
                growth: 0.0,
                split_capacity: false,
                estimates: [None; 9],
                drivers: [None; 9],
                risks: Vec::new(),
                ob_reduction: 0.0,
                capital_ob: None,
                benefits_realised: 1.0,
                ratings: row.clone(),
            })
            .collect();
        Self {
            options,
            bau: 0,
            measures: vec![
                Measure::Rating {
                    higher_is_better: true
                };
                m
            ],
            scales: vec![
                Scale::Fixed {
                    worst: 0.0,
                    best: 100.0
                };
                m
            ],
            years: 1,
            apply_ob: false,
            has_money: false,
            driver_names: Vec::new(),
        }
    }

    /// Weighted totals of the flat score matrix `scores[i * m + j]` into `out`.
    pub fn totals(scores: &[f64], weights: &[f64], out: &mut [f64]) {
        for (t, row) in out.iter_mut().zip(scores.chunks_exact(weights.len())) {
            *t = row.iter().zip(weights).map(|(s, w)| s * w).sum();
        }
    }

    pub fn n_options(&self) -> usize {
        self.options.len()
    }

    pub fn n_criteria(&self) -> usize {
        self.measures.len()
    }

    /// Whether any input has a low–high range to draw from.
    pub fn is_uncertain(&self) -> bool {
        let ranged = |e: &Estimate| matches!(e.effective_range(), Some((l, h)) if h > l);
        self.options.iter().any(|o| {
            o.estimates.iter().flatten().any(ranged)
                || (self.apply_ob
                    && o.risks
                        .iter()
                        .any(|r| r.probability > 0.0 && (r.probability < 1.0 || ranged(&r.impact))))
        })
    }

    /// Every option's inputs at their likely values.
    pub fn likely(&self) -> Vec<Drawn> {
        self.draw_with(|e| e.likely)
    }

    /// Every option's inputs, each estimate turned into a number by `pick`; each risk costs
    /// its probability × `pick` of its impact.
    pub fn draw_with(&self, mut pick: impl FnMut(&Estimate) -> f64) -> Vec<Drawn> {
        let mut out = Vec::with_capacity(self.options.len());
        for o in &self.options {
            let mut drawn = self.draw_estimates(o, &mut |_, e| pick(e));
            if self.apply_ob {
                drawn.risk_cost_pv = o
                    .risks
                    .iter()
                    .map(|r| r.probability * pick(&r.impact) * r.pv_per_pound)
                    .sum();
            }
            out.push(drawn);
        }
        out
    }

    /// One option's estimates, each turned into a number by `pick(index in Input::ALL, it)`;
    /// no risk cost.
    fn draw_estimates(
        &self,
        option: &FastOption,
        pick: &mut impl FnMut(usize, &Estimate) -> f64,
    ) -> Drawn {
        let mut v = |i: usize| option.estimates[i].as_ref().map_or(0.0, |e| pick(i, e));
        let capacity = if option.split_capacity {
            [v(6), v(7), v(8)]
        } else {
            [v(5), 0.0, 0.0]
        };
        Drawn {
            transition: v(0),
            running: v(1),
            optimism_bias_pct: v(2),
            social_value_gbp: v(3),
            social_value_rating: v(4),
            capacity,
            risk_cost_pv: 0.0,
        }
    }

    /// One random draw of every option's inputs into `out`: each estimate triangular over
    /// its range, except that every estimate tied to one shared driver sits at that driver's
    /// quantile `driver_u[k]`, drawn once for the draw; each risk happens with its
    /// probability, at an impact drawn from its range. Without drivers and risks the draws
    /// are taken in the same order as before either existed, so old files' figures stand.
    pub fn draw_random(&self, rng: &mut Draws, out: &mut [Drawn], driver_u: &mut [f64]) {
        for u in driver_u.iter_mut() {
            *u = rng.uniform();
        }
        for (d, o) in out.iter_mut().zip(&self.options) {
            *d = self.draw_estimates(o, &mut |i, e| match o.drivers[i] {
                Some(k) => estimate_at(e, driver_u[k]),
                None => rng.estimate(e),
            });
            if self.apply_ob {
                for r in &o.risks {
                    let happens = rng.uniform() < r.probability;
                    let impact = rng.estimate(&r.impact);
                    if happens {
                        d.risk_cost_pv += impact * r.pv_per_pound;
                    }
                }
            }
        }
    }

    /// The multipliers on the running cost and on the one-off costs (transition included).
    fn uplifts(&self, option: &FastOption, drawn: &Drawn) -> (f64, f64) {
        if self.apply_ob && !option.is_bau {
            let at = |pct: f64| 1.0 + reduced_points(pct, option.ob_reduction) / 100.0;
            let operating = at(drawn.optimism_bias_pct);
            (operating, option.capital_ob.map_or(operating, at))
        } else {
            (1.0, 1.0)
        }
    }

    /// NPSV against BAU of option `i` (headline optimism-bias setting).
    pub fn npsv(&self, i: usize, drawn: &[Drawn]) -> f64 {
        let (o, d) = (&self.options[i], &drawn[i]);
        if o.is_bau {
            return 0.0;
        }
        let (b, bd) = (&self.options[self.bau], &drawn[self.bau]);
        let (u, u_capital) = self.uplifts(o, d);
        let bau_social_value = bd.social_value_gbp + b.cbc_social_value;
        bd.running * (b.pv.running - o.pv.bau_running_kept)
            + (b.pv.running_fixed - o.pv.bau_running_kept_fixed)
            - u * d.running * o.pv.running
            - u * o.pv.running_fixed
            + (d.social_value_gbp + o.cbc_social_value) * o.benefits_realised * o.pv.social_value
            + bau_social_value * (o.pv.bau_social_value_kept - b.pv.social_value)
            - u_capital * d.transition * o.pv.transition
            - u_capital * o.pv.transition_fixed
            - o.cbc_cost * o.pv.clauses
            - (u_capital * o.one_off_costs_pv - o.one_off_receipts_pv)
            + (b.one_off_costs_pv - b.one_off_receipts_pv)
            - d.risk_cost_pv
            + bd.risk_cost_pv
    }

    /// The raw value of option `i` on criterion `j`.
    pub fn raw(&self, i: usize, j: usize, drawn: &[Drawn]) -> f64 {
        let (o, d) = (&self.options[i], &drawn[i]);
        match self.measures[j] {
            Measure::WholeLifeCost => {
                let (u, u_capital) = self.uplifts(o, d);
                u_capital * d.transition * o.pv.transition
                    + u_capital * o.pv.transition_fixed
                    + u * d.running * o.pv.running
                    + u * o.pv.running_fixed
                    + drawn[self.bau].running * o.pv.bau_running_kept
                    + o.pv.bau_running_kept_fixed
                    + o.cbc_cost * o.pv.clauses
                    + u_capital * o.one_off_costs_pv
                    - o.one_off_receipts_pv
                    + d.risk_cost_pv
            }
            Measure::Npsv => self.npsv(i, drawn),
            Measure::Capacity => {
                if o.split_capacity {
                    (mean_grown_rating(d.capacity[0], o.growth, self.years)
                        + d.capacity[1]
                        + d.capacity[2])
                        / 3.0
                } else {
                    mean_grown_rating(d.capacity[0], o.growth, self.years)
                }
            }
            Measure::SocialValue => (d.social_value_rating + o.rating_uplift).min(RATING_MAX),
            Measure::Rating { .. } => o.ratings[j],
        }
    }

    /// 0–100 scores into `scores[i * m + j]`, by `mca::score_0_100`, without allocating.
    pub fn scores_into(&self, drawn: &[Drawn], raw: &mut [f64], scores: &mut [f64]) {
        let (n, m) = (self.n_options(), self.n_criteria());
        for i in 0..n {
            for j in 0..m {
                raw[i * m + j] = self.raw(i, j, drawn);
            }
        }
        for j in 0..m {
            let higher = self.measures[j].higher_is_better();
            let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
            for i in 0..n {
                min = min.min(raw[i * m + j]);
                max = max.max(raw[i * m + j]);
            }
            for i in 0..n {
                scores[i * m + j] = score_0_100(raw[i * m + j], min, max, self.scales[j], higher);
            }
        }
    }
}
