//! The robustness findings in words: fragile-lead warnings, switching values.

use crate::model::format::gbp;
use crate::model::robustness::{FragileLead, Input, Sensitivity, SmaaResult, fragile_leads};
use crate::model::{Appraisal, Results, WeightInformation};

/// The weightings the robustness draws range over, as a noun phrase for "first in 40% of …".
pub fn weightings(info: WeightInformation) -> &'static str {
    match info {
        WeightInformation::RankedSwingWeights => {
            "weightings that keep the criteria's order of importance"
        }
        WeightInformation::AnyWeights => "weightings of any kind at all",
    }
}

/// The acceptability chart's reading: who comes first most often, over which weightings,
/// and, when that is not the preferred option, why the two can differ.
pub fn first_most_often(
    info: WeightInformation,
    draws: u32,
    most_often: &str,
    preferred: &str,
    preferred_is_among_them: bool,
) -> String {
    let head = format!(
        "Over {draws} draws of {}, first most often: {most_often}.",
        weightings(info)
    );
    if preferred_is_among_them {
        head
    } else {
        format!(
            "{head} {preferred} is preferred at the agreed weights; it comes first less often when the weights vary, so its lead rests on the weights as agreed."
        )
    }
}

/// The weight information in use, as a sentence for the window and the report.
pub fn weight_information_line(info: WeightInformation, bounded: bool) -> String {
    let limits = if bounded {
        " Any limits set on a weight are kept too."
    } else {
        ""
    };
    match info {
        WeightInformation::RankedSwingWeights => format!(
            "The robustness draws try every split of the weights that keeps the criteria in the order of importance the swing weights give (equal swing weights may fall either way).{limits}"
        ),
        WeightInformation::AnyWeights => format!(
            "The robustness draws try any weights at all, including splits no one in the room holds (all the weight on one criterion).{limits}"
        ),
    }
}

/// An input's value as the user sees it: £ for money, % for optimism bias, a rating else.
pub fn input_value(input: Input, x: f64) -> String {
    match input {
        Input::OptimismBias => format!("{x:.1}%"),
        Input::TransitionCost | Input::RunningCost | Input::MonetisedSocialValue => gbp(x),
        _ => format!("{x:.1}"),
    }
}

/// A normalised weight as people read weights here: "29%" (of the decision).
pub fn share(weight: f64) -> String {
    format!("{:.0}%", weight * 100.0)
}

/// One fragile-lead finding as a sentence naming the leader, the challenger and the change.
pub fn fragile_lead(appraisal: &Appraisal, leader: usize, finding: &FragileLead) -> String {
    let name = |i: usize| appraisal.options[i].name.as_str();
    let leader = name(leader);
    match *finding {
        FragileLead::WeightSwitch {
            criterion,
            current_weight,
            switch_weight,
            challenger,
        } => format!(
            "{leader} leads, but {} takes first place if the {} weight {} from {} to {} of the decision.",
            name(challenger),
            appraisal.criteria[criterion].name.to_lowercase(),
            if switch_weight > current_weight {
                "rises"
            } else {
                "falls"
            },
            share(current_weight),
            share(switch_weight),
        ),
        FragileLead::RarelyFirst { first_share, draws } => format!(
            "{leader} leads at the agreed weights, but is first in only {:.0}% of {} ({draws} draws).",
            first_share * 100.0,
            weightings(appraisal.settings.robustness.weight_information)
        ),
        FragileLead::InputSwitch {
            input,
            current,
            value,
            challenger,
            change_fraction,
        } => format!(
            "{leader} leads, but {} takes first place if its {} moves from {} to {} ({:+.1}%).",
            name(challenger),
            input.label(),
            input_value(input, current),
            input_value(input, value),
            change_fraction * 100.0
        ),
    }
}

/// Every fragile-lead warning for the preferred option, nearest threat first.
pub fn fragile_warnings(
    appraisal: &Appraisal,
    results: &Results,
    sensitivity: &Sensitivity,
    smaa: Option<&SmaaResult>,
) -> Vec<String> {
    fragile_leads(appraisal, results, sensitivity, smaa)
        .iter()
        .map(|finding| fragile_lead(appraisal, results.preferred, finding))
        .collect()
}

/// One criterion's weight switching values: "Cost (now 28.0% of the decision): at 41.2%:
/// A → B".
/// `switches` holds (weight, leader below it, leader above it).
pub fn weight_switching_line(
    criterion: &str,
    current_weight: f64,
    switches: &[(f64, &str, &str)],
) -> String {
    let parts: Vec<String> = switches
        .iter()
        .map(|(weight, below, above)| format!("at {:.1}%: {below} → {above}", weight * 100.0))
        .collect();
    format!(
        "{criterion} (now {:.1}% of the decision): {}",
        current_weight * 100.0,
        if parts.is_empty() {
            "the leader never changes".to_string()
        } else {
            parts.join("; ")
        }
    )
}

/// One money input of the preferred option: the value that changes the leader (and who then
/// leads) and the value at which its NPSV reaches zero.
pub fn input_switching_line(
    input: Input,
    current: f64,
    changing_leader: Option<(f64, &str)>,
    npsv_zero: Option<f64>,
) -> String {
    let lead = match changing_leader {
        Some((value, who)) => format!("{who} leads if it reaches {}", input_value(input, value)),
        None => "does not change the leader".to_string(),
    };
    let zero = npsv_zero.map_or("NPSV stays on the same side of zero".to_string(), |v| {
        format!("NPSV reaches zero at {}", input_value(input, v))
    });
    format!(
        "{} (now {}): {lead}; {zero}.",
        input.label(),
        input_value(input, current)
    )
}
