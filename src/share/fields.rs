//! Reading `key=value` / `key:value` pairs: each field is looked up by its key, parsed, and on
//! any problem replaced by its pinned default with a [`Notice`]. Keys nobody asked for are
//! reported as unknown when the reader finishes.

use super::notice::Notice;
use super::spec::{Flag, Num};
use super::text::{clip, decode_lossy, format_f64};
use super::MAX_NOTICES;

/// The notices collected while decoding, capped at [`MAX_NOTICES`].
#[derive(Debug, Default)]
pub(crate) struct Notes {
    list: Vec<Notice>,
    more: usize,
}

impl Notes {
    /// Record a notice (or count it once the cap is reached).
    pub fn push(&mut self, notice: Notice) {
        if self.list.len() < MAX_NOTICES {
            self.list.push(notice);
        } else {
            self.more = self.more.saturating_add(1);
        }
    }

    /// The notices, with a [`Notice::More`] last when some were left out.
    pub fn into_vec(mut self) -> Vec<Notice> {
        if self.more > 0 {
            self.list.push(Notice::More { count: self.more });
        }
        self.list
    }
}

#[derive(Debug)]
struct Entry<'a> {
    key: String,
    value: &'a str,
    used: bool,
}

/// The pairs of one level (the query, a layer's parameters, an AVS's parameters), in link
/// order. Values stay raw (not yet percent-decoded) so their structure can still be read.
#[derive(Debug)]
pub(crate) struct Fields<'a> {
    at: String,
    entries: Vec<Entry<'a>>,
}

/// A parsed number or what was expected instead.
pub(crate) fn parse_number(raw: &str) -> Result<f64, &'static str> {
    let text = decode_lossy(raw);
    match text.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err("a finite number"),
        Err(_) => Err("a number"),
    }
}

/// `1`/`true` or `0`/`false` (any case).
pub(crate) fn parse_flag(raw: &str) -> Option<bool> {
    let text = decode_lossy(raw);
    let text = text.trim();
    if text == "1" || text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text == "0" || text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

fn flag_text(x: bool) -> &'static str {
    if x {
        "1"
    } else {
        "0"
    }
}

impl<'a> Fields<'a> {
    /// An empty reader for the level at path `at` (`""` for the top level).
    pub fn new(at: impl Into<String>) -> Self {
        Fields {
            at: at.into(),
            entries: Vec::new(),
        }
    }

    /// Add a pair; the key is percent-decoded, the value kept raw.
    pub fn push(&mut self, raw_key: &str, value: &'a str) {
        self.entries.push(Entry {
            key: decode_lossy(raw_key),
            value,
            used: false,
        });
    }

    /// Whether no pair was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Where this level is (`layers[1]`).
    pub fn at(&self) -> &str {
        &self.at
    }

    /// The path of `key` at this level, as notices name it.
    pub fn path(&self, key: &str) -> String {
        if self.at.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.at)
        }
    }

    /// Whether any not-yet-read pair has a key accepted by `pred`.
    pub fn any_unread(&self, pred: impl Fn(&str) -> bool) -> bool {
        self.entries.iter().any(|e| !e.used && pred(&e.key))
    }

    /// Mark every pair whose key `pred` accepts as read, without a notice.
    pub fn skip(&mut self, pred: impl Fn(&str) -> bool) {
        for e in self.entries.iter_mut().filter(|e| pred(&e.key)) {
            e.used = true;
        }
    }

    /// Mark everything read (nothing will be reported as unknown).
    pub fn skip_all(&mut self) {
        self.skip(|_| true);
    }

    /// The raw values of every pair with `key`, in link order (a repeated key such as `l`).
    pub fn take_all(&mut self, key: &str) -> Vec<&'a str> {
        let mut out = Vec::new();
        for e in self.entries.iter_mut().filter(|e| e.key == key) {
            e.used = true;
            out.push(e.value);
        }
        out
    }

    /// The raw value of `key`; the last one (with a notice) when it is given more than once.
    pub fn take(&mut self, key: &str, notes: &mut Notes) -> Option<&'a str> {
        let all = self.take_all(key);
        if all.len() > 1 {
            notes.push(Notice::Duplicate {
                field: self.path(key),
            });
        }
        all.last().copied()
    }

    /// Report a value that does not parse.
    pub fn malformed(
        &self,
        key: &str,
        raw: &str,
        expected: &str,
        default: &str,
        notes: &mut Notes,
    ) {
        notes.push(Notice::Malformed {
            field: self.path(key),
            value: clip(&decode_lossy(raw)),
            expected: expected.to_string(),
            default: default.to_string(),
        });
    }

    /// Report a field the encoder always writes that is absent.
    pub fn missing(&self, key: &str, default: &str, notes: &mut Notes) {
        notes.push(Notice::Missing {
            field: self.path(key),
            default: default.to_string(),
        });
    }

    /// A number field; absent → its default (with a notice when `required`).
    fn number_or(&mut self, key: &str, default: f64, required: bool, notes: &mut Notes) -> f64 {
        match self.take(key, notes) {
            None => {
                if required {
                    self.missing(key, &format_f64(default), notes);
                }
                default
            }
            Some(raw) => parse_number(raw).unwrap_or_else(|expected| {
                self.malformed(key, raw, expected, &format_f64(default), notes);
                default
            }),
        }
    }

    /// An optional number field.
    pub fn num(&mut self, spec: Num, notes: &mut Notes) -> f64 {
        self.number_or(spec.key, spec.default, false, notes)
    }

    /// A number field the encoder always writes (absent → notice).
    pub fn required_num(&mut self, spec: Num, notes: &mut Notes) -> f64 {
        self.number_or(spec.key, spec.default, true, notes)
    }

    /// A number field with no default: `None` when absent (or malformed, with a notice naming
    /// `default_text`, what is used instead).
    pub fn optional_num(
        &mut self,
        key: &str,
        default_text: &str,
        notes: &mut Notes,
    ) -> Option<f64> {
        let raw = self.take(key, notes)?;
        match parse_number(raw) {
            Ok(x) => Some(x),
            Err(expected) => {
                self.malformed(key, raw, expected, default_text, notes);
                None
            }
        }
    }

    /// A whole-number field in decimal digits; absent → its default, malformed (or out of
    /// `T`'s range) → its default with a notice.
    pub fn whole<T: std::str::FromStr + ToString>(
        &mut self,
        key: &str,
        default: T,
        notes: &mut Notes,
    ) -> T {
        let Some(raw) = self.take(key, notes) else {
            return default;
        };
        match decode_lossy(raw).trim().parse::<T>() {
            Ok(n) => n,
            Err(_) => {
                let text = default.to_string();
                self.malformed(key, raw, "a whole number", &text, notes);
                default
            }
        }
    }

    /// A yes/no field.
    pub fn flag(&mut self, spec: Flag, notes: &mut Notes) -> bool {
        match self.take(spec.key, notes) {
            None => spec.default,
            Some(raw) => parse_flag(raw).unwrap_or_else(|| {
                self.malformed(spec.key, raw, "1 or 0", flag_text(spec.default), notes);
                spec.default
            }),
        }
    }

    /// One of a closed set of codes (matched ignoring ASCII case).
    pub fn choice<T: Copy>(
        &mut self,
        key: &str,
        options: &[T],
        code: fn(T) -> &'static str,
        default: T,
        required: bool,
        notes: &mut Notes,
    ) -> T {
        let Some(raw) = self.take(key, notes) else {
            if required {
                self.missing(key, code(default), notes);
            }
            return default;
        };
        let text = decode_lossy(raw);
        let text = text.trim();
        if let Some(found) = options
            .iter()
            .copied()
            .find(|o| code(*o).eq_ignore_ascii_case(text))
        {
            return found;
        }
        let names: Vec<&str> = options.iter().map(|o| code(*o)).collect();
        self.malformed(
            key,
            raw,
            &format!("one of {}", names.join(", ")),
            code(default),
            notes,
        );
        default
    }

    /// Report every pair nobody read as an unknown key.
    pub fn finish(self, notes: &mut Notes) {
        for e in self.entries.into_iter().filter(|e| !e.used) {
            notes.push(Notice::UnknownKey {
                at: self.at.clone(),
                key: clip(&e.key),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOOP_LTV: Num = Num {
        key: "ltv",
        default: 0.8,
    };

    #[test]
    fn numbers() {
        // (raw, parsed or expected)
        let cases = [
            ("0.8", Ok(0.8)),
            ("-0", Ok(-0.0)),
            ("1e3", Ok(1000.0)),
            ("%2B1e%2B3", Ok(1000.0)),
            (" 2 ", Ok(2.0)),
            ("abc", Err("a number")),
            ("", Err("a number")),
            ("1,5", Err("a number")),
            ("NaN", Err("a finite number")),
            ("inf", Err("a finite number")),
            ("-infinity", Err("a finite number")),
            ("1e400", Err("a finite number")),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_number(raw), want, "{raw}");
        }
    }

    #[test]
    fn malformed_numbers_fall_back_with_a_named_notice() {
        let mut notes = Notes::default();
        let mut f = Fields::new("layers[1]");
        f.push("ltv", "abc");
        assert_eq!(f.num(LOOP_LTV, &mut notes), 0.8);
        f.finish(&mut notes);
        let said: Vec<String> = notes.into_vec().iter().map(|n| n.to_string()).collect();
        assert_eq!(
            said,
            ["layers[1].ltv: \"abc\" is not a number; using the default 0.8"]
        );
    }

    #[test]
    fn last_duplicate_wins_and_unknown_keys_are_named() {
        let mut notes = Notes::default();
        let mut f = Fields::new("");
        f.push("ltv", "0.5");
        f.push("zzz", "1");
        f.push("ltv", "0.6");
        assert_eq!(f.num(LOOP_LTV, &mut notes), 0.6);
        f.finish(&mut notes);
        let said: Vec<String> = notes.into_vec().iter().map(|n| n.to_string()).collect();
        assert_eq!(
            said,
            [
                "ltv: given more than once; using the last value",
                "unknown key \"zzz\" ignored"
            ]
        );
    }

    #[test]
    fn notices_are_capped() {
        let mut notes = Notes::default();
        for _ in 0..MAX_NOTICES + 5 {
            notes.push(Notice::NoVersion);
        }
        let list = notes.into_vec();
        assert_eq!(list.len(), MAX_NOTICES + 1);
        assert_eq!(list.last(), Some(&Notice::More { count: 5 }));
    }
}
