#!/usr/bin/env bash
# Import throughput and peak memory, side by side in one run:
#   1. a 1M-unit TMX (../shared/bench/make-corpus.py, seed 1, en->az): `tarjuman import` against
#      translate-toolkit's TMX reader (Python, in a venv) reading the same file;
#   2. peak resident memory of `tarjuman import` on a ~1 GB TMX (the 1M corpus written three times
#      over with distinct text).
# The ratio is taken on an import into a new store (built aside and published whole); an import of
# the same file into a store that already holds ../shared/data/real-tm.tmx (one WAL transaction) is
# timed too, and then the same file once more (every unit already stored: nothing changes).
# Usage: benches/import.sh [N]   (N units, default 1000000; work files go to $BENCH_DIR or /tmp)
#   RUNS=k runs each side k times, taking turns (default 3); the medians are compared.
#   SKIP_1GB=1 leaves out the 1 GB run. Wall time is what the ratio is taken on; CPU time (user +
#   system, all threads) is printed too, since on a shared machine wall time depends on the load.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
WORK=${BENCH_DIR:-/tmp/tarjuman-bench}
SHARED=$(cd ../shared && pwd)
mkdir -p "$WORK"
CORPUS=$WORK/corpus-en-az-$N
VENV=$WORK/venv

if [ ! -f "$CORPUS/tm.tmx" ]; then
  echo "generating a $N-unit corpus (once) ..."
  python3 "$SHARED/bench/make-corpus.py" --n "$N" --queries 10 --seed 1 --src en --tgt az --out "$CORPUS" >/dev/null
fi
if ! "$VENV/bin/python" -c 'import translate' 2>/dev/null; then
  echo "setting up translate-toolkit in $VENV (once) ..."
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q translate-toolkit lxml
fi
cargo build --release --quiet 2>/dev/null || cargo build --release
cargo build --release --quiet --example xml_floor
BIN=target/release/tarjuman
SIZE=$(stat -c %s "$CORPUS/tm.tmx")

rss_and_time() { # prints "<wall seconds> <CPU seconds> <peak RSS in MB>" of a command
  /usr/bin/time -f '%e %U %S %M' "$@" 2>"$WORK/time.txt" >/dev/null || { cat "$WORK/time.txt"; exit 1; }
  tail -1 "$WORK/time.txt" | awk '{printf "%s %.2f %.0f\n", $1, $2 + $3, $4/1024}'
  tail -1 "$WORK/time.txt" | awk '{printf "  (user %s s, system %s s)\n", $2, $3}' >&2
}

echo "file: $CORPUS/tm.tmx ($((SIZE / 1000000)) MB, $N units); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# The two sides take turns, RUNS times each (the medians are compared): on a shared machine one run
# of either can land in a slow spell.
RUNS=${RUNS:-3}
ours_all=() ttk_all=()
for run in $(seq "$RUNS"); do
  rm -f "$WORK/bench.db"*
  read -r wall cpu rss < <(rss_and_time env TARJUMAN_DB="$WORK/bench.db" "$BIN" import --quiet "$CORPUS/tm.tmx")
  ours_all+=("$wall,$cpu,$rss")
  read -r wall cpu rss < <(rss_and_time "$VENV/bin/python" -c '
import sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
print(len(store.units))' "$CORPUS/tm.tmx")
  ttk_all+=("$wall,$cpu,$rss")
  echo "run $run: tarjuman ${ours_all[-1]%%,*} s, translate-toolkit ${ttk_all[-1]%%,*} s (wall)"
done
UNITS=$(TARJUMAN_DB="$WORK/bench.db" "$BIN" stats --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')
FLOOR=$(target/release/examples/xml_floor "$CORPUS/tm.tmx")
rm -f "$WORK/bench.db"*
TARJUMAN_DB="$WORK/bench.db" "$BIN" import --quiet "$SHARED/data/real-tm.tmx"
read -r more more_cpu more_rss < <(rss_and_time env TARJUMAN_DB="$WORK/bench.db" "$BIN" import --quiet "$CORPUS/tm.tmx")
# The same file once more: every unit is a duplicate of a stored one, and none changes.
read -r again again_cpu again_rss < <(rss_and_time env TARJUMAN_DB="$WORK/bench.db" "$BIN" import --quiet "$CORPUS/tm.tmx")
rm -f "$WORK/bench.db"*
python3 - "$N" "${ours_all[*]}" "${ttk_all[*]}" "$UNITS" "$more" "$more_cpu" "$more_rss" "$FLOOR" "$again" "$again_cpu" "$again_rss" <<'PY'
import statistics, sys
n = int(sys.argv[1])
def runs(arg):
    return [tuple(float(x) for x in run.split(",")) for run in arg.split()]
def median(rows, i):
    return statistics.median(row[i] for row in rows)
ours_runs, ttk_runs = runs(sys.argv[2]), runs(sys.argv[3])
ours, ours_cpu, ours_rss = median(ours_runs, 0), median(ours_runs, 1), int(max(r[2] for r in ours_runs))
ttk, ttk_cpu, ttk_rss = median(ttk_runs, 0), median(ttk_runs, 1), int(max(r[2] for r in ttk_runs))
ratios = sorted(t[0] / o[0] for o, t in zip(ours_runs, ttk_runs))
units = sys.argv[4]
more, more_cpu, more_rss = float(sys.argv[5]), float(sys.argv[6]), sys.argv[7]
print(f"medians of {len(ours_runs)} runs each, taking turns:")
print(f"tarjuman import, new store (parse + store):       {ours:6.2f} s wall {ours_cpu:6.2f} s CPU  {n/ours:8.0f} units/s  peak {ours_rss} MB  ({units} units stored)")
print(f"tarjuman import, into real-tm's store (WAL):      {more:6.2f} s wall {more_cpu:6.2f} s CPU  {n/more:8.0f} units/s  peak {more_rss} MB")
again, again_cpu, again_rss = float(sys.argv[9]), float(sys.argv[10]), sys.argv[11]
print(f"tarjuman import, the same file again (no change): {again:6.2f} s wall {again_cpu:6.2f} s CPU  {n/again:8.0f} units/s  peak {again_rss} MB")
print(f"translate-toolkit tmxfile.parsefile (parse only): {ttk:6.2f} s wall {ttk_cpu:6.2f} s CPU  {n/ttk:8.0f} units/s  peak {ttk_rss} MB")
print(f"ratio: {ttk/ours:.1f}x translate-toolkit's throughput (wall time; {ttk_cpu/ours_cpu:.1f}x in CPU time)")
print(f"       run by run: " + ", ".join(f"{r:.1f}x" for r in ratios))
best, ttk_best = min(r[0] for r in ours_runs), min(r[0] for r in ttk_runs)
print(f"       best run of each (the least disturbed): {best:.2f} s against {ttk_best:.2f} s, {ttk_best/best:.1f}x")
print(f"floor: reading the file and walking its XML events with quick-xml, nothing else, on one core: {sys.argv[8]}")
print(f"       (20x translate-toolkit's throughput means the whole import in {ttk/20:.2f} s)")
PY

if [ "${SKIP_1GB:-0}" != 1 ]; then
  BIG=$WORK/big-1gb.tmx
  if [ ! -f "$BIG" ]; then
    echo "writing a ~1 GB TMX (the corpus three times, with distinct text) ..."
    python3 - "$CORPUS/tm.tmx" "$BIG" <<'PY'
import sys
src, dst = sys.argv[1], sys.argv[2]
lines = open(src, encoding="utf-8").read().split("\n")
start = next(i for i, l in enumerate(lines) if "<body>" in l) + 1
end = max(i for i, l in enumerate(lines) if "</body>" in l)
with open(dst, "w", encoding="utf-8") as out:
    out.write("\n".join(lines[:start]) + "\n")
    for copy in range(3):
        mark = f" [{copy}]" if copy else ""
        for line in lines[start:end]:
            out.write(line.replace("</seg>", mark + "</seg>") + "\n")
    out.write("\n".join(lines[end:]))
PY
  fi
  rm -f "$WORK/big.db"*
  read -r big big_cpu big_rss < <(rss_and_time env TARJUMAN_DB="$WORK/big.db" "$BIN" import --quiet "$BIG")
  echo "1 GB import: $(($(stat -c %s "$BIG") / 1000000)) MB in $big s wall ($big_cpu s CPU), peak RSS $big_rss MB (limit 300 MB)"
  rm -f "$WORK/big.db"*
fi
