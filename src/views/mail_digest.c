/* mail_digest.c: the wording of the daily digest of new answers to a referensgrupp member. */
#include "config.h"

#include <string.h>

#include "util/arena.h"
#include "views/dates.h"
#include "views/mail_remiss.h"
#include "views/mail_view.h"

static int
render(struct arena *a, const struct mail_digest *m, struct mail_out *out)
{
	struct mail_body		*b;
	const struct mail_digest_item	*it;
	size_t				 i;

	if ((b = mail_body_new(a)) == NULL)
		return -1;
	out->subject = arena_printf(a, _("Nya remissvar: %s"), m->title);
	mail_heading(b, m->title);
	mail_para(b, arena_printf(a, NG_("%zu nytt eller ändrat svar sedan "
	    "förra sammanställningen:", "%zu nya eller ändrade svar sedan "
	    "förra sammanställningen:", m->nitems), m->nitems));
	for (i = 0; i < m->nitems; i++) {
		it = &m->items[i];
		mail_link(b, arena_printf(a, it->version > 1 ?
		    _("%s, version %d (ändrat), %s") : _("%s, version %d, %s"),
		    it->org_name, it->version,
		    iso_datetime_ui_in(a, it->received_at)), it->url);
	}
	mail_link(b, _("Granskningen"), m->review_url);
	if (out->subject == NULL ||
	    mail_body_finish(b, 1, &out->text, &out->html) == -1) {
		mail_body_discard(b);
		return -1;
	}
	return 0;
}

int
mail_digest_render(struct arena *a, enum lang lang,
    const struct mail_digest *m, struct mail_out *out)
{
	enum lang	was = i18n_current();
	int		rc;

	memset(out, 0, sizeof(*out));
	i18n_set(lang);
	rc = render(a, m, out);
	i18n_set(was);
	return rc;
}
