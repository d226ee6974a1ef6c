//! The 0–10 ratings behind the capacity and social value criteria, with the effect of
//! Community Benefit Clauses over the years.

use super::types::{Capacity, DeliveryOption};

pub const RATING_MAX: f64 = 10.0;

/// Mean over years 0 .. years−1 of min(10, start + growth·t): a capacity that grows
/// becomes one score by averaging it over the appraisal period.
pub fn mean_grown_rating(start: f64, growth_per_year: f64, years: u32) -> f64 {
    let years = years.max(1);
    (0..years)
        .map(|t| (start + growth_per_year * f64::from(t)).min(RATING_MAX))
        .sum::<f64>()
        / f64::from(years)
}

/// Capacity to deliver, 0–10, averaged over the period. Community Benefit Clauses grow the
/// community and voluntary sector part (or the single rating, when capacity is not split)
/// by their growth figure each year, up to 10.
pub fn effective_capacity(option: &DeliveryOption, years: u32) -> f64 {
    let growth = if option.cbc.enabled {
        option.cbc.capacity_growth_per_year
    } else {
        0.0
    };
    match &option.capacity {
        Capacity::Overall(rating) => mean_grown_rating(rating.likely, growth, years),
        Capacity::Parts {
            community,
            market,
            client_side,
        } => {
            (mean_grown_rating(community.likely, growth, years)
                + market.likely
                + client_side.likely)
                / 3.0
        }
    }
}

/// Capacity today, before any growth: the single rating or the mean of the parts.
pub fn starting_capacity(capacity: &Capacity) -> f64 {
    match capacity {
        Capacity::Overall(rating) => rating.likely,
        Capacity::Parts {
            community,
            market,
            client_side,
        } => (community.likely + market.likely + client_side.likely) / 3.0,
    }
}

/// Unmonetised social value rating, 0–10, with the CBC uplift when the clauses are on.
pub fn effective_social_value_rating(option: &DeliveryOption) -> f64 {
    let uplift = if option.cbc.enabled {
        option.cbc.social_value_rating_uplift
    } else {
        0.0
    };
    (option.social_value.unmonetised_rating.likely + uplift).min(RATING_MAX)
}
