//! Robustness findings as sentences, shared by the Markdown and HTML reports so both say
//! the same thing in the same words. Plain text: each format escapes it its own way.

use super::Report;
use super::robustness::RobustnessReport;
use crate::model::format::gbp;

/// One line per criterion: the weights at which the leader changes.
pub fn weight_switching(r: &Report, rb: &RobustnessReport) -> Vec<String> {
    rb.weight_switching
        .iter()
        .zip(&r.criteria)
        .map(|(w, c)| {
            let switches: Vec<String> = w
                .switches
                .iter()
                .map(|x| {
                    format!(
                        "at {:.3}: {} → {}",
                        x.weight, x.leader_below, x.leader_above
                    )
                })
                .collect();
            format!(
                "{} (now {:.3}): {}",
                c.name,
                w.current_weight,
                if switches.is_empty() {
                    "the leader never changes".to_string()
                } else {
                    switches.join("; ")
                }
            )
        })
        .collect()
}

/// One line per money input of the preferred option: the value that changes the leader and
/// the value at which its NPSV reaches zero.
pub fn input_switching(rb: &RobustnessReport) -> Vec<String> {
    rb.input_switching
        .iter()
        .map(|x| {
            let lead = match (x.value_changing_leader, &x.new_leader) {
                (Some(v), Some(who)) => {
                    format!("{who} leads if it reaches {}", money_or_pct(&x.input, v))
                }
                _ => "does not change the leader".to_string(),
            };
            let zero = x
                .value_for_zero_npsv
                .map_or("NPSV stays on the same side of zero".to_string(), |v| {
                    format!("NPSV reaches zero at {}", money_or_pct(&x.input, v))
                });
            format!(
                "{} (now {}): {lead}; {zero}.",
                x.input,
                money_or_pct(&x.input, x.current)
            )
        })
        .collect()
}

fn money_or_pct(input: &str, x: f64) -> String {
    if input.contains("bias") {
        format!("{x:.1}%")
    } else {
        gbp(x)
    }
}
