//! Sentence alignment: accuracy on parallel documents generated from `../shared/data/real-tm.tmx`,
//! and the `align` command.
//!
//! The generator takes consecutive units of the real memory that have both languages, and makes two
//! documents of their sentences, injecting (with a fixed seed) merges on either side (two units
//! written as one sentence: 2-1 and 1-2 links) and deletions (a unit missing on one side: 1-0 and
//! 0-1). Figures: `cargo test --test integration align::accuracy -- --nocapture`; the 10,000-sentence
//! timing: `cargo test --release --test integration align::ten_thousand -- --ignored --nocapture`.

use std::ops::Range;
use std::time::Instant;

use tarjuman::align::{BuiltinAnchors, Link, align};
use tarjuman::formats::{self, Format, ReadOptions};
use tarjuman::model::{LangTag, Language};
use tarjuman::text::fold_whitespace;

use crate::common::{Sandbox, shared};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }
}

/// The (en, other) texts of the units of the real memory that have both, in file order.
fn real_pairs(other: &str) -> Vec<(String, String)> {
    let path = shared("data/real-tm.tmx");
    let mut reader = formats::open(&path, Some(Format::Tmx), &ReadOptions::default()).unwrap();
    let en = LangTag::parse("en").unwrap();
    let other = LangTag::parse(other).unwrap();
    let mut pairs = Vec::new();
    while let Some(unit) = reader.next_unit().unwrap() {
        if let (Some(a), Some(b)) = (unit.variant(&en), unit.variant(&other)) {
            let (a, b) = (
                fold_whitespace(&a.segment.text),
                fold_whitespace(&b.segment.text),
            );
            if !a.is_empty() && !b.is_empty() {
                pairs.push((a, b));
            }
        }
    }
    pairs
}

/// Two parallel documents (as sentence lists) and their true links.
struct Parallel {
    source: Vec<String>,
    target: Vec<String>,
    gold: Vec<(Range<usize>, Range<usize>)>,
}

/// Rates of the injected changes, per unit and per side: merges (2-1, and as many 1-2) and
/// deletions (1-0, and as many 0-1).
#[derive(Clone, Copy)]
struct Rates {
    merge: f64,
    delete: f64,
}

/// About one link in eight is not 1-1, as in Gale and Church's Hansard sample (11%).
const HEAVY: Rates = Rates {
    merge: 0.04,
    delete: 0.02,
};
/// About one link in sixteen is not 1-1.
const LIGHT: Rates = Rates {
    merge: 0.02,
    delete: 0.01,
};

fn generate(pairs: &[(String, String)], seed: u64, rates: Rates) -> Parallel {
    let mut rng = Rng(seed);
    let mut doc = Parallel {
        source: Vec::new(),
        target: Vec::new(),
        gold: Vec::new(),
    };
    let mut k = 0;
    while k < pairs.len() {
        let (s, t) = (doc.source.len(), doc.target.len());
        let (a, b) = &pairs[k];
        if rng.chance(rates.delete) {
            doc.source.push(a.clone());
            doc.gold.push((s..s + 1, t..t));
        } else if rng.chance(rates.delete) {
            doc.target.push(b.clone());
            doc.gold.push((s..s, t..t + 1));
        } else if k + 1 < pairs.len() && rng.chance(rates.merge) {
            // 2-1: two source sentences, one target sentence.
            let (a2, b2) = &pairs[k + 1];
            doc.source.push(a.clone());
            doc.source.push(a2.clone());
            doc.target.push(format!("{b} {b2}"));
            doc.gold.push((s..s + 2, t..t + 1));
            k += 1;
        } else if k + 1 < pairs.len() && rng.chance(rates.merge) {
            // 1-2.
            let (a2, b2) = &pairs[k + 1];
            doc.source.push(format!("{a} {a2}"));
            doc.target.push(b.clone());
            doc.target.push(b2.clone());
            doc.gold.push((s..s + 1, t..t + 2));
            k += 1;
        } else {
            doc.source.push(a.clone());
            doc.target.push(b.clone());
            doc.gold.push((s..s + 1, t..t + 1));
        }
        k += 1;
    }
    doc
}

fn run(doc: &Parallel, target: Language) -> Vec<Link> {
    let s: Vec<&str> = doc.source.iter().map(String::as_str).collect();
    let t: Vec<&str> = doc.target.iter().map(String::as_str).collect();
    align(
        &s,
        &t,
        Language::English,
        target,
        &BuiltinAnchors,
        &mut |_, _| {},
    )
}

/// (correct pair links, predicted pair links, gold pair links, mean confidence of right and of
/// wrong pair links).
fn score(doc: &Parallel, links: &[Link]) -> (usize, usize, usize, f64, f64) {
    let is_pair = |(a, b): &&(Range<usize>, Range<usize>)| !a.is_empty() && !b.is_empty();
    let gold: std::collections::HashSet<(Range<usize>, Range<usize>)> =
        doc.gold.iter().filter(is_pair).cloned().collect();
    let predicted: Vec<&Link> = links.iter().filter(|l| l.is_pair()).collect();
    let (mut right, mut wrong) = (Vec::new(), Vec::new());
    for link in &predicted {
        if gold.contains(&(link.source.clone(), link.target.clone())) {
            right.push(link.confidence);
        } else {
            wrong.push(link.confidence);
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    (
        right.len(),
        predicted.len(),
        gold.len(),
        mean(&right),
        mean(&wrong),
    )
}

/// Aligns documents from every language pair at `rates`; returns (precision, recall) of pairs.
fn measure(name: &str, rates: Rates) -> (f64, f64) {
    let mut total = (0, 0, 0);
    for (lang, language) in [
        ("kk", Language::Kazakh),
        ("ar", Language::Arabic),
        ("az", Language::Azerbaijani),
    ] {
        let pairs = real_pairs(lang);
        // Two documents per pair of languages, from different parts of the memory.
        for (part, seed) in [(0, 7u64), (1, 11u64)] {
            let chunk = pairs.len() / 2;
            let slice = &pairs[part * chunk..(part * chunk + chunk).min(pairs.len())];
            let slice = &slice[..slice.len().min(1500)];
            let doc = generate(slice, seed, rates);
            let links = run(&doc, language);
            let (right, predicted, gold, conf_right, conf_wrong) = score(&doc, &links);
            println!(
                "{name} en-{lang} part {part}: {} / {} sentences, {gold} true pairs, {predicted} found, {right} right: precision {:.2}%, recall {:.2}%; mean confidence {conf_right:.3} right, {conf_wrong:.3} wrong",
                doc.source.len(),
                doc.target.len(),
                100.0 * right as f64 / predicted as f64,
                100.0 * right as f64 / gold as f64,
            );
            total = (total.0 + right, total.1 + predicted, total.2 + gold);
        }
    }
    let precision = total.0 as f64 / total.1 as f64;
    let recall = total.0 as f64 / total.2 as f64;
    println!(
        "{name} all: precision {:.2}%, recall {:.2}%",
        precision * 100.0,
        recall * 100.0
    );
    (precision, recall)
}

#[test]
fn accuracy() {
    let (precision, recall) = measure("light", LIGHT);
    assert!(precision >= 0.95 && recall >= 0.95, "{precision} {recall}");
    // With twice the merges and deletions the figure is just under 95% (see the closing note of
    // issue 7); this guards against regressions.
    let (precision, recall) = measure("heavy", HEAVY);
    assert!(precision >= 0.94 && recall >= 0.94, "{precision} {recall}");
}

#[test]
fn the_generator_is_deterministic() {
    let pairs: Vec<(String, String)> = (0..200)
        .map(|i| (format!("s{i}"), format!("t{i}")))
        .collect();
    let a = generate(&pairs, 3, HEAVY);
    let b = generate(&pairs, 3, HEAVY);
    assert_eq!(a.gold, b.gold);
    let kinds = |d: &Parallel, s: usize, t: usize| {
        d.gold
            .iter()
            .filter(|(a, b)| a.len() == s && b.len() == t)
            .count()
    };
    assert!(
        kinds(&a, 2, 1) > 0 && kinds(&a, 1, 2) > 0 && kinds(&a, 1, 0) > 0 && kinds(&a, 0, 1) > 0
    );
}

#[test]
#[ignore = "a benchmark, not a check: prints the time for 10,000 sentences; run with --release -- --ignored"]
fn ten_thousand_sentences() {
    let pairs = real_pairs("ar");
    let mut many = Vec::new();
    while many.len() < 10_000 {
        many.extend(pairs.iter().cloned());
    }
    many.truncate(10_000);
    let doc = generate(&many, 5, HEAVY);
    let started = Instant::now();
    let links = run(&doc, Language::Arabic);
    let elapsed = started.elapsed();
    let (right, predicted, gold, _, _) = score(&doc, &links);
    println!(
        "{} / {} sentences aligned in {:.2} s; precision {:.2}%, recall {:.2}%",
        doc.source.len(),
        doc.target.len(),
        elapsed.as_secs_f64(),
        100.0 * right as f64 / predicted as f64,
        100.0 * right as f64 / gold as f64
    );
}

/// Documents with one sentence per paragraph, through the binary.
#[test]
fn align_command_writes_tsv_tmx_and_imports() {
    let sb = Sandbox::new();
    let en = sb.write(
        "en.txt",
        "On December 9, 2025, ICESCO Director-General Mr. Salim AlMalik visited the Foundation. He met Mrs. Aktoty Raimkulova.\n\nThe two sides exchanged plans for 2026. A memorandum was signed.\n\nThe visit ended with a concert.\n",
    );
    let kk = sb.write(
        "kk.txt",
        "2025 жылғы 9 желтоқсанда ICESCO Бас директоры Салим әл-Малик қорға барды. Ол Ақтоты Райымқұловамен кездесті.\n\nТараптар 2026 жылға арналған жоспарларымен алмасты. Меморандумға қол қойылды.\n\nСапар концертпен аяқталды.\n",
    );
    let out = sb
        .cmd()
        .args(["align", "--from", "en", "--to", "kk"])
        .arg(&en)
        .arg(&kk)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let tsv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "en\tkk\tnote");
    assert_eq!(lines.len(), 6, "{tsv}");
    assert!(
        lines[2].starts_with(
            "He met Mrs. Aktoty Raimkulova.\tОл Ақтоты Райымқұловамен кездесті.\tconfidence 0."
        ),
        "{tsv}"
    );
    sb.cmd()
        .args([
            "align", "--from", "en", "--to", "kk", "-o", "out.tmx", "--import", "--quiet",
        ])
        .arg(&en)
        .arg(&kk)
        .assert()
        .success()
        .stdout("");
    let tmx = std::fs::read_to_string(sb.path("out.tmx")).unwrap();
    assert_eq!(tmx.matches("<tu>").count() + tmx.matches("<tu ").count(), 5);
    assert!(tmx.contains("<prop type=\"x-align-confidence\">"));
    assert_eq!(sb.units(), 5);
    // The TSV imports as it is.
    let tsv_path = sb.write("links.tsv", &tsv);
    sb.cmd().arg("import").arg(&tsv_path).assert().success();
    assert_eq!(sb.units(), 5);
}

#[test]
fn align_command_errors() {
    let sb = Sandbox::new();
    let en = sb.write("en.txt", "One.");
    sb.cmd()
        .args(["align", "--from", "en", "--to", "kk"])
        .arg(&en)
        .arg("missing.txt")
        .assert()
        .code(2);
    sb.cmd()
        .args(["align", "--from", "en", "--to", "??"])
        .arg(&en)
        .arg(&en)
        .assert()
        .code(2);
    sb.cmd()
        .args(["align", "--from", "en"])
        .arg(&en)
        .arg(&en)
        .assert()
        .code(2);
    assert!(!sb.db().exists());
}
