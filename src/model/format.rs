//! Numbers as councils write them: £1.2m, £350k, −£40k.

/// Money in the style of a committee paper: £1.23m, £350k, £950; negative with a minus sign.
pub fn gbp(x: f64) -> String {
    let sign = if x < 0.0 { "−" } else { "" };
    let a = x.abs();
    let body = if a >= 1e9 {
        format!("£{:.2}bn", a / 1e9)
    } else if a >= 1e6 {
        format!("£{:.2}m", a / 1e6)
    } else if a >= 1e4 {
        format!("£{:.0}k", a / 1e3)
    } else if a >= 1e3 {
        format!("£{:.1}k", a / 1e3)
    } else {
        format!("£{a:.0}")
    };
    // "−£0" would read as a loss.
    if body == "£0" {
        body
    } else {
        format!("{sign}{body}")
    }
}

/// A benefit-cost ratio to two places, or a dash where the option adds no cost.
pub fn bcr(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "–".to_string(), |r| format!("{r:.2}"))
}

/// The payback year as "year N", or "not within period".
pub fn payback(year: Option<u32>) -> String {
    year.map_or_else(|| "not within period".to_string(), |y| format!("year {y}"))
}

/// A rank in words: 1st, 2nd, 3rd, 4th, … 11th, 12th, 13th, 21st.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_as_words() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal).to_vec();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"
            ]
        );
    }

    #[test]
    fn money_reads_like_a_committee_paper() {
        assert_eq!(gbp(1_234_567.0), "£1.23m");
        assert_eq!(gbp(350_400.0), "£350k");
        assert_eq!(gbp(-40_000.0), "−£40k");
        assert_eq!(gbp(2_500.0), "£2.5k");
        assert_eq!(gbp(950.0), "£950");
        assert_eq!(gbp(-0.2), "£0");
        assert_eq!(gbp(3.2e9), "£3.20bn");
        assert_eq!(bcr(Some(1.826)), "1.83");
        assert_eq!(bcr(None), "–");
        assert_eq!(payback(Some(4)), "year 4");
        assert_eq!(payback(None), "not within period");
    }
}
