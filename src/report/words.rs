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

/// The method statement after the discount schedule: how optimism bias is used, the rules of
/// `method_text`, and what the robustness figures and the group ranking rest on.
pub fn method_statements(r: &Report) -> Vec<String> {
    let m = &r.method;
    let mut lines = vec![format!(
        "The ranking and the cost criterion use figures {} optimism bias.",
        if m.optimism_bias_applied_to_ranking {
            "with"
        } else {
            "without"
        }
    )];
    lines.extend(
        [
            &m.comparator,
            &m.costs_and_benefits,
            &m.bcr_definition,
            &m.payback_definition,
            &m.normalisation,
            &m.weighting,
            &m.capacity_rule,
        ]
        .map(String::clone),
    );
    if let Some(rb) = &r.robustness {
        lines.push(format!(
            "Robustness: one-weight sweeps with exact switching values; input switching values for the preferred option; SMAA (stochastic multi-criteria acceptability analysis) with weightings drawn at random, every possible weighting equally likely (within any bounds the workshop agreed), and the uncertain inputs drawn from triangular low / likely / high ranges; {} draws, seed {} (the same file and seed always give the same figures).",
            rb.draws, rb.seed
        ));
    }
    if r.groups.is_some() {
        lines.push("Workshop groups: each group's swing weights are normalised to sum to 1; the combined ranking uses the mean of the groups' normalised weights.".to_string());
    }
    lines
}
