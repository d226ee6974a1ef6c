//! The method statement: the rules every figure follows, as the reports and the README
//! state them.

use crate::model::Measure;

pub const COMPARATOR: &str = "Every option is appraised against business as usual (in-house delivery), in real terms at base-year prices; year 0 is the price base year and flows fall at the end of each year.";
pub const COSTS_AND_BENEFITS: &str = "Costs: transition cost (spread evenly over its years from its start year), Community Benefit Clause costs and any rise in running cost over business as usual. Benefits: any saving in running cost against business as usual plus the change in monetised social value. Optimism bias uplifts an option's running cost, and its transition and one-off costs (by a separate capital uplift where one is set); a benefits shortfall, where set, takes its share off the option's monetised social value; business as usual carries neither. Timing: until an option's go-live year the council keeps paying business as usual's running cost and gets business as usual's social value; from go-live the option's running cost, monetised social value and clauses take over in the shares its ramp-up gives (100% once the ramp-up ends); each running cost grows by its own real growth rate a year (relative price effects, Green Book 5.11–5.13). One-off costs (with the option's optimism bias) and receipts fall in the years given, counted net of business as usual's own one-offs, which the option avoids.";
pub const BCR: &str = "BCR = PV benefits / PV costs, with PV costs as defined above for every option; no BCR where an option adds no cost.";
pub const PAYBACK: &str = "Payback year: the first year (0-based) in which cumulative discounted net benefit against business as usual is above zero.";
pub const NORMALISATION: &str = "Scores 0–100 per criterion. Local scale: worst option 0, best 100, linear between (whole-life cost reversed: cheapest 100; all 100 when every option is equal). Fixed scale: the stated worst value 0, best 100, values beyond held at the ends.";
pub const WEIGHTING: &str = "Swing weights normalised to sum to 1; weighted score = Σ weight × score (0–100); ties share a rank. Benefit score = weighted score over the criteria other than the money criterion, rescaled to 0–100; an option is on the efficient frontier when no other option has at least its benefit score for at most its whole-life cost.";
pub const CAPACITY: &str = "Capacity is the single 0–10 rating or the mean of its three parts (community and voluntary sector, provider market, council client side). With Community Benefit Clauses, community capacity grows by the clauses' figure each year, up to 10; the score is its mean over the appraisal period.";

/// How money enters the weighted score, and why nothing is counted twice, for the money
/// criterion's measure (NPSV or whole-life cost).
pub fn money_in_ranking(measure: Measure, criterion_name: &str) -> String {
    match measure {
        Measure::WholeLifeCost => format!(
            "Money enters the weighted score once, through the {criterion_name} criterion: each option's whole-life cost (the present value of everything it costs the council), scored 0–100 with the cheapest best. Under this choice monetised social value does not enter the weighted score: it shows in the NPSV and BCR only, so raising it does not move the rank. The Social value criterion rates only social value not counted in money."
        ),
        _ => format!(
            "Money enters the weighted score once, through the {criterion_name} criterion: each option's net present social value against business as usual (savings, less the costs it adds, plus monetised social value), scored 0–100 with the highest best; business as usual's is £0. Monetised social value is counted there and nowhere else: the Social value criterion rates only social value not counted in money, and the benefit score leaves money out, so nothing is counted twice."
        ),
    }
}

/// What the method statement depends on beyond its fixed rules.
#[derive(Debug, Clone, PartialEq)]
pub struct MethodFacts {
    /// How money enters the ranking (`money_in_ranking`), and the money criterion's name.
    pub money_in_ranking: String,
    pub money_criterion_name: String,
    pub optimism_bias_applied_to_ranking: bool,
    /// The SMAA run's draws and seed, when there are robustness figures.
    pub robustness_draws_and_seed: Option<(u32, u64)>,
    pub has_groups: bool,
}

/// The method statement, a sentence a line: how optimism bias is used, the fixed rules, and
/// what the robustness figures and the group ranking rest on.
pub fn statements(facts: &MethodFacts) -> Vec<String> {
    let mut lines = vec![
        facts.money_in_ranking.clone(),
        format!(
            "The ranking and the {} criterion use figures {}.",
            facts.money_criterion_name,
            if facts.optimism_bias_applied_to_ranking {
                "with optimism bias, risk-adjusted: each option's uplift less any points taken off for costed risks, plus the expected cost (probability × likely impact) of every risk in its register, in the years it falls; business as usual's own risks count as avoided by the other options. With no risks costed these equal the figures with optimism bias"
            } else {
                "without optimism bias and without the risk register"
            }
        ),
    ];
    lines.extend(
        [
            COMPARATOR,
            COSTS_AND_BENEFITS,
            BCR,
            PAYBACK,
            NORMALISATION,
            WEIGHTING,
            CAPACITY,
        ]
        .map(String::from),
    );
    if let Some((draws, seed)) = facts.robustness_draws_and_seed {
        lines.push(format!(
            "Robustness: one-weight sweeps with exact switching values; input switching values for the preferred option; SMAA (stochastic multi-criteria acceptability analysis) with weightings drawn at random, every possible weighting equally likely (within any bounds the workshop agreed), and the uncertain inputs drawn from triangular low / likely / high ranges (inputs tied to one shared driver at the same point of their ranges in each draw; each risk happening with its probability, at an impact drawn from its range); {draws} draws, seed {seed} (the same file and seed always give the same figures)."
        ));
    }
    if facts.has_groups {
        lines.push("Workshop groups: each group's swing weights are normalised to sum to 1; the combined ranking uses the mean of the groups' normalised weights.".to_string());
    }
    lines
}
