//! Leverage: the memory's suggestions for a segment, as `match`, `analyze` and `pretranslate` use
//! them. Each is a fuzzy hit with its original source and its target, raised to 101 when it is a
//! 100 % match in the same context, and with its numbers and tags carried over from the query when
//! those are all that differ (the score stays the exact edit-distance score).

use super::fuzzy::{Hit, Index, Metric, Query, Searcher, prepare};
use super::placeable::adjust;
use super::{Context, Store};
use crate::error::Result;

/// The score of a context match.
pub const CONTEXT_SCORE: f64 = 101.0;

/// One suggestion from the memory.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// Percent, unrounded; [`CONTEXT_SCORE`] for a context match.
    pub score: f64,
    pub unit: i64,
    pub source: String,
    pub target: String,
    /// The target's numbers or tags were replaced by the query's.
    pub adjusted: bool,
    /// A 100 % match in the same context.
    pub context: bool,
    /// The TMX markup of the source and of the target, where they have inline codes.
    pub source_markup: Option<String>,
    pub target_markup: Option<String>,
}

/// Looks up segments of one language pair.
pub struct Leverage<'a> {
    store: &'a Store,
    index: &'a Index,
    searcher: Searcher<'a>,
    from: String,
    /// The target language; without one, any unit with the source language is a suggestion and
    /// has an empty target.
    to: Option<String>,
    /// The index's language slot of `to`; `None` when no unit has it.
    require: Option<u32>,
}

impl<'a> Leverage<'a> {
    /// Suggestions from `store` for text in matching language `from` (the index of `from`), with
    /// targets in `to`.
    pub fn new(store: &'a Store, index: &'a Index, from: &str, to: Option<&str>) -> Leverage<'a> {
        let require = match to {
            Some(to) => index
                .meta()
                .slots
                .iter()
                .position(|s| s == to)
                .map(|slot| 1u32 << slot),
            None => Some(0),
        };
        Leverage {
            store,
            index,
            searcher: Searcher::new(index),
            from: from.to_string(),
            to: to.map(str::to_string),
            require,
        }
    }

    /// The best score, at least `min`, of a suggestion for each of `texts` (`None`: none that
    /// good), found on every core. Only the score: for bands below 100, where no context can count.
    pub fn best_scores(&self, texts: &[&str], min: f64) -> Vec<Option<f64>> {
        use rayon::prelude::*;
        let Some(require) = self.require else {
            return vec![None; texts.len()];
        };
        let index = self.index;
        texts
            .par_iter()
            .map_init(
                || Searcher::new(index),
                |searcher, text| {
                    let prepared = prepare(text);
                    let query = Query {
                        text: &prepared,
                        top: 1,
                        min,
                        require,
                    };
                    searcher.search(&query).first().map(Hit::score)
                },
            )
            .collect()
    }

    /// The best `top` suggestions scoring at least `min` for `text`, best first (ties by unit).
    pub fn suggest(
        &mut self,
        text: &str,
        context: &Context<'_>,
        top: usize,
        min: f64,
        metric: Metric,
    ) -> Result<Vec<Suggestion>> {
        let Some(require) = self.require else {
            return Ok(Vec::new());
        };
        let prepared = prepare(text);
        let query = Query {
            text: &prepared,
            top,
            min,
            require,
        };
        let hits = match metric {
            Metric::Chars => self.searcher.search(&query),
            Metric::Words => self.searcher.search_words(&query),
        };
        let mut out = Vec::with_capacity(hits.len());
        for hit in hits {
            let (source, source_markup) = self.source_text(&hit)?;
            let (target, target_markup) = match &self.to {
                Some(to) => self.store.marked_texts(hit.unit, to)?.into_iter().next(),
                None => None,
            }
            .unwrap_or_default();
            let score = hit.score();
            let in_context =
                score == 100.0 && self.store.has_context(hit.unit, &self.from, context)?;
            let adjusted = if score < 100.0 {
                adjust(&prepared, &prepare(&source), &target)
            } else {
                None
            };
            out.push(Suggestion {
                score: if in_context { CONTEXT_SCORE } else { score },
                unit: hit.unit,
                source,
                adjusted: adjusted.is_some(),
                target: adjusted.unwrap_or(target),
                context: in_context,
                source_markup,
                target_markup,
            });
        }
        // Context matches first; the rest keep the index's order.
        out.sort_by_key(|s| !s.context);
        Ok(out)
    }

    /// The original text and markup of the hit's source variant (the index holds it prepared).
    fn source_text(&self, hit: &Hit) -> Result<(String, Option<String>)> {
        let prepared = self.index.text(hit.entry);
        let texts = self.store.marked_texts(hit.unit, &self.from)?;
        Ok(texts
            .into_iter()
            .find(|(t, _)| prepare(t) == prepared)
            .unwrap_or_else(|| (prepared.to_string(), None)))
    }
}
