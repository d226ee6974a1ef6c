//! Partnership Options Appraisal: who should deliver a council service?
//!
//! - [`model`]: the appraisal and its figures (Green Book money, MCA); plain Rust.
//! - [`storage`]: RON files, versions, atomic saves.
//! - [`report`]: the figures as JSON, Markdown and CSV.

pub mod app;
pub mod cli;
pub mod model;
pub mod report;
pub mod storage;
