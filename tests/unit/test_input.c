/* test_input.c: declared inputs: each value checked by its type into a slot, invalid kept apart. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http/input.h"
#include "http/kv.h"
#include "http/limits.h"
#include "http/multipart.h"
#include "http/request.h"
#include "util/arena.h"

/* A table of our own, with one key of each shape. */
enum { T_NAME, T_LINE, T_NUM, T_ID, T_DAY, T_BOX, T_KIND, T_ORGS, T_COMMENT,
    T_SECNR, T_FILE, T_FILES, T_NOTE, T__MAX };
static const char *const kinds[] = { "kommun", "region", "annan", NULL };
static const struct input_def defs[T__MAX] = {
	[T_NAME] = { .name = "namn", .type = INPUT_TEXT, .flags = INPUT_TRIM,
	    .maxlen = 5 },
	[T_LINE] = { .name = "rubrik", .type = INPUT_TEXT, .flags = INPUT_LINE },
	[T_NUM] = { .name = "antal", .type = INPUT_INT, .min = -3, .max = 10 },
	[T_ID] = { .name = "id", .type = INPUT_ID },
	[T_DAY] = { .name = "datum", .type = INPUT_DATE },
	[T_BOX] = { .name = "last", .type = INPUT_BOOL },
	[T_KIND] = { .name = "typ", .type = INPUT_ENUM, .words = kinds },
	[T_ORGS] = { .name = "organisation", .type = INPUT_ID,
	    .flags = INPUT_LIST },
	[T_COMMENT] = { .name = "a-", .suffix = "-kommentar", .type = INPUT_TEXT,
	    .flags = INPUT_PREFIX | INPUT_TRIM, .maxlen = 20 },
	[T_SECNR] = { .name = "s", .suffix = "-nr", .type = INPUT_TEXT,
	    .flags = INPUT_PREFIX | INPUT_KEY_ID | INPUT_LINE, .maxlen = 10 },
	[T_FILE] = { .name = "fil", .type = INPUT_FILE },
	[T_FILES] = { .name = "bilaga", .type = INPUT_FILE, .flags = INPUT_LIST },
	[T_NOTE] = { .name = "anteckning", .type = INPUT_TEXT },
};
/* Every key but T_NOTE: it is sent, never declared. */
#define K(k)	((enum input_key)(k))
static const enum input_key declared[] = { K(T_NAME), K(T_LINE), K(T_NUM),
    K(T_ID), K(T_DAY), K(T_BOX), K(T_KIND), K(T_ORGS), K(T_COMMENT),
    K(T_SECNR), K(T_FILE), K(T_FILES), K(T__MAX) };

struct fixture {
	struct arena		*a;
	struct kvlist		 form, query;
	struct multipart	*mp;
	struct input_slot	 slots[T__MAX];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	assert_non_null(f->a = arena_new());
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	arena_free(f->a);
	free(f);
	return 0;
}

static void
form(struct fixture *f, const char *k, const char *v)
{
	assert_int_equal(kvlist_add(f->a, &f->form, k, v, strlen(v)), 0);
}

static void
query(struct fixture *f, const char *k, const char *v)
{
	assert_int_equal(kvlist_add(f->a, &f->query, k, v, strlen(v)), 0);
}

static void
parse(struct fixture *f)
{
	assert_int_equal(input_parse(f->a, defs, T__MAX, declared, &f->form,
	    &f->query, f->mp, f->slots), 0);
}

/* A multipart body of the parts in body (boundary "XyZ") as the request
 * reader has it: f->mp, and its text parts in f->form. */
static void
multipart(struct fixture *f, const char *body)
{
	const struct multipart_part	*p;
	struct limits			 l;
	enum parse_err			 e;
	size_t				 i;

	limits_default(&l);
	assert_non_null(f->mp = multipart_new(f->a,
	    "multipart/form-data; boundary=XyZ", &l, &e));
	assert_int_equal(multipart_feed(f->mp, body, strlen(body)), PARSE_OK);
	assert_int_equal(multipart_finish(f->mp), PARSE_OK);
	f->form.n = 0;
	for (i = 0; i < multipart_count(f->mp); i++)
		if ((p = multipart_part(f->mp, i))->filename == NULL)
			form(f, p->name, p->data);
}

/* A part of a multipart body: a file when filename is not NULL. */
#define PART(name, filename, type, data) \
	"--XyZ\r\nContent-Disposition: form-data; name=\"" name "\"" \
	filename "\r\n" type "\r\n" data "\r\n"
#define FILE_PART(name, filename, type, data) \
	PART(name, "; filename=\"" filename "\"", "Content-Type: " type "\r\n", \
	    data)
#define TEXT_PART(name, data)	PART(name, "", "", data)
#define END			"--XyZ--\r\n"

/* The one value of slot k. */
static const struct input_value *
one(struct fixture *f, int k)
{
	assert_int_equal(f->slots[k].n, 1);
	return &f->slots[k].v[0];
}

static void
text_is_counted_in_characters_and_kept_when_too_long(void **state)
{
	struct fixture *f = *state;

	form(f, "namn", "  åäöÅÄ ");	/* five characters, ten bytes */
	form(f, "rubrik", "två\nrader");
	parse(f);
	assert_int_equal(f->slots[T_NAME].state, INPUT_VALID);
	assert_string_equal(one(f, T_NAME)->text, "åäöÅÄ");
	assert_int_equal(f->slots[T_LINE].state, INPUT_INVALID);
	assert_null(one(f, T_LINE)->text);
	/* What was sent stays, to show the form again. */
	assert_string_equal(one(f, T_LINE)->raw, "två\nrader");

	f->form.n = 0;
	form(f, "namn", "sexsex");
	parse(f);
	assert_int_equal(f->slots[T_NAME].state, INPUT_INVALID);
	assert_string_equal(one(f, T_NAME)->raw, "sexsex");
}

static void
empty_and_blank_values_are_absent(void **state)
{
	struct fixture *f = *state;

	form(f, "namn", " \t\r\n ");
	form(f, "antal", "");
	parse(f);
	assert_int_equal(f->slots[T_NAME].state, INPUT_ABSENT);
	assert_int_equal(f->slots[T_NAME].n, 0);
	assert_int_equal(f->slots[T_NUM].state, INPUT_ABSENT);
	assert_int_equal(f->slots[T_ID].state, INPUT_ABSENT);
	assert_true(f->slots[T_ID].declared);
}

static void
numbers_are_whole_strings_in_range(void **state)
{
	static const struct { const char *s; enum input_state st; long long v; }
	    nums[] = {
		{ "10", INPUT_VALID, 10 }, { "-3", INPUT_VALID, -3 },
		{ "11", INPUT_INVALID, 0 }, { "-4", INPUT_INVALID, 0 },
		{ "5 ", INPUT_INVALID, 0 }, { "+5", INPUT_INVALID, 0 },
		{ "0x5", INPUT_INVALID, 0 }, { "5a", INPUT_INVALID, 0 },
	}, ids[] = {
		{ "1", INPUT_VALID, 1 }, { "9223372036854775807", INPUT_VALID,
		    9223372036854775807LL },
		{ "0", INPUT_INVALID, 0 }, { "-1", INPUT_INVALID, 0 },
		{ "9223372036854775808", INPUT_INVALID, 0 },
		{ "1.0", INPUT_INVALID, 0 }, { "abc", INPUT_INVALID, 0 },
	};
	struct fixture	*f = *state;
	size_t		 i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		f->form.n = 0;
		form(f, "antal", nums[i].s);
		parse(f);
		if (f->slots[T_NUM].state != nums[i].st ||
		    (nums[i].st == INPUT_VALID && one(f, T_NUM)->num != nums[i].v))
			fail_msg("antal=%s", nums[i].s);
	}
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		f->form.n = 0;
		form(f, "id", ids[i].s);
		parse(f);
		if (f->slots[T_ID].state != ids[i].st ||
		    (ids[i].st == INPUT_VALID && one(f, T_ID)->num != ids[i].v))
			fail_msg("id=%s", ids[i].s);
	}
}

static void
dates_must_exist(void **state)
{
	static const struct { const char *s; enum input_state st; } days[] = {
		{ "2024-02-29", INPUT_VALID }, { "2000-02-29", INPUT_VALID },
		{ "2024-12-31", INPUT_VALID }, { "2023-02-29", INPUT_INVALID },
		{ "1900-02-29", INPUT_INVALID }, { "2024-04-31", INPUT_INVALID },
		{ "2024-13-01", INPUT_INVALID }, { "2024-00-10", INPUT_INVALID },
		{ "2024-1-01", INPUT_INVALID }, { "2024-01-01x", INPUT_INVALID },
		{ "22 maj 2024", INPUT_INVALID }, { "0000-01-01", INPUT_INVALID },
	};
	struct fixture	*f = *state;
	size_t		 i;

	for (i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		f->form.n = 0;
		form(f, "datum", days[i].s);
		parse(f);
		if (f->slots[T_DAY].state != days[i].st)
			fail_msg("datum=%s", days[i].s);
	}
}

static void
booleans_and_enums_take_only_their_words(void **state)
{
	struct fixture *f = *state;

	form(f, "last", "ja");
	form(f, "typ", "region");
	parse(f);
	assert_int_equal(one(f, T_BOX)->num, 1);
	assert_int_equal(one(f, T_KIND)->num, 1);
	assert_string_equal(one(f, T_KIND)->text, "region");

	f->form.n = 0;
	form(f, "last", "nej");
	form(f, "typ", "Region");
	parse(f);
	assert_int_equal(f->slots[T_BOX].state, INPUT_VALID);
	assert_int_equal(one(f, T_BOX)->num, 0);
	assert_int_equal(f->slots[T_KIND].state, INPUT_INVALID);

	f->form.n = 0;
	form(f, "last", "kanske");
	parse(f);
	assert_int_equal(f->slots[T_BOX].state, INPUT_INVALID);
}

/* A plain key: the form's first value, else the query's. */
static void
the_form_comes_before_the_query(void **state)
{
	struct fixture *f = *state;

	form(f, "id", "7");
	form(f, "id", "8");
	query(f, "id", "9");
	query(f, "antal", "4");
	parse(f);
	assert_int_equal(one(f, T_ID)->num, 7);
	assert_int_equal(one(f, T_NUM)->num, 4);
}

/* A list keeps every value in order; one bad value makes the slot
 * invalid without losing the others. */
static void
lists_keep_every_value(void **state)
{
	struct fixture *f = *state;

	form(f, "organisation", "3");
	form(f, "organisation", "1");
	form(f, "organisation", "");
	query(f, "organisation", "99");
	parse(f);
	assert_int_equal(f->slots[T_ORGS].state, INPUT_VALID);
	assert_int_equal(f->slots[T_ORGS].n, 2);
	assert_int_equal(f->slots[T_ORGS].v[0].num, 3);
	assert_int_equal(f->slots[T_ORGS].v[1].num, 1);

	form(f, "organisation", "x");
	parse(f);
	assert_int_equal(f->slots[T_ORGS].state, INPUT_INVALID);
	assert_int_equal(f->slots[T_ORGS].n, 3);
	assert_int_equal(f->slots[T_ORGS].v[2].state, INPUT_INVALID);
	assert_string_equal(f->slots[T_ORGS].v[2].raw, "x");

	/* Only when the form has none does the query's list count. */
	f->form.n = 0;
	parse(f);
	assert_int_equal(f->slots[T_ORGS].n, 1);
	assert_int_equal(f->slots[T_ORGS].v[0].num, 99);
}

/* A family "a-NR-kommentar": one value per section number, the first of
 * each; "sID-nr" with an id for KEY. */
static void
families_take_every_member(void **state)
{
	struct fixture *f = *state;

	form(f, "a-3.3-kommentar", "  Bra.  ");
	form(f, "a-7a-kommentar", "Nja.");
	form(f, "a-3.3-kommentar", "En andra gång");
	form(f, "a-3.3-lydelse", "inte i familjen");
	form(f, "a--kommentar", "ingen nyckel");
	query(f, "a-9-kommentar", "från frågan");
	form(f, "s12-nr", "1.2");
	parse(f);
	assert_int_equal(f->slots[T_COMMENT].state, INPUT_VALID);
	assert_int_equal(f->slots[T_COMMENT].n, 3);
	assert_string_equal(f->slots[T_COMMENT].v[0].key, "3.3");
	assert_string_equal(f->slots[T_COMMENT].v[0].text, "Bra.");
	assert_string_equal(f->slots[T_COMMENT].v[1].key, "7a");
	assert_string_equal(f->slots[T_COMMENT].v[2].key, "9");
	assert_int_equal(f->slots[T_SECNR].n, 1);
	assert_int_equal(f->slots[T_SECNR].v[0].key_id, 12);
	assert_string_equal(f->slots[T_SECNR].v[0].text, "1.2");

	/* A KEY that is not an id, or a word with a slash, is invalid. */
	f->form.n = f->query.n = 0;
	form(f, "sx-nr", "1");
	form(f, "a-../x-kommentar", "?");
	parse(f);
	assert_int_equal(f->slots[T_SECNR].state, INPUT_INVALID);
	assert_int_equal(f->slots[T_COMMENT].state, INPUT_INVALID);
}

/* A key the route does not declare never reaches a slot; a value with a
 * NUL inside (a multipart text part) is never valid. */
static void
undeclared_keys_and_nul_bytes_do_not_pass(void **state)
{
	struct fixture *f = *state;

	form(f, "anteckning", "hemlig");
	assert_int_equal(kvlist_add(f->a, &f->form, "rubrik", "a\0b", 3), 0);
	parse(f);
	assert_false(f->slots[T_NOTE].declared);
	assert_int_equal(f->slots[T_NOTE].n, 0);
	assert_int_equal(f->slots[T_LINE].state, INPUT_INVALID);
}

/* The accessors read a request's slots by the app's keys, and an
 * undeclared key reads as absent. */
static void
accessors_read_only_declared_valid_values(void **state)
{
	static const enum input_key route_keys[] = { IN_LANG, IN_NEXT,
	    IN_SAVED, IN__END };
	struct fixture		*f = *state;
	struct request		 req;
	struct input_slot	 slots[IN__MAX];

	memset(&req, 0, sizeof(req));
	strcpy(req.id, "test");
	form(f, "lang", "en");
	form(f, "next", "/konto\nX");
	form(f, "sparat", "1");
	form(f, "email", "a@b.se");
	assert_int_equal(input_parse(f->a, input_defs, IN__MAX, route_keys,
	    &f->form, &f->query, NULL, slots), 0);
	req.inputs = slots;
	assert_int_equal(input_enum(&req, IN_LANG), 1);
	assert_string_equal(input_text(&req, IN_LANG), "en");
	assert_int_equal(input_state(&req, IN_NEXT), INPUT_INVALID);
	assert_null(input_text(&req, IN_NEXT));
	assert_string_equal(input_raw(&req, IN_NEXT), "/konto\nX");
	assert_true(input_bool(&req, IN_SAVED));
	/* Sent, but not declared by the route. */
	assert_null(input_text(&req, IN_EMAIL));
	assert_int_equal(input_state(&req, IN_EMAIL), INPUT_ABSENT);
	req.inputs = NULL;
	assert_null(input_text(&req, IN_LANG));
}

/* A FILE key: absent when not sent or sent empty (a file field left
 * empty), one file, several under a LIST key in order; text sent under a
 * file key is invalid, in a multipart body or a form without files. */
static void
files_come_from_the_multipart_body(void **state)
{
	struct fixture		*f = *state;
	struct input_slot	*one = &f->slots[T_FILE], *list = &f->slots[T_FILES];

	parse(f);
	assert_true(one->declared);
	assert_int_equal(one->state, INPUT_ABSENT);
	assert_int_equal(one->nfiles, 0);

	multipart(f, FILE_PART("fil", "", "application/octet-stream", "")
	    TEXT_PART("namn", "Ada") END);
	parse(f);
	assert_int_equal(one->state, INPUT_ABSENT);
	assert_int_equal(one->n, 0);
	assert_int_equal(one->nfiles, 0);
	assert_string_equal(f->slots[T_NAME].v[0].text, "Ada");

	multipart(f, FILE_PART("fil", "yttrande.pdf", "Application/PDF",
	    "%PDF-1.4 x") FILE_PART("fil", "andra.pdf", "application/pdf", "B")
	    END);
	parse(f);
	assert_int_equal(one->state, INPUT_VALID);
	assert_int_equal(one->nfiles, 1);
	assert_string_equal(one->files[0].name, "yttrande.pdf");
	assert_string_equal(one->files[0].media_type, "application/pdf");
	assert_int_equal(one->files[0].len, 10);
	assert_memory_equal(one->files[0].data, "%PDF-1.4 x", 10);
	assert_string_equal(one->v[0].raw, "yttrande.pdf");
	assert_int_equal(list->state, INPUT_ABSENT);

	multipart(f, FILE_PART("bilaga", "a.txt", "text/plain", "A")
	    FILE_PART("bilaga", "", "application/octet-stream", "")
	    TEXT_PART("namn", "Ada")
	    FILE_PART("bilaga", "b.png", "image/png", "BB") END);
	parse(f);
	assert_int_equal(list->state, INPUT_VALID);
	assert_int_equal(list->nfiles, 2);
	assert_string_equal(list->files[0].name, "a.txt");
	assert_int_equal(list->files[0].len, 1);
	assert_string_equal(list->files[1].name, "b.png");
	assert_string_equal(list->files[1].media_type, "image/png");
	assert_int_equal(list->files[1].len, 2);

	/* Text where a file belongs: invalid, kept apart; the files sent
	 * with it stay. */
	multipart(f, TEXT_PART("fil", "/etc/passwd")
	    FILE_PART("bilaga", "a.txt", "text/plain", "A")
	    TEXT_PART("bilaga", "inte en fil") END);
	parse(f);
	assert_int_equal(one->state, INPUT_INVALID);
	assert_int_equal(one->nfiles, 0);
	assert_string_equal(one->v[0].raw, "/etc/passwd");
	assert_int_equal(list->state, INPUT_INVALID);
	assert_int_equal(list->n, 2);
	assert_int_equal(list->nfiles, 1);
	assert_string_equal(list->files[0].name, "a.txt");

	/* A form without files, and a query, never give a file. */
	f->mp = NULL;
	f->form.n = 0;
	form(f, "fil", "a.pdf");
	query(f, "bilaga", "b.pdf");
	parse(f);
	assert_int_equal(one->state, INPUT_INVALID);
	assert_int_equal(one->nfiles, 0);
	assert_int_equal(list->state, INPUT_ABSENT);
}

/* input_files reads the valid files of a declared FILE key, and nothing
 * of any other. */
static void
input_files_reads_only_valid_files(void **state)
{
	static const enum input_key route_keys[] = { IN_ATTACHMENT_FILES,
	    IN_FORM_KEY, IN__END };
	struct fixture			*f = *state;
	struct request			 req;
	struct input_slot		 slots[IN__MAX];
	const struct input_file		*files;
	size_t				 n;

	memset(&req, 0, sizeof(req));
	strcpy(req.id, "test");
	multipart(f, FILE_PART("bilaga", "a.pdf", "application/pdf", "%PDF")
	    TEXT_PART("bilaga", "text") TEXT_PART("nyckel", "abc")
	    FILE_PART("bilaga", "b.txt", "text/plain", "hej")
	    FILE_PART("remiss", "r.xml", "text/xml", "<a/>") END);
	assert_int_equal(input_parse(f->a, input_defs, IN__MAX, route_keys,
	    &f->form, &f->query, f->mp, slots), 0);
	req.inputs = slots;
	assert_non_null(files = input_files(&req, IN_ATTACHMENT_FILES, &n));
	assert_int_equal(n, 2);
	assert_string_equal(files[0].name, "a.pdf");
	assert_string_equal(files[1].name, "b.txt");
	assert_int_equal(input_state(&req, IN_ATTACHMENT_FILES), INPUT_INVALID);
	/* A text key has no files; an undeclared file key reads as none. */
	assert_null(input_files(&req, IN_FORM_KEY, &n));
	assert_int_equal(n, 0);
	assert_null(input_files(&req, IN_REMISS_FILE, &n));
	assert_int_equal(n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(text_is_counted_in_characters_and_kept_when_too_long, setup, teardown),
		cmocka_unit_test_setup_teardown(empty_and_blank_values_are_absent, setup, teardown),
		cmocka_unit_test_setup_teardown(numbers_are_whole_strings_in_range, setup, teardown),
		cmocka_unit_test_setup_teardown(dates_must_exist, setup, teardown),
		cmocka_unit_test_setup_teardown(booleans_and_enums_take_only_their_words, setup, teardown),
		cmocka_unit_test_setup_teardown(the_form_comes_before_the_query, setup, teardown),
		cmocka_unit_test_setup_teardown(lists_keep_every_value, setup, teardown),
		cmocka_unit_test_setup_teardown(families_take_every_member, setup, teardown),
		cmocka_unit_test_setup_teardown(undeclared_keys_and_nul_bytes_do_not_pass, setup, teardown),
		cmocka_unit_test_setup_teardown(accessors_read_only_declared_valid_values, setup, teardown),
		cmocka_unit_test_setup_teardown(files_come_from_the_multipart_body, setup, teardown),
		cmocka_unit_test_setup_teardown(input_files_reads_only_valid_files, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
