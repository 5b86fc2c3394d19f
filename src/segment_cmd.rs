//! `segment` and `align`: the command-line glue around [`tarjuman::segment`] and
//! [`tarjuman::align`].

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tarjuman::align::{self, Anchor, AnchorKind, Anchors, BuiltinAnchors, Link};
use tarjuman::error::{Error, Result};
use tarjuman::formats::tmx::{TmxHeader, TmxWriter};
use tarjuman::glossary::{Glossary, Recognizer, builtin};
use tarjuman::l10n::L10n;
use tarjuman::memory::Store;
use tarjuman::model::{LangTag, Segment as Text, Unit, Variant};
use tarjuman::output::write_atomically;
use tarjuman::render::error_message;
use tarjuman::segment::{self, Rules, Segment, write_srx};
use tarjuman::text::fold_whitespace;

use crate::cli::Cli;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SegmentFormat {
    Lines,
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct SegmentArgs {
    /// The document to split (plain text or Markdown)
    #[arg(value_name = "FILE", required_unless_present = "export_srx")]
    file: Option<PathBuf>,
    /// The language of the document
    #[arg(long, value_name = "LANG", required_unless_present = "export_srx")]
    lang: Option<String>,
    /// SRX 2.0 rules to use instead of the built-in ones
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = SegmentFormat::Lines)]
    format: SegmentFormat,
    /// Read the document as Markdown (the default for .md and .markdown files)
    #[arg(long)]
    markdown: bool,
    /// Write the rules in use (built-in, or those of --rules) as SRX 2.0 instead
    #[arg(long, conflicts_with = "file")]
    export_srx: bool,
    /// The file to write, or - for standard output
    #[arg(short, long, value_name = "FILE", default_value = "-")]
    output: PathBuf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AlignFormat {
    Tmx,
    Tsv,
}

#[derive(Debug, Args)]
pub(crate) struct AlignArgs {
    /// The original document
    #[arg(value_name = "SRC")]
    source: PathBuf,
    /// Its translation
    #[arg(value_name = "TGT")]
    target: PathBuf,
    /// The language of the original
    #[arg(long, value_name = "LANG")]
    from: String,
    /// The language of the translation
    #[arg(long, value_name = "LANG")]
    to: String,
    /// Write the links to this file (.tmx or .tsv), or - for standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format (by default from the extension of the output, else TSV)
    #[arg(long, value_enum)]
    format: Option<AlignFormat>,
    /// Put the aligned pairs into the memory (one transaction)
    #[arg(long)]
    import: bool,
    /// Leave out pairs whose confidence is below this (0 to 1)
    #[arg(long, value_name = "P", default_value_t = 0.0)]
    min_confidence: f64,
    /// SRX 2.0 rules to split both documents with
    #[arg(long, value_name = "FILE")]
    rules: Option<PathBuf>,
}

/// Prints a warning on standard error.
fn warn(l10n: &L10n, message: &str) {
    let prefix = l10n.msg("warning-prefix", &[]);
    let _ = writeln!(anstream::stderr(), "{prefix}: {message}");
}

/// The rules of `--rules`, or the built-in ones; patterns that do not compile are warned about.
fn load_rules(path: Option<&Path>, l10n: &L10n) -> Result<RulesRef> {
    let Some(path) = path else {
        return Ok(RulesRef::Builtin);
    };
    let rules = Rules::from_srx_file(path)?;
    for problem in rules.problems() {
        warn(l10n, &error_message(problem, l10n));
    }
    Ok(RulesRef::Loaded(Box::new(rules)))
}

enum RulesRef {
    Builtin,
    Loaded(Box<Rules>),
}

impl RulesRef {
    fn get(&self) -> &Rules {
        match self {
            RulesRef::Builtin => Rules::builtin(),
            RulesRef::Loaded(rules) => rules,
        }
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "md" | "markdown"))
}

/// The sentences of the document at `path`.
fn sentences_of(
    path: &Path,
    lang: &LangTag,
    rules: &Rules,
    markdown: bool,
) -> Result<Vec<Segment>> {
    let text = segment::read_text(path)?;
    Ok(if markdown || is_markdown(path) {
        segment::segment_markdown(&text, lang, rules)
    } else {
        segment::segment_document(&text, lang, rules)
    })
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::io(path, e)
}

pub(crate) fn segment(_cli: &Cli, args: &SegmentArgs, l10n: &L10n) -> Result<()> {
    let rules = load_rules(args.rules.as_deref(), l10n)?;
    let out = &args.output;
    if args.export_srx {
        let srx = write_srx(rules.get().document());
        return write_atomically(out, |w| w.write_all(srx.as_bytes()).map_err(io_error(out)));
    }
    let (Some(file), Some(lang)) = (&args.file, &args.lang) else {
        return Ok(());
    };
    let lang = LangTag::parse(lang)?;
    let segments = sentences_of(file, &lang, rules.get(), args.markdown)?;
    write_atomically(out, |w| {
        match args.format {
            SegmentFormat::Lines => {
                for segment in &segments {
                    writeln!(w, "{}", fold_whitespace(&segment.text)).map_err(io_error(out))?;
                }
            }
            SegmentFormat::Json => {
                serde_json::to_writer_pretty(&mut *w, &segments)
                    .map_err(|e| Error::io(out, e.into()))?;
                writeln!(w).map_err(io_error(out))?;
            }
        }
        Ok(())
    })
}

/// A progress bar on standard error, drawn only on a terminal and without `--quiet`.
fn progress_bar(quiet: bool, message: String) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if quiet || !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    bar.set_style(
        ProgressStyle::with_template("{msg} {wide_bar} {percent}% ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message(message);
    bar
}

/// The text of sentences `range` as one memory segment.
fn joined(sentences: &[Segment], range: std::ops::Range<usize>) -> String {
    let parts: Vec<&str> = sentences[range].iter().map(|s| s.text.as_str()).collect();
    fold_whitespace(&parts.join(" "))
}

/// The memory unit of a pair link.
/// Puts the aligned pairs into the store in one transaction; the number of new units.
fn import_pairs(
    store: &mut Store,
    pairs: &[&Link],
    origin: &str,
    src: (&LangTag, &[Segment]),
    tgt: (&LangTag, &[Segment]),
) -> Result<u64> {
    let mut importer = store.importer()?;
    let mut count = 0u64;
    for link in pairs {
        if matches!(
            importer.add(unit_of(link, src, tgt), Some(origin))?,
            tarjuman::memory::Added::New(_)
        ) {
            count += 1;
        }
    }
    importer.commit()?;
    Ok(count)
}

fn unit_of(link: &Link, src: (&LangTag, &[Segment]), tgt: (&LangTag, &[Segment])) -> Unit {
    let mut unit = Unit {
        variants: vec![
            Variant::new(
                src.0.clone(),
                Text::plain(joined(src.1, link.source.clone())),
            ),
            Variant::new(
                tgt.0.clone(),
                Text::plain(joined(tgt.1, link.target.clone())),
            ),
        ],
        ..Unit::default()
    };
    unit.props
        .add_prop("x-align-confidence", format!("{:.3}", link.confidence));
    unit.props.add_prop("x-align-bead", link.bead());
    unit
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The glossaries in use (the shipped ones unless `--no-default-glossaries`, then every
/// `--glossary`), as a recognizer of names and terms in any spelling.
fn recognizer(cli: &Cli) -> Result<Recognizer> {
    let mut glossaries = if cli.no_default_glossaries {
        Vec::new()
    } else {
        builtin::shipped()?
    };
    for path in &cli.glossaries {
        glossaries.push(Glossary::read(path)?);
    }
    Recognizer::new(&glossaries)
}

pub(crate) fn align(cli: &Cli, args: &AlignArgs, l10n: &L10n) -> Result<()> {
    let from = LangTag::parse(&args.from)?;
    let to = LangTag::parse(&args.to)?;
    let rules = load_rules(args.rules.as_deref(), l10n)?;
    let source = sentences_of(&args.source, &from, rules.get(), false)?;
    let target = sentences_of(&args.target, &to, rules.get(), false)?;
    let bar = progress_bar(
        cli.quiet,
        l10n.msg(
            "progress-aligning",
            &[
                ("source", file_name(&args.source).into()),
                ("target", file_name(&args.target).into()),
            ],
        ),
    );
    let src_texts: Vec<&str> = source.iter().map(|s| s.text.as_str()).collect();
    let tgt_texts: Vec<&str> = target.iter().map(|s| s.text.as_str()).collect();
    // Glossary names and terms: a sentence and its translation mention the same entry, each in
    // its own spelling.
    let recognizer = recognizer(cli)?;
    let glossary = |sentence: &str, _: tarjuman::model::Language| {
        recognizer
            .find(sentence)
            .into_iter()
            .map(|m| {
                Anchor::new(
                    AnchorKind::Name,
                    format!("glossary:{}", recognizer.entry_id(m.entry)),
                )
            })
            .collect::<Vec<_>>()
    };
    let anchors = Anchors(vec![&BuiltinAnchors, &glossary]);
    let links = align::align(
        &src_texts,
        &tgt_texts,
        from.language(),
        to.language(),
        &anchors,
        &mut |done, total| {
            bar.set_length(total);
            bar.set_position(done);
        },
    );
    bar.finish_and_clear();
    let kept = |link: &&Link| !link.is_pair() || link.confidence >= args.min_confidence;
    let pairs: Vec<&Link> = links.iter().filter(|l| l.is_pair()).filter(kept).collect();
    let output = match (&args.output, args.import) {
        (Some(path), _) => Some(path.clone()),
        (None, false) => Some(PathBuf::from("-")),
        (None, true) => None,
    };
    if let Some(out) = &output {
        let format = args.format.unwrap_or_else(|| {
            let ext = out.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext.eq_ignore_ascii_case("tmx") {
                AlignFormat::Tmx
            } else {
                AlignFormat::Tsv
            }
        });
        write_atomically(out, |w| match format {
            AlignFormat::Tmx => {
                let header = TmxHeader {
                    srclang: Some(from.clone()),
                    adminlang: LangTag::parse("en")?,
                };
                let mut writer = TmxWriter::new(w, &header).map_err(io_error(out))?;
                for link in &pairs {
                    let unit = unit_of(link, (&from, &source), (&to, &target));
                    writer.write_unit(&unit).map_err(io_error(out))?;
                }
                writer.finish().map_err(io_error(out))?;
                Ok(())
            }
            AlignFormat::Tsv => {
                let mut writer = csv::WriterBuilder::new()
                    .delimiter(b'\t')
                    .terminator(csv::Terminator::CRLF)
                    .quote_style(csv::QuoteStyle::Necessary)
                    .from_writer(w);
                let csv_error = |e: csv::Error| Error::io(out, std::io::Error::other(e));
                writer
                    .write_record([from.as_str(), to.as_str(), "note"])
                    .map_err(csv_error)?;
                for link in links.iter().filter(kept) {
                    let note = format!("confidence {:.3}, bead {}", link.confidence, link.bead());
                    writer
                        .write_record([
                            joined(&source, link.source.clone()),
                            joined(&target, link.target.clone()),
                            note,
                        ])
                        .map_err(csv_error)?;
                }
                writer.flush().map_err(io_error(out))?;
                Ok(())
            }
        })?;
    }
    let mut added = None;
    if args.import {
        let mut store = Store::open(&cli.db)?;
        let created = store.was_created();
        let origin = file_name(&args.source);
        let result = import_pairs(
            &mut store,
            &pairs,
            &origin,
            (&from, &source),
            (&to, &target),
        );
        drop(store);
        match result {
            Ok(count) => added = Some(count),
            Err(err) => {
                // A failed first import leaves no store behind, as `import` does.
                if created {
                    tarjuman::memory::remove_store_files(&cli.db);
                }
                return Err(err);
            }
        }
    }
    let to_stdout = output.as_deref() == Some(Path::new("-"));
    if !cli.quiet && !to_stdout {
        let confidence = if pairs.is_empty() {
            0.0
        } else {
            pairs.iter().map(|l| l.confidence).sum::<f64>() / pairs.len() as f64
        };
        let unmatched: usize = links
            .iter()
            .filter(|l| !l.is_pair())
            .map(|l| l.source.len() + l.target.len())
            .sum();
        let mut out = std::io::stdout();
        let say = |out: &mut std::io::Stdout, line: String| {
            writeln!(out, "{line}").map_err(io_error(Path::new("-")))
        };
        say(
            &mut out,
            l10n.msg(
                "align-done",
                &[
                    ("source", source.len().into()),
                    ("target", target.len().into()),
                    ("pairs", pairs.len().into()),
                    ("unmatched", unmatched.into()),
                    ("confidence", format!("{confidence:.2}").into()),
                ],
            ),
        )?;
        if let Some(path) = &output {
            say(
                &mut out,
                l10n.msg(
                    "align-written",
                    &[("path", path.display().to_string().into())],
                ),
            )?;
        }
        if let Some(added) = added {
            say(
                &mut out,
                l10n.msg(
                    "align-imported",
                    &[("added", added.into()), ("pairs", pairs.len().into())],
                ),
            )?;
        }
    }
    Ok(())
}
