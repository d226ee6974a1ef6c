//! What a saved appraisal holds: the inputs only. Every figure is derived from these by
//! [`crate::model::appraise`], and nothing derived is ever stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The format version this build writes. Older versions are migrated on load
/// (see `storage::migrate`); newer ones are refused.
pub const FORMAT_VERSION: u32 = 3;

/// Criterion ids of the three criteria every appraisal has.
pub const COST_ID: &str = "cost";
pub const CAPACITY_ID: &str = "capacity";
pub const SOCIAL_VALUE_ID: &str = "social_value";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appraisal {
    pub format_version: u32,
    pub meta: Metadata,
    pub settings: Settings,
    pub criteria: Vec<Criterion>,
    pub options: Vec<DeliveryOption>,
    /// Workshop stakeholder groups, each with its own swing weights (none: no workshop yet).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<StakeholderGroup>,
}

/// A workshop group (for example Councillors, Officers, Community representatives) and the
/// swing weights it agreed, on the same 0–100 scale as the criteria's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StakeholderGroup {
    pub name: String,
    /// Swing weight by criterion id; a criterion the group has not weighted counts as 0.
    pub swing_weights: BTreeMap<String, f64>,
    /// Entered in private: the room does not see these weights until they are revealed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

impl StakeholderGroup {
    /// A new group starting from equal weights, so no group is anchored on another's.
    pub fn new(name: impl Into<String>, criteria: &[Criterion]) -> Self {
        Self {
            name: name.into(),
            swing_weights: criteria.iter().map(|c| (c.id.clone(), 50.0)).collect(),
            hidden: false,
        }
    }

    /// The group's swing weights in the order of `criteria`.
    pub fn weights_for(&self, criteria: &[Criterion]) -> Vec<f64> {
        criteria
            .iter()
            .map(|c| self.swing_weights.get(&c.id).copied().unwrap_or(0.0))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    pub title: String,
    #[serde(default)]
    pub council: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub author: String,
    /// ISO date the appraisal was prepared, as the officer typed it.
    #[serde(default)]
    pub date: String,
    /// All money is in real terms at this year's prices; year 0 of the appraisal.
    pub price_base_year: i32,
    #[serde(default)]
    pub purpose: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub appraisal_period_years: u32,
    pub discount: DiscountSchedule,
    /// Whether the headline figures (ranking, cost criterion) include optimism bias.
    /// Both variants are always computed and shown.
    pub apply_optimism_bias: bool,
    /// How the robustness analysis runs. Files written before it existed get the defaults.
    #[serde(default)]
    pub robustness: RobustnessSettings,
    /// The financial case's inputs. Files written before it existed get the defaults.
    #[serde(default)]
    pub finance: FinanceSettings,
    /// A second discount schedule for a sensitivity: every NPSV and the ranking at it, side
    /// by side with the main one (the STPR is under review). None: no sensitivity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_discount: Option<DiscountSchedule>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            appraisal_period_years: 10,
            discount: DiscountSchedule::default(),
            apply_optimism_bias: true,
            robustness: RobustnessSettings::default(),
            finance: FinanceSettings::default(),
            alternative_discount: None,
        }
    }
}

/// The financial case: cash (nominal) by financial year, against the service's budget and
/// the medium-term financial plan's savings target. Not discounted.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FinanceSettings {
    /// The calendar year the appraisal's year 0 starts in, each financial year running April
    /// to March (2027 → "2027/28"). None: the price base year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_financial_year: Option<i32>,
    pub inflation: InflationSchedule,
    /// The savings target, £ a year in cash, from given years (possibly stepped).
    pub savings_target: Vec<TargetStep>,
    pub capital_funding: CapitalFunding,
}

/// General inflation turning base-year prices into cash: a rate for each year from year 1
/// (the last repeats), or the flat rate where none is given. The user enters its source and
/// date; the app never fetches one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct InflationSchedule {
    pub flat_rate_pct: f64,
    /// Rates for years 1, 2, …; past the end, the last one given.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rates_pct: Vec<f64>,
    pub source: String,
    pub date: String,
}

impl Default for InflationSchedule {
    fn default() -> Self {
        Self {
            flat_rate_pct: 2.0,
            rates_pct: Vec::new(),
            source: "Flat 2% a year, the Bank of England's inflation target (change it to the GDP deflator forecast the finance team uses)".to_string(),
            date: String::new(),
        }
    }
}

/// The savings target from a given financial year: £ a year, in cash.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetStep {
    /// The calendar year the target's first financial year starts in (2028 for 2028/29),
    /// as a medium-term financial plan writes it.
    pub from_financial_year: i32,
    pub saving_gbp: f64,
}

impl FinanceSettings {
    /// The calendar year the appraisal's year 0 starts in.
    pub fn first_year(&self, price_base_year: i32) -> i32 {
        self.first_financial_year.unwrap_or(price_base_year)
    }
}

/// How capital costs, net of capital receipts, are paid for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CapitalFunding {
    pub source: FundingSource,
    /// For borrowing: the interest rate, % a year, and the years of repayments.
    pub interest_rate_pct: f64,
    pub term_years: u32,
}

impl Default for CapitalFunding {
    fn default() -> Self {
        Self {
            source: FundingSource::Reserves,
            interest_rate_pct: 4.5,
            term_years: 10,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FundingSource {
    /// Reserves or capital receipts: no charge to the revenue budget.
    #[default]
    Reserves,
    /// A capital grant: no charge to the revenue budget.
    Grant,
    /// Borrowing: repaid in equal yearly instalments of principal and interest (an
    /// annuity) from the year after, each a charge to the revenue budget.
    Borrowing,
}

/// The robustness analysis: saved with the appraisal so a file always reproduces its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RobustnessSettings {
    /// Seed of the random draws.
    pub seed: u64,
    /// Number of SMAA and Monte Carlo draws. 10,000 keeps every acceptability within ±0.01
    /// (95% interval) of its limit.
    pub draws: u32,
    /// What the draws know of the weights: by default the order of importance of the swing
    /// weights (files from before this setting open with it too).
    pub weight_information: WeightInformation,
    /// Limits a workshop agreed on each criterion's normalised weight, by criterion id.
    pub weight_bounds: BTreeMap<String, WeightBounds>,
    /// A lead that another option takes within this change of one normalised weight (a
    /// share of the decision, 0–1) is fragile. The file keys predate the unit suffixes.
    #[serde(rename = "fragile_weight_change")]
    pub fragile_weight_change_share: f64,
    /// A leader first in fewer than this share (0–1) of the weightings drawn is fragile.
    #[serde(rename = "fragile_acceptability")]
    pub fragile_acceptability_share: f64,
    /// A lead another option takes when one of the leader's money inputs moves by less than
    /// this fraction (0.05 = 5%) is fragile.
    #[serde(rename = "fragile_input_change")]
    pub fragile_input_change_fraction: f64,
}

impl Default for RobustnessSettings {
    fn default() -> Self {
        Self {
            seed: 2026,
            draws: 10_000,
            weight_information: WeightInformation::default(),
            weight_bounds: BTreeMap::new(),
            fragile_weight_change_share: 0.05,
            fragile_acceptability_share: 0.6,
            fragile_input_change_fraction: 0.05,
        }
    }
}

/// The weight information the SMAA draws use (SMAA-2's ordinal information, or none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum WeightInformation {
    /// Weights in the order of importance the swing weights give (equal swing weights may
    /// fall either way), otherwise uniform: the room's ranking of the criteria, and no more.
    #[default]
    RankedSwingWeights,
    /// Any weights at all, uniform over every weighting (within the bounds, if set).
    AnyWeights,
}

/// Lowest and highest normalised weight (a share of the decision, 0–1) a criterion may take
/// in the SMAA draws. The file keys predate the unit suffixes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightBounds {
    #[serde(rename = "min")]
    pub min_share: f64,
    #[serde(rename = "max")]
    pub max_share: f64,
}

/// Annual discount rates by band of years, the HM Treasury STPR by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscountSchedule {
    /// Sorted by `from_year`; the first band starts at year 0.
    pub bands: Vec<RateBand>,
    /// What the schedule is, where it comes from and when it was published, so a report can
    /// say which rates it used (empty in files from before schedules were named).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

impl DiscountSchedule {
    /// The Green Book's rates for health and life values (Table 8): 1.5% declining.
    pub fn green_book_health() -> Self {
        let band = |from_year, rate_pct| RateBand {
            from_year,
            rate_pct,
        };
        Self {
            bands: vec![
                band(0, 1.5),
                band(31, 1.29),
                band(76, 1.07),
                band(126, 0.86),
                band(201, 0.64),
                band(301, 0.43),
            ],
            name: "HM Treasury Green Book health discount rate".to_string(),
            source: "HM Treasury, The Green Book (2022), Table 8: for health and life values"
                .to_string(),
            date: "2022".to_string(),
        }
    }

    /// A flat rate the user names, e.g. the one a revised Green Book publishes.
    pub fn flat(rate_pct: f64, name: &str) -> Self {
        Self {
            bands: vec![RateBand {
                from_year: 0,
                rate_pct,
            }],
            name: name.to_string(),
            source: String::new(),
            date: String::new(),
        }
    }

    /// Its name, or what it is when a file gave none.
    pub fn label(&self) -> String {
        if !self.name.trim().is_empty() {
            self.name.trim().to_string()
        } else if self.bands == Self::default().bands {
            Self::default().name
        } else {
            "the file's discount schedule".to_string()
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateBand {
    /// First year to which this rate applies (the rate discounts from year t−1 to year t).
    pub from_year: u32,
    pub rate_pct: f64,
}

impl Default for DiscountSchedule {
    /// Green Book declining long-term discount rate (Table 8 / A6).
    fn default() -> Self {
        let band = |from_year, rate_pct| RateBand {
            from_year,
            rate_pct,
        };
        Self {
            bands: vec![
                band(0, 3.5),
                band(31, 3.0),
                band(76, 2.5),
                band(126, 2.0),
                band(201, 1.5),
                band(301, 1.0),
            ],
            name: "HM Treasury Green Book STPR".to_string(),
            source: "HM Treasury, The Green Book (2022), Table 8 and Annex A6: the social time preference rate".to_string(),
            date: "2022".to_string(),
        }
    }
}

/// A criterion of the multi-criteria analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable key used by options' scores and rationales; never shown, never renamed.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub measure: Measure,
    pub scale: Scale,
    /// Raw swing weight: the criterion whose swing matters most gets 100, the others relative.
    pub swing_weight: f64,
}

impl Criterion {
    /// For the money criterion: counts money as `measure` (NPSV or whole-life cost). The
    /// scale goes back to local, since fixed ends in one measure mean nothing in the other,
    /// and a name or description left as the other measure's default follows the change.
    pub fn set_money_measure(&mut self, measure: Measure) {
        if self.measure == measure || !measure.is_money() || !self.measure.is_money() {
            return;
        }
        let (old_name, old_description) = money_criterion_words(self.measure);
        let (name, description) = money_criterion_words(measure);
        if self.name == old_name {
            self.name = name.to_string();
        }
        if self.description == old_description || self.description.is_empty() {
            self.description = description.to_string();
        }
        self.measure = measure;
        self.scale = Scale::Local;
    }
}

/// What a criterion measures, and so where each option's raw value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Measure {
    /// Whole-life cost to the council (PV of all the option's costs); lower is better.
    /// Monetised social value does not enter it, so it never moves the rank.
    WholeLifeCost,
    /// Net present social value against business as usual: savings less added costs plus
    /// monetised social value, discounted (business as usual scores its own 0); higher is
    /// better. The money criterion of new appraisals (format 3).
    Npsv,
    /// Capacity to deliver, 0–10, averaged over the appraisal period.
    Capacity,
    /// Unmonetised social value rating, 0–10 (monetised social value is in the NPSV).
    SocialValue,
    /// A value the user gives each option in `DeliveryOption::scores`.
    Rating { higher_is_better: bool },
}

impl Measure {
    pub fn higher_is_better(self) -> bool {
        match self {
            Measure::WholeLifeCost => false,
            Measure::Npsv | Measure::Capacity | Measure::SocialValue => true,
            Measure::Rating { higher_is_better } => higher_is_better,
        }
    }

    /// The money criterion's two measures: exactly one criterion has one of them.
    pub fn is_money(self) -> bool {
        matches!(self, Measure::WholeLifeCost | Measure::Npsv)
    }
}

/// The money criterion's name and description for each of its measures, as a new appraisal
/// gives them.
pub fn money_criterion_words(measure: Measure) -> (&'static str, &'static str) {
    match measure {
        Measure::WholeLifeCost => (
            "Cost",
            "Whole-life cost to the council: present value of every cost over the period",
        ),
        _ => (
            "Value for money",
            "Net present social value against business as usual: savings, less the costs the option adds, plus monetised social value, over the period",
        ),
    }
}

/// How raw values become 0–100 scores.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Scale {
    /// Worst option scores 0, best 100, linear in between.
    Local,
    /// User-given worst and best raw values score 0 and 100; scores do not move when
    /// options change.
    Fixed { worst: f64, best: f64 },
}

/// The five ways of delivering the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum OptionKind {
    BusinessAsUsual,
    CommunityOrganisation,
    ContractingOut,
    SharedService,
    ConsolidatedManagement,
}

impl OptionKind {
    pub const ALL: [OptionKind; 5] = [
        OptionKind::BusinessAsUsual,
        OptionKind::CommunityOrganisation,
        OptionKind::ContractingOut,
        OptionKind::SharedService,
        OptionKind::ConsolidatedManagement,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OptionKind::BusinessAsUsual => "Business as usual",
            OptionKind::CommunityOrganisation => "Community organisation",
            OptionKind::ContractingOut => "Contracting out",
            OptionKind::SharedService => "Shared service",
            OptionKind::ConsolidatedManagement => "Consolidated management",
        }
    }

    pub fn summary(self) -> &'static str {
        match self {
            OptionKind::BusinessAsUsual => "The council keeps delivering in-house: the comparator.",
            OptionKind::CommunityOrganisation => {
                "A community or voluntary group takes over the service."
            }
            OptionKind::ContractingOut => {
                "A private or voluntary provider delivers under contract."
            }
            OptionKind::SharedService => "Delivered jointly with one or more other councils.",
            OptionKind::ConsolidatedManagement => {
                "Management merged with another public body (shared chief officers, back office)."
            }
        }
    }

    /// Optimism-bias uplift a new option of this kind starts with (Mott MacDonald 2002:
    /// outsourcing operating cost 0–41%; partnerships set mid-range until risks are costed).
    pub fn default_optimism_bias_pct(self) -> f64 {
        match self {
            OptionKind::BusinessAsUsual => 0.0,
            OptionKind::CommunityOrganisation => 30.0,
            OptionKind::ContractingOut => 41.0,
            OptionKind::SharedService => 24.0,
            OptionKind::ConsolidatedManagement => 30.0,
        }
    }
}

/// One delivery option, as the user describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveryOption {
    pub kind: OptionKind,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub cost: CostInputs,
    pub capacity: Capacity,
    pub social_value: SocialValue,
    pub cbc: CommunityBenefitClauses,
    /// Raw values for each `Measure::Rating` criterion, by criterion id.
    #[serde(default)]
    pub scores: BTreeMap<String, f64>,
    /// One line of reasoning per criterion, by criterion id.
    #[serde(default)]
    pub rationale: BTreeMap<String, String>,
    /// Shared drivers: an input's key (`Input::key`, e.g. "running_cost") to the name of a
    /// driver such as "Pay award". In each robustness draw every input tied to one driver
    /// sits at the same point of its own range, so the options move together.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub drivers: BTreeMap<String, String>,
}

/// A number that may carry a low / likely / high range. Only `likely` enters the central
/// figures; the range feeds the robustness analysis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    pub likely: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
}

impl Estimate {
    pub const fn new(likely: f64) -> Self {
        Self {
            likely,
            low: None,
            high: None,
        }
    }

    pub const fn with_range(low: f64, likely: f64, high: f64) -> Self {
        Self {
            likely,
            low: Some(low),
            high: Some(high),
        }
    }

    /// The range the robustness analysis draws from: low to high, stretched to take in the
    /// likely value when a slider has moved it outside (the stored range is never rewritten
    /// unasked, so the draws must still cover the figure the room is looking at).
    pub fn effective_range(&self) -> Option<(f64, f64)> {
        let (low, high) = (self.low?, self.high?);
        Some((low.min(self.likely), high.max(self.likely)))
    }

    /// Whether the likely value has moved outside its stored low–high range.
    pub fn likely_outside_range(&self) -> bool {
        matches!((self.low, self.high), (Some(low), Some(high)) if self.likely < low || self.likely > high)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostInputs {
    /// One-off cost of moving to this option, in base-year £.
    pub transition_cost_gbp: Estimate,
    /// The transition cost is spread evenly over `transition_years` years from
    /// `transition_start_year`.
    pub transition_years: u32,
    /// The first year of the transition cost (format 3; 0 in older files), e.g. the year
    /// before go-live for procurement and set-up.
    #[serde(default)]
    pub transition_start_year: u32,
    /// In the financial case, the transition cost is capital (funded as the settings say)
    /// rather than a charge to the revenue budget.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub transition_is_capital: bool,
    /// Cost of running the service each year under this option, base-year £.
    pub annual_running_cost_gbp: Estimate,
    /// Uplift applied to the running cost (operating) when optimism bias is on, and to the
    /// transition and one-off costs too unless `capital_optimism_bias_pct` is set.
    /// Business as usual is today's known outturn and carries none.
    pub optimism_bias_pct: Estimate,
    /// A separate uplift (%) for the one-off costs, transition included (capital), from the
    /// supplementary guidance's table: standard buildings 24%, non-standard 51%, equipment
    /// and development 200%. None: the operating figure above (as in files before it existed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital_optimism_bias_pct: Option<f64>,
    /// The share (%) of the option's monetised social value that may not materialise: the
    /// guidance's optimism on benefits. Applied with optimism bias, like the uplift.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub benefits_shortfall_pct: f64,
    /// The year (0-based) the option takes the service over. Until then the council keeps
    /// paying business as usual's running cost, and the option saves nothing and adds no
    /// social value. Always 0 for business as usual. (Format 3; 0 in older files.)
    #[serde(default)]
    pub go_live_year: u32,
    /// The share (%) of the full saving and social value reached in each year from go-live,
    /// in order; 100% from the year after the last. Empty: the full level at go-live.
    #[serde(default)]
    pub ramp_up_pct: Vec<f64>,
    /// Growth of the running cost in real terms, % a year above general inflation (Green
    /// Book 5.11–5.13, relative price effects), e.g. pay drift in a staff-heavy service.
    #[serde(default)]
    pub real_growth_pct: f64,
    /// One-off costs and receipts in given years (format 3; none in older files).
    #[serde(default)]
    pub one_offs: Vec<OneOff>,
    /// The option's risk register: each risk's expected cost enters the risk-adjusted
    /// figures, and in the robustness draws it happens or not with its probability.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    /// Points of optimism bias taken off because risks are now costed (Green Book
    /// supplementary guidance: the uplift comes down as risks are identified and priced).
    /// Applies to the risk-adjusted figures only; the with-optimism-bias ones keep it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub optimism_bias_reduction_pct: f64,
    /// Why the uplift came down: which costed risks stand in for it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub optimism_bias_reduction_reason: String,
    /// Figures the officer gave for particular years, in place of what the method builds.
    #[serde(default, skip_serializing_if = "YearOverrides::has_no_rows")]
    pub year_overrides: YearOverrides,
}

/// An option's own figures for given years, typed or pasted from a spreadsheet row, each
/// in base-year £ before optimism bias; index = year, None keeps the method's figure.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct YearOverrides {
    /// The transition spend in the year, in place of its even spread.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub transition_gbp: Vec<Option<f64>>,
    /// The option's running cost in the year at its full level, in place of the running
    /// cost grown by its real growth; go-live and the ramp-up still apply.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub running_gbp: Vec<Option<f64>>,
}

impl YearOverrides {
    /// Nothing stored at all (what a save leaves out).
    pub fn has_no_rows(&self) -> bool {
        self.transition_gbp.is_empty() && self.running_gbp.is_empty()
    }

    /// No year given a figure.
    pub fn is_empty(&self) -> bool {
        self.transition_gbp.iter().all(Option::is_none)
            && self.running_gbp.iter().all(Option::is_none)
    }

    pub fn transition(&self, year: usize) -> Option<f64> {
        self.transition_gbp.get(year).copied().flatten()
    }

    pub fn running(&self, year: usize) -> Option<f64> {
        self.running_gbp.get(year).copied().flatten()
    }
}

fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

/// One entry of an option's risk register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Risk {
    pub description: String,
    /// The chance it happens over the appraisal, 0–100%.
    pub probability_pct: f64,
    /// What it costs if it happens, base-year £ (low / likely / high).
    pub impact_gbp: Estimate,
    /// The years (0-based, inclusive) its cost falls in, spread evenly.
    pub first_year: u32,
    pub last_year: u32,
    #[serde(default)]
    pub mitigation: String,
}

impl Risk {
    /// Its expected cost: probability × likely impact.
    pub fn expected_cost_gbp(&self) -> f64 {
        self.probability_pct / 100.0 * self.impact_gbp.likely
    }
}

/// A one-off cost or receipt in a given year: redundancy, TUPE and pension strain,
/// procurement, ICT exit, double running, contract exit at the end, the sale of an asset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OneOff {
    pub name: String,
    /// The year (0-based) it falls in.
    pub year: u32,
    /// In base-year £, never negative: `receipt` says which way it goes.
    pub amount_gbp: f64,
    /// Money coming in (the sale of an asset) rather than going out.
    #[serde(default)]
    pub receipt: bool,
    /// In the financial case, a capital cost (funded as the settings say) rather than a
    /// charge to the revenue budget. A receipt is always a capital receipt.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub capital: bool,
}

/// Capacity to deliver, 0–10: one rating, or the three parts averaged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Capacity {
    Overall(Estimate),
    Parts {
        /// Community and voluntary sector capacity.
        community: Estimate,
        /// Capacity of the provider market.
        market: Estimate,
        /// The council's own client-side capacity (commissioning, contract management).
        client_side: Estimate,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SocialValue {
    /// Monetised social value each year, base-year £ (enters the NPSV).
    pub monetised_gbp_per_year: Estimate,
    /// Rating of unmonetised social value, 0–10 (enters the MCA).
    pub unmonetised_rating: Estimate,
}

/// Community Benefit Clauses: contract conditions that cost something, add social value and,
/// year on year, build community capacity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommunityBenefitClauses {
    pub enabled: bool,
    /// Price premium and monitoring each year, base-year £.
    pub annual_cost_gbp: f64,
    /// Monetised social value the clauses add each year, base-year £.
    pub social_value_gbp_per_year: f64,
    /// Points added to the unmonetised social value rating (capped at 10).
    pub social_value_rating_uplift: f64,
    /// Points per year by which community capacity grows while the clauses run (capped at 10).
    pub capacity_growth_per_year: f64,
}

impl Default for CommunityBenefitClauses {
    fn default() -> Self {
        Self {
            enabled: false,
            annual_cost_gbp: 0.0,
            social_value_gbp_per_year: 0.0,
            social_value_rating_uplift: 0.0,
            capacity_growth_per_year: 0.0,
        }
    }
}

/// `name`, or `name 2`, `name 3`… whichever `taken` says is free: names stay distinct.
pub fn fresh_name(name: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(name) {
        return name.to_string();
    }
    (2..)
        .map(|k| format!("{name} {k}"))
        .find(|n| !taken(n))
        .unwrap_or_else(|| name.to_string())
}

impl Appraisal {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The money criterion (validation guarantees exactly one).
    pub fn money_criterion(&self) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.measure.is_money())
    }

    /// Counts money in the ranking as `measure` (NPSV or whole-life cost). The scale goes back
    /// to local, since fixed ends in one measure mean nothing in the other, and a name or
    /// description left as the other measure's default follows the change.
    pub fn set_money_measure(&mut self, measure: Measure) {
        if let Some(c) = self.criteria.iter_mut().find(|c| c.measure.is_money()) {
            c.set_money_measure(measure);
        }
    }

    /// Index of the business-as-usual option, the comparator.
    pub fn bau_index(&self) -> Option<usize> {
        self.options
            .iter()
            .position(|o| o.kind == OptionKind::BusinessAsUsual)
    }

    /// A criterion id not yet used, derived from a display name.
    pub fn fresh_criterion_id(&self, name: &str) -> String {
        let mut base: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        base = base.trim_matches('_').to_string();
        if base.is_empty() {
            base = "criterion".to_string();
        }
        let mut id = base.clone();
        let mut n = 2;
        while self.criterion(&id).is_some() {
            id = format!("{base}_{n}");
            n += 1;
        }
        id
    }

    /// `name`, or `name 2`, `name 3`… whichever no criterion is called yet.
    pub fn fresh_criterion_name(&self, name: &str) -> String {
        fresh_name(name, |n| {
            self.criteria
                .iter()
                .any(|c| c.name.trim().eq_ignore_ascii_case(n))
        })
    }

    /// Adds a rated criterion under a name not yet used, giving every option a mid-scale
    /// value so the appraisal stays valid. Returns its id.
    pub fn add_rating_criterion(&mut self, name: &str) -> String {
        let name = self.fresh_criterion_name(name.trim());
        let id = self.fresh_criterion_id(&name);
        self.criteria.push(Criterion {
            id: id.clone(),
            name,
            description: String::new(),
            measure: Measure::Rating {
                higher_is_better: true,
            },
            scale: Scale::Fixed {
                worst: 0.0,
                best: 10.0,
            },
            swing_weight: 50.0,
        });
        for option in &mut self.options {
            option.scores.insert(id.clone(), 5.0);
        }
        id
    }

    /// Removes a rated criterion and every option's score and rationale for it.
    /// The three core criteria cannot be removed.
    pub fn remove_criterion(&mut self, id: &str) -> bool {
        let Some(pos) = self.criteria.iter().position(|c| c.id == id) else {
            return false;
        };
        if !matches!(self.criteria[pos].measure, Measure::Rating { .. }) {
            return false;
        }
        self.criteria.remove(pos);
        self.settings.robustness.weight_bounds.remove(id);
        for option in &mut self.options {
            option.scores.remove(id);
            option.rationale.remove(id);
        }
        for group in &mut self.groups {
            group.swing_weights.remove(id);
        }
        true
    }
}
