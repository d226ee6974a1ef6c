//! How robust is the winner? Weight sweeps with exact switching values, input switching
//! values, the NPSV tornado (cheap: worked out with every change), and SMAA with Monte Carlo
//! on money (heavier: run in chunks, off the UI thread in the app).

pub mod batch;
pub mod fast;
pub mod sample;
pub mod smaa;
pub mod sweep;
pub mod switching;

use super::format::gbp;
use super::{Appraisal, Results};
pub use fast::{FastModel, Input};
pub use smaa::{NpsvSummary, SmaaResult, SmaaRun, smaa_on_scores};
pub use sweep::{Sweep, Switch, sweeps};
pub use switching::{InputSwitching, TornadoBar, input_switching, tornado};

/// The appraisal could not be reduced to a fast model (it is invalid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the appraisal is not valid, so its robustness cannot be worked out")]
pub struct FastModelError;

/// The deterministic robustness figures for the current inputs and weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub sweeps: Vec<Sweep>,
    pub input_switching: Vec<InputSwitching>,
    pub tornado: Vec<TornadoBar>,
}

pub fn sensitivity(a: &Appraisal, r: &Results) -> Result<Sensitivity, FastModelError> {
    let model = FastModel::new(a).ok_or(FastModelError)?;
    let scores: Vec<Vec<f64>> = r.options.iter().map(|o| o.scores.clone()).collect();
    Ok(Sensitivity {
        sweeps: sweeps(&scores, &r.weights),
        input_switching: input_switching(&model, &r.weights, r.preferred),
        tornado: tornado(&model, r.preferred),
    })
}

/// The nearest weight change, over all criteria, at which another option takes the lead:
/// (criterion index, the switch).
pub fn nearest_weight_switch(s: &Sensitivity) -> Option<(usize, Switch)> {
    s.sweeps
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

/// Plain-words warnings that the leader is fragile, by the thresholds in the settings.
pub fn fragile_warnings(
    a: &Appraisal,
    r: &Results,
    s: &Sensitivity,
    smaa: Option<&SmaaResult>,
) -> Vec<String> {
    let settings = &a.settings.robustness;
    let leader = &a.options[r.preferred].name;
    let mut warnings = Vec::new();
    if let Some((j, switch)) = nearest_weight_switch(s) {
        let current = s.sweeps[j].current_weight;
        if (switch.weight - current).abs() <= settings.fragile_weight_change {
            let rises = switch.weight > current;
            let challenger = if rises { switch.after } else { switch.before };
            warnings.push(format!(
                "{leader} leads, but {} takes first place if the {} weight {} from {:.2} to {:.2}.",
                a.options[challenger].name,
                a.criteria[j].name.to_lowercase(),
                if rises { "rises" } else { "falls" },
                current,
                switch.weight
            ));
        }
    }
    if let Some(smaa) = smaa {
        let first = smaa.acceptability[r.preferred][0];
        if first < settings.fragile_acceptability {
            warnings.push(format!(
                "{leader} is first in only {:.0}% of plausible weightings ({} draws).",
                first * 100.0,
                smaa.draws
            ));
        }
    }
    for sw in &s.input_switching {
        if let Some((x, other)) = sw.rank_change {
            let change = if sw.current.abs() > 0.0 {
                (x - sw.current) / sw.current
            } else {
                f64::INFINITY
            };
            if change.abs() <= settings.fragile_input_change {
                warnings.push(format!(
                    "{leader} leads, but {} takes first place if its {} moves from {} to {} ({:+.1}%).",
                    a.options[other].name,
                    sw.input.label(),
                    input_text(sw.input, sw.current),
                    input_text(sw.input, x),
                    change * 100.0
                ));
            }
        }
    }
    warnings
}

/// An input's value as the user sees it.
pub fn input_text(input: Input, x: f64) -> String {
    match input {
        Input::OptimismBias => format!("{x:.1}%"),
        Input::TransitionCost | Input::RunningCost | Input::MonetisedSocialValue => gbp(x),
        _ => format!("{x:.1}"),
    }
}
