//! The workshop groups' comparison in words.

use super::and_list;
use crate::model::Appraisal;
use crate::model::groups::GroupComparison;

/// Whether the groups agree, in one sentence: "Every group puts Shared service first." or
/// "The groups differ: Councillors and Officers put Shared service first; Community
/// representatives put Community library trust first." Options tied for first are named
/// together ("put X and Y joint first").
pub fn agreement(appraisal: &Appraisal, comparison: &GroupComparison) -> String {
    let firsts = |options: &[usize]| {
        let names: Vec<&str> = options
            .iter()
            .map(|&i| appraisal.options[i].name.as_str())
            .collect();
        if names.len() > 1 {
            format!("{} joint first", and_list(&names))
        } else {
            format!("{} first", and_list(&names))
        }
    };
    let places = comparison.first_places();
    if let [place] = places.as_slice() {
        return format!("Every group puts {}.", firsts(&place.options));
    }
    let parts: Vec<String> = places
        .iter()
        .map(|place| {
            let who: Vec<&str> = place
                .groups
                .iter()
                .map(|&k| comparison.groups[k].name.as_str())
                .collect();
            format!("{} put {}", and_list(&who), firsts(&place.options))
        })
        .collect();
    format!("The groups differ: {}.", parts.join("; "))
}

/// "Combined (mean of the groups' weights): Shared service first, scoring 61.2."
pub fn combined_summary(appraisal: &Appraisal, comparison: &GroupComparison) -> String {
    let combined = &comparison.combined;
    format!(
        "Combined (mean of the groups' weights): {} first, scoring {:.1}.",
        appraisal.options[combined.leader].name, combined.totals[combined.leader]
    )
}

/// "2 of 3 groups' weights are hidden: reveal them to compare."
pub fn hidden_groups(hidden: usize, total: usize) -> String {
    format!("{hidden} of {total} groups' weights are hidden: reveal them to compare.")
}
