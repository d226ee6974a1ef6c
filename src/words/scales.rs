//! Scales in words: what each criterion's 0–100 scale runs between, and why a score moved
//! when its option's own figures did not.

use super::and_list;
use crate::model::format::gbp;
use crate::model::mca::{Swing, swing};
use crate::model::{Appraisal, Measure, Results, Scale};

/// A raw value as the criterion measures it: £ for cost, a rating otherwise.
pub fn raw_value(measure: Measure, x: f64) -> String {
    match measure {
        Measure::WholeLifeCost | Measure::Npsv => gbp(x),
        _ => format!("{x:.1}"),
    }
}

/// The swing of criterion `j` over the options now.
pub fn criterion_swing(appraisal: &Appraisal, results: &Results, j: usize) -> Option<Swing> {
    let raw: Vec<f64> = results.options.iter().map(|o| o.raw_values[j]).collect();
    swing(&raw, appraisal.criteria[j].measure.higher_is_better())
}

/// The bar under a weight slider, on hover.
pub fn share_bar(criterion: &str, share: f64) -> String {
    format!(
        "{criterion} is {:.0}% of the decision: the bar is its share of all the weights together. Move the slider above to change it.",
        share * 100.0
    )
}

/// Under the weights while some option still lacks figures (or the appraisal is invalid).
pub const SWING_WAITS: &str =
    "Each criterion's swing from worst to best shows here once every option has its figures.";

/// "Worst £36.2m (Business as usual) → best £34.6m (Shared service), 4% apart", or for a
/// fixed scale the values that score 0 and 100.
pub fn swing_line(appraisal: &Appraisal, results: &Results, j: usize) -> String {
    let criterion = &appraisal.criteria[j];
    let value = |x| raw_value(criterion.measure, x);
    match criterion.scale {
        Scale::Fixed { worst, best } => {
            format!(
                "Fixed scale: {} scores 0, {} scores 100.",
                value(worst),
                value(best)
            )
        }
        Scale::Local => match criterion_swing(appraisal, results, j) {
            Some(s) if s.worst_raw == s.best_raw => {
                "Every option is the same on this criterion: it separates nothing.".to_string()
            }
            Some(s) => {
                let name = |i: usize| appraisal.options[i].name.as_str();
                let apart = match criterion.measure {
                    Measure::WholeLifeCost if s.worst_raw > 0.0 => format!(
                        ", {:.0}% apart",
                        100.0 * (s.worst_raw - s.best_raw) / s.worst_raw
                    ),
                    Measure::WholeLifeCost => String::new(),
                    Measure::Npsv => format!(", {} apart", gbp(s.best_raw - s.worst_raw)),
                    _ => " (out of 10)".to_string(),
                };
                format!(
                    "Worst {} ({}), best {} ({}){apart}.",
                    value(s.worst_raw),
                    name(s.worst),
                    value(s.best_raw),
                    name(s.best)
                )
            }
            None => String::new(),
        },
    }
}

/// Scores that moved though their options' own figures did not: on a local scale the worst
/// option scores 0 and the best 100, so a change at either end moves every score. One
/// sentence per criterion where it happened, comparing `before` with `after`.
pub fn rescaled(appraisal: &Appraisal, before: &Results, after: &Results) -> Vec<String> {
    let mut notes = Vec::new();
    for (j, criterion) in appraisal.criteria.iter().enumerate() {
        if criterion.scale != Scale::Local || before.options.len() != after.options.len() {
            continue;
        }
        let moved: Vec<usize> = (0..after.options.len())
            .filter(|&i| {
                let (b, a) = (&before.options[i], &after.options[i]);
                b.raw_values.get(j) == a.raw_values.get(j)
                    && (b.scores[j] - a.scores[j]).abs() >= 0.5
            })
            .collect();
        let Some(s) = criterion_swing(appraisal, after, j) else {
            continue;
        };
        if moved.is_empty() {
            continue;
        }
        let names: Vec<&str> = moved
            .iter()
            .map(|&i| appraisal.options[i].name.as_str())
            .collect();
        let value = |x| raw_value(criterion.measure, x);
        notes.push(format!(
            "The {} score of {} moved although {} figures did not: {} is on a local scale, which now runs from {} ({}, scores 0) to {} ({}, scores 100).",
            criterion.name.to_lowercase(),
            and_list(&names),
            if names.len() == 1 { "its" } else { "their" },
            criterion.name,
            appraisal.options[s.worst].name,
            value(s.worst_raw),
            appraisal.options[s.best].name,
            value(s.best_raw),
        ));
    }
    notes
}
