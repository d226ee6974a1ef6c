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

#[cfg(test)]
mod tests {
    use super::*;

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
