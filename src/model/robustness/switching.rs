//! Input switching values for the preferred option (Green Book 5.59–5.61): how far each money
//! input must move before another option takes first place, or before its NPSV reaches zero;
//! and the tornado of what moves its NPSV most.

use super::fast::{Drawn, FastModel, Input};
use crate::model::mca;

/// The money inputs whose switching values are reported.
pub const MONEY_INPUTS: [Input; 4] = [
    Input::TransitionCost,
    Input::RunningCost,
    Input::MonetisedSocialValue,
    Input::OptimismBias,
];

#[derive(Debug, Clone, PartialEq)]
pub struct InputSwitching {
    pub input: Input,
    pub current: f64,
    /// The value at which another option takes first place, and which one; None if no value
    /// within the valid range changes the leader.
    pub rank_change: Option<(f64, usize)>,
    /// The value at which the option's NPSV reaches zero (None if it never does in range).
    pub npsv_zero: Option<f64>,
}

/// The highest a searched value may go: well past anything plausible, inside validation.
fn upper_limit(input: Input) -> f64 {
    match input {
        Input::OptimismBias => 200.0,
        _ => 1e12,
    }
}

pub fn get(drawn: &Drawn, input: Input) -> f64 {
    match input {
        Input::TransitionCost => drawn.transition,
        Input::RunningCost => drawn.running,
        Input::OptimismBias => drawn.optimism_bias_pct,
        Input::MonetisedSocialValue => drawn.social_value_gbp,
        Input::SocialValueRating => drawn.social_value_rating,
        Input::Capacity | Input::CommunityCapacity => drawn.capacity[0],
        Input::MarketCapacity => drawn.capacity[1],
        Input::ClientSideCapacity => drawn.capacity[2],
    }
}

pub fn set(drawn: &mut Drawn, input: Input, x: f64) {
    match input {
        Input::TransitionCost => drawn.transition = x,
        Input::RunningCost => drawn.running = x,
        Input::OptimismBias => drawn.optimism_bias_pct = x,
        Input::MonetisedSocialValue => drawn.social_value_gbp = x,
        Input::SocialValueRating => drawn.social_value_rating = x,
        Input::Capacity | Input::CommunityCapacity => drawn.capacity[0] = x,
        Input::MarketCapacity => drawn.capacity[1] = x,
        Input::ClientSideCapacity => drawn.capacity[2] = x,
    }
}

/// The leader (first listed among ties) with the inputs `drawn` and fixed `weights`.
pub fn leader(model: &FastModel, drawn: &[Drawn], weights: &[f64]) -> usize {
    let (n, m) = (model.n_options(), model.n_criteria());
    let mut raw = vec![0.0; n * m];
    let mut scores = vec![0.0; n * m];
    model.scores_into(drawn, &mut raw, &mut scores);
    let mut totals = vec![0.0; n];
    FastModel::totals(&scores, weights, &mut totals);
    mca::leader(&totals)
}

/// Switching values of the money inputs of option `p` (the preferred option).
pub fn input_switching(model: &FastModel, weights: &[f64], p: usize) -> Vec<InputSwitching> {
    let base = model.likely();
    let applicable = |input: Input| !(input == Input::OptimismBias && model.options[p].is_bau);
    MONEY_INPUTS
        .into_iter()
        .filter(|&i| applicable(i))
        .map(|input| {
            let current = get(&base[p], input);
            let with = |x: f64| {
                let mut drawn = base.clone();
                set(&mut drawn[p], input, x);
                drawn
            };
            let leads = |x: f64| leader(model, &with(x), weights) == p;
            let limit = upper_limit(input);
            let up = first_loss(&leads, current, limit);
            let down = first_loss(&leads, current, 0.0);
            // The nearer of the two directions.
            let rank_change = [up, down]
                .into_iter()
                .flatten()
                .min_by(|a, b| (a - current).abs().total_cmp(&(b - current).abs()))
                .map(|x| (x, leader(model, &with(x), weights)));
            // NPSV is linear in each of these inputs: solve for zero exactly.
            let npsv_at = |x: f64| model.npsv(p, &with(x));
            let n0 = npsv_at(current);
            let slope = npsv_at(current + 1.0) - n0;
            let npsv_zero = (slope.abs() > 1e-12)
                .then(|| current - n0 / slope)
                .filter(|x| (0.0..=limit).contains(x));
            InputSwitching {
                input,
                current,
                rank_change,
                npsv_zero,
            }
        })
        .collect()
}

/// The value between `from` and `to` at which `leads` first becomes false, to within a
/// ten-billionth of the starting value; None if it holds all the way.
fn first_loss(leads: &impl Fn(f64) -> bool, from: f64, to: f64) -> Option<f64> {
    if from == to || !leads(from) {
        return None;
    }
    // Walk out in growing steps to bracket the change, then bisect.
    let span = to - from;
    let mut step = span.signum() * (from.abs().max(1.0) * 0.01).min(span.abs());
    let mut inside = from;
    let outside = loop {
        let next = inside + step;
        let next = if (next - to) * span.signum() > 0.0 {
            to
        } else {
            next
        };
        if !leads(next) {
            break next;
        }
        if next == to {
            return None;
        }
        inside = next;
        step *= 2.0;
    };
    let (mut a, mut b) = (inside, outside);
    let tolerance = from.abs().max(1.0) * 1e-10;
    while (b - a).abs() > tolerance {
        let mid = (a + b) / 2.0;
        if leads(mid) {
            a = mid;
        } else {
            b = mid;
        }
    }
    Some(b)
}

/// One bar of the tornado: the preferred option's NPSV with one input at its low and at its
/// high value, every other input at its likely value.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    pub option: usize,
    pub input: Input,
    pub npsv_at_low: f64,
    pub npsv_at_high: f64,
}

/// Every ranged input that moves option `p`'s NPSV (its own, and business as usual's),
/// largest swing first.
pub fn tornado(model: &FastModel, p: usize) -> Vec<TornadoBar> {
    let base = model.likely();
    let mut bars = Vec::new();
    let mut owners = vec![p];
    if model.bau != p {
        owners.push(model.bau);
    }
    for k in owners {
        for (slot, input) in Input::ALL.into_iter().enumerate() {
            let Some(e) = model.options[k].estimates[slot] else {
                continue;
            };
            let Some((low, high)) = e.effective_range() else {
                continue;
            };
            let at = |x: f64| {
                let mut drawn = base.clone();
                set(&mut drawn[k], input, x);
                model.npsv(p, &drawn)
            };
            let (npsv_at_low, npsv_at_high) = (at(low), at(high));
            if (npsv_at_high - npsv_at_low).abs() > 1e-6 {
                bars.push(TornadoBar {
                    option: k,
                    input,
                    npsv_at_low,
                    npsv_at_high,
                });
            }
        }
    }
    bars.sort_by(|a, b| {
        let swing = |t: &TornadoBar| (t.npsv_at_high - t.npsv_at_low).abs();
        swing(b).total_cmp(&swing(a))
    });
    bars
}
