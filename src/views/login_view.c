/* login_view.c: writes the login form. */
#include "config.h"

#include "auth/resolve.h"
#include "views/forms.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"
#include "views/login_view.h"

void
login_view(struct html *h, const char *error, const char *csrf,
    const char *next, const char *email)
{
	layout_begin(h, _("Logga in"), NULL);
	html_elem(h, "h1", _("Logga in"), NULL);
	if (error != NULL)
		html_elem(h, "p", error, "class", "alert", "role", "alert",
		    "id", "login-error", NULL);
	html_open(h, "form", "method", "post", "action", "/logga-in",
	    "class", "stack", NULL);
	form_hidden(h, CSRF_FIELD, csrf);
	form_hidden(h, "next", next);
	html_open(h, "div", NULL);
	html_elem(h, "label", _("E-postadress"), "for", "email", NULL);
	html_void(h, "input", "type", "email", "id", "email", "name", "email",
	    "autocomplete", "username", "required", "required",
	    "value", email, "aria-describedby", error ? "login-error" : NULL,
	    NULL);
	html_close(h);
	html_open(h, "div", NULL);
	html_elem(h, "label", _("Lösenord"), "for", "password", NULL);
	html_void(h, "input", "type", "password", "id", "password",
	    "name", "password", "autocomplete", "current-password",
	    "required", "required", NULL);
	html_close(h);
	html_elem(h, "button", _("Logga in"), "type", "submit", "class", "primary",
	    NULL);
	html_close(h);			/* form */
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Glömt lösenordet?"), "href", "/glomt-losenord",
	    "id", "glomt-lank", NULL);
	html_close(h);
	layout_end(h);
}
