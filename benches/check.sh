#!/usr/bin/env bash
# Check speed: `tarjuman check --format jsonl` over ~100 MB of en/az/kk/ar drafts with a
# 10,000-entry glossary, side by side with `rg -F -f <all spellings>` on the same text. The text
# and glossary are those of benches/glossary.sh (made by it once, with GENERATE_ONLY=1): sentences
# of ../shared/data/real-tm.csv with a glossary name every ~40 words, in its canonical form, a
# variant, upper case, or with an ending. All six rules run, including the clustering of unlisted
# names over the whole text. Times are the best of 3 wall-clock runs.
# Usage: benches/check.sh [MB]   (default 100; work files go to $BENCH_DIR or /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
WORK=${BENCH_DIR:-/tmp/tarjuman-bench}/glossary-$MB
command -v rg >/dev/null || { echo "ripgrep is missing: apt-get install ripgrep" >&2; exit 2; }
GENERATE_ONLY=1 benches/glossary.sh "$MB"
cargo build --release --quiet
BIN=target/release/tarjuman
TEXT=$WORK/text.txt
SIZE=$(stat -c %s "$TEXT")
. benches/lib.sh
ours=$(best "$BIN" --glossary "$WORK/glossary.csv" check --format jsonl "$TEXT")
RG_LIMITS=(--regex-size-limit 2G --dfa-size-limit 2G)
rg_plain=$(best rg "${RG_LIMITS[@]}" -F -f "$WORK/spellings.txt" -o "$TEXT")
findings=$("$BIN" --glossary "$WORK/glossary.csv" check --format jsonl "$TEXT" | wc -l || true)
python3 - "$SIZE" "$ours" "$rg_plain" "$findings" "$(nproc)" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
size, ours, rg = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
findings, cores, load = sys.argv[4], sys.argv[5], sys.argv[6]
mb = size / 1e6
print(f"text: {mb:.0f} MB; glossary: 10,000 entries + the shipped ones; {cores} cores, load {load}")
print(f"tarjuman check --format jsonl : {ours:6.2f} s  {mb/ours:7.1f} MB/s  {findings} findings")
print(f"rg -F -f spellings.txt -o     : {rg:6.2f} s  {mb/rg:7.1f} MB/s")
print(f"ratio: tarjuman check takes {ours/rg:.2f}x the time of rg -F; target: within 5x")
PY
