/* zipread.c: one zip entry from memory through libzip: declared size checked first, reading capped at the limit. */
#include "config.h"

#include <stdlib.h>

#include <zip.h>

#include "reader/zipread.h"

enum extract_status
zipread_entry(const void *data, size_t len, const char *name, size_t max,
    char **out, size_t *outlen)
{
	zip_source_t		*src = NULL;
	zip_t			*z = NULL;
	zip_file_t		*f = NULL;
	zip_stat_t		 sb;
	zip_error_t		 zerr;
	zip_int64_t		 r;
	enum extract_status	 st = EXTRACT_CORRUPT;
	char			*b = NULL;
	size_t			 got = 0, cap;

	*out = NULL;
	*outlen = 0;
	zip_error_init(&zerr);
	if ((src = zip_source_buffer_create(data, len, 0, &zerr)) == NULL) {
		st = EXTRACT_NOMEM;
		goto err;
	}
	if ((z = zip_open_from_source(src, ZIP_RDONLY, &zerr)) == NULL)
		goto err;
	src = NULL;	/* the archive owns it now */
	zip_stat_init(&sb);
	if (zip_stat(z, name, 0, &sb) != 0 || !(sb.valid & ZIP_STAT_SIZE))
		goto err;
	if (sb.size > max) {
		st = EXTRACT_TOO_LARGE;
		goto err;
	}
	if ((sb.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
	    sb.encryption_method != ZIP_EM_NONE)
		goto err;
	if ((f = zip_fopen(z, name, 0)) == NULL)
		goto err;
	/* Room for what it says plus one byte, to see it say too little. */
	cap = (size_t)sb.size + 2;
	if ((b = malloc(cap)) == NULL) {
		st = EXTRACT_NOMEM;
		goto err;
	}
	for (;;) {
		if (got == cap - 1) {
			/* More than it said: a lie, or a bomb. */
			st = got > max ? EXTRACT_TOO_LARGE : EXTRACT_CORRUPT;
			goto err;
		}
		r = zip_fread(f, b + got, cap - 1 - got);
		if (r < 0)
			goto err;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	if (got != sb.size)
		goto err;
	b[got] = '\0';
	zip_fclose(f);
	zip_close(z);
	*out = b;
	*outlen = got;
	return EXTRACT_OK;
err:
	free(b);
	if (f != NULL)
		zip_fclose(f);
	if (z != NULL)
		zip_discard(z);
	if (src != NULL)
		zip_source_free(src);
	zip_error_fini(&zerr);
	return st;
}
