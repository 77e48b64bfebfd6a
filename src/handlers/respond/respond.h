/* respond.h: what the pages of handlers/respond/ share: the remiss of the path with the caller's invitation. */
#ifndef REMISS_RESPOND_H
#define REMISS_RESPOND_H

struct invitation;
struct remiss_def;
struct request;
struct response;

/*
 * Loads the remiss the worker has loaded and judged for the route
 * (OBJ_REMISS and the kinds within it: for a remissinstans, one it is
 * invited to) with core/respond_page.c: its definition and, for a
 * remissinstans, its invitation (inv zeroed for anyone else). Returns 1,
 * or 0 after answering (404 if it went meanwhile, 503 if the database
 * fails).
 */
int respond_load(struct request *req, struct response *res,
    struct remiss_def *def, struct invitation *inv);

/* The response form and what belongs to it until it is sent (the draft's
 * files, the draft as a document) are for a person of an organisation in a
 * browser session: an admin has no organisation, and an API token has its
 * own channel (the XML upload). Returns 1 if req may use them, else 0 after
 * a 403. */
int respond_form_user(struct request *req, struct response *res);

struct receipt;
struct response_doc;

/* Loads the route's remiss into def and the version its path names into
 * doc and r (OBJ_VERSION, OBJ_ATTACHMENT: the worker loaded it within the
 * remiss, for a remissinstans within its own organisation): the rule of
 * the receipt page, for every page and download of a version. Returns 1,
 * or 0 after answering 404 or 503. */
int respond_version_load(struct request *req, struct response *res,
    struct remiss_def *def, struct response_doc *doc, struct receipt *r);

#endif
