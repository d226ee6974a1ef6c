//! The results in words: what is missing, which option is preferred, and why it leads.

use super::and_list;
use crate::model::completeness::{Missing, MissingFigure};
use crate::model::money::Basis;
use crate::model::{Appraisal, Results};

/// "Contracting out and Consolidated management have no running cost a year yet."
pub fn missing(appraisal: &Appraisal, missing: &[Missing]) -> String {
    let names: Vec<&str> = missing
        .iter()
        .filter(|m| m.figure == MissingFigure::RunningCost)
        .map(|m| appraisal.options[m.option].name.as_str())
        .collect();
    let verb = if names.len() == 1 { "has" } else { "have" };
    format!("{} {verb} no running cost a year yet.", and_list(&names))
}

/// The appraisal is incomplete, and what that means for the ranking.
pub fn incomplete(appraisal: &Appraisal, missing_figures: &[Missing]) -> String {
    format!(
        "Incomplete: {} No option is preferred and nothing is called robust until every option has its figures.",
        missing(appraisal, missing_figures)
    )
}

/// The criteria on which option `ahead` gains most weighted points over option `behind`,
/// largest first, as (criterion index, points).
pub fn gains(results: &Results, ahead: usize, behind: usize) -> Vec<(usize, f64)> {
    let (a, b) = (&results.options[ahead], &results.options[behind]);
    let mut gains: Vec<(usize, f64)> = a
        .contributions
        .iter()
        .zip(&b.contributions)
        .enumerate()
        .map(|(j, (x, y))| (j, x - y))
        .filter(|(_, d)| *d > 0.05)
        .collect();
    gains.sort_by(|x, y| y.1.total_cmp(&x.1));
    gains
}

/// Why the leader leads the runner-up, in one sentence: "Shared service leads mainly on cost
/// and capacity; Community library trust is ahead on social value and risk."
pub fn why_it_leads(appraisal: &Appraisal, results: &Results) -> Option<String> {
    let leader = results.preferred;
    let runner_up = (0..results.options.len())
        .filter(|&i| i != leader)
        .max_by(|&x, &y| {
            results.options[x]
                .weighted_score
                .total_cmp(&results.options[y].weighted_score)
        })?;
    let names = |gains: &[(usize, f64)]| -> Vec<String> {
        // The criteria that make up most of the difference: at most three.
        gains
            .iter()
            .take(3)
            .map(|&(j, _)| appraisal.criteria[j].name.to_lowercase())
            .collect()
    };
    let leader_gains = gains(results, leader, runner_up);
    let runner_gains = gains(results, runner_up, leader);
    let (lead_name, runner_name) = (
        &appraisal.options[leader].name,
        &appraisal.options[runner_up].name,
    );
    let margin = results.options[leader].weighted_score - results.options[runner_up].weighted_score;
    let mut sentence = if leader_gains.is_empty() {
        format!("{lead_name} and {runner_name} score the same on every criterion")
    } else {
        format!(
            "{lead_name} leads {runner_name} by {margin:.1} points, mainly on {}",
            and_list(&names(&leader_gains))
        )
    };
    if !runner_gains.is_empty() {
        sentence.push_str(&format!(
            "; {runner_name} is ahead on {}",
            and_list(&names(&runner_gains))
        ));
    }
    sentence.push('.');
    Some(sentence)
}

/// "Shared service 65.9 against Community library trust 64.4: the bars add up to the
/// 1.5-point difference."
pub fn head_to_head_total(
    appraisal: &Appraisal,
    results: &Results,
    first: usize,
    second: usize,
) -> String {
    let (a, b) = (&results.options[first], &results.options[second]);
    format!(
        "{} {:.1} against {} {:.1}: the bars add up to the {:.1}-point difference.",
        appraisal.options[first].name,
        a.weighted_score,
        appraisal.options[second].name,
        b.weighted_score,
        (a.weighted_score - b.weighted_score).abs()
    )
}

/// Under the value profile, before its key: each bar runs through the criteria in this
/// order, in its own option's shades.
pub const VALUE_PROFILE_KEY: &str = "Left to right, darkest shade first:";

/// The year-by-year window's title.
pub fn year_by_year_title(option: &str) -> String {
    format!("{option}: year by year")
}

pub const YEAR_BY_YEAR_NEEDS_BAU: &str =
    "The year-by-year figures need a business-as-usual option to compare against.";

/// Under the year-by-year title: how the columns add up.
pub fn year_by_year_note(basis: Basis, npsv: &str) -> String {
    format!(
        "In base-year prices{}. Net benefit = saving + social value gain − transition − clauses − one-offs − risks; each year's present value is its net benefit × its discount factor, and they add up to the NPSV, {npsv}.",
        match basis {
            Basis::Base => ", without optimism bias",
            Basis::WithOptimismBias => ", with optimism bias",
            Basis::RiskAdjusted =>
                ", risk-adjusted (optimism bias less any reduction, plus the risks' expected cost)",
        }
    )
}

/// The sensitivity at the alternative discount schedule, in a sentence.
pub fn alternative_discount_sentence(
    appraisal: &Appraisal,
    main: &Results,
    alternative: &Results,
) -> Option<String> {
    let schedule = appraisal.settings.alternative_discount.as_ref()?;
    let apply_ob = appraisal.settings.apply_optimism_bias;
    let (p, q) = (main.preferred, alternative.preferred);
    let lead = &appraisal.options[q].name;
    let npsv = crate::model::format::gbp(alternative.options[q].headline(apply_ob).npsv_gbp);
    Some(if p == q {
        format!(
            "At the alternative discount schedule ({}), {lead} still leads, with NPSV {npsv} (against {}).",
            schedule.label(),
            crate::model::format::gbp(main.options[p].headline(apply_ob).npsv_gbp)
        )
    } else {
        format!(
            "At the alternative discount schedule ({}), {lead} leads instead of {}, with NPSV {npsv}: the choice of discount rate matters to this decision.",
            schedule.label(),
            appraisal.options[p].name
        )
    })
}

/// Which money figures the window's headline shows, in a few words.
pub fn headline_basis(apply_optimism_bias: bool) -> &'static str {
    if apply_optimism_bias {
        "with optimism bias and costed risks"
    } else {
        "without optimism bias"
    }
}

/// Where no option has a risk register or an optimism-bias reduction.
pub const NO_RISKS_COSTED: &str =
    "No risks are costed: the risk-adjusted figures equal those with optimism bias.";

pub const GIVEN_YEARS_HEADING: &str = "Your own figures for particular years";
pub const GIVEN_YEARS_HELP: &str = "Type a figure for each year, separated by semicolons, or paste a row of cells copied from Excel. A blank year keeps the figure the method builds. Figures are base-year £ before optimism bias: the uplift, go-live and the ramp-up still apply to them.";
pub const GIVEN_YEARS_HINT: &str =
    "e.g. 60k; ; 700k (a blank year keeps the method's figure), or paste a row from Excel";
pub const GIVEN_TRANSITION: &str = "Transition spend by year";
pub const GIVEN_RUNNING: &str = "Its running cost by year (at full level)";

/// Under the running-cost row, when figures are given for years before go-live.
pub fn given_before_go_live(go_live_year: u32) -> String {
    format!(
        "Before go-live (year {go_live_year}) the option's running cost is not yet paid (business as usual's is), so a figure given for those years has no effect."
    )
}

/// Under the given-years rows: which years now use the officer's figures.
pub fn given_years_in_use(years: &[usize]) -> String {
    let list: Vec<String> = years.iter().map(ToString::to_string).collect();
    format!(
        "Your figures replace the method's in year {}; the card's figures still set every other year.",
        list.join(", ")
    )
}

/// Under a given-years field that holds something the method cannot use.
pub fn given_years_problem(years: usize) -> String {
    format!(
        "Give at most {years} sums of £0 or more, one a year from year 0, separated by semicolons or tabs; leave a year blank to keep the method's figure."
    )
}

/// The year-by-year table's columns and what each one is.
pub const YEAR_BY_YEAR_COLUMNS: &[(&str, &str)] = &[
    (
        "Year",
        "Years count from 0, the price base year; money falls at the end of each year.",
    ),
    (
        "Transition",
        "The one-off transition cost, spread evenly over its years from the year it starts (set on the card).",
    ),
    (
        "BAU running cost",
        "Business as usual's running cost in the year, growing by its own real growth rate: what the saving is measured against.",
    ),
    (
        "Running cost paid",
        "The option's running cost, with business as usual's still paid until go-live and during the ramp-up, growing by its real growth rate.",
    ),
    ("Clauses", "Community Benefit Clauses' cost, from go-live."),
    (
        "One-offs",
        "One-off costs (uplifted by optimism bias) less receipts, less business as usual's own one-offs, which the option avoids.",
    ),
    (
        "Risks",
        "The expected cost of the option's risks (probability × likely impact, spread over each risk's years), less business as usual's own, which the option avoids.",
    ),
    (
        "Saving",
        "Business as usual's running cost minus the running cost paid; negative when the option costs more to run.",
    ),
    (
        "Social value gain",
        "Monetised social value against business as usual's.",
    ),
    (
        "Net benefit",
        "Saving + social value gain − transition − clauses − one-offs − risks.",
    ),
    (
        "Discount factor",
        "What a pound in this year is worth today at the Green Book discount rate.",
    ),
    (
        "Present value",
        "Net benefit × discount factor; these add up to the NPSV.",
    ),
];

/// Under the year-by-year note: the card's figures the table starts from, so an officer can
/// match "£3.65m" on the card to "£3.94m" in the table.
pub fn year_by_year_basis(
    running: &str,
    transition: &str,
    uplift_pct: f64,
    bau_running: &str,
) -> String {
    if uplift_pct > 0.0 {
        format!(
            "From the card: running cost {running} a year and transition {transition}, each + {uplift_pct:.0}% optimism bias; business as usual {bau_running} a year (never uplifted)."
        )
    } else {
        format!(
            "From the card: running cost {running} a year and transition {transition}; business as usual {bau_running} a year."
        )
    }
}
