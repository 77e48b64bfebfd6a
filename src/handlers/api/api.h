/* api.h: what the /api/v1 handlers share: the remiss named in the path, loaded with the API's rules. */
#ifndef REMISS_API_H
#define REMISS_API_H

struct remiss_def;
struct request;
struct response;

/*
 * Loads the definition of the remiss the worker has loaded and judged for
 * the route (OBJ_API_REMISS: 404 for a remiss that is not there or is a
 * draft for a remissinstans, 403 for a remissinstans not invited): 404 if
 * it went meanwhile, 503 if the database fails. Returns 1 with def
 * filled, or 0 after answering.
 */
int api_remiss(struct request *req, struct response *res,
    struct remiss_def *def);

/* Answers 503: the database is unavailable. */
void api_unavailable(struct request *req, struct response *res);

/* True if the caller asked for JSON (Accept names json). */
int api_wants_json(const struct request *req);

#endif
