/* csv_read.h: reads a small CSV file as Excel writes it (';' or ',', quotes, BOM, CRLF), UTF-8 only. */
#ifndef REMISS_CSV_READ_H
#define REMISS_CSV_READ_H

#include <stddef.h>

struct arena;

/* What a file may hold at most. */
struct csv_limits {
	size_t	 max_bytes;	/* the whole file */
	size_t	 max_rows;	/* records, the header included */
	size_t	 max_fields;	/* fields of one record */
	size_t	 max_field;	/* bytes of one field */
};

/* Why a file was refused. */
enum csv_error {
	CSV_OK,
	CSV_EMPTY,		/* no record at all */
	CSV_TOO_LARGE,		/* over max_bytes */
	CSV_NOT_UTF8,		/* not UTF-8 (a Windows-1252 file, say) */
	CSV_CONTROL,		/* a NUL or another control character */
	CSV_TOO_MANY_ROWS,	/* over max_rows */
	CSV_TOO_MANY_FIELDS,	/* a record over max_fields */
	CSV_FIELD_TOO_LONG,	/* a field over max_field */
	CSV_BAD_QUOTE,		/* text after a closing quote, or a quote
				   inside an unquoted field */
	CSV_OPEN_QUOTE,		/* a quoted field never closed */
};

/* One record: its fields (NUL-terminated, in the arena) and the line of
 * the file it starts on (1-based). */
struct csv_row {
	size_t		  line;
	char		**fields;
	size_t		  nfields;
};

struct csv_table {
	char		 sep;		/* ';' or ',' */
	struct csv_row	*rows;		/* rows[0..nrows), the header first */
	size_t		 nrows;
};

/*
 * Parses data[0..len) into *out (in a). A UTF-8 byte order mark is
 * skipped; records end at CRLF, LF or CR; the separator is ';' or ',',
 * whichever the first record holds more of outside quotes (';' on a tie);
 * a field in double quotes may hold separators, line breaks and "" for a
 * quote. Empty lines are skipped. The whole file must be UTF-8 without
 * control characters but TAB. Returns CSV_OK, or the first problem with
 * *line its line (0 for the whole file) and *out emptied.
 */
enum csv_error csv_read(struct arena *a, const char *data, size_t len,
    const struct csv_limits *l, struct csv_table *out, size_t *line);

/* The name of e for logs and tests ("not_utf8"). */
const char *csv_error_name(enum csv_error e);

#endif
