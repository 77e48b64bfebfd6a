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

#endif
