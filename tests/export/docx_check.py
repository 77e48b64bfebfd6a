#!/usr/bin/python3
"""tests/export/docx_check.py FILE.docx [OPTIONS] [TEXT...]: is FILE a Word document holding TEXT?

Run with /usr/bin/python3 (python-docx, Debian's python3-docx). Checks that the package is
a zip whose every XML part is well-formed and holds no character XML 1.0 forbids, that
python-docx opens it, and that each TEXT occurs in the document's text (every paragraph,
in tables too, headers and footers; a TEXT of several lines is looked for line by line, as
a text's line breaks become paragraphs). Options:
  --heading TEXT   a paragraph of a Heading 1-3 style whose text is TEXT, and the style
                   carries its outline level (the navigation pane and the TOC rely on it)
  --toc            a table of contents field (TOC \\o) and settings that update fields
  --header TEXT    TEXT in a page header (the draft's marking on every page)
  --footer-pages   the footer has the PAGE and NUMPAGES fields
  --absent TEXT    TEXT occurs nowhere in the document
  --min-pictures N at least N pictures (PNG) in word/media, each shown in the document
Prints one line per problem; exit status 0 if none.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import docx  # python-docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Characters XML 1.0 does not allow (the writer must drop them, never escape them).
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
ILLEGAL_REF = re.compile(rb"&#(x0*([0-8bBcCeEfF]|1[0-9a-fA-F])|0*([0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));")


def para_text(p):
    out = []
    for e in p.iter():
        if e.tag == W + "t" and e.text:
            out.append(e.text)
        elif e.tag in (W + "br", W + "cr"):
            out.append("\n")
        elif e.tag == W + "tab":
            out.append("\t")
    return "".join(out)


def lines_of(elements):
    lines = []
    for root in elements:
        for p in root.iter(W + "p"):
            lines.extend(para_text(p).split("\n"))
    return lines


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    path, args = argv[1], argv[2:]
    headings, texts, headers, absent = [], [], [], []
    toc = footer_pages = False
    min_pictures = 0
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--heading", "--header", "--absent", "--min-pictures") and i + 1 < len(args):
            if a == "--heading":
                headings.append(args[i + 1])
            elif a == "--header":
                headers.append(args[i + 1])
            elif a == "--absent":
                absent.append(args[i + 1])
            else:
                min_pictures = int(args[i + 1])
            i += 2
        elif a == "--toc":
            toc = True
            i += 1
        elif a == "--footer-pages":
            footer_pages = True
            i += 1
        else:
            texts.append(a)
            i += 1

    problems = []
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        for need in ("[Content_Types].xml", "_rels/.rels", "word/document.xml",
                     "word/styles.xml", "word/settings.xml", "word/_rels/document.xml.rels",
                     "docProps/core.xml", "docProps/app.xml"):
            if need not in names:
                problems.append("missing part " + need)
        parts = {}
        for n in names:
            if n.endswith(".xml") or n.endswith(".rels"):
                raw = z.read(n)
                if ILLEGAL_REF.search(raw):
                    problems.append("%s has a character reference XML 1.0 forbids" % n)
                try:
                    parts[n] = ET.fromstring(raw)
                except ET.ParseError as e:
                    problems.append("%s is not well-formed: %s" % (n, e))
                    continue
                if ILLEGAL.search(raw.decode("utf-8", "replace")):
                    problems.append("%s holds a character XML 1.0 forbids" % n)
        media = [n for n in names if n.startswith("word/media/")]
        for n in media:
            if not z.read(n).startswith(b"\x89PNG\r\n\x1a\n"):
                problems.append("%s is not a PNG" % n)
    try:
        d = docx.Document(path)
    except Exception as e:  # python-docx refuses it: the rest cannot be judged
        problems.append("python-docx cannot open it: %r" % e)
        return report(path, problems)

    body = d.element.body
    hf = []
    header_lines = []
    for s in d.sections:
        for part in (s.header, s.first_page_header, s.even_page_header):
            if not part.is_linked_to_previous:
                header_lines.extend(lines_of([part._element]))
        for part in (s.footer, s.first_page_footer, s.even_page_footer):
            if not part.is_linked_to_previous:
                hf.append(part._element)
    lines = lines_of([body]) + header_lines + lines_of(hf)
    alltext = "\n".join(lines)
    for t in texts:
        for line in t.split("\n"):
            line = line.rstrip("\r ")
            if line and line not in alltext:
                problems.append("lacks the text: %s" % line[:120])
    for t in absent:
        if t in alltext:
            problems.append("has the text it must not: %s" % t[:120])

    # Headings: the paragraph's style is Heading 1-3 and that style has an outline level.
    levels = {}
    for st in d.styles:
        if st.name and st.name.startswith("Heading "):
            ppr = st.element.find(W + "pPr")
            lvl = ppr.find(W + "outlineLvl") if ppr is not None else None
            levels[st.name] = lvl.get(W + "val") if lvl is not None else None
    for lvl in ("Heading 1", "Heading 2", "Heading 3"):
        if levels.get(lvl) is None:
            problems.append("the style %s has no outline level" % lvl)
    styled = {}
    for p in body.iter(W + "p"):
        ps = p.find(W + "pPr/" + W + "pStyle")
        if ps is not None:
            styled.setdefault(para_text(p), set()).add(ps.get(W + "val"))
    for h in headings:
        got = styled.get(h, set())
        if not got & {"Heading1", "Heading2", "Heading3"}:
            problems.append("no heading (Heading 1-3) reads: %s (styles %s)" % (h, sorted(got)))

    if toc:
        instr = " ".join(e.text or "" for e in body.iter(W + "instrText"))
        if not re.search(r"\bTOC\b.*\\o", instr):
            problems.append("no table of contents field (TOC \\o)")
        upd = parts.get("word/settings.xml")
        u = upd.find(W + "updateFields") if upd is not None else None
        if u is None or u.get(W + "val") not in ("true", "1", "on"):
            problems.append("settings do not update fields on open")
    for h in headers:
        if not any(h in l for l in header_lines):
            problems.append("no page header reads: %s" % h)
    if footer_pages:
        instr = " ".join(e.get(W + "instr", "") for f in hf for e in f.iter(W + "fldSimple"))
        instr += " ".join(e.text or "" for f in hf for e in f.iter(W + "instrText"))
        if "NUMPAGES" not in instr or not re.search(r"\bPAGE\b", instr):
            problems.append("the footer lacks the PAGE and NUMPAGES fields")
        if not any("Sida" in l and " av " in l for l in lines_of(hf)):
            problems.append("the footer does not read Sida N av M")
    if min_pictures:
        shown = len(list(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip")))
        if len(media) < min_pictures or shown < min_pictures:
            problems.append("%d pictures in word/media, %d shown; at least %d expected"
                            % (len(media), shown, min_pictures))
    return report(path, problems)


def report(path, problems):
    for p in problems:
        print("#   %s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
