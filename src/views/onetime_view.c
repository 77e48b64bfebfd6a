/* onetime_view.c: writes the activation and reset forms, the dead-link page and the reset request. */
#include "config.h"

#include "auth/onetime.h"
#include "auth/password.h"
#include "auth/resolve.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/onetime_view.h"

/* One password field with its label and hint. */
static void
password_field(struct html *h, const char *name, const char *label,
    const char *hint_id)
{
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", label, "for", name, NULL);
	html_void(h, "input", "type", "password", "id", name, "name", name,
	    "autocomplete", "new-password", "required", "required",
	    "aria-describedby", hint_id, NULL);
	html_close(h);
}

void
onetime_form_view(struct html *h, struct arena *a, bool activation,
    const struct onetime_info *info, const char *token, const char *csrf,
    const char *error)
{
	const char *title = activation ? _("Aktivera ditt konto") :
	    _("Välj ett nytt lösenord");

	layout_begin(h, title, NULL);
	html_elem(h, "h1", title, NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "alert", "role", "alert",
		    "id", "losenord-fel", NULL);
	html_open(h, "dl", "class", "facts", NULL);
	if (info->name[0] != '\0') {
		html_elem(h, "dt", _("Namn"), NULL);
		html_elem(h, "dd", info->name, "id", "person-namn", NULL);
	}
	html_elem(h, "dt", _("E-postadress"), NULL);
	html_elem(h, "dd", info->email, "id", "person-epost", NULL);
	if (info->org_name[0] != '\0') {
		html_elem(h, "dt", _("Organisation"), NULL);
		html_elem(h, "dd", info->org_name, "id", "person-org", NULL);
	}
	html_elem(h, "dt", _("Länken gäller till"), NULL);
	html_elem(h, "dd", iso_datetime_ui_in(a, info->expires), NULL);
	html_close(h);			/* dl */
	html_open(h, "form", "method", "post", "action", activation ?
	    "/aktivera" : "/aterstall", "class", "stack", NULL);
	form_hidden(h, CSRF_FIELD, csrf);
	form_hidden(h, "t", token);
	html_elem(h, "p", arena_printf(a, _("Lösenordet ska ha minst %d "
	    "tecken. Använd gärna en lösenordsfras av flera ord."),
	    PASSWORD_MIN), "class", "hint", "id", "losenord-hint", NULL);
	password_field(h, "losenord", _("Nytt lösenord"), "losenord-hint");
	password_field(h, "losenord2", _("Samma lösenord igen"),
	    "losenord-hint");
	html_elem(h, "button", activation ? _("Aktivera kontot") :
	    _("Spara lösenordet"), "type", "submit", "class", "primary", NULL);
	html_close(h);			/* form */
	layout_end(h);
}

void
onetime_dead_view(struct html *h, bool activation, bool gone)
{
	const char *title = gone ? _("Länken fungerar inte längre") :
	    _("Länken finns inte");

	layout_begin(h, title, NULL);
	html_elem(h, "h1", title, NULL);
	html_elem(h, "p", gone ? _("Länken har redan använts, har ersatts av "
	    "en nyare eller har gått ut. Ingenting har ändrats.") :
	    _("Länken är felaktig eller okänd. Kontrollera att du har fått med "
	    "hela länken från meddelandet. Ingenting har ändrats."),
	    "id", "lank-status", NULL);
	html_elem(h, "p", activation ? _("Be den som bjöd in dig om en ny "
	    "inbjudan. Har du redan aktiverat kontot kan du logga in.") :
	    _("Du kan be om en ny länk för att byta lösenord."), NULL);
	html_open(h, "p", NULL);
	if (activation)
		html_elem(h, "a", _("Logga in"), "href", "/logga-in", NULL);
	else
		html_elem(h, "a", _("Be om en ny länk"), "href",
		    "/glomt-losenord", NULL);
	html_close(h);
	layout_end(h);
}

void
forgot_view(struct html *h, const char *csrf, bool sent, const char *error)
{
	layout_begin(h, _("Glömt lösenordet?"), NULL);
	html_elem(h, "h1", _("Glömt lösenordet?"), NULL);
	if (sent) {
		html_elem(h, "p", _("Om adressen hör till ett konto i Remissvar "
		    "har vi skickat ett meddelande med en länk för att välja ett "
		    "nytt lösenord. Länken gäller i en timme. Kommer inget "
		    "meddelande, kontrollera adressen och skräpposten eller fråga "
		    "den som administrerar er organisation."), "class", "notice",
		    "role", "status", "id", "aterstall-skickat", NULL);
		html_open(h, "p", NULL);
		html_elem(h, "a", _("Till inloggningen"), "href", "/logga-in",
		    NULL);
		html_close(h);
		layout_end(h);
		return;
	}
	if (error != NULL)
		html_elem(h, "p", error, "class", "alert", "role", "alert",
		    "id", "glomt-fel", NULL);
	html_elem(h, "p", _("Skriv e-postadressen du loggar in med. Vi skickar "
	    "en länk där du väljer ett nytt lösenord."), "id", "glomt-hint",
	    NULL);
	html_open(h, "form", "method", "post", "action", "/glomt-losenord",
	    "class", "stack", NULL);
	form_hidden(h, CSRF_FIELD, csrf);
	html_open(h, "div", "class", "field", NULL);
	html_elem(h, "label", _("E-postadress"), "for", "email", NULL);
	html_void(h, "input", "type", "email", "id", "email", "name", "email",
	    "autocomplete", "username", "required", "required",
	    "aria-describedby", "glomt-hint", NULL);
	html_close(h);
	html_elem(h, "button", _("Skicka länken"), "type", "submit", "class",
	    "primary", NULL);
	html_close(h);			/* form */
	layout_end(h);
}
