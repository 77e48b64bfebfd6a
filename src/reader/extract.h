/* extract.h: the text of a document response (PDF, DOCX, ODT) in the format of reader/match.h. */
#ifndef REMISS_READER_EXTRACT_H
#define REMISS_READER_EXTRACT_H

#include <stddef.h>

struct buf;

/* What an extraction may produce and read: text beyond EXTRACT_MAX_TEXT is
 * refused (EXTRACT_TOO_LARGE), as is a zip entry (DOCX, ODT) that would
 * unpack to more than EXTRACT_MAX_ENTRY bytes. */
#define EXTRACT_MAX_TEXT	(5u * 1024u * 1024u)
#define EXTRACT_MAX_ENTRY	(50u * 1024u * 1024u)

/* The outcome of an extraction. Each is also remiss-extract's exit status,
 * which the reading worker maps to an error code (reader/read_worker.c). */
enum extract_status {
	EXTRACT_OK = 0,
	EXTRACT_USAGE = 1,	/* remiss-extract only: bad arguments or I/O */
	EXTRACT_UNSUPPORTED = 2, /* not a PDF, DOCX or ODT by its bytes */
	EXTRACT_CORRUPT = 3,	/* the format's parser refused it */
	EXTRACT_TOO_LARGE = 4,	/* over EXTRACT_MAX_TEXT or EXTRACT_MAX_ENTRY */
	EXTRACT_ENCRYPTED = 5,	/* a PDF with a password */
	EXTRACT_NOMEM = 6,
	EXTRACT_EMPTY = 7,	/* read, but no text in it (a scanned PDF) */
	EXTRACT__MAX
};

/* The document kinds extract_any tells apart. */
enum extract_kind {
	EXTRACT_KIND_NONE,
	EXTRACT_KIND_PDF,
	EXTRACT_KIND_DOCX,
	EXTRACT_KIND_ODT,
};

/*
 * Each appends the text of the document data[0..len) to out, in the format
 * of reader/match.h: UTF-8 without NUL or other control characters than
 * "\n" and "\f", paragraphs separated by "\n\n", a line break inside a
 * paragraph as "\n", and (PDF, and explicit page breaks of DOCX/ODT) a
 * page break as a line "\f". Never reads outside data. On failure out may
 * hold part of the text; the status says why.
 */
enum extract_status extract_pdf(const void *data, size_t len, struct buf *out);
enum extract_status extract_docx(const void *data, size_t len, struct buf *out);
enum extract_status extract_odt(const void *data, size_t len, struct buf *out);

/* The kind of data by its bytes (core/filetype.c's rules, whatever the
 * file's name), EXTRACT_KIND_NONE when it is none of the three. */
enum extract_kind extract_kind(const void *data, size_t len);

/* Types data by extract_kind and runs the matching extractor;
 * EXTRACT_UNSUPPORTED for anything else. A document with no text at all
 * gives EXTRACT_EMPTY. */
enum extract_status extract_any(const void *data, size_t len, struct buf *out);

/* One line of English naming status, for logs and remiss-extract's stderr. */
const char *extract_status_text(enum extract_status status);

#endif
