/* filetype.h: decides an uploaded file's type from its content, never from its name alone. */
#ifndef REMISS_FILETYPE_H
#define REMISS_FILETYPE_H

#include <stddef.h>

/* The one allowlist of attachments, for every channel (the web form, the
 * registrar's form, the XML API, remissctl): returns the media type of
 * data if it is one the product accepts (PDF, ODT, DOCX, PNG, JPEG, or
 * UTF-8 plain text without control characters named .txt) and the file
 * name's extension agrees with the content, else NULL. A static string. */
const char *filetype_sniff(const unsigned char *data, size_t len,
    const char *filename);

/* The Content-Type to serve a stored attachment of media_type with: the
 * type itself if it is one filetype_sniff gives ("text/plain" with its
 * charset), anything else "application/octet-stream" (a row stored before
 * the allowlist held for every channel). A static string. */
const char *filetype_served(const char *media_type);

/* The last path component of a browser-sent file name, without control
 * characters, at most 255 bytes, in a; NULL if nothing usable remains. */
struct arena;
const char *filetype_clean_name(struct arena *a, const char *filename);

#endif
