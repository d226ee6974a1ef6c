//! Sentences under the input sliders: a likely value and its low–high range.

/// Which end of its range a likely value has crossed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeEnd {
    Low,
    High,
}

/// "£5.00m is above the high end of its range (£4.50m)." Figures come formatted in the
/// input's own unit, so the same line serves money, ratings and percentages.
pub fn outside_range(likely: &str, end: RangeEnd, end_value: &str) -> String {
    let side = match end {
        RangeEnd::High => "above the high end",
        RangeEnd::Low => "below the low end",
    };
    format!("{likely} is {side} of its range ({end_value}).")
}

/// "range £3.50m – £4.50m".
pub fn range_note(low: &str, high: &str) -> String {
    format!("range {low} – {high}")
}

/// "50%, 80%": a ramp-up as the card shows it.
pub fn percent_list(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{}%", trim_number(*v)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn trim_number(v: f64) -> String {
    let text = format!("{v:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// "50, 80" or "50%, 80%" (commas, semicolons, spaces or tabs between): the numbers, or None
/// when a piece is not a number. Empty text is an empty list.
pub fn parse_percent_list(text: &str) -> Option<Vec<f64>> {
    text.split([',', ';', ' ', '\t'])
        .map(|piece| piece.trim().trim_end_matches('%').trim())
        .filter(|piece| !piece.is_empty())
        .map(|piece| piece.parse::<f64>().ok().filter(|v| v.is_finite()))
        .collect()
}

/// Under a ramp-up field that holds something the method cannot use.
pub fn percent_list_help(max_years: usize) -> String {
    format!(
        "Type each year's share from 0 to 100, separated by commas, e.g. 50, 80: at most {max_years} {} (to the end of the appraisal period).",
        if max_years == 1 { "year" } else { "years" }
    )
}

/// Under the go-live slider: its financial year, since the slider counts from 0.
pub fn go_live_line(first_financial_year: i32, go_live_year: u32) -> String {
    let year =
        crate::model::finance::financial_year_label(first_financial_year, go_live_year as usize);
    if go_live_year == 0 {
        format!("Takes over at once ({year}).")
    } else {
        format!(
            "Takes over in {year}; business as usual runs the service until then ({} {}).",
            go_live_year,
            if go_live_year == 1 { "year" } else { "years" }
        )
    }
}

/// Under a ramp-up whose shares fall somewhere: usually a slip for the other order.
pub fn falling_ramp(values: &[f64]) -> Option<String> {
    values.windows(2).find(|w| w[1] < w[0]).map(|w| {
        format!(
            "The share falls from {}% to {}%: a ramp-up usually rises. Check the order.",
            trim_number(w[0]),
            trim_number(w[1])
        )
    })
}

/// Beside an option's real-growth slider: what it is measured against.
pub fn growth_against_bau(option_pct: f64, bau_pct: f64) -> String {
    let gap = option_pct - bau_pct;
    if gap.abs() < 0.05 {
        format!("The same as business as usual's ({bau_pct:.1}% a year).")
    } else {
        format!(
            "{:.1} points a year {} than business as usual's ({bau_pct:.1}%): the saving {} each year.",
            gap.abs(),
            if gap > 0.0 { "faster" } else { "slower" },
            if gap > 0.0 { "shrinks" } else { "grows" }
        )
    }
}

/// Where optimism bias is set: the source of its figures.
pub const OPTIMISM_BIAS_SOURCE_LINE: &str = "Upper bounds from the Green Book supplementary guidance on optimism bias (Mott MacDonald 2002). For one-offs such as TUPE or procurement, use the running cost's figure unless the evidence says otherwise.";

/// Under a risk not yet described: it is costed meanwhile, but a reader needs its name.
pub const RISK_NEEDS_DESCRIPTION: &str =
    "Say what could go wrong: reports list this risk as its number until then.";

/// Under a risk: its expected cost, worked.
pub fn risk_expected(probability_pct: f64, impact: &str, expected: &str) -> String {
    format!("Expected cost {expected} ({probability_pct:.0}% × {impact}).")
}

/// Under the optimism-bias reduction: the uplift the risk-adjusted figures use.
pub fn reduced_optimism_bias(full_pct: f64, reduction_pct: f64) -> String {
    if reduction_pct > 0.0 {
        format!(
            "Risk-adjusted figures use {:.0}% − {reduction_pct:.0} = {:.0}% optimism bias plus the risks' expected cost.",
            full_pct,
            (full_pct - reduction_pct).max(0.0)
        )
    } else {
        format!(
            "Risk-adjusted figures use the full {full_pct:.0}% optimism bias plus the risks' expected cost."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ramp_ups_read_as_typed_or_pasted() {
        assert_eq!(parse_percent_list("50, 80"), Some(vec![50.0, 80.0]));
        assert_eq!(parse_percent_list("50%,80% "), Some(vec![50.0, 80.0]));
        // A row pasted from Excel: tab-separated.
        assert_eq!(
            parse_percent_list("25\t50\t75"),
            Some(vec![25.0, 50.0, 75.0])
        );
        assert_eq!(parse_percent_list("50,"), Some(vec![50.0]));
        assert_eq!(parse_percent_list(""), Some(vec![]));
        assert_eq!(parse_percent_list("50, half"), None);
        assert_eq!(percent_list(&[50.0, 82.5]), "50%, 82.5%");
        assert_eq!(
            go_live_line(2026, 2),
            "Takes over in 2028/29; business as usual runs the service until then (2 years)."
        );
        assert_eq!(go_live_line(2026, 0), "Takes over at once (2026/27).");
        assert_eq!(
            falling_ramp(&[80.0, 50.0]).as_deref(),
            Some("The share falls from 80% to 50%: a ramp-up usually rises. Check the order.")
        );
        assert_eq!(falling_ramp(&[50.0, 80.0]), None);
        assert_eq!(
            growth_against_bau(2.0, 0.0),
            "2.0 points a year faster than business as usual's (0.0%): the saving shrinks each year."
        );
        assert_eq!(
            growth_against_bau(1.0, 1.0),
            "The same as business as usual's (1.0% a year)."
        );
    }

    #[test]
    fn says_which_end_was_crossed() {
        assert_eq!(
            outside_range("£5.00m", RangeEnd::High, "£4.50m"),
            "£5.00m is above the high end of its range (£4.50m)."
        );
        assert_eq!(
            outside_range("2.0", RangeEnd::Low, "3.0"),
            "2.0 is below the low end of its range (3.0)."
        );
        assert_eq!(range_note("£1", "£2"), "range £1 – £2");
    }
}
