#!/usr/bin/env python3
"""tests/export/xlsx_check.py FILE.xlsx EXPECTED.json: does the Excel export hold the remiss?

EXPECTED.json is what the test read from the database itself (never from the export):
{"orgs": [{"name", "kind", "orgnr", "receipt", "position", "answered", "received"}],
 "sections": [{"nr", "heading"}], in the proposal's order,
 "answers": [{"org", "section", "qid", "qtext", "qsection", "position", "comment",
              "wording", "cons_region", "cons_kommun", "short_term", "long_term"}]}
(section is the avsnitt nr of an answer to a section, else null; qid, qtext and qsection
those of an answer to a question, qsection null for a question about the whole remiss).

Checks, with openpyxl: the first sheet is "Översikt", then one sheet per section in order
with a name Excel accepts (at most 31 characters, none of []:*?/\\, unique without regard
to case); every sheet has a bold header row, frozen, with an autofilter from A1, and a
first column wider than the default; a section sheet's comments wrap. The
overview has a row per organisation (its kind, organisation number, kvittensnummer, the day
it answered as a real date, its overall position in words) and a column per section headed
"nr heading" whose cell is the organisation's position on the section in words, or "Inget
svar" (never "–" or an empty cell). Each section's sheet has a row per organisation that
answered the remiss and every field of its answer in the right column; the answers to the
section's questions follow under "Fråga qid: text"; questions about the whole remiss are in
"Frågor om remissen". Texts are compared after SpreadsheetML's _xHHHH_ unescaping (what
Excel and LibreOffice do); a text over 32 767 characters must be cut with "… [förkortat]".
Prints one line per problem; exit status 0 if none.
"""
import datetime
import json
import re
import sys

import openpyxl

WORDS = {
    "tillstyrker": "Tillstyrker",
    "tillstyrker-med-andringar": "Tillstyrker med ändringar",
    "avstyrker": "Avstyrker",
    "inga-synpunkter": "Inga synpunkter",
    "": "Ej angivet",
}
KINDS = {"kommun": "Kommun", "region": "Region", "myndighet": "Myndighet",
         "forening": "Förening"}
NO_ANSWER = "Inget svar"
CELL_MAX = 32767
MARKER = "… [förkortat]"
FIELDS = ["comment", "wording", "cons_region", "cons_kommun", "short_term", "long_term"]


def unescape(v):
    """A cell's text as Excel shows it (ECMA-376 ST_Xstring escapes), "" for empty."""
    if v is None:
        return ""
    if not isinstance(v, str):
        return v
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), v)


def shown(text):
    """What a text the database holds looks like in a cell: line breaks as LF, other
    control characters as U+FFFD, cut with the marker beyond Excel's limit (counted in
    UTF-16 units, a "_" that starts "_xHHHH_" as the 7 characters of its escape)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\v", "\n").replace("\f", "\n")
    text = re.sub(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]", "\ufffd", text)
    # What the limit counts: UTF-16 units, a "_" that must be escaped as its escape's 7.
    cost = [7 if c == "_" and re.match(r"_[xX][0-9A-Fa-f]{4}_", text[i:i + 7])
            else 2 if ord(c) > 0xFFFF else 1 for i, c in enumerate(text)]
    if sum(cost) <= CELL_MAX:
        return text
    out, n = [], 0
    for c, u in zip(text, cost):
        if n + u > CELL_MAX - len(MARKER):
            break
        out.append(c)
        n += u
    return "".join(out) + MARKER


def when_ok(cell, want):
    """True if cell is the real date (and time, to the second) want, "YYYY-MM-DD" or
    "YYYY-MM-DD HH:MM:SS"; or empty when want is."""
    if want == "":
        return cell in (None, "")
    if not isinstance(cell, datetime.datetime):
        return False
    fmt = "%Y-%m-%d %H:%M:%S" if len(want) > 10 else "%Y-%m-%d"
    return abs((cell - datetime.datetime.strptime(want, fmt)).total_seconds()) < 1


def rows(ws):
    return [[unescape(c) for c in r] for r in ws.iter_rows(values_only=True)]


def check(path, exp):
    problems = []
    say = problems.append
    wb = openpyxl.load_workbook(path)
    names = wb.sheetnames
    secs = exp["sections"]
    if not names or names[0] != "Översikt":
        say("the first sheet is not Översikt: %r" % names[:3])
        return problems
    if len(names) < 1 + len(secs):
        say("%d sheets for %d sections" % (len(names), len(secs)))
        return problems
    folded = [n.casefold() for n in names]
    if len(set(folded)) != len(folded):
        say("sheet names are not unique without regard to case: %r" % names)
    for n in names:
        if len(n.encode("utf-16-le")) // 2 > 31 or re.search(r"[\[\]:*?/\\]", n) or \
                n.startswith("'") or n.endswith("'") or not n:
            say("sheet name Excel refuses: %r" % n)
    for ws in wb.worksheets:
        if not (ws["A1"].font and ws["A1"].font.b):
            say("%s: the header row is not bold" % ws.title)
        if ws.freeze_panes not in ("A2", "B2"):
            say("%s: the header row is not frozen (%r)" % (ws.title, ws.freeze_panes))
        if not (ws.auto_filter.ref or "").startswith("A1:"):
            say("%s: no autofilter over the table (%r)" % (ws.title, ws.auto_filter.ref))
        # Widths are set: some column is wider than Excel's default (about 8.7); a
        # narrow first column ("Nr") is a choice, not a default.
        if not any((d.width or 0) > 13 for d in ws.column_dimensions.values()):
            say("%s: every column keeps the default width" % ws.title)
        for r in ws.iter_rows(values_only=True):
            for v in r:
                if v == "–":
                    say("%s: a cell holds only a dash" % ws.title)

    # The overview.
    ov = rows(wb["Översikt"])
    head = ov[0]
    want_head = ["%s %s" % (s["nr"], s["heading"]) for s in secs]
    if head[6:6 + len(secs)] != want_head:
        say("overview: section columns %r, expected %r" % (head[6:6 + len(secs)], want_head))
    by_org = {}
    for r in ov[1:1 + len(exp["orgs"])]:
        by_org[r[0]] = r
    answers = {}
    for a in exp["answers"]:
        if a["section"] is not None:
            answers[(a["org"], a["section"])] = a
    for o in exp["orgs"]:
        r = by_org.get(shown(o["name"]))
        if r is None:
            say("overview: no row for %r" % o["name"])
            continue
        if r[1] != KINDS.get(o["kind"], "Annan"):
            say("overview: %s's kind %r" % (o["name"], r[1]))
        if (r[2] or "") != o["orgnr"] or (r[4] or "") != o["receipt"]:
            say("overview: %s's orgnr/kvittens %r/%r, expected %r/%r" % (
                o["name"], r[2], r[4], o["orgnr"], o["receipt"]))
        if not when_ok(r[3], o["received"]):
            say("overview: %s answered %r, expected the date %r" % (o["name"], r[3], o["received"]))
        overall = WORDS[o["position"]] if o["answered"] else NO_ANSWER
        if r[5] != overall:
            say("overview: %s's overall position %r, expected %r" % (o["name"], r[5], overall))
        for k, s in enumerate(secs):
            a = answers.get((o["name"], s["nr"]))
            want = WORDS[a["position"]] if a else NO_ANSWER
            if r[6 + k] != want:
                say("overview: %s on %s is %r, expected %r" % (o["name"], s["nr"], r[6 + k], want))

    # A sheet per section.
    def answer_ok(where, r, a, at):
        if r[at + 2] != WORDS[a["position"]]:
            say("%s: %s's position %r, expected %r" % (where, a["org"], r[at + 2],
                                                     WORDS[a["position"]]))
        for k, f in enumerate(FIELDS):
            if (r[at + 3 + k] or "") != shown(a[f]):
                say("%s: %s's %s differs: %r..., expected %r..." % (
                    where, a["org"], f, str(r[at + 3 + k])[:80], shown(a[f])[:80]))

    answered = [o["name"] for o in exp["orgs"] if o["answered"]]
    for k, s in enumerate(secs):
        ws = wb.worksheets[1 + k]
        rs = rows(ws)
        where = "sheet %r (%s)" % (ws.title, s["nr"])
        if rs[0][:3] != ["Remissinstans", "Typ", "Ställningstagande"]:
            say("%s: header %r" % (where, rs[0][:4]))
        for r in ws.iter_rows(min_row=2, max_row=ws.max_row):
            if r[3].value and not r[3].alignment.wrap_text:
                say("%s: the comment in row %d does not wrap" % (where, r[3].row))
                break
        table = {}
        for r in rs[1:]:
            if not any(v not in ("", None) for v in r):
                break
            table[r[0]] = r
        if sorted(table) != sorted(shown(n) for n in answered):
            say("%s: rows for %r, expected every organisation that answered: %r" % (
                where, sorted(table), sorted(answered)))
        if not any(r[0] == "Avsnitt" and r[3] == "%s %s" % (s["nr"], s["heading"]) for r in rs):
            say("%s: the heading in full is not on the sheet" % where)
        for a in exp["answers"]:
            if a["section"] == s["nr"]:
                r = table.get(shown(a["org"]))
                if r is None:
                    say("%s: no row for %s" % (where, a["org"]))
                else:
                    answer_ok(where, r, a, 0)
            elif a["qsection"] == s["nr"] and a["qid"] is not None:
                title = "Fråga %s: %s" % (a["qid"], a["qtext"])
                at = [i for i, r in enumerate(rs) if r[0] == title]
                hit = None
                for r in rs[at[0] + 1:] if at else []:
                    if not any(v not in ("", None) for v in r) or str(r[0]).startswith("Fråga "):
                        break
                    if r[0] == shown(a["org"]):
                        hit = r
                if hit is None:
                    say("%s: no answer of %s under %r" % (where, a["org"], title))
                else:
                    answer_ok(where + " " + a["qid"], hit, a, 0)

    overall_q = [a for a in exp["answers"] if a["qid"] is not None and a["qsection"] is None]
    if overall_q:
        if "Frågor om remissen" not in names:
            say("no sheet Frågor om remissen for the questions about the whole remiss")
        else:
            rs = rows(wb["Frågor om remissen"])
            for a in overall_q:
                title = "Fråga %s: %s" % (a["qid"], a["qtext"])
                hit = [r for r in rs if r[0] == title and r[1] == shown(a["org"])]
                if len(hit) != 1:
                    say("Frågor om remissen: %d rows for %s's answer to %s" % (
                        len(hit), a["org"], a["qid"]))
                else:
                    answer_ok("Frågor om remissen", hit[0], a, 1)
    return problems


def main():
    if len(sys.argv) != 3:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    with open(sys.argv[2], encoding="utf-8") as f:
        exp = json.load(f)
    problems = check(sys.argv[1], exp)
    for p in problems[:40]:
        print("#   " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
