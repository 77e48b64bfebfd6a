/* organisations.h: what the organisation pages' handlers share: the list page with a form's state,
 * the reading of an organisation's fields. */
#ifndef REMISS_HANDLERS_ORGANISATIONS_H
#define REMISS_HANDLERS_ORGANISATIONS_H

#include "handlers/handlers.h"

struct org_list_page;

/* Sends the list page with status, p's form state and problems (p->who,
 * rows are filled in here). */
void org_list_send(struct request *req, struct response *res, int status,
    struct org_list_page *p);

#endif
