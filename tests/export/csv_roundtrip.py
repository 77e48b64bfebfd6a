#!/usr/bin/env python3
"""tests/export/csv_roundtrip.py EXPORT.csv STORED.csv [COLUMN...]: is every stored answer in the CSV?

STORED.csv holds every answer of every organisation's latest submitted version, to a
section or to a question, as psql's COPY ... (FORMAT csv, HEADER) wrote it from the
answers table, with the columns remissinstans, avsnitt, rubrik (the key: for a question
the section it belongs to, "" for a remiss-wide one, and the question's text) and then
the stored fields under the export's column names (stallningstagande, kommentar, ...).
EXPORT.csv is the answers CSV, parsed with Python's csv module.

Checks that each stored answer is in exactly one row of the export with every stored
field equal (a value that starts like a formula with the export's one leading apostrophe,
see csv_check.py), and that every other row of the export is blank in those fields (an
organisation that did not answer that section or question). Each COLUMN named must hold
a non-empty stored value at least once, so that the round trip is not vacuous for it.
Prints one line per problem and a summary; exit status 0 if no problem.
"""
import collections
import csv
import io
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from csv_check import neutralised  # noqa: E402

KEY = ("remissinstans", "avsnitt", "rubrik")


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as f:
        rows = list(csv.DictReader(io.StringIO(f.read().decode("utf-8-sig"), newline="")))
    with open(sys.argv[2], encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        stored = list(reader)
        fields = [c for c in reader.fieldnames or [] if c not in KEY]
    if not stored:
        print("#   %s: no stored answers to compare" % sys.argv[2])
        return 1
    problems = []
    missing_cols = [c for c in fields if rows and c not in rows[0]]
    if missing_cols:
        problems.append("the export has no column %s" % ", ".join(missing_cols))
        fields = [c for c in fields if c not in missing_cols]

    by_key = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_key[tuple(r[k] for k in KEY)].append(i)
    matched = set()
    nonempty = collections.Counter()
    compared = 0
    for s in stored:
        key = tuple(s[k] for k in KEY)
        nonempty.update(c for c in fields if s[c] != "")
        hits = by_key.get(key, [])
        if len(hits) != 1:
            problems.append("answer %r is in %d rows of the export, expected 1" % (key, len(hits)))
            continue
        matched.add(hits[0])
        got = rows[hits[0]]
        for c in fields:
            compared += 1
            if got[c] != neutralised(s[c]):
                problems.append("answer %r, %s: %r in the export, %r stored" % (key, c, got[c], s[c]))
    for i, r in enumerate(rows):
        if i not in matched and any(r[c] != "" for c in fields):
            problems.append("row %d %r has an answer that is not stored: %r" % (
                i + 2, tuple(r[k] for k in KEY), {c: r[c] for c in fields if r[c] != ""}))
    for c in sys.argv[3:]:
        if nonempty[c] == 0:
            problems.append("no stored answer has a %s: the round trip does not test it" % c)
    for p in problems:
        print("#   %s: %s" % (sys.argv[1], p))
    print("#   %d stored answers, %d fields compared (non-empty: %s)" % (
        len(stored), compared, ", ".join("%s %d" % (c, nonempty[c]) for c in fields)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
