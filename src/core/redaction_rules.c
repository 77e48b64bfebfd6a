/* redaction_rules.c: the pure rules of the redaction forms: what a request would hide in a
 * response as the public sees it (core/redact.c finds it), the legal ground, a reason. */
#include "config.h"

#include <string.h>

#include "core/anchor.h"
#include "core/filetype.h"
#include "core/public_model.h"
#include "core/redact.h"
#include "core/redaction_rules.h"
#include "http/utf8.h"

#define GROUND_MAX	300	/* redactions.legal_ground */
#define REASON_MAX	500	/* redaction_withdrawals.reason */

/* True if s is 1..max bytes of one line without spaces around it or
 * control characters. */
static bool
one_line(const char *s, size_t max)
{
	size_t	len, i;

	if (s == NULL || (len = strlen(s)) == 0 || len > max ||
	    s[0] == ' ' || s[len - 1] == ' ')
		return false;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

bool
redaction_reason_ok(const char *s)
{
	return one_line(s, REASON_MAX);
}

bool
redaction_ground_ok(const char *s)
{
	const char	*p = s;
	size_t		 i;

	if (!one_line(s, GROUND_MAX))
		return false;
	for (i = 0; p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == 0 || i > 2 || strncmp(p + i, " kap. ", 6) != 0)
		return false;
	p += i + 6;
	for (i = 0; p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == 0 || i > 3)
		return false;
	p += i;
	if (p[0] == ' ' && p[1] >= 'a' && p[1] <= 'z' && p[2] == ' ')
		p += 2;
	return strncmp(p, " §", strlen(" §")) == 0;
}

static enum core_result
refuse(enum redaction_refusal *why, enum redaction_refusal r)
{
	*why = r;
	return r == REFUSE_ATTACHMENT_REDACTED ? CORE_CONFLICT : CORE_INVALID;
}

/* A passage: anchored when the preview's script told where it starts in
 * one field, else every occurrence (in one field or all). */
static enum core_result
passage(struct arena *a, const struct public_response *r,
    const struct redaction_ask *q, struct redaction_new *w,
    enum redaction_refusal *why, const char **field)
{
	const struct redacted_text	*t = NULL;
	struct anchor			 an;
	const char			*needle;
	size_t				 i, n = 0;
	int				 rc;

	if (utf8_chars(q->passage) > REDACTION_PASSAGE_MAX)
		return refuse(why, REFUSE_PASSAGE_TOO_LONG);
	if (q->field != NULL &&
	    (t = redacted_text_get(&r->v, q->field)) == NULL)
		return refuse(why, REFUSE_NO_FIELD);
	if (t != NULL && strcmp(t->key, "beslutsdatum") == 0)
		return refuse(why, REFUSE_DATE_PASSAGE);
	*field = t != NULL ? t->key : NULL;
	if (t != NULL && (q->start_bad || q->start >= 0)) {
		if (q->start_bad)
			return refuse(why, REFUSE_BAD_START);
		if ((rc = redact_anchor(a, t, q->passage, (long)q->start,
		    &an)) == -1)
			return CORE_ERROR;
		if (rc == 1)
			return refuse(why, REFUSE_ABSENT);
		if (utf8_chars(an.quote) > REDACTION_PASSAGE_MAX)
			return refuse(why, REFUSE_SELECTION_TOO_LONG);
		w->kind = REDACT_ANCHORED;
		w->field = t->key;
		w->passage = an.quote;
		w->prefix = an.prefix;
		w->suffix = an.suffix;
		w->start = an.start;
		w->end = an.end;
		return CORE_OK;
	}
	if ((needle = redact_needle(a, q->passage)) == NULL)
		return CORE_ERROR;
	for (i = 0; i < r->v.ntexts; i++)
		if (t == NULL || &r->v.texts[i] == t)
			n += redact_count(r->v.texts[i].src, needle);
	if (needle[0] == '\0' || n == 0)
		return refuse(why, REFUSE_ABSENT);
	w->kind = REDACT_OCCURRENCES;
	w->field = t != NULL ? t->key : NULL;
	w->passage = needle;
	return CORE_OK;
}

/* An attachment: withheld, or replaced by the uploaded copy. */
static enum core_result
attachment(struct arena *a, const struct public_response *r,
    const struct redaction_ask *q, struct redaction_new *w,
    enum redaction_refusal *why)
{
	const char	*name, *type;
	long long	 n = q->attachment;

	if (n < 1 || (size_t)n > r->v.natts)
		return refuse(why, REFUSE_NO_ATTACHMENT);
	if (r->v.atts[n - 1].state != ATT_SHOWN)
		return refuse(why, REFUSE_ATTACHMENT_REDACTED);
	if (!q->replace && q->has_file)
		return refuse(why, REFUSE_FILE_UNWANTED);
	w->kind = REDACT_ATTACHMENT;
	w->ord = (long)n - 1;
	if (!q->replace)
		return CORE_OK;
	if (!q->has_file)
		return refuse(why, REFUSE_FILE_MISSING);
	name = filetype_clean_name(a, q->file_name);
	type = name != NULL ? filetype_sniff(q->file, q->file_len, name) : NULL;
	if (type == NULL)
		return refuse(why, REFUSE_FILE_TYPE);
	w->rep_name = name;
	w->rep_type = type;
	w->rep = q->file;
	w->rep_len = q->file_len;
	return CORE_OK;
}

enum core_result
redaction_prepare(struct arena *a, const struct public_response *r,
    const struct redaction_ask *q, struct redaction_new *w,
    enum redaction_refusal *why, const char **field)
{
	memset(w, 0, sizeof(*w));
	w->ord = -1;
	w->legal_ground = q->legal_ground;
	*field = NULL;
	if (q->passage != NULL)
		return passage(a, r, q, w, why, field);
	if (q->whole != NULL) {
		if (redacted_text_get(&r->v, q->whole) == NULL)
			return refuse(why, REFUSE_NO_FIELD);
		w->kind = REDACT_FIELD;
		w->field = q->whole;
		return CORE_OK;
	}
	return attachment(a, r, q, w, why);
}
