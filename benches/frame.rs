//! Frame-time benchmark: the whole app (menu bar, status bar, main view, overlays) run
//! headlessly through `egui_kittest` on the built-in default example, at 1366×768.
//!
//! Two cases, each iteration being exactly one frame:
//! - `frame/idle`: nothing changes between frames (no input, same appraisal);
//! - `frame/slider`: the shared service's running cost (`options[3]`) moves a little every
//!   frame, as it does while a cost slider is dragged, so the results are recomputed and the
//!   tables and charts redrawn from new numbers.
//!
//! What one measured frame contains:
//! - `Harness::step`: egui's `Context::run_ui` with the app's `eframe::App::ui`, **plus**
//!   kittest's own per-frame work (it rebuilds its AccessKit tree from the frame's
//!   `accesskit_update`, and egui has AccessKit enabled, which costs a little extra in
//!   `run_ui` too). A real eframe frame only pays for AccessKit when a screen reader is on,
//!   so this side errs towards overstating the cost.
//! - `Context::tessellate` of the frame's shapes, which eframe does on the CPU every frame
//!   before handing meshes to the GPU. (The copy of the shapes that kittest's API makes
//!   necessary is not timed.) GPU upload and drawing are not included: there is no renderer.
//!
//! Times are wall-clock per frame on one thread (egui is single-threaded), which on an
//! otherwise idle machine is the CPU time of the frame.
//!
//! Criterion's summary ("time: [low estimate high]") is printed as usual, and its median of
//! samples is in `target/criterion/frame/<case>/new/estimates.json`. After each case this
//! bench also prints the median and 90th percentile of the individual frames it timed
//! (warm-up frames included).
//!
//! Run with `cargo bench --bench frame`. The target is ≤ 2 ms per frame on 2 cores.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use eframe::egui;
use egui_kittest::Harness;
use partnership_appraisal::app::platform::{FileDialogs, SystemClipboard};
use partnership_appraisal::app::robustness_worker::RobustnessRunner;
use partnership_appraisal::app::{AppEnv, PartnershipApp};

/// The window size of a typical laptop screen.
const WINDOW: egui::Vec2 = egui::vec2(1366.0, 768.0);
/// Frames run before timing starts, so fonts, galley caches and layout have settled.
const WARM_UP_FRAMES: usize = 30;
/// The option whose running cost the slider case moves: the shared service.
const MOVED_OPTION: usize = 3;
/// How far the running cost moves per frame, and for how many frames before turning back
/// (a triangle wave, so the value stays near the example's own figure however long it runs).
const SLIDER_STEP_GBP: f64 = 250.0;
const SLIDER_HALF_PERIOD: u64 = 100;

/// Dialogs that are never shown: every pick is a cancel. Nothing in the bench opens one.
struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&self, _start_dir: &Path) -> Option<PathBuf> {
        None
    }

    fn pick_save(&self, _start_dir: &Path, _suggested_name: &str) -> Option<PathBuf> {
        None
    }

    fn pick_export(&self, _start_dir: &Path, _suggested_name: &str, _ext: &str) -> Option<PathBuf> {
        None
    }
}

/// The app on the default example (no file, default preferences), warmed up.
fn harness(saved_dir: &Path) -> Harness<'static, PartnershipApp> {
    let env = AppEnv {
        dialogs: Arc::new(NoDialogs),
        // Only touched on a copy, which a benchmark never makes.
        clipboard: Arc::new(SystemClipboard::default()),
        disk: Arc::new(partnership_appraisal::storage::RealDisk),
        saved_dir: saved_dir.to_path_buf(),
        // As in the app: SMAA on its worker thread, restarted whenever the inputs change.
        robustness: RobustnessRunner::background(|| {}),
        // No autosave: a benchmark writes no files.
        recovery_dir: None,
    };
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        // This is a timing bench, not an accessibility test.
        .with_accessibility_check(false)
        .build_eframe(|cc| PartnershipApp::new(&cc.egui_ctx, None, env, None));
    for _ in 0..WARM_UP_FRAMES {
        frame(&mut harness);
    }
    harness
}

/// One frame as eframe would run it on the CPU: the UI pass, then tessellation.
/// Returns the time taken, leaving out the copy of the shapes.
fn frame(harness: &mut Harness<'static, PartnershipApp>) -> Duration {
    let start = Instant::now();
    harness.step();
    let ui_time = start.elapsed();

    let output = harness.output();
    let shapes = output.shapes.clone();
    let pixels_per_point = output.pixels_per_point;

    let start = Instant::now();
    let primitives = harness.ctx.tessellate(shapes, pixels_per_point);
    let tessellate_time = start.elapsed();
    std::hint::black_box(primitives);

    ui_time + tessellate_time
}

/// Running cost for frame `n`: a triangle wave around `base`.
fn slider_value(base: f64, n: u64) -> f64 {
    let phase = n % (2 * SLIDER_HALF_PERIOD);
    let offset = if phase < SLIDER_HALF_PERIOD {
        phase
    } else {
        2 * SLIDER_HALF_PERIOD - phase
    };
    base + offset as f64 * SLIDER_STEP_GBP
}

fn report(case: &str, frames: &mut [Duration]) {
    if frames.is_empty() {
        return;
    }
    frames.sort_unstable();
    let at = |q: f64| frames[((frames.len() - 1) as f64 * q).round() as usize];
    println!(
        "frame/{case}: {} frames timed; per-frame median {:.3} ms, p90 {:.3} ms",
        frames.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.9).as_secs_f64() * 1e3,
    );
}

fn bench_frames(c: &mut Criterion) {
    let saved_dir = std::env::temp_dir().join("partnership-appraisal-bench");

    let mut group = c.benchmark_group("frame");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(100)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(8));

    // (a) Idle: the same appraisal every frame; results stay cached.
    {
        let mut harness = harness(&saved_dir);
        let mut frames = Vec::new();
        group.bench_function("idle", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let t = frame(&mut harness);
                    frames.push(t);
                    total += t;
                }
                total
            });
        });
        report("idle", &mut frames);
    }

    // (b) Slider moving: the running cost changes every frame, so the results recompute.
    // Without a pointer held down the app also settles one undo step per frame (a real drag
    // settles once, on release); that is an appraisal compare and clone, small beside the rest.
    {
        let mut harness = harness(&saved_dir);
        let base = harness.state().appraisal().options[MOVED_OPTION]
            .cost
            .annual_running_cost_gbp
            .likely;
        let mut n: u64 = 0;
        let mut frames = Vec::new();
        group.bench_function("slider", |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    let start = Instant::now();
                    harness.state_mut().appraisal_mut().options[MOVED_OPTION]
                        .cost
                        .annual_running_cost_gbp
                        .likely = slider_value(base, n);
                    let t = start.elapsed() + frame(&mut harness);
                    frames.push(t);
                    total += t;
                }
                total
            });
        });
        report("slider", &mut frames);
    }

    group.finish();
}

criterion_group!(benches, bench_frames);
criterion_main!(benches);
