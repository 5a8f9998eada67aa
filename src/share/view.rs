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

/// Which view the page opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// `view=calculator`, the default: the yield, leverage and risk calculator.
    #[default]
    Calculator,
    /// `view=compare`: strategies side by side.
    Compare,
    /// `view=security`: the restaking-network security benchmark; the network travels in the
    /// link's `reuse`, `svc`, `op` and `shock` keys (with none of them, a preset network).
    Security,
}

impl View {
    /// Every view, in the order the notices list them.
    pub const ALL: [View; 3] = [View::Calculator, View::Compare, View::Security];

    /// The code in a link.
    pub const fn code(self) -> &'static str {
        match self {
            View::Calculator => "calculator",
            View::Compare => "compare",
            View::Security => "security",
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
    /// `view=calculator|compare|security` (any case). Default [`View::Calculator`] (also an
    /// empty value); an unknown value falls back to it with a notice.
    #[serde(default)]
    pub view: View,
}

/// Read the view keys from the top-level pairs.
pub(crate) fn read(fields: &mut Fields<'_>, notes: &mut Notes) -> ViewOptions {
    ViewOptions {
        embed: read_embed(fields, notes),
        theme: read_theme(fields, notes),
        strategy: read_strategy(fields, notes),
        view: read_view(fields, notes),
    }
}

fn read_view(fields: &mut Fields<'_>, notes: &mut Notes) -> View {
    let Some(raw) = fields.take(VIEW_KEY, notes) else {
        return View::default();
    };
    let (text, _) = decode_text(raw);
    let text = text.trim();
    if text.is_empty() {
        return View::default();
    }
    if let Some(view) = View::ALL
        .into_iter()
        .find(|v| v.code().eq_ignore_ascii_case(text))
    {
        return view;
    }
    let codes: Vec<&str> = View::ALL.iter().map(|v| v.code()).collect();
    fields.malformed(
        VIEW_KEY,
        raw,
        &format!("one of {}", codes.join(", ")),
        View::default().code(),
        notes,
    );
    View::default()
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
    if view.view != View::default() {
        out.push('&');
        out.push_str(VIEW_KEY);
        out.push('=');
        out.push_str(view.view.code());
    }
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
    if view.embed {
        out.push('&');
        out.push_str(EMBED_KEY);
        out.push_str("=1");
    }
}
