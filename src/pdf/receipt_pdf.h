/* receipt_pdf.h: a receipt (kvittens) as a PDF, beside its XML: what was received from whom, when, and the checksums. */
#ifndef REMISS_PDF_RECEIPT_PDF_H
#define REMISS_PDF_RECEIPT_PDF_H

#include <stddef.h>

#include "export/sink.h"

struct receipt;
struct remiss_def;
struct version_file;

/*
 * Writes the receipt r of a version of remiss def, sent with files[0..n)
 * (core/response_revision.h), as a one-page PDF (more when it has many
 * files) to out: kvittensnummer, remiss, organisation, version, when it was
 * received (Europe/Stockholm), the channel, the ankomstdatum of a
 * registered version, the SHA-256 of the canonical XML and each file's
 * name and SHA-256. In Swedish. Returns 0, or -1 on an error (logged;
 * nothing was written).
 */
int receipt_pdf_write(const struct remiss_def *def, const struct receipt *r,
    const struct version_file *files, size_t n, const struct export_sink *out);

#endif
