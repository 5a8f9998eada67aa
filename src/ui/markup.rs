//! Markup written as text, for content that is redrawn whole on every result: the charts' SVG and
//! their hidden tables. A chart set through `inner_html` from a memo of its markup costs one DOM
//! call when its figures change and none when they do not, where a tree of reactive views rebuilds
//! every attribute of every shape (measured: most of an edit's time in a 16-layer stack).
//! Every text and attribute value goes through [`escape`], so a layer named `<b>` stays text.

use std::fmt::Write;

/// `s` with `&`, `<`, `>`, `"` and `'` replaced by their character references: safe as element
/// text and inside a double- or single-quoted attribute value.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A markup string under construction. Tags and attribute names are the caller's literals;
/// attribute values and texts are escaped here.
#[derive(Debug, Default)]
pub struct Markup(String);

impl Markup {
    /// An empty fragment.
    pub fn new() -> Self {
        Self::default()
    }

    fn start(&mut self, tag: &str, attrs: &[(&str, &str)]) {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            let _ = write!(self.0, " {name}=\"{}\"", escape(value));
        }
    }

    /// `<tag a="v">`.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(tag, attrs);
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        let _ = write!(self.0, "</{tag}>");
        self
    }

    /// `<tag a="v"/>`: an SVG shape with no content.
    pub fn empty(&mut self, tag: &str, attrs: &[(&str, &str)]) -> &mut Self {
        self.start(tag, attrs);
        self.0.push_str("/>");
        self
    }

    /// `<tag a="v">text</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, &str)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Escaped text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.0.push_str(&escape(text));
        self
    }

    /// The finished markup.
    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::new();
        m.element("text", &[("x", "1\" onload=\"x")], "<b>&'");
        assert_eq!(
            m.finish(),
            "<text x=\"1&quot; onload=&quot;x\">&lt;b&gt;&amp;&#39;</text>"
        );
    }

    #[test]
    fn elements_nest_in_order() {
        let mut m = Markup::new();
        m.open("svg", &[("viewBox", "0 0 1 1")])
            .empty("rect", &[("x", "0")])
            .close("svg");
        assert_eq!(m.finish(), "<svg viewBox=\"0 0 1 1\"><rect x=\"0\"/></svg>");
    }
}
