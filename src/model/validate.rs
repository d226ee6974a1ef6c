//! Names every problem in an appraisal in words an officer can act on. The engine refuses
//! to compute on an appraisal with any problem, so bad numbers never become NaN or a panic.

use std::collections::BTreeSet;
use std::fmt;

use super::groups::COMBINED;
use super::robustness::fast::Input;
use super::types::{
    Appraisal, CAPACITY_ID, COST_ID, Capacity, DeliveryOption, Estimate, Measure, OptionKind,
    SOCIAL_VALUE_ID, Scale,
};

/// Invisible formatting characters that reorder or hide text (bidirectional embeddings,
/// overrides and isolates; zero-width characters; the byte-order mark): in a name they could
/// make a report show something other than what was typed (U+202E turns "Contract" into what
/// looks like another word), so names holding one are refused.
pub fn hidden_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| {
            matches!(
                *c as u32,
                0x061C | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF
            )
        })
        .collect()
}

/// `text` with each hidden control shown as its code, so a message can quote it safely.
pub fn shown_visibly(text: &str) -> String {
    text.chars()
        .map(|c| {
            if hidden_controls(&c.to_string()).is_empty() {
                c.to_string()
            } else {
                format!("[U+{:04X}]", c as u32)
            }
        })
        .collect()
}

/// Money above £1 trillion a year is not a council service: almost certainly a typing slip.
/// Real growth of a running cost above inflation, % a year, either way: beyond this it is a
/// typing slip (a pay drift of 10% a year above inflation for a decade is already extreme).
pub const MAX_REAL_GROWTH_PCT: f64 = 10.0;
pub const MAX_GBP: f64 = 1e12;
pub const MAX_PERIOD_YEARS: u32 = 100;
pub const MAX_OPTIMISM_BIAS_PCT: f64 = 200.0;
/// General inflation beyond this, either way, is a typing slip ("90" for "0.9").
pub const MAX_INFLATION_PCT: f64 = 50.0;
pub const MAX_DISCOUNT_RATE_PCT: f64 = 50.0;
pub const MAX_SWING_WEIGHT: f64 = 1e6;
pub const MAX_OPTIONS: usize = 20;
pub const MAX_CRITERIA: usize = 30;
pub const MAX_GROUPS: usize = 12;
pub const MIN_DRAWS: u32 = 100;
pub const MAX_DRAWS: u32 = 2_000_000;

/// One thing wrong with an appraisal: what it is about, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub subject: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.subject, self.message)
    }
}

/// Every problem found, in file order; empty when the appraisal is sound.
pub fn validate(appraisal: &Appraisal) -> Vec<Problem> {
    let mut v = Validator::default();
    v.settings(appraisal);
    v.criteria(appraisal);
    v.options(appraisal);
    v.groups(appraisal);
    v.problems
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn push(&mut self, subject: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            subject: subject.to_string(),
            message: message.into(),
        });
    }

    /// Checks a number is finite and within [min, max]; names it in the message.
    fn number(&mut self, subject: &str, what: &str, x: f64, min: f64, max: f64) -> bool {
        if x.is_nan() {
            self.push(subject, format!("{what} is not a number"));
            false
        } else if x.is_infinite() {
            self.push(subject, format!("{what} is infinite"));
            false
        } else if x < min && min == 0.0 {
            self.push(subject, format!("{what} is negative"));
            false
        } else if x < min || x > max {
            self.push(
                subject,
                format!(
                    "{what} is {}, outside {} to {}",
                    plain(x),
                    plain(min),
                    plain(max)
                ),
            );
            false
        } else {
            true
        }
    }

    fn estimate(&mut self, subject: &str, what: &str, estimate: &Estimate, min: f64, max: f64) {
        let likely_ok = self.number(subject, what, estimate.likely, min, max);
        match (estimate.low, estimate.high) {
            (None, None) => {}
            (Some(low), Some(high)) => {
                let low_ok = self.number(subject, &format!("{what} (low)"), low, min, max);
                let high_ok = self.number(subject, &format!("{what} (high)"), high, min, max);
                // A likely value outside the range is allowed (the draws stretch to take it
                // in, and the window offers to widen the range); a range running backwards
                // is a typing slip.
                if likely_ok && low_ok && high_ok && low > high {
                    self.push(subject, format!("{what} range must run low ≤ high"));
                }
            }
            _ => self.push(
                subject,
                format!("{what} range needs both a low and a high value"),
            ),
        }
    }

    /// A name must not hold characters that reorder or hide what a reader sees.
    fn visible_name(&mut self, subject: &str, what: &str, name: &str) {
        let hidden = hidden_controls(name);
        if let Some(first) = hidden.first() {
            self.push(
                &shown_visibly(subject),
                format!(
                    "the {what} holds an invisible control character (U+{:04X}{}) that can reorder or hide what a reader sees; retype it without: {}",
                    *first as u32,
                    if hidden.len() > 1 { " and others" } else { "" },
                    shown_visibly(name)
                ),
            );
        }
    }

    /// The risk register, the optimism-bias reduction it justifies, and the shared drivers.
    fn risks(&mut self, subject: &str, option: &DeliveryOption, period: u32) {
        let last_year = period.max(1) - 1;
        for (k, risk) in option.cost.risks.iter().enumerate() {
            // A risk not yet described is still costed (named by its number), so adding one
            // never blanks the results; the card asks for its description.
            let name = if risk.description.trim().is_empty() {
                format!("risk {}", k + 1)
            } else {
                format!("risk \"{}\"", risk.description.trim())
            };
            if !risk.probability_pct.is_finite() || !(0.0..=100.0).contains(&risk.probability_pct) {
                self.push(
                    subject,
                    format!(
                        "{name} has a probability of {}%; a probability must be 0% to 100%",
                        plain(risk.probability_pct)
                    ),
                );
            }
            self.estimate(
                subject,
                &format!("{name} impact"),
                &risk.impact_gbp,
                0.0,
                MAX_GBP,
            );
            if risk.first_year > risk.last_year {
                self.push(
                    subject,
                    format!(
                        "{name} runs from year {} to year {}; its first year must come before its last",
                        risk.first_year, risk.last_year
                    ),
                );
            }
            if risk.last_year > last_year || risk.first_year > last_year {
                self.push(
                    subject,
                    format!(
                        "{name} falls in year {}; it must fall within the appraisal period (year 0 to {last_year})",
                        risk.last_year.max(risk.first_year)
                    ),
                );
            }
        }
        let c = &option.cost;
        let reduction = c.optimism_bias_reduction_pct;
        if !reduction.is_finite()
            || reduction < 0.0
            || (reduction > 0.0 && reduction > c.optimism_bias_pct.likely)
        {
            self.push(
                subject,
                format!(
                    "optimism bias is reduced by {} points for costed risks; the reduction must be 0 to the optimism bias itself ({}%)",
                    plain(reduction),
                    plain(c.optimism_bias_pct.likely)
                ),
            );
        } else if reduction > 0.0 && c.optimism_bias_reduction_reason.trim().is_empty() {
            self.push(
                subject,
                "optimism bias is reduced for costed risks but no reason is given; say which risks now stand in for it",
            );
        }
        for (key, driver) in &option.drivers {
            match Input::from_key(key) {
                None => self.push(
                    subject,
                    format!(
                        "ties \"{key}\" to a shared driver, but no input is called that (use one of: {})",
                        Input::ALL.map(Input::key).join(", ")
                    ),
                ),
                Some(input) if driver.trim().is_empty() => self.push(
                    subject,
                    format!("ties its {} to a shared driver with no name", input.label()),
                ),
                Some(_) => {}
            }
        }
    }

    /// The financial case's inputs.
    fn finance(&mut self, appraisal: &Appraisal) {
        let f = &appraisal.settings.finance;
        let period = appraisal.settings.appraisal_period_years;
        let subject = "Financial case";
        if let Some(year) = f.first_financial_year
            && !(1900..=2200).contains(&year)
        {
            self.push(
                subject,
                format!("the first financial year {year} is not a plausible year"),
            );
        }
        let inflation = &f.inflation;
        for (k, rate) in std::iter::once(&inflation.flat_rate_pct)
            .chain(&inflation.rates_pct)
            .enumerate()
        {
            if !rate.is_finite() || !(-MAX_INFLATION_PCT..=MAX_INFLATION_PCT).contains(rate) {
                let which = if k == 0 {
                    "the flat inflation rate".to_string()
                } else {
                    format!("inflation in year {k}")
                };
                self.push(
                    subject,
                    format!(
                        "{which} is {}%; an inflation rate must be between −{MAX_INFLATION_PCT}% and {MAX_INFLATION_PCT}% a year",
                        plain(*rate)
                    ),
                );
            }
        }
        if inflation.rates_pct.len() > period as usize {
            self.push(
                subject,
                format!(
                    "the inflation schedule gives {} years, longer than the appraisal period ({period})",
                    inflation.rates_pct.len()
                ),
            );
        }
        let first = f.first_year(appraisal.meta.price_base_year);
        let label = |y: i32| super::finance::financial_year_label(y, 0);
        for step in &f.savings_target {
            let from = step.from_financial_year;
            if from < first {
                self.push(
                    subject,
                    format!(
                        "the savings target starts in {}, before the appraisal's first financial year ({})",
                        label(from),
                        label(first)
                    ),
                );
            }
            self.number(
                subject,
                &format!("the savings target from {}", label(from)),
                step.saving_gbp,
                0.0,
                MAX_GBP,
            );
        }
        let mut years: Vec<i32> = f
            .savings_target
            .iter()
            .map(|s| s.from_financial_year)
            .collect();
        years.sort_unstable();
        if years.windows(2).any(|w| w[0] == w[1]) {
            self.push(
                subject,
                "the savings target has two steps from the same year",
            );
        }
        let funding = &f.capital_funding;
        if funding.source == super::types::FundingSource::Borrowing {
            if funding.term_years == 0 || funding.term_years > 60 {
                self.push(
                    subject,
                    format!(
                        "borrowing is repaid over {} years; it must be 1 to 60 years",
                        funding.term_years
                    ),
                );
            }
            self.number(
                subject,
                "the borrowing interest rate %",
                funding.interest_rate_pct,
                0.0,
                25.0,
            );
        }
    }

    /// A discount schedule: bands from year 0, in order, each rate plausible.
    fn discount(&mut self, subject: &str, schedule: &super::types::DiscountSchedule) {
        let bands = &schedule.bands;
        match bands.first() {
            None => self.push(subject, "the discount schedule has no rates"),
            Some(first) if first.from_year != 0 => {
                self.push(subject, "the first discount band must start at year 0")
            }
            Some(_) => {}
        }
        for pair in bands.windows(2) {
            if pair[1].from_year <= pair[0].from_year {
                self.push(
                    subject,
                    "discount bands must be in order of their first year, without repeats",
                );
                break;
            }
        }
        for band in bands {
            self.number(
                subject,
                &format!("the discount rate from year {}", band.from_year),
                band.rate_pct,
                0.0,
                MAX_DISCOUNT_RATE_PCT,
            );
        }
    }

    fn settings(&mut self, appraisal: &Appraisal) {
        self.finance(appraisal);
        let s = &appraisal.settings;
        if s.appraisal_period_years == 0 || s.appraisal_period_years > MAX_PERIOD_YEARS {
            self.push(
                "Settings",
                format!(
                    "appraisal period is {} years; it must be 1 to {MAX_PERIOD_YEARS}",
                    s.appraisal_period_years
                ),
            );
        }
        self.discount("Settings", &s.discount);
        if let Some(alternative) = &s.alternative_discount {
            self.discount("Alternative discount schedule", alternative);
        }
        let r = &s.robustness;
        if !(MIN_DRAWS..=MAX_DRAWS).contains(&r.draws) {
            self.push(
                "Robustness",
                format!("{} draws; use {MIN_DRAWS} to {MAX_DRAWS}", r.draws),
            );
        }
        self.number(
            "Robustness",
            "the fragile-lead weight change",
            r.fragile_weight_change_share,
            0.0,
            1.0,
        );
        self.number(
            "Robustness",
            "the fragile-lead acceptability",
            r.fragile_acceptability_share,
            0.0,
            1.0,
        );
        self.number(
            "Robustness",
            "the fragile-lead input change",
            r.fragile_input_change_fraction,
            0.0,
            10.0,
        );
        let (mut sum_min, mut sum_max) = (0.0, 0.0);
        for c in &appraisal.criteria {
            let (min, max) = r
                .weight_bounds
                .get(&c.id)
                .map_or((0.0, 1.0), |b| (b.min_share, b.max_share));
            sum_min += min;
            sum_max += max;
        }
        for (id, b) in &r.weight_bounds {
            let subject = appraisal
                .criterion(id)
                .map_or(id.as_str(), |c| c.name.as_str());
            if appraisal.criterion(id).is_none() {
                self.push(
                    "Robustness",
                    format!("weight bounds for \"{id}\", which is not a criterion"),
                );
            } else if self.number(subject, "lowest weight", b.min_share, 0.0, 1.0)
                & self.number(subject, "highest weight", b.max_share, 0.0, 1.0)
                && b.min_share > b.max_share
            {
                self.push(subject, "the lowest weight is above the highest");
            }
        }
        if sum_min > 1.0 + 1e-9 || sum_max < 1.0 - 1e-9 {
            self.push(
                "Robustness",
                "the weight bounds leave no weighting that sums to 1",
            );
        }
        if appraisal.meta.title.trim().is_empty() {
            self.push("Appraisal", "the title is empty");
        }
        self.visible_name("Appraisal", "title", &appraisal.meta.title);
        if !(1900..=2200).contains(&appraisal.meta.price_base_year) {
            self.push(
                "Appraisal",
                format!(
                    "price base year {} is not a plausible year",
                    appraisal.meta.price_base_year
                ),
            );
        }
    }

    fn criteria(&mut self, appraisal: &Appraisal) {
        if appraisal.criteria.len() > MAX_CRITERIA {
            self.push(
                "Criteria",
                format!(
                    "there are {} criteria; at most {MAX_CRITERIA}",
                    appraisal.criteria.len()
                ),
            );
        }
        let mut ids = BTreeSet::new();
        let mut names = BTreeSet::new();
        for c in &appraisal.criteria {
            let subject = if c.name.trim().is_empty() {
                &c.id
            } else {
                &c.name
            };
            if c.name.trim().is_empty() {
                self.push(subject, "the criterion has no name");
            }
            self.visible_name(subject, "criterion name", &c.name);
            if !ids.insert(c.id.as_str()) {
                self.push(subject, format!("the id \"{}\" is used twice", c.id));
            }
            if !names.insert(c.name.trim().to_lowercase()) {
                self.push(subject, "two criteria have this name");
            }
            self.number(
                subject,
                "swing weight",
                c.swing_weight,
                0.0,
                MAX_SWING_WEIGHT,
            );
            let core = match c.measure {
                Measure::WholeLifeCost | Measure::Npsv => Some(COST_ID),
                Measure::Capacity => Some(CAPACITY_ID),
                Measure::SocialValue => Some(SOCIAL_VALUE_ID),
                Measure::Rating { .. } => None,
            };
            if let Some(core_id) = core
                && c.id != core_id
            {
                self.push(
                    subject,
                    format!("this core criterion must have the id \"{core_id}\""),
                );
            }
            if let Scale::Fixed { worst, best } = c.scale {
                let ok = self.number(subject, "fixed scale worst value", worst, -MAX_GBP, MAX_GBP)
                    & self.number(subject, "fixed scale best value", best, -MAX_GBP, MAX_GBP);
                if ok && worst == best {
                    self.push(subject, "the fixed scale's worst and best values are equal");
                } else if ok && (best > worst) != c.measure.higher_is_better() {
                    let which = if c.measure.higher_is_better() {
                        "above"
                    } else {
                        "below"
                    };
                    self.push(
                        subject,
                        format!("on a fixed scale the best value must be {which} the worst"),
                    );
                }
            }
        }
        for (measure, id) in [
            (Measure::WholeLifeCost, COST_ID),
            (Measure::Capacity, CAPACITY_ID),
            (Measure::SocialValue, SOCIAL_VALUE_ID),
        ] {
            let count = appraisal
                .criteria
                .iter()
                .filter(|c| c.measure == measure || (c.measure.is_money() && measure.is_money()))
                .count();
            if count != 1 {
                self.push(
                    "Criteria",
                    format!("there must be exactly one \"{id}\" criterion (found {count})"),
                );
            }
        }
        let total: f64 = appraisal.criteria.iter().map(|c| c.swing_weight).sum();
        if appraisal
            .criteria
            .iter()
            .all(|c| c.swing_weight.is_finite())
            && total <= 0.0
        {
            self.push(
                "Weights",
                "every swing weight is zero: give at least one a weight",
            );
        }
    }

    fn groups(&mut self, appraisal: &Appraisal) {
        if appraisal.groups.len() > MAX_GROUPS {
            self.push(
                "Workshop groups",
                format!(
                    "there are {} groups; at most {MAX_GROUPS}",
                    appraisal.groups.len()
                ),
            );
        }
        let mut names = BTreeSet::new();
        for (k, g) in appraisal.groups.iter().enumerate() {
            let subject = if g.name.trim().is_empty() {
                format!("Workshop group {}", k + 1)
            } else {
                format!("Group \"{}\"", g.name.trim())
            };
            self.visible_name(&subject, "group name", &g.name);
            if g.name.trim().is_empty() {
                self.push(&subject, "the group has no name");
            } else if !names.insert(g.name.trim().to_lowercase()) {
                self.push(&subject, "two groups have this name");
            } else if g.name.trim().eq_ignore_ascii_case(COMBINED) {
                self.push(
                    &subject,
                    "\"Combined\" names the groups' combined ranking; give the group another name",
                );
            }
            for (id, &w) in &g.swing_weights {
                match appraisal.criteria.iter().find(|c| &c.id == id) {
                    Some(c) => {
                        let what = format!("swing weight for {}", c.name);
                        self.number(&subject, &what, w, 0.0, MAX_SWING_WEIGHT);
                    }
                    None => self.push(
                        &subject,
                        format!("has a weight for \"{id}\", which is not a criterion"),
                    ),
                }
            }
            let weights = g.weights_for(&appraisal.criteria);
            if weights.iter().all(|w| w.is_finite()) && weights.iter().sum::<f64>() <= 0.0 {
                self.push(
                    &subject,
                    "every swing weight is zero: give at least one a weight",
                );
            }
        }
    }

    fn options(&mut self, appraisal: &Appraisal) {
        let bau_count = appraisal
            .options
            .iter()
            .filter(|o| o.kind == OptionKind::BusinessAsUsual)
            .count();
        if bau_count != 1 {
            self.push(
                "Options",
                format!("there must be exactly one business-as-usual option (found {bau_count})"),
            );
        }
        if appraisal.options.len() < 2 {
            self.push(
                "Options",
                "compare business as usual with at least one partnership option",
            );
        }
        if appraisal.options.len() > MAX_OPTIONS {
            self.push(
                "Options",
                format!(
                    "there are {} options; at most {MAX_OPTIONS}",
                    appraisal.options.len()
                ),
            );
        }
        let mut names = BTreeSet::new();
        for (i, o) in appraisal.options.iter().enumerate() {
            let fallback = format!("Option {}", i + 1);
            let subject = if o.name.trim().is_empty() {
                self.push(&fallback, "the option has no name");
                fallback.as_str()
            } else {
                o.name.as_str()
            };
            if !names.insert(o.name.trim().to_lowercase()) && !o.name.trim().is_empty() {
                self.push(subject, "two options have this name");
            }
            self.visible_name(subject, "option name", &o.name);
            self.option(appraisal, o, subject);
        }
    }

    fn option(&mut self, appraisal: &Appraisal, option: &DeliveryOption, subject: &str) {
        let c = &option.cost;
        self.estimate(
            subject,
            "transition cost",
            &c.transition_cost_gbp,
            0.0,
            MAX_GBP,
        );
        self.estimate(
            subject,
            "annual running cost",
            &c.annual_running_cost_gbp,
            0.0,
            MAX_GBP,
        );
        self.estimate(
            subject,
            "optimism bias %",
            &c.optimism_bias_pct,
            0.0,
            MAX_OPTIMISM_BIAS_PCT,
        );
        if let Some(capital) = c.capital_optimism_bias_pct {
            self.number(
                subject,
                "optimism bias on one-off costs %",
                capital,
                0.0,
                MAX_OPTIMISM_BIAS_PCT,
            );
        }
        self.number(
            subject,
            "benefits shortfall %",
            c.benefits_shortfall_pct,
            0.0,
            100.0,
        );
        let period = appraisal.settings.appraisal_period_years;
        if c.transition_start_year.saturating_add(c.transition_years) > period.max(1)
            && c.transition_years != 0
            && c.transition_years <= period.max(1)
        {
            self.push(
                subject,
                format!(
                    "transition runs from year {} for {} years, past the end of the appraisal period (year {})",
                    c.transition_start_year,
                    c.transition_years,
                    period.max(1) - 1
                ),
            );
        }
        if c.transition_years == 0 || c.transition_years > period.max(1) {
            self.push(
                subject,
                format!(
                    "transition takes {} years; it must be 1 to the appraisal period ({period})",
                    c.transition_years
                ),
            );
        }
        if option.kind == OptionKind::BusinessAsUsual && c.go_live_year != 0 {
            self.push(
                subject,
                format!(
                    "goes live in year {}; business as usual runs the service from year 0, so its go-live year must be 0",
                    c.go_live_year
                ),
            );
        } else if c.go_live_year >= period.max(1) {
            self.push(
                subject,
                format!(
                    "goes live in year {}; it must go live within the appraisal period (year 0 to {})",
                    c.go_live_year,
                    period.max(1) - 1
                ),
            );
        }
        if c.ramp_up_pct.len() > period as usize {
            self.push(
                subject,
                format!(
                    "has a ramp-up of {} years, longer than the appraisal period ({period})",
                    c.ramp_up_pct.len()
                ),
            );
        }
        for (k, pct) in c.ramp_up_pct.iter().enumerate() {
            if !pct.is_finite() || !(0.0..=100.0).contains(pct) {
                self.push(
                    subject,
                    format!(
                        "ramp-up year {} is {pct}%; each year's share of the full saving must be 0% to 100%",
                        k + 1
                    ),
                );
            }
        }
        if !c.real_growth_pct.is_finite()
            || !(-MAX_REAL_GROWTH_PCT..=MAX_REAL_GROWTH_PCT).contains(&c.real_growth_pct)
        {
            self.push(
                subject,
                format!(
                    "running cost grows {}% a year in real terms; it must be between −{MAX_REAL_GROWTH_PCT}% and {MAX_REAL_GROWTH_PCT}%",
                    c.real_growth_pct
                ),
            );
        }
        for one_off in &c.one_offs {
            let what = if one_off.receipt {
                "one-off receipt"
            } else {
                "one-off cost"
            };
            if one_off.name.trim().is_empty() {
                self.push(
                    subject,
                    format!("has a {what} with no name; say what it is"),
                );
            }
            if one_off.year >= period.max(1) {
                self.push(
                    subject,
                    format!(
                        "{what} \"{}\" falls in year {}; it must fall within the appraisal period (year 0 to {})",
                        one_off.name,
                        one_off.year,
                        period.max(1) - 1
                    ),
                );
            }
            if !one_off.amount_gbp.is_finite() || !(0.0..=MAX_GBP).contains(&one_off.amount_gbp) {
                self.push(
                    subject,
                    format!(
                        "{what} \"{}\" is £{}; it must be £0 to £1 trillion (a receipt is ticked as one, not typed negative)",
                        one_off.name, one_off.amount_gbp
                    ),
                );
            }
        }
        self.risks(subject, option, period);
        let overrides = &c.year_overrides;
        for (what, row) in [
            ("transition spend", &overrides.transition_gbp),
            ("running cost", &overrides.running_gbp),
        ] {
            if row.len() > period as usize {
                self.push(
                    subject,
                    format!(
                        "gives its {what} for {} years, longer than the appraisal period ({period})",
                        row.len()
                    ),
                );
            }
            for (t, x) in row.iter().enumerate() {
                if let Some(x) = x {
                    self.number(
                        subject,
                        &format!("{what} given for year {t}"),
                        *x,
                        0.0,
                        MAX_GBP,
                    );
                }
            }
        }
        match &option.capacity {
            Capacity::Overall(r) => self.estimate(subject, "capacity", r, 0.0, 10.0),
            Capacity::Parts {
                community,
                market,
                client_side,
            } => {
                self.estimate(subject, "community capacity", community, 0.0, 10.0);
                self.estimate(subject, "market capacity", market, 0.0, 10.0);
                self.estimate(subject, "client-side capacity", client_side, 0.0, 10.0);
            }
        }
        let sv = &option.social_value;
        self.estimate(
            subject,
            "monetised social value",
            &sv.monetised_gbp_per_year,
            0.0,
            MAX_GBP,
        );
        self.estimate(
            subject,
            "social value rating",
            &sv.unmonetised_rating,
            0.0,
            10.0,
        );
        let cbc = &option.cbc;
        self.number(
            subject,
            "CBC annual cost",
            cbc.annual_cost_gbp,
            0.0,
            MAX_GBP,
        );
        self.number(
            subject,
            "CBC social value",
            cbc.social_value_gbp_per_year,
            0.0,
            MAX_GBP,
        );
        self.number(
            subject,
            "CBC social value rating uplift",
            cbc.social_value_rating_uplift,
            0.0,
            10.0,
        );
        self.number(
            subject,
            "CBC capacity growth per year",
            cbc.capacity_growth_per_year,
            0.0,
            10.0,
        );
        if option.kind == OptionKind::BusinessAsUsual && cbc.enabled {
            self.push(
                subject,
                "Community Benefit Clauses are contract conditions: business as usual cannot have them",
            );
        }
        for criterion in &appraisal.criteria {
            if matches!(criterion.measure, Measure::Rating { .. }) {
                match option.scores.get(&criterion.id) {
                    None => self.push(subject, format!("no value for \"{}\"", criterion.name)),
                    Some(&x) => {
                        self.number(subject, &criterion.name, x, -MAX_GBP, MAX_GBP);
                    }
                }
            }
        }
        for id in option.scores.keys() {
            let known = appraisal
                .criterion(id)
                .is_some_and(|c| matches!(c.measure, Measure::Rating { .. }));
            if !known {
                self.push(
                    subject,
                    format!("has a value for \"{id}\", which is not a rated criterion"),
                );
            }
        }
        for id in option.rationale.keys() {
            if appraisal.criterion(id).is_none() {
                self.push(
                    subject,
                    format!("has a rationale for \"{id}\", which is not a criterion"),
                );
            }
        }
    }
}

/// A bound for a message: whole numbers without a decimal point, huge ones in e-notation.
fn plain(x: f64) -> String {
    if x.abs() >= 1e9 {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}
