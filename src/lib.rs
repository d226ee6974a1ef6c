//! Partnership Options Appraisal: who should deliver a council service?
//!
//! - [`model`]: the appraisal and its figures (Green Book money, MCA); plain Rust.
//! - [`storage`]: RON files, versions, atomic saves.
//! - [`report`]: the figures as JSON, Markdown, CSV, HTML, Excel and SVG charts.
//! - [`palette`]: the option colours shared by the window and the exports.
//! - [`words`]: every sentence a person reads, from the model's facts.

pub mod app;
pub mod cli;
pub mod model;
pub mod palette;
pub mod report;
pub mod storage;
pub mod words;
