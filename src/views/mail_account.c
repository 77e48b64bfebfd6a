/* mail_account.c: the invitation (activation link) and the password reset, as the person reads them. */
#include "config.h"

#include <string.h>

#include "mail/outbox.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/i18n.h"
#include "views/mail_account.h"
#include "views/mail_view.h"

/* Fills the parts of out both messages share. */
static void
draft_common(const struct mail_account *m, const char *kind,
    struct mail_draft *out)
{
	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->to = m->to;
	out->lang = lang_code(lang_parse(m->lang) == LANG_EN ? LANG_EN :
	    LANG_SV);
	out->secret = true;
	out->user_id = m->user_id;
	out->org_id = m->org_id;
}

/* The greeting line: "Hej NAME!" or "Hej!". */
static const char *
greeting(struct arena *a, const struct mail_account *m)
{
	if (m->name != NULL && m->name[0] != '\0')
		return arena_printf(a, _("Hej %s!"), m->name);
	return _("Hej!");
}

static int
invitation(struct arena *a, const struct mail_account *m,
    struct mail_draft *out)
{
	struct mail_body	*b;
	const char		*who, *where;

	draft_common(m, "invitation", out);
	out->personal = true;
	if ((b = mail_body_new(a)) == NULL)
		return -1;
	mail_para(b, greeting(a, m));
	who = m->inviter != NULL && m->inviter[0] != '\0' ? m->inviter : NULL;
	where = m->org_name != NULL && m->org_name[0] != '\0' ? m->org_name :
	    NULL;
	if (who != NULL && where != NULL)
		mail_para(b, arena_printf(a, _("%s har bjudit in dig till "
		    "Remissvar för %s."), who, where));
	else if (who != NULL)
		mail_para(b, arena_printf(a, _("%s har bjudit in dig till "
		    "Remissvar."), who));
	else if (where != NULL)
		mail_para(b, arena_printf(a, _("Du har bjudits in till "
		    "Remissvar för %s."), where));
	else
		mail_para(b, _("Du har bjudits in till Remissvar."));
	mail_para(b, _("I Remissvar tar ni emot remisser och lämnar era "
	    "remissvar. Välj ditt lösenord via länken nedan för att aktivera "
	    "ditt konto."));
	mail_link(b, _("Aktivera ditt konto"), m->url);
	mail_fact(b, _("Länken gäller till"), iso_datetime_ui_in(a, m->expires));
	mail_para(b, _("Länken kan bara användas en gång. Har den gått ut ber "
	    "du den som bjöd in dig om en ny inbjudan."));
	if ((out->subject = arena_strdup(a, _("Inbjudan till Remissvar"))) ==
	    NULL || mail_body_finish(b, 0, &out->text, &out->html) == -1)
		return -1;
	return 0;
}

static int
reset(struct arena *a, const struct mail_account *m, struct mail_draft *out)
{
	struct mail_body *b;

	draft_common(m, "reset", out);
	if ((b = mail_body_new(a)) == NULL)
		return -1;
	mail_para(b, greeting(a, m));
	mail_para(b, _("Någon, förhoppningsvis du, har bett om att få byta "
	    "lösenord för ditt konto i Remissvar."));
	mail_link(b, _("Välj ett nytt lösenord"), m->url);
	mail_fact(b, _("Länken gäller till"), iso_datetime_ui_in(a, m->expires));
	mail_para(b, _("Länken kan bara användas en gång. När du har valt ett "
	    "nytt lösenord loggas du ut överallt och dina personliga "
	    "API-nycklar slutar gälla."));
	mail_para(b, _("Om du inte har bett om det kan du strunta i det här "
	    "meddelandet: ditt lösenord ändras inte."));
	if ((out->subject = arena_strdup(a, _("Byt lösenord i Remissvar"))) ==
	    NULL || mail_body_finish(b, 1, &out->text, &out->html) == -1)
		return -1;
	return 0;
}

/* Runs render in m->lang and restores the request's language. */
static int
in_language(struct arena *a, const struct mail_account *m,
    struct mail_draft *out,
    int (*render)(struct arena *, const struct mail_account *,
    struct mail_draft *))
{
	enum lang	was = i18n_current();
	int		rc;

	i18n_set(lang_parse(m->lang) == LANG_EN ? LANG_EN : LANG_SV);
	rc = render(a, m, out);
	i18n_set(was);
	return rc;
}

int
mail_account_invitation(struct arena *a, const struct mail_account *m,
    struct mail_draft *out)
{
	return in_language(a, m, out, invitation);
}

int
mail_account_reset(struct arena *a, const struct mail_account *m,
    struct mail_draft *out)
{
	return in_language(a, m, out, reset);
}
