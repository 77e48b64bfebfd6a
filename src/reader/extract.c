/* extract.c: types a document by its bytes and runs the extractor for it; the statuses' names. */
#include "config.h"

#include "core/filetype.h"
#include "reader/extract.h"
#include "util/buf.h"

enum extract_kind
extract_kind(const void *data, size_t len)
{
	const unsigned char *d = data;

	/* filetype_sniff wants the name to agree; give it the one each
	 * type would have, so only the bytes decide. */
	if (filetype_sniff(d, len, "x.pdf") != NULL)
		return EXTRACT_KIND_PDF;
	if (filetype_sniff(d, len, "x.docx") != NULL)
		return EXTRACT_KIND_DOCX;
	if (filetype_sniff(d, len, "x.odt") != NULL)
		return EXTRACT_KIND_ODT;
	return EXTRACT_KIND_NONE;
}

enum extract_status
extract_any(const void *data, size_t len, struct buf *out)
{
	enum extract_status	 st;
	size_t			 before = out->len;

	switch (extract_kind(data, len)) {
	case EXTRACT_KIND_PDF:
		st = extract_pdf(data, len, out);
		break;
	case EXTRACT_KIND_DOCX:
		st = extract_docx(data, len, out);
		break;
	case EXTRACT_KIND_ODT:
		st = extract_odt(data, len, out);
		break;
	default:
		return EXTRACT_UNSUPPORTED;
	}
	if (st == EXTRACT_OK && out->len == before)
		st = EXTRACT_EMPTY;
	return st;
}

const char *
extract_status_text(enum extract_status st)
{
	static const char *const text[EXTRACT__MAX] = {
		[EXTRACT_OK] = "ok",
		[EXTRACT_USAGE] = "usage or I/O error",
		[EXTRACT_UNSUPPORTED] = "not a PDF, DOCX or ODT document",
		[EXTRACT_CORRUPT] = "the document is damaged or not readable",
		[EXTRACT_TOO_LARGE] = "the document is over the size limits",
		[EXTRACT_ENCRYPTED] = "the document is protected by a password",
		[EXTRACT_NOMEM] = "out of memory",
		[EXTRACT_EMPTY] = "the document holds no text",
	};

	if ((unsigned)st >= EXTRACT__MAX || text[st] == NULL)
		return "unknown status";
	return text[st];
}
