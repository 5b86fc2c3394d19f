//! Builds a fuzzy index from a file of segments (one per line) and times queries against it, checking
//! the first few against brute force: a development probe for the matcher's speed.
//!
//!     cargo run --release --example fuzzy_probe -- tm-source.txt queries.txt [checked]

use std::time::Instant;

use tarjuman::memory::fuzzy::{Entry, Index, Meta, Query, Searcher, brute_force, prepare};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(tm), Some(queries)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: fuzzy_probe TM-SOURCE.txt QUERIES.txt [CHECKED]");
        std::process::exit(2);
    };
    let checked: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(20);
    let started = Instant::now();
    // FUZZY_PROBE_INDEX=FILE keeps the built index in FILE and reuses it on the next run.
    let cached = std::env::var_os("FUZZY_PROBE_INDEX").map(std::path::PathBuf::from);
    let index = match cached.as_deref().map(Index::open) {
        Some(Ok(Some(index))) => {
            eprintln!("{} entries from the cached index", index.len());
            index
        }
        _ => {
            let index = build(tm);
            if let Some(path) = &cached {
                std::fs::write(path, index.as_bytes()).expect("write the cached index");
            }
            eprintln!("built in {:.2?}", started.elapsed());
            index
        }
    };
    let queries: Vec<String> = std::fs::read_to_string(queries)
        .expect("queries")
        .lines()
        .map(prepare)
        .collect();
    let mut searcher = Searcher::new(&index);
    let started = Instant::now();
    let cpu_started = thread_cpu_ns();
    let mut found = 0;
    let mut buckets = [(0u64, 0u64, 0u64); 5];
    for q in &queries {
        let before = thread_cpu_ns();
        let verified_before = searcher.stats.verified;
        let hits = searcher.search(&Query {
            text: q,
            top: 5,
            min: 70.0,
            require: 0,
        });
        found += hits.len();
        let bucket = (q.chars().count().saturating_sub(1) / 64).min(4);
        buckets[bucket].0 += 1;
        buckets[bucket].1 += thread_cpu_ns() - before;
        buckets[bucket].2 += searcher.stats.verified - verified_before;
    }
    for (i, (n, ns, v)) in buckets.iter().enumerate() {
        eprintln!(
            "length {}..{}: {n} queries, {:.1} ms CPU, {} verified each",
            i * 64 + 1,
            i * 64 + 64,
            *ns as f64 / 1e6 / (*n).max(1) as f64,
            v / (*n).max(1)
        );
    }
    let elapsed = started.elapsed();
    let cpu = (thread_cpu_ns() - cpu_started) as f64 / 1e6;
    eprintln!(
        "CPU time {:.0} ms: {:.2} ms/query",
        cpu,
        cpu / queries.len() as f64
    );
    eprintln!(
        "{} queries in {:.2?}: {:.1} q/s, {:.2} ms/query, {} hits",
        queries.len(),
        elapsed,
        queries.len() as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / queries.len() as f64,
        found
    );
    let per = |v: u64| v / queries.len() as u64;
    eprintln!(
        "per query: {} postings, {} bitmap words, {} candidates, {} verified",
        per(searcher.stats.postings),
        per(searcher.stats.bitmap_words),
        per(searcher.stats.candidates),
        per(searcher.stats.verified)
    );

    let started = Instant::now();
    for q in queries.iter().take(checked) {
        if checked == 0 {
            break;
        }
        let query = Query {
            text: q,
            top: 5,
            min: 70.0,
            require: 0,
        };
        let want = brute_force(&index, &query);
        let got = searcher.search(&query);
        let key = |h: &tarjuman::memory::fuzzy::Hit| (h.unit, h.distance);
        assert_eq!(
            got.iter().map(key).collect::<Vec<_>>(),
            want.iter().map(key).collect::<Vec<_>>(),
            "{q}"
        );
    }
    eprintln!(
        "{checked} queries equal brute force ({:.2?})",
        started.elapsed()
    );
}

/// The index of the segments in `tm`, one per line.
fn build(tm: &str) -> Index {
    let entries: Vec<Entry> = std::fs::read_to_string(tm)
        .expect("tm")
        .lines()
        .enumerate()
        .map(|(i, line)| Entry {
            unit: i as i64,
            text: prepare(line),
            langs: 1,
        })
        .collect();
    let text_bytes: usize = entries.iter().map(|e| e.text.len()).sum();
    let index = Index::build(
        entries,
        Meta {
            lang: "en".into(),
            slots: vec!["en".into()],
            generation: 0,
            after: 0,
            high_water: 0,
        },
    );
    eprintln!(
        "{} entries, text {} MB, index {} MB ({:.2}x)",
        index.len(),
        text_bytes / 1_000_000,
        index.size() / 1_000_000,
        index.size() as f64 / text_bytes as f64,
    );
    index
}

/// The CPU time this thread has run, in nanoseconds (Linux), so that a loaded machine does not
/// distort the figure as wall time would.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
