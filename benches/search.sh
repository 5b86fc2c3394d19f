#!/usr/bin/env bash
# Search latency: `tarjuman search PATTERN` (a new process per query, start-up included) for a fixed,
# varied list of patterns (rare and common words, phrases, 1-2 character patterns, Azerbaijani,
# Arabic and Cyrillic, --ignore-case and --ignore-diacritics, hits and misses) on a memory of
# make-corpus.py, side by side with a brute-force scan: SQLite's instr() over a table of every
# variant's text (exported with `tarjuman export --format tsv`, loaded into an in-memory SQLite
# database; lower() on both sides for -i), stopping at the same limit. Times are CPU seconds (user + system,
# the best of 3 runs; the machine is shared) and wall seconds, per pattern, then p50/p95/max.
# The first search builds the concordance index; it is made before timing starts.
# Usage: benches/search.sh [DB]   (default $BENCH_DIR/search-1M.db, imported from
#        $BENCH_DIR/corpus-en-az-1000000/tm.tmx if missing; BENCH_DIR defaults to /tmp/tarjuman-bench;
#        TARJUMAN_BIN=path times another build instead of building target/release/tarjuman)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=${BENCH_DIR:-/tmp/tarjuman-bench}
DB=${1:-$BENCH/search-1M.db}
if [ -z "${TARJUMAN_BIN:-}" ]; then
  cargo build --release --quiet
fi
BIN=${TARJUMAN_BIN:-$PWD/target/release/tarjuman}
if [ ! -e "$DB" ]; then
  TMX=$BENCH/corpus-en-az-1000000/tm.tmx
  [ -e "$TMX" ] || { echo "missing $TMX: see ../shared/bench/README.md (make-corpus.py)" >&2; exit 2; }
  TARJUMAN_DB=$DB "$BIN" import --quiet "$TMX"
fi
TARJUMAN_DB=$DB "$BIN" search --limit 1 "index warm-up" >/dev/null
python3 - "$BIN" "$DB" <<'PY'
import os, resource, sqlite3, statistics, subprocess, sys, time

BIN, DB = sys.argv[1], sys.argv[2]
LIMIT = 20
# (pattern, options): a fixed list, so that runs compare.
PATTERNS = [
    # rare words and phrases
    ("Illinois", []), ("justification", []), ("PNM subformat", []), ("pixbuf", []),
    ("Failed to read data from child", []), ("Allow drawing of alternating", []),
    # common words and phrases of common words
    ("the", []), ("file", []), ("of the", []), ("to the", []), ("is not", []),
    ("The image file for", []), ("The image file for", ["-i"]), ("for the", ["-i"]),
    ("not be", []), (" the ", []), ("and the", []), ("file for the", []),
    # 1-2 characters
    ("a", []), ("e", ["-i"]), ("%s", []), ("ə", []), ("ğ", []), ("İ", []), ("ı", ["-i"]),
    ("zq", []), ("Xj", []), ("qx", ["-i"]), ("7", []), ("42", []), ("é", []),
    # Azerbaijani
    ("faylı", []), ("şəkil", []), ("FAYL", ["-i"]), ("istifadəçi", ["-i"]),
    ("Qovluq", []), ("yaradıla bilmədi", []),
    # Arabic and Cyrillic (not in an en-az memory: misses, short and long)
    ("ال", []), ("م", []), ("الملف", ["--ignore-diacritics"]), ("الْمَلَف", ["--ignore-diacritics"]),
    ("Файл", []), ("жа", ["-i"]), ("ж", []),
    # misses
    ("xyzzy", []), ("qqqq", ["-i"]), ("the the the", []),
]

def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def ours(pattern, options):
    best_cpu = best_wall = None
    out = b""
    for _ in range(3):
        c0, w0 = cpu_children(), time.perf_counter()
        out = subprocess.run([BIN, "search", "--format", "jsonl", "--limit", str(LIMIT), *options, "--", pattern],
                             env={**os.environ, "TARJUMAN_DB": DB}, capture_output=True, check=True).stdout
        cpu, wall = cpu_children() - c0, time.perf_counter() - w0
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        best_wall = wall if best_wall is None else min(best_wall, wall)
    return best_cpu, best_wall, out.count(b"\n")

# The baseline's table: one row per variant, from the memory exported as TSV.
import csv, io
csv.field_size_limit(1 << 30)
conn = sqlite3.connect(":memory:")
conn.execute("CREATE TABLE variants (unit INTEGER, text TEXT)")
export = subprocess.run([BIN, "export", "--quiet", "--no-sanitize", "--format", "tsv", "-o", "-"],
                        env={**os.environ, "TARJUMAN_DB": DB}, capture_output=True, check=True).stdout
rows = csv.reader(io.StringIO(export.decode("utf-8")), delimiter="\t")
next(rows)
conn.executemany("INSERT INTO variants VALUES (?, ?)",
                 ((unit, text) for unit, row in enumerate(rows, 1) for text in row if text))
del export
def brute(pattern, options):
    fold = "-i" in options
    sql = ("SELECT unit FROM variants WHERE instr(lower(text), lower(?1)) > 0 LIMIT ?2" if fold
           else "SELECT unit FROM variants WHERE instr(text, ?1) > 0 LIMIT ?2")
    best_cpu = best_wall = None
    rows = []
    for _ in range(3):
        c0, w0 = time.process_time(), time.perf_counter()
        rows = conn.execute(sql, (pattern, LIMIT)).fetchall()
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
        best_wall = wall if best_wall is None else min(best_wall, wall)
    return best_cpu, best_wall, len(rows)

print(f"memory: {DB}; limit {LIMIT}; {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
print(f"{'pattern':34} {'options':22} {'ours cpu':>9} {'wall':>7} {'hits':>5}   {'scan cpu':>9} {'wall':>7} {'hits':>5}")
ours_cpu, scan_cpu = [], []
for pattern, options in PATTERNS:
    oc, ow, oh = ours(pattern, options)
    bc, bw, bh = brute(pattern, options)
    ours_cpu.append(oc); scan_cpu.append(bc)
    shown = repr(pattern)
    print(f"{shown:34} {' '.join(options):22} {oc*1000:7.1f}ms {ow*1000:5.0f}ms {oh:5}   {bc*1000:7.1f}ms {bw*1000:5.0f}ms {bh:5}")

def summary(name, xs):
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
    return f"{name}: p50 {statistics.median(xs)*1000:.1f} ms, p95 {p95*1000:.1f} ms, max {xs[-1]*1000:.1f} ms (CPU)"
print(summary("tarjuman search (new process each)", ours_cpu))
print(summary("brute-force instr() scan (in-process)", scan_cpu))
print(f"patterns over 50 ms of CPU: {sum(c > 0.05 for c in ours_cpu)} of {len(ours_cpu)}")
PY
