/* fuzz_xlsx_text.c: libFuzzer harness for the XLSX export's cell texts and sheet names (src/export/xlsx_text.c). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/xlsx_text.h"
#include "http/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* UTF-16 code units of valid UTF-8 s. */
static size_t
units(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = 0;

	for (; *u != '\0'; u++)
		if ((*u & 0xC0) != 0x80)
			n += *u >= 0xF0 ? 2 : 1;
	return n;
}

static int
hex4(const char *p)
{
	size_t i;

	for (i = 0; i < 4; i++)
		if (strchr("0123456789abcdefABCDEF", p[i]) == NULL ||
		    p[i] == '\0')
			return 0;
	return 1;
}

/* A cell text must be valid UTF-8 within Excel's and libxlsxwriter's limit
 * (counted as written, escapes included, which is never less), hold no control
 * character but TAB and LF, and every "_xHHHH_" in it must be the escape
 * of a "_" or start at the last "_" of one (a reader decodes left to
 * right, so it then shows the text as written). */
static void
check_cell(const char *in)
{
	static char	 out[XLSX_CELL_BYTES];
	const char	*p;
	size_t		 n;
	bool		 cut;

	xlsx_cell_text(in, out, &cut);
	n = strlen(out);
	if (n >= XLSX_CELL_BYTES || !utf8_valid(out, n) ||
	    units(out) > XLSX_CELL_MAX)
		abort();
	for (p = out; *p != '\0'; p++)
		if (((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n') ||
		    *p == 0x7F)
			abort();
	for (p = out; (p = strstr(p, "_x")) != NULL; p++)
		if (strlen(p) >= 7 && hex4(p + 2) && p[6] == '_' &&
		    strncmp(p, "_x005F_", 7) != 0 &&
		    (p - out < 6 || strncmp(p - 6, "_x005F_", 7) != 0))
			abort();
	/* A cut text ends with the marker and fills the cell but for what
	 * the next character would have needed (at most an escape's 7). */
	if (cut && (n < strlen(XLSX_CUT_MARKER) || strcmp(out + n -
	    strlen(XLSX_CUT_MARKER), XLSX_CUT_MARKER) != 0 ||
	    units(out) + 7 <= XLSX_CELL_MAX))
		abort();
}

/* A sheet name Excel accepts: 1-31 units, valid UTF-8, none of []:*?/\
 * and no apostrophe first or last. */
static void
check_name(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || !utf8_valid(name, n) || units(name) >
	    XLSX_SHEET_NAME_MAX || strpbrk(name, "[]:*?/\\") != NULL ||
	    name[0] == '\'' || name[n - 1] == '\'')
		abort();
}

/* The input as a cell text (repeated past Excel's limit when it starts
 * with 'R') and as the wanted name of two sheets, which must differ. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct xlsx_names	 used;
	char			 a[XLSX_SHEET_NAME_BYTES], b[XLSX_SHEET_NAME_BYTES];
	char			*s;
	size_t			 len = size, i;

	if (size > 1 && data[0] == 'R')
		len = 70000;
	if ((s = malloc(len + 1)) == NULL)
		return 0;
	for (i = 0; i < len; i++)
		s[i] = (char)(len == size ? data[i] : data[1 + i % (size - 1)]);
	s[len] = '\0';
	check_cell(s);
	if (len == size) {
		memset(&used, 0, sizeof(used));
		if (xlsx_sheet_name(&used, s, "Avsnitt", a) == 0 &&
		    xlsx_sheet_name(&used, s, "Avsnitt", b) == 0) {
			check_name(a);
			check_name(b);
			if (strcmp(a, b) == 0)
				abort();
		}
		xlsx_names_free(&used);
	}
	free(s);
	return 0;
}
