//! What the decoder has to say about a link: each problem it met and what it did instead.
//! Notices are plain text (the UI escapes them); quoted values are clipped and `{:?}`-escaped.

use super::spec::VERSION;
use super::MAX_LINK_CHARS;
use std::fmt;

/// One thing the decoder noticed. `Display` gives the sentence shown to the user; `field` paths
/// use the link's own keys (`layers[1].ltv`, `stress.drop`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Notice {
    /// The link is longer than [`MAX_LINK_CHARS`]; nothing in it was read.
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// `v` names a version newer than this app reads; the scenario was not read.
    NewerVersion {
        /// The version in the link.
        version: u32,
    },
    /// `v` is not a version number this app knows; the scenario was not read.
    BadVersion {
        /// The value given (clipped).
        value: String,
    },
    /// Scenario keys without `v`: read as v1.
    NoVersion,
    /// A key this version does not know; ignored.
    UnknownKey {
        /// Where it was: `""` at the top level, `layers[1]`, `layers[1].avs[0]`.
        at: String,
        /// The key (clipped).
        key: String,
    },
    /// A key given more than once where one value is expected; the last one is used.
    Duplicate {
        /// The field.
        field: String,
    },
    /// A field the encoder always writes is absent; its default is used.
    Missing {
        /// The field.
        field: String,
        /// The default used, as written in a link.
        default: String,
    },
    /// A value that does not parse; its default is used.
    Malformed {
        /// The field.
        field: String,
        /// The value given (clipped).
        value: String,
        /// What was expected (`a number`, `a finite number`, `one of mkt, rate, lin`).
        expected: String,
        /// The default used, as written in a link.
        default: String,
    },
    /// Text whose percent-escapes are not valid UTF-8: invalid bytes became U+FFFD.
    InvalidText {
        /// The field.
        field: String,
    },
    /// A structural problem (unknown layer kind, missing `)`, a parameter without `:`) and what
    /// was done about it.
    Syntax {
        /// The field.
        field: String,
        /// What was wrong and what was done.
        message: String,
    },
    /// More notices than [`super::MAX_NOTICES`]; the rest are counted here.
    More {
        /// How many were left out.
        count: usize,
    },
}

/// `1234567` → `1,234,567`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len().saturating_add(digits.len() / 3));
    let len = digits.chars().count();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len.saturating_sub(i)) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::TooLong { chars } => write!(
                f,
                "this link is {} characters long, over the limit of {}; it was not read",
                grouped(*chars),
                grouped(MAX_LINK_CHARS)
            ),
            Notice::NewerVersion { version } => write!(
                f,
                "v: link version {version} is newer than this app, which reads v={VERSION}; \
                 the scenario in the link was not read"
            ),
            Notice::BadVersion { value } => write!(
                f,
                "v: {value:?} is not a link version (this app reads v={VERSION}); \
                 the scenario in the link was not read"
            ),
            Notice::NoVersion => write!(f, "v: missing; the link was read as v={VERSION}"),
            Notice::UnknownKey { at, key } if at.is_empty() => {
                write!(f, "unknown key {key:?} ignored")
            }
            Notice::UnknownKey { at, key } => write!(f, "{at}: unknown key {key:?} ignored"),
            Notice::Duplicate { field } => {
                write!(f, "{field}: given more than once; using the last value")
            }
            Notice::Missing { field, default } => {
                write!(f, "{field}: missing; using the default {default}")
            }
            Notice::Malformed {
                field,
                value,
                expected,
                default,
            } => write!(
                f,
                "{field}: {value:?} is not {expected}; using the default {default}"
            ),
            Notice::InvalidText { field } => write!(
                f,
                "{field}: not valid UTF-8 text; invalid bytes were replaced with \u{FFFD}"
            ),
            Notice::Syntax { field, message } => write!(f, "{field}: {message}"),
            Notice::More { count } => write!(f, "… and {} more notices", grouped(*count)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_name_the_field_and_the_fallback() {
        // (notice, sentence)
        let cases = [
            (
                Notice::Malformed {
                    field: "layers[1].ltv".into(),
                    value: "abc".into(),
                    expected: "a number".into(),
                    default: "0.8".into(),
                },
                "layers[1].ltv: \"abc\" is not a number; using the default 0.8",
            ),
            (
                Notice::TooLong { chars: 20_013 },
                "this link is 20,013 characters long, over the limit of 4,096; it was not read",
            ),
            (
                Notice::UnknownKey {
                    at: String::new(),
                    key: "zzz".into(),
                },
                "unknown key \"zzz\" ignored",
            ),
            (
                Notice::UnknownKey {
                    at: "layers[0]".into(),
                    key: "<b>\n".into(),
                },
                "layers[0]: unknown key \"<b>\\n\" ignored",
            ),
            (Notice::More { count: 1234 }, "… and 1,234 more notices"),
        ];
        for (notice, sentence) in cases {
            assert_eq!(notice.to_string(), sentence);
        }
    }

    #[test]
    fn grouping() {
        for (n, s) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (123_456_789, "123,456,789"),
        ] {
            assert_eq!(grouped(n), s);
        }
    }
}
