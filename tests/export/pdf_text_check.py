#!/usr/bin/env python3
"""tests/export/pdf_text_check.py FILE.pdf STRING...: does the PDF's text hold every STRING?

Reads the text with pdftotext -raw (poppler-utils), which gives each table cell's text
in the order it was drawn. A cell gives its text as the lines it wrapped into, at a space
or, for a word wider than its column, inside the word, so the text and each STRING are
compared with all white space removed. A text may also run on over a page break, where a
reader skips the page's furniture: the footer ("Sida N av M") and, at the top of the next
page, a table's repeated header row; those lines are left out first (a line at a page's top
counts as furniture when the document has it more than once). Prints one line per missing
STRING; exit status 0 if none is missing, 1 if one is or pdftotext fails.
"""
import collections
import re
import subprocess
import sys

FOOTER = re.compile(r"^\s*Sida \d+( av \d+)?\s*$")


def without_furniture(text):
    """The pages of text joined, without footers and repeated header lines at a page's top."""
    pages = [p.splitlines() for p in text.split("\f")]
    count = collections.Counter(l.strip() for p in pages for l in p)
    out = []
    for k, lines in enumerate(pages):
        while lines and FOOTER.match(lines[-1]):
            lines = lines[:-1]
        while k > 0 and lines and count[lines[0].strip()] > 1:
            lines = lines[1:]
        out.extend(lines)
    return "\n".join(out)


def squeezed(s):
    """s without white space (and soft hyphens, which only mark where a word may break)."""
    return "".join(s.replace("\u00ad", "").split())


def main():
    if len(sys.argv) < 3:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    try:
        text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", sys.argv[1], "-"],
                              capture_output=True, check=True).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError) as e:
        print("#   pdftotext %s: %s" % (sys.argv[1], e))
        return 1
    have = squeezed(text) + "\n" + squeezed(without_furniture(text))
    missing = [s for s in sys.argv[2:] if squeezed(s) not in have]
    for s in missing:
        print("#   %s lacks: %s" % (sys.argv[1], s))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
