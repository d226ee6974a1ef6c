//! Plain-words meanings of every term on the screen: the hover text where each appears, and
//! the Help page "How to read this screen".

pub const NPSV: &str = "Net present social value: everything the option gains for society against business as usual (savings and monetised social value), less everything it adds in cost, over the appraisal period, with future years discounted. Above zero, the option is worth more than it costs.";
pub const BCR: &str = "Benefit-cost ratio: the present value of the option's benefits divided by the present value of the costs it adds. Above 1, each £1 of extra cost brings back more than £1. A dash: the option adds no cost.";
pub const PV_COSTS: &str = "Present value of the costs the option adds against business as usual (transition, Community Benefit Clauses, any rise in running cost), with future years discounted.";
pub const PV_BENEFITS: &str = "Present value of what the option gains against business as usual: savings in running cost and extra monetised social value, with future years discounted.";
pub const PAYBACK: &str = "The first year in which the option's discounted gains against business as usual have caught up with its costs. Year 0 is the price base year. None: not within the appraisal period.";
pub const SCORE: &str = "Weighted score out of 100: each criterion scores the option 0–100, and the scores are added up in proportion to the weights. The highest score ranks first.";
pub const SWING_WEIGHT: &str = "How much the swing from the worst to the best option on this criterion matters, against the other criteria. Give the most important swing 100 and the others a number relative to it; the shares of the decision follow.";
pub const SHARE_OF_DECISION: &str = "The criterion's weight as a share of all the weights: how much of the weighted score it decides.";
pub const MONEY_IN_RANKING: &str = "Money enters the weighted score once, through the money criterion (Value for money in a new appraisal). It is either the NPSV, so savings, costs and monetised social value all move the rank, or the whole-life cost, under which monetised social value does not. The weights panel says which this appraisal uses. The Social value criterion rates only social value not counted in money, so nothing is counted twice.";
pub const WHOLE_LIFE_COST: &str = "Present value of everything the option costs the council over the appraisal period: transition, running costs and Community Benefit Clauses.";
pub const OPTIMISM_BIAS: &str = "HM Treasury's uplift for the tendency of cost estimates to be too hopeful (Green Book supplementary guidance). Every figure is shown with and without it; a setting chooses which one ranks the options.";
pub const RANGE: &str = "The low and high values the robustness analysis draws this figure from (triangular, most likely at the figure itself).";
pub const FRAGILE: &str = "A fragile lead is one another option takes with a small change: of one weight, of one of the leader's money figures, or because the leader comes first in few of the weightings the robustness analysis tries.";
pub const ACCEPTABILITY: &str = "Rank acceptability: over thousands of weightings drawn at random (within the weight information in use), the share in which the option comes first, second, and so on.";
pub const CENTRAL_WEIGHTS: &str = "Central weights: the average of the weightings under which the option comes first — the typical view that makes it the winner.";
pub const CONFIDENCE: &str = "Confidence factor: how often the option is first when the weights are its central weights and only the uncertain figures vary.";
pub const DRAWS: &str = "The robustness figures come from this many random draws of the weights and the uncertain figures, from a fixed seed so the same file always gives the same figures. The ± is the most any share can be off by chance (95% of the time).";
pub const LOCAL_SCALE: &str = "Local scale: the worst option on this criterion scores 0 and the best 100, so changing one option's figure can move every option's score on it.";
pub const FIXED_SCALE: &str = "Fixed scale: you set the values that score 0 and 100, so an option's score does not move when another option changes.";
pub const BENEFIT_SCORE: &str =
    "Benefit score: the weighted score over every criterion except cost, out of 100.";
pub const EFFICIENT_FRONTIER: &str = "An option is on the efficient frontier when no other option has at least its benefit for no more cost.";
pub const SWITCHING_VALUE: &str = "Switching value: the value a weight or a figure would have to reach for another option to take first place (Green Book 5.59–5.61).";
pub const GO_LIVE: &str = "The year the new arrangement takes the service over (0 is the price base year). Until then the council keeps paying business as usual's running cost: the option saves nothing and adds no social value before it goes live.";
pub const RAMP_UP: &str = "How quickly the option reaches its full saving and social value after it goes live: the share in each year from go-live, e.g. 50, 80 means half in the first year, 80% in the second and all of it from the third. Leave empty for the full saving from go-live.";
pub const REAL_GROWTH: &str = "How much faster than general inflation this running cost grows each year (Green Book relative price effects), e.g. pay drift in a staff-heavy service. 0% keeps it flat in real terms.";
pub const ONE_OFF: &str = "A cost or receipt that falls once, in a year you choose: redundancy, TUPE and pension strain, procurement, ICT exit, double running while both services run, contract exit at the end, or the sale of an asset. Costs carry the option's optimism bias; business as usual's own one-offs count as avoided by every other option.";
pub const RECEIPT: &str =
    "Tick for money coming in, such as the sale of a building; leave it for a cost.";
pub const RISK: &str = "A risk the option carries: what could go wrong, the chance it happens (%), what it would cost (£, with a low and high if uncertain), the years the cost would fall in and how it is managed. Its expected cost, chance × cost, enters the risk-adjusted figures; in the robustness draws it happens or not, with its chance. Business as usual's own risks count as avoided by every other option.";
pub const OPTIMISM_BIAS_REDUCTION: &str = "As risks are identified and costed, the Green Book's supplementary guidance says the optimism bias uplift should come down: record the points taken off and why. The risk-adjusted figures use the lower uplift plus the risks' expected cost; the with-optimism-bias figures keep the full uplift.";
pub const CAPITAL_OPTIMISM_BIAS: &str = "Tick to give the one-off costs (the transition cost and one-offs such as redundancy or ICT exit) their own optimism bias, apart from the running cost's: the guidance's capital figures are far higher than its operating ones. Unticked, one uplift covers both.";
pub const OPTIMISM_BIAS_SOURCE: &str = "HM Treasury Green Book supplementary guidance on optimism bias (Mott MacDonald, Review of Large Public Procurement in the UK, 2002), upper bounds: capital works, standard buildings 24%, non-standard buildings 51%, equipment and development 200%; operating costs of outsourcing projects 41%. Start at the upper bound and bring it down only as risks are costed and managed.";
pub const BENEFITS_SHORTFALL: &str = "The guidance applies optimism to benefits too: the share of this option's monetised social value that may not materialise. With optimism bias applied, its social value counts at (100% − shortfall); without it, in full.";
pub const RISK_CHANCE: &str = "The chance the risk happens at all over the appraisal, once: not a chance each year. If it happens, its cost is spread evenly over the years given. Its expected cost, chance × cost, is what the risk-adjusted figures carry.";
pub const FIRST_FINANCIAL_YEAR: &str = "The financial year (April to March) the appraisal's year 0 falls in: every table, chart and report of the financial case labels years this way, e.g. 2027/28.";
pub const INFLATION: &str = "General inflation that turns the appraisal's base-year prices into cash, e.g. the GDP deflator forecast the finance team uses. Give its source and date: the app never fetches one.";
pub const SAVINGS_TARGET: &str = "The saving the medium-term financial plan needs from this service, £ a year in cash, from a financial year; add steps where it rises. Each option's cash saving is measured against it.";
pub const CAPITAL_FUNDING: &str = "How capital costs (those marked capital on the cards, less capital receipts) are paid for. Reserves, receipts or a grant leave the revenue budget alone; borrowing is repaid as equal yearly instalments of principal and interest (an annuity) from the year after, each a charge to revenue.";
pub const CAPITAL_COST: &str = "For the financial case: a capital cost is funded as the side panel says (reserves, a grant or borrowing) rather than charged to the revenue budget in the year it falls.";
pub const DISCOUNT_SCHEDULE: &str = "The discount rates every present value uses, with their name, source and date so a report says which it used. HM Treasury's social time preference rate (STPR) is the default; HM Treasury reviewed it in 2025–26, so when a revised Green Book publishes new rates, enter them here and record their source and date.";
pub const ALTERNATIVE_DISCOUNT: &str = "A second discount schedule for a sensitivity: every NPSV and the ranking are also worked out at it and shown beside the main ones, so the paper can say whether the choice of rate matters to the decision.";
pub const SHARED_DRIVER: &str = "A name such as \"Pay award\": every figure tied to the same driver, on any option, moves together in each robustness draw (each sits at the same point of its own low–high range). Leave empty to draw the figure on its own.";
pub const TRANSITION_START: &str = "The first year of the transition cost (0 is the price base year): it is spread evenly over its years from here, for example starting the year before go-live for procurement and set-up.";
pub const INCOMPLETE: &str = "An option without a running cost a year cannot be compared: no option is preferred, and nothing is called robust, until every option has one.";
pub const RANK_WAITS: &str = "Scores and ranks wait until every option has its running cost: scored against options still at £0 they would mislead.";

pub const PREFERRED: &str = "The preferred option has the highest weighted score at the weights the room agreed. The robustness charts then vary the weights (keeping the criteria's order of importance, unless set to any weights at all) to show how far that lead depends on the exact figures.";
pub const WEIGHT_INFORMATION: &str = "Weight information: what the robustness draws keep of the room's weights. By default, the order of importance the swing weights give (SMAA-2's ordinal information); or any weights at all, including splits no one holds.";

/// Every term, for the Help page, in the order a reader meets them.
pub const TERMS: [(&str, &str); 29] = [
    ("Preferred option", PREFERRED),
    ("Score", SCORE),
    ("Swing weight", SWING_WEIGHT),
    ("Share of the decision", SHARE_OF_DECISION),
    ("Local scale", LOCAL_SCALE),
    ("Fixed scale", FIXED_SCALE),
    ("NPSV", NPSV),
    ("PV costs", PV_COSTS),
    ("PV benefits", PV_BENEFITS),
    ("BCR", BCR),
    ("Payback", PAYBACK),
    ("Whole-life cost", WHOLE_LIFE_COST),
    ("Money in the ranking", MONEY_IN_RANKING),
    ("Optimism bias", OPTIMISM_BIAS),
    ("Optimism bias on one-off costs", CAPITAL_OPTIMISM_BIAS),
    ("Benefits shortfall", BENEFITS_SHORTFALL),
    ("Risk register", RISK),
    ("Optimism bias reduction", OPTIMISM_BIAS_REDUCTION),
    ("Shared driver", SHARED_DRIVER),
    ("Range (low – high)", RANGE),
    ("Fragile lead", FRAGILE),
    ("Switching value", SWITCHING_VALUE),
    ("Weight information", WEIGHT_INFORMATION),
    ("Rank acceptability", ACCEPTABILITY),
    ("Central weights", CENTRAL_WEIGHTS),
    ("Confidence factor", CONFIDENCE),
    ("Draws", DRAWS),
    ("Benefit score", BENEFIT_SCORE),
    ("Efficient frontier", EFFICIENT_FRONTIER),
];
