//! Character-level pieces of the link format: percent-encoding of free text, lenient
//! percent-decoding, the shortest exact text of an `f64`, and bounded quoting for notices.
//!
//! Every function here is total on any `&str`: bytes are walked with `get`, never indexed, and
//! strings are only cut at `char` boundaries.

/// Longest quoted value, in characters, that a notice repeats back to the user.
pub(crate) const QUOTE_CHARS: usize = 32;

/// Bytes of free text written as themselves: ASCII letters, digits and `-` `_` `~` (RFC 3986
/// unreserved characters minus `.`, which separates the parts of a layer). Every other byte of
/// the UTF-8 text is written `%XX` with upper-case hex digits.
fn is_plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'~')
}

fn hex_digit(n: u8) -> char {
    match n {
        0..=9 => char::from(b'0'.saturating_add(n)),
        10..=15 => char::from(b'A'.saturating_add(n.saturating_sub(10))),
        _ => '0',
    }
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b.saturating_sub(b'0')),
        b'a'..=b'f' => Some(b.saturating_sub(b'a').saturating_add(10)),
        b'A'..=b'F' => Some(b.saturating_sub(b'A').saturating_add(10)),
        _ => None,
    }
}

/// Append `text` to `out`, percent-encoded so that it contains none of the format's structural
/// characters (`& = . ( ) , : + % #` and the rest).
pub(crate) fn push_text(out: &mut String, text: &str) {
    for b in text.bytes() {
        if is_plain(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex_digit(b >> 4));
            out.push(hex_digit(b & 0x0f));
        }
    }
}

/// `text` percent-encoded (see [`push_text`]).
#[cfg(test)]
pub(crate) fn encode_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_text(&mut out, text);
    out
}

/// Percent-decode leniently: `%XX` with two hex digits becomes that byte, a `%` not followed by
/// two hex digits stays a literal `%`, and `+` becomes a space (as in
/// `application/x-www-form-urlencoded`, which `URLSearchParams` also follows).
fn percent_decode(raw: &str) -> Vec<u8> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        i = i.saturating_add(1);
        match b {
            b'%' => {
                let hi = bytes.get(i).copied().and_then(hex_value);
                let lo = bytes.get(i.saturating_add(1)).copied().and_then(hex_value);
                match (hi, lo) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi << 4) | lo);
                        i = i.saturating_add(2);
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            _ => out.push(b),
        }
    }
    out
}

/// Percent-decode `raw` into text. The flag is `true` when the decoded bytes were not valid
/// UTF-8 and invalid sequences were replaced with U+FFFD.
pub(crate) fn decode_text(raw: &str) -> (String, bool) {
    match String::from_utf8(percent_decode(raw)) {
        Ok(s) => (s, false),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
    }
}

/// Percent-decoded text with invalid UTF-8 replaced (for keys, codes and numbers, where an
/// invalid byte makes the value unknown or malformed anyway).
pub(crate) fn decode_lossy(raw: &str) -> String {
    decode_text(raw).0
}

/// Text positions longer than this use the exponent form when it is shorter.
const MAX_POSITIONAL_CHARS: usize = 12;

/// The shortest text that `str::parse::<f64>` reads back to the same bits.
///
/// Rust's `Display` for `f64` prints the shortest digits that round-trip, in positional form
/// (`0.032`, `3000`, `-0`); when that is longer than 12 characters and the exponent form
/// (`LowerExp`, also shortest round-trip) is shorter, the exponent form is used instead
/// (`1e12`, `5e-324`). Non-finite values print as `NaN`, `inf`, `-inf`, which decode reports
/// as malformed.
pub fn format_f64(x: f64) -> String {
    let positional = format!("{x}");
    if positional.len() > MAX_POSITIONAL_CHARS {
        let exponent = format!("{x:e}");
        if exponent.len() < positional.len() {
            return exponent;
        }
    }
    positional
}

/// `text` cut to at most [`QUOTE_CHARS`] characters (with `…` when cut), for quoting in a notice.
pub(crate) fn clip(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(QUOTE_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_through_percent_encoding() {
        // Guards the one-level encoding: any text, including structural characters, unicode
        // and markup, survives encode → decode unchanged.
        let cases = [
            "",
            "eETH",
            "PT-weETH_26jun~2026",
            "AI compute AVS",
            "a.b(c),d:e&f=g+h%i#j?k/l",
            "<script>alert(1)</script>",
            "Ставка ₿ 🚀",
            "100%",
        ];
        for text in cases {
            let encoded = encode_text(text);
            assert!(
                encoded.bytes().all(|b| is_plain(b) || b == b'%'),
                "{encoded}"
            );
            assert_eq!(decode_text(&encoded), (text.to_string(), false), "{text}");
        }
    }

    #[test]
    fn decoding_is_lenient() {
        // (what, raw, decoded, invalid UTF-8)
        let cases = [
            ("plus is a space", "AI+compute", "AI compute", false),
            ("lower-case hex", "%3c%3E", "<>", false),
            ("stray percent", "100%", "100%", false),
            ("percent with one hex digit", "%4", "%4", false),
            ("percent with non-hex", "%zz", "%zz", false),
            ("raw unicode", "₿é", "₿é", false),
            ("invalid UTF-8", "a%FFb", "a\u{FFFD}b", true),
            ("truncated UTF-8", "%E2%82", "\u{FFFD}", true),
        ];
        for (what, raw, want, invalid) in cases {
            assert_eq!(decode_text(raw), (want.to_string(), invalid), "{what}");
        }
    }

    #[test]
    fn numbers_print_short_and_exact() {
        // (value, text)
        let cases = [
            (0.032, "0.032"),
            (3000.0, "3000"),
            (-0.0, "-0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e11, "100000000000"),
            (1e12, "1e12"),
            (123456789.01234, "123456789.01234"),
            (5e-324, "5e-324"),
            (1e-7, "0.0000001"),
            (f64::MAX, "1.7976931348623157e308"),
        ];
        for (x, text) in cases {
            assert_eq!(format_f64(x), text);
            assert_eq!(text.parse::<f64>().map(f64::to_bits), Ok(x.to_bits()));
        }
    }

    #[test]
    fn clip_cuts_at_characters() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(40);
        assert_eq!(clip(&long), format!("{}…", "é".repeat(QUOTE_CHARS)));
    }
}
