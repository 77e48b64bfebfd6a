/* zipread.h: reads one entry of a zip held in memory, bounded against zip bombs. */
#ifndef REMISS_READER_ZIPREAD_H
#define REMISS_READER_ZIPREAD_H

#include <stddef.h>

#include "reader/extract.h"

/*
 * Reads the entry called name of the zip data[0..len) into a new malloc'd
 * buffer (*out, NUL-terminated, *outlen bytes; the caller frees it). An
 * entry that says it unpacks to more than max bytes is refused unread, and
 * one that unpacks to more than it said or than max is refused as soon as
 * it does (the buffer never grows past max + 1). Returns EXTRACT_OK,
 * EXTRACT_CORRUPT (not a zip, no such entry, a bad entry, encrypted),
 * EXTRACT_TOO_LARGE or EXTRACT_NOMEM; *out is NULL on failure.
 */
enum extract_status zipread_entry(const void *data, size_t len,
    const char *name, size_t max, char **out, size_t *outlen);

#endif
