/* utskick_view.c: the förvaltning's page of the mail outbox (Utskick): failing, queued and sent messages. */
#include "config.h"

#include <string.h>

#include "auth/identity.h"
#include "auth/resolve.h"
#include "core/mail_admin.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/utskick_view.h"

/* A mail_outbox.kind as the förvaltning reads it. */
static const char *
kind_label(const char *kind)
{
	static const struct { const char *kind, *label; } kinds[] = {
		{ "invitation", N_("Inbjudan till konto") },
		{ "reset", N_("Länk för nytt lösenord") },
		{ "dispatch", N_("Utskick av remiss") },
		{ "reminder", N_("Påminnelse om svar") },
		{ "receipt", N_("Kvittens") },
		{ "digest", N_("Sammanfattning") },
		{ "test", N_("Provmeddelande") },
	};
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return _(kinds[i].label);
	return kind;
}

static const char *
when(struct arena *a, const char *iso)
{
	return iso[0] != '\0' ? iso_datetime_ui_in(a, iso) : "–";
}

/* Recipient, kind and subject: the first cells of every list. */
static void
message_cells(struct html *h, const struct mail_item *m)
{
	html_elem(h, "td", m->to, NULL);
	html_elem(h, "td", kind_label(m->kind), NULL);
	html_open(h, "td", NULL);
	html_text(h, m->subject);
	if (m->secret) {
		html_text(h, " ");
		html_elem(h, "span", _("(engångslänk, innehållet visas inte)"),
		    "class", "muted", NULL);
	}
	html_close(h);
}

static void
head(struct html *h, const char *caption, const char *const *cols, size_t n)
{
	size_t	 i;

	html_open(h, "table", "class", "list", NULL);
	html_elem(h, "caption", caption, NULL);
	html_open(h, "thead", NULL);
	html_open(h, "tr", NULL);
	for (i = 0; i < n; i++)
		html_elem(h, "th", cols[i], "scope", "col", NULL);
	html_close(h);
	html_close(h);
	html_open(h, "tbody", NULL);
}

static void
failing_section(struct html *h, struct arena *a, const struct utskick_page *p)
{
	const char	*cols[7];
	size_t		 i;

	html_elem(h, "h2", _("Misslyckade"), "id", "misslyckade", NULL);
	if (p->nfailing == 0) {
		html_elem(h, "p", _("Inga meddelanden har misslyckats."), NULL);
		return;
	}
	cols[0] = _("Mottagare");
	cols[1] = _("Typ");
	cols[2] = _("Ämne");
	cols[3] = _("Försök");
	cols[4] = _("Nästa försök");
	cols[5] = _("Senaste fel");
	cols[6] = _("Åtgärd");
	head(h, _("Meddelanden som inte kommit fram"), cols, 7);
	for (i = 0; i < p->nfailing; i++) {
		const struct mail_item *m = &p->failing[i];

		html_open(h, "tr", "id", arena_printf(a, "meddelande-%lld",
		    m->id), NULL);
		message_cells(h, m);
		html_elem(h, "td", arena_printf(a, "%lld", m->attempts), NULL);
		html_elem(h, "td", m->failed[0] != '\0' ?
		    arena_printf(a, _("Gavs upp %s"), when(a, m->failed)) :
		    when(a, m->next_attempt), NULL);
		html_elem(h, "td", m->last_error, "class", "detail", NULL);
		html_open(h, "td", NULL);
		if (m->retryable) {
			html_open(h, "form", "method", "post", "action",
			    "/admin/utskick/forsok-igen", "class", "inline",
			    NULL);
			if (identity_has_session(p->who))
				form_hidden(h, CSRF_FIELD, p->who->csrf);
			form_hidden(h, "id", arena_printf(a, "%lld", m->id));
			html_elem(h, "button", _("Försök igen"), "type",
			    "submit", "aria-label", arena_printf(a,
			    _("Försök igen: %s till %s"), m->subject, m->to),
			    NULL);
			html_close(h);
		} else
			html_text(h, _("Kan inte skickas igen: skicka en ny "
			    "inbjudan eller ett nytt lösenord."));
		html_close(h);	/* td */
		html_close(h);	/* tr */
	}
	html_close(h);	/* tbody */
	html_close(h);	/* table */
}

static void
queued_section(struct html *h, struct arena *a, const struct utskick_page *p)
{
	const char	*cols[4];
	size_t		 i;

	html_elem(h, "h2", _("I kö"), "id", "i-ko", NULL);
	if (p->nqueued == 0) {
		html_elem(h, "p", _("Inga meddelanden väntar."), NULL);
		return;
	}
	cols[0] = _("Mottagare");
	cols[1] = _("Typ");
	cols[2] = _("Ämne");
	cols[3] = _("Köades");
	head(h, _("Meddelanden som väntar på att skickas"), cols, 4);
	for (i = 0; i < p->nqueued; i++) {
		html_open(h, "tr", NULL);
		message_cells(h, &p->queued[i]);
		html_elem(h, "td", when(a, p->queued[i].created), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

static void
sent_section(struct html *h, struct arena *a, const struct utskick_page *p)
{
	const char	*cols[4];
	size_t		 i;

	html_elem(h, "h2", _("Nyligen skickade"), "id", "skickade", NULL);
	if (p->nsent == 0) {
		html_elem(h, "p", _("Inga meddelanden har skickats ännu."), NULL);
		return;
	}
	cols[0] = _("Mottagare");
	cols[1] = _("Typ");
	cols[2] = _("Ämne");
	cols[3] = _("Skickades");
	head(h, _("Skickade meddelanden, nyaste först"), cols, 4);
	for (i = 0; i < p->nsent; i++) {
		html_open(h, "tr", NULL);
		message_cells(h, &p->sent[i]);
		html_elem(h, "td", when(a, p->sent[i].sent), NULL);
		html_close(h);
	}
	html_close(h);
	html_close(h);
}

void
utskick_view(struct html *h, struct arena *a, const struct utskick_page *p)
{
	layout_begin(h, _("Utskick av e-post"), p->who);
	html_elem(h, "h1", _("Utskick av e-post"), NULL);
	html_elem(h, "p", _("E-post som tjänsten skickar: inbjudningar, "
	    "remisser, påminnelser och kvittenser. Ett meddelande som inte "
	    "kommer fram försöks igen automatiskt i upp till två dygn. "
	    "Innehållet i meddelandena visas inte här."), "class", "lead",
	    NULL);
	if (p->requeued)
		html_elem(h, "p", _("Meddelandet ligger i kö igen och skickas "
		    "strax."), "class", "notice", "role", "status", NULL);
	failing_section(h, a, p);
	queued_section(h, a, p);
	sent_section(h, a, p);
	layout_end(h);
}
