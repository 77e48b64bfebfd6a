/* pdflang.h: the document language (/Lang in the catalog) added to a finished PDF as an incremental update. */
#ifndef REMISS_PDF_PDFLANG_H
#define REMISS_PDF_PDFLANG_H

#include <stddef.h>

struct buf;

/*
 * cairo 1.16 has no call for the catalog's /Lang, which screen readers and
 * hyphenation in viewers use. Given a finished PDF pdf[0..len) as cairo
 * writes it (one cross-reference table, an uncompressed catalog), appends
 * to out the incremental update (ISO 32000-1, 7.5.6) that replaces the
 * catalog with a copy holding /Lang (lang): the object, a cross-reference
 * section for it and a trailer with /Prev. lang is a BCP 47 tag (letters,
 * digits and '-' only). Returns 1 appended, 0 the catalog already has a
 * /Lang (nothing appended), -1 pdf is not of that shape, lang is not a
 * tag, or OOM (out may hold part of the update; discard it).
 */
int pdf_lang_update(struct buf *out, const unsigned char *pdf, size_t len,
    const char *lang);

#endif
