#!/usr/bin/env python3
"""tests/export/odt_check.py FILE.odt [TEXT...]: is FILE an OpenDocument text package?

Checks what ODF 1.2 part 3 asks of a package and what readers rely on: the first
entry is "mimetype", stored (not compressed), without extra field, holding
application/vnd.oasis.opendocument.text; META-INF/manifest.xml lists every other
entry (and the package root with the same media type); content.xml, styles.xml
and meta.xml exist; every XML part is well-formed. Each TEXT given must occur in
the text of content.xml. Prints one line per problem; exit status 0 if none.
"""
import sys
import zipfile
import xml.etree.ElementTree as ET

MIME = "application/vnd.oasis.opendocument.text"
MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"


def check(path, texts):
    problems = []
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        if not infos or infos[0].filename != "mimetype":
            problems.append("the first entry is not mimetype")
        else:
            m = infos[0]
            if m.compress_type != zipfile.ZIP_STORED:
                problems.append("mimetype is compressed")
            if m.extra:
                problems.append("mimetype has an extra field")
            if z.read("mimetype").decode("ascii") != MIME:
                problems.append("mimetype is not " + MIME)
        names = {i.filename for i in infos}
        for part in ("content.xml", "styles.xml", "meta.xml",
                     "META-INF/manifest.xml"):
            if part not in names:
                problems.append("missing " + part)
        parsed = {}
        for n in sorted(names):
            if n.endswith(".xml") or n.endswith(".svg"):
                try:
                    parsed[n] = ET.fromstring(z.read(n))
                except ET.ParseError as e:
                    problems.append("%s is not well-formed: %s" % (n, e))
        man = parsed.get("META-INF/manifest.xml")
        if man is not None:
            listed = {}
            for e in man.iter("{%s}file-entry" % MANIFEST_NS):
                listed[e.get("{%s}full-path" % MANIFEST_NS)] = \
                    e.get("{%s}media-type" % MANIFEST_NS)
            if listed.get("/") != MIME:
                problems.append("the manifest does not give the root as " + MIME)
            for n in names - {"mimetype", "META-INF/manifest.xml"}:
                if n not in listed:
                    problems.append("the manifest does not list " + n)
            for n in listed:
                if n != "/" and n not in names:
                    problems.append("the manifest lists a missing " + n)
        content = parsed.get("content.xml")
        if content is not None and texts:
            alltext = "".join(content.itertext())
            for t in texts:
                if t not in alltext:
                    problems.append("content.xml lacks the text: " + t)
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    problems = check(sys.argv[1], sys.argv[2:])
    for p in problems:
        print("%s: %s" % (sys.argv[1], p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
