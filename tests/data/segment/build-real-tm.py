#!/usr/bin/env python3
"""Builds real-tm-{en,az,kk,ar}.txt, part of the segmentation test set, from ../shared/data/real-tm.csv.

Real translated sentences, concatenated: the units of real-tm.csv (Debian UI translations) whose text in
a language is one sentence (it ends with a sentence terminator and has no terminator followed by white
space inside, no line break), 20 to 220 characters, five to a paragraph, paragraphs separated by blank
lines. Every sentence end is marked with U+2016 (‖), which the test removes before segmenting. Units
with a terminator inside ("file.txt", "3.5", "e.g.", "%s.") stay in: they test that nothing splits there.

Run from the project root: python3 tests/data/segment/build-real-tm.py
"""
import csv
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[3]
SOURCE = ROOT / ".." / "shared" / "data" / "real-tm.csv"
OUT = pathlib.Path(__file__).resolve().parent
TERMINATORS = ".!?\u2026\u061f\u06d4"
LIMIT = 400

rows = list(csv.DictReader(open(SOURCE, encoding="utf-8", newline="")))
for lang in ["en", "az", "kk", "ar"]:
    picked = []
    seen = set()
    for row in rows:
        text = row[lang].strip()
        if not (20 <= len(text) <= 220) or text in seen:
            continue
        if "\n" in text or "\r" in text or "\t" in text or "\u2016" in text:
            continue
        if text[-1] not in TERMINATORS:
            continue
        # One sentence: no terminator followed by white space inside.
        if re.search("[" + re.escape(TERMINATORS) + r"][\"'\u201d\u00bb)\]]*\s", text[:-1]):
            continue
        # The sentence must start like one (a capital, a digit, a quote, or a caseless script).
        first = text[0]
        if first.isalpha() and first.islower():
            continue
        seen.add(text)
        picked.append(text)
        if len(picked) == LIMIT:
            break
    paragraphs = [picked[i:i + 5] for i in range(0, len(picked), 5)]
    body = "\n\n".join(" ".join(s + "\u2016" for s in p) for p in paragraphs) + "\n"
    (OUT / f"real-tm-{lang}.txt").write_text(body, encoding="utf-8")
    print(lang, len(picked))
