//! Properties that hold for any valid appraisal (proptest), and a save that is killed
//! mid-write, again and again, never leaving a half-written file.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use partnership_appraisal::model::*;
use partnership_appraisal::storage;
use proptest::prelude::*;

/// Valid appraisals: the library example with every option's figures drawn from their
/// valid ranges (go-live, ramp-up, real growth, one-offs and risk registers included), random
/// weights (not all zero) and either scale.
fn appraisals() -> impl Strategy<Value = Appraisal> {
    let money = || 0.0..5e7f64;
    let rating = || 0.0..=10.0f64;
    let option = (
        money(),
        1u32..=10,
        money(),
        0.0..=200.0f64,
        rating(),
        money(),
        rating(),
        any::<bool>(),
        (0.0..1e6f64, 0.0..1e6f64, 0.0..=10.0f64, 0.0..=2.0f64),
        (rating(), rating()),
        // Format 3's timing: go-live year, ramp-up shares, real growth of the running cost,
        // one-off costs and receipts.
        (
            0u32..40,
            prop::collection::vec(0.0..=100.0f64, 0..4),
            -10.0..=10.0f64,
            prop::collection::vec((0u32..40, 0.0..1e6f64, any::<bool>()), 0..3),
            0u32..40,
            // The risk register: probability, impact and its spread, years; the share of
            // the optimism bias taken off for them.
            (
                prop::collection::vec(
                    (0.0..=100.0f64, 0.0..1e6f64, 0.0..=1.0f64, 0u32..40, 0u32..5),
                    0..3,
                ),
                0.0..=1.0f64,
                // A capital uplift of its own, or none; a benefits shortfall; figures given
                // for particular years.
                (
                    prop::option::of(0.0..=200.0f64),
                    0.0..=100.0f64,
                    prop::collection::vec(prop::option::of(0.0..5e7f64), 0..6),
                    prop::collection::vec(prop::option::of(0.0..5e7f64), 0..6),
                ),
            ),
        ),
    );
    (
        prop::collection::vec(option, 5),
        prop::collection::vec(0.0..=100.0f64, 5),
        1.0..=100.0f64,
        1u32..=40,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(options, weights, first_weight, period, apply_ob, fixed)| {
                let mut a = storage::default_example();
                a.settings.appraisal_period_years = period;
                a.settings.apply_optimism_bias = apply_ob;
                for (c, w) in a.criteria.iter_mut().zip(weights) {
                    c.swing_weight = w;
                }
                a.criteria[0].swing_weight = first_weight;
                if fixed {
                    // Whole-life cost: lower is better; NPSV (the example's): higher.
                    a.criteria[0].scale = if a.criteria[0].measure.higher_is_better() {
                        Scale::Fixed {
                            worst: -5e8,
                            best: 5e8,
                        }
                    } else {
                        Scale::Fixed {
                            worst: 5e8,
                            best: 0.0,
                        }
                    };
                }
                for (o, f) in a.options.iter_mut().zip(options) {
                    let (transition, years, running, ob, capacity, social, rating, cbc, c, s, time) =
                        f;
                    let bau = o.kind == OptionKind::BusinessAsUsual;
                    o.cost.transition_cost_gbp = Estimate::new(transition);
                    o.cost.transition_years = years.min(period);
                    o.cost.annual_running_cost_gbp = Estimate::new(running);
                    o.cost.optimism_bias_pct = Estimate::new(if bau { 0.0 } else { ob });
                    o.capacity = Capacity::Overall(Estimate::new(capacity));
                    o.social_value.monetised_gbp_per_year = Estimate::new(social);
                    o.social_value.unmonetised_rating = Estimate::new(rating);
                    o.cbc = CommunityBenefitClauses {
                        enabled: cbc && !bau,
                        annual_cost_gbp: c.0,
                        social_value_gbp_per_year: c.1,
                        social_value_rating_uplift: c.2,
                        capacity_growth_per_year: c.3,
                    };
                    let (
                        go_live,
                        mut ramp,
                        growth,
                        one_offs,
                        start,
                        (risks, cut, (capital, shortfall, mut given_transition, mut given_running)),
                    ) = time;
                    given_transition.truncate(period as usize);
                    given_running.truncate(period as usize);
                    o.cost.year_overrides = YearOverrides {
                        transition_gbp: given_transition,
                        running_gbp: given_running,
                    };
                    o.cost.capital_optimism_bias_pct = capital;
                    o.cost.benefits_shortfall_pct = shortfall;
                    o.cost.risks = risks
                        .into_iter()
                        .map(|(p, impact, spread, first, len)| Risk {
                            description: "Risk".into(),
                            probability_pct: p,
                            impact_gbp: Estimate::with_range(
                                impact * (1.0 - spread),
                                impact,
                                impact * (1.0 + spread),
                            ),
                            first_year: first % period,
                            last_year: (first % period + len).min(period - 1),
                            mitigation: String::new(),
                        })
                        .collect();
                    o.cost.optimism_bias_reduction_pct = o.cost.optimism_bias_pct.likely * cut;
                    o.cost.optimism_bias_reduction_reason = "Risks costed".into();
                    o.cost.transition_start_year =
                        start % (period - o.cost.transition_years + 1);
                    o.cost.one_offs = one_offs
                        .into_iter()
                        .map(|(year, amount_gbp, receipt)| OneOff {
                            name: "One-off".into(),
                            year: year % period,
                            amount_gbp,
                            receipt,
                            capital: false,
                        })
                        .collect();
                    ramp.truncate(period as usize);
                    o.cost.go_live_year = if bau { 0 } else { go_live % period };
                    o.cost.ramp_up_pct = if bau { Vec::new() } else { ramp };
                    o.cost.real_growth_pct = growth;
                    o.scores.insert("risk".into(), s.0);
                    o.scores.insert("democratic_control".into(), s.1);
                }
                a
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_valid_appraisal_gives_finite_consistent_figures(a in appraisals()) {
        prop_assert!(validate(&a).is_empty(), "{:?}", validate(&a));
        let r = appraise(&a).expect("valid");
        let total: f64 = r.weights.iter().sum();
        prop_assert!((total - 1.0).abs() < 1e-9);
        for o in &r.options {
            for m in [&o.with_optimism_bias, &o.without_optimism_bias, &o.risk_adjusted] {
                prop_assert!(m.npsv_gbp.is_finite() && m.pv_costs_gbp.is_finite());
                prop_assert!(m.pv_benefits_gbp.is_finite() && m.whole_life_cost_gbp.is_finite());
                prop_assert!(m.bcr.is_none_or(f64::is_finite));
            }
            prop_assert!(o.weighted_score.is_finite());
            prop_assert!((0.0..=100.0 + 1e-9).contains(&o.weighted_score));
            // Optimism bias only ever adds cost.
            prop_assert!(o.with_optimism_bias.npsv_gbp <= o.without_optimism_bias.npsv_gbp + 1e-6);
        }
        // Ranks follow the scores: a clearly higher score never ranks lower, and equal
        // scores share a rank.
        for x in &r.options {
            for y in &r.options {
                if x.weighted_score > y.weighted_score + 1e-9 {
                    prop_assert!(x.rank < y.rank);
                }
                if x.weighted_score == y.weighted_score {
                    prop_assert_eq!(x.rank, y.rank);
                }
            }
        }
        // Competition ranking ("1, 2, 2, 4"): sorted, the ranks start at 1 and a rank shared
        // by c options is followed by that rank plus c.
        let mut sorted: Vec<u32> = r.options.iter().map(|o| o.rank).collect();
        sorted.sort_unstable();
        prop_assert_eq!(sorted[0], 1);
        for (k, &rank) in sorted.iter().enumerate() {
            prop_assert!(rank as usize <= k + 1);
            if k > 0 && rank != sorted[k - 1] {
                prop_assert_eq!(rank as usize, k + 1);
            }
        }
        prop_assert_eq!(r.options[r.preferred].rank, 1);
    }

    /// The robustness analysis scores thousands of draws with its own closed forms; they
    /// must give exactly what the full engine gives, on any valid appraisal.
    #[test]
    fn the_fast_model_equals_the_full_engine(a in appraisals()) {
        use partnership_appraisal::model::robustness::FastModel;
        use partnership_appraisal::model::robustness::switching::leader;
        let r = appraise(&a).expect("valid");
        let model = FastModel::new(&a).expect("valid");
        let likely = model.likely();
        let (n, m) = (a.options.len(), a.criteria.len());
        let (mut raw, mut scores) = (vec![0.0; n * m], vec![0.0; n * m]);
        model.scores_into(&likely, &mut raw, &mut scores);
        let close = |x: f64, y: f64| (x - y).abs() <= 1e-6 * x.abs().max(y.abs()).max(1.0);
        for (i, o) in r.options.iter().enumerate() {
            let npsv = o.headline(a.settings.apply_optimism_bias).npsv_gbp;
            prop_assert!(close(model.npsv(i, &likely), npsv), "option {i}: {} vs {npsv}", model.npsv(i, &likely));
            for j in 0..m {
                prop_assert!(close(raw[i * m + j], o.raw_values[j]), "raw {i},{j}");
                prop_assert!((scores[i * m + j] - o.scores[j]).abs() < 1e-6, "score {i},{j}");
            }
        }
        // Totals closer than the tie tolerance may break either way in rounding.
        let mut totals: Vec<f64> = r.options.iter().map(|o| o.weighted_score).collect();
        totals.sort_by(|x, y| y.total_cmp(x));
        if totals.len() < 2 || totals[0] - totals[1] > 1e-6 {
            prop_assert_eq!(leader(&model, &likely, &r.weights), r.preferred);
        }
    }

    #[test]
    fn save_then_load_is_the_identity(a in appraisals()) {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("a.ron");
        storage::save(&a, &path).expect("saves");
        prop_assert_eq!(storage::load(&path).expect("loads"), a);
    }
}

const CHILD_ENV: &str = "PARTNERSHIP_APPRAISAL_SAVE_LOOP";

/// Two versions the child saves in turn: a kill can only ever leave one or the other.
fn versions() -> [Appraisal; 2] {
    let a = storage::default_example();
    let mut b = a.clone();
    b.meta.title = "Second version".into();
    // Make the second noticeably longer so a torn write could not pass for either.
    b.meta.purpose = "x".repeat(200_000);
    [a, b]
}

/// Not a test on its own: the child process of the kill test, saving in a loop until killed.
#[test]
#[ignore = "run only as the child process of the kill-mid-save test"]
fn save_loop_child() {
    let Some(path) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else {
        return;
    };
    let versions = versions();
    for k in 0usize.. {
        storage::save(&versions[k % 2], &path).expect("child saves");
    }
}

/// Which of the two versions the file holds, if it is one of them whole.
fn complete_version(path: &Path, versions: &[Appraisal; 2]) -> Option<usize> {
    let a = storage::load(path).ok()?;
    versions.iter().position(|v| *v == a)
}

#[test]
fn saves_killed_at_random_moments_leave_the_old_or_the_new_file_complete() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("workshop.ron");
    let versions = versions();
    storage::save(&versions[0], &path).expect("first save");
    let started = Instant::now();
    let mut kills = 0;
    let mut seen = [false; 2];
    // A cheap deterministic scatter of kill moments between 20 and 80 ms.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    while kills < 25 && started.elapsed() < Duration::from_secs(8) {
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "save_loop_child",
                "--ignored",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("child starts");
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        std::thread::sleep(Duration::from_millis(20 + x % 60));
        // SIGKILL on Unix, TerminateProcess on Windows: no chance to tidy up.
        child.kill().expect("kill");
        child.wait().expect("reaped");
        kills += 1;
        let Some(which) = complete_version(&path, &versions) else {
            panic!("after kill {kills} the file is neither the old nor the new version");
        };
        seen[which] = true;
    }
    assert!(kills >= 5, "enough kills to mean something ({kills})");
    // The child really was saving when killed: both versions turned up.
    assert_eq!(seen, [true, true], "the kills all landed before any save");
}
