#!/usr/bin/python3
"""fodt.py SOURCE.txt OUT.fodt: writes a corpus document (tests/reader/corpus) as a flat ODT
that LibreOffice converts to DOCX, ODT and PDF, laid out as a kommun's document is.

The source is plain text, one paragraph per block of lines (blank line between):
  %header TEXT      a running header on every page
  %footer           a page number "N (M)" in the footer of every page
  %table            the lines up to the next blank line are table rows, cells split at " | "
  %pagebreak        the next paragraph begins a new page
  # TEXT            a heading (level 1), ## TEXT a heading at level 2
  TEXT              a body paragraph (its lines joined with a space)
Standard library only (run with /usr/bin/python3 or any python3).
"""
import sys
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="sv" fo:country="SE"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm"/>
 </style:style>
 <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
  <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="15pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
  <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="PB" style:family="paragraph" style:parent-style-name="Text_20_body">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="PBH" style:family="paragraph" style:parent-style-name="Heading_20_1">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
"""


def para(style, text):
    return '<text:p text:style-name="%s">%s</text:p>\n' % (style, escape(text))


def main():
    src, out = sys.argv[1], sys.argv[2]
    header = None
    footer = False
    body = []
    tables = 0
    pagebreak = False
    with open(src, encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    for block in blocks:
        lines = [l for l in block.split("\n") if l.strip() != ""]
        while lines and lines[0].startswith("%"):
            cmd = lines.pop(0).split(" ", 1)
            if cmd[0] == "%header":
                header = cmd[1]
            elif cmd[0] == "%footer":
                footer = True
            elif cmd[0] == "%pagebreak":
                pagebreak = True
            elif cmd[0] == "%table":
                tables += 1
                rows = [l.split(" | ") for l in lines]
                lines = []
                ncol = max(len(r) for r in rows)
                body.append('<table:table table:name="T%d"><table:table-column '
                            'table:number-columns-repeated="%d"/>\n' % (tables, ncol))
                for r in rows:
                    body.append("<table:table-row>")
                    for c in r + [""] * (ncol - len(r)):
                        body.append('<table:table-cell office:value-type="string">%s'
                                    "</table:table-cell>" % para("Standard", c.strip()))
                    body.append("</table:table-row>\n")
                body.append("</table:table>\n")
            else:
                sys.exit("fodt.py: %s: unknown %s" % (src, cmd[0]))
        if not lines:
            continue
        text = " ".join(l.strip() for l in lines)
        if text.startswith("#"):
            level = 2 if text.startswith("##") else 1
            style = "PBH" if pagebreak and level == 1 else "Heading_20_%d" % level
            body.append('<text:h text:style-name="%s" text:outline-level="%d">%s</text:h>\n'
                        % (style, level, escape(text.lstrip("#").strip())))
        else:
            body.append(para("PB" if pagebreak else "Text_20_body", text))
        pagebreak = False
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEAD)
        if header:
            f.write("<style:header>%s</style:header>\n" % para("Header", header))
        if footer:
            f.write('<style:footer><text:p text:style-name="Footer"><text:page-number '
                    'text:select-page="current">1</text:page-number> (<text:page-count>1'
                    "</text:page-count>)</text:p></style:footer>\n")
        f.write(" </style:master-page>\n</office:master-styles>\n<office:body>\n<office:text>\n")
        f.write("".join(body))
        f.write("</office:text>\n</office:body>\n</office:document>\n")


if __name__ == "__main__":
    main()
