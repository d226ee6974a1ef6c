//! The robustness findings as report data: sweeps, switching values, tornado, SMAA.

use serde::Serialize;

use crate::model::robustness::{self, Input, Sensitivity, SmaaError, SmaaResult};
use crate::model::{Appraisal, Results};

#[derive(Debug, Clone, Serialize)]
pub struct RobustnessReport {
    pub draws: u32,
    pub seed: u64,
    /// What the weight draws keep of the room's weights, in words ("weightings that keep
    /// the criteria's order of importance").
    pub weightings: String,
    /// Half-width of the 95% interval of any acceptability at this number of draws.
    pub acceptability_margin: f64,
    /// Plain-words warnings that the leader is fragile (empty when it is not).
    pub fragile_warnings: Vec<String>,
    pub weight_switching: Vec<WeightSwitchingReport>,
    /// Money inputs of the preferred option.
    pub input_switching: Vec<InputSwitchingReport>,
    pub tornado: Vec<TornadoReport>,
    pub options: Vec<OptionRobustnessReport>,
    /// None when the SMAA could not run (weight bounds too narrow).
    pub smaa_error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WeightSwitchingReport {
    pub criterion_id: String,
    pub current_weight: f64,
    pub switches: Vec<SwitchReport>,
    /// Each option's weighted score with this weight at 0 and at 1 (the others in
    /// proportion); totals are linear in between.
    pub totals_at_zero: Vec<f64>,
    pub totals_at_one: Vec<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SwitchReport {
    pub weight: f64,
    pub leader_below: String,
    pub leader_above: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct InputSwitchingReport {
    pub option: String,
    pub input: String,
    /// Which input, for the sentences (the JSON names it in `input`).
    #[serde(skip)]
    pub input_kind: Input,
    pub current: f64,
    pub value_changing_leader: Option<f64>,
    pub new_leader: Option<String>,
    pub value_for_zero_npsv: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TornadoReport {
    pub option: String,
    pub input: String,
    pub preferred_npsv_at_low_gbp: f64,
    pub preferred_npsv_at_high_gbp: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionRobustnessReport {
    pub name: String,
    /// Share of draws at rank 1, 2, ….
    pub rank_acceptability: Vec<f64>,
    pub central_weights: Option<Vec<f64>>,
    pub confidence_factor: Option<f64>,
    pub npsv_p10_gbp: f64,
    pub npsv_p50_gbp: f64,
    pub npsv_p90_gbp: f64,
    pub npsv_mean_gbp: f64,
    pub probability_npsv_positive: f64,
}

/// Works out every robustness figure for the report (SMAA runs here, in full).
pub fn build(appraisal: &Appraisal, results: &Results) -> Option<RobustnessReport> {
    let s = robustness::sensitivity(appraisal, results).ok()?;
    let smaa = robustness::SmaaRun::new(appraisal).ok()?.run_to_end();
    Some(from_parts(appraisal, results, &s, smaa))
}

/// The report from figures already worked out (the app passes its own, so they agree).
pub fn from_parts(
    appraisal: &Appraisal,
    results: &Results,
    sensitivity: &Sensitivity,
    smaa: Result<SmaaResult, SmaaError>,
) -> RobustnessReport {
    let name = |i: usize| appraisal.options[i].name.clone();
    let (smaa, smaa_error) = match smaa {
        Ok(x) => (Some(x), None),
        Err(e) => (None, Some(e.to_string())),
    };
    RobustnessReport {
        draws: smaa.as_ref().map_or(0, |x| x.draws),
        seed: appraisal.settings.robustness.seed,
        weightings: crate::words::robustness::weightings(
            appraisal.settings.robustness.weight_information,
        )
        .to_string(),
        acceptability_margin: smaa.as_ref().map_or(0.0, |x| x.margin),
        fragile_warnings: crate::words::robustness::fragile_warnings(
            appraisal,
            results,
            sensitivity,
            smaa.as_ref(),
        ),
        weight_switching: sensitivity
            .sweeps
            .iter()
            .map(|sw| WeightSwitchingReport {
                criterion_id: appraisal.criteria[sw.criterion].id.clone(),
                current_weight: sw.current_weight,
                totals_at_zero: sw.at_zero.clone(),
                totals_at_one: sw.at_one.clone(),
                switches: sw
                    .switches
                    .iter()
                    .map(|x| SwitchReport {
                        weight: x.weight,
                        leader_below: name(x.before),
                        leader_above: name(x.after),
                    })
                    .collect(),
            })
            .collect(),
        input_switching: sensitivity
            .input_switching
            .iter()
            .map(|x| InputSwitchingReport {
                option: name(results.preferred),
                input: x.input.label().to_string(),
                input_kind: x.input,
                current: x.current,
                value_changing_leader: x.rank_change.map(|c| c.0),
                new_leader: x.rank_change.map(|c| name(c.1)),
                value_for_zero_npsv: x.npsv_zero,
            })
            .collect(),
        tornado: sensitivity
            .tornado
            .iter()
            .map(|t| TornadoReport {
                option: name(t.option),
                input: t.input.label().to_string(),
                preferred_npsv_at_low_gbp: t.npsv_at_low,
                preferred_npsv_at_high_gbp: t.npsv_at_high,
            })
            .collect(),
        options: smaa
            .as_ref()
            .map(|x| {
                (0..appraisal.options.len())
                    .map(|i| OptionRobustnessReport {
                        name: name(i),
                        rank_acceptability: x.acceptability[i].clone(),
                        central_weights: x.central_weights[i].clone(),
                        confidence_factor: x.confidence[i],
                        npsv_p10_gbp: x.npsv[i].p10,
                        npsv_p50_gbp: x.npsv[i].p50,
                        npsv_p90_gbp: x.npsv[i].p90,
                        npsv_mean_gbp: x.npsv[i].mean,
                        probability_npsv_positive: x.npsv[i].p_positive,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        smaa_error,
    }
}

impl RobustnessReport {
    /// One line per criterion: the weights at which the leader changes.
    pub fn weight_switching_lines(&self, criteria: &[super::CriterionReport]) -> Vec<String> {
        self.weight_switching
            .iter()
            .zip(criteria)
            .map(|(w, c)| {
                let switches: Vec<(f64, &str, &str)> = w
                    .switches
                    .iter()
                    .map(|x| (x.weight, x.leader_below.as_str(), x.leader_above.as_str()))
                    .collect();
                crate::words::robustness::weight_switching_line(
                    &c.name,
                    w.current_weight,
                    &switches,
                )
            })
            .collect()
    }

    /// One line per money input of the preferred option: the value that changes the leader
    /// and the value at which its NPSV reaches zero.
    pub fn input_switching_lines(&self) -> Vec<String> {
        self.input_switching
            .iter()
            .map(|x| {
                crate::words::robustness::input_switching_line(
                    x.input_kind,
                    x.current,
                    x.value_changing_leader.zip(x.new_leader.as_deref()),
                    x.value_for_zero_npsv,
                )
            })
            .collect()
    }
}
