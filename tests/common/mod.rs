//! A small appraisal whose every figure can be worked out by hand, shared by the test files.
#![allow(dead_code)]

use partnership_appraisal::model::{
    Appraisal, Capacity, Estimate, OptionKind, Scale, blank_appraisal,
};

/// Option indices in the blank appraisal's order.
pub const BAU: usize = 0;
pub const COMMUNITY: usize = 1;
pub const CONTRACTING: usize = 2;
pub const SHARED: usize = 3;
pub const CONSOLIDATED: usize = 4;

/// One year (so D_0 = 1 and whole-life cost is the running cost), no optimism bias, no
/// transition cost, every criterion on a fixed scale so scores do not depend on each other:
/// - cost: £2m scores 0, £0 scores 100, so score = 100 × (2m − running) / 2m;
/// - capacity and social value: 0–10 scores 0–100, so score = 10 × rating.
///
/// Swing weights 100, 50, 50 normalise to 0.5, 0.25, 0.25.
///
/// | option                 | running | capacity | social | scores (cost, cap, soc) | total |
/// |------------------------|---------|----------|--------|-------------------------|-------|
/// | Business as usual      | £2.0m   | 5        | 5      | 0, 50, 50               | 25    |
/// | Community organisation | £1.2m   | 6        | 8      | 40, 60, 80              | 55    |
/// | Contracting out        | £1.8m   | 3        | 3      | 10, 30, 30              | 20    |
/// | Shared service         | £0.9m   | 8        | 4      | 55, 80, 40              | 57.5  |
/// | Consolidated management| £1.8m   | 3        | 3      | 10, 30, 30              | 20    |
///
/// e.g. Shared service: 0.5 × 55 + 0.25 × 80 + 0.25 × 40 = 27.5 + 20 + 10 = 57.5.
pub fn hand_worked() -> Appraisal {
    let mut a = blank_appraisal();
    // Worked on whole-life cost, the money criterion's other measure.
    a.set_money_measure(partnership_appraisal::model::Measure::WholeLifeCost);
    a.meta.title = "Hand-worked case".into();
    a.settings.appraisal_period_years = 1;
    for c in &mut a.criteria {
        c.scale = match c.id.as_str() {
            "cost" => Scale::Fixed {
                worst: 2_000_000.0,
                best: 0.0,
            },
            _ => Scale::Fixed {
                worst: 0.0,
                best: 10.0,
            },
        };
        c.swing_weight = if c.id == "cost" { 100.0 } else { 50.0 };
    }
    let figures = [
        (OptionKind::BusinessAsUsual, 2_000_000.0, 5.0, 5.0),
        (OptionKind::CommunityOrganisation, 1_200_000.0, 6.0, 8.0),
        (OptionKind::ContractingOut, 1_800_000.0, 3.0, 3.0),
        (OptionKind::SharedService, 900_000.0, 8.0, 4.0),
        (OptionKind::ConsolidatedManagement, 1_800_000.0, 3.0, 3.0),
    ];
    for (option, (kind, running, capacity, social)) in a.options.iter_mut().zip(figures) {
        assert_eq!(option.kind, kind);
        option.cost.annual_running_cost_gbp = Estimate::new(running);
        option.cost.optimism_bias_pct = Estimate::new(0.0);
        option.capacity = Capacity::Overall(Estimate::new(capacity));
        option.social_value.unmonetised_rating = Estimate::new(social);
    }
    a
}
