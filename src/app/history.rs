//! Undo and redo of the appraisal. A change becomes one undo step only once the user has
//! finished it (mouse released, no text being typed), so a whole slider drag is one step.

use crate::model::Appraisal;

const MAX_STEPS: usize = 200;

pub struct History {
    undo: Vec<Appraisal>,
    redo: Vec<Appraisal>,
    /// The last settled state: what the next undo step starts from.
    baseline: Appraisal,
}

impl History {
    pub fn new(start: &Appraisal) -> Self {
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            baseline: start.clone(),
        }
    }

    /// The state before the interaction in progress; stable during a drag.
    pub fn baseline(&self) -> &Appraisal {
        &self.baseline
    }

    /// The state before the latest change: the one in progress, or else the last settled
    /// step, so what a change did can still be said after the mouse is released or the
    /// figure typed.
    pub fn before_latest_change<'a>(&'a self, current: &Appraisal) -> &'a Appraisal {
        if *current != self.baseline {
            &self.baseline
        } else {
            self.undo.last().unwrap_or(&self.baseline)
        }
    }

    /// Records `current` as a step if it differs from the last settled state.
    /// Call when the user is not mid-interaction.
    pub fn settle(&mut self, current: &Appraisal) {
        if *current != self.baseline {
            let previous = std::mem::replace(&mut self.baseline, current.clone());
            self.undo.push(previous);
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
    }

    pub fn can_undo(&self, current: &Appraisal) -> bool {
        !self.undo.is_empty() || *current != self.baseline
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Steps back; a change still in progress is settled first, so it is what gets undone.
    pub fn undo(&mut self, current: &mut Appraisal) -> bool {
        self.settle(current);
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        let now = std::mem::replace(&mut self.baseline, previous);
        self.redo.push(now);
        *current = self.baseline.clone();
        true
    }

    pub fn redo(&mut self, current: &mut Appraisal) -> bool {
        self.settle(current);
        let Some(next) = self.redo.pop() else {
            return false;
        };
        let now = std::mem::replace(&mut self.baseline, next);
        self.undo.push(now);
        *current = self.baseline.clone();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::blank_appraisal;

    #[test]
    fn one_step_per_settled_change_and_redo_after_undo() {
        let mut a = blank_appraisal();
        let mut h = History::new(&a);
        // A drag: many intermediate values, settled once.
        for v in [1.0, 2.0, 3.0] {
            a.options[1].cost.annual_running_cost_gbp.likely = v;
        }
        h.settle(&a);
        a.meta.title = "Renamed".into();
        h.settle(&a);
        assert!(h.undo(&mut a));
        assert_eq!(a.meta.title, "New appraisal");
        assert_eq!(a.options[1].cost.annual_running_cost_gbp.likely, 3.0);
        assert!(h.undo(&mut a));
        assert_eq!(a.options[1].cost.annual_running_cost_gbp.likely, 0.0);
        assert!(!h.undo(&mut a));
        assert!(h.redo(&mut a));
        assert!(h.redo(&mut a));
        assert_eq!(a.meta.title, "Renamed");
        assert!(!h.can_redo());
    }

    #[test]
    fn an_unsettled_change_is_undone_first_and_a_new_change_clears_redo() {
        let mut a = blank_appraisal();
        let mut h = History::new(&a);
        a.meta.title = "Mid-edit".into();
        assert!(h.can_undo(&a));
        assert!(h.undo(&mut a));
        assert_eq!(a.meta.title, "New appraisal");
        a.meta.author = "Officer".into();
        h.settle(&a);
        assert!(!h.can_redo());
    }
}
