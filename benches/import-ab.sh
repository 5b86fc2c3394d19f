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
# Timed here rather than by /usr/bin/time, whose wall clock has steps of 10 ms.
python3 - "$N" "$FILE" "$WORK" "$@" <<'PY'
import os, statistics, subprocess, sys, time
n, file, work, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
db = os.path.join(work, "ab.db")
runs = {bin: [] for bin in bins}
for _ in range(n):
    for bin in bins:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        start = time.perf_counter()
        child = subprocess.Popen([bin, "import", "--quiet", file], env={**os.environ, "TARJUMAN_DB": db})
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        if status != 0:
            sys.exit(f"{bin} failed")
        runs[bin].append((wall, usage.ru_utime + usage.ru_stime))
for bin in bins:
    walls, cpus = [w for w, _ in runs[bin]], [c for _, c in runs[bin]]
    print(f"{bin}: {n} runs, wall median {statistics.median(walls):.3f} s (least {min(walls):.3f}),"
          f" CPU median {statistics.median(cpus):.3f} s (least {min(cpus):.3f})")
PY
