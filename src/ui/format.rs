//! Number formatting for everything the UI shows: one place, so the same quantity always looks the
//! same. Total: a non-finite input renders as "—", never "NaN" or "inf".
//!
//! The digits come from the browser's `Intl.NumberFormat` in the page (so they follow the
//! reader's language, and no float formatting is compiled into the wasm) and from [`plain`]
//! natively, which applies the same rules as V8's `Intl` for English: round half away from zero
//! on the shortest decimal form of the number, group thousands with commas. The browser tests
//! compare the page with figures formatted natively, so the two must agree digit for digit.

/// Shown instead of a number that is not finite (never reached with a valid Report).
pub const MISSING: &str = "—";

/// `x` with between `min` and `max` decimals, thousands grouped, a real minus sign (U+2212), and
/// no sign on a value that rounds to zero.
fn digits(x: f64, min: u8, max: u8) -> String {
    #[cfg(target_arch = "wasm32")]
    let s = intl::format(x, min, max);
    #[cfg(not(target_arch = "wasm32"))]
    let s = plain::format(x, min, max);
    let zero = !s.chars().any(|c| c.is_ascii_digit() && c != '0');
    match s.strip_prefix('-') {
        Some(rest) if zero => rest.to_string(),
        Some(rest) => format!("−{rest}"),
        None => s,
    }
}

/// `Intl.NumberFormat` formatters, one per (min, max) decimals, created once.
#[cfg(target_arch = "wasm32")]
mod intl {
    use std::cell::RefCell;

    thread_local! {
        static CACHE: RefCell<Vec<((u8, u8), js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    }

    fn formatter(min: u8, max: u8) -> Option<js_sys::Function> {
        CACHE.with(|c| {
            if let Some((_, f)) = c.borrow().iter().find(|(k, _)| *k == (min, max)) {
                return Some(f.clone());
            }
            let options = js_sys::Object::new();
            let set = |k: &str, v: wasm_bindgen::JsValue| {
                let _ = js_sys::Reflect::set(&options, &k.into(), &v);
            };
            set("minimumFractionDigits", f64::from(min).into());
            set("maximumFractionDigits", f64::from(max).into());
            let locales = js_sys::Array::of1(&"en-US".into());
            let nf = js_sys::Intl::NumberFormat::new(&locales, &options);
            let f = nf.format();
            c.borrow_mut().push(((min, max), f.clone()));
            Some(f)
        })
    }

    /// `x` formatted by the browser.
    pub fn format(x: f64, min: u8, max: u8) -> String {
        formatter(min, max)
            .and_then(|f| f.call1(&wasm_bindgen::JsValue::NULL, &x.into()).ok())
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    }
}

/// The native formatter: the same digits as V8's `Intl.NumberFormat("en-US")`.
#[cfg(not(target_arch = "wasm32"))]
pub mod plain {
    /// `x` with between `min` and `max` decimals and grouped thousands (ASCII minus).
    ///
    /// V8 rounds the number's shortest decimal form (its `toString` digits) half away from zero:
    /// 1.005 → "1.01", 0.125 → "0.13" with two decimals (Rust's own `{:.2}` would say "1.00" and
    /// "0.12"). This does the same on Rust's shortest form, which has the same digits.
    pub fn format(x: f64, min: u8, max: u8) -> String {
        let shortest = format!("{}", x.abs());
        let (int, frac) = shortest.split_once('.').unwrap_or((&shortest, ""));
        let max = usize::from(max);
        let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        let int_len = int.len();
        // Keep int_len + max digits; round half away from zero on the next one.
        let keep = int_len + max;
        let round_up = frac.len() > max && digits.get(keep).is_some_and(|d| *d >= 5);
        digits.truncate(keep);
        digits.resize(keep, 0);
        let mut int_len = int_len;
        if round_up {
            let mut i = digits.len();
            loop {
                if i == 0 {
                    digits.insert(0, 1);
                    int_len += 1;
                    break;
                }
                i -= 1;
                match digits.get_mut(i) {
                    Some(d) if *d == 9 => *d = 0,
                    Some(d) => {
                        *d += 1;
                        break;
                    }
                    None => break,
                }
            }
        }
        let (int_part, mut frac_part) = digits.split_at(int_len);
        while frac_part.len() > usize::from(min) && frac_part.last() == Some(&0) {
            frac_part = frac_part.split_last().map_or(frac_part, |(_, rest)| rest);
        }
        let mut out = String::new();
        if x.is_sign_negative() {
            out.push('-');
        }
        let int_text: String = int_part.iter().map(|d| char::from(b'0' + d)).collect();
        let int_text = int_text.trim_start_matches('0');
        let int_text = if int_text.is_empty() { "0" } else { int_text };
        let n = int_text.len();
        for (i, ch) in int_text.chars().enumerate() {
            if i > 0 && (n - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if !frac_part.is_empty() {
            out.push('.');
            out.extend(frac_part.iter().map(|d| char::from(b'0' + d)));
        }
        out
    }
}

/// A number with thousands separators and at most `decimals` decimals, trailing zeros trimmed:
/// `number(1234.5, 2)` → "1,234.5".
pub fn number(x: f64, decimals: u8) -> String {
    if !x.is_finite() {
        return MISSING.to_string();
    }
    digits(x, 0, decimals)
}

/// Exactly `decimals` decimals, thousands grouped, real minus sign.
fn fixed(x: f64, decimals: u8) -> String {
    digits(x, decimals, decimals)
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
    format!("{}%", fixed(pct, decimals))
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
    if x == 0.0 {
        return "0".into();
    }
    // Scale so 10 significant digits sit left of the point, round, scale back (10^k is exact
    // for |k| ≤ 22, beyond which there is no noise worth removing).
    let k = 9 - x.abs().log10().floor() as i32;
    let rounded = if (-22..=22).contains(&k) {
        let p = 10f64.powi(k.abs());
        let r = if k >= 0 {
            (x * p).round() / p
        } else {
            (x / p).round() * p
        };
        if r.is_finite() {
            r
        } else {
            x
        }
    } else {
        x
    };
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
            // Ties round half away from zero on the shortest digits, as V8's Intl does.
            (1.005, 2, "1.01"),
            (0.125, 2, "0.13"),
            (-2.5, 0, "−3"),
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
