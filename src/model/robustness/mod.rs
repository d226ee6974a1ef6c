//! How robust is the winner? Weight sweeps with exact switching values, input switching
//! values, the NPSV tornado (cheap: worked out with every change), and SMAA with Monte Carlo
//! on money (heavier: run in chunks, off the UI thread in the app).

pub mod batch;
pub mod fast;
pub mod sample;
pub mod smaa;
pub mod sweep;
pub mod switching;

use super::{Appraisal, Results};
pub use fast::{FastModel, Input};
pub use smaa::{
    NpsvSummary, PROVISIONAL_NPSV_DRAWS, SmaaResult, SmaaRun, WeightSpace, importance_tiers,
    smaa_in_space, smaa_on_scores,
};
pub use sweep::{Sweep, Switch, sweeps};
pub use switching::{InputSwitching, TornadoBar, input_switching, tornado};

/// The appraisal could not be reduced to a fast model (it is invalid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the appraisal is not valid, so its robustness cannot be worked out")]
pub struct FastModelError;

/// Why an SMAA run could not give figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SmaaError {
    #[error(transparent)]
    Invalid(#[from] FastModelError),
    /// Fewer than one candidate weighting in `MAX_REJECTIONS_PER_DRAW` fell inside the bounds.
    #[error("the weight bounds are too narrow to draw weightings inside them")]
    BoundsTooNarrow,
}

/// The deterministic robustness figures for the current inputs and weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub sweeps: Vec<Sweep>,
    pub input_switching: Vec<InputSwitching>,
    pub tornado: Vec<TornadoBar>,
}

pub fn sensitivity(
    appraisal: &Appraisal,
    results: &Results,
) -> Result<Sensitivity, FastModelError> {
    let model = FastModel::new(appraisal).ok_or(FastModelError)?;
    let scores: Vec<Vec<f64>> = results.options.iter().map(|o| o.scores.clone()).collect();
    Ok(Sensitivity {
        sweeps: sweeps(&scores, &results.weights),
        input_switching: input_switching(&model, &results.weights, results.preferred),
        tornado: tornado(&model, results.preferred),
    })
}

/// The nearest weight change, over all criteria, at which another option takes the lead:
/// (criterion index, the switch).
pub fn nearest_weight_switch(sensitivity: &Sensitivity) -> Option<(usize, Switch)> {
    sensitivity
        .sweeps
        .iter()
        .flat_map(|sw| {
            let (above, below) = sw.nearest_switches();
            [above, below]
                .into_iter()
                .flatten()
                .map(move |x| (sw.criterion, x, (x.weight - sw.current_weight).abs()))
        })
        .min_by(|a, b| a.2.total_cmp(&b.2))
        .map(|(j, x, _)| (j, x))
}

/// Why the leader's lead is fragile, as facts; `crate::words` says each in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FragileLead {
    /// Another option takes first place within a small change of one weight.
    WeightSwitch {
        criterion: usize,
        current_weight: f64,
        switch_weight: f64,
        challenger: usize,
    },
    /// The leader is first in too small a share of the SMAA weightings.
    RarelyFirst { first_share: f64, draws: u32 },
    /// Another option takes first place within a small change of one of the leader's
    /// money inputs.
    InputSwitch {
        input: Input,
        current: f64,
        value: f64,
        challenger: usize,
        /// (value − current) / current; infinite when the input is now zero.
        change_fraction: f64,
    },
}

/// Every way the leader is fragile, by the thresholds in the settings, nearest threat first.
pub fn fragile_leads(
    appraisal: &Appraisal,
    results: &Results,
    sensitivity: &Sensitivity,
    smaa: Option<&SmaaResult>,
) -> Vec<FragileLead> {
    let settings = &appraisal.settings.robustness;
    let mut found = Vec::new();
    if let Some((criterion, switch)) = nearest_weight_switch(sensitivity) {
        let current_weight = sensitivity.sweeps[criterion].current_weight;
        if (switch.weight - current_weight).abs() <= settings.fragile_weight_change_share {
            let rises = switch.weight > current_weight;
            found.push(FragileLead::WeightSwitch {
                criterion,
                current_weight,
                switch_weight: switch.weight,
                challenger: if rises { switch.after } else { switch.before },
            });
        }
    }
    if let Some(smaa) = smaa {
        let first_share = smaa.acceptability[results.preferred][0];
        if first_share < settings.fragile_acceptability_share {
            found.push(FragileLead::RarelyFirst {
                first_share,
                draws: smaa.draws,
            });
        }
    }
    for switching in &sensitivity.input_switching {
        if let Some((value, challenger)) = switching.rank_change {
            let change_fraction = if switching.current.abs() > 0.0 {
                (value - switching.current) / switching.current
            } else {
                f64::INFINITY
            };
            if change_fraction.abs() <= settings.fragile_input_change_fraction {
                found.push(FragileLead::InputSwitch {
                    input: switching.input,
                    current: switching.current,
                    value,
                    challenger,
                    change_fraction,
                });
            }
        }
    }
    found
}
