/* filetype.h: decides an uploaded file's type from its content, never from its name alone. */
#ifndef REMISS_FILETYPE_H
#define REMISS_FILETYPE_H

#include <stddef.h>

/* Returns the media type of data if it is one the product accepts (PDF,
 * ODT, DOCX, PNG, JPEG) and the file name's extension agrees with the
 * content, else NULL. A static string. */
const char *filetype_sniff(const unsigned char *data, size_t len,
    const char *filename);

/* The last path component of a browser-sent file name, without control
 * characters, at most 255 bytes, in a; NULL if nothing usable remains. */
struct arena;
const char *filetype_clean_name(struct arena *a, const char *filename);

#endif
