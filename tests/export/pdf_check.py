#!/usr/bin/env python3
"""tests/export/pdf_check.py FILE.pdf [OPTIONS] STRING...: a PDF the server wrote, read back.

Reads the text with pdftotext (poppler-utils), page by page, and compares it with each STRING
with all white space removed (a paragraph wraps at any space; the engine never hyphenates).
The STRINGs are looked for in the pages' bodies only, between the running header (the top
60 pt) and the footer (below 785 pt of A4's 842), so that a paragraph that breaks across
pages reads on as one; the options' checks read whole pages.
Options:
  --title T          pdfinfo's Title is T
  --author A         pdfinfo's Author is A
  --min-pages N      at least N pages
  --page-numbers     page i of N says "Sida i av N", for every page
  --every-page S     S is on every page
  --absent S         S is nowhere in the text
  --fonts-embedded   pdffonts lists fonts, and every one is embedded and subset
  --lang L           the catalog says /Lang (L)
  --order            the STRINGs occur in the text in the order given
Prints one "#   ..." line per failure; exit status 0 if none, 1 otherwise.
"""
import re
import subprocess
import sys


def squeezed(s):
    return "".join(s.split())


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    path, args = args[0], args[1:]
    opts = {"every": [], "absent": []}
    strings = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--title", "--author", "--min-pages", "--lang"):
            opts[a[2:]] = args[i + 1]
            i += 2
        elif a in ("--every-page", "--absent"):
            opts["every" if a == "--every-page" else "absent"].append(args[i + 1])
            i += 2
        elif a in ("--page-numbers", "--fonts-embedded", "--order"):
            opts[a[2:]] = True
            i += 1
        else:
            strings.append(a)
            i += 1
    fails = []
    try:
        info = run("pdfinfo", "-enc", "UTF-8", path)
        fields = dict(re.findall(r"^([A-Za-z ]+):\s*(.*)$", info, re.M))
        pages = int(fields["Pages"])
        texts = [run("pdftotext", "-enc", "UTF-8", "-f", str(p), "-l", str(p), path, "-")
                 for p in range(1, pages + 1)]
        bodies = [run("pdftotext", "-enc", "UTF-8", "-f", str(p), "-l", str(p), "-x", "0",
                      "-y", "60", "-W", "596", "-H", "725", path, "-")
                  for p in range(1, pages + 1)]
    except (OSError, subprocess.CalledProcessError, KeyError, ValueError) as e:
        print("#   %s: pdfinfo/pdftotext failed: %s" % (path, e))
        return 1
    whole = squeezed("".join(texts))
    body = squeezed("".join(bodies))
    for key in ("title", "author"):
        if key in opts and fields.get(key.capitalize()) != opts[key]:
            fails.append("%s is %r, not %r" % (key.capitalize(), fields.get(key.capitalize()),
                                               opts[key]))
    if "min-pages" in opts and pages < int(opts["min-pages"]):
        fails.append("%d pages, fewer than %s" % (pages, opts["min-pages"]))
    if opts.get("page-numbers"):
        for p, t in enumerate(texts, 1):
            if squeezed("Sida %d av %d" % (p, pages)) not in squeezed(t):
                fails.append("page %d lacks \"Sida %d av %d\"" % (p, p, pages))
    for s in opts["every"]:
        for p, t in enumerate(texts, 1):
            if squeezed(s) not in squeezed(t):
                fails.append("page %d lacks: %s" % (p, s))
    for s in opts["absent"]:
        if squeezed(s) in whole:
            fails.append("has: %s" % s)
    if opts.get("fonts-embedded"):
        rows = run("pdffonts", path).splitlines()[2:]
        if not rows:
            fails.append("pdffonts lists no fonts")
        for row in rows:
            # name type... encoding emb sub uni object-id: the flags are columns -5..-3.
            cols = row.split()
            if len(cols) < 6 or cols[-5] != "yes" or cols[-4] != "yes":
                fails.append("font not embedded and subset: %s" % row)
    if "lang" in opts:
        with open(path, "rb") as f:
            if ("/Lang (%s)" % opts["lang"]).encode() not in f.read():
                fails.append("no /Lang (%s) in the catalog" % opts["lang"])
    at = 0
    for s in strings:
        k = body.find(squeezed(s), at if opts.get("order") else 0)
        if k < 0:
            fails.append("lacks%s: %s" % (" (in this order)" if opts.get("order") else "",
                                          s[:200]))
        elif opts.get("order"):
            at = k
    for f in fails:
        print("#   %s %s" % (path, f))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
