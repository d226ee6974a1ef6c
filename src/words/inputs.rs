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

pub const PERCENT_LIST_HELP: &str =
    "Type each year's share as a number, separated by commas, e.g. 50, 80.";

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
