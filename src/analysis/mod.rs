//! Analysis: how much of a document the memory already covers, in the match bands translators are
//! paid by (memoQ/Trados): repetitions, 101 % (context), 100 %, 95–99, 85–94, 75–84, 50–74, no match.
//!
//! A segment's band comes from its best suggestion ([`crate::memory::Leverage`], the exact
//! character score); a segment whose text (NFC, whitespace folded) came earlier in the input, in this
//! file or an earlier one, is a repetition instead. Words are UAX #29 words that hold a letter or a
//! digit ([`crate::text::words`]); characters are the scalar values that are not whitespace.

mod input;

pub use input::{DocumentKind, InputSegment, document_kind, read_segments};

use std::collections::HashSet;

use serde::Serialize;

use crate::error::Result;
use crate::memory::fuzzy::{Metric, prepare};
use crate::memory::{CONTEXT_SCORE, Context, Leverage};
use crate::text::words;

/// The lowest score that counts as a match.
pub const MIN_SCORE: f64 = 50.0;
/// The threshold of the first lookup; only segments without a match there are looked up again at
/// [`MIN_SCORE`].
const FIRST_PASS: f64 = 75.0;

/// A match band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    Repetition,
    Context,
    Exact,
    Fuzzy95,
    Fuzzy85,
    Fuzzy75,
    Fuzzy50,
    NoMatch,
}

impl Band {
    /// Every band, in report order.
    pub const ALL: [Band; 8] = [
        Band::Repetition,
        Band::Context,
        Band::Exact,
        Band::Fuzzy95,
        Band::Fuzzy85,
        Band::Fuzzy75,
        Band::Fuzzy50,
        Band::NoMatch,
    ];

    /// The band of a best score (`None`: no suggestion at or above 50). Boundaries are inclusive
    /// below: 95 ≤ s < 100 is 95–99, so 99.9 is not 100.
    pub fn of(score: Option<f64>) -> Band {
        match score {
            Some(s) if s >= CONTEXT_SCORE => Band::Context,
            Some(s) if s >= 100.0 => Band::Exact,
            Some(s) if s >= 95.0 => Band::Fuzzy95,
            Some(s) if s >= 85.0 => Band::Fuzzy85,
            Some(s) if s >= 75.0 => Band::Fuzzy75,
            Some(s) if s >= MIN_SCORE => Band::Fuzzy50,
            _ => Band::NoMatch,
        }
    }

    /// The band's stable name in machine output.
    pub fn id(self) -> &'static str {
        match self {
            Band::Repetition => "repetitions",
            Band::Context => "101",
            Band::Exact => "100",
            Band::Fuzzy95 => "95-99",
            Band::Fuzzy85 => "85-94",
            Band::Fuzzy75 => "75-84",
            Band::Fuzzy50 => "50-74",
            Band::NoMatch => "no-match",
        }
    }
}

/// Segments, words and characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub segments: u64,
    pub words: u64,
    pub characters: u64,
}

impl Counts {
    /// The counts of one segment.
    pub fn of(text: &str) -> Counts {
        Counts {
            segments: 1,
            words: words(text).count() as u64,
            characters: text.chars().filter(|c| !c.is_whitespace()).count() as u64,
        }
    }

    fn add(&mut self, other: Counts) {
        self.segments += other.segments;
        self.words += other.words;
        self.characters += other.characters;
    }
}

/// Counts per band.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    bands: [Counts; 8],
}

impl Report {
    /// The counts of `band`.
    pub fn band(&self, band: Band) -> Counts {
        self.bands[band as usize]
    }

    /// The counts of all bands together.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for counts in &self.bands {
            total.add(*counts);
        }
        total
    }

    /// Adds a segment to `band`.
    pub fn count(&mut self, band: Band, counts: Counts) {
        self.bands[band as usize].add(counts);
    }

    /// Adds another report.
    pub fn add(&mut self, other: &Report) {
        for band in Band::ALL {
            self.count(band, other.band(band));
        }
    }
}

/// Analyzes documents one after another; repetitions are counted across them.
pub struct Analyzer<'a> {
    leverage: Option<Leverage<'a>>,
    seen: HashSet<String>,
}

impl<'a> Analyzer<'a> {
    /// An analyzer that looks segments up with `leverage` (`None`: an empty memory).
    pub fn new(leverage: Option<Leverage<'a>>) -> Analyzer<'a> {
        Analyzer {
            leverage,
            seen: HashSet::new(),
        }
    }

    /// The band of each segment of one document, in order.
    pub fn bands(&mut self, segments: &[InputSegment]) -> Result<Vec<Band>> {
        let mut bands = Vec::with_capacity(segments.len());
        // Segments with no match of 75 or more, searched again below.
        let mut below: Vec<usize> = Vec::new();
        for (i, segment) in segments.iter().enumerate() {
            let key = prepare(&segment.text);
            if !self.seen.insert(key) {
                bands.push(Band::Repetition);
                continue;
            }
            let context = Context {
                id: segment.id.as_deref(),
                prev: (i > 0).then(|| segments[i - 1].text.as_str()),
                next: segments.get(i + 1).map(|s| s.text.as_str()),
            };
            // A high threshold first: the index prunes far better there, and most segments of a
            // document with any leverage have a match of 75 or more. The top five let a context
            // match (101) among several 100 % ones come first.
            let best = match self.leverage.as_mut() {
                Some(leverage) => leverage
                    .suggest(&segment.text, &context, 5, FIRST_PASS, Metric::Chars)?
                    .first()
                    .map(|s| s.score),
                None => None,
            };
            if best.is_none() {
                below.push(i);
            }
            bands.push(Band::of(best));
        }
        // Below 75 only the best score matters. The index prunes little there, so these segments
        // are searched on every core.
        if let Some(leverage) = &self.leverage {
            let texts: Vec<&str> = below.iter().map(|&i| segments[i].text.as_str()).collect();
            for (i, best) in below.iter().zip(leverage.best_scores(&texts, MIN_SCORE)) {
                bands[*i] = Band::of(best);
            }
        }
        Ok(bands)
    }

    /// The report of one document.
    pub fn analyze(&mut self, segments: &[InputSegment]) -> Result<Report> {
        let mut report = Report::default();
        for (segment, band) in segments.iter().zip(self.bands(segments)?) {
            report.count(band, Counts::of(&segment.text));
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_boundaries() {
        assert_eq!(Band::of(Some(101.0)), Band::Context);
        assert_eq!(Band::of(Some(100.0)), Band::Exact);
        assert_eq!(Band::of(Some(99.99)), Band::Fuzzy95);
        assert_eq!(Band::of(Some(95.0)), Band::Fuzzy95);
        assert_eq!(Band::of(Some(94.9)), Band::Fuzzy85);
        assert_eq!(Band::of(Some(85.0)), Band::Fuzzy85);
        assert_eq!(Band::of(Some(75.0)), Band::Fuzzy75);
        assert_eq!(Band::of(Some(74.9)), Band::Fuzzy50);
        assert_eq!(Band::of(Some(50.0)), Band::Fuzzy50);
        assert_eq!(Band::of(Some(49.9)), Band::NoMatch);
        assert_eq!(Band::of(None), Band::NoMatch);
    }

    #[test]
    fn words_and_characters() {
        // Arabic clitics stay in their word: و + ال + كتاب is one word.
        assert_eq!(Counts::of("قرأت والكتاب").words, 2);
        // Numbers are words, punctuation is not.
        assert_eq!(Counts::of("Page 1,250.5 of 30!").words, 4);
        assert_eq!(Counts::of("Fayl aç").characters, 6);
        assert_eq!(Counts::of("İSESKO-nun baş direktoru").words, 4);
    }

    #[test]
    fn repetitions_count_across_documents() {
        let seg = |t: &str| InputSegment {
            text: t.to_string(),
            id: None,
        };
        let mut analyzer = Analyzer::new(None);
        let first = analyzer
            .bands(&[
                seg("Open the file."),
                seg("Open  the file."),
                seg("Close it."),
            ])
            .unwrap();
        assert_eq!(first, [Band::NoMatch, Band::Repetition, Band::NoMatch]);
        let second = analyzer.bands(&[seg("Close it.")]).unwrap();
        assert_eq!(second, [Band::Repetition]);
    }
}
