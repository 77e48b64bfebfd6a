/* remissvar_read.c: reads and checks a remissvar XML document into a response_doc, reporting every problem with its line. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/tree.h>
#include <sodium.h>

#include "core/filetype.h"
#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "http/utf8.h"
#include "util/arena.h"
#include "util/buf.h"
#include "xml/remissvar_read.h"
#include "xml/safe.h"
#include "xml/walk.h"

#define REMISS_NS	"urn:remissvar:1"
#define MAX_TEXT	100000u		/* characters of a free text */

/* State of one read. */
struct walk {
	struct xw_reader		 r;	/* arena, problems, oom */
	const struct remissvar_limits	*lim;
	const struct remiss_def		*def;	/* NULL: targets not checked */
	struct response_doc		*doc;
	long				*ans_line;	/* line of each answer */
};

static const char *const org_kinds[] = { "kommun", "region", "annan", NULL };

void
remissvar_limits_default(struct remissvar_limits *lim)
{
	lim->max_bytes = REMISSVAR_MAX_BYTES;
	lim->max_answers = REMISSVAR_MAX_ANSWERS;
	lim->max_attachments = REMISSVAR_MAX_ATTACHMENTS;
	lim->max_attachment_bytes = REMISSVAR_MAX_ATTACHMENT_BYTES;
}

/* One '@' with something on both sides, no white space or controls. */
static bool
valid_email(const char *s)
{
	const char	*at = strchr(s, '@');
	const char	*p;

	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@'))
		return false;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f)
			return false;
	return true;
}

/* The value of n's unqualified attribute name, normalized, in the arena;
 * NULL if absent, or OOM, or empty: an attribute that is there must have a
 * value (a problem), as in the XSD. */
static const char *
attr(struct walk *w, const xmlNode *n, const char *name)
{
	const char *s;

	if ((s = xw_attr(&w->r, n, name)) == NULL)
		return NULL;
	if (*s == '\0') {
		xw_err_at(&w->r, n, "attribute %s of <%s> is empty", name,
		    (const char *)n->name);
		return NULL;
	}
	return s;
}

/* A required attribute: NULL (recorded) when missing or empty. */
static const char *
need_attr(struct walk *w, const xmlNode *n, const char *name)
{
	const char *v;

	if ((v = attr(w, n, name)) == NULL && !w->r.oom &&
	    xmlHasNsProp(n, (const xmlChar *)name, NULL) == NULL)
		xw_err_at(&w->r, n, "<%s> needs the attribute %s",
		    (const char *)n->name, name);
	return v;
}

/* An attribute of at most max characters on one line. */
static const char *
short_attr(struct walk *w, const xmlNode *n, const char *name, bool required,
    size_t max)
{
	const char *v;

	v = required ? need_attr(w, n, name) : attr(w, n, name);
	if (v != NULL && utf8_chars(v) > max) {
		xw_err_at(&w->r, n, "attribute %s of <%s> is longer than %zu characters",
		    name, (const char *)n->name, max);
		return NULL;
	}
	return v;
}

/* A <stallningstagande>: one of the four codes. */
static enum position
position_of(struct walk *w, const xmlNode *n, bool required)
{
	static const char *const none[] = { NULL };
	const char	*v;
	enum position	 p;

	xw_check_attrs(&w->r, n, none);
	if ((v = xw_text_of(&w->r, n, true, required, 100)) == NULL)
		return POS_NONE;
	if ((p = position_parse(v)) == POS__MAX) {
		xw_err_at(&w->r, n, "\"%s\" is not a position: use tillstyrker, "
		    "tillstyrker-med-andringar, avstyrker or inga-synpunkter", v);
		return POS_NONE;
	}
	return p;
}

/* ---- svar ---------------------------------------------------------------- */

enum aslot { A_POS, A_KOMMENTAR, A_FORSLAG, A_KONSEKVENS, A_TIDSHORISONT,
    A__MAX };
static const struct xw_slot aslots[A__MAX] = {
	[A_POS] = { "stallningstagande", 1, false },
	[A_KOMMENTAR] = { "kommentar", 1, false },
	[A_FORSLAG] = { "forslag-till-lydelse", 1, false },
	[A_KONSEKVENS] = { "konsekvens", 2, false },
	[A_TIDSHORISONT] = { "tidshorisont", 2, false },
};

/* A konsekvens or tidshorisont: its kind attribute picks which of two
 * fields of the answer it fills, each at most once. */
static void
read_pair(struct walk *w, const xmlNode *n, const char *attrname,
    const char *v1, const char **f1, const char *v2, const char **f2)
{
	const char	*allowed[] = { attrname, NULL };
	const char	*kind, *text;
	const char	**field;

	xw_check_attrs(&w->r, n, allowed);
	kind = need_attr(w, n, attrname);
	text = xw_text_of(&w->r, n, false, false, MAX_TEXT);
	if (kind == NULL)
		return;
	if (strcmp(kind, v1) == 0)
		field = f1;
	else if (strcmp(kind, v2) == 0)
		field = f2;
	else {
		xw_err_at(&w->r, n, "%s=\"%s\" on <%s> is not one of %s, %s", attrname,
		    kind, (const char *)n->name, v1, v2);
		return;
	}
	if (*field != NULL) {
		xw_err_at(&w->r, n, "<%s %s=\"%s\"> may appear once in a <svar>",
		    (const char *)n->name, attrname, kind);
		return;
	}
	*field = text;
}

/* The target of a svar: checked for form, against def, and for repeats. */
static bool
read_target(struct walk *w, const xmlNode *n, struct answer *an)
{
	const struct response_doc	*d = w->doc;
	const char			*sec, *q;
	size_t				 i;

	sec = attr(w, n, "avsnitt");
	q = attr(w, n, "fraga");
	if (sec != NULL && q != NULL) {
		xw_err_at(&w->r, n, "<svar> must have exactly one of the attributes "
		    "avsnitt and fraga, not both");
		return false;
	}
	if (sec == NULL && q == NULL) {
		if (!w->r.oom)
			xw_err_at(&w->r, n, "<svar> needs one of the attributes avsnitt "
			    "(a section number) and fraga (a question id)");
		return false;
	}
	if (sec != NULL && !xw_valid_nr(sec)) {
		xw_err_at(&w->r, n, "avsnitt=\"%s\" is not a section number", sec);
		return false;
	}
	if (q != NULL && !xw_valid_qid(q)) {
		xw_err_at(&w->r, n, "fraga=\"%s\" is not a question id", q);
		return false;
	}
	if (w->def != NULL && sec != NULL && remiss_section(w->def, sec) == NULL) {
		xw_err_at(&w->r, n, "the remiss %s has no section %s", w->def->slug, sec);
		return false;
	}
	if (w->def != NULL && q != NULL && remiss_question(w->def, q) == NULL) {
		xw_err_at(&w->r, n, "the remiss %s has no question %s", w->def->slug, q);
		return false;
	}
	for (i = 0; i < d->nanswers; i++) {
		if ((sec != NULL && d->answers[i].section_nr != NULL &&
		    strcmp(sec, d->answers[i].section_nr) == 0) ||
		    (q != NULL && d->answers[i].question_id != NULL &&
		    strcmp(q, d->answers[i].question_id) == 0)) {
			xw_err_at(&w->r, n, "%s %s is answered twice (first at line %ld)",
			    sec != NULL ? "section" : "question",
			    sec != NULL ? sec : q, w->ans_line[i]);
			return false;
		}
	}
	an->section_nr = sec;
	an->question_id = q;
	return true;
}

static void
read_svar(struct walk *w, const xmlNode *n)
{
	static const char *const allowed[] = { "avsnitt", "fraga", NULL };
	static const char *const none[] = { NULL };
	struct response_doc	*d = w->doc;
	struct answer		*an = &d->answers[d->nanswers];
	const xmlNode		*c;
	unsigned		 count[A__MAX];
	struct xw_seq		 seq = { aslots, A__MAX, " in a <svar>", count,
	    0 };
	int			 s;
	bool			 ok;
	long			 col;

	memset(an, 0, sizeof(*an));
	memset(count, 0, sizeof(count));
	xw_check_attrs(&w->r, n, allowed);
	ok = read_target(w, n, an);
	for (c = n->children; c != NULL; c = c->next) {
		if ((s = xw_seq_next(&w->r, &seq, n, c)) == -1)
			continue;
		switch (s) {
		case A_POS:
			an->position = position_of(w, c, false);
			break;
		case A_KOMMENTAR:
			xw_check_attrs(&w->r, c, none);
			an->comment = xw_text_of(&w->r, c, false, false, MAX_TEXT);
			break;
		case A_FORSLAG:
			xw_check_attrs(&w->r, c, none);
			an->proposed_wording = xw_text_of(&w->r, c, false, false,
			    MAX_TEXT);
			break;
		case A_KONSEKVENS:
			read_pair(w, c, "part", "region", &an->consequence_region,
			    "kommun", &an->consequence_kommun);
			break;
		case A_TIDSHORISONT:
			read_pair(w, c, "typ", "kortsiktigt", &an->short_term,
			    "langsiktigt", &an->long_term);
			break;
		default:
			break;
		}
	}
	if (ok) {
		xml_safe_node_pos(n, &w->ans_line[d->nanswers], &col);
		d->nanswers++;
	}
}

/* ---- bilaga -------------------------------------------------------------- */

static void
read_bilaga(struct walk *w, const xmlNode *n)
{
	static const char *const allowed[] = { "filnamn", "mediatyp", NULL };
	struct response_doc	*d = w->doc;
	struct attachment	*at = &d->attachments[d->nattachments];
	const char		*b64, *end, *p, *type;
	char			*text;
	unsigned char		*bin;
	size_t			 n64 = 0, max, binlen = 0;

	memset(at, 0, sizeof(*at));
	xw_check_attrs(&w->r, n, allowed);
	at->filename = short_attr(w, n, "filnamn", true, 255);
	at->media_type = short_attr(w, n, "mediatyp", true, 255);
	if (at->filename != NULL && !xw_valid_filename(at->filename)) {
		xw_err_at(&w->r, n, "filnamn=\"%s\" is not a file name (no '/' or '\\', "
		    "not only dots)", at->filename);
		at->filename = NULL;
	}
	if (at->media_type != NULL && !xw_valid_media_type(at->media_type)) {
		xw_err_at(&w->r, n, "mediatyp=\"%s\" is not a media type such as "
		    "application/pdf", at->media_type);
		at->media_type = NULL;
	}
	if ((text = xw_gather_text(&w->r, n, NULL)) == NULL)
		return;
	b64 = xw_trim(text);
	for (p = b64; *p != '\0'; p++)
		if (!xw_space(*p))
			n64++;
	/* Decoded size is at most 3 bytes per 4 characters. */
	if (n64 / 4 > (w->lim->max_attachment_bytes + 2) / 3) {
		xw_err_at(&w->r, n, "attachment %s is larger than the limit of %zu "
		    "bytes", at->filename ? at->filename : "",
		    w->lim->max_attachment_bytes);
		return;
	}
	max = n64 / 4 * 3 + 3;
	if ((bin = arena_alloc(w->r.a, max)) == NULL) {
		w->r.oom = true;
		return;
	}
	if (sodium_base642bin(bin, max, b64, strlen(b64), " \t\r\n", &binlen,
	    &end, sodium_base64_VARIANT_ORIGINAL) != 0 || *end != '\0') {
		xw_err_at(&w->r, n, "the content of <bilaga> is not valid base64");
		return;
	}
	if (binlen > w->lim->max_attachment_bytes) {
		xw_err_at(&w->r, n, "attachment %s is %zu bytes, more than the limit "
		    "of %zu", at->filename ? at->filename : "", binlen,
		    w->lim->max_attachment_bytes);
		return;
	}
	if (at->filename == NULL || at->media_type == NULL)
		return;
	/* The web form's allowlist, by content: a declared type is only
	 * checked against it, never believed. */
	if ((type = filetype_sniff(bin, binlen, at->filename)) == NULL) {
		xw_err_at(&w->r, n, "attachment %s is not PDF, ODT, DOCX, PNG, "
		    "JPEG or UTF-8 plain text (.txt) by its content, or its file "
		    "name says otherwise", at->filename);
		return;
	}
	if (strcasecmp(type, at->media_type) != 0) {
		xw_err_at(&w->r, n, "attachment %s is declared mediatyp=\"%s\" "
		    "but its content is %s", at->filename, at->media_type, type);
		return;
	}
	at->media_type = type;
	at->data = bin;
	at->len = binlen;
	d->nattachments++;
}

/* ---- remissvar ----------------------------------------------------------- */

static void
read_instans(struct walk *w, const xmlNode *n)
{
	static const char *const allowed[] = { "typ", "orgnr", NULL };
	struct response_doc *d = w->doc;

	xw_check_attrs(&w->r, n, allowed);
	d->org_name = xw_text_of(&w->r, n, true, true, 200);
	d->org_kind = need_attr(w, n, "typ");
	d->orgnr = attr(w, n, "orgnr");
	if (d->org_kind != NULL && !xw_in_list(d->org_kind, org_kinds)) {
		xw_err_at(&w->r, n, "typ=\"%s\" is not one of kommun, region, annan",
		    d->org_kind);
		d->org_kind = NULL;
	}
	if (d->orgnr != NULL && !xw_valid_orgnr(d->orgnr)) {
		xw_err_at(&w->r, n, "orgnr=\"%s\" is not of the form NNNNNN-NNNN",
		    d->orgnr);
		d->orgnr = NULL;
	}
}

static void
read_beslut(struct walk *w, const xmlNode *n)
{
	static const char *const allowed[] = { "instans", "datum", NULL };
	struct response_doc	*d = w->doc;
	char			*t;

	xw_check_attrs(&w->r, n, allowed);
	if ((t = xw_gather_text(&w->r, n, NULL)) != NULL && *t != '\0')
		xw_err_at(&w->r, n, "<beslut> takes no text (not even white space), "
		    "only the attributes instans and datum");
	d->decision_body = short_attr(w, n, "instans", true, 300);
	d->decision_date = attr(w, n, "datum");
	if (d->decision_date != NULL && !xw_valid_date(d->decision_date)) {
		xw_err_at(&w->r, n, "datum=\"%s\" is not a date YYYY-MM-DD",
		    d->decision_date);
		d->decision_date = NULL;
	}
}

static void
read_kontakt(struct walk *w, const xmlNode *n)
{
	static const char *const allowed[] = { "namn", "epost", "telefon", NULL };
	struct response_doc	*d = w->doc;
	char			*t;

	xw_check_attrs(&w->r, n, allowed);
	if ((t = xw_gather_text(&w->r, n, NULL)) != NULL && *t != '\0')
		xw_err_at(&w->r, n, "<kontakt> takes no text (not even white space), "
		    "only the attributes namn, epost and telefon");
	d->contact_name = short_attr(w, n, "namn", true, 200);
	d->contact_email = short_attr(w, n, "epost", true, 254);
	d->contact_phone = short_attr(w, n, "telefon", false, 50);
	if (d->contact_email != NULL && !valid_email(d->contact_email)) {
		xw_err_at(&w->r, n, "epost=\"%s\" is not an e-mail address",
		    d->contact_email);
		d->contact_email = NULL;
	}
}

/* The children of <remissvar>, in the order they must come. */
enum slot { S_INSTANS, S_DIARIENR, S_BESLUT, S_KONTAKT, S_POS, S_SAMMANF,
    S_SVAR, S_BILAGA, S__MAX };
static const struct xw_slot slots[S__MAX] = {	/* max 0: any number */
	[S_INSTANS] = { "remissinstans", 1, true },
	[S_DIARIENR] = { "diarienummer", 1, false },
	[S_BESLUT] = { "beslut", 1, false },
	[S_KONTAKT] = { "kontakt", 1, true },
	[S_POS] = { "stallningstagande", 1, true },
	[S_SAMMANF] = { "sammanfattning", 1, false },
	[S_SVAR] = { "svar", 0, false },
	[S_BILAGA] = { "bilaga", 0, false },
};

static void
read_child(struct walk *w, const xmlNode *n, enum slot s)
{
	static const char *const none[] = { NULL };
	struct response_doc *d = w->doc;

	switch (s) {
	case S_INSTANS:
		read_instans(w, n);
		break;
	case S_DIARIENR:
		xw_check_attrs(&w->r, n, none);
		d->diarienummer = xw_text_of(&w->r, n, true, false, 100);
		break;
	case S_BESLUT:
		read_beslut(w, n);
		break;
	case S_KONTAKT:
		read_kontakt(w, n);
		break;
	case S_POS:
		d->position = position_of(w, n, true);
		break;
	case S_SAMMANF:
		xw_check_attrs(&w->r, n, none);
		d->summary = xw_text_of(&w->r, n, false, false, MAX_TEXT);
		break;
	case S_SVAR:
		read_svar(w, n);
		break;
	case S_BILAGA:
		read_bilaga(w, n);
		break;
	default:
		break;
	}
}

/* Sizes the answer and attachment arrays for the children of root. */
static int
alloc_arrays(struct walk *w, const xmlNode *root)
{
	const xmlNode	*c;
	size_t		 ns = 0, nb = 0;

	for (c = root->children; c != NULL; c = c->next) {
		if (xw_is_el(c, "svar") && ns < w->lim->max_answers)
			ns++;
		else if (xw_is_el(c, "bilaga") && nb < w->lim->max_attachments)
			nb++;
	}
	w->doc->answers = arena_calloc(w->r.a, ns + 1, sizeof(struct answer));
	w->ans_line = arena_calloc(w->r.a, ns + 1, sizeof(long));
	w->doc->attachments = arena_calloc(w->r.a, nb + 1,
	    sizeof(struct attachment));
	if (w->doc->answers == NULL || w->ans_line == NULL ||
	    w->doc->attachments == NULL)
		return -1;
	return 0;
}

/* Walks the document into w->doc. */
static void
read_remissvar(struct walk *w, xmlDocPtr xd)
{
	static const char *const allowed[] = { "remiss", NULL };
	struct response_doc	*d = w->doc;
	const xmlNode		*root, *c;
	unsigned		 count[S__MAX];
	struct xw_seq		 seq = { slots, S__MAX, "", count, 0 };
	size_t			 nsvar = 0, nbilaga = 0;
	int			 s;

	memset(count, 0, sizeof(count));
	root = xmlDocGetRootElement(xd);
	if (root == NULL) {
		xml_errors_add(w->r.errs, 0, 0, "the document has no root element");
		return;
	}
	if (!xw_is_el(root, "remissvar")) {
		xw_err_at(&w->r, root, "the root element must be <remissvar> in "
		    "namespace " REMISS_NS ", not <%s>%s%s%s", (const char *)
		    root->name, root->ns ? " in namespace " : "",
		    root->ns ? (const char *)root->ns->href : "",
		    root->ns ? "" : " without a namespace");
		return;
	}
	xw_check_attrs(&w->r, root, allowed);
	if ((d->remiss_slug = need_attr(w, root, "remiss")) != NULL &&
	    !xw_valid_slug(d->remiss_slug))
		xw_err_at(&w->r, root, "remiss=\"%s\" is not a remiss id (1-80 "
		    "lower-case letters a-z, digits and '-')", d->remiss_slug);
	if (alloc_arrays(w, root) == -1) {
		w->r.oom = true;
		return;
	}
	for (c = root->children; c != NULL && !w->r.oom; c = c->next) {
		if ((s = xw_seq_next(&w->r, &seq, root, c)) == -1)
			continue;
		if (s == S_SVAR && ++nsvar > w->lim->max_answers) {
			if (nsvar == w->lim->max_answers + 1)
				xw_err_at(&w->r, c, "more than %zu <svar> elements "
				    "(the limit)", w->lim->max_answers);
			continue;
		}
		if (s == S_BILAGA && ++nbilaga > w->lim->max_attachments) {
			if (nbilaga == w->lim->max_attachments + 1)
				xw_err_at(&w->r, c, "more than %zu <bilaga> elements "
				    "(the limit)", w->lim->max_attachments);
			continue;
		}
		read_child(w, c, (enum slot)s);
	}
	xw_seq_missing(&w->r, &seq, root);
	if (d->decision_date != NULL && d->decision_body == NULL &&
	    count[S_BESLUT] > 0)
		d->decision_date = NULL;	/* reported as missing instans */
}

int
remissvar_read_doc(xmlDocPtr xd, const struct remissvar_limits *lim,
    const struct remiss_def *def, struct arena *a, struct response_doc *doc,
    struct xml_errors *errs)
{
	struct remissvar_limits	 deflim;
	struct walk		 w;
	size_t			 before;

	if (lim == NULL) {
		remissvar_limits_default(&deflim);
		lim = &deflim;
	}
	memset(doc, 0, sizeof(*doc));
	memset(&w, 0, sizeof(w));
	w.r.a = a;
	w.r.errs = errs;
	w.lim = lim;
	w.def = def;
	w.doc = doc;
	before = errs->count + errs->dropped;
	read_remissvar(&w, xd);
	if (w.r.oom)
		return -2;
	if (def != NULL && doc->remiss_slug != NULL &&
	    strcmp(doc->remiss_slug, def->slug) != 0)
		xw_err_at(&w.r, xmlDocGetRootElement(xd), "remiss=\"%s\" is not this "
		    "remiss (%s)", doc->remiss_slug, def->slug);
	return errs->count + errs->dropped == before ? 0 : -1;
}

int
remissvar_read_for(const char *buf, size_t len, const char *filename,
    const struct remissvar_limits *lim, const struct remiss_def *def,
    struct arena *a, struct response_doc *doc, struct xml_errors *errs)
{
	struct remissvar_limits	 deflim;
	struct xml_limits	 xl;
	xmlDocPtr		 xd;
	int			 rc;

	if (lim == NULL) {
		remissvar_limits_default(&deflim);
		lim = &deflim;
	}
	memset(doc, 0, sizeof(*doc));
	memset(&xl, 0, sizeof(xl));
	xl.max_bytes = lim->max_bytes;
	if ((xd = xml_safe_parse_limits(buf, len, filename, &xl, errs)) == NULL)
		return -1;
	rc = remissvar_read_doc(xd, lim, def, a, doc, errs);
	xmlFreeDoc(xd);
	return rc;
}

int
remissvar_read(const char *buf, size_t len, const char *filename,
    const struct remissvar_limits *lim, struct arena *a,
    struct response_doc *doc, struct xml_errors *errs)
{
	return remissvar_read_for(buf, len, filename, lim, NULL, a, doc, errs);
}
