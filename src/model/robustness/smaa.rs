//! SMAA (Lahdelma & Salminen 2001) and Monte Carlo on money, in one seeded pass.
//!
//! Each draw takes weights uniformly from the simplex (within the workshop's bounds, by
//! rejection) and every uncertain input from its triangular range, scores and ranks the
//! options, and records each option's NPSV. The run can be advanced in chunks, so the app
//! can show figures as they arrive; the figures depend only on the seed and the number of
//! draws, never on the chunk sizes.

use super::batch::{self, BATCH, BatchDraws, Lanes, SimplexSampler};
use super::fast::{Drawn, FastModel};
use super::sample::Draws;
use super::{FastModelError, SmaaError};
use crate::model::mca::TIE_TOLERANCE;
use crate::model::{Appraisal, WeightInformation};

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

/// Draws are made in fixed blocks, each from its own stream of the seed, so the figures are
/// the same however many threads run them and however the run is split into chunks.
pub const BLOCK_DRAWS: u32 = 2048;
/// Streams of the confidence pass start here, apart from the main draws' streams.
const CONFIDENCE_STREAMS: u64 = 1 << 40;
/// Streams of the main draws' inputs start here, apart from their weights' streams.
const INPUT_STREAMS: u64 = 1 << 41;
/// Rejection sampling gives up when fewer than one draw in this many fits the bounds.
const MAX_REJECTIONS_PER_DRAW: u32 = 100_000;
/// Until a run is complete, its NPSV percentiles come from its first this-many draws (a
/// random sample, as the draws are independent), so a partial result costs the same however
/// far the run has gone; the complete result sorts every draw once.
pub const PROVISIONAL_NPSV_DRAWS: usize = 8_192;

/// What every block needs to know, shared read-only between threads.
struct Problem {
    model: FastModel,
    bounds: Vec<(f64, f64)>,
    bounded: bool,
    /// Importance tier of each criterion when the draws keep the room's order of importance.
    tiers: Option<Vec<usize>>,
    uncertain: bool,
    /// Scores at the likely inputs: every draw's scores when nothing is uncertain.
    likely_scores: Vec<f64>,
}

/// Working space for one block.
struct Scratch {
    rng: Draws,
    drawn: Vec<Drawn>,
    /// Each shared driver's quantile in the current draw.
    driver_u: Vec<f64>,
    raw: Vec<f64>,
    scores: Vec<f64>,
    totals: Vec<f64>,
}

/// Working space for a block of main draws, a batch at a time (see `batch`).
struct BatchScratch {
    weights_rng: BatchDraws,
    simplex: SimplexSampler,
    weights: Vec<Lanes>,
    /// Each draw's scores, `scores[i * m + j][b]`; used only when inputs are uncertain.
    scores: Vec<Lanes>,
    totals: Vec<Lanes>,
    ranks: Vec<Lanes>,
    /// Per-lane counts of draws in which option i has rank r or better, `[i * n + r]`.
    at_most: Vec<Lanes>,
    /// Per-lane sums of the weights of draws in which option i is first, `[i * m + j]`.
    central: Vec<Lanes>,
}

/// Counts from one block of main draws; merged in block order.
struct BlockStats {
    rank_counts: Vec<u32>,
    central_sums: Vec<f64>,
    first_counts: Vec<u32>,
    npsv: Vec<Vec<f64>>,
}

impl Problem {
    fn scratch(&self, rng: Draws) -> Scratch {
        let (n, m) = (self.model.n_options(), self.model.n_criteria());
        Scratch {
            rng,
            drawn: self.model.likely(),
            driver_u: vec![0.0; self.model.driver_names.len()],
            raw: vec![0.0; n * m],
            scores: self.likely_scores.clone(),
            totals: vec![0.0; n],
        }
    }

    fn draw_inputs(&self, scratch: &mut Scratch) {
        if self.uncertain {
            self.model
                .draw_random(&mut scratch.rng, &mut scratch.drawn, &mut scratch.driver_u);
            self.model
                .scores_into(&scratch.drawn, &mut scratch.raw, &mut scratch.scores);
        }
    }

    /// `count` main draws of block `block`: weights from the block's own stream, inputs
    /// from a second stream of the block, a batch of draws at a time.
    fn run_block(&self, seed: u64, block: u64, count: u32) -> Result<BlockStats, SmaaError> {
        let (n, m) = (self.model.n_options(), self.model.n_criteria());
        let mut s = self.scratch(Draws::for_block(seed, INPUT_STREAMS + block));
        let zero = [0.0; BATCH];
        let mut b = BatchScratch {
            weights_rng: BatchDraws::for_block(seed, block),
            simplex: SimplexSampler::in_space(
                m,
                self.bounded.then(|| self.bounds.clone()),
                self.tiers.as_deref(),
            ),
            weights: vec![zero; m],
            scores: vec![zero; if self.uncertain { n * m } else { 0 }],
            totals: vec![zero; n],
            ranks: vec![zero; n],
            at_most: vec![zero; n * n],
            central: vec![zero; n * m],
        };
        let mut stats = BlockStats {
            rank_counts: vec![0; n * n],
            central_sums: vec![0.0; n * m],
            first_counts: vec![0; n],
            npsv: vec![
                Vec::with_capacity(if self.model.has_money {
                    count as usize
                } else {
                    0
                });
                n
            ],
        };
        self.batches(&mut s, &mut b, &mut stats.npsv, count as usize)?;
        // Tallies are whole numbers far below 2^53, so the f64 sums are exact.
        for (counts, at_most) in stats
            .rank_counts
            .chunks_exact_mut(n.max(1))
            .zip(b.at_most.chunks_exact(n.max(1)))
        {
            let mut below = 0;
            for (r, tally) in counts.iter_mut().enumerate() {
                let up_to = if r + 1 < n {
                    at_most[r].iter().sum::<f64>() as u32
                } else {
                    count
                };
                *tally = up_to - below;
                below = up_to;
            }
        }
        for (i, counts) in stats.rank_counts.chunks_exact(n.max(1)).enumerate() {
            stats.first_counts[i] = counts[0];
        }
        for (sum, lanes) in stats.central_sums.iter_mut().zip(&b.central) {
            *sum = lanes.iter().sum();
        }
        Ok(stats)
    }

    /// The main draws of a block, a batch at a time.
    fn batches(
        &self,
        scratch: &mut Scratch,
        lanes: &mut BatchScratch,
        npsv: &mut [Vec<f64>],
        count: usize,
    ) -> Result<(), SmaaError> {
        let mut left = count;
        while left > 0 {
            let len = left.min(BATCH);
            left -= len;
            lanes.simplex.fill(
                &mut lanes.weights_rng,
                &mut lanes.weights,
                MAX_REJECTIONS_PER_DRAW,
            )?;
            if self.uncertain {
                for lane in 0..len {
                    self.draw_inputs(scratch);
                    for (row, &score) in lanes.scores.iter_mut().zip(&scratch.scores) {
                        row[lane] = score;
                    }
                    if self.model.has_money {
                        for (i, v) in npsv.iter_mut().enumerate() {
                            v.push(self.model.npsv(i, &scratch.drawn));
                        }
                    }
                }
                batch::totals_per_draw(&lanes.scores, &lanes.weights, &mut lanes.totals);
            } else {
                batch::totals_shared(&self.likely_scores, &lanes.weights, &mut lanes.totals);
                if self.model.has_money {
                    for (i, v) in npsv.iter_mut().enumerate() {
                        let npsv = self.model.npsv(i, &scratch.drawn);
                        v.extend(std::iter::repeat_n(npsv, len));
                    }
                }
            }
            batch::ranks(&lanes.totals, TIE_TOLERANCE, &mut lanes.ranks);
            batch::tally(
                &lanes.ranks,
                &lanes.weights,
                len,
                &mut lanes.at_most,
                &mut lanes.central,
            );
        }
        Ok(())
    }

    /// Confidence draws of block `block`: for each option, how often it is first with the
    /// weights fixed at its central weights. The inputs are drawn once for all options.
    fn confidence_block(
        &self,
        seed: u64,
        block: u64,
        count: u32,
        central: &[Option<Vec<f64>>],
    ) -> Vec<u32> {
        let n = self.model.n_options();
        let mut s = self.scratch(Draws::for_block(seed, CONFIDENCE_STREAMS + block));
        let mut firsts = vec![0u32; n];
        for _ in 0..count {
            self.draw_inputs(&mut s);
            for (i, c) in central.iter().enumerate() {
                if let Some(c) = c {
                    FastModel::totals(&s.scores, c, &mut s.totals);
                    if rank_of(&s.totals, i) == 0 {
                        firsts[i] += 1;
                    }
                }
            }
        }
        firsts
    }
}

/// 0-based competition rank: how many options score strictly more.
fn rank_of(totals: &[f64], i: usize) -> usize {
    let t = totals[i];
    totals.iter().filter(|&&o| o > t + TIE_TOLERANCE).count()
}

/// Runs `job` for each block in `blocks`, spread over the machine's cores, and returns the
/// results in block order.
fn in_parallel<T: Send>(blocks: &[(u64, u32)], job: impl Fn(u64, u32) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(blocks.len().max(1));
    if threads <= 1 {
        return blocks.iter().map(|&(b, c)| job(b, c)).collect();
    }
    let per_thread = blocks.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = blocks
            .chunks(per_thread)
            .map(|chunk| {
                let job = &job;
                scope.spawn(move || chunk.iter().map(|&(b, c)| job(b, c)).collect::<Vec<T>>())
            })
            .collect();
        handles
            .into_iter()
            // A worker only panics on a bug; fall back to nothing rather than abort.
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

/// A run in progress.
pub struct SmaaRun {
    problem: Problem,
    target: u32,
    seed: u64,
    done: u32,
    rank_counts: Vec<u32>,
    central_sums: Vec<f64>,
    first_counts: Vec<u32>,
    npsv: Vec<Vec<f64>>,
    /// Per option, the sum of its NPSVs so far and how many were above zero: the partial
    /// results' mean and share above zero, kept up to date block by block.
    npsv_sums: Vec<f64>,
    npsv_positive: Vec<u32>,
    /// Percentiles of the first `PROVISIONAL_NPSV_DRAWS` draws, once there are that many.
    provisional_npsv: Option<Vec<NpsvSummary>>,
    confidence: Option<Vec<Option<f64>>>,
}

impl SmaaRun {
    pub fn new(appraisal: &Appraisal) -> Result<Self, FastModelError> {
        let model = FastModel::new(appraisal).ok_or(FastModelError)?;
        let bounds: Vec<(f64, f64)> = appraisal
            .criteria
            .iter()
            .map(|c| {
                appraisal
                    .settings
                    .robustness
                    .weight_bounds
                    .get(&c.id)
                    .map_or((0.0, 1.0), |b| (b.min_share, b.max_share))
            })
            .collect();
        let tiers = match appraisal.settings.robustness.weight_information {
            WeightInformation::RankedSwingWeights => Some(importance_tiers(
                &appraisal
                    .criteria
                    .iter()
                    .map(|c| c.swing_weight)
                    .collect::<Vec<_>>(),
            )),
            WeightInformation::AnyWeights => None,
        };
        Ok(Self::with_model(
            model,
            WeightSpace { bounds, tiers },
            appraisal.settings.robustness.draws,
            appraisal.settings.robustness.seed,
        ))
    }

    pub fn with_model(model: FastModel, space: WeightSpace, draws: u32, seed: u64) -> Self {
        let WeightSpace { bounds, tiers } = space;
        let (n, m) = (model.n_options(), model.n_criteria());
        let mut raw = vec![0.0; n * m];
        let mut likely_scores = vec![0.0; n * m];
        model.scores_into(&model.likely(), &mut raw, &mut likely_scores);
        let capacity = if model.has_money { draws as usize } else { 0 };
        Self {
            problem: Problem {
                bounded: bounds.iter().any(|&(lo, hi)| lo > 0.0 || hi < 1.0),
                tiers,
                uncertain: model.is_uncertain(),
                bounds,
                likely_scores,
                model,
            },
            target: draws,
            seed,
            done: 0,
            rank_counts: vec![0; n * n],
            central_sums: vec![0.0; n * m],
            first_counts: vec![0; n],
            npsv: (0..n).map(|_| Vec::with_capacity(capacity)).collect(),
            npsv_sums: vec![0.0; n],
            npsv_positive: vec![0; n],
            provisional_npsv: None,
            confidence: None,
        }
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

    /// Share of the work done, 0–1 (the confidence pass counts as the last tenth).
    pub fn progress(&self) -> f32 {
        if self.confidence.is_some() {
            1.0
        } else {
            0.9 * self.done as f32 / self.target.max(1) as f32
        }
    }

    /// The blocks (index, draws) covering the next `max_draws` draws, in whole blocks.
    fn next_blocks(&self, max_draws: u32) -> Vec<(u64, u32)> {
        let mut blocks = Vec::new();
        let mut at = self.done;
        let end = self.target.min(self.done.saturating_add(max_draws.max(1)));
        while at < end {
            let count = BLOCK_DRAWS.min(self.target - at);
            blocks.push((u64::from(at / BLOCK_DRAWS), count));
            at += count;
        }
        blocks
    }

    /// Runs at least `max_draws` more draws (rounded up to whole blocks), on every core; once
    /// all are done, the confidence pass.
    pub fn advance(&mut self, max_draws: u32) -> Result<(), SmaaError> {
        let blocks = self.next_blocks(max_draws);
        let (problem, seed) = (&self.problem, self.seed);
        for stats in in_parallel(&blocks, |b, c| problem.run_block(seed, b, c)) {
            let stats = stats?;
            for (a, b) in self.rank_counts.iter_mut().zip(&stats.rank_counts) {
                *a += b;
            }
            for (a, b) in self.central_sums.iter_mut().zip(&stats.central_sums) {
                *a += b;
            }
            for (a, b) in self.first_counts.iter_mut().zip(&stats.first_counts) {
                *a += b;
            }
            for (i, block_npsv) in stats.npsv.into_iter().enumerate() {
                self.npsv_sums[i] += block_npsv.iter().sum::<f64>();
                self.npsv_positive[i] += block_npsv.iter().filter(|&&x| x > 0.0).count() as u32;
                self.npsv[i].extend(block_npsv);
            }
        }
        self.done += blocks.iter().map(|&(_, c)| c).sum::<u32>();
        if self.provisional_npsv.is_none()
            && self
                .npsv
                .first()
                .is_some_and(|v| v.len() >= PROVISIONAL_NPSV_DRAWS)
        {
            self.provisional_npsv = Some(
                self.npsv
                    .iter()
                    .map(|v| summarise(&v[..PROVISIONAL_NPSV_DRAWS]))
                    .collect(),
            );
        }
        if self.done >= self.target && self.confidence.is_none() {
            self.confidence = Some(self.confidence_factors());
        }
        Ok(())
    }

    /// Runs to the end.
    pub fn run_to_end(mut self) -> Result<SmaaResult, SmaaError> {
        self.advance(u32::MAX)?;
        Ok(self.result())
    }

    fn central(&self, i: usize) -> Option<Vec<f64>> {
        let m = self.problem.model.n_criteria();
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
    fn confidence_factors(&self) -> Vec<Option<f64>> {
        let n = self.problem.model.n_options();
        let central: Vec<Option<Vec<f64>>> = (0..n).map(|i| self.central(i)).collect();
        let input_draws = if self.problem.uncertain {
            self.target
        } else {
            1
        };
        let blocks: Vec<(u64, u32)> = (0..input_draws.div_ceil(BLOCK_DRAWS))
            .map(|b| (u64::from(b), BLOCK_DRAWS.min(input_draws - b * BLOCK_DRAWS)))
            .collect();
        let (problem, seed) = (&self.problem, self.seed);
        let mut firsts = vec![0u32; n];
        for block in in_parallel(&blocks, |b, c| {
            problem.confidence_block(seed, b, c, &central)
        }) {
            for (a, b) in firsts.iter_mut().zip(block) {
                *a += b;
            }
        }
        central
            .iter()
            .zip(firsts)
            .map(|(c, f)| c.as_ref().map(|_| f64::from(f) / f64::from(input_draws)))
            .collect()
    }

    /// The figures so far (complete once `is_complete`).
    pub fn result(&self) -> SmaaResult {
        let n = self.problem.model.n_options();
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
            npsv: self.npsv_summaries(),
            margin: 1.96 * (0.25 / f64::from(done)).sqrt(),
        }
    }
}

impl SmaaRun {
    /// Each option's NPSV distribution: exact over every draw once the run is complete;
    /// before that, percentiles from the first draws and the mean and share above zero
    /// from every draw so far (see `PROVISIONAL_NPSV_DRAWS`).
    fn npsv_summaries(&self) -> Vec<NpsvSummary> {
        if self.done >= self.target {
            return self.npsv.iter().map(|v| summarise(v)).collect();
        }
        self.npsv
            .iter()
            .enumerate()
            .map(|(i, values)| {
                let mut summary = match &self.provisional_npsv {
                    Some(first) => first[i].clone(),
                    None => summarise(values),
                };
                if !values.is_empty() {
                    let n = values.len() as f64;
                    summary.mean = self.npsv_sums[i] / n;
                    summary.p_positive = f64::from(self.npsv_positive[i]) / n;
                }
                summary
            })
            .collect()
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
    if values.is_empty() {
        return NpsvSummary {
            p10: 0.0,
            p25: 0.0,
            p50: 0.0,
            p75: 0.0,
            p90: 0.0,
            min: 0.0,
            max: 0.0,
            mean: 0.0,
            p_positive: 0.0,
        };
    }
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
) -> Result<SmaaResult, SmaaError> {
    let space = WeightSpace {
        bounds: bounds.to_vec(),
        tiers: None,
    };
    smaa_in_space(scores, space, draws, seed)
}

/// SMAA on a fixed score matrix with the weights drawn from `space`.
pub fn smaa_in_space(
    scores: &[Vec<f64>],
    space: WeightSpace,
    draws: u32,
    seed: u64,
) -> Result<SmaaResult, SmaaError> {
    let model = FastModel::from_scores(scores);
    SmaaRun::with_model(model, space, draws, seed).run_to_end()
}

/// Where the SMAA draws take their weights from.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightSpace {
    /// Lowest and highest share of the decision per criterion.
    pub bounds: Vec<(f64, f64)>,
    /// Each criterion's tier of importance (0 the most important, equal for equals), when
    /// the draws must keep that order; None for any weights at all.
    pub tiers: Option<Vec<usize>>,
}

/// Tiers of importance from swing weights: the largest weight is tier 0, equal weights
/// share a tier.
pub fn importance_tiers(swing_weights: &[f64]) -> Vec<usize> {
    let mut distinct: Vec<f64> = swing_weights.to_vec();
    distinct.sort_by(|a, b| b.total_cmp(a));
    distinct.dedup_by(|a, b| (*a - *b).abs() <= 1e-9 * b.abs().max(1.0));
    swing_weights
        .iter()
        .map(|w| {
            distinct
                .iter()
                .position(|d| (w - d).abs() <= 1e-9 * d.abs().max(1.0))
                .unwrap_or(0)
        })
        .collect()
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
