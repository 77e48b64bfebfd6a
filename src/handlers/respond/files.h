/* files.h: sending a stored file (attachment) as a download, and the draft's own files. */
#ifndef REMISS_FILES_H
#define REMISS_FILES_H

#include <stddef.h>

struct request;
struct response;

/* Answers with data[0..len) as a download (Content-Disposition attachment)
 * named filename (RFC 6266 with an RFC 5987 UTF-8 name; fallback
 * "bilaga-N" in ASCII), of media_type if the allowlist has it
 * (filetype_served; else application/octet-stream), with a sandboxing
 * Content-Security-Policy, never cached by shared caches. */
void send_file(struct request *req, struct response *res, size_t n,
    const char *filename, const char *media_type, const unsigned char *data,
    size_t len);

#endif
