//! Status lines for the workshop steps.

use super::{and_list, possessive};
use crate::model::Appraisal;
use crate::model::groups::WorkshopStep;

/// What a workshop step did, and what to do next, in one line for the status bar.
pub fn step_status(appraisal: &Appraisal, step: &WorkshopStep) -> String {
    let group = |k: usize| {
        appraisal
            .groups
            .get(k)
            .map_or_else(String::new, |g| g.name.clone())
    };
    match step {
        WorkshopStep::Added(names) => format!(
            "Added {}: press Enter weights for each group in turn.",
            and_list(names)
        ),
        WorkshopStep::Removed(name) => {
            format!("Removed the group {name} (Ctrl+Z brings it back).")
        }
        WorkshopStep::Entering(k) => format!(
            "{} are entering their weights; the other groups' are hidden.",
            group(*k)
        ),
        WorkshopStep::DoneEntering { group: k, next } => {
            let next = match next {
                Some(n) => format!("Next: Enter weights for {}", group(*n)),
                None => "Next: Reveal every group's weights (Ctrl+Shift+G)".to_string(),
            };
            format!("{} weights are hidden. {next}.", possessive(&group(*k)))
        }
        WorkshopStep::RevealedAll => {
            "Every group's weights are revealed: see the Workshop groups tab under Results."
                .to_string()
        }
        WorkshopStep::UsedCombinedWeights => {
            "The appraisal now uses the groups' combined weights (Ctrl+Z undoes it).".to_string()
        }
        WorkshopStep::Nothing => "There are no groups to do that with.".to_string(),
    }
}
