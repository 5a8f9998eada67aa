//! Share-link codec (docs/METHODOLOGY.md §8): the whole scenario in the URL query, versioned (`v=1`),
//! exact, readable and hand-editable, decoded forever.
//!
//! - [`encode`] writes a [`Scenario`] and its [`ViewOptions`] as a query string;
//! - [`decode`] reads any text back into a [`Decoded`]: the scenario (if the link has one), the
//!   view options, and a [`Notice`] for every problem met and what was done instead. Decoding is
//!   total (it never panics, whatever the input) and does not validate the scenario: the engine
//!   does.
//!
//! The format is documented in `src/share/README-format.md`; its keys and defaults are pinned in
//! [`spec`]. Golden links in `tests/fixtures/links/` must keep decoding to the same scenarios.
//!
//! | module | concern |
//! |---|---|
//! | `spec` | the v1 keys, codes and defaults (pinned forever) |
//! | `text` | percent-encoding, shortest exact `f64` text |
//! | `grammar` | `head(body)` items and `key:value` lists |
//! | `fields` | reading a field with its default and notices |
//! | `encode` / `decode` | the two directions |
//! | `view` | view options (embed, theme, strategy hint, which view) |
//! | `network` | the security view's network (`reuse`, `svc`, `op`, `shock`) |
//! | `notice` | what decoding reports |

#![warn(clippy::indexing_slicing)]

mod decode;
mod encode;
mod fields;
mod grammar;
mod network;
mod notice;
pub mod spec;
mod text;
mod view;

pub use decode::decode;
pub use encode::{encode, encode_with_network};
pub use notice::Notice;
pub use text::format_f64;
pub use view::{Page, Theme, ViewOptions};

use crate::engine::security::Network;
use crate::engine::Scenario;

/// Longest link [`decode`] reads, in characters (counted on the text given to it: the whole URL
/// when a URL is given). Longer input is refused with [`Notice::TooLong`] and decodes to nothing.
pub const MAX_LINK_CHARS: usize = 4_096;

/// Length, in characters of the query, under which a link works everywhere (address bars, chat
/// apps, older browsers). The UI may warn when [`encode`] returns something longer; every
/// ready-made strategy stays well under it.
pub const RECOMMENDED_LINK_CHARS: usize = 2_000;

/// Most notices [`decode`] returns; further problems are counted in a last [`Notice::More`].
pub const MAX_NOTICES: usize = 20;

/// What a link decodes to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Decoded {
    /// The scenario, or `None` when the link has none: no parameters, only view options or
    /// unknown keys, a version this app does not read, or a link over [`MAX_LINK_CHARS`].
    pub scenario: Option<Scenario>,
    /// The security view's network, or `None` when the link has none of its keys (the view then
    /// opens a preset). Not validated: `engine::security::analyse` validates it.
    pub network: Option<Network>,
    /// View options (defaults when absent or refused).
    pub view: ViewOptions,
    /// Every problem met and what was done about it, in the order the fields are read (at most
    /// [`MAX_NOTICES`] + 1).
    pub notices: Vec<Notice>,
}

/// Whether `query` (as returned by [`encode`]) is short enough for [`decode`] to read it back
/// from the page URL, where it follows a `?`.
/// A valid scenario can exceed it (16 layers of 16 AVSs with long unicode names); the UI then
/// says the scenario is too large to share as a link.
pub fn fits_in_link(query: &str) -> bool {
    // `+ 1` for the `?` the page puts in front.
    query.chars().count().saturating_add(1) <= MAX_LINK_CHARS
}
