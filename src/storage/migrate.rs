//! Older file formats, read and brought up to the current one.
//!
//! Format 1 (the first drafts of this tool) held a single flat discount rate,
//! `discount_rate_pct`, where format 2 holds the Green Book schedule of rates by band of
//! years. A format-1 rate becomes one band from year 0.
//!
//! Format 3 added each option's go-live year, ramp-up and real growth of its running cost;
//! older files get the defaults that keep their figures exactly as they were.

use serde::Deserialize;

use crate::model::{
    Appraisal, Criterion, DeliveryOption, DiscountSchedule, FORMAT_VERSION, Metadata, RateBand,
    Settings,
};

pub const OLDEST_SUPPORTED_VERSION: u32 = 1;

pub enum MigrateError {
    Syntax(ron::error::SpannedError),
    Unknown(u32),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AppraisalV1 {
    #[allow(dead_code)]
    format_version: u32,
    meta: Metadata,
    settings: SettingsV1,
    criteria: Vec<Criterion>,
    options: Vec<DeliveryOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsV1 {
    appraisal_period_years: u32,
    discount_rate_pct: f64,
    apply_optimism_bias: bool,
}

impl From<AppraisalV1> for Appraisal {
    fn from(v1: AppraisalV1) -> Self {
        Appraisal {
            format_version: FORMAT_VERSION,
            meta: v1.meta,
            settings: Settings {
                appraisal_period_years: v1.settings.appraisal_period_years,
                discount: DiscountSchedule {
                    bands: vec![RateBand {
                        from_year: 0,
                        rate_pct: v1.settings.discount_rate_pct,
                    }],
                    name: String::new(),
                    source: String::new(),
                    date: String::new(),
                },
                apply_optimism_bias: v1.settings.apply_optimism_bias,
                robustness: Default::default(),
                finance: Default::default(),
                alternative_discount: None,
            },
            criteria: v1.criteria,
            options: v1.options,
            groups: Vec::new(),
        }
    }
}

/// Reads a file of an older `version` and returns it in the current format.
pub fn from_older(text: &str, version: u32) -> Result<Appraisal, MigrateError> {
    match version {
        // Format 3 only added fields, each with a default that leaves the money as format 2
        // had it (go-live in year 0, no ramp-up, no real growth).
        2 => ron::from_str::<Appraisal>(text)
            .map(|mut a| {
                a.format_version = FORMAT_VERSION;
                a
            })
            .map_err(MigrateError::Syntax),
        1 => ron::from_str::<AppraisalV1>(text)
            .map(Appraisal::from)
            .map_err(MigrateError::Syntax),
        other => Err(MigrateError::Unknown(other)),
    }
}
