/* test_mime.c: the composer of outgoing mail (mail/mime.c): headers a relay and a mail reader rely
 * on, RFC 2047 subjects split between characters, quoted-printable bodies within line limits, and no
 * way for a value to add a header. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mail/mime.h"
#include "util/arena.h"
#include "util/buf.h"
#include "fixtures.h"

/* 22 May 2024 08:30:00 UTC, a Wednesday. */
#define WHEN	((time_t)1716366600)

static struct mime_message
sample(void)
{
	struct mime_message m = {
		.from = "Remissvar <remissvar@region.test>",
		.to = "registrator@laholm.test",
		.subject = "Remiss: Hemsjukvård i Halland",
		.message_id = "abc123.dispatch@region.test",
		.lang = "sv",
		.text = "Hej!\nSista svarsdag är 22 maj 2024.\n",
		.html = "<p>Hej!</p>\n<p>Sista svarsdag är 22 maj 2024.</p>\n",
		.automatic = true,
		.date = WHEN,
	};
	return m;
}

static const char *
compose(struct arena *a, const struct mime_message *m, enum mime_result want)
{
	struct buf	 b;

	buf_init(&b, a);
	assert_int_equal(mime_compose(&b, m), want);
	return b.len > 0 ? b.data : "";
}

/* The header block (up to the first empty line), NUL-terminated copy. */
static char *
headers(struct arena *a, const char *msg)
{
	const char *end = strstr(msg, "\r\n\r\n");

	assert_non_null(end);
	return arena_strndup(a, msg, (size_t)(end - msg) + 2);
}

/* Every line ends in CRLF and is at most max octets long. */
static void
assert_lines(const char *s, size_t max)
{
	const char	*p = s, *nl;

	while ((nl = strchr(p, '\n')) != NULL) {
		assert_true(nl > p && nl[-1] == '\r');
		assert_true((size_t)(nl - 1 - p) <= max);
		p = nl + 1;
	}
	assert_string_equal(p, "");
}

static int
b64val(char c)
{
	const char	*t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char	*q = strchr(t, c);

	return c != '\0' && q != NULL ? (int)(q - t) : -1;
}

/* Decodes the encoded-words of a header value (folded with CRLF SP) as a
 * mail reader does, into out; fails the test on anything else. Each word
 * must decode to whole UTF-8 characters. */
static void
decode_words(const char *v, char *out, size_t size)
{
	size_t	 n = 0;

	while (*v != '\0') {
		const char	*end;
		unsigned	 acc = 0;
		int		 bits = 0, k, d;
		size_t		 start = n;

		if (strncmp(v, "\r\n ", 3) == 0) {
			v += 3;
			continue;
		}
		assert_int_equal(strncmp(v, "=?UTF-8?B?", 10), 0);
		v += 10;
		end = strstr(v, "?=");
		assert_non_null(end);
		assert_true(end - v + 12 <= 75);
		for (; v < end; v++) {
			if (*v == '=')
				continue;
			d = b64val(*v);
			assert_true(d >= 0);
			acc = acc << 6 | (unsigned)d;
			bits += 6;
			if (bits >= 8) {
				bits -= 8;
				assert_true(n + 1 < size);
				out[n++] = (char)(acc >> bits & 0xff);
			}
		}
		v = end + 2;
		/* Not a character cut in two: the word's bytes end whole. */
		for (k = (int)n - 1; k >= (int)start &&
		    ((unsigned char)out[k] & 0xc0) == 0x80; k--)
			;
		if (k >= (int)start && (unsigned char)out[k] >= 0xc0) {
			int want = (unsigned char)out[k] >= 0xf0 ? 4 :
			    (unsigned char)out[k] >= 0xe0 ? 3 : 2;
			assert_int_equal((int)n - k, want);
		}
	}
	out[n] = '\0';
}

/* Decodes quoted-printable (soft breaks, =XX, CRLF line ends to LF). */
static char *
qp_decode(struct arena *a, const char *s)
{
	char	*out = arena_alloc(a, strlen(s) + 1), *o = out;

	while (*s != '\0') {
		if (strncmp(s, "=\r\n", 3) == 0)
			s += 3;
		else if (*s == '=') {
			char hex[3] = { s[1], s[2], '\0' };

			*o++ = (char)strtol(hex, NULL, 16);
			s += 3;
		} else if (strncmp(s, "\r\n", 2) == 0) {
			*o++ = '\n';
			s += 2;
		} else
			*o++ = *s++;
	}
	*o = '\0';
	return out;
}

static const char *
qp(struct arena *a, const char *s)
{
	struct buf	 b;

	buf_init(&b, a);
	assert_int_equal(mime_qp(&b, s, strlen(s)), 0);
	return b.data;
}

static void
test_headers_a_relay_and_reader_need(void **state)
{
	struct mime_message	 m = sample();
	char			*h = headers(*state, compose(*state, &m, MIME_OK));

	assert_non_null(strstr(h, "From: Remissvar <remissvar@region.test>\r\n"));
	assert_non_null(strstr(h, "\r\nTo: registrator@laholm.test\r\n"));
	assert_non_null(strstr(h, "\r\nDate: Wed, 22 May 2024 08:30:00 +0000\r\n"));
	assert_non_null(strstr(h, "\r\nMessage-ID: <abc123.dispatch@region.test>\r\n"));
	assert_non_null(strstr(h, "\r\nMIME-Version: 1.0\r\n"));
	assert_non_null(strstr(h, "\r\nContent-Language: sv\r\n"));
	assert_non_null(strstr(h, "\r\nAuto-Submitted: auto-generated\r\n"));
	assert_non_null(strstr(h, "\r\nX-Auto-Response-Suppress: All\r\n"));
	assert_non_null(strstr(h, "multipart/alternative"));
}

static void
test_a_persons_own_message_is_not_marked_automatic(void **state)
{
	struct mime_message	 m = sample();
	char			*h;

	m.automatic = false;
	h = headers(*state, compose(*state, &m, MIME_OK));
	assert_null(strstr(h, "Auto-Submitted"));
	assert_null(strstr(h, "X-Auto-Response-Suppress"));
}

static void
test_swedish_subject_is_an_encoded_word(void **state)
{
	struct mime_message	 m = sample();
	char			*h, out[600];
	const char		*s, *e;

	m.subject = "åäö";
	h = headers(*state, compose(*state, &m, MIME_OK));
	/* base64 of the UTF-8 bytes c3 a5 c3 a4 c3 b6 */
	assert_non_null(strstr(h, "\r\nSubject: =?UTF-8?B?w6XDpMO2?=\r\n"));
	m.subject = "Påminnelse: remissen ”Hemsjukvård i Halland – ansvar och "
	    "samverkan” ska besvaras senast 22 maj 2024 (Region Halland)";
	h = headers(*state, compose(*state, &m, MIME_OK));
	s = strstr(h, "\r\nSubject: ") + 11;
	e = strstr(s, "\r\nDate:");
	decode_words(arena_strndup(*state, s, (size_t)(e - s)), out,
	    sizeof(out));
	assert_string_equal(out, m.subject);
	assert_lines(h, 998);
}

static void
test_plain_ascii_subject_stays_readable(void **state)
{
	struct mime_message	 m = sample();

	m.subject = "Test";
	assert_non_null(strstr(compose(*state, &m, MIME_OK),
	    "\r\nSubject: Test\r\n"));
	/* Text that looks like an encoded word is encoded itself. */
	m.subject = "=?UTF-8?B?w6XDpMO2?=";
	assert_null(strstr(compose(*state, &m, MIME_OK),
	    "Subject: =?UTF-8?B?w6XDpMO2?=\r\n"));
}

static void
test_no_value_can_add_a_header(void **state)
{
	struct mime_message	 m;

	m = sample();
	m.subject = "Hej\r\nBcc: all@evil.test";
	compose(*state, &m, MIME_INVALID);
	m = sample();
	m.subject = "Hej\nBcc: all@evil.test";
	compose(*state, &m, MIME_INVALID);
	m = sample();
	m.to = "a@b.test\r\nBcc: all@evil.test";
	compose(*state, &m, MIME_INVALID);
	m = sample();
	m.to = "a@b.test, all@evil.test";
	compose(*state, &m, MIME_INVALID);
	m = sample();
	m.from = "Remissvar <r@region.test>\r\nBcc: all@evil.test";
	compose(*state, &m, MIME_INVALID);
	m = sample();
	m.message_id = "x@y>\r\nBcc: <all@evil.test";
	compose(*state, &m, MIME_INVALID);
	m = sample();
	m.message_id = "x@y> <z@w";
	compose(*state, &m, MIME_INVALID);
	m = sample();
	m.lang = "sv\r\nBcc: all@evil.test";
	compose(*state, &m, MIME_INVALID);
	m = sample();
	m.to = NULL;
	compose(*state, &m, MIME_INVALID);
}

static void
test_display_name_with_swedish_or_specials(void **state)
{
	struct mime_message	 m = sample();
	char			*h;

	m.from = "Region Halland, Remissvar <remissvar@region.test>";
	h = headers(*state, compose(*state, &m, MIME_OK));
	assert_non_null(strstr(h, "From: \"Region Halland, Remissvar\" "
	    "<remissvar@region.test>\r\n"));
	m.from = "Västra Götaland <vgr@region.test>";
	h = headers(*state, compose(*state, &m, MIME_OK));
	assert_non_null(strstr(h, "From: =?UTF-8?B?"));
	assert_non_null(strstr(h, "?= <vgr@region.test>\r\n"));
	m.from = "remissvar@region.test";
	h = headers(*state, compose(*state, &m, MIME_OK));
	assert_non_null(strstr(h, "From: remissvar@region.test\r\n"));
}

static void
test_both_parts_decode_to_the_bodies(void **state)
{
	struct mime_message	 m = sample();
	const char		*msg = compose(*state, &m, MIME_OK);
	const char		*t, *h, *end;
	char			 delim[100];
	const char		*b = strstr(msg, "boundary=\""), *q;

	assert_non_null(b);
	b += 10;
	q = strchr(b, '"');
	assert_non_null(q);
	snprintf(delim, sizeof(delim), "\r\n--%.*s", (int)(q - b), b);
	t = strstr(msg, "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	h = strstr(msg, "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
	assert_non_null(t);
	assert_non_null(h);
	assert_true(t < h);
	t = strstr(t, "\r\n\r\n") + 4;
	end = strstr(t, delim);
	assert_non_null(end);
	assert_string_equal(qp_decode(*state, arena_strndup(*state, t,
	    (size_t)(end - t) + 2)), m.text);
	h = strstr(h, "\r\n\r\n") + 4;
	end = strstr(h, delim);
	assert_non_null(end);
	assert_string_equal(qp_decode(*state, arena_strndup(*state, h,
	    (size_t)(end - h) + 2)), m.html);
	/* The closing delimiter ends the message. */
	assert_non_null(strstr(end, "--\r\n"));
	assert_lines(msg, 998);
}

static void
test_text_only_message_is_one_part(void **state)
{
	struct mime_message	 m = sample();
	const char		*msg;

	m.html = NULL;
	msg = compose(*state, &m, MIME_OK);
	assert_null(strstr(msg, "multipart"));
	assert_non_null(strstr(msg, "Content-Type: text/plain; charset=utf-8"));
}

static void
test_quoted_printable_rules(void **state)
{
	char	 longline[3001];

	assert_string_equal(qp(*state, "a=b"), "a=3Db\r\n");
	assert_string_equal(qp(*state, "slut \nnästa"), "slut=20\r\nn=C3=A4sta\r\n");
	assert_string_equal(qp(*state, "tab\t"), "tab=09\r\n");
	assert_string_equal(qp(*state, "rad\r\nrad"), "rad\r\nrad\r\n");
	/* A line's leading dot and "From " are encoded. */
	assert_string_equal(qp(*state, ".\nFrom x"), "=2E\r\n=46rom x\r\n");
	/* A long line of Swedish text is broken softly within 76 octets
	 * and decodes to itself. */
	for (size_t i = 0; i + 2 < sizeof(longline); i += 3)
		memcpy(longline + i, i % 2 ? "ö a" : "å b", 3);
	longline[3000] = '\0';
	assert_lines(qp(*state, longline), 76);
	assert_string_equal(qp_decode(*state, qp(*state, longline)),
	    arena_printf(*state, "%s\n", longline));
}

static void
test_long_subject_is_folded_within_line_limits(void **state)
{
	struct mime_message	 m = sample();
	char			*subject = arena_alloc(*state, 2001);

	memset(subject, 'x', 2000);
	subject[2000] = '\0';
	m.subject = subject;
	assert_lines(headers(*state, compose(*state, &m, MIME_OK)), 998);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_headers_a_relay_and_reader_need, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_a_persons_own_message_is_not_marked_automatic, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_swedish_subject_is_an_encoded_word, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_plain_ascii_subject_stays_readable, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_no_value_can_add_a_header, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_display_name_with_swedish_or_specials, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_both_parts_decode_to_the_bodies, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_text_only_message_is_one_part, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_quoted_printable_rules, fx_arena_setup, fx_arena_teardown),
		cmocka_unit_test_setup_teardown(test_long_subject_is_folded_within_line_limits, fx_arena_setup, fx_arena_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
