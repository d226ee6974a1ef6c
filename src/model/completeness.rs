//! Whether each option has the figures the method needs. A blank or half-filled appraisal
//! computes, but ranking options whose running cost is still £0 would name a winner from
//! figures nobody has entered.

use super::types::Appraisal;

/// A figure an option still needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingFigure {
    /// Every way of delivering a service costs something to run: £0 means not entered yet.
    RunningCost,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing {
    pub option: usize,
    pub figure: MissingFigure,
}

/// What is still missing, option by option in file order; empty when the appraisal is
/// complete enough to name a preferred option.
pub fn missing_figures(appraisal: &Appraisal) -> Vec<Missing> {
    appraisal
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.cost.annual_running_cost_gbp.likely <= 0.0)
        .map(|(option, _)| Missing {
            option,
            figure: MissingFigure::RunningCost,
        })
        .collect()
}

/// Whether option `i` has every figure it needs.
pub fn is_complete(appraisal: &Appraisal, option: usize) -> bool {
    !missing_figures(appraisal)
        .iter()
        .any(|m| m.option == option)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_without_a_running_cost_are_missing_it() {
        let mut a = crate::model::blank_appraisal();
        assert_eq!(missing_figures(&a).len(), 5, "a new appraisal has none");
        for i in [0, 1, 3] {
            a.options[i].cost.annual_running_cost_gbp.likely = 1_000_000.0;
        }
        let missing: Vec<usize> = missing_figures(&a).iter().map(|m| m.option).collect();
        assert_eq!(missing, [2, 4]);
        assert!(is_complete(&a, 0) && !is_complete(&a, 2));
        assert!(missing_figures(&crate::storage::default_example()).is_empty());
    }
}
