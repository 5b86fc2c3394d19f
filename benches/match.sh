#!/usr/bin/env bash
# Fuzzy-match throughput, side by side in one run: `tarjuman match` on one core (taskset -c 0) against
# rapidfuzz's process.cdist on all cores (../shared/bench/peers.py), on the same memory and queries
# (../shared/bench/make-corpus.py, seed 1, en->az), top 5, min 70, chars. Also the cold latency of
# single queries (a new process each, median of 7).
# Usage: benches/match.sh [N] [NQ]   (N units, default 100000; NQ queries, default 1000; work files go
#   to $BENCH_DIR or /tmp/tarjuman-bench). The 1M run (benches/match.sh 1000000) needs ~1.5 GB of
#   memory while the corpus is made and several minutes of cdist.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
NQ=${2:-1000}
WORK=${BENCH_DIR:-/tmp/tarjuman-bench}
SHARED=$(cd ../shared && pwd)
mkdir -p "$WORK"
CORPUS=$WORK/match-en-az-$N-q$NQ
VENV=$WORK/match-venv

if [ ! -f "$CORPUS/tm.tmx" ]; then
  echo "generating a $N-unit corpus with $NQ queries (once) ..."
  python3 "$SHARED/bench/make-corpus.py" --n "$N" --queries "$NQ" --seed 1 --src en --tgt az --out "$CORPUS" >/dev/null
fi
if ! "$VENV/bin/python" -c 'import rapidfuzz, numpy' 2>/dev/null; then
  echo "setting up rapidfuzz in $VENV (once) ..."
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q rapidfuzz numpy
fi
cargo build --release --quiet 2>/dev/null || cargo build --release
BIN=$PWD/target/release/tarjuman
export TARJUMAN_DB=$CORPUS/bench.db
if [ ! -f "$TARJUMAN_DB" ]; then
  echo "importing ..."
  "$BIN" import --quiet "$CORPUS/tm.tmx"
fi
# The first match builds the index (or brings it up to date); it is not timed.
"$BIN" match --from en --to az --format jsonl -- "$(head -1 "$CORPUS/queries.txt")" >/dev/null

echo "$N units, $NQ queries; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f '%e %U %S' -o "$WORK/match-time.txt" taskset -c 0 "$BIN" match --from en --to az \
  --top 5 --min 70 --format jsonl --queries "$CORPUS/queries.txt" >"$WORK/match-ours.jsonl"
read -r wall user sys <"$WORK/match-time.txt"
"$VENV/bin/python" "$SHARED/bench/peers.py" run --corpus "$CORPUS" --peer rapidfuzz-cdist --nq "$NQ" \
  >"$WORK/match-cdist.json"
cold=()
while IFS= read -r q; do
  start=$(date +%s%N)
  "$BIN" match --from en --to az --format jsonl -- "$q" >/dev/null
  cold+=($((($(date +%s%N) - start) / 1000000)))
done < <(sed -n '201,207p' "$CORPUS/queries.txt")
python3 - "$NQ" "$wall" "$user" "$sys" "$WORK/match-cdist.json" "${cold[@]}" <<'PY'
import json, statistics, sys
nq, wall, user, sys_ = int(sys.argv[1]), *map(float, sys.argv[2:5])
cdist = json.load(open(sys.argv[5]))
cold = [int(x) for x in sys.argv[6:]]
ours = nq / wall
print(f"tarjuman match, 1 core:        {ours:8.1f} q/s  ({wall:.2f} s wall, {user + sys_:.2f} s CPU for {nq} queries, process start and output included)")
print(f"rapidfuzz cdist, {cdist['cpus']} cores:     {cdist['qps']:8.2f} q/s")
print(f"ratio: {ours / cdist['qps']:.1f}x  (in CPU time on our side: {nq / (user + sys_) / cdist['qps']:.1f}x)")
print(f"cold single query (new process), median of {len(cold)}: {statistics.median(cold)} ms  {cold}")
PY
