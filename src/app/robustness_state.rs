//! The robustness figures for the open appraisal, kept up to date with it: the sensitivity
//! figures worked out in the frame, and SMAA on the worker. The UI draws this state.

use super::document::Document;
use super::robustness_worker::{Progress, RobustnessRunner};
use crate::model::Appraisal;
use crate::model::robustness::{Sensitivity, sensitivity};

#[derive(Default)]
pub struct RobustnessState {
    /// The inputs the SMAA last started from (weights aside: SMAA draws its own).
    submitted: Option<Appraisal>,
    revision: u64,
    pub sensitivity: Option<Sensitivity>,
    /// The document revision everything here was brought up to date with.
    seen_revision: Option<u64>,
    /// Newest SMAA figures; from an older revision while a new run starts.
    pub smaa: Option<Progress>,
}

/// What SMAA depends on: everything but the current weights, which it draws for itself.
fn smaa_inputs(appraisal: &Appraisal) -> Appraisal {
    let mut key = appraisal.clone();
    for c in &mut key.criteria {
        c.swing_weight = 0.0;
    }
    key
}

impl RobustnessState {
    /// Whether the SMAA figures are for the inputs now (perhaps still arriving).
    pub fn is_current(&self) -> bool {
        self.smaa
            .as_ref()
            .is_some_and(|p| p.revision == self.revision)
    }

    /// Whether the figures are final for the inputs now.
    pub fn is_settled(&self) -> bool {
        self.is_current() && self.smaa.as_ref().is_some_and(Progress::is_complete)
    }

    /// Keeps the sensitivity figures in step with the inputs, starts SMAA when its inputs
    /// change, and takes in whatever SMAA figures have arrived.
    pub fn update(&mut self, doc: &mut Document, runner: &mut RobustnessRunner) {
        let revision = doc.revision();
        if self.seen_revision != Some(revision) {
            self.seen_revision = Some(revision);
            let (appraisal, results) = doc.appraisal_and_results();
            self.sensitivity = results
                .as_ref()
                .ok()
                .and_then(|r| sensitivity(appraisal, r).ok());
            let key = smaa_inputs(appraisal);
            if self.submitted.as_ref() != Some(&key) {
                self.revision += 1;
                if results.is_ok() {
                    runner.submit(self.revision, appraisal);
                } else {
                    self.smaa = None;
                }
                self.submitted = Some(key);
            }
        }
        if let Some(p) = runner.poll()
            && p.revision == self.revision
        {
            self.smaa = Some(p);
        }
    }
}
