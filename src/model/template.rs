//! A new, blank appraisal: the five options and the three core criteria, ready to fill in.

use super::types::*;

/// The three criteria every appraisal has, with equal swing weights and local scales.
pub fn core_criteria() -> Vec<Criterion> {
    let criterion = |id: &str, name: &str, description: &str, measure| Criterion {
        id: id.to_string(),
        name: name.to_string(),
        description: description.to_string(),
        measure,
        scale: Scale::Local,
        swing_weight: 100.0,
    };
    vec![
        // Money enters as NPSV, so monetised social value moves the rank (format 3).
        criterion(
            COST_ID,
            money_criterion_words(Measure::Npsv).0,
            money_criterion_words(Measure::Npsv).1,
            Measure::Npsv,
        ),
        criterion(
            CAPACITY_ID,
            "Capacity",
            "Capacity to deliver: community, market and the council's client side (0–10)",
            Measure::Capacity,
        ),
        criterion(
            SOCIAL_VALUE_ID,
            "Social value",
            "Social value not already counted in money (0–10)",
            Measure::SocialValue,
        ),
    ]
}

/// An option of `kind` with nothing entered yet.
pub fn blank_option(kind: OptionKind) -> DeliveryOption {
    DeliveryOption {
        kind,
        name: kind.label().to_string(),
        description: kind.summary().to_string(),
        cost: CostInputs {
            transition_cost_gbp: Estimate::new(0.0),
            transition_years: 1,
            transition_start_year: 0,
            transition_is_capital: false,
            annual_running_cost_gbp: Estimate::new(0.0),
            optimism_bias_pct: Estimate::new(kind.default_optimism_bias_pct()),
            capital_optimism_bias_pct: None,
            benefits_shortfall_pct: 0.0,
            go_live_year: 0,
            ramp_up_pct: Vec::new(),
            real_growth_pct: 0.0,
            one_offs: Vec::new(),
            risks: Vec::new(),
            optimism_bias_reduction_pct: 0.0,
            optimism_bias_reduction_reason: String::new(),
            year_overrides: Default::default(),
        },
        capacity: Capacity::Overall(Estimate::new(5.0)),
        social_value: SocialValue {
            monetised_gbp_per_year: Estimate::new(0.0),
            unmonetised_rating: Estimate::new(5.0),
        },
        cbc: CommunityBenefitClauses::default(),
        scores: Default::default(),
        rationale: Default::default(),
        drivers: Default::default(),
    }
}

/// The appraisal File ▸ New starts from.
pub fn blank_appraisal() -> Appraisal {
    Appraisal {
        format_version: FORMAT_VERSION,
        meta: Metadata {
            title: "New appraisal".to_string(),
            price_base_year: 2026,
            ..Metadata::default()
        },
        settings: Settings::default(),
        criteria: core_criteria(),
        options: OptionKind::ALL.into_iter().map(blank_option).collect(),
        groups: Vec::new(),
    }
}
