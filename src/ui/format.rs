//! Number formatting for everything the UI shows: one place, so the same quantity always looks the
//! same. Total: a non-finite input renders as "—", never "NaN" or "inf".

/// Shown instead of a number that is not finite (never reached with a valid Report).
pub const MISSING: &str = "—";

/// Group the integer digits of a non-negative decimal string with commas: "1234567.5" → "1,234,567.5".
fn group_thousands(digits: &str) -> String {
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(digits.len() + int.len() / 3);
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A number with thousands separators and at most `decimals` decimals, trailing zeros trimmed:
/// `number(1234.5, 2)` → "1,234.5".
pub fn number(x: f64, decimals: usize) -> String {
    with_decimals(x, decimals, true)
}

/// Thousands separators and exactly `decimals` decimals (or at most, when `trim`), real minus sign.
fn with_decimals(x: f64, decimals: usize, trim: bool) -> String {
    if !x.is_finite() {
        return MISSING.to_string();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let s = if trim && s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    let sign = if x < 0.0 && s.chars().any(|c| c != '0' && c != '.') {
        "−"
    } else {
        ""
    };
    format!("{sign}{}", group_thousands(&s))
}

/// A fraction as a percentage with a fixed precision per size (so a column of them lines up and
/// 5.30% does not shrink to "5.3%"): 0.0534 → "5.34%", 0.1234 → "12.3%", 0.3 → "30.0%",
/// 0.00002 → "0.002%", 12.5 → "1,250%". Sign shown with a real minus.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return MISSING.to_string();
    }
    let pct = fraction * 100.0;
    let a = pct.abs();
    let decimals = if a == 0.0 || a >= 100.0 {
        0
    } else if a >= 10.0 {
        1
    } else if a >= 0.1 {
        2
    } else if a >= 0.001 {
        3
    } else {
        return if a == 0.0 {
            "0%".into()
        } else if pct < 0.0 {
            "> −0.001%".into()
        } else {
            "< 0.001%".into()
        };
    };
    format!("{}%", with_decimals(pct, decimals, false))
}

/// A signed percentage for "adds / takes": "+1.20%", "−0.35%".
pub fn signed_percent(fraction: f64) -> String {
    let s = percent(fraction);
    if fraction.is_finite() && fraction > 0.0 {
        format!("+{s}")
    } else {
        s
    }
}

/// USD with separators: ≥ 1,000 → no cents, else 2 decimals: "$96,000", "$12.35".
pub fn usd(x: f64) -> String {
    if !x.is_finite() {
        return MISSING.to_string();
    }
    let decimals = if x.abs() >= 1000.0 { 0 } else { 2 };
    let s = number(x.abs(), decimals);
    if x < 0.0 && s != "0" {
        format!("−${s}")
    } else {
        format!("${s}")
    }
}

/// A multiplier: 2.952 → "2.95×".
pub fn multiplier(x: f64) -> String {
    if !x.is_finite() {
        return MISSING.to_string();
    }
    format!("{}×", number(x, 2))
}

/// Days, with sensible units: 0 → "instant", 0.5 → "12 h", 14 → "14 days", 400 → "1.1 years".
pub fn days(d: f64) -> String {
    if !d.is_finite() {
        return MISSING.to_string();
    }
    if d <= 0.0 {
        "instant".into()
    } else if d < 1.0 {
        format!("{} h", number(d * 24.0, 0))
    } else if d < 365.0 {
        let n = number(d, 1);
        if n == "1" {
            "1 day".into()
        } else {
            format!("{n} days")
        }
    } else {
        let n = number(d / 365.0, 1);
        if n == "1" {
            "1 year".into()
        } else {
            format!("{n} years")
        }
    }
}

/// A value shown in an input box: shortest text that parses back to the same number
/// (Rust's `Display` for f64 is shortest-round-trip), with binary noise from unit conversion
/// (`0.032 × 100 = 3.2000000000000006`) rounded away at 10 significant digits.
pub fn input_value(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let rounded: f64 = format!("{x:.10e}").parse().unwrap_or(x);
    format!("{rounded}")
}

/// Parse what a user typed into a number box: accepts spaces, thousands commas, a leading `+`,
/// the Unicode minus, and a trailing `%`. Total: returns a message instead of panicking.
///
/// # Errors
/// A short message when the text is empty or not a finite number.
pub fn parse_input(text: &str) -> Result<f64, String> {
    let cleaned: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '_')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    let cleaned = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    if cleaned.is_empty() {
        return Err("enter a number".into());
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(v) if v.is_nan() => Err("not a number".into()),
        Ok(_) => Err("number is too large".into()),
        Err(_) => Err(format!(
            "{:?} is not a number",
            text.chars().take(24).collect::<String>()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_and_trim_zeros() {
        // Guards the separators and trimming every figure on screen relies on.
        let cases = [
            (0.0, 2, "0"),
            (1234.5, 2, "1,234.5"),
            (1_234_567.0, 0, "1,234,567"),
            (-1234.0, 0, "−1,234"),
            (-0.0001, 2, "0"),
            (999.999, 2, "1,000"),
        ];
        for (x, d, want) in cases {
            assert_eq!(number(x, d), want, "number({x}, {d})");
        }
    }

    #[test]
    fn percent_precision_fits_size() {
        let cases = [
            (0.0534, "5.34%"),
            (0.1234, "12.3%"),
            (-0.0035, "−0.35%"),
            (1.5, "150%"),
            (0.0, "0%"),
            (0.0000001, "< 0.001%"),
            (0.00002, "0.002%"),
        ];
        for (x, want) in cases {
            assert_eq!(percent(x), want, "percent({x})");
        }
        assert_eq!(signed_percent(0.012), "+1.20%");
    }

    #[test]
    fn non_finite_never_prints_nan_or_inf() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            for s in [percent(x), usd(x), number(x, 2), multiplier(x), days(x)] {
                assert_eq!(s, MISSING);
            }
            assert_eq!(input_value(x), "");
        }
    }

    #[test]
    fn usd_and_days() {
        assert_eq!(usd(96_000.0), "$96,000");
        assert_eq!(usd(12.345), "$12.35");
        assert_eq!(usd(-1500.0), "−$1,500");
        assert_eq!(days(14.0), "14 days");
        assert_eq!(days(0.0), "instant");
        assert_eq!(days(730.0), "2 years");
    }

    #[test]
    fn input_values_round_trip_and_hide_binary_noise() {
        assert_eq!(input_value(0.032 * 100.0), "3.2");
        assert_eq!(input_value(32.0), "32");
        for x in [0.1, 3.2, 1e-7, 123456.789] {
            assert_eq!(parse_input(&input_value(x)), Ok(x));
        }
    }

    #[test]
    fn parse_input_is_total() {
        assert_eq!(parse_input(" 1,234.5 "), Ok(1234.5));
        assert_eq!(parse_input("−3"), Ok(-3.0));
        assert_eq!(parse_input("+3%"), Ok(3.0));
        for bad in ["", "abc", "1e999", "NaN", "inf", "--1", "1.2.3", "💥"] {
            assert!(parse_input(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
