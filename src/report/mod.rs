//! The figures of an appraisal as a report: one [`Report`] value, rendered as JSON,
//! Markdown or CSV, so every format carries the same numbers.

mod csv;
mod docx;
mod finance;
mod html;
mod markdown;
pub mod raster;
pub mod robustness;
pub mod svg;
mod xlsx;

use serde::Serialize;

use crate::model::money::{Basis, discount_factors, rate_for_year, yearly_flows};
use crate::model::{Appraisal, DeliveryOption, Measure, MoneyFigures, Results, Scale, groups};

pub use csv::to_csv;
pub use docx::{DocxExportError, to_docx};
pub use finance::{
    AlternativeDiscountReport, AlternativeOptionReport, FinancialCaseReport, OptionFinanceReport,
};
use finance::{alternative_discount_report, financial_case_report};
pub use html::to_html;
pub use markdown::to_markdown;
pub use xlsx::{SHEETS as XLSX_SHEETS, XlsxExportError, to_xlsx};

/// Bumped whenever a JSON key is renamed or removed (adding keys does not bump it).
pub const REPORT_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub report_version: u32,
    pub title: String,
    pub council: String,
    pub service: String,
    pub author: String,
    pub date: String,
    pub price_base_year: i32,
    pub preferred_option: String,
    pub method: Method,
    pub criteria: Vec<CriterionReport>,
    pub options: Vec<OptionReport>,
    /// None only if the appraisal could not be analysed (it is always valid here).
    pub robustness: Option<robustness::RobustnessReport>,
    /// Workshop stakeholder groups' rankings; None when the file has no groups.
    pub groups: Option<GroupsReport>,
    /// Can the council afford each option, year by year, in cash (`model::finance`).
    pub financial_case: Option<FinancialCaseReport>,
    /// Each option's NPSV and rank at a second discount schedule; None when none is set.
    pub alternative_discount: Option<AlternativeDiscountReport>,
}

/// Every stakeholder group's ranking and the combined one (mean of normalised weights). As
/// in the window, a group whose weights are still hidden shows nothing, and nothing is
/// compared until every group is revealed.
#[derive(Debug, Clone, Serialize)]
pub struct GroupsReport {
    /// Groups whose weights are still hidden in the workshop (their figures are left out).
    pub hidden_groups: Vec<String>,
    /// Whether every group puts the same option first (false while any is hidden).
    pub same_leader: bool,
    /// That, in a sentence, naming who puts what first (or how many are hidden).
    pub agreement: String,
    /// The combined ranking's leader and score, in a sentence; empty while any is hidden.
    pub combined_summary: String,
    /// The revealed groups.
    pub groups: Vec<GroupReport>,
    /// Under the mean of the groups' normalised weights; None while any group is hidden.
    pub combined: Option<GroupReport>,
    /// Lowest and highest normalised weight the groups gave each criterion (empty while any
    /// group is hidden).
    pub weight_ranges: Vec<WeightRangeReport>,
    /// Best and worst rank each option has across the groups (empty while any is hidden).
    pub rank_ranges: Vec<RankRangeReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupReport {
    pub name: String,
    pub leader: String,
    /// Normalised weights in the order of `criteria`.
    pub normalised_weights: Vec<f64>,
    /// Weighted score 0–100 of each option, in the order of `options`.
    pub weighted_scores: Vec<f64>,
    pub ranks: Vec<u32>,
}

impl GroupsReport {
    /// The revealed groups, then the combined ranking when there is one: the columns of
    /// every groups table.
    pub fn rankings(&self) -> impl Iterator<Item = &GroupReport> {
        self.groups.iter().chain(self.combined.iter())
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct WeightRangeReport {
    pub criterion_id: String,
    pub lowest: f64,
    pub highest: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct RankRangeReport {
    pub option: String,
    pub best: u32,
    pub worst: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Method {
    pub appraisal_period_years: u32,
    pub discount_schedule: Vec<DiscountBandReport>,
    /// The schedule's name, source and date, as the file gives them.
    pub discount_schedule_name: String,
    pub discount_schedule_source: String,
    pub discount_schedule_date: String,
    /// The schedule in a sentence: name, rates, source and date.
    pub discounting: String,
    /// D_t for t = 0 .. period−1.
    pub discount_factors: Vec<f64>,
    /// How a reader's tables label each year: its financial year, "2026/27" ….
    pub financial_years: Vec<String>,
    pub optimism_bias_applied_to_ranking: bool,
    /// The money criterion's measure, "npsv" or "whole_life_cost" (format 3).
    pub money_measure: String,
    /// How money enters the weighted score and why nothing is counted twice.
    pub money_in_ranking: String,
    pub comparator: String,
    pub costs_and_benefits: String,
    pub bcr_definition: String,
    pub payback_definition: String,
    pub normalisation: String,
    pub weighting: String,
    pub capacity_rule: String,
    /// Cash versus real, the inflation index and its source, the revenue/capital split and
    /// the borrowing rule.
    pub financial_case: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiscountBandReport {
    pub from_year: u32,
    pub rate_pct: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct CriterionReport {
    pub id: String,
    pub name: String,
    pub measure: String,
    pub higher_is_better: bool,
    /// "local" or "fixed".
    pub scale: String,
    pub fixed_worst: Option<f64>,
    pub fixed_best: Option<f64>,
    pub swing_weight: f64,
    pub normalised_weight: f64,
}

impl CriterionReport {
    /// Whether the criterion is the money criterion, whose raw values are £.
    pub fn is_money(&self) -> bool {
        matches!(self.measure.as_str(), "whole_life_cost" | "npsv")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionReport {
    pub name: String,
    pub kind: String,
    /// The option's colour in every chart, `#RRGGBB`.
    pub colour: String,
    pub description: String,
    pub rank: u32,
    pub weighted_score: f64,
    pub benefit_score: f64,
    pub whole_life_cost_gbp: f64,
    pub on_efficient_frontier: bool,
    pub community_benefit_clauses: bool,
    pub with_optimism_bias: MoneyReport,
    pub without_optimism_bias: MoneyReport,
    /// Optimism bias less the points taken off for costed risks, plus the risks' expected
    /// cost: the headline when optimism bias applies.
    pub risk_adjusted: MoneyReport,
    /// The optimism bias (%) on the option's costs, the points taken off for costed risks,
    /// and why.
    pub optimism_bias_pct: f64,
    /// The uplift on its one-off costs, transition included: its own capital figure where
    /// set, otherwise `optimism_bias_pct`.
    pub one_off_optimism_bias_pct: f64,
    /// The share (%) of its monetised social value taken off with optimism bias.
    pub benefits_shortfall_pct: f64,
    pub optimism_bias_reduction_pct: f64,
    pub optimism_bias_reduction_reason: String,
    pub risks: Vec<RiskReport>,
    /// Every flow in every year, on the headline basis, as the method builds it.
    pub flows_by_year: FlowsByYearReport,
    pub scores: Vec<ScoreReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskReport {
    pub description: String,
    pub probability_pct: f64,
    pub impact_low_gbp: Option<f64>,
    pub impact_likely_gbp: f64,
    pub impact_high_gbp: Option<f64>,
    pub first_year: u32,
    pub last_year: u32,
    /// Probability × likely impact, base-year £, undiscounted.
    pub expected_cost_gbp: f64,
    pub mitigation: String,
}

/// An option's yearly flows (base-year £, undiscounted), each list one entry per year
/// 0 … period−1; `present_value_gbp` is net benefit × discount factor and sums to the NPSV.
#[derive(Debug, Clone, Serialize, Default)]
pub struct FlowsByYearReport {
    pub basis: String,
    pub transition_gbp: Vec<f64>,
    pub bau_running_gbp: Vec<f64>,
    pub running_paid_gbp: Vec<f64>,
    pub clauses_gbp: Vec<f64>,
    pub one_offs_gbp: Vec<f64>,
    pub risks_gbp: Vec<f64>,
    pub saving_gbp: Vec<f64>,
    pub social_value_gain_gbp: Vec<f64>,
    pub net_benefit_gbp: Vec<f64>,
    pub present_value_gbp: Vec<f64>,
}

impl FlowsByYearReport {
    /// Each money row with its heading, in the year-by-year table's order (the headings
    /// are the window's own, `words::results::YEAR_BY_YEAR_COLUMNS`).
    pub fn rows(&self) -> [(&'static str, &[f64]); 10] {
        let heading = |k: usize| crate::words::results::YEAR_BY_YEAR_COLUMNS[k].0;
        [
            (heading(1), &self.transition_gbp),
            (heading(2), &self.bau_running_gbp),
            (heading(3), &self.running_paid_gbp),
            (heading(4), &self.clauses_gbp),
            (heading(5), &self.one_offs_gbp),
            (heading(6), &self.risks_gbp),
            (heading(7), &self.saving_gbp),
            (heading(8), &self.social_value_gain_gbp),
            (heading(9), &self.net_benefit_gbp),
            (heading(11), &self.present_value_gbp),
        ]
    }
}

impl OptionReport {
    /// The optimism-bias table's cells after the option's name: running cost, one-off
    /// costs, benefits shortfall, points off for costed risks, and why.
    pub fn optimism_cells(&self) -> [String; 5] {
        let pct = |x: f64| format!("{x}%");
        [
            pct(self.optimism_bias_pct),
            pct(self.one_off_optimism_bias_pct),
            pct(self.benefits_shortfall_pct),
            format!("{}", self.optimism_bias_reduction_pct),
            self.optimism_bias_reduction_reason.clone(),
        ]
    }
}

/// The optimism-bias table's headings.
pub const OPTIMISM_HEADINGS: [&str; 6] = [
    "Option",
    "On running cost",
    "On one-off costs",
    "Benefits shortfall",
    "Points off for costed risks",
    "Why",
];

impl Report {
    /// The appraisal's details a reader sees under the title, those given: ("Council", …).
    pub fn meta_parts(&self) -> Vec<(&'static str, &str)> {
        [
            ("Council", self.council.as_str()),
            ("Service", self.service.as_str()),
            ("Prepared by", self.author.as_str()),
            ("Date", self.date.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect()
    }

    /// Whether any option has a risk register or an optimism-bias reduction to report.
    pub fn has_risks(&self) -> bool {
        self.options
            .iter()
            .any(|o| !o.risks.is_empty() || o.optimism_bias_reduction_pct > 0.0)
    }
}

/// The flows of `option` against `bau` on `basis`.
fn flows_by_year(
    option: &DeliveryOption,
    bau: &DeliveryOption,
    factors: &[f64],
    basis: Basis,
) -> FlowsByYearReport {
    let f = yearly_flows(option, bau, factors.len(), basis);
    let net: Vec<f64> = f
        .benefits_gbp
        .iter()
        .zip(&f.costs_gbp)
        .map(|(b, c)| b - c)
        .collect();
    FlowsByYearReport {
        basis: match basis {
            Basis::Base => "without_optimism_bias",
            Basis::WithOptimismBias => "with_optimism_bias",
            Basis::RiskAdjusted => "risk_adjusted",
        }
        .to_string(),
        present_value_gbp: net.iter().zip(factors).map(|(n, d)| n * d).collect(),
        net_benefit_gbp: net,
        transition_gbp: f.transition_gbp,
        bau_running_gbp: f.bau_running_gbp,
        running_paid_gbp: f.running_paid_gbp,
        clauses_gbp: f.clauses_gbp,
        one_offs_gbp: f.one_offs_against_bau_gbp,
        risks_gbp: f.risks_against_bau_gbp,
        saving_gbp: f.running_saving_gbp,
        social_value_gain_gbp: f.social_value_gain_gbp,
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct MoneyReport {
    pub pv_costs_gbp: f64,
    pub pv_benefits_gbp: f64,
    pub npsv_gbp: f64,
    pub bcr: Option<f64>,
    pub payback_year: Option<u32>,
    pub whole_life_cost_gbp: f64,
    /// Cumulative discounted net benefit against business as usual at the end of each year
    /// 0 … period−1.
    pub cumulative_net_gbp: Vec<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoreReport {
    pub criterion_id: String,
    pub raw_value: f64,
    pub score: f64,
    pub weighted_contribution: f64,
    pub rationale: String,
}

impl From<&MoneyFigures> for MoneyReport {
    fn from(money: &MoneyFigures) -> Self {
        Self {
            pv_costs_gbp: money.pv_costs_gbp,
            pv_benefits_gbp: money.pv_benefits_gbp,
            npsv_gbp: money.npsv_gbp,
            bcr: money.bcr,
            payback_year: money.payback_year,
            whole_life_cost_gbp: money.whole_life_cost_gbp,
            cumulative_net_gbp: money.cumulative_net_gbp.clone(),
        }
    }
}

fn measure_name(measure: Measure) -> &'static str {
    match measure {
        Measure::WholeLifeCost => "whole_life_cost",
        Measure::Npsv => "npsv",
        Measure::Capacity => "capacity",
        Measure::SocialValue => "social_value",
        Measure::Rating { .. } => "rating",
    }
}

impl Report {
    /// The option ranked first (the first listed, if several tie).
    pub fn preferred(&self) -> Option<&OptionReport> {
        self.options
            .iter()
            .find(|o| o.name == self.preferred_option)
    }

    /// The money figures the ranking uses: with optimism bias or without, as the file says.
    pub fn headline<'a>(&self, o: &'a OptionReport) -> &'a MoneyReport {
        if self.method.optimism_bias_applied_to_ranking {
            &o.risk_adjusted
        } else {
            &o.without_optimism_bias
        }
    }

    /// The method statement, a sentence a line (after the discount schedule).
    pub fn method_statements(&self) -> Vec<String> {
        let money = self.criteria.iter().find(|c| c.is_money());
        crate::words::method::statements(&crate::words::method::MethodFacts {
            money_in_ranking: self.method.money_in_ranking.clone(),
            money_criterion_name: money.map_or_else(|| "money".to_string(), |c| c.name.clone()),
            optimism_bias_applied_to_ranking: self.method.optimism_bias_applied_to_ranking,
            robustness_draws_and_seed: self.robustness.as_ref().map(|rb| (rb.draws, rb.seed)),
            has_groups: self.groups.is_some(),
        })
        .into_iter()
        .chain([
            format!("Discounting: {}", self.method.discounting),
            self.method.financial_case.clone(),
        ])
        .collect()
    }

    /// The options best first (ties keep file order).
    pub fn options_by_rank(&self) -> Vec<&OptionReport> {
        let mut by_rank: Vec<&OptionReport> = self.options.iter().collect();
        by_rank.sort_by_key(|o| o.rank);
        by_rank
    }
}

fn groups_report(appraisal: &Appraisal, results: &Results) -> Option<GroupsReport> {
    let c = groups::compare(appraisal, results)?;
    let group = |g: &groups::GroupRanking| GroupReport {
        name: g.name.clone(),
        leader: appraisal.options[g.leader].name.clone(),
        normalised_weights: g.weights.clone(),
        weighted_scores: g.totals.clone(),
        ranks: g.ranks.clone(),
    };
    let hidden_groups: Vec<String> = c
        .groups
        .iter()
        .filter(|g| g.hidden)
        .map(|g| g.name.clone())
        .collect();
    let shown: Vec<GroupReport> = c.groups.iter().filter(|g| !g.hidden).map(group).collect();
    if !hidden_groups.is_empty() {
        return Some(GroupsReport {
            agreement: crate::words::groups::hidden_groups(hidden_groups.len(), c.groups.len()),
            hidden_groups,
            same_leader: false,
            combined_summary: String::new(),
            groups: shown,
            combined: None,
            weight_ranges: Vec::new(),
            rank_ranges: Vec::new(),
        });
    }
    Some(GroupsReport {
        hidden_groups,
        same_leader: c.same_leader,
        agreement: crate::words::groups::agreement(appraisal, &c),
        combined_summary: crate::words::groups::combined_summary(appraisal, &c),
        groups: shown,
        combined: Some(group(&c.combined)),
        weight_ranges: appraisal
            .criteria
            .iter()
            .zip(&c.weight_range)
            .map(|(cr, &(lowest, highest))| WeightRangeReport {
                criterion_id: cr.id.clone(),
                lowest,
                highest,
            })
            .collect(),
        rank_ranges: appraisal
            .options
            .iter()
            .zip(&c.rank_range)
            .map(|(o, &(best, worst))| RankRangeReport {
                option: o.name.clone(),
                best,
                worst,
            })
            .collect(),
    })
}

/// Builds the report of an appraisal from its computed results, running the robustness
/// analysis in full.
pub fn build(appraisal: &Appraisal, results: &Results) -> Report {
    build_with(appraisal, results, robustness::build(appraisal, results))
}

/// Builds the report with robustness figures already worked out (the window passes its own,
/// so an export shows what the window shows).
pub fn build_with(
    appraisal: &Appraisal,
    results: &Results,
    robustness: Option<robustness::RobustnessReport>,
) -> Report {
    let settings = &appraisal.settings;
    // A valid appraisal always has its money criterion.
    let (money_measure, money_name) = appraisal
        .money_criterion()
        .map_or((Measure::Npsv, String::new()), |c| {
            (c.measure, c.name.clone())
        });
    let criteria = appraisal
        .criteria
        .iter()
        .zip(&results.weights)
        .map(|(c, &w)| {
            let (scale, fixed_worst, fixed_best) = match c.scale {
                Scale::Local => ("local", None, None),
                Scale::Fixed { worst, best } => ("fixed", Some(worst), Some(best)),
            };
            CriterionReport {
                id: c.id.clone(),
                name: c.name.clone(),
                measure: measure_name(c.measure).to_string(),
                higher_is_better: c.measure.higher_is_better(),
                scale: scale.to_string(),
                fixed_worst,
                fixed_best,
                swing_weight: c.swing_weight,
                normalised_weight: w,
            }
        })
        .collect();
    let factors = discount_factors(&settings.discount, settings.appraisal_period_years as usize);
    let basis = Basis::headline(settings.apply_optimism_bias);
    let bau = appraisal.bau_index().map(|i| &appraisal.options[i]);
    let options = appraisal
        .options
        .iter()
        .zip(&results.options)
        .map(|(o, r)| OptionReport {
            name: o.name.clone(),
            kind: o.kind.label().to_string(),
            colour: crate::palette::hex(crate::palette::option_rgb(o.kind)),
            description: o.description.clone(),
            rank: r.rank,
            weighted_score: r.weighted_score,
            benefit_score: r.benefit_score,
            whole_life_cost_gbp: r.headline(settings.apply_optimism_bias).whole_life_cost_gbp,
            on_efficient_frontier: r.on_efficient_frontier,
            community_benefit_clauses: o.cbc.enabled,
            with_optimism_bias: (&r.with_optimism_bias).into(),
            without_optimism_bias: (&r.without_optimism_bias).into(),
            risk_adjusted: (&r.risk_adjusted).into(),
            optimism_bias_pct: o.cost.optimism_bias_pct.likely,
            one_off_optimism_bias_pct: o
                .cost
                .capital_optimism_bias_pct
                .unwrap_or(o.cost.optimism_bias_pct.likely),
            benefits_shortfall_pct: o.cost.benefits_shortfall_pct,
            optimism_bias_reduction_pct: o.cost.optimism_bias_reduction_pct,
            optimism_bias_reduction_reason: o.cost.optimism_bias_reduction_reason.clone(),
            risks: o
                .cost
                .risks
                .iter()
                .map(|k| RiskReport {
                    description: k.description.clone(),
                    probability_pct: k.probability_pct,
                    impact_low_gbp: k.impact_gbp.low,
                    impact_likely_gbp: k.impact_gbp.likely,
                    impact_high_gbp: k.impact_gbp.high,
                    first_year: k.first_year,
                    last_year: k.last_year,
                    expected_cost_gbp: k.expected_cost_gbp(),
                    mitigation: k.mitigation.clone(),
                })
                .collect(),
            flows_by_year: bau
                .map(|b| flows_by_year(o, b, &factors, basis))
                .unwrap_or_default(),
            scores: appraisal
                .criteria
                .iter()
                .enumerate()
                .map(|(j, c)| ScoreReport {
                    criterion_id: c.id.clone(),
                    raw_value: r.raw_values[j],
                    score: r.scores[j],
                    weighted_contribution: r.contributions[j],
                    rationale: o.rationale.get(&c.id).cloned().unwrap_or_default(),
                })
                .collect(),
        })
        .collect();
    // Only the bands that reach into the appraisal period matter to the reader.
    let period = settings.appraisal_period_years;
    let discount_schedule = settings
        .discount
        .bands
        .iter()
        .filter(|b| b.from_year < period.max(1))
        .map(|b| DiscountBandReport {
            from_year: b.from_year,
            rate_pct: rate_for_year(&settings.discount, b.from_year),
        })
        .collect();
    let meta = &appraisal.meta;
    Report {
        report_version: REPORT_VERSION,
        title: meta.title.clone(),
        council: meta.council.clone(),
        service: meta.service.clone(),
        author: meta.author.clone(),
        date: meta.date.clone(),
        price_base_year: meta.price_base_year,
        preferred_option: appraisal.options[results.preferred].name.clone(),
        method: Method {
            appraisal_period_years: period,
            discount_schedule,
            discount_schedule_name: settings.discount.label(),
            discount_schedule_source: settings.discount.source.clone(),
            discount_schedule_date: settings.discount.date.clone(),
            discounting: crate::words::finance::schedule_line(&settings.discount),
            discount_factors: results.discount_factors.clone(),
            financial_years: (0..results.discount_factors.len())
                .map(|t| {
                    crate::model::finance::financial_year_label(
                        settings.finance.first_year(meta.price_base_year),
                        t,
                    )
                })
                .collect(),
            optimism_bias_applied_to_ranking: settings.apply_optimism_bias,
            money_measure: measure_name(money_measure).to_string(),
            money_in_ranking: crate::words::method::money_in_ranking(money_measure, &money_name),
            comparator: crate::words::method::COMPARATOR.to_string(),
            costs_and_benefits: crate::words::method::COSTS_AND_BENEFITS.to_string(),
            bcr_definition: crate::words::method::BCR.to_string(),
            payback_definition: crate::words::method::PAYBACK.to_string(),
            normalisation: crate::words::method::NORMALISATION.to_string(),
            weighting: crate::words::method::WEIGHTING.to_string(),
            capacity_rule: crate::words::method::CAPACITY.to_string(),
            financial_case: crate::words::finance::method(appraisal),
        },
        criteria,
        options,
        robustness,
        groups: groups_report(appraisal, results),
        financial_case: financial_case_report(appraisal),
        alternative_discount: alternative_discount_report(appraisal, results),
    }
}

/// A risk's cost if it happens: the likely figure, and its range where it has one.
pub(crate) fn impact_text(r: &RiskReport) -> String {
    use crate::model::format::gbp;
    match (r.impact_low_gbp, r.impact_high_gbp) {
        (Some(low), Some(high)) => format!(
            "{} ({} to {})",
            gbp(r.impact_likely_gbp),
            gbp(low),
            gbp(high)
        ),
        _ => gbp(r.impact_likely_gbp),
    }
}

/// "year 2" or "years 2–3".
pub(crate) fn years_text(first: u32, last: u32) -> String {
    if first == last {
        format!("year {first}")
    } else {
        format!("years {first}–{last}")
    }
}

/// Text a spreadsheet will show as text: a cell that starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return would be read as a formula (CSV injection, as OWASP describes it),
/// so it is prefixed with an apostrophe, which Excel and LibreOffice hide and read as "text".
/// A cell that is a number as written (a negative figure) stays a number.
pub fn spreadsheet_text(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && text.trim().parse::<f64>().is_err() {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Text safe inside XML and HTML elements and attribute values.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0; a pasted rationale may hold one.
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// Pretty JSON with stable snake_case keys (documented in the README).
pub fn to_json(report: &Report) -> String {
    // A Report holds only strings, numbers, bools and options: it always serialises.
    serde_json::to_string_pretty(report).unwrap_or_default()
}
