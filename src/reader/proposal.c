/* proposal.c: targets for reader_match from a remiss's live sections and questions; its result written as JSON. */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "reader/proposal.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/json.h"

struct reader_target *
proposal_targets(struct arena *a, const struct remiss_def *def, size_t *nt)
{
	struct reader_target	*t;
	size_t			 n = 0, i, k;

	*nt = 0;
	for (i = 0; i < def->nsections; i++)
		n += 1 + def->sections[i].nquestions;
	n += def->ngeneral;
	if (n == 0 || (t = arena_calloc(a, n, sizeof(*t))) == NULL)
		return NULL;
	for (i = 0; i < def->nsections; i++) {
		const struct section_def *s = &def->sections[i];

		t[*nt].section_nr = s->nr;
		t[*nt].heading = s->heading;
		t[*nt].body = s->body;
		(*nt)++;
		for (k = 0; k < s->nquestions; k++) {
			t[*nt].section_nr = s->nr;
			t[*nt].question_id = s->questions[k].qid;
			t[*nt].question_text = s->questions[k].text;
			(*nt)++;
		}
	}
	for (i = 0; i < def->ngeneral; i++) {
		t[*nt].question_id = def->general[i].qid;
		t[*nt].question_text = def->general[i].text;
		(*nt)++;
	}
	return t;
}

/* Narrows [*s, *e) of text[0..len) to whole UTF-8 characters; 0 if the
 * span is in range, -1 if not. */
static int
whole_chars(const char *text, size_t len, size_t *s, size_t *e)
{
	if (*s > *e || *e > len)
		return -1;
	while (*s < *e && ((unsigned char)text[*s] & 0xc0) == 0x80)
		(*s)++;
	while (*e > *s && *e < len && ((unsigned char)text[*e] & 0xc0) == 0x80)
		(*e)--;
	return 0;
}

static int
json_span(struct buf *out, struct arena *a, const char *text, size_t len,
    struct reader_span sp)
{
	size_t	 s = sp.start, e = sp.end;
	char	*str;

	if (whole_chars(text, len, &s, &e) == -1 || s == e)
		return buf_puts(out, "null");
	if ((str = arena_strndup(a, text + s, e - s)) == NULL)
		return -1;
	return json_string(out, str);
}

/* s as a JSON string, each control character but "\n" (a page break of
 * the text) as a space: what a form field may hold; NULL as null. */
static int
json_text(struct buf *out, const char *s)
{
	char *c, *p;

	if (s == NULL)
		return json_string(out, NULL);
	if ((c = arena_strdup(out->arena, s)) == NULL)
		return -1;
	for (p = c; *p != '\0'; p++)
		if (((unsigned char)*p < 0x20 && *p != '\n') || *p == 0x7f)
			*p = ' ';
	return json_string(out, c);
}

int
proposal_json(struct buf *out, const char *text, size_t len,
    const struct reader_target *targets, size_t nt,
    const struct reader_result *res)
{
	const struct reader_answer	*an;
	const char			*pos;
	size_t				 i, ps, pe, cs, ce;
	int				 first = 1;

	pos = position_code(res->overall);
	buf_puts(out, "{\"position\":");
	json_string(out, pos);
	buf_puts(out, ",\"position_cue\":");
	if (json_span(out, out->arena, text, len, res->overall_cue) == -1)
		return -1;
	buf_puts(out, ",\"summary\":");
	json_text(out, res->summary);
	buf_puts(out, ",\"diarienummer\":");
	json_text(out, res->diarienummer);
	buf_puts(out, ",\"decision_body\":");
	json_text(out, res->decision_body);
	buf_puts(out, ",\"decision_date\":");
	json_text(out, res->decision_date);
	buf_puts(out, ",\"answers\":[");
	for (i = 0; i < res->nanswers; i++) {
		an = &res->answers[i];
		ps = an->passage.start;
		pe = an->passage.end;
		if (an->target >= nt || whole_chars(text, len, &ps, &pe) == -1)
			continue;
		cs = an->cue.start;
		ce = an->cue.end;
		if (ce <= cs || cs < ps || ce > pe ||
		    whole_chars(text, len, &cs, &ce) == -1 || cs == ce)
			cs = ce = ps;
		if (!first)
			buf_puts(out, ",");
		first = 0;
		buf_puts(out, "{\"section\":");
		json_string(out, targets[an->target].question_id == NULL ?
		    targets[an->target].section_nr : NULL);
		buf_puts(out, ",\"question\":");
		json_string(out, targets[an->target].question_id);
		buf_puts(out, ",\"position\":");
		json_string(out, position_code(an->position));
		buf_puts(out, ",\"passage\":");
		if (json_span(out, out->arena, text, len,
		    (struct reader_span){ ps, pe }) == -1)
			return -1;
		buf_printf(out, ",\"cue_start\":%zu,\"cue_end\":%zu",
		    cs - ps, ce - ps);
		buf_puts(out, ",\"comment\":");
		json_text(out, an->comment);
		buf_printf(out, ",\"confidence\":%d}",
		    an->confidence < 0 ? 0 : an->confidence > 100 ? 100 :
		    an->confidence);
	}
	buf_puts(out, "]}");
	return out->failed ? -1 : 0;
}
