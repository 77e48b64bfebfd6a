/* test_filetype.c: attachments are typed by their content, and browser file names are made safe. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/filetype.h"
#include "util/arena.h"

#define T(s) ((const unsigned char *)(s)), (sizeof(s) - 1)

static const char *ODT = "application/vnd.oasis.opendocument.text";
static const char *DOCX =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/* A zip local header whose first entry is "mimetype" holding the ODT type. */
static size_t
make_odt(unsigned char *b)
{
	memset(b, 0, 30);
	memcpy(b, "PK\x03\x04", 4);
	b[26] = 8;		/* name length */
	memcpy(b + 30, "mimetype", 8);
	memcpy(b + 38, ODT, strlen(ODT));
	memcpy(b + 38 + strlen(ODT), "PK\x03\x04", 4);
	return 38 + strlen(ODT) + 4;
}

/* A zip with central directory entries named as a DOCX has them. */
static size_t
make_docx(unsigned char *b, const char *second)
{
	size_t n = 0;
	const char *names[2] = { "[Content_Types].xml", second };
	int i;

	memcpy(b, "PK\x03\x04", 4);
	n = 30;
	memset(b + 4, 0, 26);
	for (i = 0; i < 2; i++) {
		memset(b + n, 0, 46);
		memcpy(b + n, "PK\x01\x02", 4);
		b[n + 28] = (unsigned char)strlen(names[i]);
		memcpy(b + n + 46, names[i], strlen(names[i]));
		n += 46 + strlen(names[i]);
	}
	return n;
}

static void
known_types_are_recognised(void **state)
{
	unsigned char	b[512];
	size_t		n;

	(void)state;
	assert_string_equal(filetype_sniff(T("%PDF-1.7\n..."), "Protokoll.PDF"),
	    "application/pdf");
	assert_string_equal(filetype_sniff(T("\x89PNG\r\n\x1a\n...."), "karta.png"),
	    "image/png");
	assert_string_equal(filetype_sniff(T("\xff\xd8\xff\xe0...."), "foto.jpeg"),
	    "image/jpeg");
	assert_string_equal(filetype_sniff(T("\xff\xd8\xff\xe0...."), "foto.jpg"),
	    "image/jpeg");
	n = make_odt(b);
	assert_string_equal(filetype_sniff(b, n, "yttrande.odt"), ODT);
	n = make_docx(b, "word/document.xml");
	assert_string_equal(filetype_sniff(b, n, "yttrande.docx"), DOCX);
}

static void
name_and_content_must_agree(void **state)
{
	unsigned char	b[512];
	size_t		n;

	(void)state;
	assert_null(filetype_sniff(T("%PDF-1.7"), "protokoll.docx"));
	assert_null(filetype_sniff(T("\x89PNG\r\n\x1a\n"), "bild.pdf"));
	assert_null(filetype_sniff(T("%PDF-1.7"), "protokoll"));
	n = make_odt(b);
	assert_null(filetype_sniff(b, n, "yttrande.docx"));
	n = make_docx(b, "word/document.xml");
	assert_null(filetype_sniff(b, n, "yttrande.odt"));
}

static void
other_content_is_refused(void **state)
{
	unsigned char	b[512];
	size_t		n;

	(void)state;
	assert_null(filetype_sniff(T("MZ\x90\x00 program"), "program.pdf"));
	assert_null(filetype_sniff(T("<html><script>"), "sida.pdf"));
	assert_null(filetype_sniff(T("%PD"), "kort.pdf"));
	assert_null(filetype_sniff((const unsigned char *)"", 0, "tom.pdf"));
	assert_null(filetype_sniff(T("%PDF-1.7"), NULL));
	/* Any zip is not a DOCX: it needs word/document.xml. */
	n = make_docx(b, "xl/workbook.xml");
	assert_null(filetype_sniff(b, n, "kalkyl.docx"));
	/* A zip whose first entry is not "mimetype" is not an ODT. */
	n = make_odt(b);
	memcpy(b + 30, "mimetypx", 8);
	assert_null(filetype_sniff(b, n, "yttrande.odt"));
}

/* Plain text is the one type beyond the web form's first five: UTF-8
 * without control characters, named .txt; never HTML, SVG or script by
 * name, and what is served is only ever a type of the allowlist. */
static void
plain_text_is_accepted_and_nothing_else_served(void **state)
{
	(void)state;
	assert_string_equal(filetype_sniff(T("Protokollsutdrag \xc2\xa7 42\r\n"),
	    "utdrag.TXT"), "text/plain");
	assert_string_equal(filetype_sniff(T("<html><script>x</script>"),
	    "sida.txt"), "text/plain");
	assert_null(filetype_sniff(T("<html><script>x</script>"), "sida.html"));
	assert_null(filetype_sniff(T("<svg onload=\"x\"/>"), "bild.svg"));
	assert_null(filetype_sniff(T("alert(1)"), "a.js"));
	assert_null(filetype_sniff(T("Hej"), "hej"));
	assert_null(filetype_sniff(T("bin\x01\x02"), "data.txt"));
	assert_null(filetype_sniff(T("latin-1 \xe5"), "gammal.txt"));
	assert_string_equal(filetype_served("text/plain"),
	    "text/plain; charset=utf-8");
	assert_string_equal(filetype_served("application/pdf"), "application/pdf");
	assert_string_equal(filetype_served("image/jpeg"), "image/jpeg");
	assert_string_equal(filetype_served("text/html"),
	    "application/octet-stream");
	assert_string_equal(filetype_served("image/svg+xml"),
	    "application/octet-stream");
	assert_string_equal(filetype_served("application/javascript"),
	    "application/octet-stream");
	assert_string_equal(filetype_served(NULL), "application/octet-stream");
}

static void
file_names_lose_paths_and_controls(void **state)
{
	struct arena	*a = arena_new();
	char		 long_name[400];

	(void)state;
	assert_string_equal(filetype_clean_name(a, "C:\\Users\\anna\\protokoll.pdf"),
	    "protokoll.pdf");
	assert_string_equal(filetype_clean_name(a, "../../etc/passwd"), "passwd");
	assert_string_equal(filetype_clean_name(a, "rad\x01\x1f" "brytning.pdf"),
	    "radbrytning.pdf");
	assert_string_equal(filetype_clean_name(a, "Yttrande från Hylte.pdf"),
	    "Yttrande från Hylte.pdf");
	assert_null(filetype_clean_name(a, ".."));
	assert_null(filetype_clean_name(a, "mapp/"));
	assert_null(filetype_clean_name(a, NULL));
	/* 254 ASCII bytes, then "å": the two-byte letter would be cut at 255. */
	memset(long_name, 'a', 254);
	memcpy(long_name + 254, "\xc3\xa5.pdf", 7);
	assert_int_equal(strlen(filetype_clean_name(a, long_name)), 254);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_types_are_recognised),
		cmocka_unit_test(name_and_content_must_agree),
		cmocka_unit_test(other_content_is_refused),
		cmocka_unit_test(plain_text_is_accepted_and_nothing_else_served),
		cmocka_unit_test(file_names_lose_paths_and_controls),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
