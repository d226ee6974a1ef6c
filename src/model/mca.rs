//! Multi-criteria analysis (DCLG MCA manual, 2009): 0–100 scores, normalised swing weights,
//! weighted sum, ranks with ties, and the efficient frontier of benefit against cost.

use super::types::Scale;

/// Two totals closer than this are a tie: they differ only by floating-point noise.
pub const TIE_TOLERANCE: f64 = 1e-9;

/// Scores 0–100 of every option on one criterion, from their raw values.
///
/// Local scale: worst option 0, best 100, linear between (reversed when lower is better);
/// when every option is equal the criterion separates nothing and all score 100.
/// Fixed scale: `worst` scores 0 and `best` 100 (best below worst for lower-is-better
/// criteria); values beyond the ends are held at 0 or 100.
pub fn scores_0_100(raw: &[f64], scale: Scale, higher_is_better: bool) -> Vec<f64> {
    let min = raw.iter().copied().fold(f64::INFINITY, f64::min);
    let max = raw.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    raw.iter()
        .map(|&x| score_0_100(x, min, max, scale, higher_is_better))
        .collect()
}

/// The score of one raw value `x`, given the lowest and highest raw values of all options
/// (used by the local scale). The rule `scores_0_100` states, for callers that must not
/// allocate.
pub fn score_0_100(x: f64, min: f64, max: f64, scale: Scale, higher_is_better: bool) -> f64 {
    match scale {
        Scale::Local => {
            let swing = max - min;
            if swing <= 0.0 {
                100.0
            } else if higher_is_better {
                100.0 * (x - min) / swing
            } else {
                100.0 * (max - x) / swing
            }
        }
        Scale::Fixed { worst, best } => (100.0 * (x - worst) / (best - worst)).clamp(0.0, 100.0),
    }
}

/// Swing weights normalised to sum to 1. All-zero weights give all-zero (validation
/// refuses that case before it gets here).
pub fn normalise_weights(swing_weights: &[f64]) -> Vec<f64> {
    let total: f64 = swing_weights.iter().sum();
    if total > 0.0 {
        swing_weights.iter().map(|w| w / total).collect()
    } else {
        vec![0.0; swing_weights.len()]
    }
}

/// S_i = Σ_j w_j · s_ij, for `scores[i][j]`.
pub fn weighted_totals(scores: &[Vec<f64>], weights: &[f64]) -> Vec<f64> {
    scores
        .iter()
        .map(|row| row.iter().zip(weights).map(|(s, w)| s * w).sum())
        .collect()
}

/// Competition ranking, highest total first: ties share a rank and the next rank skips
/// (1, 2, 2, 4).
pub fn ranks(totals: &[f64]) -> Vec<u32> {
    totals
        .iter()
        .map(|&t| 1 + totals.iter().filter(|&&o| o > t + TIE_TOLERANCE).count() as u32)
        .collect()
}

/// The leading option: the first listed of those with the highest total (ties within
/// `TIE_TOLERANCE` go to the first), i.e. the first of rank 1.
pub fn leader(totals: &[f64]) -> usize {
    let best = totals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    totals
        .iter()
        .position(|&t| t >= best - TIE_TOLERANCE)
        .unwrap_or(0)
}

/// Whether each option is on the efficient frontier: no other option has at least its
/// benefit for at most its cost, and is strictly better on one of the two.
pub fn efficient_frontier(benefit: &[f64], cost: &[f64]) -> Vec<bool> {
    (0..benefit.len())
        .map(|i| {
            !(0..benefit.len()).any(|k| {
                k != i
                    && benefit[k] >= benefit[i] - TIE_TOLERANCE
                    && cost[k] <= cost[i] + TIE_TOLERANCE
                    && (benefit[k] > benefit[i] + TIE_TOLERANCE
                        || cost[k] < cost[i] - TIE_TOLERANCE)
            })
        })
        .collect()
}

/// The options at the two ends of one criterion, by raw value: what its 0–100 scale spans on
/// a local scale, and what a swing weight weighs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Swing {
    pub worst: usize,
    pub best: usize,
    pub worst_raw: f64,
    pub best_raw: f64,
}

/// The worst and best of `raw` (the first listed where several tie); None with no options.
pub fn swing(raw: &[f64], higher_is_better: bool) -> Option<Swing> {
    let better = |x: f64, y: f64| if higher_is_better { x > y } else { x < y };
    raw.first()?;
    let (mut worst, mut best) = (0, 0);
    for (i, &x) in raw.iter().enumerate() {
        if better(x, raw[best]) {
            best = i;
        }
        if better(raw[worst], x) {
            worst = i;
        }
    }
    Some(Swing {
        worst,
        best,
        worst_raw: raw[worst],
        best_raw: raw[best],
    })
}
