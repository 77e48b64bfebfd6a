/* mail_test.c: the wording of the test message that `remissctl mail test` queues. */
#include "config.h"

#include <string.h>

#include "mail/mail_config.h"
#include "mail/outbox.h"
#include "views/i18n.h"
#include "views/mail_test.h"
#include "views/mail_view.h"

int
mail_test_render(struct arena *a, enum lang lang, const char *to,
    struct mail_draft *d)
{
	struct mail_body	*b;
	enum lang		 was = i18n_current();
	int			 rc = -1;

	i18n_set(lang);
	memset(d, 0, sizeof(*d));
	d->kind = "test";
	d->to = to;
	d->lang = lang_code(lang);
	d->subject = _("Provmeddelande från Remissvar");
	if ((b = mail_body_new(a)) == NULL)
		goto out;
	mail_heading(b, _("Provmeddelande"));
	mail_para(b, _("Det här är ett provmeddelande från Remissvar. Det "
	    "skickades för att pröva att e-post från tjänsten kommer fram: "
	    "ni behöver inte göra något."));
	mail_para(b, _("Å, ä och ö ska synas rätt här: Räksmörgås på "
	    "Öland, åtta äpplen."));
	mail_link(b, _("Tjänsten"), mail_config()->public_url);
	rc = mail_body_finish(b, 1, &d->text, &d->html);
out:
	i18n_set(was);
	return rc;
}
