/* respond_page.h: the remiss a remissinstans's pages (remiss page, form, receipt) start from. */
#ifndef REMISS_CORE_RESPOND_PAGE_H
#define REMISS_CORE_RESPOND_PAGE_H

#include "core/remiss_def.h"
#include "core/result.h"

struct arena;
struct db;

/*
 * Loads remiss slug into *def and, when org_id is not 0, that
 * organisation's invitation into *inv (its last day, whether it is open
 * now); *inv is zeroed otherwise. Strings in a. CORE_OK, CORE_NOT_FOUND
 * (no such remiss, or the organisation is not invited), or the database's
 * failure.
 */
enum core_result respond_remiss(struct db *db, struct arena *a,
    const char *slug, long long org_id, struct remiss_def *def,
    struct invitation *inv);

#endif
