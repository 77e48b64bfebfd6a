/* summary_text_view.c: a summary's text beside the answers, with links to the answers it rests on, and the word diff of two texts. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/summaries.h"
#include "core/worddiff.h"
#include "views/answer_link.h"
#include "util/arena.h"
#include "views/dates.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/summary_text_view.h"

/* The last "(" of line[0..len), or NULL. */
static const char *
last_paren(const char *line, size_t len)
{
	while (len > 0)
		if (line[--len] == '(')
			return line + len;
	return NULL;
}

/* The reference whose organisation a line ending in "(Org…)" names, or
 * -1. */
static int
named_ref(const struct summary *s, const char *line, size_t len)
{
	const char	*open;
	size_t		 i;

	if (len < 3 || line[len - 1] != ')' ||
	    (open = last_paren(line, len)) == NULL)
		return -1;
	for (i = 0; i < s->nrefs; i++) {
		const char *org = s->refs[i].org_name;
		size_t n = strlen(org);

		if ((size_t)(line + len - open) > n + 1 &&
		    strncmp(open + 1, org, n) == 0 &&
		    (open[n + 1] == ')' || open[n + 1] == ','))
			return (int)i;
	}
	return -1;
}

/* The section view's link to the answer of ref. */
static const char *
ref_href(struct arena *a, const char *slug, const struct summary_ref *ref)
{
	char org[24];

	snprintf(org, sizeof(org), "%lld", ref->org_id);
	return answer_href(a, slug, ref->section_nr, org);
}

void
summary_text_view(struct html *h, struct arena *a, const char *slug,
    const struct summary *s, const char *edit_href)
{
	const char	*p, *e;
	size_t		 i;
	int		 k;

	html_open(h, "div", "class", "summary", NULL);
	if (!s->exists) {
		html_elem(h, "p", _("Ingen sammanfattning ännu."), "class", "muted",
		    NULL);
	} else {
		for (p = s->cur.body; *p != '\0'; p = *e != '\0' ? e + 1 : e) {
			size_t len;

			e = p + strcspn(p, "\n");
			len = (size_t)(e - p);
			if (len == 0)
				continue;
			html_open(h, "p", NULL);
			if ((k = named_ref(s, p, len)) >= 0) {
				const char *open = last_paren(p, len);

				html_text(h, arena_strndup(a, p,
				    (size_t)(open - p)));
				html_elem(h, "a", arena_strndup(a, open,
				    len - (size_t)(open - p)), "href",
				    ref_href(a, slug, &s->refs[k]), NULL);
			} else
				html_text(h, arena_strndup(a, p, len));
			html_close(h);
		}
		html_elem(h, "p", arena_printf(a, _("Version %s av %s, %s%s."),
		    arena_printf(a, "%lld", s->cur.version),
		    s->cur.author, iso_datetime_ui_in(a, s->cur.created),
		    s->cur.generated ? _(" (genererat utkast)") : ""), "class",
		    "muted", NULL);
	}
	if (s->nrefs > 0) {
		html_open(h, "p", "class", "refs", NULL);
		html_text(h, _("Bygger på: "));
		for (i = 0; i < s->nrefs; i++) {
			const struct summary_ref *ref = &s->refs[i];

			if (i > 0)
				html_text(h, ", ");
			html_elem(h, "a", ref->section_nr[0] != '\0' ?
			    arena_printf(a, "%s (%s)", ref->org_name,
			    ref->section_nr) : ref->org_name, "href",
			    ref_href(a, slug, ref), NULL);
		}
		html_close(h);
	}
	if (edit_href != NULL)
		html_elem(h, "a", _("Skriv eller ändra sammanfattningen"), "href",
		    edit_href, "class", "button", NULL);
	html_close(h);
}

void
text_diff_view(struct html *h, struct arena *a, const char *old,
    const char *new_)
{
	struct diff_run	*runs;
	long		 n, i;

	if ((n = word_diff(a, old, new_, &runs)) == -1)
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
