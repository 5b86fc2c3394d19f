//! Context matches (101 %): a 100 % match whose surroundings are those of the input too.
//!
//! The input gives a segment's context as its identifier (`x-context`: a PO `msgctxt`, an XLIFF
//! `resname`) or as its previous and next segments. A stored unit has the same context when its
//! `x-context` is the same, or, without an identifier, when the units stored just before and after
//! it from the same file (import keeps a file's order) have the same source text as the input's
//! previous and next segments. Only the sides the input gives are compared: the first segment of a
//! document has no previous segment to compare.

use super::Store;
use crate::error::Result;
use crate::memory::fuzzy::prepare;
use crate::model::{CONTEXT_PROP, ORIGIN_PROP, Props};

/// What the input knows about a segment's surroundings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context<'a> {
    /// The segment's identifier (`x-context`).
    pub id: Option<&'a str>,
    /// The text of the segment before it.
    pub prev: Option<&'a str>,
    /// The text of the segment after it.
    pub next: Option<&'a str>,
}

impl Context<'_> {
    /// Whether there is any context to compare.
    pub fn is_given(&self) -> bool {
        self.id.is_some() || self.prev.is_some() || self.next.is_some()
    }
}

/// Whether two units come from the same file (share an origin, or neither records one).
fn same_file(a: &Props, b: &Props) -> bool {
    let origins: Vec<&str> = a.values(ORIGIN_PROP).collect();
    let mut other = b.values(ORIGIN_PROP).peekable();
    if origins.is_empty() {
        return other.peek().is_none();
    }
    other.any(|o| origins.contains(&o))
}

impl Store {
    /// Whether stored unit `unit` (matched in language `base`) has the context the input gives.
    pub fn has_context(&self, unit: i64, base: &str, context: &Context<'_>) -> Result<bool> {
        if !context.is_given() {
            return Ok(false);
        }
        let Some(props) = self.unit_props(unit)? else {
            return Ok(false);
        };
        if let Some(id) = context.id {
            return Ok(props.values(CONTEXT_PROP).any(|c| c == id));
        }
        for (neighbour, wanted) in [(unit - 1, context.prev), (unit + 1, context.next)] {
            let Some(wanted) = wanted else {
                continue;
            };
            let Some(their) = self.unit_props(neighbour)? else {
                return Ok(false);
            };
            let wanted = prepare(wanted);
            let agrees = same_file(&props, &their)
                && self
                    .texts(neighbour, base)?
                    .iter()
                    .any(|t| prepare(t) == wanted);
            if !agrees {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
