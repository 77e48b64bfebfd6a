/* account_view.h: Mitt konto: who the user is, the language setting, the personal API tokens. */
#ifndef REMISS_ACCOUNT_VIEW_H
#define REMISS_ACCOUNT_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "views/i18n.h"

struct arena;
struct html;
struct identity;
struct personal_token;

/* What the page shows. */
struct account_page {
	const struct identity		*who;
	enum lang			 lang;		/* selected in the form */
	bool				 saved;		/* "Ditt språkval är sparat." */
	bool				 revoked;	/* "API-nyckeln är återkallad." */
	bool				 has_tokens;	/* a user (an organisation
							   token has no personal
							   tokens): the section shows */
	const struct personal_token	*tokens;	/* tokens[0..ntokens) */
	size_t				 ntokens;
};

/* Writes the whole page into h; strings it makes go into a. */
void account_view(struct html *h, struct arena *a,
    const struct account_page *p);

#endif
