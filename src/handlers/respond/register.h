/* register.h: what registering a response shares with reading one from a document (read_document.c). */
#ifndef REMISS_HANDLERS_REGISTER_H
#define REMISS_HANDLERS_REGISTER_H

struct attachment;
struct form_errors;
struct receipt;
struct registration;
struct request;
struct response;
struct response_doc;

/* The ankomstdatum of the form (trimmed) into *out; what is wrong with it
 * (not a date, after today, outside the organisation's window) goes into
 * errs beside the field. */
void register_read_arrival(struct request *req, const struct registration *rg,
    const char **out, struct form_errors *errs);

/* The files of the post, typed by content, into doc->attachments after
 * original (the read document, or NULL); refusals into errs, and a
 * refusal when neither original nor any file is the response itself (a
 * PDF, DOCX or ODT). Returns 0, or -1 on OOM. */
int register_read_files(struct request *req, struct response_doc *doc,
    const struct attachment *original, struct form_errors *errs);

/*
 * Stores doc as rg's registered response (channel registrerad) with the
 * form's one-time key and the day it arrived. Returns 0 with *rcpt set
 * (stored now, or by this key before), a status (409, 422) with the reason
 * in errs for the caller to show its form again, or -1 after answering
 * the request itself (a reused key, the database down).
 */
int register_store(struct request *req, struct response *res,
    const struct registration *rg, const struct response_doc *doc,
    const char *key, const char *arrived, struct receipt *rcpt,
    struct form_errors *errs);

#endif
