/* docx_pkg.c: the WordprocessingML package: document.xml streamed to a private file through the
 * escaping writer (text cleaned of what XML 1.0 forbids), the fixed parts, then zipped with libzip. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <zip.h>

#include "export/docx_pkg.h"
#include "export/workdir.h"
#include "log.h"

/* Twentieths of a point (twips) and EMUs per centimetre. */
#define TWIPS_PER_CM	(1440.0 / 2.54)
#define EMU_PER_CM	360000.0

#define NS_W	"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_WP	"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
#define NS_A	"http://schemas.openxmlformats.org/drawingml/2006/main"
#define NS_PIC	"http://schemas.openxmlformats.org/drawingml/2006/picture"
#define REL	"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/*
 * The named styles: Garamond body and Arial headings, 12 pt, Swedish, as
 * the ODT export looks. Heading1-3 carry outline levels 0-2 (Word's
 * navigation pane and the table of contents); "Tabell" is a table style
 * whose first row is the shaded header. No outside data goes in here.
 */
static const char styles_xml[] = XML_DECL
"<w:styles xmlns:w=\"" NS_W "\">"
"<w:docDefaults>"
"<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Garamond\" w:hAnsi=\"Garamond\" w:eastAsia=\"Garamond\" w:cs=\"Times New Roman\"/>"
"<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"sv-SE\" w:eastAsia=\"sv-SE\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
"<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
"</w:docDefaults>"
"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
"<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>"
"<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/>"
"<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
"<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
"<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:semiHidden/></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
"<w:pPr><w:spacing w:before=\"2400\" w:after=\"240\"/></w:pPr>"
"<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/><w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
"<w:pPr><w:spacing w:after=\"600\"/></w:pPr><w:rPr><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
"<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
"<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
"<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"60\"/><w:outlineLvl w:val=\"2\"/></w:pPr>"
"<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Avsandare\"><w:name w:val=\"Avsändare\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
"<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:caps/><w:spacing w:val=\"20\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Faltrubrik\"><w:name w:val=\"Fältrubrik\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
"<w:pPr><w:keepNext/><w:spacing w:before=\"80\" w:after=\"0\"/></w:pPr>"
"<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Tabelltext\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
"<w:pPr><w:spacing w:before=\"20\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"TableHeading\"><w:name w:val=\"Tabellrubrik\"/><w:basedOn w:val=\"TableText\"/><w:qFormat/>"
"<w:pPr><w:keepNext/></w:pPr><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Caption\"><w:name w:val=\"caption\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"35\"/><w:qFormat/>"
"<w:pPr><w:spacing w:after=\"200\"/></w:pPr><w:rPr><w:i/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>"
"<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"right\"/></w:pPr>"
"<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/><w:color w:val=\"B00020\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
"<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
"<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/><w:basedOn w:val=\"Heading1\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:qFormat/>"
"<w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"
"<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9345\"/></w:tabs><w:spacing w:after=\"60\"/></w:pPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"TOC2\"><w:name w:val=\"toc 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"
"<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9345\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"240\"/></w:pPr></w:style>"
"<w:style w:type=\"paragraph\" w:styleId=\"TOC3\"><w:name w:val=\"toc 3\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/>"
"<w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"9345\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"480\"/></w:pPr></w:style>"
"<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/>"
"<w:rPr><w:color w:val=\"0B4F8A\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
"<w:style w:type=\"table\" w:styleId=\"Tabell\"><w:name w:val=\"Tabell\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>"
"<w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
"<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
"<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
"<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
"<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>"
"<w:tblCellMar><w:top w:w=\"45\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"45\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
"<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/><w:b/></w:rPr>"
"<w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"DFE6EC\"/></w:tcPr></w:tblStylePr>"
"</w:style>"
"</w:styles>\n";

/* Fields are updated when the document opens: the table of contents and
 * the page count fill in. Swedish proofing. The elements in the order
 * the schema's sequence (CT_Settings) has them: Word refuses another. */
static const char settings_xml[] = XML_DECL
"<w:settings xmlns:w=\"" NS_W "\">"
"<w:defaultTabStop w:val=\"1304\"/>"
"<w:characterSpacingControl w:val=\"doNotCompress\"/>"
"<w:updateFields w:val=\"true\"/>"
"<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
"<w:themeFontLang w:val=\"sv-SE\"/>"
"</w:settings>\n";

static const char footer_xml[] = XML_DECL
"<w:ftr xmlns:w=\"" NS_W "\">"
"<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>"
"<w:r><w:t xml:space=\"preserve\">Sida </w:t></w:r>"
"<w:fldSimple w:instr=\" PAGE \\* MERGEFORMAT \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
"<w:r><w:t xml:space=\"preserve\"> av </w:t></w:r>"
"<w:fldSimple w:instr=\" NUMPAGES \\* MERGEFORMAT \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
"</w:p></w:ftr>\n";

static const char root_rels[] = XML_DECL
"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
"<Relationship Id=\"rId1\" Type=\"" REL "/officeDocument\" Target=\"word/document.xml\"/>"
"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
"<Relationship Id=\"rId3\" Type=\"" REL "/extended-properties\" Target=\"docProps/app.xml\"/>"
"</Relationships>\n";

static const char app_xml[] = XML_DECL
"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
"<Application>" PACKAGE_NAME " " PACKAGE_VERSION "</Application>"
"<DocSecurity>0</DocSecurity>"
"</Properties>\n";

size_t
docx_xml_clean(const char *in, size_t insz, char *out, size_t outsz,
    size_t *used)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	const unsigned char	*s = (const unsigned char *)in;
	size_t			 i = 0, o = 0, len, k;
	unsigned long		 cp;
	int			 keep;

	while (i < insz && s[i] != '\0') {
		unsigned char b = s[i];

		/* The length of the sequence b starts and its first bits. */
		if (b < 0x80) {
			len = 1;
			cp = b;
		} else if (b >= 0xC2 && b <= 0xDF) {
			len = 2;
			cp = b & 0x1F;
		} else if (b >= 0xE0 && b <= 0xEF) {
			len = 3;
			cp = b & 0x0F;
		} else if (b >= 0xF0 && b <= 0xF4) {
			len = 4;
			cp = b & 0x07;
		} else
			len = 0;	/* a continuation or never-valid byte */
		for (k = 1; len > 0 && k < len; k++) {
			if (i + k >= insz || (s[i + k] & 0xC0) != 0x80) {
				len = 0;
				break;
			}
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		/* Overlong forms, surrogates and past U+10FFFF. */
		if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			len = 0;
		if (len == 0) {
			if (o + 3 + 1 > outsz)
				break;
			memcpy(out + o, fffd, 3);
			o += 3;
			i++;
			continue;
		}
		keep = !(cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') &&
		    !(cp >= 0x7F && cp <= 0x9F) && cp != 0xFFFE && cp != 0xFFFF;
		if (keep) {
			if (o + len + 1 > outsz)
				break;
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	if (outsz > 0)
		out[o] = '\0';
	*used = i;
	return o;
}

/* A path in the private directory. */
static int
part_path(const struct docx *d, const char *name, char *out, size_t outsz)
{
	return (size_t)snprintf(out, outsz, "%s/%s", d->dir, name) >= outsz ?
	    -1 : 0;
}

/* Writes clean text (no NUL inside) as run content: w:t stretches, a line
 * feed as w:br, a tab as w:tab; a carriage return is dropped. */
static void
run_content(struct xmlw *x, char *s)
{
	char	*e, c;

	while (*s != '\0' && !x->failed) {
		e = s + strcspn(s, "\n\t\r");
		if (e > s) {
			c = *e;
			*e = '\0';
			xmlw_elem(x, "w:t", s, "xml:space", "preserve",
			    (const char *)NULL);
			*e = c;
		}
		if (*e == '\0')
			break;
		if (*e == '\n')
			xmlw_void(x, "w:br", (const char *)NULL);
		else if (*e == '\t')
			xmlw_void(x, "w:tab", (const char *)NULL);
		s = e + 1;
	}
}

/* One run of text (of len bytes), bold or not, cleaned in pieces so that
 * a long text needs no more memory than the piece. */
static void
run_len(struct docx *d, const char *text, size_t len, int bold)
{
	struct xmlw	*x = &d->x;
	char		 piece[4096];
	size_t		 used;

	if (len == 0)
		return;
	xmlw_start(x, "w:r", (const char *)NULL);
	if (bold) {
		xmlw_start(x, "w:rPr", (const char *)NULL);
		xmlw_void(x, "w:b", (const char *)NULL);
		xmlw_end(x);
	}
	while (len > 0 && !x->failed) {
		docx_xml_clean(text, len, piece, sizeof(piece), &used);
		if (used == 0)
			break;
		run_content(x, piece);
		text += used;
		len -= used;
	}
	xmlw_end(x);
}

void
docx_run(struct docx *d, const char *text, int bold)
{
	if (text != NULL)
		run_len(d, text, strlen(text), bold);
}

void
docx_para_begin(struct docx *d, const char *st)
{
	struct xmlw *x = &d->x;

	xmlw_start(x, "w:p", (const char *)NULL);
	if (st != NULL && strcmp(st, "Normal") != 0) {
		xmlw_start(x, "w:pPr", (const char *)NULL);
		xmlw_void(x, "w:pStyle", "w:val", st, (const char *)NULL);
		xmlw_end(x);
	}
	if (d->in_cell)
		d->cell_paras++;
}

void
docx_para_end(struct docx *d)
{
	xmlw_end(&d->x);
}

void
docx_para(struct docx *d, const char *st, const char *text)
{
	docx_para_begin(d, st);
	docx_run(d, text, 0);
	docx_para_end(d);
}

void
docx_labelled(struct docx *d, const char *st, const char *label,
    const char *text)
{
	docx_para_begin(d, st);
	docx_run(d, label, 1);
	docx_run(d, ": ", 1);
	docx_run(d, text, 0);
	docx_para_end(d);
}

void
docx_paras(struct docx *d, const char *st, const char *text)
{
	const char	*p, *e;
	size_t		 len;

	for (p = text; p != NULL && *p != '\0'; p = *e != '\0' ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		len = (size_t)(e - p);
		while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		if (len == 0)
			continue;
		docx_para_begin(d, st);
		run_len(d, p, len, 0);
		docx_para_end(d);
	}
}

void
docx_heading(struct docx *d, int level, const char *text)
{
	static const char *const st[] = { "Heading1", "Heading2", "Heading3" };

	if (level < 1)
		level = 1;
	if (level > 3)
		level = 3;
	docx_para(d, st[level - 1], text);
}

void
docx_page_break(struct docx *d)
{
	struct xmlw *x = &d->x;

	xmlw_start(x, "w:p", (const char *)NULL);
	xmlw_start(x, "w:r", (const char *)NULL);
	xmlw_void(x, "w:br", "w:type", "page", (const char *)NULL);
	xmlw_end(x);
	xmlw_end(x);
}

/* A field character run: begin, separate or end. */
static void
fld_char(struct xmlw *x, const char *type)
{
	xmlw_start(x, "w:r", (const char *)NULL);
	xmlw_void(x, "w:fldChar", "w:fldCharType", type, "w:dirty",
	    strcmp(type, "begin") == 0 ? "true" : NULL, (const char *)NULL);
	xmlw_end(x);
}

void
docx_toc(struct docx *d)
{
	struct xmlw *x = &d->x;

	docx_para(d, "TOCHeading", "Innehåll");
	docx_para_begin(d, "TOC1");
	fld_char(x, "begin");
	xmlw_start(x, "w:r", (const char *)NULL);
	xmlw_elem(x, "w:instrText", " TOC \\o \"1-3\" \\h \\z \\u ",
	    "xml:space", "preserve", (const char *)NULL);
	xmlw_end(x);
	fld_char(x, "separate");
	docx_run(d, "Innehållsförteckningen fylls i när dokumentet öppnas "
	    "(i Word: högerklicka och välj Uppdatera fält).", 0);
	fld_char(x, "end");
	docx_para_end(d);
}

void
docx_table_begin(struct docx *d, size_t ncols, const double *cm,
    const char *const *heads)
{
	struct xmlw	*x = &d->x;
	char		 w[24], total[24];
	unsigned	 sum = 0;
	size_t		 i;

	if (ncols == 0 || ncols > DOCX_MAX_COLS) {
		x->failed = 1;
		return;
	}
	d->ncols = ncols;
	for (i = 0; i < ncols; i++) {
		d->widths[i] = (unsigned)(cm[i] * TWIPS_PER_CM + 0.5);
		sum += d->widths[i];
	}
	snprintf(total, sizeof(total), "%u", sum);
	xmlw_start(x, "w:tbl", (const char *)NULL);
	xmlw_start(x, "w:tblPr", (const char *)NULL);
	xmlw_void(x, "w:tblStyle", "w:val", "Tabell", (const char *)NULL);
	xmlw_void(x, "w:tblW", "w:w", total, "w:type", "dxa",
	    (const char *)NULL);
	xmlw_void(x, "w:tblLayout", "w:type", "fixed", (const char *)NULL);
	xmlw_void(x, "w:tblLook", "w:val", "04A0", "w:firstRow", "1",
	    "w:lastRow", "0", "w:firstColumn", "0", "w:lastColumn", "0",
	    "w:noHBand", "1", "w:noVBand", "1", (const char *)NULL);
	xmlw_end(x);
	xmlw_start(x, "w:tblGrid", (const char *)NULL);
	for (i = 0; i < ncols; i++) {
		snprintf(w, sizeof(w), "%u", d->widths[i]);
		xmlw_void(x, "w:gridCol", "w:w", w, (const char *)NULL);
	}
	xmlw_end(x);
	/* The header row, repeated at the top of every page the table
	 * runs onto; shaded in the cell too for readers that ignore the
	 * table style's first row. */
	xmlw_start(x, "w:tr", (const char *)NULL);
	xmlw_start(x, "w:trPr", (const char *)NULL);
	xmlw_void(x, "w:cantSplit", (const char *)NULL);
	xmlw_void(x, "w:tblHeader", (const char *)NULL);
	xmlw_end(x);
	for (i = 0; i < ncols; i++) {
		snprintf(w, sizeof(w), "%u", d->widths[i]);
		xmlw_start(x, "w:tc", (const char *)NULL);
		xmlw_start(x, "w:tcPr", (const char *)NULL);
		xmlw_void(x, "w:tcW", "w:w", w, "w:type", "dxa",
		    (const char *)NULL);
		xmlw_void(x, "w:shd", "w:val", "clear", "w:color", "auto",
		    "w:fill", "DFE6EC", (const char *)NULL);
		xmlw_end(x);
		docx_para(d, "TableHeading", heads[i]);
		xmlw_end(x);
	}
	xmlw_end(x);
}

void
docx_row_begin(struct docx *d)
{
	xmlw_start(&d->x, "w:tr", (const char *)NULL);
	xmlw_start(&d->x, "w:trPr", (const char *)NULL);
	xmlw_void(&d->x, "w:cantSplit", "w:val", "false", (const char *)NULL);
	xmlw_end(&d->x);
	d->col = 0;
}

void
docx_cell_begin(struct docx *d)
{
	struct xmlw	*x = &d->x;
	char		 w[24];

	if (d->ncols == 0) {	/* a cell outside a table */
		x->failed = 1;
		return;
	}
	snprintf(w, sizeof(w), "%u",
	    d->widths[d->col < d->ncols ? d->col : d->ncols - 1]);
	xmlw_start(x, "w:tc", (const char *)NULL);
	xmlw_start(x, "w:tcPr", (const char *)NULL);
	xmlw_void(x, "w:tcW", "w:w", w, "w:type", "dxa", (const char *)NULL);
	xmlw_end(x);
	d->in_cell = 1;
	d->cell_paras = 0;
}

void
docx_cell_end(struct docx *d)
{
	/* A cell must end with a paragraph. */
	if (d->cell_paras == 0)
		docx_para(d, "TableText", "");
	xmlw_end(&d->x);
	d->in_cell = 0;
	d->col++;
}

void
docx_cell(struct docx *d, const char *text)
{
	docx_cell_begin(d);
	docx_paras(d, "TableText", text);
	docx_cell_end(d);
}

void
docx_row_end(struct docx *d)
{
	xmlw_end(&d->x);
}

void
docx_table_end(struct docx *d)
{
	xmlw_end(&d->x);
	d->ncols = 0;
	/* Two tables in a row would merge: a paragraph between. */
	docx_para(d, "Normal", "");
}

int
docx_picture_path(const struct docx *d, char *out, size_t outsz)
{
	char name[64];

	snprintf(name, sizeof(name), "image%zu.png", d->npictures + 1);
	return part_path(d, name, out, outsz);
}

void
docx_picture(struct docx *d, double width_cm, double height_cm,
    const char *descr)
{
	struct xmlw	*x = &d->x;
	char		 cx[32], cy[32], id[32], rid[32], name[64];

	d->npictures++;
	snprintf(cx, sizeof(cx), "%ld", (long)(width_cm * EMU_PER_CM));
	snprintf(cy, sizeof(cy), "%ld", (long)(height_cm * EMU_PER_CM));
	snprintf(id, sizeof(id), "%zu", d->npictures);
	snprintf(rid, sizeof(rid), "rIdImage%zu", d->npictures);
	snprintf(name, sizeof(name), "image%zu.png", d->npictures);
	docx_para_begin(d, "Normal");
	xmlw_start(x, "w:r", (const char *)NULL);
	xmlw_start(x, "w:drawing", (const char *)NULL);
	xmlw_start(x, "wp:inline", "distT", "0", "distB", "0", "distL", "0",
	    "distR", "0", (const char *)NULL);
	xmlw_void(x, "wp:extent", "cx", cx, "cy", cy, (const char *)NULL);
	xmlw_void(x, "wp:docPr", "id", id, "name", name, "descr", descr,
	    (const char *)NULL);
	xmlw_start(x, "wp:cNvGraphicFramePr", (const char *)NULL);
	xmlw_void(x, "a:graphicFrameLocks", "noChangeAspect", "1",
	    (const char *)NULL);
	xmlw_end(x);
	xmlw_start(x, "a:graphic", (const char *)NULL);
	xmlw_start(x, "a:graphicData", "uri", NS_PIC, (const char *)NULL);
	xmlw_start(x, "pic:pic", (const char *)NULL);
	xmlw_start(x, "pic:nvPicPr", (const char *)NULL);
	xmlw_void(x, "pic:cNvPr", "id", id, "name", name, "descr", descr,
	    (const char *)NULL);
	xmlw_void(x, "pic:cNvPicPr", (const char *)NULL);
	xmlw_end(x);
	xmlw_start(x, "pic:blipFill", (const char *)NULL);
	xmlw_void(x, "a:blip", "r:embed", rid, (const char *)NULL);
	xmlw_start(x, "a:stretch", (const char *)NULL);
	xmlw_void(x, "a:fillRect", (const char *)NULL);
	xmlw_end(x);
	xmlw_end(x);
	xmlw_start(x, "pic:spPr", (const char *)NULL);
	xmlw_start(x, "a:xfrm", (const char *)NULL);
	xmlw_void(x, "a:off", "x", "0", "y", "0", (const char *)NULL);
	xmlw_void(x, "a:ext", "cx", cx, "cy", cy, (const char *)NULL);
	xmlw_end(x);
	xmlw_start(x, "a:prstGeom", "prst", "rect", (const char *)NULL);
	xmlw_void(x, "a:avLst", (const char *)NULL);
	xmlw_end(x);
	xmlw_end(x);	/* pic:spPr */
	xmlw_end(x);	/* pic:pic */
	xmlw_end(x);	/* a:graphicData */
	xmlw_end(x);	/* a:graphic */
	xmlw_end(x);	/* wp:inline */
	xmlw_end(x);	/* w:drawing */
	xmlw_end(x);	/* w:r */
	docx_para_end(d);
}

int
docx_open(struct docx *d, const struct export_sink *out, const char *title,
    const char *mark)
{
	struct xmlw	*x = &d->x;
	char		 path[512];
	time_t		 now = time(NULL);
	struct tm	 tm;

	memset(d, 0, sizeof(*d));
	d->out = out;
	snprintf(d->title, sizeof(d->title), "%s", title != NULL ? title : "");
	if (mark != NULL)
		snprintf(d->mark, sizeof(d->mark), "%s", mark);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(d->created, sizeof(d->created), "%Y-%m-%dT%H:%M:%SZ",
	    &tm) == 0)
		d->created[0] = '\0';
	if (export_workdir_make(d->dir, sizeof(d->dir), "docx") == -1)
		return -1;
	if (part_path(d, "document.xml", path, sizeof(path)) == -1 ||
	    (d->body = fopen(path, "w")) == NULL) {
		log_err("%s: %s", path, strerror(errno));
		return -1;
	}
	export_sink_file(&d->file, d->body);
	if (export_xmlw_open(x, &d->file) == -1)
		return -1;
	xmlw_raw(x, XML_DECL);
	xmlw_start(x, "w:document", "xmlns:w", NS_W, "xmlns:r", NS_R,
	    "xmlns:wp", NS_WP, "xmlns:a", NS_A, "xmlns:pic", NS_PIC,
	    (const char *)NULL);
	xmlw_start(x, "w:body", (const char *)NULL);
	return x->failed ? -1 : 0;
}

/* Writes a small fixed part from a string. */
static int
write_fixed(const struct docx *d, const char *name, const char *s)
{
	char	 path[512];
	FILE	*f;
	int	 rc;

	if (part_path(d, name, path, sizeof(path)) == -1 ||
	    (f = fopen(path, "w")) == NULL)
		return -1;
	rc = fputs(s, f) < 0 ? -1 : 0;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* Opens part name for writing through the escaping writer x. */
static FILE *
part_open(const struct docx *d, const char *name, struct export_sink *s,
    struct xmlw *x)
{
	char	 path[512];
	FILE	*f;

	if (part_path(d, name, path, sizeof(path)) == -1 ||
	    (f = fopen(path, "w")) == NULL)
		return NULL;
	export_sink_file(s, f);
	if (export_xmlw_open(x, s) == -1) {
		fclose(f);
		return NULL;
	}
	xmlw_raw(x, XML_DECL);
	return f;
}

/* Closes what part_open opened: 0 or -1. */
static int
part_close(FILE *f, struct xmlw *x)
{
	int rc;

	xmlw_raw(x, "\n");
	rc = xmlw_close(x);
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* The header with the mark, core.xml, the content types and the
 * document's relationships: the parts that depend on the document. */
static int
write_parts(struct docx *d)
{
	struct export_sink	 s;
	struct xmlw		 x;
	FILE			*f;
	char			 id[32], target[64];
	size_t			 i;

	if (d->mark[0] != '\0') {
		if ((f = part_open(d, "header1.xml", &s, &x)) == NULL)
			return -1;
		xmlw_start(&x, "w:hdr", "xmlns:w", NS_W, (const char *)NULL);
		xmlw_start(&x, "w:p", (const char *)NULL);
		xmlw_start(&x, "w:pPr", (const char *)NULL);
		xmlw_void(&x, "w:pStyle", "w:val", "Header", (const char *)NULL);
		xmlw_end(&x);
		xmlw_start(&x, "w:r", (const char *)NULL);
		xmlw_elem(&x, "w:t", d->mark, (const char *)NULL);
		xmlw_end(&x);
		xmlw_end(&x);
		xmlw_end(&x);
		if (part_close(f, &x) == -1)
			return -1;
	}
	if ((f = part_open(d, "core.xml", &s, &x)) == NULL)
		return -1;
	xmlw_start(&x, "cp:coreProperties", "xmlns:cp",
	    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
	    "xmlns:dc", "http://purl.org/dc/elements/1.1/",
	    "xmlns:dcterms", "http://purl.org/dc/terms/",
	    "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
	    (const char *)NULL);
	xmlw_elem(&x, "dc:title", d->title, (const char *)NULL);
	xmlw_elem(&x, "dc:language", "sv-SE", (const char *)NULL);
	xmlw_elem(&x, "dc:creator", PACKAGE_NAME, (const char *)NULL);
	if (d->created[0] != '\0') {
		xmlw_elem(&x, "dcterms:created", d->created, "xsi:type",
		    "dcterms:W3CDTF", (const char *)NULL);
		xmlw_elem(&x, "dcterms:modified", d->created, "xsi:type",
		    "dcterms:W3CDTF", (const char *)NULL);
	}
	xmlw_end(&x);
	if (part_close(f, &x) == -1)
		return -1;

	if ((f = part_open(d, "content_types.xml", &s, &x)) == NULL)
		return -1;
	xmlw_start(&x, "Types", "xmlns",
	    "http://schemas.openxmlformats.org/package/2006/content-types",
	    (const char *)NULL);
	xmlw_void(&x, "Default", "Extension", "rels", "ContentType",
	    "application/vnd.openxmlformats-package.relationships+xml",
	    (const char *)NULL);
	xmlw_void(&x, "Default", "Extension", "xml", "ContentType",
	    "application/xml", (const char *)NULL);
	xmlw_void(&x, "Default", "Extension", "png", "ContentType",
	    "image/png", (const char *)NULL);
	xmlw_void(&x, "Override", "PartName", "/word/document.xml",
	    "ContentType", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.document.main+xml", (const char *)NULL);
	xmlw_void(&x, "Override", "PartName", "/word/styles.xml",
	    "ContentType", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.styles+xml", (const char *)NULL);
	xmlw_void(&x, "Override", "PartName", "/word/settings.xml",
	    "ContentType", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.settings+xml", (const char *)NULL);
	xmlw_void(&x, "Override", "PartName", "/word/footer1.xml",
	    "ContentType", "application/vnd.openxmlformats-officedocument."
	    "wordprocessingml.footer+xml", (const char *)NULL);
	if (d->mark[0] != '\0')
		xmlw_void(&x, "Override", "PartName", "/word/header1.xml",
		    "ContentType", "application/vnd.openxmlformats-"
		    "officedocument.wordprocessingml.header+xml",
		    (const char *)NULL);
	xmlw_void(&x, "Override", "PartName", "/docProps/core.xml",
	    "ContentType", "application/vnd.openxmlformats-package."
	    "core-properties+xml", (const char *)NULL);
	xmlw_void(&x, "Override", "PartName", "/docProps/app.xml",
	    "ContentType", "application/vnd.openxmlformats-officedocument."
	    "extended-properties+xml", (const char *)NULL);
	xmlw_end(&x);
	if (part_close(f, &x) == -1)
		return -1;

	if ((f = part_open(d, "document.rels", &s, &x)) == NULL)
		return -1;
	xmlw_start(&x, "Relationships", "xmlns",
	    "http://schemas.openxmlformats.org/package/2006/relationships",
	    (const char *)NULL);
	xmlw_void(&x, "Relationship", "Id", "rIdStyles", "Type", REL "/styles",
	    "Target", "styles.xml", (const char *)NULL);
	xmlw_void(&x, "Relationship", "Id", "rIdSettings", "Type",
	    REL "/settings", "Target", "settings.xml", (const char *)NULL);
	xmlw_void(&x, "Relationship", "Id", "rIdFooter1", "Type",
	    REL "/footer", "Target", "footer1.xml", (const char *)NULL);
	if (d->mark[0] != '\0')
		xmlw_void(&x, "Relationship", "Id", "rIdHeader1", "Type",
		    REL "/header", "Target", "header1.xml", (const char *)NULL);
	for (i = 1; i <= d->npictures; i++) {
		snprintf(id, sizeof(id), "rIdImage%zu", i);
		snprintf(target, sizeof(target), "media/image%zu.png", i);
		xmlw_void(&x, "Relationship", "Id", id, "Type", REL "/image",
		    "Target", target, (const char *)NULL);
	}
	xmlw_end(&x);
	return part_close(f, &x);
}

/* Adds the file name (in the private dir) as entry in z. */
static int
add_file(const struct docx *d, zip_t *z, const char *entry, const char *name)
{
	char		 path[512];
	zip_source_t	*src;

	if (part_path(d, name, path, sizeof(path)) == -1 ||
	    (src = zip_source_file(z, path, 0, -1)) == NULL)
		return -1;
	if (zip_file_add(z, entry, src, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(src);
		return -1;
	}
	return 0;
}

/* Builds the package as out.docx in the private dir. */
static int
zip_package(const struct docx *d)
{
	static const struct {
		const char *entry, *name;
	} fixed[] = {
		{ "[Content_Types].xml", "content_types.xml" },
		{ "_rels/.rels", "root.rels" },
		{ "word/document.xml", "document.xml" },
		{ "word/_rels/document.xml.rels", "document.rels" },
		{ "word/styles.xml", "styles.xml" },
		{ "word/settings.xml", "settings.xml" },
		{ "word/footer1.xml", "footer1.xml" },
		{ "docProps/core.xml", "core.xml" },
		{ "docProps/app.xml", "app.xml" },
	};
	char		 path[512], entry[96], name[64];
	zip_t		*z;
	size_t		 i;
	int		 err;

	if (part_path(d, "out.docx", path, sizeof(path)) == -1 ||
	    (z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL)
		return -1;
	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (add_file(d, z, fixed[i].entry, fixed[i].name) == -1)
			goto err;
	if (d->mark[0] != '\0' &&
	    add_file(d, z, "word/header1.xml", "header1.xml") == -1)
		goto err;
	for (i = 1; i <= d->npictures; i++) {
		snprintf(name, sizeof(name), "image%zu.png", i);
		snprintf(entry, sizeof(entry), "word/media/%s", name);
		if (add_file(d, z, entry, name) == -1)
			goto err;
	}
	if (zip_close(z) < 0) {
		log_err("zip_close: %s", zip_strerror(z));
		zip_discard(z);
		return -1;
	}
	return 0;
err:
	log_err("%s", zip_strerror(z));
	zip_discard(z);
	return -1;
}

/* Copies the package to the sink. */
static int
send_package(const struct docx *d)
{
	char path[512];

	if (part_path(d, "out.docx", path, sizeof(path)) == -1)
		return -1;
	return export_put_file(d->out, path);
}

int
docx_close(struct docx *d)
{
	struct xmlw	*x = &d->x;
	int		 rc;

	if (d->body == NULL || x->w == NULL)
		return -1;
	/* The section: A4 portrait, the margins of the ODT export, the
	 * footer with the page numbers and the header with the mark. */
	xmlw_start(x, "w:sectPr", (const char *)NULL);
	if (d->mark[0] != '\0')
		xmlw_void(x, "w:headerReference", "w:type", "default", "r:id",
		    "rIdHeader1", (const char *)NULL);
	xmlw_void(x, "w:footerReference", "w:type", "default", "r:id",
	    "rIdFooter1", (const char *)NULL);
	xmlw_void(x, "w:pgSz", "w:w", "11906", "w:h", "16838",
	    (const char *)NULL);
	xmlw_void(x, "w:pgMar", "w:top", "1134", "w:right", "1134",
	    "w:bottom", "1134", "w:left", "1418", "w:header", "567",
	    "w:footer", "567", "w:gutter", "0", (const char *)NULL);
	xmlw_end(x);
	xmlw_end(x);	/* w:body */
	xmlw_end(x);	/* w:document */
	xmlw_raw(x, "\n");
	rc = xmlw_close(x);
	if (fclose(d->body) != 0)
		rc = -1;
	d->body = NULL;
	if (rc == -1 ||
	    write_fixed(d, "styles.xml", styles_xml) == -1 ||
	    write_fixed(d, "settings.xml", settings_xml) == -1 ||
	    write_fixed(d, "footer1.xml", footer_xml) == -1 ||
	    write_fixed(d, "root.rels", root_rels) == -1 ||
	    write_fixed(d, "app.xml", app_xml) == -1 ||
	    write_parts(d) == -1 || zip_package(d) == -1) {
		log_err("the Word document could not be written");
		return -1;
	}
	return send_package(d);
}

void
docx_cleanup(struct docx *d)
{
	if (d->x.w != NULL)
		xmlw_close(&d->x);
	if (d->body != NULL) {
		fclose(d->body);
		d->body = NULL;
	}
	export_workdir_remove(d->dir);
}
