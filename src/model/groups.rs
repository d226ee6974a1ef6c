//! Workshop stakeholder groups: each group's ranking under its own weights, and a combined
//! ranking under the mean of the groups' normalised weights, with how far the groups differ.

use super::mca::{leader, normalise_weights, ranks, weighted_totals};
use super::{Appraisal, Results};

/// The combined ranking's name (validation keeps it from any group).
pub const COMBINED: &str = "Combined";

/// One weighting's ranking of the options.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRanking {
    pub name: String,
    /// Hidden from the room until revealed (always false for the combined ranking).
    pub hidden: bool,
    /// Normalised weights, in the order of the criteria (sum to 1).
    pub weights: Vec<f64>,
    /// Weighted score 0–100 of each option.
    pub totals: Vec<f64>,
    /// Competition rank of each option (1 = first; ties share).
    pub ranks: Vec<u32>,
    /// The first listed of the options ranked first.
    pub leader: usize,
}

/// Every group's ranking side by side, and where they agree.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupComparison {
    pub groups: Vec<GroupRanking>,
    /// Under the mean of the groups' normalised weights.
    pub combined: GroupRanking,
    /// Lowest and highest normalised weight the groups gave each criterion.
    pub weight_range: Vec<(f64, f64)>,
    /// Best and worst rank each option has across the groups.
    pub rank_range: Vec<(u32, u32)>,
    /// Whether every group puts the same option first (all options ranked first agree).
    pub same_leader: bool,
}

impl GroupComparison {
    /// Whether the groups agree, in one sentence: "Every group puts Shared service first." or
    /// "The groups differ: Councillors and Officers put Shared service first; Community
    /// representatives put Community library trust first." Options tied for first are
    /// named together ("put X and Y joint first").
    pub fn agreement_in_words(&self, a: &Appraisal) -> String {
        let firsts = |g: &GroupRanking| -> Vec<usize> {
            (0..g.ranks.len()).filter(|&i| g.ranks[i] == 1).collect()
        };
        let first_in_words = |firsts: &[usize]| -> String {
            let names: Vec<&str> = firsts.iter().map(|&i| a.options[i].name.as_str()).collect();
            match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} and {last} joint first", rest.join(", "))
                }
                _ => format!("{} first", names.join("")),
            }
        };
        let mut by_firsts: Vec<(Vec<usize>, Vec<&str>)> = Vec::new();
        for g in &self.groups {
            let f = firsts(g);
            match by_firsts.iter_mut().find(|(l, _)| *l == f) {
                Some((_, names)) => names.push(&g.name),
                None => by_firsts.push((f, vec![&g.name])),
            }
        }
        if let [(f, _)] = by_firsts.as_slice() {
            return format!("Every group puts {}.", first_in_words(f));
        }
        let parts: Vec<String> = by_firsts
            .iter()
            .map(|(f, names)| {
                let who = match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => {
                        format!("{} and {last}", rest.join(", "))
                    }
                    _ => names.join(""),
                };
                format!("{who} put {}", first_in_words(f))
            })
            .collect();
        format!("The groups differ: {}.", parts.join("; "))
    }

    /// "Combined (mean of the groups' weights): Shared service first, scoring 61.2."
    pub fn combined_in_words(&self, a: &Appraisal) -> String {
        format!(
            "Combined (mean of the groups' weights): {} first, scoring {:.1}.",
            a.options[self.combined.leader].name, self.combined.totals[self.combined.leader]
        )
    }

    /// Options whose rank differs between groups, by how far (worst − best), widest first.
    pub fn disagreements(&self) -> Vec<(usize, u32)> {
        let mut d: Vec<(usize, u32)> = self
            .rank_range
            .iter()
            .enumerate()
            .filter(|(_, (best, worst))| worst > best)
            .map(|(i, (best, worst))| (i, worst - best))
            .collect();
        d.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        d
    }
}

fn ranking(name: &str, hidden: bool, weights: Vec<f64>, scores: &[Vec<f64>]) -> GroupRanking {
    let totals = weighted_totals(scores, &weights);
    GroupRanking {
        name: name.to_string(),
        hidden,
        ranks: ranks(&totals),
        leader: leader(&totals),
        weights,
        totals,
    }
}

/// The groups' rankings on the appraisal's 0–100 scores; None when it has no groups.
/// `results` must come from `appraise(a)`. A group whose weights are all zero (validation
/// refuses that) ranks every option equal.
pub fn compare(a: &Appraisal, results: &Results) -> Option<GroupComparison> {
    if a.groups.is_empty() {
        return None;
    }
    let scores: Vec<Vec<f64>> = results.options.iter().map(|o| o.scores.clone()).collect();
    let groups: Vec<GroupRanking> = a
        .groups
        .iter()
        .map(|g| {
            let w = normalise_weights(&g.weights_for(&a.criteria));
            ranking(&g.name, g.hidden, w, &scores)
        })
        .collect();
    let m = a.criteria.len();
    let k = groups.len() as f64;
    let mean: Vec<f64> = (0..m)
        .map(|j| groups.iter().map(|g| g.weights[j]).sum::<f64>() / k)
        .collect();
    let combined = ranking(COMBINED, false, mean, &scores);
    let weight_range = (0..m)
        .map(|j| {
            groups
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), g| {
                    (lo.min(g.weights[j]), hi.max(g.weights[j]))
                })
        })
        .collect();
    let rank_range = (0..results.options.len())
        .map(|i| {
            groups.iter().fold((u32::MAX, 0), |(best, worst), g| {
                (best.min(g.ranks[i]), worst.max(g.ranks[i]))
            })
        })
        .collect();
    let firsts = |g: &GroupRanking| -> Vec<bool> { g.ranks.iter().map(|&r| r == 1).collect() };
    let same_leader = groups.windows(2).all(|w| firsts(&w[0]) == firsts(&w[1]));
    Some(GroupComparison {
        groups,
        combined,
        weight_range,
        rank_range,
        same_leader,
    })
}
