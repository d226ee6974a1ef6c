//! Partnership Options Appraisal: who should deliver a council service?
//!
//! - [`model`]: the appraisal and its figures (Green Book money, MCA); plain Rust.
//! - [`storage`]: RON files, versions, atomic saves.
//! - [`report`]: the figures as JSON, Markdown, CSV, HTML, Excel and SVG charts.
//! - [`palette`]: the option colours shared by the window and the exports.
//! - [`words`]: every sentence a person reads, from the model's facts.
//! - [`paths`], [`console`], [`icon`], [`display`]: where files go, the Windows console, the
//!   app's icon, the zoom on a scaled screen.

pub mod app;
pub mod cli;
pub mod console;
pub mod display;
pub mod icon;
pub mod model;
pub mod palette;
pub mod paths;
pub mod report;
pub mod storage;
pub mod words;
