//! One-weight sweeps: each criterion's weight from 0 to 1, the others rescaled in proportion.
//! Every option's total is then a straight line in the weight, so the points where the
//! leader changes (the weight switching values) are found exactly, not by sampling.

use crate::model::mca::{self, TIE_TOLERANCE};

/// Each option's total along one sweep: S_i(t) = at_zero_i + t · (at_one_i − at_zero_i).
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    pub criterion: usize,
    /// The criterion's weight now.
    pub current_weight: f64,
    /// Total at weight 0 (the other criteria share everything) and at weight 1.
    pub at_zero: Vec<f64>,
    pub at_one: Vec<f64>,
    /// Where the leader changes, in increasing order of weight.
    pub switches: Vec<Switch>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Switch {
    pub weight: f64,
    /// Leader just below this weight, and just above it.
    pub before: usize,
    pub after: usize,
}

impl Sweep {
    pub fn total(&self, i: usize, t: f64) -> f64 {
        self.at_zero[i] + t * (self.at_one[i] - self.at_zero[i])
    }

    /// The leader at weight t (the first listed, if several tie), as `appraise` picks it.
    pub fn leader(&self, t: f64) -> usize {
        let totals: Vec<f64> = (0..self.at_zero.len()).map(|i| self.total(i, t)).collect();
        mca::leader(&totals)
    }

    /// The nearest switch above the current weight, and the nearest below it.
    pub fn nearest_switches(&self) -> (Option<Switch>, Option<Switch>) {
        let above = self
            .switches
            .iter()
            .find(|s| s.weight > self.current_weight + TIE_TOLERANCE)
            .copied();
        let below = self
            .switches
            .iter()
            .rev()
            .find(|s| s.weight < self.current_weight - TIE_TOLERANCE)
            .copied();
        (above, below)
    }
}

/// Sweeps every criterion, from the 0–100 scores (`scores[i][j]`) and normalised weights.
pub fn sweeps(scores: &[Vec<f64>], weights: &[f64]) -> Vec<Sweep> {
    (0..weights.len())
        .map(|j| sweep(scores, weights, j))
        .collect()
}

fn sweep(scores: &[Vec<f64>], weights: &[f64], j: usize) -> Sweep {
    let n = scores.len();
    let m = weights.len();
    let rest = 1.0 - weights[j];
    // At weight 0 the others keep their proportions; if they are all zero, share equally.
    let share = |k: usize| {
        if rest > TIE_TOLERANCE {
            weights[k] / rest
        } else if m > 1 {
            1.0 / (m - 1) as f64
        } else {
            0.0
        }
    };
    let at_zero: Vec<f64> = scores
        .iter()
        .map(|row| (0..m).filter(|&k| k != j).map(|k| share(k) * row[k]).sum())
        .collect();
    let at_one: Vec<f64> = scores.iter().map(|row| row[j]).collect();
    let mut sweep = Sweep {
        criterion: j,
        current_weight: weights[j],
        at_zero,
        at_one,
        switches: Vec::new(),
    };
    // Every pairwise crossing inside (0, 1) is a candidate; the leader can only change there.
    let mut candidates: Vec<f64> = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let slope_a = sweep.at_one[a] - sweep.at_zero[a];
            let slope_b = sweep.at_one[b] - sweep.at_zero[b];
            let denom = slope_a - slope_b;
            if denom.abs() > TIE_TOLERANCE {
                let t = (sweep.at_zero[b] - sweep.at_zero[a]) / denom;
                if t > 0.0 && t < 1.0 {
                    candidates.push(t);
                }
            }
        }
    }
    candidates.sort_by(f64::total_cmp);
    candidates.dedup_by(|a, b| (*a - *b).abs() < 1e-12);
    let mut edges = vec![0.0];
    edges.extend(&candidates);
    edges.push(1.0);
    let leaders: Vec<usize> = edges
        .windows(2)
        .map(|w| sweep.leader((w[0] + w[1]) / 2.0))
        .collect();
    for (k, pair) in leaders.windows(2).enumerate() {
        if pair[0] != pair[1] {
            sweep.switches.push(Switch {
                weight: candidates[k],
                before: pair[0],
                after: pair[1],
            });
        }
    }
    sweep
}
