/* api.h: what the /api/v1 handlers share: the remiss named in the path, loaded with the API's rules. */
#ifndef REMISS_API_H
#define REMISS_API_H

struct remiss_def;
struct request;
struct response;

/*
 * Loads the remiss named by the first path parameter for an API caller:
 * 404 if there is none (or it is still a draft and the caller is a
 * remissinstans), 403 if the caller is a remissinstans not invited to it,
 * 503 if the database fails. Returns 1 with def filled, or 0 after
 * answering.
 */
int api_remiss(struct request *req, struct response *res,
    struct remiss_def *def);

/* Answers 503: the database is unavailable. */
void api_unavailable(struct request *req, struct response *res);

/* True if the caller asked for JSON (Accept names json). */
int api_wants_json(const struct request *req);

#endif
