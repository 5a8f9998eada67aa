//! The structure inside a value: `head(body)` items and comma-separated `key:value` parameter
//! lists, with parentheses nesting (an AVS item inside a layer's parameters).
//!
//! Structural characters are ASCII and always raw (free text has them percent-encoded), so
//! every cut happens at a `char` boundary found by `char_indices` and is taken with `get`.

/// A `head(body)` item as written, before percent-decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    /// Text before the first `(` (the whole value when there is none).
    pub head: &'a str,
    /// Text between the first `(` and its matching `)`, or to the end when it is unclosed.
    pub body: Option<&'a str>,
    /// `true` when the `(` has no matching `)`.
    pub unclosed: bool,
    /// Text after the matching `)` (normally empty).
    pub trailing: &'a str,
}

/// Split `raw` into `head(body)trailing`.
///
/// The body starts at the first `(` and ends at its matching `)`. When that leaves text after
/// the `)` (or never closes) but `raw` ends with a `)` whose group leaves a head with balanced
/// parentheses, that reading wins instead: raw parentheses typed by hand inside a label
/// (`stake.lido.stETH (old)(apr:0.03)`) stay in the label.
pub(crate) fn split_item(raw: &str) -> Item<'_> {
    let forward = split_first_group(raw);
    if forward.unclosed || !forward.trailing.is_empty() {
        if let Some(item) = split_closing_group(raw).filter(|item| balanced(item.head)) {
            return item;
        }
    }
    forward
}

/// Whether every `(` in `text` is closed by a later `)` and no `)` comes unopened.
fn balanced(text: &str) -> bool {
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' if depth == 0 => return false,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth == 0
}

/// `head(body)trailing` with the body starting at the first `(`.
fn split_first_group(raw: &str) -> Item<'_> {
    let Some((head, rest)) = raw.split_once('(') else {
        return Item {
            head: raw,
            body: None,
            unclosed: false,
            trailing: "",
        };
    };
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' if depth == 0 => {
                return Item {
                    head,
                    body: Some(rest.get(..i).unwrap_or_default()),
                    unclosed: false,
                    trailing: rest.get(i.saturating_add(1)..).unwrap_or_default(),
                };
            }
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Item {
        head,
        body: Some(rest),
        unclosed: true,
        trailing: "",
    }
}

/// `head(body)` where the body is the group closed by the last character `)`; `None` when `raw`
/// does not end with `)` or that `)` has no matching `(`.
fn split_closing_group(raw: &str) -> Option<Item<'_>> {
    let inner = raw.strip_suffix(')')?;
    let mut depth = 0usize;
    for (i, c) in inner.char_indices().rev() {
        match c {
            ')' => depth = depth.saturating_add(1),
            '(' if depth == 0 => {
                return Some(Item {
                    head: inner.get(..i)?,
                    body: Some(inner.get(i.saturating_add(1)..)?),
                    unclosed: false,
                    trailing: "",
                });
            }
            '(' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The comma-separated parts of a parameter list at nesting depth 0; empty parts (`a:1,,b:2`,
/// a trailing comma) are dropped.
pub(crate) fn split_params(body: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0usize;
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(body.get(start..i).unwrap_or_default());
                start = i.saturating_add(1);
            }
            _ => {}
        }
    }
    parts.push(body.get(start..).unwrap_or_default());
    parts.retain(|p| !p.is_empty());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items() {
        let item = |head, body, unclosed, trailing| Item {
            head,
            body,
            unclosed,
            trailing,
        };
        // (what, raw, item)
        let cases = [
            (
                "no body",
                "stake.lido.stETH",
                item("stake.lido.stETH", None, false, ""),
            ),
            ("empty body", "a()", item("a", Some(""), false, "")),
            ("body", "a(x:1,y:2)", item("a", Some("x:1,y:2"), false, "")),
            (
                "nested",
                "a(avs:n(p:1),c:2)",
                item("a", Some("avs:n(p:1),c:2"), false, ""),
            ),
            ("unclosed", "a(x:1", item("a", Some("x:1"), true, "")),
            ("unclosed nested", "a(b(x", item("a", Some("b(x"), true, "")),
            ("trailing", "a(x)yz", item("a", Some("x"), false, "yz")),
            (
                "raw parentheses in the head",
                "a.b.c (old)(x:1)",
                item("a.b.c (old)", Some("x:1"), false, ""),
            ),
            (
                "unmatched close at the end",
                "a(x))",
                item("a", Some("x"), false, ")"),
            ),
            ("only a close", ")", item(")", None, false, "")),
            (
                "truncated nested list: the first group wins over an unbalanced head",
                "r.e.t(avs:A(p:1),avs:B(s:1)",
                item("r.e.t", Some("avs:A(p:1),avs:B(s:1)"), true, ""),
            ),
            ("stray close", "a)b", item("a)b", None, false, "")),
            ("unicode", "é(ü)ß", item("é", Some("ü"), false, "ß")),
        ];
        for (what, raw, want) in cases {
            assert_eq!(split_item(raw), want, "{what}");
        }
    }

    #[test]
    fn params() {
        // (what, body, parts)
        let cases: [(&str, &str, &[&str]); 6] = [
            ("empty", "", &[]),
            ("two", "a:1,b:2", &["a:1", "b:2"]),
            (
                "nested commas stay",
                "avs:n(p:1,q:2),c:3",
                &["avs:n(p:1,q:2)", "c:3"],
            ),
            ("empty parts dropped", ",a:1,,b:2,", &["a:1", "b:2"]),
            ("stray close", "a:1),b:2", &["a:1)", "b:2"]),
            (
                "unclosed nesting swallows",
                "avs:n(p:1,c:2",
                &["avs:n(p:1,c:2"],
            ),
        ];
        for (what, body, want) in cases {
            assert_eq!(split_params(body), want, "{what}");
        }
    }
}
