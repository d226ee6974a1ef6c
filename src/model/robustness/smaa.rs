//! SMAA (Lahdelma & Salminen 2001) and Monte Carlo on money, in one seeded pass.
//!
//! Each draw takes weights uniformly from the simplex (within the workshop's bounds, by
//! rejection) and every uncertain input from its triangular range, scores and ranks the
//! options, and records each option's NPSV. The run can be advanced in chunks, so the app
//! can show figures as they arrive; the figures depend only on the seed and the number of
//! draws, never on the chunk sizes.

use super::FastModelError;
use super::fast::{Drawn, FastModel};
use super::sample::Draws;
use crate::model::Appraisal;
use crate::model::mca::TIE_TOLERANCE;

/// The distribution of one option's NPSV over the draws.
#[derive(Debug, Clone, PartialEq)]
pub struct NpsvSummary {
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    /// Share of draws in which NPSV is above zero.
    pub p_positive: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SmaaResult {
    pub draws: u32,
    pub seed: u64,
    /// `acceptability[i][r]`: share of draws in which option i has rank r + 1.
    pub acceptability: Vec<Vec<f64>>,
    /// Mean weights of the draws in which option i ranks first; None if it never does.
    pub central_weights: Vec<Option<Vec<f64>>>,
    /// P(option i first) with weights fixed at its central weights, over the input draws.
    pub confidence: Vec<Option<f64>>,
    pub npsv: Vec<NpsvSummary>,
    /// Half-width of the 95% interval of any acceptability at this number of draws.
    pub margin: f64,
}

/// A run in progress.
pub struct SmaaRun {
    model: FastModel,
    bounds: Vec<(f64, f64)>,
    bounded: bool,
    uncertain: bool,
    target: u32,
    seed: u64,
    rng: Draws,
    done: u32,
    rank_counts: Vec<u32>,
    central_sums: Vec<f64>,
    first_counts: Vec<u32>,
    npsv: Vec<Vec<f64>>,
    drawn: Vec<Drawn>,
    raw: Vec<f64>,
    scores: Vec<f64>,
    weights: Vec<f64>,
    totals: Vec<f64>,
    confidence: Option<Vec<Option<f64>>>,
}

/// Rejection sampling gives up when fewer than one draw in this many fits the bounds.
const MAX_REJECTIONS_PER_DRAW: u32 = 100_000;

impl SmaaRun {
    pub fn new(a: &Appraisal) -> Result<Self, FastModelError> {
        let model = FastModel::new(a).ok_or(FastModelError)?;
        let bounds: Vec<(f64, f64)> = a
            .criteria
            .iter()
            .map(|c| {
                a.settings
                    .robustness
                    .weight_bounds
                    .get(&c.id)
                    .map_or((0.0, 1.0), |b| (b.min, b.max))
            })
            .collect();
        Ok(Self::with_model(
            model,
            bounds,
            a.settings.robustness.draws,
            a.settings.robustness.seed,
        ))
    }

    pub fn with_model(model: FastModel, bounds: Vec<(f64, f64)>, draws: u32, seed: u64) -> Self {
        let (n, m) = (model.n_options(), model.n_criteria());
        let uncertain = model
            .options
            .iter()
            .flat_map(|o| o.estimates.iter().flatten())
            .any(|e| matches!((e.low, e.high), (Some(l), Some(h)) if h > l));
        let bounded = bounds.iter().any(|&(lo, hi)| lo > 0.0 || hi < 1.0);
        let drawn = model.likely();
        let mut run = Self {
            bounds,
            bounded,
            uncertain,
            target: draws,
            seed,
            rng: Draws::new(seed),
            done: 0,
            rank_counts: vec![0; n * n],
            central_sums: vec![0.0; n * m],
            first_counts: vec![0; n],
            npsv: vec![Vec::with_capacity(draws as usize); n],
            drawn,
            raw: vec![0.0; n * m],
            scores: vec![0.0; n * m],
            weights: vec![0.0; m],
            totals: vec![0.0; n],
            confidence: None,
            model,
        };
        // With nothing uncertain the scores never change: work them out once.
        run.model
            .scores_into(&run.drawn, &mut run.raw, &mut run.scores);
        run
    }

    pub fn target(&self) -> u32 {
        self.target
    }

    pub fn done(&self) -> u32 {
        self.done
    }

    pub fn is_complete(&self) -> bool {
        self.done >= self.target && self.confidence.is_some()
    }

    /// Share of the work done, 0–1 (the confidence pass counts as one more tenth).
    pub fn progress(&self) -> f32 {
        let main = self.done as f32 / self.target.max(1) as f32;
        if self.confidence.is_some() {
            1.0
        } else {
            main * 0.9
        }
    }

    fn draw_inputs(&mut self) {
        if self.uncertain {
            let rng = &mut self.rng;
            for (i, o) in self.model.options.iter().enumerate() {
                self.drawn[i] = self.model.draw_option(o, &mut |e| rng.estimate(e));
            }
            self.model
                .scores_into(&self.drawn, &mut self.raw, &mut self.scores);
        }
    }

    /// Weights uniform on the simplex within the bounds. Err if the bounds leave almost no room.
    fn draw_weights(&mut self) -> Result<(), String> {
        for _ in 0..MAX_REJECTIONS_PER_DRAW {
            self.rng.simplex(&mut self.weights);
            if !self.bounded
                || self
                    .weights
                    .iter()
                    .zip(&self.bounds)
                    .all(|(w, (lo, hi))| (lo..=hi).contains(&w))
            {
                return Ok(());
            }
        }
        Err("the weight bounds are too narrow to draw weightings inside them".to_string())
    }

    fn totals(&mut self, weights: &[f64]) {
        let m = weights.len();
        for (i, t) in self.totals.iter_mut().enumerate() {
            *t = self.scores[i * m..(i + 1) * m]
                .iter()
                .zip(weights)
                .map(|(s, w)| s * w)
                .sum();
        }
    }

    fn rank_of(&self, i: usize) -> usize {
        let t = self.totals[i];
        self.totals
            .iter()
            .filter(|&&o| o > t + TIE_TOLERANCE)
            .count()
    }

    /// Runs up to `max_draws` more draws; then, once all are done, the confidence pass.
    pub fn advance(&mut self, max_draws: u32) -> Result<(), String> {
        let (n, m) = (self.model.n_options(), self.model.n_criteria());
        let end = (self.done + max_draws).min(self.target);
        while self.done < end {
            self.draw_inputs();
            self.draw_weights()?;
            let weights = std::mem::take(&mut self.weights);
            self.totals(&weights);
            for i in 0..n {
                let r = self.rank_of(i);
                self.rank_counts[i * n + r] += 1;
                if r == 0 {
                    self.first_counts[i] += 1;
                    for (s, w) in self.central_sums[i * m..(i + 1) * m]
                        .iter_mut()
                        .zip(&weights)
                    {
                        *s += w;
                    }
                }
                let npsv = self.model.npsv(i, &self.drawn);
                self.npsv[i].push(npsv);
            }
            self.weights = weights;
            self.done += 1;
        }
        if self.done >= self.target && self.confidence.is_none() {
            self.confidence = Some(self.confidence_factors());
        }
        Ok(())
    }

    /// Runs to the end.
    pub fn run_to_end(mut self) -> Result<SmaaResult, String> {
        self.advance(u32::MAX)?;
        Ok(self.result())
    }

    fn central(&self, i: usize) -> Option<Vec<f64>> {
        let m = self.model.n_criteria();
        let count = self.first_counts[i];
        (count > 0).then(|| {
            self.central_sums[i * m..(i + 1) * m]
                .iter()
                .map(|s| s / f64::from(count))
                .collect()
        })
    }

    /// P(first) for each option at its central weights, over fresh input draws (one
    /// evaluation suffices when no input is uncertain).
    fn confidence_factors(&mut self) -> Vec<Option<f64>> {
        let n = self.model.n_options();
        let input_draws = if self.uncertain { self.target } else { 1 };
        (0..n)
            .map(|i| {
                let central = self.central(i)?;
                let mut first = 0u32;
                for _ in 0..input_draws {
                    self.draw_inputs();
                    self.totals(&central);
                    if self.rank_of(i) == 0 {
                        first += 1;
                    }
                }
                Some(f64::from(first) / f64::from(input_draws))
            })
            .collect()
    }

    /// The figures so far (complete once `is_complete`).
    pub fn result(&self) -> SmaaResult {
        let n = self.model.n_options();
        let done = self.done.max(1);
        SmaaResult {
            draws: self.done,
            seed: self.seed,
            acceptability: (0..n)
                .map(|i| {
                    (0..n)
                        .map(|r| f64::from(self.rank_counts[i * n + r]) / f64::from(done))
                        .collect()
                })
                .collect(),
            central_weights: (0..n).map(|i| self.central(i)).collect(),
            confidence: self.confidence.clone().unwrap_or_else(|| vec![None; n]),
            npsv: self.npsv.iter().map(|v| summarise(v)).collect(),
            margin: 1.96 * (0.25 / f64::from(done)).sqrt(),
        }
    }
}

/// Percentile by linear interpolation between order statistics (numpy's default).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

fn summarise(values: &[f64]) -> NpsvSummary {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len().max(1) as f64;
    NpsvSummary {
        p10: percentile(&sorted, 0.10),
        p25: percentile(&sorted, 0.25),
        p50: percentile(&sorted, 0.50),
        p75: percentile(&sorted, 0.75),
        p90: percentile(&sorted, 0.90),
        min: sorted.first().copied().unwrap_or(0.0),
        max: sorted.last().copied().unwrap_or(0.0),
        mean: sorted.iter().sum::<f64>() / n,
        p_positive: sorted.iter().filter(|&&x| x > 0.0).count() as f64 / n,
    }
}

/// SMAA on a fixed score matrix (`scores[i][j]`, no uncertain inputs): the core the
/// analytic and reference tests check, and what the benchmark times.
pub fn smaa_on_scores(
    scores: &[Vec<f64>],
    bounds: &[(f64, f64)],
    draws: u32,
    seed: u64,
) -> Result<SmaaResult, String> {
    let model = FastModel::from_scores(scores);
    SmaaRun::with_model(model, bounds.to_vec(), draws, seed).run_to_end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_like_numpy() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&v, 0.5), 3.0);
        assert_eq!(percentile(&v, 0.1), 1.4);
        assert_eq!(percentile(&v, 0.9), 4.6);
        let s = summarise(&[-1.0, 2.0, 3.0, 4.0]);
        assert_eq!(s.p_positive, 0.75);
        assert_eq!(s.mean, 2.0);
    }
}
