/* summary_view.c: shows a summary beside the answers, with links to the answers it rests on. */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "core/worddiff.h"
#include "handlers/review/answer_link.h"
#include "handlers/handlers.h"
#include "handlers/decide/summary_view.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"

/* The last "(" of line[0..len), or NULL. */
static const char *
last_paren(const char *line, size_t len)
{
	while (len > 0)
		if (line[--len] == '(')
			return line + len;
	return NULL;
}

/* The reference row whose organisation a line ending in "(Org…)" names,
 * or -1. */
static int
named_ref(const PGresult *refs, const char *line, size_t len)
{
	const char	*open;
	int		 i;

	if (refs == NULL || len < 3 || line[len - 1] != ')' ||
	    (open = last_paren(line, len)) == NULL)
		return -1;
	for (i = 0; i < PQntuples(refs); i++) {
		const char *org = PQgetvalue(refs, i, 2);
		size_t n = strlen(org);

		if ((size_t)(line + len - open) > n + 1 &&
		    strncmp(open + 1, org, n) == 0 &&
		    (open[n + 1] == ')' || open[n + 1] == ','))
			return i;
	}
	return -1;
}

void
summary_show(struct html *h, struct request *req, const struct remiss_def *def,
    const PGresult *cur, const PGresult *refs, const char *edit_href)
{
	const char	*body, *p, *e;
	int		 i, k;

	html_open(h, "div", "class", "summary", NULL);
	if (cur == NULL || PQntuples(cur) == 0) {
		html_elem(h, "p", _("Ingen sammanfattning ännu."), "class", "muted",
		    NULL);
	} else {
		body = PQgetvalue(cur, 0, 2);
		for (p = body; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
			size_t len;

			e = p + strcspn(p, "\n");
			len = (size_t)(e - p);
			if (len == 0)
				continue;
			html_open(h, "p", NULL);
			if ((k = named_ref(refs, p, len)) >= 0) {
				const char *open = last_paren(p, len);

				html_text(h, arena_strndup(req->arena, p,
				    (size_t)(open - p)));
				html_elem(h, "a", arena_strndup(req->arena, open,
				    len - (size_t)(open - p)), "href",
				    answer_href(req->arena, def->slug,
				    PQgetvalue(refs, k, 3), PQgetvalue(refs, k, 1)),
				    NULL);
			} else
				html_text(h, arena_strndup(req->arena, p, len));
			html_close(h);
		}
		html_elem(h, "p", arena_printf(req->arena, _("Version %s av %s, %s%s."),
		    PQgetvalue(cur, 0, 1), PQgetvalue(cur, 0, 4),
		    iso_datetime_ui_in(req->arena, PQgetvalue(cur, 0, 5)),
		    strcmp(PQgetvalue(cur, 0, 3), "t") == 0 ?
		    _(" (genererat utkast)") : ""), "class", "muted", NULL);
	}
	if (refs != NULL && PQntuples(refs) > 0) {
		html_open(h, "p", "class", "refs", NULL);
		html_text(h, _("Bygger på: "));
		for (i = 0; i < PQntuples(refs); i++) {
			if (i > 0)
				html_text(h, ", ");
			html_elem(h, "a", PQgetvalue(refs, i, 3)[0] != '\0' ?
			    arena_printf(req->arena, "%s (%s)",
			    PQgetvalue(refs, i, 2), PQgetvalue(refs, i, 3)) :
			    PQgetvalue(refs, i, 2), "href", answer_href(req->arena,
			    def->slug, PQgetvalue(refs, i, 3), PQgetvalue(refs, i, 1)),
			    NULL);
		}
		html_close(h);
	}
	if (edit_href != NULL)
		html_elem(h, "a", _("Skriv eller ändra sammanfattningen"), "href",
		    edit_href, "class", "button", NULL);
	html_close(h);
}

void
summary_diff(struct html *h, struct request *req, const char *old,
    const char *new_)
{
	struct diff_run	*runs;
	long		 n, i;

	if ((n = word_diff(req->arena, old, new_, &runs)) == -1)
		return;
	html_open(h, "p", "class", "diff prewrap", NULL);
	for (i = 0; i < n; i++) {
		if (runs[i].op == DIFF_SAME)
			html_text(h, runs[i].text);
		else
			html_elem(h, runs[i].op == DIFF_INS ? "ins" : "del",
			    runs[i].text, NULL);
	}
	html_close(h);
}
