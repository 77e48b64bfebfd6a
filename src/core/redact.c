/* redact.c: a submitted version as the public page shows it: contact data out, every text
 * with its redactions applied as merged spans, attachments shown, withheld or replaced.
 * Pure: no SQL, no markup. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/redact.h"
#include "core/response_doc.h"
#include "core/anchor.h"
#include "http/utf8.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/numparse.h"

/* A range of a stored text to hide, in bytes, and why. */
struct span {
	size_t		 start, end;
	const char	*ground;
};

/* The spans found in one text. */
struct spans {
	struct arena	*a;
	struct span	*v;
	size_t		 n, cap;
};

static int
blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *
redact_marker(struct arena *a, const char *ground)
{
	return arena_printf(a, "[Sekretess enligt %s]",
	    ground != NULL ? ground : "");
}

const char *
redact_answer_key(struct arena *a, const struct answer *ans, const char *f)
{
	if (ans->db_question_id > 0)
		return arena_printf(a, "fraga-%lld-%s", ans->db_question_id, f);
	if (ans->db_section_id > 0)
		return arena_printf(a, "avsnitt-%lld-%s", ans->db_section_id, f);
	return NULL;
}

int
redact_key_attachment(const char *key, size_t *n)
{
	static const char	 pre[] = "bilaga-", suf[] = "-namn";
	size_t			 len, v;

	if (strncmp(key, pre, sizeof(pre) - 1) != 0)
		return 0;
	key += sizeof(pre) - 1;
	len = strlen(key);
	if (len < sizeof(suf) - 1 ||
	    strcmp(key + len - (sizeof(suf) - 1), suf) != 0 ||
	    parse_size(key, len - (sizeof(suf) - 1), SIZE_MAX, &v) == -1 ||
	    v == 0)
		return 0;
	*n = v;
	return 1;
}

int
redact_key_answer(const char *key, int *question, long long *id,
    const char **field)
{
	const char	*dash;
	long long	 v;
	int		 q;

	if (strncmp(key, "avsnitt-", 8) == 0) {
		q = 0;
		key += 8;
	} else if (strncmp(key, "fraga-", 6) == 0) {
		q = 1;
		key += 6;
	} else
		return 0;
	if ((dash = strchr(key, '-')) == NULL ||
	    parse_llong(key, (size_t)(dash - key), 1, LLONG_MAX, &v) == -1)
		return 0;
	*question = q;
	*id = v;
	*field = dash + 1;
	return 1;
}

char *
redact_needle(struct arena *a, const char *s)
{
	char	*out, *o;
	size_t	 len;

	if ((out = arena_strdup(a, s != NULL ? s : "")) == NULL)
		return NULL;
	for (o = out; *s != '\0'; s++) {
		if (s[0] == '\r')
			*o++ = '\n', s += s[1] == '\n';
		else
			*o++ = *s;
	}
	*o = '\0';
	len = (size_t)(o - out);
	while (len > 0 && blank((unsigned char)out[len - 1]))
		out[--len] = '\0';
	o = out;
	while (blank((unsigned char)*o))
		o++;
	return o;
}

/* If needle matches text at byte at (runs of blanks equal), its end. */
static int
match_at(const char *text, size_t at, const char *needle, size_t *end)
{
	size_t	i = at, j = 0;

	while (needle[j] != '\0') {
		if (blank((unsigned char)needle[j])) {
			if (!blank((unsigned char)text[i]))
				return 0;
			while (blank((unsigned char)needle[j]))
				j++;
			while (blank((unsigned char)text[i]))
				i++;
			continue;
		}
		if (text[i] != needle[j])
			return 0;
		i++;
		j++;
	}
	*end = i;
	return 1;
}

int
redact_find(const char *text, size_t from, const char *needle, size_t *start,
    size_t *end)
{
	const char *p;

	if (text == NULL || needle == NULL || needle[0] == '\0')
		return 0;
	for (p = strchr(text + from, needle[0]); p != NULL;
	    p = strchr(p + 1, needle[0])) {
		if (!utf8_is_lead((unsigned char)*p))
			continue;
		if (match_at(text, (size_t)(p - text), needle, end)) {
			*start = (size_t)(p - text);
			return 1;
		}
	}
	return 0;
}

size_t
redact_count(const char *text, const char *needle)
{
	size_t	n = 0, from = 0, s, e;

	while (redact_find(text, from, needle, &s, &e)) {
		n++;
		from = e;
	}
	return n;
}

static int
spans_add(struct spans *sp, size_t start, size_t end, const char *ground)
{
	struct span	*v;
	size_t		 cap;

	if (end <= start)
		return 0;
	if (sp->n == sp->cap) {
		cap = sp->cap == 0 ? 8 : sp->cap * 2;
		if (cap > SIZE_MAX / sizeof(*v) || (v = arena_realloc(sp->a,
		    sp->v, sp->cap * sizeof(*v), cap * sizeof(*v))) == NULL)
			return -1;
		sp->v = v;
		sp->cap = cap;
	}
	sp->v[sp->n].start = start;
	sp->v[sp->n].end = end;
	sp->v[sp->n].ground = ground;
	sp->n++;
	return 0;
}

/* Every match of passage in src. */
static int
spans_occurrences(struct spans *sp, const char *src, const char *passage,
    const char *ground)
{
	const char	*needle;
	size_t		 from = 0, s, e;

	if ((needle = redact_needle(sp->a, passage)) == NULL)
		return -1;
	while (redact_find(src, from, needle, &s, &e)) {
		if (spans_add(sp, s, e, ground) == -1)
			return -1;
		from = e;
	}
	return 0;
}

/* The span of anchored redaction r in src: at its offsets when the quote is
 * still there (versions never change, so it is), else where its context
 * puts it. 1 when it is in neither place. */
static int
spans_anchored(struct spans *sp, const char *src, const struct redaction *r)
{
	struct anchor	an;
	size_t		 s, e, qlen = strlen(r->passage);
	long		 cs, ce;

	s = anchor_byte_offset(src, r->start);
	e = anchor_byte_offset(src, r->end);
	if (qlen > 0 && e - s == qlen && memcmp(src + s, r->passage, qlen) == 0)
		return spans_add(sp, s, e, r->legal_ground);
	an.quote = r->passage;
	an.prefix = r->prefix;
	an.suffix = r->suffix;
	an.start = r->start;
	an.end = r->end;
	if (!anchor_find(src, &an, &cs, &ce))
		return 1;
	return spans_add(sp, anchor_byte_offset(src, cs),
	    anchor_byte_offset(src, ce), r->legal_ground);
}

static int
by_start(const void *x, const void *y)
{
	const struct span *a = x, *b = y;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return (a->end > b->end) - (a->end < b->end);
}

/* True if src[from, to) is only blanks. */
static int
only_blanks(const char *src, size_t from, size_t to)
{
	for (; from < to; from++)
		if (!blank((unsigned char)src[from]))
			return 0;
	return 1;
}

/* Adds ground to the "; "-separated list in b unless it is there. */
static void
add_ground(struct buf *b, const char *ground)
{
	const char	*p, *next;
	size_t		 glen = strlen(ground);

	for (p = b->len > 0 ? b->data : NULL; p != NULL; p = next) {
		next = strstr(p, "; ");
		if (strncmp(p, ground, glen) == 0 &&
		    (p[glen] == '\0' || p + glen == next))
			return;
		if (next != NULL)
			next += 2;
	}
	if (b->len > 0)
		buf_puts(b, "; ");
	buf_puts(b, ground);
}

static int
seg_add(struct arena *a, struct redacted_text *t, size_t *cap, size_t ss,
    size_t se, size_t os, size_t oe, int marker)
{
	struct redact_seg	*v;
	size_t			 n;

	if (t->nsegs == *cap) {
		n = *cap == 0 ? 4 : *cap * 2;
		if ((v = arena_realloc(a, t->segs, *cap * sizeof(*v),
		    n * sizeof(*v))) == NULL)
			return -1;
		t->segs = v;
		*cap = n;
	}
	t->segs[t->nsegs].src_start = ss;
	t->segs[t->nsegs].src_end = se;
	t->segs[t->nsegs].out_start = os;
	t->segs[t->nsegs].out_end = oe;
	t->segs[t->nsegs].marker = marker;
	t->nsegs++;
	return 0;
}

/* Fills t->out and t->segs from t->src and the spans (sorted and merged
 * here; whole when whole is set and any span applies). */
static int
apply_spans(struct arena *a, struct redacted_text *t, struct spans *sp,
    int whole)
{
	struct buf	 out, grounds;
	const char	*marker;
	size_t		 i, j, cap = 0, len = strlen(t->src), at = 0, end, os;

	t->redacted = sp->n > 0;
	for (i = 0; whole && i < sp->n; i++) {
		sp->v[i].start = 0;
		sp->v[i].end = len;
	}
	if (sp->n > 1)
		qsort(sp->v, sp->n, sizeof(*sp->v), by_start);
	buf_init(&out, a);
	for (i = 0; i < sp->n; i = j) {
		end = sp->v[i].end;
		buf_init(&grounds, a);
		add_ground(&grounds, sp->v[i].ground);
		for (j = i + 1; j < sp->n && (sp->v[j].start <= end ||
		    only_blanks(t->src, end, sp->v[j].start)); j++) {
			if (sp->v[j].end > end)
				end = sp->v[j].end;
			add_ground(&grounds, sp->v[j].ground);
		}
		if (grounds.failed ||
		    (marker = redact_marker(a, grounds.data)) == NULL)
			return -1;
		if (sp->v[i].start > at) {
			os = out.len;
			buf_append(&out, t->src + at, sp->v[i].start - at);
			if (seg_add(a, t, &cap, at, sp->v[i].start, os, out.len,
			    0) == -1)
				return -1;
		}
		os = out.len;
		buf_puts(&out, marker);
		if (seg_add(a, t, &cap, sp->v[i].start, end, os, out.len, 1) == -1)
			return -1;
		at = end;
	}
	if (at < len || t->nsegs == 0) {
		os = out.len;
		buf_append(&out, t->src + at, len - at);
		if (seg_add(a, t, &cap, at, len, os, out.len, 0) == -1)
			return -1;
	}
	if (out.failed)
		return -1;
	t->out = out.data;
	return 0;
}

/* Where each text of the public copy lives while it is being built. */
struct slot {
	const char	**dst;
	int		  whole;	/* a date: hidden whole or not at all */
};

/* Adds src (when not empty) as text key whose shown form goes to *dst. */
static int
text_add(struct redacted_version *v, struct slot *slots,
    const char *key, const char *src, const char **dst, int whole)
{
	struct redacted_text *t;

	if (src == NULL || src[0] == '\0')
		return 0;
	if (key == NULL)
		return -1;
	t = &v->texts[v->ntexts];
	memset(t, 0, sizeof(*t));
	t->key = key;
	t->src = src;
	slots[v->ntexts].dst = dst;
	slots[v->ntexts].whole = whole;
	v->ntexts++;
	return 0;
}

/* Lists the texts of doc (whose public copy is v->doc) in page order. */
static int
texts_list(struct arena *a, const struct response_doc *doc,
    struct redacted_version *v, struct slot **slotsp)
{
	struct slot	*slots;
	struct answer	*ans;
	const char	*src;
	size_t		 max, i, f;

	max = 4 + doc->nattachments;
	if (doc->nanswers > (SIZE_MAX - max) / ANSWER_TEXTS)
		return -1;
	max += doc->nanswers * ANSWER_TEXTS;
	if ((v->texts = arena_calloc(a, max, sizeof(*v->texts))) == NULL ||
	    (slots = arena_calloc(a, max, sizeof(*slots))) == NULL)
		return -1;
	if (text_add(v, slots, "sammanfattning", doc->summary,
	    &v->doc.summary, 0) == -1 ||
	    text_add(v, slots, "beslutande_instans", doc->decision_body,
	    &v->doc.decision_body, 0) == -1 ||
	    text_add(v, slots, "beslutsdatum", doc->decision_date,
	    &v->doc.decision_date, 1) == -1 ||
	    text_add(v, slots, "diarienummer", doc->diarienummer,
	    &v->doc.diarienummer, 0) == -1)
		return -1;
	for (i = 0; i < doc->nanswers; i++) {
		ans = &v->doc.answers[i];
		for (f = 0; f < ANSWER_TEXTS; f++) {
			src = answer_text(&doc->answers[i], f);
			if (src == NULL || src[0] == '\0')
				continue;
			if (text_add(v, slots, redact_answer_key(a,
			    &doc->answers[i], answer_text_fields[f].name), src,
			    (const char **)(void *)((char *)ans +
			    answer_text_fields[f].off), 0) == -1)
				return -1;
		}
	}
	for (i = 0; i < doc->nattachments; i++)
		if (text_add(v, slots, arena_printf(a, "bilaga-%zu-namn",
		    i + 1), doc->attachments[i].filename,
		    &v->atts[i].name, 0) == -1)
			return -1;
	*slotsp = slots;
	return 0;
}

/* Collects the spans of r[0..n) in text t. 1 with *unapplied when an
 * anchor is lost. */
static int
spans_of(struct spans *sp, const struct redacted_text *t,
    const struct redaction *r, size_t n, long long *unapplied)
{
	size_t	i;
	int	rc;

	for (i = 0; i < n; i++) {
		switch (r[i].kind) {
		case REDACT_ANCHORED:
			if (r[i].field == NULL || r[i].passage == NULL ||
			    strcmp(r[i].field, t->key) != 0)
				break;
			if ((rc = spans_anchored(sp, t->src, &r[i])) != 0) {
				if (rc == 1)
					*unapplied = r[i].id;
				return rc;
			}
			break;
		case REDACT_OCCURRENCES:
			if (r[i].passage == NULL || (r[i].field != NULL &&
			    strcmp(r[i].field, t->key) != 0))
				break;
			if (spans_occurrences(sp, t->src, r[i].passage,
			    r[i].legal_ground) == -1)
				return -1;
			break;
		case REDACT_FIELD:
			if (r[i].field != NULL && strcmp(r[i].field, t->key) == 0 &&
			    spans_add(sp, 0, strlen(t->src), r[i].legal_ground) == -1)
				return -1;
			break;
		case REDACT_ATTACHMENT:
			break;
		}
	}
	return 0;
}

/* The state of attachment i of doc in v->atts[i] (its name is set by the
 * texts). */
static void
attachment_state(const struct response_doc *doc, const struct redaction *r,
    size_t n, size_t i, struct redacted_attachment *att)
{
	const struct redaction	*withheld = NULL, *replaced = NULL;
	size_t			 k;

	for (k = 0; k < n; k++) {
		if (r[k].kind != REDACT_ATTACHMENT ||
		    r[k].attachment_ord < 0 || (size_t)r[k].attachment_ord != i)
			continue;
		if (r[k].replacement_name == NULL) {
			if (withheld == NULL)
				withheld = &r[k];
		} else if (replaced == NULL || r[k].id > replaced->id)
			replaced = &r[k];
	}
	if (withheld != NULL) {
		att->state = ATT_WITHHELD;
		att->name = NULL;
		att->ground = withheld->legal_ground;
	} else if (replaced != NULL) {
		att->state = ATT_REPLACED;
		att->name = replaced->replacement_name;
		att->media_type = replaced->replacement_type;
		att->size = replaced->replacement_size;
		att->ground = replaced->legal_ground;
		att->redaction_id = replaced->id;
	} else {
		att->state = ATT_SHOWN;
		att->media_type = doc->attachments[i].media_type;
		att->size = (long long)doc->attachments[i].len;
		att->data = doc->attachments[i].data;
		att->len = doc->attachments[i].len;
	}
}

int
redact_version(struct arena *a, const struct response_doc *doc,
    const struct redaction *r, size_t n, struct redacted_version *out,
    long long *unapplied)
{
	struct spans			 sp;
	struct slot			*slots = NULL;
	const struct redacted_text	*t;
	const char			*key;
	size_t				 i;
	int				 rc;

	memset(out, 0, sizeof(*out));
	*unapplied = 0;
	out->doc = *doc;
	out->doc.contact_name = NULL;
	out->doc.contact_email = NULL;
	out->doc.contact_phone = NULL;
	out->doc.orgnr = NULL;
	out->doc.attachments = NULL;
	out->doc.nattachments = 0;
	if ((doc->nanswers > 0 && (out->doc.answers = arena_calloc(a,
	    doc->nanswers, sizeof(*out->doc.answers))) == NULL) ||
	    (doc->nattachments > 0 && (out->atts = arena_calloc(a,
	    doc->nattachments, sizeof(*out->atts))) == NULL))
		return -1;
	if (doc->nanswers > 0)
		memcpy(out->doc.answers, doc->answers,
		    doc->nanswers * sizeof(*doc->answers));
	out->natts = doc->nattachments;
	if (texts_list(a, doc, out, &slots) == -1)
		return -1;
	for (i = 0; i < out->ntexts; i++) {
		memset(&sp, 0, sizeof(sp));
		sp.a = a;
		if ((rc = spans_of(&sp, &out->texts[i], r, n, unapplied)) != 0)
			return rc;
		if (apply_spans(a, &out->texts[i], &sp, slots[i].whole) == -1)
			return -1;
		/* A date is shown as a date, or hidden whole. */
		*slots[i].dst = slots[i].whole && !out->texts[i].redacted ?
		    out->texts[i].src : out->texts[i].out;
	}
	for (i = 0; i < out->natts; i++) {
		attachment_state(doc, r, n, i, &out->atts[i]);
		if (out->atts[i].state != ATT_SHOWN)
			continue;
		if ((key = arena_printf(a, "bilaga-%zu-namn", i + 1)) == NULL)
			return -1;
		t = redacted_text_get(out, key);
		out->atts[i].name_redacted = t != NULL && t->redacted;
	}
	return 0;
}

const struct redacted_text *
redacted_text_get(const struct redacted_version *v, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < v->ntexts; i++)
		if (strcmp(v->texts[i].key, key) == 0)
			return &v->texts[i];
	return NULL;
}

size_t
redact_src_offset(const struct redacted_text *t, size_t off, int end)
{
	const struct redact_seg	*g;
	size_t			 i;

	for (i = 0; i < t->nsegs; i++) {
		g = &t->segs[i];
		if (end ? (off > g->out_start && off <= g->out_end) :
		    (off >= g->out_start && off < g->out_end)) {
			if (g->marker)
				return end ? g->src_end : g->src_start;
			return g->src_start + (off - g->out_start);
		}
	}
	return end || off > 0 ? strlen(t->src) : 0;
}

/* The match of needle in text whose start is nearest character hint (the
 * first when hint < 0). */
static int
nearest(const char *text, const char *needle, long hint, size_t *start,
    size_t *end)
{
	size_t	from = 0, s, e;
	long	d, best = -1;

	while (redact_find(text, from, needle, &s, &e)) {
		d = hint < 0 ? 0 : labs((long)utf8_chars_n(text, s) - hint);
		if (best < 0 || d < best) {
			best = d;
			*start = s;
			*end = e;
		}
		if (hint < 0)
			break;
		from = s + 1;
		while (text[from] != '\0' && !utf8_is_lead((unsigned char)text[from]))
			from++;
	}
	return best >= 0;
}

int
redact_anchor(struct arena *a, const struct redacted_text *t,
    const char *quote, long hint, struct anchor *out)
{
	const char	*needle;
	size_t		 s, e, ps, se;
	long		 n;

	memset(out, 0, sizeof(*out));
	if ((needle = redact_needle(a, quote)) == NULL)
		return -1;
	if (needle[0] == '\0')
		return 1;
	if (t->out != NULL && nearest(t->out, needle, hint, &s, &e)) {
		s = redact_src_offset(t, s, 0);
		e = redact_src_offset(t, e, 1);
	} else if (!nearest(t->src, needle, hint, &s, &e))
		return 1;
	if (e <= s)
		return 1;
	for (ps = s, n = 0; ps > 0 && n < REDACT_CONTEXT; ) {
		ps--;
		if (utf8_is_lead((unsigned char)t->src[ps]))
			n++;
	}
	for (se = e, n = 0; t->src[se] != '\0' && n < REDACT_CONTEXT; n++) {
		se++;
		while (t->src[se] != '\0' && !utf8_is_lead((unsigned char)t->src[se]))
			se++;
	}
	out->start = (long)utf8_chars_n(t->src, s);
	out->end = out->start + (long)utf8_chars_n(t->src + s, e - s);
	if ((out->quote = arena_strndup(a, t->src + s, e - s)) == NULL ||
	    (out->prefix = arena_strndup(a, t->src + ps, s - ps)) == NULL ||
	    (out->suffix = arena_strndup(a, t->src + e, se - e)) == NULL)
		return -1;
	return 0;
}
