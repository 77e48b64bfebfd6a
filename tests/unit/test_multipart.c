/* test_multipart.c: the streaming multipart/form-data parser, fed whole, split anywhere and byte by byte. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "http/limits.h"
#include "http/multipart.h"
#include "util/arena.h"
#include "fixtures.h"

#define CT	"multipart/form-data; boundary=XyZ"
#define HDR(n)	"Content-Disposition: form-data; name=\"" n "\"\r\n"
#define OPEN	"--XyZ\r\n"
#define CLOSE	"\r\n--XyZ--\r\n"
#define NITEMS(v) (sizeof(v) / sizeof((v)[0]))

/* Two parts: a text field with a Swedish ö, and a file with binary bytes. */
static const char body1[] =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"title\"\r\n"
    "\r\n"
    "Remiss om f\xC3\xB6rslag\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
    "Content-Type: Text/Plain; charset=utf-8\r\n"
    "\r\n"
    "line1\r\nline2\0\xFF\r\n"
    "--XyZ--\r\n";
#define BODY1_LEN (sizeof(body1) - 1)

static struct multipart *
new_parser(struct arena *a, const struct limits *l, const char *ct)
{
	struct multipart	*m;
	enum parse_err		 e = PARSE_ERR__MAX;

	m = multipart_new(a, ct, l, &e);
	assert_non_null(m);
	assert_int_equal(e, PARSE_OK);
	return m;
}

/* Feeds body in three pieces split at k1 <= k2, then finishes. Returns the
 * first error. */
static enum parse_err
parse_split(struct arena *a, const struct limits *l, const char *ct,
    const char *body, size_t len, size_t k1, size_t k2, struct multipart **mp)
{
	struct multipart	*m;
	enum parse_err		 e;

	*mp = m = new_parser(a, l, ct);
	if ((e = multipart_feed(m, body, k1)) != PARSE_OK)
		return e;
	if ((e = multipart_feed(m, body + k1, k2 - k1)) != PARSE_OK)
		return e;
	if ((e = multipart_feed(m, body + k2, len - k2)) != PARSE_OK)
		return e;
	return multipart_finish(m);
}

static enum parse_err
parse(struct parse_fx *f, const char *ct, const char *body, size_t len,
    struct multipart **mp)
{
	return parse_split(f->a, &f->l, ct, body, len, len, len, mp);
}

#define PARSE_LIT(f, lit, mp) parse((f), CT, (lit), sizeof(lit) - 1, (mp))

/* Builds OPEN headers CRLF content CLOSE into the arena. */
static const char *
one_part_body(struct arena *a, const char *headers, const char *content,
    size_t clen, size_t *len)
{
	size_t	 hl = strlen(headers), n;
	char	*b;

	n = strlen(OPEN) + hl + 2 + clen + strlen(CLOSE);
	b = arena_alloc(a, n);
	assert_non_null(b);
	memcpy(b, OPEN, strlen(OPEN));
	memcpy(b + strlen(OPEN), headers, hl);
	memcpy(b + strlen(OPEN) + hl, "\r\n", 2);
	memcpy(b + strlen(OPEN) + hl + 2, content, clen);
	memcpy(b + strlen(OPEN) + hl + 2 + clen, CLOSE, strlen(CLOSE));
	*len = n;
	return b;
}

static enum parse_err
parse_one(struct parse_fx *f, const char *headers, const char *content, size_t clen,
    struct multipart **mp)
{
	const char	*b;
	size_t		 len;

	b = one_part_body(f->a, headers, content, clen, &len);
	return parse(f, CT, b, len, mp);
}

/* The parts body1 must give, derived by hand from the text above. */
static void
check_body1(const struct multipart *m)
{
	const struct multipart_part *p;

	assert_int_equal(multipart_count(m), 2);
	p = multipart_part(m, 0);
	assert_non_null(p);
	assert_string_equal(p->name, "title");
	assert_null(p->filename);
	assert_null(p->content_type);
	/* "Remiss" 6 + " " 1 + "om" 2 + " " 1 + "förslag" 8 (ö is 2 bytes) */
	assert_int_equal(p->len, 18);
	assert_memory_equal(p->data, "Remiss om f\xC3\xB6rslag", 18);
	assert_int_equal(p->data[18], '\0');
	p = multipart_part(m, 1);
	assert_non_null(p);
	assert_string_equal(p->name, "file");
	assert_string_equal(p->filename, "a.txt");
	assert_string_equal(p->content_type, "text/plain");
	/* "line1" 5 + CRLF 2 + "line2" 5 + NUL 1 + 0xFF 1 */
	assert_int_equal(p->len, 14);
	assert_memory_equal(p->data, "line1\r\nline2\0\xFF", 14);
	assert_int_equal(p->data[14], '\0');
	assert_null(multipart_part(m, 2));
}

static void
test_parses_text_and_file_parts(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(parse(f, CT, body1, BODY1_LEN, &m), PARSE_OK);
	check_body1(m);
}

static void
test_every_two_way_split_gives_the_same_parts(void **state)
{
	struct arena		*a;
	struct multipart	*m;
	size_t			 k;

	for (k = 0; k <= BODY1_LEN; k++) {
		a = arena_new();
		assert_non_null(a);
		assert_int_equal(parse_split(a, &((struct parse_fx *)*state)->l, CT,
		    body1, BODY1_LEN, k, k, &m), PARSE_OK);
		check_body1(m);
		arena_free(a);
	}
}

static void
test_every_three_way_split_gives_the_same_parts(void **state)
{
	struct parse_fx		*f = *state;
	struct arena		*a;
	struct multipart	*m;
	size_t			 k1, k2;

	for (k1 = 0; k1 <= BODY1_LEN; k1++)
		for (k2 = k1; k2 <= BODY1_LEN; k2++) {
			a = arena_new();
			assert_non_null(a);
			assert_int_equal(parse_split(a, &f->l, CT, body1,
			    BODY1_LEN, k1, k2, &m), PARSE_OK);
			check_body1(m);
			arena_free(a);
		}
}

static void
test_one_byte_at_a_time_gives_the_same_parts(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	size_t			 i;

	m = new_parser(f->a, &f->l, CT);
	for (i = 0; i < BODY1_LEN; i++)
		assert_int_equal(multipart_feed(m, body1 + i, 1), PARSE_OK);
	assert_int_equal(multipart_finish(m), PARSE_OK);
	check_body1(m);
}

static void
test_empty_feeds_change_nothing(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	m = new_parser(f->a, &f->l, CT);
	assert_int_equal(multipart_feed(m, NULL, 0), PARSE_OK);
	assert_int_equal(multipart_feed(m, body1, 10), PARSE_OK);
	assert_int_equal(multipart_feed(m, "", 0), PARSE_OK);
	assert_int_equal(multipart_feed(m, body1 + 10, BODY1_LEN - 10),
	    PARSE_OK);
	assert_int_equal(multipart_finish(m), PARSE_OK);
	check_body1(m);
}

static void
test_preamble_and_epilogue_are_ignored(void **state)
{
	struct parse_fx		*f = *state;
	struct arena		*a;
	struct multipart	*m;
	char			 buf[1024];
	const char		 pre[] = "This is a preamble.\r\n--Xy\r\n--XyQ\r\n"
	    "\r\r\n";
	const char		 epi[] = "epilogue\r\n--XyZ\r\nnot a part\r\n"
	    "--XyZ--";
	size_t			 len, k;

	len = 0;
	memcpy(buf, pre, sizeof(pre) - 1);
	len += sizeof(pre) - 1;
	memcpy(buf + len, body1, BODY1_LEN);
	len += BODY1_LEN;
	memcpy(buf + len, epi, sizeof(epi) - 1);
	len += sizeof(epi) - 1;
	assert_int_equal(parse(f, CT, buf, len, &m), PARSE_OK);
	check_body1(m);
	for (k = 0; k <= len; k++) {
		a = arena_new();
		assert_non_null(a);
		assert_int_equal(parse_split(a, &f->l, CT, buf, len, k, k, &m),
		    PARSE_OK);
		check_body1(m);
		arena_free(a);
	}
}

static void
test_crlf_before_first_boundary_is_allowed(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	char			 buf[512];

	memcpy(buf, "\r\n", 2);
	memcpy(buf + 2, body1, BODY1_LEN);
	assert_int_equal(parse(f, CT, buf, BODY1_LEN + 2, &m), PARSE_OK);
	check_body1(m);
}

static void
test_near_delimiters_in_content_are_kept_as_content(void **state)
{
	static const char	 content[] =
	    "a\r\n--XyQ\r\r\n--Xy-\r\n-\r";
	static const char	 body[] = OPEN HDR("c") "\r\n"
	    "a\r\n--XyQ\r\r\n--Xy-\r\n-\r" CLOSE;
	struct parse_fx		*f = *state;
	struct arena		*a;
	struct multipart	*m;
	const struct multipart_part *p;
	size_t			 k, len = sizeof(body) - 1;

	/* 1 + "\r\n--XyQ" 7 + "\r" 1 + "\r\n--Xy-" 7 + "\r\n-" 3 + "\r" 1 */
	assert_int_equal(sizeof(content) - 1, 20);
	for (k = 0; k <= len; k++) {
		a = arena_new();
		assert_non_null(a);
		assert_int_equal(parse_split(a, &f->l, CT, body, len, k, k, &m),
		    PARSE_OK);
		assert_int_equal(multipart_count(m), 1);
		p = multipart_part(m, 0);
		assert_int_equal(p->len, 20);
		assert_memory_equal(p->data, content, 20);
		arena_free(a);
	}
}

static void
test_content_ending_in_cr_before_delimiter(void **state)
{
	struct parse_fx			*f = *state;
	struct multipart		*m;
	const struct multipart_part	*p;

	assert_int_equal(PARSE_LIT(f, OPEN HDR("c") "\r\nx\r\r\r\n--XyZ--", &m),
	    PARSE_OK);
	p = multipart_get(m, "c");
	assert_non_null(p);
	assert_int_equal(p->len, 3);
	assert_memory_equal(p->data, "x\r\r", 3);
}

static void
test_quoted_boundary_with_specials_is_used(void **state)
{
	static const char	 body[] = "--a b:c?\r\n" HDR("x") "\r\n"
	    "1\r\n--a b:c?--";
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(parse(f, "multipart/form-data; boundary=\"a b:c?\"",
	    body, sizeof(body) - 1, &m), PARSE_OK);
	assert_int_equal(multipart_count(m), 1);
	assert_string_equal(multipart_get(m, "x")->data, "1");
}

static void
test_content_type_is_case_insensitive_and_may_have_params(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(parse(f, " Multipart/Form-Data ; charset=\"utf-8\";"
	    " Boundary=XyZ ; x=y", body1, BODY1_LEN, &m), PARSE_OK);
	check_body1(m);
}

static void
test_bad_content_types_are_refused(void **state)
{
	struct parse_fx		*f = *state;
	const char		*bad[] = {
		NULL,
		"",
		"text/plain",
		"multipart/mixed; boundary=XyZ",
		"multipart/form-dataX; boundary=XyZ",
		"multipart/form-data",
		"multipart/form-data;",
		"multipart/form-data; charset=utf-8",
		"multipart/form-data; boundary=",
		"multipart/form-data; boundary=\"\"",
		"multipart/form-data; boundary=\"abc",
		"multipart/form-data; boundary=a@b",
		"multipart/form-data; boundary=\"a\\\"b\"",
		"multipart/form-data; boundary=\"ab \"",
		"multipart/form-data; boundary=a; boundary=b",
		"multipart/form-data boundary=a",
		"multipart/form-data; =a",
		"multipart/form-data; boundary",
	};
	enum parse_err		 e;
	size_t			 i;

	for (i = 0; i < NITEMS(bad); i++) {
		e = PARSE_OK;
		assert_null(multipart_new(f->a, bad[i], &f->l, &e));
		assert_int_equal(e, PARSE_ERR_MEDIA_TYPE);
	}
}

static void
test_boundary_of_70_chars_is_accepted_and_71_refused(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	char			 ct[128], body[256];
	enum parse_err		 e;
	size_t			 len;

	memcpy(ct, "multipart/form-data; boundary=", 30);
	memset(ct + 30, 'b', 70);
	ct[100] = '\0';
	len = 0;
	memcpy(body, "--", 2);
	memset(body + 2, 'b', 70);
	memcpy(body + 72, "--", 2);
	len = 74;
	assert_int_equal(parse(f, ct, body, len, &m), PARSE_OK);
	assert_int_equal(multipart_count(m), 0);
	ct[100] = 'b';
	ct[101] = '\0';
	assert_null(multipart_new(f->a, ct, &f->l, &e));
	assert_int_equal(e, PARSE_ERR_MEDIA_TYPE);
}

static void
test_every_prefix_without_close_boundary_is_truncated(void **state)
{
	struct parse_fx		*f = *state;
	struct arena		*a;
	struct multipart	*m;
	enum parse_err		 want;
	size_t			 k;

	/* The close delimiter "--XyZ--" is complete BODY1_LEN - 2 bytes in. */
	for (k = 0; k <= BODY1_LEN; k++) {
		a = arena_new();
		assert_non_null(a);
		m = new_parser(a, &f->l, CT);
		assert_int_equal(multipart_feed(m, body1, k), PARSE_OK);
		want = k >= BODY1_LEN - 2 ? PARSE_OK : PARSE_ERR_TRUNCATED;
		assert_int_equal(multipart_finish(m), want);
		arena_free(a);
	}
}

static void
test_body_without_boundary_is_truncated(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(PARSE_LIT(f, "just some text", &m),
	    PARSE_ERR_TRUNCATED);
	assert_int_equal(multipart_count(m), 0);
	assert_int_equal(PARSE_LIT(f, "", &m), PARSE_ERR_TRUNCATED);
}

static void
test_close_boundary_alone_gives_no_parts(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(PARSE_LIT(f, "--XyZ--", &m), PARSE_OK);
	assert_int_equal(multipart_count(m), 0);
	assert_null(multipart_part(m, 0));
	assert_null(multipart_get(m, "title"));
}

static void
test_bare_lf_line_endings_are_refused(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(PARSE_LIT(f, "--XyZ\nContent-Disposition: form-data;"
	    " name=\"a\"\n\nx\n--XyZ--\n", &m), PARSE_ERR_SYNTAX);
	assert_int_equal(PARSE_LIT(f, OPEN "Content-Disposition: form-data;"
	    " name=\"a\"\n\r\nx" CLOSE, &m), PARSE_ERR_SYNTAX);
	assert_int_equal(PARSE_LIT(f, OPEN "Content-Disposition: form-data;"
	    " name=\"a\"\r\n\nx" CLOSE, &m), PARSE_ERR_SYNTAX);
	assert_int_equal(PARSE_LIT(f, OPEN "Content-Disposition: form-data;\r"
	    " name=\"a\"\r\n\r\nx" CLOSE, &m), PARSE_ERR_SYNTAX);
	assert_int_equal(multipart_count(m), 0);
}

static void
test_text_after_boundary_is_refused(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(PARSE_LIT(f, "--XyZx\r\n" HDR("a") "\r\nx" CLOSE, &m),
	    PARSE_ERR_SYNTAX);
	assert_int_equal(PARSE_LIT(f, OPEN HDR("a") "\r\nx\r\n--XyZ-x", &m),
	    PARSE_ERR_SYNTAX);
	assert_int_equal(PARSE_LIT(f, OPEN HDR("a") "\r\nx\r\n--XyZ \tq\r\n",
	    &m), PARSE_ERR_SYNTAX);
}

static void
test_transport_padding_after_boundary_is_allowed(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(PARSE_LIT(f, "--XyZ \t \r\n" HDR("a") "\r\nx\r\n"
	    "--XyZ\t\r\n" HDR("b") "\r\ny\r\n--XyZ--  \r\n", &m), PARSE_OK);
	assert_int_equal(multipart_count(m), 2);
	assert_string_equal(multipart_get(m, "a")->data, "x");
	assert_string_equal(multipart_get(m, "b")->data, "y");
}

static void
test_malformed_part_headers_are_refused(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	const char		*bad[] = {
		"",
		"Content-Type: text/plain\r\n",
		"Content-Disposition: attachment; name=\"a\"\r\n",
		"Content-Disposition: form-data\r\n",
		"Content-Disposition: form-data; filename=\"a\"\r\n",
		"Content-Disposition: form-data; name=\"a\r\n",
		"Content-Disposition: form-data; name=\"a\\\"\r\n",
		"Content-Disposition: form-data; name=a; name=b\r\n",
		"Content-Disposition: form-data; name=a; filename=b;"
		    " filename=c\r\n",
		"Content-Disposition: form-data; name=\"a\"\r\n"
		    "Content-Disposition: form-data; name=\"b\"\r\n",
		"Content-Disposition: form-data;\r\n name=\"a\"\r\n",
		"Content-Disposition form-data; name=\"a\"\r\n",
		": form-data\r\n" HDR("a"),
		"Bad Name: x\r\n" HDR("a"),
		HDR("a") "X-A: a\x01" "b\r\n",
		"Content-Disposition: form-data; name=\"a\" x\r\n",
		"Content-Disposition: form-data; name=\r\n",
		"Content-Disposition: form-data; name\r\n",
		"Content-Disposition: form-data; ; name=a\r\n",
		"Content-Disposition: form-data x; name=a\r\n",
		HDR("a") "Content-Type: text\r\n",
		HDR("a") "Content-Type: /plain\r\n",
		HDR("a") "Content-Type: text/plain\r\nContent-Type: a/b\r\n",
	};
	size_t			 i;

	for (i = 0; i < NITEMS(bad); i++) {
		assert_int_equal(parse_one(f, bad[i], "x", 1, &m),
		    PARSE_ERR_SYNTAX);
		assert_int_equal(multipart_count(m), 0);
	}
}

static void
test_disposition_accepts_tokens_case_and_spaces(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	const struct multipart_part *p;

	assert_int_equal(parse_one(f, "CONTENT-DISPOSITION: Form-Data ;"
	    "NAME = field1 ; Size=10; filename*=UTF-8''a\r\n"
	    "X-Foo: bar\r\n", "v", 1, &m), PARSE_OK);
	p = multipart_part(m, 0);
	assert_non_null(p);
	assert_string_equal(p->name, "field1");
	assert_null(p->filename);
	assert_null(p->content_type);
	assert_string_equal(p->data, "v");
}

static void
test_quoted_strings_unescape_quotes_and_keep_semicolons(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	const struct multipart_part *p;

	assert_int_equal(parse_one(f, "Content-Disposition: form-data;"
	    " name=\"a\\\"b\"; filename=\"c\\\\d;e.txt\"\r\n", "z", 1, &m),
	    PARSE_OK);
	p = multipart_part(m, 0);
	assert_non_null(p);
	assert_string_equal(p->name, "a\"b");
	assert_string_equal(p->filename, "c\\d;e.txt");
	assert_ptr_equal(multipart_get(m, "a\"b"), p);
}

static void
test_part_content_type_is_lowercased_without_params(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(parse_one(f, HDR("img") "content-type:  IMAGE/PNG ;"
	    " x=y\r\n", "x", 1, &m), PARSE_OK);
	assert_string_equal(multipart_part(m, 0)->content_type, "image/png");
}

static void
test_empty_filename_gives_an_empty_file_part(void **state)
{
	struct parse_fx			*f = *state;
	struct multipart		*m;
	const struct multipart_part	*p;

	assert_int_equal(parse_one(f, "Content-Disposition: form-data;"
	    " name=\"bilaga\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n", "", 0, &m),
	    PARSE_OK);
	p = multipart_get(m, "bilaga");
	assert_non_null(p);
	assert_string_equal(p->filename, "");
	assert_string_equal(p->content_type, "application/octet-stream");
	assert_int_equal(p->len, 0);
	assert_string_equal(p->data, "");
}

static void
test_empty_text_part_has_empty_terminated_data(void **state)
{
	struct parse_fx			*f = *state;
	struct multipart		*m;
	const struct multipart_part	*p;

	assert_int_equal(parse_one(f, HDR("tom"), "", 0, &m), PARSE_OK);
	p = multipart_get(m, "tom");
	assert_non_null(p);
	assert_non_null(p->data);
	assert_int_equal(p->len, 0);
	assert_int_equal(p->data[0], '\0');
}

static void
test_names_and_filenames_must_be_utf8_text(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(parse_one(f, HDR("\xC0\xAF"), "x", 1, &m),
	    PARSE_ERR_UTF8);
	assert_int_equal(parse_one(f, HDR("\xED\xA0\x80"), "x", 1, &m),
	    PARSE_ERR_UTF8);
	assert_int_equal(parse_one(f, "Content-Disposition: form-data;"
	    " name=\"f\"; filename=\"\xFF.txt\"\r\n", "x", 1, &m),
	    PARSE_ERR_UTF8);
	assert_int_equal(parse_one(f, "Content-Disposition: form-data;"
	    " name=\"f\"; filename=\"a\xC2\x85.txt\"\r\n", "x", 1, &m),
	    PARSE_ERR_UTF8);
}

static void
test_swedish_name_and_filename_are_kept(void **state)
{
	struct parse_fx			*f = *state;
	struct multipart		*m;
	const struct multipart_part	*p;

	assert_int_equal(parse_one(f, "Content-Disposition: form-data;"
	    " name=\"yttrande_\xC3\xA4mne\";"
	    " filename=\"rapport_\xC3\xA5r.pdf\"\r\n", "%PDF", 4, &m),
	    PARSE_OK);
	p = multipart_part(m, 0);
	assert_string_equal(p->name, "yttrande_\xC3\xA4mne");
	assert_string_equal(p->filename, "rapport_\xC3\xA5r.pdf");
}

static void
test_text_part_must_be_utf8_text_but_file_part_may_be_bytes(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
	} bad[] = {
		{ "\xC0\xAF", 2 },		/* overlong */
		{ "\xED\xA0\x80", 3 },		/* surrogate */
		{ "\xF4\x90\x80\x80", 4 },	/* above U+10FFFF */
		{ "a\x80" "b", 3 },		/* lone continuation */
		{ "ab\xE2\x82", 4 },		/* truncated */
		{ "a\0b", 3 },			/* NUL */
		{ "a\x01" "b", 3 },		/* C0 control */
		{ "\x7F", 1 },			/* DEL */
		{ "\xC2\x80", 2 },		/* C1 control */
	};
	struct parse_fx			*f = *state;
	struct multipart		*m;
	const struct multipart_part	*p;
	size_t				 i;

	for (i = 0; i < NITEMS(bad); i++) {
		assert_int_equal(parse_one(f, HDR("t"), bad[i].s, bad[i].len,
		    &m), PARSE_ERR_UTF8);
		assert_int_equal(multipart_count(m), 0);
		assert_int_equal(parse_one(f, "Content-Disposition: form-data;"
		    " name=\"f\"; filename=\"b.bin\"\r\n", bad[i].s, bad[i].len,
		    &m), PARSE_OK);
		p = multipart_get(m, "f");
		assert_non_null(p);
		assert_int_equal(p->len, bad[i].len);
		assert_memory_equal(p->data, bad[i].s, bad[i].len);
	}
}

static void
test_text_part_keeps_line_breaks_and_tabs(void **state)
{
	struct parse_fx			*f = *state;
	struct multipart		*m;
	const struct multipart_part	*p;

	assert_int_equal(parse_one(f, HDR("svar"), "rad 1\r\nrad 2\n\tindrag",
	    20, &m), PARSE_OK);
	p = multipart_get(m, "svar");
	assert_int_equal(p->len, 20);
	assert_string_equal(p->data, "rad 1\r\nrad 2\n\tindrag");
}

static void
test_header_block_limit_is_exact(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	/* "Content-Disposition:" 20 + " form-data;" 11 + " name=\"a\"" 9
	 * + CRLF CRLF 4 = 44 bytes. */
	assert_int_equal(sizeof(HDR("a") "\r\n") - 1, 44);
	f->l.part_header_max = 44;
	assert_int_equal(parse_one(f, HDR("a"), "x", 1, &m), PARSE_OK);
	assert_int_equal(multipart_count(m), 1);
	f->l.part_header_max = 43;
	assert_int_equal(parse_one(f, HDR("a"), "x", 1, &m),
	    PARSE_ERR_TOO_LARGE);
}

static void
test_endless_header_fails_while_feeding(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	char			 junk[100];

	f->l.part_header_max = 64;
	memset(junk, 'h', sizeof(junk));
	m = new_parser(f->a, &f->l, CT);
	assert_int_equal(multipart_feed(m, OPEN, strlen(OPEN)), PARSE_OK);
	assert_int_equal(multipart_feed(m, junk, 64), PARSE_OK);
	assert_int_equal(multipart_feed(m, junk, 1), PARSE_ERR_TOO_LARGE);
}

static void
test_part_limit_is_exact_for_text_and_files(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	const char		*file = "Content-Disposition: form-data;"
	    " name=\"f\"; filename=\"f.bin\"\r\n";

	f->l.part_max = 5;
	assert_int_equal(parse_one(f, HDR("t"), "12345", 5, &m), PARSE_OK);
	assert_string_equal(multipart_get(m, "t")->data, "12345");
	assert_int_equal(parse_one(f, HDR("t"), "123456", 6, &m),
	    PARSE_ERR_TOO_LARGE);
	assert_int_equal(parse_one(f, file, "12345", 5, &m), PARSE_OK);
	assert_int_equal(parse_one(f, file, "123456", 6, &m),
	    PARSE_ERR_TOO_LARGE);
	/* A near-delimiter that turns out to be content counts too. */
	assert_int_equal(parse_one(f, file, "1234\r\n--XyQ", 11, &m),
	    PARSE_ERR_TOO_LARGE);
}

static void
test_part_limit_fails_before_the_part_ends(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	char			 data[1024];

	f->l.part_max = 1024;
	memset(data, 'x', sizeof(data));
	m = new_parser(f->a, &f->l, CT);
	assert_int_equal(multipart_feed(m, OPEN HDR("t") "\r\n",
	    strlen(OPEN HDR("t") "\r\n")), PARSE_OK);
	assert_int_equal(multipart_feed(m, data, 1024), PARSE_OK);
	assert_int_equal(multipart_feed(m, "y", 1), PARSE_ERR_TOO_LARGE);
	assert_int_equal(multipart_finish(m), PARSE_ERR_TOO_LARGE);
}

static void
test_oversized_part_is_never_buffered(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;
	char			 data[4096];
	size_t			 i;

	f->l.part_max = 1024;
	memset(data, 'x', sizeof(data));
	m = new_parser(f->a, &f->l, CT);
	assert_int_equal(multipart_feed(m, OPEN HDR("t") "\r\n",
	    strlen(OPEN HDR("t") "\r\n")), PARSE_OK);
	assert_int_equal(multipart_feed(m, data, sizeof(data)),
	    PARSE_ERR_TOO_LARGE);
	for (i = 0; i < 256; i++)	/* 1 MiB more */
		assert_int_equal(multipart_feed(m, data, sizeof(data)),
		    PARSE_ERR_TOO_LARGE);
	/* Parser, header block and at most one content buffer <= 2 KiB. */
	assert_true(arena_used(f->a) < 16 * 1024);
}

static void
test_text_part_also_obeys_value_limit(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	f->l.value_max = 3;
	assert_int_equal(parse_one(f, HDR("t"), "abc", 3, &m), PARSE_OK);
	assert_int_equal(parse_one(f, HDR("t"), "abcd", 4, &m),
	    PARSE_ERR_TOO_LARGE);
	assert_int_equal(parse_one(f, "Content-Disposition: form-data;"
	    " name=\"f\"; filename=\"f\"\r\n", "abcd", 4, &m), PARSE_OK);
	assert_int_equal(multipart_get(m, "f")->len, 4);
}

static void
test_parts_limit_is_exact(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	f->l.parts_max = 2;
	assert_int_equal(PARSE_LIT(f, OPEN HDR("a") "\r\n1\r\n"
	    OPEN HDR("b") "\r\n2" CLOSE, &m), PARSE_OK);
	assert_int_equal(multipart_count(m), 2);
	assert_int_equal(PARSE_LIT(f, OPEN HDR("a") "\r\n1\r\n"
	    OPEN HDR("b") "\r\n2\r\n" OPEN HDR("c") "\r\n3" CLOSE, &m),
	    PARSE_ERR_TOO_MANY);
	assert_int_equal(multipart_count(m), 2);
}

static void
test_body_limit_is_exact(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	f->l.body_max = BODY1_LEN;
	assert_int_equal(parse(f, CT, body1, BODY1_LEN, &m), PARSE_OK);
	check_body1(m);
	f->l.body_max = BODY1_LEN - 1;
	assert_int_equal(parse(f, CT, body1, BODY1_LEN, &m),
	    PARSE_ERR_TOO_LARGE);
	/* Split: the piece that crosses the limit is refused. */
	assert_int_equal(parse_split(f->a, &f->l, CT, body1, BODY1_LEN, 50,
	    BODY1_LEN - 1, &m), PARSE_ERR_TOO_LARGE);
	assert_int_equal(multipart_finish(m), PARSE_ERR_TOO_LARGE);
}

static void
test_name_limit_is_exact(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	f->l.key_max = 5;
	assert_int_equal(parse_one(f, HDR("title"), "x", 1, &m), PARSE_OK);
	assert_int_equal(parse_one(f, HDR("titles"), "x", 1, &m),
	    PARSE_ERR_TOO_LARGE);
}

static void
test_errors_are_sticky(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	m = new_parser(f->a, &f->l, CT);
	assert_int_equal(multipart_feed(m, "--XyZ\n", 6), PARSE_ERR_SYNTAX);
	assert_int_equal(multipart_feed(m, body1, BODY1_LEN),
	    PARSE_ERR_SYNTAX);
	assert_int_equal(multipart_finish(m), PARSE_ERR_SYNTAX);
	assert_int_equal(multipart_count(m), 0);
}

static void
test_get_returns_the_first_part_of_a_name(void **state)
{
	struct parse_fx		*f = *state;
	struct multipart	*m;

	assert_int_equal(PARSE_LIT(f, OPEN HDR("tag") "\r\nett\r\n"
	    OPEN HDR("other") "\r\n\r\n" OPEN HDR("tag") "\r\ntv\xC3\xA5" CLOSE,
	    &m), PARSE_OK);
	assert_int_equal(multipart_count(m), 3);
	assert_ptr_equal(multipart_get(m, "tag"), multipart_part(m, 0));
	assert_string_equal(multipart_get(m, "tag")->data, "ett");
	assert_string_equal(multipart_part(m, 2)->data, "tv\xC3\xA5");
	assert_null(multipart_get(m, "nope"));
	assert_null(multipart_part(m, 3));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, fx_parse_setup, fx_parse_teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_parses_text_and_file_parts),
		T(test_every_two_way_split_gives_the_same_parts),
		T(test_every_three_way_split_gives_the_same_parts),
		T(test_one_byte_at_a_time_gives_the_same_parts),
		T(test_empty_feeds_change_nothing),
		T(test_preamble_and_epilogue_are_ignored),
		T(test_crlf_before_first_boundary_is_allowed),
		T(test_near_delimiters_in_content_are_kept_as_content),
		T(test_content_ending_in_cr_before_delimiter),
		T(test_quoted_boundary_with_specials_is_used),
		T(test_content_type_is_case_insensitive_and_may_have_params),
		T(test_bad_content_types_are_refused),
		T(test_boundary_of_70_chars_is_accepted_and_71_refused),
		T(test_every_prefix_without_close_boundary_is_truncated),
		T(test_body_without_boundary_is_truncated),
		T(test_close_boundary_alone_gives_no_parts),
		T(test_bare_lf_line_endings_are_refused),
		T(test_text_after_boundary_is_refused),
		T(test_transport_padding_after_boundary_is_allowed),
		T(test_malformed_part_headers_are_refused),
		T(test_disposition_accepts_tokens_case_and_spaces),
		T(test_quoted_strings_unescape_quotes_and_keep_semicolons),
		T(test_part_content_type_is_lowercased_without_params),
		T(test_empty_filename_gives_an_empty_file_part),
		T(test_empty_text_part_has_empty_terminated_data),
		T(test_names_and_filenames_must_be_utf8_text),
		T(test_swedish_name_and_filename_are_kept),
		T(test_text_part_must_be_utf8_text_but_file_part_may_be_bytes),
		T(test_text_part_keeps_line_breaks_and_tabs),
		T(test_header_block_limit_is_exact),
		T(test_endless_header_fails_while_feeding),
		T(test_part_limit_is_exact_for_text_and_files),
		T(test_part_limit_fails_before_the_part_ends),
		T(test_oversized_part_is_never_buffered),
		T(test_text_part_also_obeys_value_limit),
		T(test_parts_limit_is_exact),
		T(test_body_limit_is_exact),
		T(test_name_limit_is_exact),
		T(test_errors_are_sticky),
		T(test_get_returns_the_first_part_of_a_name),
	};

	return cmocka_run_group_tests_name("multipart", tests, NULL, NULL);
}
