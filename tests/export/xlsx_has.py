#!/usr/bin/env python3
"""tests/export/xlsx_has.py FILE.xlsx SHEET TEXT... [-- SHEET TEXT...]: does the workbook hold
each TEXT on SHEET?

SHEET is a sheet's name, or "NR " (with the space) for the sheet of section NR, whose name
starts so. A TEXT matches a string cell (never a formula) that contains it, after
SpreadsheetML's _xHHHH_ unescaping; "date:YYYY-MM-DD" matches a cell holding that date as a
real date. Prints one line per TEXT not found; exit status 0 if none.
"""
import datetime
import re
import sys

import openpyxl


def cells(ws):
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                yield c


def has(ws, text):
    if text.startswith("date:"):
        want = datetime.datetime.strptime(text[5:], "%Y-%m-%d").date()
        return any(isinstance(c.value, datetime.datetime) and c.value.date() == want
                   for c in cells(ws))
    for c in cells(ws):
        if c.data_type == "s" and isinstance(c.value, str):
            v = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), c.value)
            if text in v:
                return True
    return False


def main():
    if len(sys.argv) < 3:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    wb = openpyxl.load_workbook(sys.argv[1])
    missing = 0
    groups, cur = [], []
    for a in sys.argv[2:]:
        if a == "--":
            groups.append(cur)
            cur = []
        else:
            cur.append(a)
    groups.append(cur)
    for g in groups:
        if not g:
            continue
        name, texts = g[0], g[1:]
        if name in wb.sheetnames:
            ws = wb[name]
        else:
            hit = [n for n in wb.sheetnames if name.endswith(" ") and n.startswith(name)]
            if len(hit) != 1:
                print("#   no sheet %r in %r" % (name, wb.sheetnames))
                missing += 1
                continue
            ws = wb[hit[0]]
        for t in texts:
            if not has(ws, t):
                print("#   sheet %r lacks %r" % (ws.title, t))
                missing += 1
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
