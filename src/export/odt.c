/* odt.c: the OpenDocument text export: content.xml streamed to a private file, then zipped with libzip. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "core/remiss_docs.h"
#include "core/remiss_rules.h"
#include "export/chart.h"
#include "export/odt.h"
#include "export/workdir.h"
#include "log.h"
#include "util/arena.h"
#include "views/dates.h"

/* Sections per chart picture, so that each fits on a page. */
#define CHART_ROWS	30
#define MAX_CHARTS	400

static const char mimetype[] = "application/vnd.oasis.opendocument.text";

/* The named styles: A4, Garamond-like body and Arial headings, page
 * numbers in the footer, as Swedish authorities' documents look. No
 * outside data goes in here. */
static const char styles_xml[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<office:document-styles"
" xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
" office:version=\"1.2\">"
"<office:font-face-decls>"
"<style:font-face style:name=\"Garamond\" svg:font-family=\"Garamond, 'Times New Roman', serif\" style:font-family-generic=\"roman\"/>"
"<style:font-face style:name=\"Arial\" svg:font-family=\"Arial, Helvetica, sans-serif\" style:font-family-generic=\"swiss\"/>"
"</office:font-face-decls>"
"<office:styles>"
"<style:default-style style:family=\"paragraph\">"
"<style:paragraph-properties fo:hyphenation-ladder-count=\"no-limit\"/>"
"<style:text-properties style:font-name=\"Garamond\" fo:font-size=\"12pt\" fo:language=\"sv\" fo:country=\"SE\" fo:hyphenate=\"true\"/>"
"</style:default-style>"
"<style:style style:name=\"Standard\" style:family=\"paragraph\">"
"<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\" fo:line-height=\"115%\"/>"
"</style:style>"
"<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
"<style:paragraph-properties fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.2cm\" fo:keep-with-next=\"always\"/>"
"<style:text-properties style:font-name=\"Arial\" fo:font-weight=\"bold\"/>"
"</style:style>"
"<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:default-outline-level=\"1\">"
"<style:text-properties fo:font-size=\"16pt\"/>"
"</style:style>"
"<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:default-outline-level=\"2\">"
"<style:text-properties fo:font-size=\"13pt\"/>"
"</style:style>"
"<style:style style:name=\"Heading_20_3\" style:display-name=\"Heading 3\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:default-outline-level=\"3\">"
"<style:text-properties fo:font-size=\"11pt\"/>"
"</style:style>"
"<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Heading\">"
"<style:paragraph-properties fo:margin-top=\"6cm\" fo:margin-bottom=\"0.6cm\"/>"
"<style:text-properties fo:font-size=\"26pt\"/>"
"</style:style>"
"<style:style style:name=\"Subtitle\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
"<style:paragraph-properties fo:margin-bottom=\"1.2cm\"/>"
"<style:text-properties fo:font-size=\"16pt\"/>"
"</style:style>"
"<style:style style:name=\"Avsandare\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
"<style:text-properties style:font-name=\"Arial\" fo:font-size=\"10pt\" fo:text-transform=\"uppercase\" fo:letter-spacing=\"0.05cm\"/>"
"</style:style>"
"<style:style style:name=\"Faltrubrik\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
"<style:paragraph-properties fo:margin-top=\"0.15cm\" fo:margin-bottom=\"0cm\"/>"
"<style:text-properties style:font-name=\"Arial\" fo:font-size=\"9pt\" fo:font-weight=\"bold\"/>"
"</style:style>"
"<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
"<style:text-properties fo:font-size=\"10pt\"/>"
"</style:style>"
"<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\">"
"<style:text-properties style:font-name=\"Arial\" fo:font-weight=\"bold\"/>"
"</style:style>"
"<style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
"<style:paragraph-properties fo:text-align=\"center\"/>"
"<style:text-properties style:font-name=\"Arial\" fo:font-size=\"9pt\"/>"
"</style:style>"
"</office:styles>"
"<office:automatic-styles>"
"<style:page-layout style:name=\"A4\">"
"<style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" style:print-orientation=\"portrait\""
" fo:margin-top=\"2cm\" fo:margin-bottom=\"1.5cm\" fo:margin-left=\"2.5cm\" fo:margin-right=\"2cm\"/>"
"<style:footer-style><style:header-footer-properties fo:min-height=\"0.8cm\" fo:margin-top=\"0.4cm\"/></style:footer-style>"
"</style:page-layout>"
"</office:automatic-styles>"
"<office:master-styles>"
"<style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\">"
"<style:footer><text:p text:style-name=\"Footer\">Sida <text:page-number text:select-page=\"current\">1</text:page-number> av <text:page-count>1</text:page-count></text:p></style:footer>"
"</style:master-page>"
"</office:master-styles>"
"</office:document-styles>\n";

/* Automatic styles of content.xml: page breaks, tables and cells. */
static const char auto_styles[] =
"<office:automatic-styles>"
"<style:style style:name=\"Hbreak\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\">"
"<style:paragraph-properties fo:break-before=\"page\"/>"
"</style:style>"
"<style:style style:name=\"Tbl\" style:family=\"table\">"
"<style:table-properties style:width=\"16.5cm\" table:align=\"left\" fo:margin-top=\"0.2cm\" fo:margin-bottom=\"0.3cm\"/>"
"</style:style>"
"<style:style style:name=\"ColName\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"4cm\"/></style:style>"
"<style:style style:name=\"ColPos\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"3.3cm\"/></style:style>"
"<style:style style:name=\"ColText\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"9.2cm\"/></style:style>"
"<style:style style:name=\"ColKind\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"2cm\"/></style:style>"
"<style:style style:name=\"ColWhen\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"4.2cm\"/></style:style>"
"<style:style style:name=\"ColNum\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"3cm\"/></style:style>"
"<style:style style:name=\"Cell\" style:family=\"table-cell\">"
"<style:table-cell-properties fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #000000\"/>"
"</style:style>"
"<style:style style:name=\"HeadCell\" style:family=\"table-cell\">"
"<style:table-cell-properties fo:padding=\"0.08cm\" fo:border=\"0.5pt solid #000000\" fo:background-color=\"#dfe6ec\"/>"
"</style:style>"
"<style:style style:name=\"Chart\" style:family=\"graphic\">"
"<style:graphic-properties style:wrap=\"none\" style:vertical-pos=\"top\" style:horizontal-pos=\"center\"/>"
"</style:style>"
"</office:automatic-styles>";

/* A path in the private directory. */
static int
part_path(const struct odt *o, const char *name, char *out, size_t outsz)
{
	return (size_t)snprintf(out, outsz, "%s/%s", o->dir, name) >= outsz ?
	    -1 : 0;
}

/* One paragraph of style st with text s. */
static void
para(struct xmlw *x, const char *st, const char *s)
{
	xmlw_elem(x, "text:p", s, "text:style-name", st, (const char *)NULL);
}

static void
heading(struct xmlw *x, const char *st, const char *level, const char *s)
{
	xmlw_elem(x, "text:h", s, "text:style-name", st, "text:outline-level",
	    level, (const char *)NULL);
}

/* A cell holding paragraphs of text. */
static void
cell(struct xmlw *x, const char *cst, const char *pst, const char *s)
{
	xmlw_start(x, "table:table-cell", "table:style-name", cst,
	    "office:value-type", "string", (const char *)NULL);
	para(x, pst, s);
	xmlw_end(x);
}

/* Starts a table with columns of the given styles (NULL-terminated)
 * and a header row of the given texts (same count). */
static void
table_start(struct xmlw *x, const char *name, const char *const *cols,
    const char *const *heads)
{
	size_t i;

	xmlw_start(x, "table:table", "table:name", name, "table:style-name",
	    "Tbl", (const char *)NULL);
	for (i = 0; cols[i] != NULL; i++)
		xmlw_void(x, "table:table-column", "table:style-name", cols[i],
		    (const char *)NULL);
	xmlw_start(x, "table:table-header-rows", (const char *)NULL);
	xmlw_start(x, "table:table-row", (const char *)NULL);
	for (i = 0; cols[i] != NULL; i++)
		cell(x, "HeadCell", "Table_20_Heading", heads[i]);
	xmlw_end(x);
	xmlw_end(x);
}

/* Writes Pictures/diagram-N.svg for sections [from, from + n). */
static int
write_chart(struct odt *o, const struct export_head *h, size_t from,
    size_t n, char *name, size_t namesz)
{
	char			 path[512];
	FILE			*f;
	struct export_sink	 s;
	struct xmlw		 x;
	int			 rc = -1;

	snprintf(name, namesz, "Pictures/diagram-%zu.svg", o->ncharts + 1);
	if (part_path(o, name + strlen("Pictures/"), path, sizeof(path)) == -1 ||
	    (f = fopen(path, "w")) == NULL)
		return -1;
	export_sink_file(&s, f);
	if (export_xmlw_open(&x, &s) == 0) {
		xmlw_raw(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		if (chart_svg(x.w, h->sections + from, n, h->nanswered) == -1)
			x.failed = 1;
		xmlw_raw(&x, "\n");
		rc = xmlw_close(&x);
	}
	if (fclose(f) != 0)
		rc = -1;
	if (rc == 0)
		o->ncharts++;
	return rc;
}

/* The chart pictures and their frames, CHART_ROWS sections each. */
static int
charts(struct odt *o, const struct export_head *h)
{
	struct xmlw	*x = &o->x;
	char		 name[64], height[32];
	size_t		 from, n;

	for (from = 0; from < h->nsections && o->ncharts < MAX_CHARTS;
	    from += CHART_ROWS) {
		n = h->nsections - from < CHART_ROWS ? h->nsections - from :
		    CHART_ROWS;
		if (write_chart(o, h, from, n, name, sizeof(name)) == -1)
			return -1;
		/* The picture is 800 px wide, 44 + 22 per row + 10 high,
		 * shown 16.5 cm wide. */
		snprintf(height, sizeof(height), "%.2fcm",
		    (double)(54 + 22 * n) * 16.5 / 800.0);
		xmlw_start(x, "text:p", "text:style-name", "Standard",
		    (const char *)NULL);
		xmlw_start(x, "draw:frame", "draw:style-name", "Chart",
		    "draw:name", name, "text:anchor-type", "as-char",
		    "svg:width", "16.5cm", "svg:height", height,
		    (const char *)NULL);
		xmlw_void(x, "draw:image", "xlink:href", name, "xlink:type",
		    "simple", "xlink:show", "embed", "xlink:actuate", "onLoad",
		    (const char *)NULL);
		xmlw_end(x);
		xmlw_end(x);
	}
	return 0;
}

static int
odt_begin(void *w, const struct export_head *h)
{
	static const char *const ocols[] = { "ColName", "ColKind", "ColWhen",
	    "ColPos", "ColNum", NULL };
	static const char *const oheads[] = { "Remissinstans", "Typ",
	    "Svar mottaget", "Ställningstagande", "Kvittens" };
	struct odt		*o = w;
	struct xmlw		*x = &o->x;
	struct arena		*a = NULL;
	char			 path[512], n1[32], n2[32];
	size_t			 i;
	int			 rc = -1;

	if (export_workdir_make(o->dir, sizeof(o->dir), "odt") == -1)
		return -1;
	snprintf(o->title, sizeof(o->title), "Remissammanställning: %s",
	    h->title);
	if (part_path(o, "content.xml", path, sizeof(path)) == -1 ||
	    (o->content = fopen(path, "w")) == NULL)
		return -1;
	export_sink_file(&o->file, o->content);
	if ((a = arena_new()) == NULL || export_xmlw_open(x, &o->file) == -1)
		goto out;
	xmlw_raw(x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	xmlw_start(x, "office:document-content",
	    "xmlns:office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
	    "xmlns:style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
	    "xmlns:text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
	    "xmlns:table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
	    "xmlns:draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
	    "xmlns:fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
	    "xmlns:svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
	    "xmlns:xlink", "http://www.w3.org/1999/xlink",
	    "office:version", "1.2", (const char *)NULL);
	xmlw_raw(x, auto_styles);
	xmlw_start(x, "office:body", (const char *)NULL);
	xmlw_start(x, "office:text", (const char *)NULL);

	/* Title page. */
	para(x, "Avsandare", h->sender);
	para(x, "Title", "Remissammanställning");
	para(x, "Subtitle", h->title);
	if (h->diarienummer[0] != '\0')
		para(x, "Standard", arena_printf(a, "Diarienummer: %s",
		    h->diarienummer));
	para(x, "Standard", arena_printf(a, "Remisstid: %s – %s",
	    date_sv_in(a, h->opens), date_sv_in(a, h->closes)));
	snprintf(n1, sizeof(n1), "%zu", h->nanswered);
	snprintf(n2, sizeof(n2), "%zu", h->norgs);
	para(x, "Standard", arena_printf(a, "Remissinstanser: %s av %s har "
	    "svarat", n1, n2));
	para(x, "Standard", arena_printf(a, "Sammanställd %s",
	    iso_datetime_sv_in(a, h->created)));

	/* The remissinstanser. */
	heading(x, "Hbreak", "1", "Remissinstanser");
	table_start(x, "Remissinstanser", ocols, oheads);
	for (i = 0; i < h->norgs; i++) {
		const struct export_org *g = &h->orgs[i];
		int answered = g->version[0] != '\0';

		xmlw_start(x, "table:table-row", (const char *)NULL);
		cell(x, "Cell", "Table_20_Contents", g->name);
		cell(x, "Cell", "Table_20_Contents", export_kind_sv(g->kind));
		cell(x, "Cell", "Table_20_Contents", export_org_when_sv(a, g));
		cell(x, "Cell", "Table_20_Contents", answered ?
		    export_position_sv(g->position) : "");
		cell(x, "Cell", "Table_20_Contents", answered ? g->receipt : "");
		xmlw_end(x);
	}
	xmlw_end(x);

	/* The remiss's own documents, with their SHA-256. */
	if (h->ndocs > 0) {
		heading(x, "Heading_20_1", "1", "Remisshandlingar");
		for (i = 0; i < h->ndocs; i++)
			para(x, "Standard", export_doc_line(a, &h->docs[i]));
	}

	/* The chart of every section. */
	heading(x, "Hbreak", "1", "Ställningstaganden per avsnitt");
	para(x, "Standard", "Antal remissinstanser per ställningstagande och "
	    "avsnitt. Antalen står också i text vid varje stapel och i "
	    "varje avsnitt.");
	if (!x->failed && charts(o, h) == -1)
		goto out;
	rc = x->failed ? -1 : 0;
out:
	arena_free(a);
	return rc;
}

/* A labelled text of an answer, as paragraphs in the current cell. */
static void
field(struct xmlw *x, const char *name, const char *text)
{
	if (text[0] == '\0')
		return;
	para(x, "Faltrubrik", name);
	xmlw_paras(x, "text:p", "text:style-name", "Table_20_Contents", text);
}

/* An answer's comment, its labelled texts and its themes, as paragraphs in
 * the current cell. */
static void
answer_texts(struct xmlw *x, const struct export_answer *an)
{
	const char	*label_sv, *text;
	size_t		 k;

	xmlw_paras(x, "text:p", "text:style-name", "Table_20_Contents",
	    an->comment);
	for (k = 0; k < EXPORT_ANSWER_FIELDS; k++) {
		text = export_answer_field(an, k, &label_sv);
		field(x, label_sv, text);
	}
	if (an->themes[0] != '\0')
		field(x, "Teman", an->themes);
}

/* A summary's text and the answers it rests on (refs, "" for none). */
static void
summary(struct xmlw *x, const char *text, const char *refs)
{
	xmlw_paras(x, "text:p", "text:style-name", "Standard", text);
	if (refs[0] != '\0') {
		xmlw_start(x, "text:p", "text:style-name", "Faltrubrik",
		    (const char *)NULL);
		xmlw_text(x, "Bygger på svaren från ");
		xmlw_text(x, refs);
		xmlw_end(x);
	}
}

/* The section's beslutsförslag: decision, revised text, motivation. */
static void
decision(struct xmlw *x, const struct export_section *s)
{
	char title[EXPORT_DECISION_TITLE];

	if (s->decision[0] == '\0')
		return;
	heading(x, "Heading_20_2", "2", export_decision_title_sv(s, title));
	if (strcmp(s->decision, "andrad") == 0) {
		para(x, "Faltrubrik", "Ny lydelse");
		xmlw_paras(x, "text:p", "text:style-name", "Standard",
		    s->decision_text);
	}
	if (s->decision_motivation[0] != '\0') {
		para(x, "Faltrubrik", "Motivering");
		xmlw_paras(x, "text:p", "text:style-name", "Standard",
		    s->decision_motivation);
	}
}

static int
odt_new_sections(void *w, const struct export_head *h,
    const struct export_new_section *ns, size_t n)
{
	struct odt	*o = w;
	struct xmlw	*x = &o->x;
	char		 title[600];
	size_t		 i;

	(void)h;
	for (i = 0; i < n; i++) {
		snprintf(title, sizeof(title), "%s %s", ns[i].nr, ns[i].heading);
		heading(x, "Hbreak", "1", title);
		heading(x, "Heading_20_2", "2",
		    export_new_section_title_sv(&ns[i]));
		xmlw_paras(x, "text:p", "text:style-name", "Standard", ns[i].text);
		if (ns[i].motivation[0] != '\0') {
			para(x, "Faltrubrik", "Motivering");
			xmlw_paras(x, "text:p", "text:style-name", "Standard",
			    ns[i].motivation);
		}
	}
	return x->failed ? -1 : 0;
}

/* The questions and every organisation's answer to each; tables are
 * named PREFIX-fraga-N (names must be unique in a document). */
static void
questions(struct xmlw *x, const char *prefix, const struct export_question *q,
    size_t n)
{
	static const char *const cols[] = { "ColName", "ColText", NULL };
	static const char *const heads[] = { "Remissinstans", "Svar" };
	struct arena	*a;
	const char	*title;
	char		 tname[96];
	size_t		 i, k;

	/* A question's text may be 10 000 characters: no fixed buffer. */
	if ((a = arena_new()) == NULL) {
		x->failed = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		const char *kind = rules_question_kind_sv(q[i].kind);

		if ((title = export_question_title_sv(a, &q[i])) == NULL) {
			x->failed = 1;
			break;
		}
		heading(x, "Heading_20_3", "3", title);
		if (kind != NULL)
			para(x, "Faltrubrik", arena_printf(a, "Typ av fråga: %s",
			    kind));
		if (q[i].nanswers == 0) {
			para(x, "Standard", "Ingen remissinstans har svarat på "
			    "frågan.");
			continue;
		}
		snprintf(tname, sizeof(tname), "%s-fraga-%zu", prefix, i + 1);
		table_start(x, tname, cols, heads);
		for (k = 0; k < q[i].nanswers; k++) {
			const struct export_answer *an =
			    &q[i].answers[k];

			xmlw_start(x, "table:table-row", (const char *)NULL);
			cell(x, "Cell", "Table_20_Contents", an->org->name);
			xmlw_start(x, "table:table-cell", "table:style-name",
			    "Cell", "office:value-type", "string",
			    (const char *)NULL);
			if (an->position != POS_NONE)
				para(x, "Table_20_Contents",
				    export_position_sv(an->position));
			answer_texts(x, an);
			if (an->position == POS_NONE && an->comment[0] == '\0')
				para(x, "Table_20_Contents", "");
			xmlw_end(x);
			xmlw_end(x);
		}
		xmlw_end(x);
	}
	arena_free(a);
}

/* The dialogmöten a section is linked to. */
static void
meeting_refs(struct xmlw *x, const struct export_section *s)
{
	struct arena	*a;
	size_t		 i;

	if (s->nmeetings == 0)
		return;
	if ((a = arena_new()) == NULL) {
		x->failed = 1;
		return;
	}
	heading(x, "Heading_20_2", "2", "Dialogmöten om avsnittet");
	for (i = 0; i < s->nmeetings; i++) {
		const struct export_meeting_ref *m = &s->meetings[i];

		para(x, "Standard", export_meeting_ref_text(a, m));
	}
	para(x, "Faltrubrik", "Anteckningarna finns i kapitlet Dialogmöten.");
	arena_free(a);
}

static int
odt_section(void *w, const struct export_head *h,
    const struct export_section *s)
{
	static const char *const cols[] = { "ColName", "ColPos", "ColText",
	    NULL };
	static const char *const heads[] = { "Remissinstans",
	    "Ställningstagande", "Synpunkter" };
	struct odt	*o = w;
	struct xmlw	*x = &o->x;
	char		 counts[256], title[600], tname[64];
	size_t		 i;

	(void)h;
	snprintf(title, sizeof(title), "%s %s", s->head->nr, s->head->heading);
	heading(x, "Hbreak", "1", title);
	chart_counts_text(&s->head->counts, counts, sizeof(counts));
	para(x, "Faltrubrik", "Ställningstaganden");
	para(x, "Standard", counts);
	if (s->body[0] != '\0') {
		heading(x, "Heading_20_2", "2", "Förslaget");
		xmlw_paras(x, "text:p", "text:style-name", "Standard", s->body);
	}
	if (s->summary[0] != '\0') {
		heading(x, "Heading_20_2", "2", "Sammanfattning");
		summary(x, s->summary, s->summary_refs);
	}
	decision(x, s);
	heading(x, "Heading_20_2", "2", "Remissinstansernas svar");
	if (s->nanswers == 0) {
		para(x, "Standard", "Inga remissinstanser har svarat på "
		    "avsnittet.");
		goto more;
	}
	snprintf(tname, sizeof(tname), "Avsnitt%zu", s->index + 1);
	table_start(x, tname, cols, heads);
	for (i = 0; i < s->nanswers; i++) {
		const struct export_answer *an = &s->answers[i];

		xmlw_start(x, "table:table-row", (const char *)NULL);
		cell(x, "Cell", "Table_20_Contents", an->org->name);
		cell(x, "Cell", "Table_20_Contents",
		    export_position_sv(an->position));
		xmlw_start(x, "table:table-cell", "table:style-name", "Cell",
		    "office:value-type", "string", (const char *)NULL);
		answer_texts(x, an);
		/* A cell must hold at least one paragraph. */
		if (an->comment[0] == '\0')
			para(x, "Table_20_Contents", "");
		xmlw_end(x);
		xmlw_end(x);
	}
	xmlw_end(x);
more:
	if (s->nquestions > 0) {
		heading(x, "Heading_20_2", "2", "Frågor om avsnittet");
		snprintf(tname, sizeof(tname), "Avsnitt%zu", s->index + 1);
		questions(x, tname, s->questions, s->nquestions);
	}
	meeting_refs(x, s);
	return x->failed ? -1 : 0;
}

static int
odt_questions_overall(void *w, const struct export_head *h,
    const struct export_question *q, size_t n)
{
	struct odt	*o = w;
	struct xmlw	*x = &o->x;

	(void)h;
	if (n == 0)
		return 0;
	heading(x, "Hbreak", "1", "Frågor om remissen som helhet");
	questions(x, "Remissen", q, n);
	return x->failed ? -1 : 0;
}

static int
odt_meetings(void *w, const struct export_head *h,
    const struct export_meeting *m, size_t n)
{
	struct odt	*o = w;
	struct xmlw	*x = &o->x;
	struct arena	*a;
	size_t		 i, k;

	(void)h;
	if (n == 0)
		return 0;
	if ((a = arena_new()) == NULL)
		return -1;
	heading(x, "Hbreak", "1", "Dialogmöten");
	for (i = 0; i < n; i++) {
		heading(x, "Heading_20_2", "2",
		    export_meeting_heading(a, &m[i]));
		para(x, "Faltrubrik", "Datum");
		para(x, "Standard", date_sv_in(a, m[i].held_on));
		if (m[i].place[0] != '\0') {
			para(x, "Faltrubrik", "Plats");
			para(x, "Standard", m[i].place);
		}
		para(x, "Faltrubrik", "Organisationer");
		para(x, "Standard",
		    export_names_joined(a, m[i].orgs, m[i].norgs));
		if (m[i].nsections > 0) {
			para(x, "Faltrubrik", "Avsnitt");
			for (k = 0; k < m[i].nsections; k++)
				para(x, "Standard",
				    export_meeting_section_sv(a, &m[i], k));
		}
		if (m[i].nthemes > 0) {
			para(x, "Faltrubrik", "Teman");
			para(x, "Standard", export_names_joined(a,
			    m[i].themes, m[i].nthemes));
		}
		if (m[i].nparticipants > 0) {
			para(x, "Faltrubrik", "Deltagare");
			for (k = 0; k < m[i].nparticipants; k++)
				para(x, "Standard", export_participant_sv(a,
				    &m[i].participants[k]));
		}
		if (m[i].notes[0] != '\0') {
			para(x, "Faltrubrik", "Anteckningar");
			xmlw_paras(x, "text:p", "text:style-name", "Standard",
			    m[i].notes);
		}
	}
	arena_free(a);
	return x->failed ? -1 : 0;
}

static int
odt_themes(void *w, const struct export_head *h,
    const struct export_theme *t, size_t n)
{
	static const char *const cols[] = { "ColName", "ColText", "ColKind",
	    NULL };
	static const char *const heads[] = { "Tema", "Beskrivning", "Svar" };
	struct odt	*o = w;
	struct xmlw	*x = &o->x;
	char		 name[500];
	size_t		 i;

	(void)h;
	if (n == 0)
		return 0;
	heading(x, "Hbreak", "1", "Teman och deras sammanfattningar");
	table_start(x, "Teman", cols, heads);
	for (i = 0; i < n; i++) {
		if (t[i].parent[0] != '\0')
			snprintf(name, sizeof(name), "%s › %s", t[i].parent,
			    t[i].name);
		else
			snprintf(name, sizeof(name), "%s", t[i].name);
		xmlw_start(x, "table:table-row", (const char *)NULL);
		cell(x, "Cell", "Table_20_Contents", name);
		cell(x, "Cell", "Table_20_Contents", t[i].description);
		cell(x, "Cell", "Table_20_Contents", t[i].answers);
		xmlw_end(x);
	}
	xmlw_end(x);
	for (i = 0; i < n; i++) {
		if (t[i].summary[0] == '\0')
			continue;
		heading(x, "Heading_20_2", "2", t[i].name);
		summary(x, t[i].summary, t[i].summary_refs);
	}
	return x->failed ? -1 : 0;
}

/* Writes a small part from a string. */
static int
write_file(const struct odt *o, const char *name, const char *s)
{
	char	 path[512];
	FILE	*f;
	int	 rc;

	if (part_path(o, name, path, sizeof(path)) == -1 ||
	    (f = fopen(path, "w")) == NULL)
		return -1;
	rc = fputs(s, f) < 0 ? -1 : 0;
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* manifest.xml and meta.xml through the escaping writer. */
static int
write_manifest_meta(struct odt *o, const struct export_head *h)
{
	char			 path[512], name[64];
	FILE			*f;
	struct export_sink	 s;
	struct xmlw		 x;
	size_t			 i;
	int			 rc = -1;

	if (part_path(o, "manifest.xml", path, sizeof(path)) == -1 ||
	    (f = fopen(path, "w")) == NULL)
		return -1;
	export_sink_file(&s, f);
	if (export_xmlw_open(&x, &s) == 0) {
		xmlw_raw(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xmlw_start(&x, "manifest:manifest", "xmlns:manifest",
		    "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
		    "manifest:version", "1.2", (const char *)NULL);
		xmlw_void(&x, "manifest:file-entry", "manifest:full-path", "/",
		    "manifest:version", "1.2", "manifest:media-type", mimetype,
		    (const char *)NULL);
		xmlw_void(&x, "manifest:file-entry", "manifest:full-path",
		    "content.xml", "manifest:media-type", "text/xml",
		    (const char *)NULL);
		xmlw_void(&x, "manifest:file-entry", "manifest:full-path",
		    "styles.xml", "manifest:media-type", "text/xml",
		    (const char *)NULL);
		xmlw_void(&x, "manifest:file-entry", "manifest:full-path",
		    "meta.xml", "manifest:media-type", "text/xml",
		    (const char *)NULL);
		for (i = 1; i <= o->ncharts; i++) {
			snprintf(name, sizeof(name), "Pictures/diagram-%zu.svg", i);
			xmlw_void(&x, "manifest:file-entry", "manifest:full-path",
			    name, "manifest:media-type", "image/svg+xml",
			    (const char *)NULL);
		}
		xmlw_end(&x);
		xmlw_raw(&x, "\n");
		rc = xmlw_close(&x);
	}
	if (fclose(f) != 0)
		rc = -1;
	if (rc == -1 || part_path(o, "meta.xml", path, sizeof(path)) == -1 ||
	    (f = fopen(path, "w")) == NULL)
		return -1;
	s.ctx = f;
	rc = -1;
	if (export_xmlw_open(&x, &s) == 0) {
		xmlw_raw(&x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xmlw_start(&x, "office:document-meta", "xmlns:office",
		    "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
		    "xmlns:meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
		    "xmlns:dc", "http://purl.org/dc/elements/1.1/",
		    "office:version", "1.2", (const char *)NULL);
		xmlw_start(&x, "office:meta", (const char *)NULL);
		xmlw_elem(&x, "meta:generator", PACKAGE_NAME "/" PACKAGE_VERSION,
		    (const char *)NULL);
		xmlw_elem(&x, "dc:title", o->title, (const char *)NULL);
		xmlw_elem(&x, "dc:subject", h->slug, (const char *)NULL);
		xmlw_elem(&x, "dc:creator", h->sender, (const char *)NULL);
		xmlw_elem(&x, "dc:language", "sv-SE", (const char *)NULL);
		/* ODF wants xs:dateTime: the offset is allowed. */
		xmlw_elem(&x, "meta:creation-date", h->created, (const char *)NULL);
		xmlw_elem(&x, "dc:date", h->created, (const char *)NULL);
		xmlw_end(&x);
		xmlw_end(&x);
		xmlw_raw(&x, "\n");
		rc = xmlw_close(&x);
	}
	if (fclose(f) != 0)
		rc = -1;
	return rc;
}

/* Adds the file name (in the private dir) as entry in z. */
static int
add_file(const struct odt *o, zip_t *z, const char *entry, const char *name)
{
	char		 path[512];
	zip_source_t	*src;

	if (part_path(o, name, path, sizeof(path)) == -1 ||
	    (src = zip_source_file(z, path, 0, -1)) == NULL)
		return -1;
	if (zip_file_add(z, entry, src, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(src);
		return -1;
	}
	return 0;
}

/* Builds the package as out.odt in the private dir. */
static int
zip_package(struct odt *o)
{
	char		 path[512], entry[96], name[64];
	zip_t		*z;
	zip_source_t	*src;
	zip_int64_t	 idx;
	size_t		 i;
	int		 err;

	if (part_path(o, "out.odt", path, sizeof(path)) == -1 ||
	    (z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL)
		return -1;
	/* mimetype first and stored, so the type can be read at offset 38. */
	if ((src = zip_source_buffer(z, mimetype, sizeof(mimetype) - 1,
	    0)) == NULL)
		goto err;
	if ((idx = zip_file_add(z, "mimetype", src, 0)) < 0) {
		zip_source_free(src);
		goto err;
	}
	if (zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE,
	    0) < 0 ||
	    add_file(o, z, "META-INF/manifest.xml", "manifest.xml") == -1 ||
	    add_file(o, z, "content.xml", "content.xml") == -1 ||
	    add_file(o, z, "styles.xml", "styles.xml") == -1 ||
	    add_file(o, z, "meta.xml", "meta.xml") == -1)
		goto err;
	for (i = 1; i <= o->ncharts; i++) {
		snprintf(name, sizeof(name), "diagram-%zu.svg", i);
		snprintf(entry, sizeof(entry), "Pictures/%s", name);
		if (add_file(o, z, entry, name) == -1)
			goto err;
	}
	if (zip_close(z) < 0) {
		log_err("%s: zip_close: %s", __func__,
		    zip_strerror(z));
		zip_discard(z);
		return -1;
	}
	return 0;
err:
	log_err("%s: %s", __func__, zip_strerror(z));
	zip_discard(z);
	return -1;
}

/* Copies the package to the sink. */
static int
send_package(const struct odt *o)
{
	char path[512];

	if (part_path(o, "out.odt", path, sizeof(path)) == -1)
		return -1;
	return export_put_file(o->out, path);
}

static int
odt_end(void *w, const struct export_head *h)
{
	struct odt	*o = w;
	int		 rc;

	xmlw_end(&o->x);	/* office:text */
	xmlw_end(&o->x);	/* office:body */
	xmlw_end(&o->x);	/* office:document-content */
	xmlw_raw(&o->x, "\n");
	rc = xmlw_close(&o->x);
	if (fclose(o->content) != 0)
		rc = -1;
	o->content = NULL;
	if (rc == -1 || write_file(o, "styles.xml", styles_xml) == -1 ||
	    write_manifest_meta(o, h) == -1 || zip_package(o) == -1)
		return -1;
	return send_package(o);
}

const struct export_writer odt_writer = {
	.begin = odt_begin,
	.section = odt_section,
	.themes = odt_themes,
	.new_sections = odt_new_sections,
	.questions_overall = odt_questions_overall,
	.meetings = odt_meetings,
	.end = odt_end,
};

void
odt_cleanup(struct odt *o)
{
	if (o->x.w != NULL)
		xmlw_close(&o->x);
	if (o->content != NULL) {
		fclose(o->content);
		o->content = NULL;
	}
	export_workdir_remove(o->dir);
}
