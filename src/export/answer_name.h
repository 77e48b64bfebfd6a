/* answer_name.h: the download name of an organisation's answer as a document,
 * "SLUG-remissvar-ORGSLUG-v2.docx" or "...-utkast.pdf", in plain ASCII. */
#ifndef REMISS_EXPORT_ANSWER_NAME_H
#define REMISS_EXPORT_ANSWER_NAME_H

#include <stddef.h>

struct arena;

/* The organisation's name as a slug: lower-case ASCII letters and digits,
 * å ä à á â → a, ö ø ó ò ô → o, é è ê ë → e, ü ú → u, other letters and
 * marks dropped, every other run of characters one "-", none first or
 * last, at most 60 bytes; "organisation" when nothing is left. In a, NULL
 * on OOM. */
const char *answer_org_slug(struct arena *a, const char *org);

/* "SLUG-remissvar-ORGSLUG-vN.EXT" for version n, or with n 0 (a draft)
 * "SLUG-remissvar-ORGSLUG-utkast.EXT"; slug is a remiss slug ([a-z0-9-]).
 * In a, NULL on OOM. */
const char *answer_doc_filename(struct arena *a, const char *slug,
    const char *org, int n, const char *ext);

#endif
