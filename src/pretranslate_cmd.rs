//! `tarjuman pretranslate`: a document with its targets filled from the memory. XLIFF 1.2 or 2.0
//! stays XLIFF (spliced, everything else untouched), PO stays PO, plain text and Markdown become
//! XLIFF 2.0.

use std::path::{Path, PathBuf};

use clap::Args;
use tarjuman::analysis::{DocumentKind, InputSegment, document_kind, read_segments};
use tarjuman::error::{Error, Result};
use tarjuman::formats::Format;
use tarjuman::formats::po::{PLURAL_FORM_PROP, PLURAL_FORMS_PROP};
use tarjuman::formats::po_fill::{PoEntry, PoFile, plural_count};
use tarjuman::formats::xliff_fill::{Fill, XliffFile, new_xliff2};
use tarjuman::l10n::L10n;
use tarjuman::memory::codes::carry;
use tarjuman::memory::fuzzy::Metric;
use tarjuman::memory::{Context, Leverage, Store, Suggestion};
use tarjuman::model::LangTag;
use tarjuman::output::write_atomically;

use crate::app::{Outcome, fuzzy_index, say, warn_unknown_language};
use crate::cli::Cli;

/// The default lowest score used (Trados's default minimum match value).
const DEFAULT_MIN: f64 = 70.0;

#[derive(Debug, Args)]
pub(crate) struct PretranslateArgs {
    /// The document: XLIFF 1.2 or 2.0, PO, plain text or Markdown
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The language of the source text
    #[arg(long, value_name = "LANG")]
    from: String,
    /// The language of the translations
    #[arg(long, value_name = "LANG")]
    to: String,
    /// The lowest score used, in percent
    #[arg(long, default_value_t = DEFAULT_MIN, value_name = "P")]
    min: f64,
    /// The file to write (XLIFF for XLIFF, plain text and Markdown; PO for PO), or - for standard
    /// output
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

/// What was filled, for the summary.
#[derive(Default)]
struct Tally {
    segments: u64,
    exact: u64,
    fuzzy: u64,
    /// Segments left alone because their source has foreign inline elements.
    foreign: u64,
    /// Fills whose inline codes follow the text because the memory's did not map onto them.
    appended: u64,
}

impl Tally {
    /// Counts one segment or entry, with the fills of its forms (one for a singular).
    fn count_entry(&mut self, forms: &[Option<Fill>]) {
        self.segments += 1;
        if forms.iter().all(Option::is_none) {
            return;
        }
        if forms.iter().all(|f| f.as_ref().is_some_and(Fill::exact)) {
            self.exact += 1;
        } else {
            self.fuzzy += 1;
        }
        let appended = |f: &Fill| f.codes.as_ref().is_some_and(|c| !c.placed);
        if forms.iter().flatten().any(appended) {
            self.appended += 1;
        }
    }

    fn count(&mut self, fills: &[Option<Fill>]) {
        for fill in fills {
            self.count_entry(std::slice::from_ref(fill));
        }
    }
}

/// A fill from the memory's suggestion.
fn fill(suggestion: Suggestion) -> Fill {
    Fill {
        target: suggestion.target,
        score: suggestion.score,
        memory_source: suggestion.source,
        codes: None,
    }
}

/// The best suggestion for each segment (`None` where `skip` says so or nothing scores `min`).
fn best(
    leverage: &mut Option<Leverage<'_>>,
    segments: &[InputSegment],
    skip: impl Fn(usize) -> bool,
    min: f64,
) -> Result<Vec<Option<Suggestion>>> {
    let mut out = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let Some(leverage) = leverage.as_mut().filter(|_| !skip(i)) else {
            out.push(None);
            continue;
        };
        let best = leverage
            .suggest(&segment.text, &context(segments, i), 5, min, Metric::Chars)?
            .into_iter()
            .next();
        out.push(best);
    }
    Ok(out)
}

/// The context of segment `i`: its id, and as neighbours the nearest segments with text (a PO
/// header is none).
fn context(segments: &[InputSegment], i: usize) -> Context<'_> {
    let has_text = |s: &&InputSegment| !s.text.trim().is_empty();
    Context {
        id: segments[i].id.as_deref(),
        prev: segments[..i]
            .iter()
            .rev()
            .find(has_text)
            .map(|s| s.text.as_str()),
        next: segments[i + 1..]
            .iter()
            .find(has_text)
            .map(|s| s.text.as_str()),
    }
}

/// How many suggestions a plural form is picked from.
const PLURAL_CANDIDATES: usize = 32;

/// The fills of the forms of plural entry `entry`: form 0 from the matches of its `msgid`, each
/// form k ≥ 1 from those of its `msgid_plural`, in both cases the best of the memory's units of
/// plural form k (import keeps it in the prop `x-plural-form`) whose `Plural-Forms`, when they have
/// one, count `nplurals` forms.
fn plural_fills(
    leverage: &mut Leverage<'_>,
    store: &Store,
    entry: &PoEntry,
    context: &Context<'_>,
    nplurals: usize,
    min: f64,
) -> Result<Vec<Option<Fill>>> {
    let mut suggest =
        |text: &str| leverage.suggest(text, context, PLURAL_CANDIDATES, min, Metric::Chars);
    let singular = suggest(&entry.msgid)?;
    let plural = match (&entry.plural, nplurals > 1) {
        (Some(plural), true) => suggest(plural)?,
        _ => Vec::new(),
    };
    let mut out = Vec::with_capacity(nplurals);
    for k in 0..nplurals {
        let found = if k == 0 { &singular } else { &plural };
        let mut pick = None;
        for suggestion in found {
            if plural_forms(store, suggestion.unit, nplurals)?.contains(&k) {
                pick = Some(fill(suggestion.clone()));
                break;
            }
        }
        out.push(pick);
    }
    Ok(out)
}

/// The plural forms of a memory unit made from PO plural entries (a unit merged from several
/// entries has several), none when its `Plural-Forms` count other than `nplurals` forms.
fn plural_forms(store: &Store, unit: i64, nplurals: usize) -> Result<Vec<usize>> {
    let Some(props) = store.unit_props(unit)? else {
        return Ok(Vec::new());
    };
    let same_count = props
        .values(PLURAL_FORMS_PROP)
        .next()
        .and_then(plural_count)
        .is_none_or(|n| n == nplurals);
    if !same_count {
        return Ok(Vec::new());
    }
    Ok(props
        .values(PLURAL_FORM_PROP)
        .filter_map(|v| v.parse().ok())
        .collect())
}

pub(crate) fn run(cli: &Cli, args: &PretranslateArgs, l10n: &L10n) -> Result<Outcome> {
    let from = LangTag::parse(&args.from)?;
    let to = LangTag::parse(&args.to)?;
    let path = &args.file;
    let kind = document_kind(path);
    let store = Store::open_existing(&cli.db)?;
    if let Some(store) = &store {
        warn_unknown_language(store, &from.base(), l10n)?;
        warn_unknown_language(store, &to.base(), l10n)?;
    }
    let index = match &store {
        Some(store) => Some(fuzzy_index(cli, l10n, store, &from.base())?),
        None => None,
    };
    let mut leverage = match (&store, &index) {
        (Some(store), Some(index)) => {
            Some(Leverage::new(store, index, &from.base(), Some(&to.base())))
        }
        _ => None,
    };
    let mut tally = Tally::default();
    let bytes = match kind {
        DocumentKind::Memory(Format::Xliff) => {
            let file = XliffFile::read(path)?;
            let segments: Vec<InputSegment> = file
                .segments()
                .iter()
                .map(|s| InputSegment {
                    text: s.source.clone(),
                    id: s.name.clone(),
                })
                .collect();
            tally.foreign = file
                .segments()
                .iter()
                .filter(|s| s.open && s.foreign)
                .count() as u64;
            let skip = |i: usize| {
                let s = &file.segments()[i];
                !s.open || s.foreign || s.source.trim().is_empty()
            };
            let best = best(&mut leverage, &segments, skip, args.min)?;
            let fills: Vec<Option<Fill>> = best
                .into_iter()
                .zip(file.segments())
                .map(|(best, segment)| {
                    best.map(|s| {
                        let codes = (!segment.codes.is_empty()).then(|| {
                            carry(
                                &segment.content,
                                &segment.codes,
                                s.source_markup.as_deref(),
                                s.target_markup.as_deref(),
                                &s.target,
                            )
                        });
                        Fill { codes, ..fill(s) }
                    })
                })
                .collect();
            tally.count(&fills);
            file.filled(&fills, &to)
        }
        DocumentKind::Memory(Format::Po) => {
            let file = PoFile::read(path)?;
            let segments: Vec<InputSegment> = file
                .entries()
                .iter()
                .map(|e| InputSegment {
                    text: e.msgid.clone(),
                    id: e.msgctxt.clone(),
                })
                .collect();
            let entries = file.entries();
            let skip = |i: usize| !entries[i].open || entries[i].plural.is_some();
            let best = best(&mut leverage, &segments, skip, args.min)?;
            let mut fills: Vec<Vec<Option<Fill>>> =
                best.into_iter().map(|b| vec![b.map(fill)]).collect();
            if let (Some(leverage), Some(store)) = (leverage.as_mut(), &store) {
                for (i, entry) in entries.iter().enumerate() {
                    if !entry.open || entry.plural.is_none() {
                        continue;
                    }
                    let nplurals = file.nplurals().unwrap_or(entry.forms);
                    let context = context(&segments, i);
                    fills[i] = plural_fills(leverage, store, entry, &context, nplurals, args.min)?;
                }
            }
            for forms in &fills {
                tally.count_entry(forms);
            }
            file.filled(&fills)
        }
        _ => {
            let segments = read_segments(path, &from)?;
            let best = best(&mut leverage, &segments, |_| false, args.min)?;
            let fills: Vec<Option<Fill>> = best.into_iter().map(|b| b.map(fill)).collect();
            tally.count(&fills);
            let pairs: Vec<(String, Option<Fill>)> =
                segments.into_iter().map(|s| s.text).zip(fills).collect();
            let original = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            new_xliff2(&original, &from, &to, &pairs).into_bytes()
        }
    };
    let out = &args.output;
    write_atomically(out, |w| w.write_all(&bytes).map_err(|e| Error::io(out, e)))?;
    if !cli.quiet && out != Path::new("-") {
        say(&l10n.msg(
            "pretranslate-done",
            &[
                ("path", out.display().to_string().into()),
                ("segments", tally.segments.into()),
                ("exact", tally.exact.into()),
                ("fuzzy", tally.fuzzy.into()),
            ],
        ))?;
        if tally.appended > 0 {
            say(&l10n.msg(
                "pretranslate-codes-appended",
                &[("count", tally.appended.into())],
            ))?;
        }
        if tally.foreign > 0 {
            say(&l10n.msg("pretranslate-codes", &[("count", tally.foreign.into())]))?;
        }
    }
    Ok(Outcome::Success)
}
