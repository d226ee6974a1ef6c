//! Workshop stakeholder groups: each group's ranking under its own weights, and a combined
//! ranking under the mean of the groups' normalised weights, with how far the groups differ.

use super::mca::{leader, normalise_weights, ranks, weighted_totals};
use super::types::fresh_name;
use super::{Appraisal, Results, StakeholderGroup};

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

/// Options one or more groups put first, and which groups put them there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstPlace {
    /// The options ranked first (several when tied), in file order.
    pub options: Vec<usize>,
    /// The groups that rank exactly these first, in file order.
    pub groups: Vec<usize>,
}

impl GroupComparison {
    /// The groups gathered by what they put first, in the order each answer first appears:
    /// one entry when every group agrees.
    pub fn first_places(&self) -> Vec<FirstPlace> {
        let mut places: Vec<FirstPlace> = Vec::new();
        for (k, group) in self.groups.iter().enumerate() {
            let options: Vec<usize> = (0..group.ranks.len())
                .filter(|&i| group.ranks[i] == 1)
                .collect();
            match places.iter_mut().find(|p| p.options == options) {
                Some(place) => place.groups.push(k),
                None => places.push(FirstPlace {
                    options,
                    groups: vec![k],
                }),
            }
        }
        places
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
pub fn compare(appraisal: &Appraisal, results: &Results) -> Option<GroupComparison> {
    if appraisal.groups.is_empty() {
        return None;
    }
    let scores: Vec<Vec<f64>> = results.options.iter().map(|o| o.scores.clone()).collect();
    let groups: Vec<GroupRanking> = appraisal
        .groups
        .iter()
        .map(|g| {
            let w = normalise_weights(&g.weights_for(&appraisal.criteria));
            ranking(&g.name, g.hidden, w, &scores)
        })
        .collect();
    let m = appraisal.criteria.len();
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

/// What a workshop step did, for the status line (`crate::words::workshop` says it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkshopStep {
    /// Groups added, under the names they were given (made distinct).
    Added(Vec<String>),
    Removed(String),
    /// This group is entering its weights; every other group's are hidden.
    Entering(usize),
    /// This group has finished and its weights are hidden too; who is next, if anyone.
    DoneEntering {
        group: usize,
        next: Option<usize>,
    },
    RevealedAll,
    UsedCombinedWeights,
    /// Nothing was done: there are no groups, or no such group.
    Nothing,
}

impl Appraisal {
    /// Adds groups starting from equal weights; a name already used gets a number ("Officers
    /// 2"), so the names stay distinct.
    pub fn add_groups(&mut self, names: &[String]) -> WorkshopStep {
        let mut added = Vec::new();
        for name in names {
            let unique = fresh_name(name.trim(), |n| {
                self.groups
                    .iter()
                    .any(|g| g.name.trim().eq_ignore_ascii_case(n))
            });
            self.groups
                .push(StakeholderGroup::new(unique.clone(), &self.criteria));
            added.push(unique);
        }
        WorkshopStep::Added(added)
    }

    pub fn remove_group(&mut self, group: usize) -> WorkshopStep {
        if group < self.groups.len() {
            WorkshopStep::Removed(self.groups.remove(group).name)
        } else {
            WorkshopStep::Nothing
        }
    }

    /// Shows this group's weights and hides every other group's, so one group can give its
    /// weights without seeing the others'.
    pub fn start_entering_weights(&mut self, group: usize) -> WorkshopStep {
        if group >= self.groups.len() {
            return WorkshopStep::Nothing;
        }
        for (k, g) in self.groups.iter_mut().enumerate() {
            g.hidden = k != group;
        }
        WorkshopStep::Entering(group)
    }

    /// Hides the group's weights in turn; the next is the first group after it, in file
    /// order, still to enter its weights (one not yet hidden), if any.
    pub fn finish_entering_weights(&mut self, group: usize, entered: &[bool]) -> WorkshopStep {
        if group >= self.groups.len() {
            return WorkshopStep::Nothing;
        }
        self.groups[group].hidden = true;
        let next = (0..self.groups.len())
            .map(|k| (group + 1 + k) % self.groups.len())
            .find(|&k| k != group && !entered.get(k).copied().unwrap_or(false));
        WorkshopStep::DoneEntering { group, next }
    }

    pub fn reveal_all_groups(&mut self) -> WorkshopStep {
        for g in &mut self.groups {
            g.hidden = false;
        }
        WorkshopStep::RevealedAll
    }

    /// The combined weights as swing weights: the mean of the groups' normalised shares,
    /// scaled so the largest is 100 (the panel's convention), rounded to one decimal place.
    pub fn combined_swing_weights(&self) -> Option<Vec<f64>> {
        if self.groups.is_empty() {
            return None;
        }
        let count = self.groups.len() as f64;
        let shares: Vec<Vec<f64>> = self
            .groups
            .iter()
            .map(|g| normalise_weights(&g.weights_for(&self.criteria)))
            .collect();
        let mean: Vec<f64> = (0..self.criteria.len())
            .map(|j| shares.iter().map(|s| s[j]).sum::<f64>() / count)
            .collect();
        let top = mean.iter().copied().fold(0.0, f64::max);
        (top > 0.0).then(|| {
            mean.iter()
                .map(|m| (1000.0 * m / top).round() / 10.0)
                .collect()
        })
    }

    /// Makes the groups' combined weights the appraisal's own.
    pub fn use_combined_weights(&mut self) -> WorkshopStep {
        match self.combined_swing_weights() {
            Some(weights) => {
                for (c, w) in self.criteria.iter_mut().zip(weights) {
                    c.swing_weight = w;
                }
                WorkshopStep::UsedCombinedWeights
            }
            None => WorkshopStep::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combined_swing_weights_put_the_largest_mean_share_at_100() {
        let a = crate::storage::default_example();
        let w = a.combined_swing_weights().expect("three groups");
        // Mean shares: cost (100/360 + 100/300 + 50/330)/3 = 0.2542 is the largest.
        assert_eq!(w[0], 100.0);
        // Capacity (50/360 + 80/300 + 90/330)/3 = 0.2260; 0.2260 / 0.2542 = 0.889 → 88.9.
        assert_eq!(w[1], 88.9);
        let results = crate::model::appraise(&a).expect("valid");
        let cmp = compare(&a, &results).expect("groups");
        for (x, y) in normalise_weights(&w).iter().zip(&cmp.combined.weights) {
            assert!((x - y).abs() < 0.001, "{x} vs {y}");
        }
    }

    #[test]
    fn workshop_steps_hide_reveal_and_name_groups_distinctly() {
        let mut a = crate::model::blank_appraisal();
        let names = ["Officers".to_string(), "officers".to_string()];
        assert_eq!(
            a.add_groups(&names),
            WorkshopStep::Added(vec!["Officers".into(), "officers 2".into()])
        );
        a.add_groups(&["Councillors".to_string()]);
        assert_eq!(a.start_entering_weights(1), WorkshopStep::Entering(1));
        let hidden: Vec<bool> = a.groups.iter().map(|g| g.hidden).collect();
        assert_eq!(hidden, [true, false, true]);
        // Group 1 is done; group 0 already entered: the next still to enter is group 2.
        assert_eq!(
            a.finish_entering_weights(1, &[true, true, false]),
            WorkshopStep::DoneEntering {
                group: 1,
                next: Some(2)
            }
        );
        assert!(a.groups[1].hidden);
        // When every group has entered, nobody is next.
        assert_eq!(
            a.finish_entering_weights(2, &[true, true, true]),
            WorkshopStep::DoneEntering {
                group: 2,
                next: None
            }
        );
        assert_eq!(a.reveal_all_groups(), WorkshopStep::RevealedAll);
        assert!(a.groups.iter().all(|g| !g.hidden));
        assert_eq!(a.remove_group(7), WorkshopStep::Nothing);
        assert_eq!(a.remove_group(0), WorkshopStep::Removed("Officers".into()));
        assert_eq!(a.start_entering_weights(5), WorkshopStep::Nothing);
    }
}
