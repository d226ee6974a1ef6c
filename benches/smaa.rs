//! SMAA engine benchmark.
//!
//! Three cases:
//! - `smaa/scores_5x8_1e6`: `smaa_on_scores` on a fixed 5 options × 8 criteria matrix of
//!   0–100 scores, unbounded weights, 10^6 draws. This is the computation that
//!   `python3 reference/smaa_reference.py bench` times in numpy (Dirichlet weights, totals,
//!   competition ranks, rank acceptability, central weights); the Rust side also does the
//!   confidence pass (one evaluation here, as nothing is uncertain).
//! - `smaa/scores_5x8_1e4`: the same at 10^4 draws, the app's default. Target: within one
//!   60 Hz frame (16 ms) on 2 cores.
//! - `smaa/library_example_1e4`: `SmaaRun::new(&default_example())` with its own settings
//!   (10,000 draws, seed 2026) run to the end: triangular draws of every uncertain input (the
//!   example has go-live years, ramp-ups, real growth, one-offs, a risk register on every
//!   option and a shared "Pay award" driver, so each draw also draws the driver's quantile and
//!   whether each risk happens, and at what cost) and rescoring on every draw, recording every
//!   NPSV, then the confidence pass (another 10,000 input draws, each tested against every
//!   option's central weights). Target: within one 60 Hz frame (16 ms) on 2 cores.
//! - `smaa/library_example_1e6_partials`: the library example at 10^6 draws advanced as the
//!   app's worker does, `CHUNK_DRAWS` at a time, taking the partial result after every step
//!   (as the window shows figures while they arrive). A partial result must cost time in
//!   proportion to the step, not to the draws so far.
//!
//! The scores are drawn once from uniform(0, 100) by a fixed-seed 64-bit LCG (Knuth's MMIX
//! constants), so no extra dependency is needed. numpy's matrix comes from its own generator,
//! so the two matrices differ; the timing does not depend on the values beyond which options
//! ever rank first.
//!
//! The engine splits the draws into fixed blocks and runs them on every core (two here), as
//! the app does. Criterion's median is in
//! `target/criterion/smaa/<case>/new/estimates.json`. Run with `cargo bench --bench smaa`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use partnership_appraisal::app::robustness_worker::CHUNK_DRAWS;
use partnership_appraisal::model::robustness::{SmaaError, SmaaRun, smaa_on_scores};
use partnership_appraisal::storage::default_example;

const OPTIONS: usize = 5;
const CRITERIA: usize = 8;
/// Seed of the score matrix and of the SMAA draws (numpy's bench uses 0 and 1).
const SCORE_SEED: u64 = 0;
const SMAA_SEED: u64 = 1;

/// A 64-bit LCG (MMIX multiplier and increment); the top 53 bits give uniform [0, 1).
struct Lcg(u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// `scores[i][j]`, uniform on (0, 100), the same every run.
fn score_matrix() -> Vec<Vec<f64>> {
    let mut lcg = Lcg(SCORE_SEED);
    (0..OPTIONS)
        .map(|_| (0..CRITERIA).map(|_| 100.0 * lcg.uniform()).collect())
        .collect()
}

fn bench_smaa(c: &mut Criterion) {
    let scores = score_matrix();
    let bounds = vec![(0.0, 1.0); CRITERIA];

    let mut group = c.benchmark_group("smaa");
    group.sampling_mode(SamplingMode::Flat);

    // 10^6 draws: tens to hundreds of ms per iteration, so only a few samples.
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("scores_5x8_1e6", |b| {
        b.iter(|| {
            smaa_on_scores(
                black_box(&scores),
                black_box(&bounds),
                black_box(1_000_000),
                SMAA_SEED,
            )
        });
    });

    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("scores_5x8_1e4", |b| {
        b.iter(|| {
            smaa_on_scores(
                black_box(&scores),
                black_box(&bounds),
                black_box(10_000),
                SMAA_SEED,
            )
        });
    });

    let example = default_example();
    assert_eq!(example.settings.robustness.draws, 10_000);
    group.bench_function("library_example_1e4", |b| {
        b.iter(|| {
            SmaaRun::new(black_box(&example))
                .map_err(SmaaError::from)
                .and_then(SmaaRun::run_to_end)
        });
    });

    let mut large = example.clone();
    large.settings.robustness.draws = 1_000_000;
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    group.bench_function("library_example_1e6_partials", |b| {
        b.iter(|| {
            let mut run = SmaaRun::new(black_box(&large)).expect("valid");
            let mut partials = 0;
            while !run.is_complete() {
                run.advance(CHUNK_DRAWS).expect("runs");
                black_box(run.result());
                partials += 1;
            }
            partials
        });
    });

    group.finish();
}

criterion_group!(benches, bench_smaa);
criterion_main!(benches);
