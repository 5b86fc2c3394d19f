//! Check reports for people (`human`) and for machines (`json`, `jsonl`). Messages are localized;
//! machine output carries no bidi isolation marks, no colours and no timestamps, and the same
//! report always gives the same bytes.

mod human;
mod json;

pub use human::{HumanStyle, human};
pub use json::{SCHEMA_VERSION, json, jsonl};

use crate::check::Finding;
use crate::l10n::{Arg, L10n};

/// The localized message of `finding` (its rule id is the message id).
pub fn finding_message(finding: &Finding, l10n: &L10n) -> String {
    l10n.msg(
        finding.rule.id(),
        &[
            ("found", Arg::Text(finding.found.clone())),
            (
                "suggestion",
                Arg::Text(finding.suggestion.clone().unwrap_or_default()),
            ),
            (
                "entry",
                Arg::Text(finding.entry.clone().unwrap_or_default()),
            ),
        ],
    )
}

/// `s` without the bidi isolation and embedding marks Fluent adds around placeables.
pub fn strip_bidi_marks(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}'))
        .collect()
}
