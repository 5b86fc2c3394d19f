//! `check`: rules over drafts. Rules produce [`Finding`]s gathered in a [`Report`]; the renderers in
//! `render` print them. Nothing here formats text for people.
//!
//! One module per concept: [`document`] loads files with their positions (through a [`view`]
//! when the text checked is not the text stored), [`language`] detects
//! a document's language, [`options`] says what to check; the rules are `spelling`
//! (glossary-variant, forbidden-spelling), `consistency` (inconsistent-name, with `arabic` for names in Arabic script), `homoglyph`
//! (mixed-script), `missing` (term-missing) and `invisible` (invisible-char); [`engine`] runs
//! them and decides which finding a span keeps.

mod arabic;
mod consistency;
pub mod document;
mod engine;
mod finding;
pub mod fix;
mod homoglyph;
mod invisible;
pub mod language;
mod missing;
pub mod options;
pub mod overview;
mod scan;
mod spelling;
#[cfg(test)]
mod tests;
pub mod view;

use std::ops::Range;

pub use document::{Document, Piece, load};
pub use engine::Checker;
pub use finding::{DocumentReport, Finding, Report, Rule, Severity};
pub use options::{Options, Prefer, RuleSetting};

/// What a rule flags, before positions and severities are added.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Flag {
    rule: Rule,
    /// Byte range in the document's text.
    range: Range<usize>,
    suggestion: Option<String>,
    entry: Option<String>,
}
