#!/usr/bin/env python3
"""tests/export/csv_check.py EXPORT.csv EXPECTED.csv HEADER...: does the export parse back into the expected rows?

EXPORT.csv is what remissd or remissctl wrote; EXPECTED.csv the rows the database
holds, as psql's COPY ... (FORMAT csv) wrote them without a header. Checks that the
export starts with a UTF-8 BOM, ends its lines with CRLF, has the header HEADER...,
and that its rows, parsed with Python's csv module, equal the expected rows in order.
An expected field that starts with =, +, -, @, TAB or CR is expected with one
apostrophe before it: the export's guard against formula injection (src/export/csv.c).
Prints one line per problem; exit status 0 if none.
"""
import csv
import io
import sys


def neutralised(v):
    """What the export writes for a database value v (OWASP CSV injection)."""
    return "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r") else v


def main():
    if len(sys.argv) < 4:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    raw = open(sys.argv[1], "rb").read()
    problems = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("no UTF-8 byte order mark")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not raw.endswith(b"\r\n"):
        problems.append("the last line does not end with CRLF")
    header = sys.argv[3:]
    if not rows or rows[0] != header:
        problems.append("header %r, expected %r" % (rows[0] if rows else None, header))
    with open(sys.argv[2], encoding="utf-8", newline="") as f:
        expected = [[neutralised(v) for v in row] for row in csv.reader(f)]
    got = rows[1:]
    if got != expected:
        problems.append("%d rows, expected %d" % (len(got), len(expected)))
        for i, (g, e) in enumerate(zip(got, expected)):
            if g != e:
                problems.append("row %d: %r, expected %r" % (i + 1, g, e))
                break
    for p in problems:
        print("#   %s: %s" % (sys.argv[1], p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
