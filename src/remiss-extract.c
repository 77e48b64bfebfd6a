/* remiss-extract.c: prints the text of one PDF, DOCX or ODT document (path or stdin) in reader/match.h's format. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader/extract.h"
#include "util/arena.h"
#include "util/buf.h"

/* Documents larger than this are not read (the upload limit is lower). */
#define MAX_INPUT	(64u * 1024u * 1024u)

static const char usage[] =
    "usage: remiss-extract [FILE]\n"
    "\n"
    "Prints the text of FILE (or standard input), a PDF, DOCX or ODT\n"
    "document typed by its content, as UTF-8: paragraphs separated by a\n"
    "blank line, a page break as a line holding only a form feed.\n"
    "Exit status: 0 done; 1 usage or I/O; 2 not a PDF, DOCX or ODT;\n"
    "3 damaged; 4 over the size limits; 5 password-protected; 6 out of\n"
    "memory; 7 no text in it.\n";

/* Reads all of fp into a malloc'd buffer; -1 on I/O error or over max. */
static int
read_all(FILE *fp, char **out, size_t *outlen)
{
	char	*b = NULL, *nb;
	size_t	 len = 0, cap = 0, r;

	for (;;) {
		if (len == cap) {
			if (cap >= MAX_INPUT) {
				free(b);
				errno = EFBIG;
				return -1;
			}
			cap = cap ? cap * 2 : 65536;
			if (cap > MAX_INPUT)
				cap = MAX_INPUT;
			if ((nb = realloc(b, cap)) == NULL) {
				free(b);
				return -1;
			}
			b = nb;
		}
		r = fread(b + len, 1, cap - len, fp);
		len += r;
		if (r == 0) {
			if (ferror(fp)) {
				free(b);
				return -1;
			}
			break;
		}
	}
	*out = b;
	*outlen = len;
	return 0;
}

int
main(int argc, char **argv)
{
	enum extract_status	 st;
	struct arena		*a = NULL;
	struct buf		 out;
	FILE			*fp = stdin;
	char			*data = NULL;
	size_t			 len = 0;

	if (argc > 2 || (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0))) {
		fputs(usage, argc == 2 ? stdout : stderr);
		return argc == 2 ? 0 : EXTRACT_USAGE;
	}
	if (argc == 2 && strcmp(argv[1], "-") != 0 &&
	    (fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "remiss-extract: %s: %s\n", argv[1],
		    strerror(errno));
		return EXTRACT_USAGE;
	}
	if (read_all(fp, &data, &len) != 0) {
		fprintf(stderr, "remiss-extract: reading: %s\n",
		    errno == EFBIG ? "the file is too large" : strerror(errno));
		if (fp != stdin)
			fclose(fp);
		return EXTRACT_TOO_LARGE;
	}
	if (fp != stdin)
		fclose(fp);
	if ((a = arena_new()) == NULL) {
		free(data);
		return EXTRACT_NOMEM;
	}
	buf_init(&out, a);
	st = extract_any(data, len, &out);
	free(data);
	if (st == EXTRACT_OK) {
		if (fwrite(out.data, 1, out.len, stdout) != out.len ||
		    fputc('\n', stdout) == EOF || fflush(stdout) != 0) {
			fprintf(stderr, "remiss-extract: writing: %s\n",
			    strerror(errno));
			st = EXTRACT_USAGE;
		}
	} else
		fprintf(stderr, "remiss-extract: %s\n", extract_status_text(st));
	arena_free(a);
	return (int)st;
}
