#!/usr/bin/env bash
# Two or more tarjuman builds importing the same TMX into a new store, taking turns N times each, with
# the median and least wall and CPU time of each: how a change to the import is measured on a machine
# whose speed drifts (a build's own before/after, not a comparison with translate-toolkit: that is
# benches/import.sh).
# Usage: benches/import-ab.sh N BIN_A BIN_B [BIN...]   (copy each build's target/release/tarjuman aside)
#   FILE=path.tmx picks the file (default: the 1M-unit corpus benches/import.sh generates).
set -euo pipefail
N=$1; shift
FILE=${FILE:-${BENCH_DIR:-/tmp/tarjuman-bench}/corpus-en-az-1000000/tm.tmx}
[ -f "$FILE" ] || { echo "no $FILE: run benches/import.sh once, or set FILE" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for _ in $(seq "$N"); do
  for bin in "$@"; do
    rm -f "$WORK"/ab.db*
    /usr/bin/time -f "$bin %e %U %S" -a -o "$WORK/times" env TARJUMAN_DB="$WORK/ab.db" "$bin" import --quiet "$FILE"
  done
done
python3 - "$WORK/times" "$@" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for bin in sys.argv[2:]:
    runs = [(float(r[1]), float(r[2]) + float(r[3])) for r in rows if r[0] == bin]
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    print(f"{bin}: {len(runs)} runs, wall median {statistics.median(walls):.3f} s (least {min(walls):.3f}),"
          f" CPU median {statistics.median(cpus):.3f} s (least {min(cpus):.3f})")
PY
