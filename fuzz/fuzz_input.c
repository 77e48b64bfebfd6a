/* fuzz_input.c: libFuzzer harness for declared inputs: a form or multipart body checked into typed slots. */
#include "config.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/input.h"
#include "http/kv.h"
#include "http/limits.h"
#include "http/multipart.h"
#include "http/urlencoded.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One key of every shape (the names are short, so that the fuzzer finds
 * them). */
enum { F_TEXT, F_LINE, F_INT, F_ID, F_DATE, F_BOOL, F_ENUM, F_LIST, F_WORDS,
    F_IDS, F_FILE, F__MAX };
static const char *const words[] = { "ja", "nej", "kanske", NULL };
static const struct input_def defs[F__MAX] = {
	[F_TEXT] = { .name = "t", .type = INPUT_TEXT, .flags = INPUT_TRIM,
	    .maxlen = 8 },
	[F_LINE] = { .name = "l", .type = INPUT_TEXT, .flags = INPUT_LINE,
	    .maxlen = 4 },
	[F_INT] = { .name = "i", .type = INPUT_INT, .min = -5, .max = 5 },
	[F_ID] = { .name = "d", .type = INPUT_ID, .max = 1000 },
	[F_DATE] = { .name = "y", .type = INPUT_DATE },
	[F_BOOL] = { .name = "b", .type = INPUT_BOOL },
	[F_ENUM] = { .name = "e", .type = INPUT_ENUM, .words = words },
	[F_LIST] = { .name = "n", .type = INPUT_ID, .flags = INPUT_LIST },
	[F_WORDS] = { .name = "a-", .suffix = "-k", .type = INPUT_TEXT,
	    .flags = INPUT_PREFIX | INPUT_LINE, .maxlen = 6 },
	[F_IDS] = { .name = "s", .suffix = "-x", .type = INPUT_INT,
	    .flags = INPUT_PREFIX | INPUT_KEY_ID, .min = 0, .max = 9 },
	[F_FILE] = { .name = "f", .type = INPUT_FILE, .flags = INPUT_LIST },
};
#define K(k)	((enum input_key)(k))
static const enum input_key declared[] = { K(F_TEXT), K(F_LINE), K(F_INT),
    K(F_ID), K(F_DATE), K(F_BOOL), K(F_ENUM), K(F_LIST), K(F_WORDS), K(F_IDS),
    K(F_FILE), K(F__MAX) };

/* Code points of s. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Aborts unless v, a value of def, keeps every promise of its state. */
static void
check(const struct input_def *def, const struct input_value *v)
{
	/* A file's raw is its name as sent, which may be empty. */
	if (v->state == INPUT_ABSENT || v->raw == NULL ||
	    (v->raw[0] == '\0' && def->type != INPUT_FILE))
		abort();
	if ((def->flags & INPUT_PREFIX) && (v->key == NULL || v->key[0] == '\0'))
		abort();
	if ((def->flags & INPUT_KEY_ID) && v->state == INPUT_VALID &&
	    v->key_id < 1)
		abort();
	if (v->state != INPUT_VALID)
		return;
	switch (def->type) {
	case INPUT_TEXT:
		if (v->text == NULL || chars(v->text) > def->maxlen ||
		    ((def->flags & INPUT_LINE) && strpbrk(v->text, "\t\r\n")))
			abort();
		break;
	case INPUT_INT:
		if (v->num < def->min || v->num > def->max)
			abort();
		break;
	case INPUT_ID:
		if (v->num < 1 || (def->max > 0 && v->num > def->max))
			abort();
		break;
	case INPUT_DATE:
		if (v->text == NULL || strlen(v->text) != 10 ||
		    v->text[4] != '-' || v->text[7] != '-')
			abort();
		break;
	case INPUT_BOOL:
		if (v->num != 0 && v->num != 1)
			abort();
		break;
	case INPUT_ENUM:
		if (v->num < 0 || v->num > 2 || v->text != def->words[v->num])
			abort();
		break;
	case INPUT_FILE:	/* its file is in the slot's files */
		break;
	default:
		abort();
	}
}

/* Holds every slot to its type: a valid value is within its limits, a
 * slot is invalid exactly when a value is, at most one value of a plain
 * key, at most sent values, and a file for each valid FILE value only
 * when files were sent (mp), with the bytes the parser kept. */
static void
check_slots(const struct input_slot *slots, size_t sent,
    const struct multipart *mp)
{
	const struct input_file	*f;
	size_t			 i, k, bad, valid;

	for (k = 0; k < F__MAX; k++) {
		if (!slots[k].declared || slots[k].n > sent)
			abort();
		if (!(defs[k].flags & (INPUT_LIST | INPUT_PREFIX)) &&
		    slots[k].n > 1)
			abort();
		for (bad = valid = 0, i = 0; i < slots[k].n; i++) {
			check(&defs[k], &slots[k].v[i]);
			bad += slots[k].v[i].state == INPUT_INVALID;
			valid += slots[k].v[i].state == INPUT_VALID;
		}
		if (slots[k].state != (slots[k].n == 0 ? INPUT_ABSENT :
		    bad > 0 ? INPUT_INVALID : INPUT_VALID))
			abort();
		if (defs[k].type != INPUT_FILE || mp == NULL) {
			if (slots[k].nfiles > 0)
				abort();
			continue;
		}
		if (slots[k].nfiles != valid)
			abort();
		for (i = 0; i < slots[k].nfiles; i++) {
			f = &slots[k].files[i];
			if (f->name == NULL || f->data == NULL ||
			    (f->name[0] == '\0' && f->len == 0) ||
			    f->data[f->len] != '\0')
				abort();
		}
	}
}

/* Parses the input as a form body, and again as a multipart body (with
 * its text parts as the form, as the request reader has them), and checks
 * the declared keys of each. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena			*a;
	struct limits			 l;
	struct kvlist			 form;
	struct multipart		*mp;
	struct input_slot		 slots[F__MAX];
	const struct multipart_part	*p;
	enum parse_err			 pe;
	size_t				 i, n;

	if ((a = arena_new()) == NULL)
		return 0;
	limits_default(&l);
	l.fields_max = 64;
	l.key_max = 32;
	l.value_max = 256;
	l.parts_max = 16;
	memset(&form, 0, sizeof(form));
	(void)urlencoded_parse(a, (const char *)data, size, &l, &form);
	if (input_parse(a, defs, F__MAX, declared, &form, NULL, NULL, slots) == -1)
		abort();
	check_slots(slots, form.n, NULL);

	memset(&form, 0, sizeof(form));
	if ((mp = multipart_new(a, "multipart/form-data; boundary=XyZ", &l,
	    &pe)) == NULL || multipart_feed(mp, (const char *)data, size) !=
	    PARSE_OK || multipart_finish(mp) != PARSE_OK)
		goto out;
	n = multipart_count(mp);
	for (i = 0; i < n; i++)
		if ((p = multipart_part(mp, i))->filename == NULL &&
		    kvlist_add(a, &form, p->name, p->data, p->len) == -1)
			goto out;
	if (input_parse(a, defs, F__MAX, declared, &form, NULL, mp, slots) == -1)
		abort();
	check_slots(slots, n, mp);
out:
	arena_free(a);
	return 0;
}
