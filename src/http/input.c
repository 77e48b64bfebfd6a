/* input.c: checks a route's declared form and query keys into typed slots, and reads them. */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "http/input.h"
#include "http/kv.h"
#include "http/multipart.h"
#include "http/request.h"
#include "log.h"
#include "util/arena.h"
#include "util/numparse.h"

#define KEY_WORD_MAX	64	/* bytes of a PREFIX family's word KEY */

static const char *const yes_words[] = { "1", "on", "ja", "true", "yes", NULL };
static const char *const no_words[] = { "0", "off", "nej", "false", "no", NULL };

/* The index of s in words (ended by NULL), or -1. */
static int
word_index(const char *const *words, const char *s)
{
	int i;

	for (i = 0; words != NULL && words[i] != NULL; i++)
		if (strcmp(words[i], s) == 0)
			return i;
	return -1;
}

/* Code points of the valid UTF-8 s[0..len). */
static size_t
chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static bool
space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* True if s (exactly 10 bytes) is YYYY-MM-DD and that day exists. */
static bool
date_ok(const char *s, size_t len)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	size_t	y, m, d;
	int	last;

	if (len != 10 || s[4] != '-' || s[7] != '-' ||
	    parse_size(s, 4, 9999, &y) == -1 ||
	    parse_size(s + 5, 2, 12, &m) == -1 ||
	    parse_size(s + 8, 2, 31, &d) == -1 || y < 1 || m < 1 || d < 1)
		return false;
	last = days[m - 1];
	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		last = 29;
	return d <= (size_t)last;
}

/*
 * Checks raw against def into *v (raw copied into a). An empty value
 * (after trimming, with INPUT_TRIM) is absent. Returns 0, or -1 on OOM.
 */
static int
check_value(struct arena *a, const struct input_def *def, const char *raw,
    size_t len, struct input_value *v)
{
	long	l;
	int	i;

	if (def->flags & INPUT_TRIM) {
		while (len > 0 && space(raw[0])) {
			raw++;
			len--;
		}
		while (len > 0 && space(raw[len - 1]))
			len--;
	}
	if (len == 0) {
		v->state = INPUT_ABSENT;
		return 0;
	}
	if ((v->raw = arena_strndup(a, raw, len)) == NULL)
		return -1;
	/* A NUL inside (multipart text parts keep their length) is never
	 * valid: every check below reads up to the first NUL. */
	v->state = strlen(v->raw) == len ? INPUT_VALID : INPUT_INVALID;
	if (v->state == INPUT_INVALID)
		return 0;
	switch (def->type) {
	case INPUT_TEXT:
		if ((def->maxlen > 0 && chars(v->raw, len) > def->maxlen) ||
		    ((def->flags & INPUT_LINE) &&
		    strpbrk(v->raw, "\t\r\n") != NULL))
			v->state = INPUT_INVALID;
		else
			v->text = v->raw;
		break;
	case INPUT_INT:
		if (parse_long(v->raw, (long)def->min, (long)def->max, &l) == -1)
			v->state = INPUT_INVALID;
		else
			v->num = l;
		break;
	case INPUT_ID:
		if (parse_long(v->raw, 1, def->max > 0 ? (long)def->max :
		    LONG_MAX, &l) == -1)
			v->state = INPUT_INVALID;
		else
			v->num = l;
		break;
	case INPUT_DATE:
		if (!date_ok(v->raw, len))
			v->state = INPUT_INVALID;
		else
			v->text = v->raw;
		break;
	case INPUT_BOOL:
		if (word_index(yes_words, v->raw) >= 0)
			v->num = 1;
		else if (word_index(no_words, v->raw) >= 0)
			v->num = 0;
		else
			v->state = INPUT_INVALID;
		break;
	case INPUT_ENUM:
		if ((i = word_index(def->words, v->raw)) < 0)
			v->state = INPUT_INVALID;
		else {
			v->num = i;
			v->text = def->words[i];
		}
		break;
	default:	/* INPUT_FILE: text sent where a file belongs */
		v->state = INPUT_INVALID;
		break;
	}
	return 0;
}

/* Appends to slot s the value of kv checked against def (and, for a
 * family, with its KEY key[0..klen)), keeping the slot's state. An empty
 * value is skipped. Returns 0 or -1 on OOM. */
static int
add_value(struct arena *a, const struct input_def *def, struct input_slot *s,
    size_t cap, const struct kv *kv, const char *key, size_t klen)
{
	struct input_value	*v;
	long			 l;

	if (s->n >= cap)
		return 0;
	v = &s->v[s->n];
	memset(v, 0, sizeof(*v));
	if (check_value(a, def, kv->val, kv->vallen, v) == -1)
		return -1;
	if (v->state == INPUT_ABSENT)
		return 0;
	if (key != NULL) {
		if ((v->key = arena_strndup(a, key, klen)) == NULL)
			return -1;
		if (def->flags & INPUT_KEY_ID) {
			if (parse_long(v->key, 1, LONG_MAX, &l) == -1)
				v->state = INPUT_INVALID;
			else
				v->key_id = l;
		} else if (klen > KEY_WORD_MAX || memchr(key, '/', klen) != NULL)
			v->state = INPUT_INVALID;
	}
	if (v->state == INPUT_INVALID)
		s->state = INPUT_INVALID;
	else if (s->state == INPUT_ABSENT)
		s->state = INPUT_VALID;
	s->n++;
	return 0;
}

/* If kv's key belongs to def's family, sets *key and *klen to its KEY. */
static bool
family_key(const struct input_def *def, const struct kv *kv, const char **key,
    size_t *klen)
{
	size_t	plen = strlen(def->name), len = strlen(kv->key);
	size_t	slen = def->suffix != NULL ? strlen(def->suffix) : 0;

	if (len <= plen + slen || strncmp(kv->key, def->name, plen) != 0 ||
	    (slen > 0 && strcmp(kv->key + len - slen, def->suffix) != 0))
		return false;
	*key = kv->key + plen;
	*klen = len - plen - slen;
	return true;
}

/* True if slot s already has a value whose KEY is key[0..klen). */
static bool
has_key(const struct input_slot *s, const char *key, size_t klen)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->v[i].key != NULL && strlen(s->v[i].key) == klen &&
		    memcmp(s->v[i].key, key, klen) == 0)
			return true;
	return false;
}

/* Fills slot s of def from the lists l[0..2) (form, query). */
static int
parse_one(struct arena *a, const struct input_def *def,
    const struct kvlist *const l[2], struct input_slot *s)
{
	const char	*key;
	size_t		 i, j, klen, cap = 0;
	bool		 many = def->flags & (INPUT_LIST | INPUT_PREFIX);

	for (j = 0; j < 2; j++)
		cap += l[j] != NULL ? l[j]->n : 0;
	if (cap == 0)
		return 0;
	if ((s->v = arena_calloc(a, many ? cap : 1, sizeof(*s->v))) == NULL)
		return -1;
	for (j = 0; j < 2; j++) {
		if (l[j] == NULL)
			continue;
		/* A list comes from one place: the form, or else the query. */
		if ((def->flags & INPUT_LIST) && s->n > 0)
			return 0;
		for (i = 0; i < l[j]->n; i++) {
			key = NULL;
			klen = 0;
			if (def->flags & INPUT_PREFIX) {
				if (!family_key(def, &l[j]->items[i], &key,
				    &klen) || has_key(s, key, klen))
					continue;
			} else if (strcmp(l[j]->items[i].key, def->name) != 0)
				continue;
			if (add_value(a, def, s, many ? cap : 1,
			    &l[j]->items[i], key, klen) == -1)
				return -1;
			/* A plain key: the first one sent, empty or not. */
			if (!many)
				return 0;
		}
	}
	return 0;
}

/*
 * Fills the FILE slot s of def from the parts of mp named def->name: the
 * first (empty or not), or with INPUT_LIST every one. A file part is valid
 * unless it is empty (no name, no bytes: absent); a text part is invalid
 * unless empty (absent), as any text under a file key is.
 */
static int
parse_files(struct arena *a, const struct input_def *def,
    const struct multipart *mp, struct input_slot *s)
{
	const struct multipart_part	*p;
	struct input_value		*v;
	struct input_file		*f;
	size_t				 i, n = multipart_count(mp), cap;

	cap = def->flags & INPUT_LIST ? n : 1;
	if (n == 0)
		return 0;
	if ((s->v = arena_calloc(a, cap, sizeof(*s->v))) == NULL ||
	    (s->files = arena_calloc(a, cap, sizeof(*s->files))) == NULL)
		return -1;
	for (i = 0; i < n && s->n < cap; i++) {
		p = multipart_part(mp, i);
		if (strcmp(p->name, def->name) != 0)
			continue;
		v = &s->v[s->n];
		if (p->filename == NULL) {
			if (p->len > 0) {
				v->state = INPUT_INVALID;
				if ((v->raw = arena_strndup(a, p->data,
				    p->len)) == NULL)
					return -1;
			}
		} else if (p->filename[0] != '\0' || p->len > 0) {
			v->state = INPUT_VALID;
			v->raw = p->filename;
			f = &s->files[s->nfiles++];
			f->name = p->filename;
			f->media_type = p->content_type;
			f->data = (const unsigned char *)p->data;
			f->len = p->len;
		}
		if (v->state == INPUT_INVALID)
			s->state = INPUT_INVALID;
		else if (v->state == INPUT_VALID && s->state == INPUT_ABSENT)
			s->state = INPUT_VALID;
		if (v->state != INPUT_ABSENT)
			s->n++;
		/* A plain key: the first one sent, empty or not. */
		if (!(def->flags & INPUT_LIST))
			return 0;
	}
	return 0;
}

int
input_parse(struct arena *a, const struct input_def *defs, size_t ndefs,
    const enum input_key *declared, const struct kvlist *form,
    const struct kvlist *query, const struct multipart *mp,
    struct input_slot *slots)
{
	const struct kvlist	*l[2] = { form, query };
	const struct kvlist	*body[2] = { form, NULL };
	const struct input_def	*d;
	struct input_slot	*s;
	size_t			 i;
	int			 rc;

	memset(slots, 0, ndefs * sizeof(*slots));
	for (i = 0; declared != NULL && (size_t)declared[i] < ndefs; i++) {
		d = &defs[declared[i]];
		s = &slots[declared[i]];
		if (s->declared)
			continue;
		s->declared = true;
		s->name = d->name;
		s->type = d->type;
		/* A file comes in the body: from the multipart parser, or
		 * in a form without files, as text (so invalid). */
		if (d->type != INPUT_FILE)
			rc = parse_one(a, d, l, s);
		else if (mp != NULL)
			rc = parse_files(a, d, mp, s);
		else
			rc = parse_one(a, d, body, s);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/* The slot of k in req, or NULL (logged) when the route does not declare
 * it: a bug in the route table or the handler. */
static const struct input_slot *
slot(const struct request *req, enum input_key k, const char *func)
{
	const struct input_slot *s;

	if ((unsigned)k >= IN__MAX || req->inputs == NULL ||
	    !(s = &req->inputs[k])->declared) {
		log_write("error", func, "id=%s input %d read but not declared",
		    req->id, (int)k);
		return NULL;
	}
	return s;
}

enum input_state
input_state(const struct request *req, enum input_key k)
{
	const struct input_slot *s = slot(req, k, __func__);

	return s != NULL ? s->state : INPUT_ABSENT;
}

/* The first value of k, or NULL. */
static const struct input_value *
first(const struct request *req, enum input_key k, const char *func)
{
	const struct input_slot *s = slot(req, k, func);

	return s != NULL && s->n > 0 ? &s->v[0] : NULL;
}

const char *
input_text(const struct request *req, enum input_key k)
{
	const struct input_value *v = first(req, k, __func__);

	return v != NULL && v->state == INPUT_VALID ? v->text : NULL;
}

const char *
input_raw(const struct request *req, enum input_key k)
{
	const struct input_value *v = first(req, k, __func__);

	return v != NULL ? v->raw : NULL;
}

int
input_num(const struct request *req, enum input_key k, long long *out)
{
	const struct input_value *v = first(req, k, __func__);

	if (v == NULL || v->state != INPUT_VALID ||
	    (req->inputs[k].type != INPUT_INT && req->inputs[k].type != INPUT_ID))
		return -1;
	*out = v->num;
	return 0;
}

bool
input_bool(const struct request *req, enum input_key k)
{
	const struct input_value *v = first(req, k, __func__);

	return v != NULL && v->state == INPUT_VALID &&
	    req->inputs[k].type == INPUT_BOOL && v->num == 1;
}

int
input_enum(const struct request *req, enum input_key k)
{
	const struct input_value *v = first(req, k, __func__);

	return v != NULL && v->state == INPUT_VALID &&
	    req->inputs[k].type == INPUT_ENUM ? (int)v->num : -1;
}

const struct input_value *
input_values(const struct request *req, enum input_key k, size_t *n)
{
	const struct input_slot *s = slot(req, k, __func__);

	*n = s != NULL ? s->n : 0;
	return *n > 0 ? s->v : NULL;
}

const struct input_file *
input_files(const struct request *req, enum input_key k, size_t *n)
{
	const struct input_slot *s = slot(req, k, __func__);

	*n = s != NULL && s->type == INPUT_FILE ? s->nfiles : 0;
	return *n > 0 ? s->files : NULL;
}

const struct input_value *
input_member(const struct request *req, enum input_key k, const char *key)
{
	const struct input_slot	*s = slot(req, k, __func__);
	size_t			 i;

	for (i = 0; s != NULL && i < s->n; i++)
		if (s->v[i].key != NULL && strcmp(s->v[i].key, key) == 0)
			return &s->v[i];
	return NULL;
}
