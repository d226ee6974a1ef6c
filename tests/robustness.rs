//! Robustness figures against exact answers, an independent numpy reference, and the engine.

use std::path::Path;

use partnership_appraisal::model::robustness::switching::{get, leader};
use partnership_appraisal::model::robustness::*;
use partnership_appraisal::model::*;
use partnership_appraisal::storage;
use partnership_appraisal::words::robustness::fragile_warnings;

mod common;

fn examples() -> Vec<Appraisal> {
    storage::EXAMPLES
        .iter()
        .map(|(name, text)| storage::parse_str(text, name).expect("example parses"))
        .collect()
}

#[test]
fn the_fast_model_agrees_with_the_engine_on_every_example() {
    for a in examples() {
        let r = appraise(&a).expect("valid");
        let model = FastModel::new(&a).expect("valid");
        let likely = model.likely();
        for (i, o) in r.options.iter().enumerate() {
            let npsv = o.headline(a.settings.apply_optimism_bias).npsv_gbp;
            assert!(
                (model.npsv(i, &likely) - npsv).abs() < 1e-6,
                "{}",
                a.meta.title
            );
            for (j, raw) in o.raw_values.iter().enumerate() {
                assert!((model.raw(i, j, &likely) - raw).abs() < 1e-6 * raw.abs().max(1.0));
            }
        }
    }
}

#[test]
fn weight_switching_values_are_exact() {
    // Two options that swap at an even split.
    let s = sweeps(&[vec![100.0, 0.0], vec![0.0, 100.0]], &[0.6, 0.4]);
    assert_eq!(s[0].switches.len(), 1);
    assert!((s[0].switches[0].weight - 0.5).abs() < 1e-12);
    assert_eq!((s[0].switches[0].before, s[0].switches[0].after), (1, 0));

    // Three options, worked by hand: sweeping criterion 0 at current weights ½, ½ gives
    // A = 30 + 60t, B = 90 − 30t, C = 50 + 25t. B leads until t = 2/3, where A overtakes it
    // (C passes A at 4/7 and B at 8/11, never while leading).
    let scores = [vec![90.0, 30.0], vec![60.0, 90.0], vec![75.0, 50.0]];
    let s = sweeps(&scores, &[0.5, 0.5]);
    let sw = &s[0];
    assert_eq!(sw.at_zero, vec![30.0, 90.0, 50.0]);
    assert_eq!(sw.at_one, vec![90.0, 60.0, 75.0]);
    assert_eq!(sw.switches.len(), 1);
    assert!((sw.switches[0].weight - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!((sw.switches[0].before, sw.switches[0].after), (1, 0));
    // The nearest switch above the current weight 0.5 is that one; none below.
    let (above, below) = sw.nearest_switches();
    assert!((above.expect("above").weight - 2.0 / 3.0).abs() < 1e-12);
    assert!(below.is_none());
    // Sweeping criterion 1 is the mirror image: A leads until its weight reaches 1/3.
    assert!((s[1].switches[0].weight - 1.0 / 3.0).abs() < 1e-12);
}

/// Two options on three criteria: A = (100, 0, 0), B = (0, 50, 50). A leads exactly when
/// w₁ > 1/3. Under uniform weights on the simplex w₁ ~ Beta(1, 2), so
/// P(A first) = (2/3)² = 4/9; E[w₁ | w₁ > 1/3] = 5/9 and E[w₁ | w₁ < 1/3] = 7/45.
#[test]
fn smaa_matches_the_analytic_three_criterion_case() {
    let scores = [vec![100.0, 0.0, 0.0], vec![0.0, 50.0, 50.0]];
    let r = smaa_on_scores(&scores, &[(0.0, 1.0); 3], 200_000, 1).expect("runs");
    let tol = 0.006; // about 5 standard errors at 200,000 draws
    assert!(
        (r.acceptability[0][0] - 4.0 / 9.0).abs() < tol,
        "{:?}",
        r.acceptability
    );
    assert!((r.acceptability[1][0] - 5.0 / 9.0).abs() < tol);
    assert!((r.acceptability[0][1] - 5.0 / 9.0).abs() < tol);
    let ca = r.central_weights[0].as_ref().expect("A is sometimes first");
    assert!((ca[0] - 5.0 / 9.0).abs() < tol, "{ca:?}");
    assert!((ca[1] - 2.0 / 9.0).abs() < tol);
    assert!((ca[2] - 2.0 / 9.0).abs() < tol);
    let cb = r.central_weights[1].as_ref().expect("B is sometimes first");
    assert!((cb[0] - 7.0 / 45.0).abs() < tol, "{cb:?}");
    assert!((cb[1] - 19.0 / 45.0).abs() < tol);
    assert_eq!(r.draws, 200_000);
    assert!((r.margin - 1.96 * (0.25f64 / 200_000.0).sqrt()).abs() < 1e-15);
}

/// The room's order of importance (SMAA-2's ordinal information), worked by hand. Two
/// options on three criteria: A = (100, 0, 0), B = (0, 100, 100), so A leads exactly when
/// w₁ > ½. Uniform weights on the simplex are Dirichlet(1, 1, 1), where P(wᵢ > ½) = (½)² = ¼
/// for each i, and at most one weight can pass ½, so P(max w > ½) = ¾.
/// - Any weights at all: P(A first) = P(w₁ > ½) = ¼.
/// - Order w₁ ≥ w₂ ≥ w₃: w₁ is the largest weight, so P(A first) = ¾.
/// - w₁ and w₂ equally important, both above w₃: the largest weight goes to w₁ or w₂ with
///   even odds, so P(A first) = ¾ × ½ = ⅜.
/// - w₁ the least important: w₁ is the smallest weight, never above ⅓, so A is never first.
#[test]
fn ranked_weights_keep_the_rooms_order_of_importance() {
    let scores = [vec![100.0, 0.0, 0.0], vec![0.0, 100.0, 100.0]];
    let tol = 0.01; // about 5 standard errors at 40,000 draws
    for (tiers, expected) in [
        (None, 0.25),
        (Some(vec![0, 1, 2]), 0.75),
        (Some(vec![0, 0, 1]), 0.375),
        (Some(vec![2, 0, 1]), 0.0),
    ] {
        let space = WeightSpace {
            bounds: vec![(0.0, 1.0); 3],
            tiers: tiers.clone(),
        };
        let r = smaa_in_space(&scores, space, 40_000, 7).expect("runs");
        assert!(
            (r.acceptability[0][0] - expected).abs() < tol,
            "{tiers:?}: {} against {expected}",
            r.acceptability[0][0]
        );
    }
    // Tiers from swing weights: the largest first, equal weights together.
    assert_eq!(importance_tiers(&[60.0, 100.0, 60.0, 20.0]), [1, 0, 1, 2]);
}

#[test]
fn an_appraisal_draws_ranked_weights_unless_told_any_weights_at_all() {
    let mut a = examples()[0].clone();
    assert_eq!(
        a.settings.robustness.weight_information,
        WeightInformation::RankedSwingWeights,
        "the default"
    );
    a.settings.robustness.draws = 4_000;
    let ranked = SmaaRun::new(&a).expect("valid").run_to_end().expect("runs");
    a.settings.robustness.weight_information = WeightInformation::AnyWeights;
    let any = SmaaRun::new(&a).expect("valid").run_to_end().expect("runs");
    assert_ne!(ranked.acceptability, any.acceptability);
    // Every option's central weights under ranked draws keep the swing weights' order.
    let swing: Vec<f64> = a.criteria.iter().map(|c| c.swing_weight).collect();
    for central in ranked.central_weights.iter().flatten() {
        for (j, k) in (0..swing.len()).flat_map(|j| (0..swing.len()).map(move |k| (j, k))) {
            if swing[j] > swing[k] + 1e-9 {
                assert!(
                    central[j] >= central[k] - 1e-12,
                    "{central:?} against {swing:?}"
                );
            }
        }
    }
}

#[test]
fn weight_bounds_are_respected() {
    let scores = [vec![100.0, 0.0, 0.0], vec![0.0, 50.0, 50.0]];
    // w₁ held to 0.2–0.3: A (which needs w₁ > 1/3) can never be first.
    let bounds = [(0.2, 0.3), (0.0, 1.0), (0.0, 1.0)];
    let r = smaa_on_scores(&scores, &bounds, 20_000, 3).expect("runs");
    assert_eq!(r.acceptability[0][0], 0.0);
    assert_eq!(r.acceptability[1][0], 1.0);
    assert!(r.central_weights[0].is_none());
    let cb = r.central_weights[1].as_ref().expect("B first");
    assert!((0.2..=0.3).contains(&cb[0]), "{cb:?}");
    // Bounds that leave no room are refused, not looped on forever.
    let impossible = [(0.0, 0.001), (0.0, 0.001), (0.0, 0.001)];
    assert!(smaa_on_scores(&scores, &impossible, 10, 3).is_err());
}

#[test]
fn the_same_seed_reproduces_every_figure_and_chunking_does_not_matter() {
    let a = &examples()[0];
    let one = SmaaRun::new(a).expect("valid").run_to_end().expect("runs");
    let two = SmaaRun::new(a).expect("valid").run_to_end().expect("runs");
    assert_eq!(one, two);
    let mut chunked = SmaaRun::new(a).expect("valid");
    while !chunked.is_complete() {
        chunked.advance(777).expect("runs");
    }
    assert_eq!(chunked.result(), one);
    let mut other_seed = a.clone();
    other_seed.settings.robustness.seed += 1;
    let three = SmaaRun::new(&other_seed)
        .expect("valid")
        .run_to_end()
        .expect("runs");
    assert_ne!(three, one);
    for (x, y) in three
        .acceptability
        .iter()
        .flatten()
        .zip(one.acceptability.iter().flatten())
    {
        assert!((x - y).abs() < 0.03, "different seeds agree statistically");
    }
}

#[test]
fn monte_carlo_npsv_centres_on_the_npsv_at_mean_inputs() {
    // NPSV is linear in each input and the inputs are drawn independently, so its mean is
    // the NPSV at the triangular means (a + b + c)/3.
    let mut a = examples()[0].clone();
    a.settings.robustness.draws = 100_000;
    let r = SmaaRun::new(&a).expect("valid").run_to_end().expect("runs");
    let model = FastModel::new(&a).expect("valid");
    let means = model.draw_with(|e| match (e.low, e.high) {
        (Some(l), Some(h)) => (l + e.likely + h) / 3.0,
        _ => e.likely,
    });
    for (i, summary) in r.npsv.iter().enumerate() {
        let expected = model.npsv(i, &means);
        let spread = (summary.p90 - summary.p10).max(1.0);
        assert!(
            (summary.mean - expected).abs() < spread * 0.02,
            "option {i}: mean {} vs {expected}",
            summary.mean
        );
    }
    // Every row of acceptabilities sums to 1 (no ties in continuous draws).
    for row in &r.acceptability {
        assert!((row.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
}

#[test]
fn smaa_agrees_with_the_numpy_reference_within_statistical_tolerance() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let input: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("smaa_reference_input.json")).expect("input"),
    )
    .expect("json");
    let output: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("smaa_reference_output.json")).expect("output"),
    )
    .expect("json");
    let to_matrix = |v: &serde_json::Value| -> Vec<Vec<f64>> {
        v.as_array()
            .expect("rows")
            .iter()
            .map(|row| {
                row.as_array()
                    .expect("row")
                    .iter()
                    .map(|x| x.as_f64().expect("number"))
                    .collect()
            })
            .collect()
    };
    let scores = to_matrix(&input["scores"]);
    // The input is the library example's own scores: keep the two in step.
    let r = appraise(&examples()[0]).expect("valid");
    for (row, o) in scores.iter().zip(&r.options) {
        for (x, y) in row.iter().zip(&o.scores) {
            assert!((x - y).abs() < 1e-9, "regenerate the reference input");
        }
    }
    let m = scores[0].len();
    let ours = smaa_on_scores(&scores, &vec![(0.0, 1.0); m], 200_000, 99).expect("runs");
    let reference = to_matrix(&output["acceptability"]);
    let draws = output["draws"].as_f64().expect("draws");
    // Two independent estimates: 4 combined standard errors of a proportion at p = ½.
    let tol = 4.0 * (0.25 / draws + 0.25 / 200_000.0).sqrt();
    for (a, b) in ours
        .acceptability
        .iter()
        .flatten()
        .zip(reference.iter().flatten())
    {
        assert!((a - b).abs() < tol, "{a} vs {b}");
    }
    let central = &output["central_weights"];
    for (i, ours_i) in ours.central_weights.iter().enumerate() {
        if let (Some(c), Some(row)) = (ours_i, central[i].as_array()) {
            for (x, y) in c.iter().zip(row) {
                assert!((x - y.as_f64().expect("number")).abs() < 0.01);
            }
        }
    }
}

#[test]
fn input_switching_values_are_where_the_lead_and_the_npsv_turn() {
    let a = &examples()[0];
    let r = appraise(a).expect("valid");
    let p = r.preferred;
    let model = FastModel::new(a).expect("valid");
    let switching = input_switching(&model, &r.weights, p);
    assert_eq!(switching.len(), 4);
    let base = model.likely();
    for sw in &switching {
        assert_eq!(sw.current, get(&base[p], sw.input));
        if let Some((x, other)) = sw.rank_change {
            assert_ne!(other, p);
            let at = |v: f64| {
                let mut d = base.clone();
                partnership_appraisal::model::robustness::switching::set(&mut d[p], sw.input, v);
                leader(&model, &d, &r.weights)
            };
            // Just past the switching value another option leads; just short of it, p does.
            let toward = (sw.current - x).signum();
            assert_eq!(at(x), other, "{:?}", sw.input);
            assert_eq!(at(x + toward * 1.0), p, "{:?}", sw.input);
        }
        if let Some(x) = sw.npsv_zero {
            let mut d = base.clone();
            partnership_appraisal::model::robustness::switching::set(&mut d[p], sw.input, x);
            assert!(model.npsv(p, &d).abs() < 1e-3, "{:?}", sw.input);
        }
    }
    // The example counts money as NPSV, so monetised social value is reported and, where it
    // moves the lead, checked by the loop above (worked by hand in
    // with_the_npsv_criterion_monetised_social_value_moves_the_lead_at_its_switching_value).
    assert!(
        switching
            .iter()
            .any(|s| s.input == Input::MonetisedSocialValue)
    );
    // Running cost: NPSV = A·(BAU running − u·running + …) − …, so it reaches zero at
    // current + NPSV / (u·A), exactly.
    let running = switching
        .iter()
        .find(|s| s.input == Input::RunningCost)
        .expect("reported");
    // Risk-adjusted, the headline: the uplift less the points taken off for costed risks.
    let c = &a.options[p].cost;
    // A pound of running cost a year is paid from go-live, at the ramp-up's share, growing
    // by its real growth: Σ D_t · (1 + q)^t · share_t.
    let go_live = c.go_live_year as usize;
    let annuity: f64 = r
        .discount_factors
        .iter()
        .enumerate()
        .filter(|(t, _)| *t >= go_live)
        .map(|(t, d)| {
            let share = c.ramp_up_pct.get(t - go_live).map_or(1.0, |x| x / 100.0);
            d * (1.0 + c.real_growth_pct / 100.0).powi(t as i32) * share
        })
        .sum();
    let u = 1.0 + (c.optimism_bias_pct.likely - c.optimism_bias_reduction_pct) / 100.0;
    let npsv = r.options[p].risk_adjusted.npsv_gbp;
    let expected = running.current + npsv / (u * annuity);
    assert!(
        (running.npsv_zero.expect("in range") - expected).abs() < 1e-3,
        "within a tenth of a penny"
    );
}

#[test]
fn a_lead_a_small_weight_change_takes_away_is_flagged_at_the_hand_worked_switch() {
    // The hand-worked case (tests/common): weights 0.5, 0.25, 0.25 on cost, capacity and
    // social value. Sweeping the social value weight t, the others keep their 2 : 1 ratio:
    //   Shared service         (1 − t)(⅔·55 + ⅓·80) + 40t = 63⅓ − 23⅓ t
    //   Community organisation (1 − t)(⅔·40 + ⅓·60) + 80t = 46⅔ + 33⅓ t
    // They cross where 16⅔ = 56⅔ t, at t = 5/17 = 0.294: 0.044 above today's 0.25, inside
    // the 0.05 that counts as fragile. (The cost sweep switches at 0.40 and the capacity sweep
    // at 1/7, both further away; business as usual and the two others never lead.)
    let a = common::hand_worked();
    let r = appraise(&a).expect("valid");
    assert_eq!(r.preferred, common::SHARED);
    let s = sensitivity(&a, &r).expect("valid");
    let social = &s.sweeps[2];
    assert_eq!(social.switches.len(), 1);
    assert!((social.switches[0].weight - 5.0 / 17.0).abs() < 1e-12);
    let cost = &s.sweeps[0].switches;
    assert!((cost[0].weight - 0.4).abs() < 1e-12, "{cost:?}");
    assert!((s.sweeps[1].switches[0].weight - 1.0 / 7.0).abs() < 1e-12);
    let warnings = fragile_warnings(&a, &r, &s, None);
    assert_eq!(
        warnings,
        [
            "Shared service leads, but Community organisation takes first place if the social value weight rises from 25% to 29% of the decision."
        ]
    );
    // Its running cost would have to rise by £100k (11%) to lose the lead: the 2.5-point
    // margin over 0.5 × 100 / £2m points per pound. Not within 5%, so not a warning.
    let running = s
        .input_switching
        .iter()
        .find(|x| x.input == Input::RunningCost)
        .expect("reported");
    let (value, challenger) = running.rank_change.expect("a switch");
    assert!((value - 1_000_000.0).abs() < 1.0, "{value}");
    assert_eq!(challenger, common::COMMUNITY);
}

#[test]
fn the_tornado_gives_the_npsv_at_each_end_of_each_range_largest_swing_first() {
    // One year, no optimism bias: the shared service's NPSV is BAU's running cost less its
    // own, £2.0m − £0.9m = £1.1m. Its running cost ranges £0.8m–£1.1m: NPSV £1.2m at the low
    // end, £0.9m at the high (a £0.3m swing). BAU's running cost ranges £1.95m–£2.1m: NPSV
    // £1.05m and £1.2m (a £0.15m swing), so it comes second.
    let mut a = common::hand_worked();
    a.options[common::SHARED].cost.annual_running_cost_gbp =
        Estimate::with_range(800_000.0, 900_000.0, 1_100_000.0);
    a.options[common::BAU].cost.annual_running_cost_gbp =
        Estimate::with_range(1_950_000.0, 2_000_000.0, 2_100_000.0);
    let r = appraise(&a).expect("valid");
    assert_eq!(r.preferred, common::SHARED);
    let s = sensitivity(&a, &r).expect("valid");
    let bars: Vec<(usize, Input, f64, f64)> = s
        .tornado
        .iter()
        .map(|t| (t.option, t.input, t.npsv_at_low, t.npsv_at_high))
        .collect();
    assert_eq!(bars.len(), 2, "{bars:?}");
    let close = |x: f64, y: f64| (x - y).abs() < 1e-6;
    assert_eq!((bars[0].0, bars[0].1), (common::SHARED, Input::RunningCost));
    assert!(close(bars[0].2, 1_200_000.0) && close(bars[0].3, 900_000.0));
    assert_eq!((bars[1].0, bars[1].1), (common::BAU, Input::RunningCost));
    assert!(close(bars[1].2, 1_050_000.0) && close(bars[1].3, 1_200_000.0));
}

#[test]
fn confidence_is_the_chance_of_first_place_over_the_input_draws() {
    // Cost and social value are equal for every option, so only capacity can separate them,
    // whatever the weights. The community organisation's capacity is triangular(2, 4, 10);
    // the shared service's is 5; the rest 0. The community organisation is first exactly
    // when its capacity is above 5: P(X > 5) = (10 − 5)² / ((10 − 2)(10 − 4)) = 25/48.
    // At its central weights (or any weights) that is also its confidence; the shared
    // service's is 23/48.
    let mut a = common::hand_worked();
    for (i, o) in a.options.iter_mut().enumerate() {
        o.cost.annual_running_cost_gbp = Estimate::new(1_000_000.0);
        o.social_value.unmonetised_rating = Estimate::new(5.0);
        o.capacity = Capacity::Overall(match i {
            common::COMMUNITY => Estimate::with_range(2.0, 4.0, 10.0),
            common::SHARED => Estimate::new(5.0),
            _ => Estimate::new(0.0),
        });
    }
    a.settings.robustness.draws = 100_000;
    let smaa = SmaaRun::new(&a).expect("valid").run_to_end().expect("runs");
    // Four standard errors of a proportion near ½ at 100,000 draws.
    let tol = 4.0 * (0.25f64 / 100_000.0).sqrt();
    let community = smaa.confidence[common::COMMUNITY].expect("sometimes first");
    let shared = smaa.confidence[common::SHARED].expect("sometimes first");
    assert!((community - 25.0 / 48.0).abs() < tol, "{community}");
    assert!((shared - 23.0 / 48.0).abs() < tol, "{shared}");
    assert!((smaa.acceptability[common::COMMUNITY][0] - 25.0 / 48.0).abs() < tol);
    assert_eq!(smaa.confidence[common::BAU], None, "never first");
}

#[test]
fn with_the_npsv_criterion_monetised_social_value_moves_the_lead_at_its_switching_value() {
    // The hand-worked case (tests/common) over one year, so D_0 = 1 and NPSV = BAU running −
    // running + social value − BAU's. Counted as NPSV on a local scale (worst 0, best 100):
    // Community organisation 800,000 + c (c its monetised social value), Shared service
    // 1,100,000, the others 0 and 200,000. Capacity and social value add 15 + 20 = 35 points
    // to the Community organisation and 20 + 10 = 30 to the Shared service.
    // With c below 300,000 the Shared service is best on money: it scores 50 + 30 = 80 and
    // the Community organisation 0.5 × 100 × (800,000 + c) / 1,100,000 + 35, which reaches
    // 80 at c = 190,000. Above that the Community organisation leads.
    let mut a = common::hand_worked();
    a.set_money_measure(Measure::Npsv);
    a.options[common::COMMUNITY]
        .social_value
        .monetised_gbp_per_year = Estimate::new(400_000.0);
    let r = appraise(&a).expect("valid");
    assert_eq!(r.preferred, common::COMMUNITY);
    let model = FastModel::new(&a).expect("valid");
    let social = input_switching(&model, &r.weights, common::COMMUNITY)
        .into_iter()
        .find(|s| s.input == Input::MonetisedSocialValue)
        .expect("reported");
    let (at, other) = social.rank_change.expect("social value now moves the lead");
    assert_eq!(other, common::SHARED);
    assert!((at - 190_000.0).abs() < 1.0, "{at}");
    // The full engine agrees either side of it.
    for (c, leader) in [(189_000.0, common::SHARED), (191_000.0, common::COMMUNITY)] {
        let mut b = a.clone();
        b.options[common::COMMUNITY]
            .social_value
            .monetised_gbp_per_year = Estimate::new(c);
        assert_eq!(appraise(&b).expect("valid").preferred, leader, "at £{c}");
    }
    // Counted as whole-life cost instead, social value never moves the lead.
    a.set_money_measure(Measure::WholeLifeCost);
    let r = appraise(&a).expect("valid");
    let model = FastModel::new(&a).expect("valid");
    let social = input_switching(&model, &r.weights, r.preferred)
        .into_iter()
        .find(|s| s.input == Input::MonetisedSocialValue)
        .expect("reported");
    assert!(social.rank_change.is_none());
}

#[test]
fn a_lone_risk_costs_its_probability_times_its_impact_on_average() {
    // One risk on the Community organisation: 30% × £1,000,000 in year 0 (D_0 = 1). A draw
    // costs £1m with probability 0.3, else 0: mean 300,000, standard deviation
    // 1,000,000·√(0.3·0.7) = 458,258, so over 100,000 draws the standard error is 1,449 and
    // four of them, 5,800, bound the mean. With an impact range of 600k / 1m / 2m the mean
    // is 0.3 × (0.6 + 1 + 2)m / 3 = 360,000 (the triangular mean), sd below 560,000.
    use partnership_appraisal::model::robustness::sample::Draws;
    for (impact, expected) in [
        (Estimate::new(1_000_000.0), 300_000.0),
        (
            Estimate::with_range(600_000.0, 1_000_000.0, 2_000_000.0),
            360_000.0,
        ),
    ] {
        let mut a = common::hand_worked();
        a.options[common::COMMUNITY].cost.risks = vec![Risk {
            description: "Volunteers fall away".into(),
            probability_pct: 30.0,
            impact_gbp: impact,
            first_year: 0,
            last_year: 0,
            mitigation: String::new(),
        }];
        let model = FastModel::new(&a).expect("valid");
        assert!(model.is_uncertain(), "a risk that may or may not happen");
        // The central figures carry its expected cost exactly: 30% of the likely £1m.
        let likely = model.likely();
        assert!((likely[common::COMMUNITY].risk_cost_pv - 300_000.0).abs() < 1e-6);
        let mut rng = Draws::new(11);
        let mut drawn = model.likely();
        let n = 100_000;
        let mut sum = 0.0;
        for _ in 0..n {
            model.draw_random(&mut rng, &mut drawn, &mut []);
            sum += drawn[common::COMMUNITY].risk_cost_pv;
        }
        let mean = sum / f64::from(n);
        assert!((mean - expected).abs() < 7_000.0, "{mean} vs {expected}");
    }
}

#[test]
fn options_tied_to_one_shared_driver_move_together_in_every_draw() {
    // Two options' running costs on different ranges, both tied to "Pay award": in every
    // draw each sits at the same quantile of its own triangular range. The CDF, worked from
    // the density: F(x) = (x − a)² / ((b − a)(c − a)) up to the mode c, then
    // 1 − (b − x)² / ((b − a)(b − c)).
    use partnership_appraisal::model::robustness::sample::Draws;
    let cdf = |x: f64, (a, c, b): (f64, f64, f64)| {
        if x <= c {
            (x - a).powi(2) / ((b - a) * (c - a))
        } else {
            1.0 - (b - x).powi(2) / ((b - a) * (b - c))
        }
    };
    let ranges = [
        (common::COMMUNITY, (1_000_000.0, 1_200_000.0, 1_700_000.0)),
        (common::SHARED, (800_000.0, 900_000.0, 950_000.0)),
        (common::CONTRACTING, (1_500_000.0, 1_800_000.0, 2_000_000.0)),
    ];
    let mut a = common::hand_worked();
    for (i, (low, likely, high)) in ranges {
        a.options[i].cost.annual_running_cost_gbp = Estimate::with_range(low, likely, high);
    }
    for i in [common::COMMUNITY, common::SHARED] {
        a.options[i]
            .drivers
            .insert("running_cost".into(), "Pay award".into());
    }
    assert!(validate(&a).is_empty(), "{:?}", validate(&a));
    let model = FastModel::new(&a).expect("valid");
    assert_eq!(model.driver_names, vec!["Pay award".to_string()]);
    let mut rng = Draws::new(5);
    let mut drawn = model.likely();
    let mut u = vec![0.0];
    let mut untied_apart = 0;
    for _ in 0..2_000 {
        model.draw_random(&mut rng, &mut drawn, &mut u);
        let q: Vec<f64> = ranges
            .iter()
            .map(|&(i, r)| cdf(drawn[i].running, r))
            .collect();
        assert!((q[0] - q[1]).abs() < 1e-9, "tied: {q:?}");
        assert!((q[0] - u[0]).abs() < 1e-9, "at the driver's own quantile");
        if (q[0] - q[2]).abs() > 0.05 {
            untied_apart += 1;
        }
    }
    // The untied option is drawn on its own: apart from the pair in most draws.
    assert!(untied_apart > 1_500, "{untied_apart}");
}
