/* mail_receipt.c: the wording of the receipt mailed when a version of a remissvar is stored. */
#include "config.h"

#include <string.h>

#include "util/arena.h"
#include "views/dates.h"
#include "views/mail_remiss.h"
#include "views/mail_view.h"

static int
render(struct arena *a, const struct mail_receipt *m, struct mail_out *out)
{
	struct mail_body	*b;

	if ((b = mail_body_new(a)) == NULL)
		return -1;
	out->subject = arena_printf(a, _("Kvitto %s: remissvar på %s"),
	    m->number, m->title);
	mail_heading(b, m->title);
	mail_para(b, arena_printf(a, _("Remissvaret från %s har tagits emot "
	    "(version %d)."), m->org_name, m->version));
	mail_fact(b, _("Kvittonummer"), m->number);
	mail_fact(b, _("Mottaget"), iso_datetime_ui_in(a, m->received_at));
	mail_fact(b, _("Kontrollsumma (SHA-256)"), m->sha256);
	mail_link(b, _("Kvittot"), m->url);
	if (out->subject == NULL ||
	    mail_body_finish(b, 1, &out->text, &out->html) == -1) {
		mail_body_discard(b);
		return -1;
	}
	return 0;
}

int
mail_receipt_render(struct arena *a, enum lang lang,
    const struct mail_receipt *m, struct mail_out *out)
{
	enum lang	was = i18n_current();
	int		rc;

	memset(out, 0, sizeof(*out));
	i18n_set(lang);
	rc = render(a, m, out);
	i18n_set(was);
	return rc;
}
