#!/usr/bin/env bash
# Term recognition speed: `tarjuman glossary find` over ~100 MB of en/az/kk/ar text with a
# 10,000-entry glossary, side by side with `rg -F -f <all spellings>` (ripgrep, plain literal
# search: no case folding, no normalization, no endings) on the same text.
#   1. the text: sentences of ../shared/data/real-tm.csv (all four languages) with a glossary name
#      every ~40 words, written in its canonical form, a variant, upper case, or with an ending
#      (-nun, -ın, -мен, -ның, 's, و/ب/لل before Arabic);
#   2. the glossary: 10,000 synthetic entries (persons, institutions, terms) with en/az/kk/ar forms
#      and two variants each, plus the shipped glossaries' own entries;
#   3. times: the best of 3 runs of each, wall clock (RG_CASE=1 adds one run of rg -F -i, which
#      with this many literals takes minutes).
# Usage: benches/glossary.sh [MB]   (default 100; work files go to $BENCH_DIR or /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
WORK=${BENCH_DIR:-/tmp/tarjuman-bench}/glossary-$MB
SHARED=$(cd ../shared && pwd)
mkdir -p "$WORK"
command -v rg >/dev/null || { echo "ripgrep is missing: apt-get install ripgrep" >&2; exit 2; }

if [ ! -f "$WORK/text.txt" ] || [ ! -f "$WORK/glossary.csv" ]; then
  echo "generating $MB MB of text and a 10,000-entry glossary (once) ..."
  python3 - "$SHARED/data/real-tm.csv" "$WORK" "$MB" <<'PY'
import csv, random, sys
src, work, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(1)
sentences = []
for row in csv.DictReader(open(src, encoding="utf-8")):
    for lang in ("en", "az", "kk", "ar"):
        s = " ".join((row.get(lang) or "").split())
        if 20 <= len(s) <= 300:
            sentences.append((lang, s))
LAT = ["ba", "ka", "ra", "mi", "lo", "za", "de", "nu", "sa", "ti", "ver", "gan", "mur", "bek", "dar", "lan"]
KK = ["ба", "қа", "ра", "мі", "ло", "за", "де", "ну", "са", "ті", "вер", "ған", "мұр", "бек", "дар", "лан"]
AR = ["با", "كا", "را", "مي", "لو", "زا", "دي", "نو", "سا", "تي", "فير", "غان", "مور", "بيك", "دار", "لان"]
def word(k):
    idx = [rng.randrange(len(LAT)) for _ in range(k)]
    return ("".join(LAT[i] for i in idx).capitalize(), "".join(KK[i] for i in idx).capitalize(), "".join(AR[i] for i in idx))
rows, names, seen = [], [], set()
n = 0
while len(rows) < 10000:
    n += 1
    kind = rng.choice(["person"] * 6 + ["institution"] * 2 + ["term"] * 2)
    a, b = word(rng.randint(2, 3)), word(rng.randint(3, 4))
    if kind == "person":
        en, az, kk, ar = f"{a[0]} {b[0]}ov", f"{a[0]} {b[0]}ov", f"{a[1]} {b[1]}ов", f"{a[2]} {b[2]}وف"
        variants = [f"{a[0]} {b[0]}ev", f"{a[1]} {b[1]}ев"]
    elif kind == "institution":
        en, az, kk, ar = f"{a[0]} {b[0]} Foundation", f"{a[0]} {b[0]} Fondu", f"{a[1]} {b[1]} қоры", f"مؤسسة {a[2]} {b[2]}"
        variants = [f"{a[0]}-{b[0]} Foundation", f"{a[0]} {b[0]} Fund"]
    else:
        en, az, kk, ar = f"{a[0].lower()}{b[0].lower()}", f"{a[0].lower()}{b[0].lower()}ə", f"{a[1].lower()}{b[1].lower()}", f"ال{a[2]}{b[2]}"
        variants = [f"{a[0].lower()}-{b[0].lower()}"]
    keys = [s.lower() for s in [en, az, kk, ar] + variants]
    if any(k in seen for k in keys):
        continue
    seen.update(keys)
    rows.append([f"x{len(rows):05d}", kind, en, az, kk, ar, "|".join(variants), "", ""])
    names.append((en, az, kk, ar, variants))
with open(f"{work}/glossary.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["id", "type", "en", "az", "kk", "ar", "variants", "forbidden", "note"])
    w.writerows(rows)
with open(f"{work}/spellings.txt", "w", encoding="utf-8") as f:
    for en, az, kk, ar, variants in names:
        for s in {en, az, kk, ar, *variants}:
            f.write(s + "\n")
endings = {"en": ["", "", "'s"], "az": ["", "-nun", "ın", "da"], "kk": ["", "мен", "ның", "-ның"], "ar": ["", "و", "ب"]}
target = mb * 1_000_000
size = 0
with open(f"{work}/text.txt", "w", encoding="utf-8") as f:
    while size < target:
        lang, s = rng.choice(sentences)
        words = s.split(" ")
        if rng.random() < 0.25:
            en, az, kk, ar, variants = rng.choice(names)
            form = {"en": en, "az": az, "kk": kk, "ar": ar}[lang]
            if rng.random() < 0.1:
                form = rng.choice(variants)
            if rng.random() < 0.05:
                form = form.upper()
            ending = rng.choice(endings[lang])
            form = ending + form if lang == "ar" else form + ending
            words.insert(rng.randrange(len(words) + 1), form)
        line = " ".join(words) + "\n"
        f.write(line)
        size += len(line.encode("utf-8"))
PY
fi
[ "${GENERATE_ONLY:-0}" = 1 ] && exit 0
cargo build --release --quiet
BIN=target/release/tarjuman
TEXT=$WORK/text.txt
SIZE=$(stat -c %s "$TEXT")
. benches/lib.sh
ours_load=$(best "$BIN" --glossary "$WORK/glossary.csv" glossary find --format jsonl /dev/null)
ours=$(best "$BIN" --glossary "$WORK/glossary.csv" glossary find --format jsonl "$TEXT")
RG_LIMITS=(--regex-size-limit 2G --dfa-size-limit 2G)
rg_plain=$(best rg "${RG_LIMITS[@]}" -F -f "$WORK/spellings.txt" -o "$TEXT")
# rg -i with this many literals leaves ripgrep's fast path (minutes per run): only on request.
rg_i=0
if [ "${RG_CASE:-0}" = 1 ]; then
  s=$(date +%s.%N); rg "${RG_LIMITS[@]}" -F -i -f "$WORK/spellings.txt" -o "$TEXT" >/dev/null; e=$(date +%s.%N)
  rg_i=$(python3 -c "import sys; print(float(sys.argv[2])-float(sys.argv[1]))" "$s" "$e")
fi
mentions=$("$BIN" --glossary "$WORK/glossary.csv" glossary find --format jsonl "$TEXT" | wc -l)
rg_hits=$(rg "${RG_LIMITS[@]}" -F -f "$WORK/spellings.txt" -o "$TEXT" | wc -l)
python3 - "$SIZE" "$ours" "$ours_load" "$rg_plain" "$rg_i" "$mentions" "$rg_hits" "$(wc -l <"$WORK/spellings.txt")" <<'PY'
import sys
size, ours, load, rg, rgi = int(sys.argv[1]), *map(float, sys.argv[2:6])
mentions, hits, spellings = sys.argv[6], sys.argv[7], sys.argv[8]
mb = size / 1e6
print(f"text: {mb:.0f} MB; glossary: 10,000 entries + the shipped ones, {spellings} listed spellings")
print(f"tarjuman glossary find --format jsonl : {ours:6.2f} s  {mb/ours:7.1f} MB/s  {mentions} mentions "
      f"(of which {load:.2f} s loading and compiling the glossaries)")
print(f"rg -F -f spellings.txt -o             : {rg:6.2f} s  {mb/rg:7.1f} MB/s  {hits} matches")
if rgi:
    print(f"rg -F -i -f spellings.txt -o (one run) : {rgi:6.2f} s  {mb/rgi:7.1f} MB/s")
print(f"ratio: tarjuman takes {ours/rg:.2f}x the time of rg -F; target: within 3x")
PY
