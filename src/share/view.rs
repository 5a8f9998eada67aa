//! View options: how the page is shown, carried in the link beside the scenario but not part of
//! it. Their keys are the same in every format version.

use super::fields::{parse_flag, Fields, Notes};
use super::notice::Notice;
use super::spec::{EMBED_KEY, MAX_STRATEGY_CHARS, STRATEGY_KEY, THEME_KEY, VIEW_KEY};
use super::text::{clip, decode_text, push_text};
use serde::{Deserialize, Serialize};

/// A forced colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// `theme=light`.
    Light,
    /// `theme=dark`.
    Dark,
}

impl Theme {
    /// Every theme, in the order the notices list them.
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    /// The code in a link and in `<html data-theme>`.
    pub const fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// Which view of the scenario the page opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Page {
    /// `view=calculator`, the default: the yield, leverage and risk calculator.
    #[default]
    Calculator,
    /// `view=compare`: strategies side by side.
    Compare,
    /// `view=security`: the restaking-network security benchmark; the network travels in the
    /// link's `reuse`, `svc`, `op` and `shock` keys (with none of them, a preset network).
    Security,
}

impl Page {
    /// Every view, in the order the notices list them.
    pub const ALL: [Page; 3] = [Page::Calculator, Page::Compare, Page::Security];

    /// The code in a link.
    pub const fn code(self) -> &'static str {
        match self {
            Page::Calculator => "calculator",
            Page::Compare => "compare",
            Page::Security => "security",
        }
    }
}

/// How the page is shown. Every field documents its default (an absent key).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ViewOptions {
    /// `embed=1`: the compact embed layout without chrome. Default `false` (also `embed=0`).
    pub embed: bool,
    /// `theme=light` or `theme=dark` (any case). Default `None`: follow the system setting; a
    /// value that is neither is dropped with a notice (and never written back).
    pub theme: Option<Theme>,
    /// `strategy=<id>`: the ready-made strategy the scenario came from, a hint for the picker
    /// (the UI checks that the id exists). Default `None`: a custom scenario.
    pub strategy: Option<String>,
    /// `view=calculator|compare|security` (any case). Default [`Page::Calculator`] (also an
    /// empty value); an unknown value falls back to it with a notice. (Absent from recorded
    /// goldens that predate it.)
    #[serde(default)]
    pub page: Page,
}

/// Read the view keys from the top-level pairs.
pub(crate) fn read(fields: &mut Fields<'_>, notes: &mut Notes) -> ViewOptions {
    ViewOptions {
        embed: read_embed(fields, notes),
        theme: read_theme(fields, notes),
        strategy: read_strategy(fields, notes),
        page: read_page(fields, notes),
    }
}

fn read_page(fields: &mut Fields<'_>, notes: &mut Notes) -> Page {
    let Some(raw) = fields.take(VIEW_KEY, notes) else {
        return Page::default();
    };
    let (text, _) = decode_text(raw);
    let text = text.trim();
    if text.is_empty() {
        return Page::default();
    }
    if let Some(view) = Page::ALL
        .into_iter()
        .find(|v| v.code().eq_ignore_ascii_case(text))
    {
        return view;
    }
    let codes: Vec<&str> = Page::ALL.iter().map(|v| v.code()).collect();
    fields.malformed(
        VIEW_KEY,
        raw,
        &format!("one of {}", codes.join(", ")),
        Page::default().code(),
        notes,
    );
    Page::default()
}

fn read_embed(fields: &mut Fields<'_>, notes: &mut Notes) -> bool {
    let Some(raw) = fields.take(EMBED_KEY, notes) else {
        return false;
    };
    if raw.is_empty() {
        // A bare `&embed` reads as `embed=1`.
        return true;
    }
    parse_flag(raw).unwrap_or_else(|| {
        fields.malformed(EMBED_KEY, raw, "1 or 0", "0", notes);
        false
    })
}

fn read_theme(fields: &mut Fields<'_>, notes: &mut Notes) -> Option<Theme> {
    let raw = fields.take(THEME_KEY, notes)?;
    let (text, _) = decode_text(raw);
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(theme) = Theme::ALL
        .into_iter()
        .find(|t| t.code().eq_ignore_ascii_case(text))
    {
        return Some(theme);
    }
    fields.malformed(THEME_KEY, raw, "light or dark", "(the system theme)", notes);
    None
}

fn read_strategy(fields: &mut Fields<'_>, notes: &mut Notes) -> Option<String> {
    let raw = fields.take(STRATEGY_KEY, notes)?;
    let (id, invalid) = decode_text(raw);
    if invalid {
        notes.push(Notice::InvalidText {
            field: STRATEGY_KEY.into(),
        });
    }
    if id.chars().count() > MAX_STRATEGY_CHARS {
        notes.push(Notice::Syntax {
            field: STRATEGY_KEY.into(),
            message: format!(
                "{:?} is longer than {MAX_STRATEGY_CHARS} characters; ignored",
                clip(&id)
            ),
        });
        return None;
    }
    (!id.is_empty()).then_some(id)
}

/// Append the view keys that differ from their defaults
/// (`&view=…&strategy=…&theme=…&embed=1`).
pub(crate) fn write(out: &mut String, view: &ViewOptions) {
    if let Some(id) = view.strategy.as_deref().filter(|id| !id.is_empty()) {
        out.push('&');
        out.push_str(STRATEGY_KEY);
        out.push('=');
        push_text(out, id);
    }
    if let Some(theme) = view.theme {
        out.push('&');
        out.push_str(THEME_KEY);
        out.push('=');
        out.push_str(theme.code());
    }
    if view.page != Page::Calculator {
        out.push('&');
        out.push_str(VIEW_KEY);
        out.push('=');
        out.push_str(view.page.code());
    }
    if view.embed {
        out.push('&');
        out.push_str(EMBED_KEY);
        out.push_str("=1");
    }
}
