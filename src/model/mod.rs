//! The appraisal domain: plain Rust, no UI. The app, the command line and the tests all call it.

pub mod appraise;
pub mod completeness;
pub mod finance;
pub mod format;
pub mod groups;
pub mod mca;
pub mod money;
pub mod ratings;
pub mod robustness;
pub mod template;
pub mod types;
pub mod validate;

pub use appraise::{InvalidAppraisal, OptionResult, Results, appraise};
pub use money::MoneyFigures;
pub use template::{blank_appraisal, blank_option, core_criteria};
pub use types::*;
pub use validate::{Problem, validate};
