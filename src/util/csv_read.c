/* csv_read.c: reads a small CSV file as Excel writes it (';' or ',', quotes, BOM, CRLF), UTF-8 only. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "http/utf8.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/csv_read.h"

const char *
csv_error_name(enum csv_error e)
{
	static const char *const names[] = {
		[CSV_OK] = "ok", [CSV_EMPTY] = "empty",
		[CSV_TOO_LARGE] = "too_large", [CSV_NOT_UTF8] = "not_utf8",
		[CSV_CONTROL] = "control",
		[CSV_TOO_MANY_ROWS] = "too_many_rows",
		[CSV_TOO_MANY_FIELDS] = "too_many_fields",
		[CSV_FIELD_TOO_LONG] = "field_too_long",
		[CSV_BAD_QUOTE] = "bad_quote", [CSV_OPEN_QUOTE] = "open_quote",
	};

	return (unsigned)e < sizeof(names) / sizeof(names[0]) ? names[e] : "?";
}

/* The line of the first byte in p[0..len) that is not UTF-8 text (1-based),
 * as err: CSV_NOT_UTF8 or CSV_CONTROL; 0 when all is well. */
static size_t
first_bad(const unsigned char *p, size_t len, enum csv_error *err)
{
	size_t		 i = 0, n, line = 1;
	uint32_t	 cp;

	while (i < len) {
		if ((n = utf8_decode(p + i, len - i, &cp)) == 0) {
			*err = CSV_NOT_UTF8;
			return line;
		}
		if (cp == '\n' || (cp == '\r' && (i + 1 >= len ||
		    p[i + 1] != '\n')))
			line++;
		else if ((cp < 0x20 && cp != '\t' && cp != '\r') ||
		    (cp >= 0x7F && cp < 0xA0)) {
			*err = CSV_CONTROL;
			return line;
		}
		i += n;
	}
	return 0;
}

/* ';' or ',': whichever the first record holds more of outside quotes. */
static char
guess_sep(const char *p, size_t len)
{
	size_t	 i, semi = 0, comma = 0;
	bool	 quoted = false;

	for (i = 0; i < len; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted && (p[i] == '\n' || p[i] == '\r'))
			break;
		else if (!quoted && p[i] == ';')
			semi++;
		else if (!quoted && p[i] == ',')
			comma++;
	}
	return comma > semi ? ',' : ';';
}

/* The parser's state: the input, where it is, the record being read. */
struct reader {
	struct arena		*a;
	const struct csv_limits	*l;
	const char		*p;
	size_t			 len, i, line;
	char			 sep;
	struct buf		 field;
	char			**fields;
	size_t			 nfields, capfields;
	struct csv_row		*rows;
	size_t			 nrows, caprows;
};

/* Ends the current field. */
static enum csv_error
end_field(struct reader *r)
{
	char	**grown;
	char	 *s;

	if (r->field.failed)
		return CSV_TOO_LARGE;
	if (r->nfields >= r->l->max_fields)
		return CSV_TOO_MANY_FIELDS;
	if (r->nfields == r->capfields) {
		r->capfields = r->capfields ? r->capfields * 2 : 8;
		grown = arena_realloc(r->a, r->fields, r->nfields *
		    sizeof(*r->fields), r->capfields * sizeof(*r->fields));
		if (grown == NULL)
			return CSV_TOO_LARGE;
		r->fields = grown;
	}
	s = arena_strndup(r->a, r->field.len ? r->field.data : "",
	    r->field.len);
	if (s == NULL)
		return CSV_TOO_LARGE;
	r->fields[r->nfields++] = s;
	buf_init(&r->field, r->a);
	return CSV_OK;
}

/* Ends the current record (started on line start); an empty line (one
 * empty field) is dropped. */
static enum csv_error
end_record(struct reader *r, size_t start)
{
	struct csv_row	*grown;

	if (r->nfields == 1 && r->fields[0][0] == '\0') {
		r->nfields = 0;
		return CSV_OK;
	}
	if (r->nrows >= r->l->max_rows)
		return CSV_TOO_MANY_ROWS;
	if (r->nrows == r->caprows) {
		r->caprows = r->caprows ? r->caprows * 2 : 16;
		grown = arena_realloc(r->a, r->rows, r->nrows * sizeof(*r->rows),
		    r->caprows * sizeof(*r->rows));
		if (grown == NULL)
			return CSV_TOO_LARGE;
		r->rows = grown;
	}
	r->rows[r->nrows].line = start;
	r->rows[r->nrows].fields = r->fields;
	r->rows[r->nrows].nfields = r->nfields;
	r->nrows++;
	r->fields = NULL;
	r->nfields = r->capfields = 0;
	return CSV_OK;
}

/* Adds byte c to the current field. */
static enum csv_error
put(struct reader *r, char c)
{
	if (r->field.len >= r->l->max_field)
		return CSV_FIELD_TOO_LONG;
	return buf_append(&r->field, &c, 1) == 0 ? CSV_OK : CSV_TOO_LARGE;
}

/* Consumes a line break at r->i if there is one (CRLF, LF or CR). */
static bool
line_break(struct reader *r)
{
	if (r->p[r->i] == '\r') {
		r->i += (r->i + 1 < r->len && r->p[r->i + 1] == '\n') ? 2 : 1;
		r->line++;
		return true;
	}
	if (r->p[r->i] == '\n') {
		r->i++;
		r->line++;
		return true;
	}
	return false;
}

/* Reads a quoted field, r->i just past its opening quote. */
static enum csv_error
quoted_field(struct reader *r)
{
	enum csv_error	 e;
	char		 c;

	for (;;) {
		if (r->i >= r->len)
			return CSV_OPEN_QUOTE;
		c = r->p[r->i];
		if (c == '"') {
			if (r->i + 1 < r->len && r->p[r->i + 1] == '"') {
				if ((e = put(r, '"')) != CSV_OK)
					return e;
				r->i += 2;
				continue;
			}
			r->i++;
			/* Only a separator, a line break or the end may
			 * follow. */
			if (r->i < r->len && r->p[r->i] != r->sep &&
			    r->p[r->i] != '\r' && r->p[r->i] != '\n')
				return CSV_BAD_QUOTE;
			return CSV_OK;
		}
		if (c == '\n' || (c == '\r' && (r->i + 1 >= r->len ||
		    r->p[r->i + 1] != '\n')))
			r->line++;
		if ((e = put(r, c)) != CSV_OK)
			return e;
		r->i++;
	}
}

static enum csv_error
parse(struct reader *r)
{
	enum csv_error	 e;
	size_t		 start = r->line;
	bool		 at_field_start = true;

	while (r->i < r->len) {
		if (at_field_start && r->p[r->i] == '"') {
			r->i++;
			if ((e = quoted_field(r)) != CSV_OK)
				return e;
			at_field_start = false;
			continue;
		}
		at_field_start = false;
		if (r->p[r->i] == r->sep) {
			r->i++;
			if ((e = end_field(r)) != CSV_OK)
				return e;
			at_field_start = true;
			continue;
		}
		if (line_break(r)) {
			if ((e = end_field(r)) != CSV_OK ||
			    (e = end_record(r, start)) != CSV_OK) {
				r->line = start;	/* the record's line */
				return e;
			}
			start = r->line;
			at_field_start = true;
			continue;
		}
		if (r->p[r->i] == '"')
			return CSV_BAD_QUOTE;
		if ((e = put(r, r->p[r->i])) != CSV_OK)
			return e;
		r->i++;
	}
	/* The last record, when the file does not end with a line break. */
	if (!at_field_start || r->nfields > 0) {
		if ((e = end_field(r)) != CSV_OK ||
		    (e = end_record(r, start)) != CSV_OK)
			return e;
	}
	return CSV_OK;
}

enum csv_error
csv_read(struct arena *a, const char *data, size_t len,
    const struct csv_limits *l, struct csv_table *out, size_t *line)
{
	struct reader	 r;
	enum csv_error	 e = CSV_OK;

	memset(out, 0, sizeof(*out));
	*line = 0;
	if (len > l->max_bytes)
		return CSV_TOO_LARGE;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if ((*line = first_bad((const unsigned char *)data, len, &e)) != 0)
		return e;
	memset(&r, 0, sizeof(r));
	r.a = a;
	r.l = l;
	r.p = data;
	r.len = len;
	r.line = 1;
	r.sep = guess_sep(data, len);
	buf_init(&r.field, a);
	if ((e = parse(&r)) != CSV_OK) {
		*line = r.line;
		return e;
	}
	if (r.nrows == 0)
		return CSV_EMPTY;
	out->sep = r.sep;
	out->rows = r.rows;
	out->nrows = r.nrows;
	return CSV_OK;
}
