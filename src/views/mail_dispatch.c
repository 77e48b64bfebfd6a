/* mail_dispatch.c: the wording of a remiss's dispatch (utskick) and of its reminders. */
#include "config.h"

#include <string.h>

#include "util/arena.h"
#include "views/dates.h"
#include "views/mail_remiss.h"
#include "views/mail_view.h"

const char *
mail_doc_kind(const char *kind)
{
	if (kind != NULL && strcmp(kind, "forslag") == 0)
		return _("Förslag");
	if (kind != NULL && strcmp(kind, "missiv") == 0)
		return _("Missiv");
	return _("Bilaga");
}

const char *
mail_size(struct arena *a, long long bytes)
{
	long long tenths;

	if (bytes < 1024)
		return arena_printf(a, "%lld B", bytes);
	if (bytes < 1024 * 1024)
		return arena_printf(a, "%lld kB", (bytes + 1023) / 1024);
	tenths = (bytes * 10 + 1024 * 1024 - 1) / (1024 * 1024);
	return arena_printf(a, i18n_current() == LANG_EN ? "%lld.%lld MB" :
	    "%lld,%lld MB", tenths / 10, tenths % 10);
}

static int
render(struct arena *a, const struct mail_dispatch *m, struct mail_out *out)
{
	struct mail_body	*b;
	const char		*deadline;
	size_t			 i;

	if ((b = mail_body_new(a)) == NULL)
		return -1;
	deadline = date_ui_in(a, m->deadline);
	out->subject = m->reminder ?
	    arena_printf(a, _("Påminnelse: remiss %s, svara senast %s"),
	    m->title, deadline) :
	    arena_printf(a, _("Remiss: %s"), m->title);
	mail_heading(b, m->title);
	mail_para(b, m->reminder ?
	    arena_printf(a, _("%s har ännu inte svarat på remissen. Sista "
	    "svarsdag är %s."), m->org_name, deadline) :
	    arena_printf(a, _("%s är inbjuden att svara på remissen."),
	    m->org_name));
	mail_fact(b, _("Avsändare"), m->sender);
	if (m->diarienummer != NULL && *m->diarienummer != '\0')
		mail_fact(b, _("Diarienummer"), m->diarienummer);
	mail_fact(b, _("Sista svarsdag"), deadline);
	mail_link(b, _("Remissen"), m->remiss_url);
	if (m->ndocs > 0) {
		mail_para(b, _("Remissens handlingar:"));
		for (i = 0; i < m->ndocs; i++)
			mail_link(b, arena_printf(a, "%s: %s (%s)",
			    mail_doc_kind(m->docs[i].kind), m->docs[i].name,
			    mail_size(a, m->docs[i].size)), m->docs[i].url);
	}
	mail_para(b, _("Så svarar ni: logga in och fyll i svarsformuläret på "
	    "webben, eller skicka svaret som XML till API:et med "
	    "organisationens API-nyckel."));
	mail_link(b, _("Svarsformuläret"), m->answer_url);
	mail_link(b, _("API:et (XML)"), m->api_url);
	if (out->subject == NULL ||
	    mail_body_finish(b, 1, &out->text, &out->html) == -1) {
		mail_body_discard(b);
		return -1;
	}
	return 0;
}

int
mail_dispatch_render(struct arena *a, enum lang lang,
    const struct mail_dispatch *m, struct mail_out *out)
{
	enum lang	was = i18n_current();
	int		rc;

	memset(out, 0, sizeof(*out));
	i18n_set(lang);
	rc = render(a, m, out);
	i18n_set(was);
	return rc;
}
