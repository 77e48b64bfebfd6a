/* statement.c: GET /tillganglighet, the accessibility statement (tillgänglighetsredogörelse)
 * that Swedish law wants on the site, rendered from its Markdown file
 * (docs/tillganglighetsredogorelse.md, installed to PKGDATADIR; remissd -A names the
 * operator's filled-in copy). The file is read on each request, so an edit shows at once. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "handlers/handlers.h"
#include "http/response.h"
#include "log.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/layout.h"
#include "views/markdown.h"

#define STATEMENT_MAX	(256 * 1024)	/* bytes; the text is about 7 KiB */

static const char *statement_path = PKGDATADIR "/tillganglighetsredogorelse.md";

void
statement_set_path(const char *path)
{
	statement_path = path;
}

/* Reads the statement into a (NUL-terminated); NULL on failure (logged). */
static char *
read_statement(struct arena *a, size_t *len)
{
	FILE	*f;
	char	*text;

	if ((f = fopen(statement_path, "r")) == NULL) {
		log_err("%s: %s", statement_path, strerror(errno));
		return NULL;
	}
	if ((text = arena_alloc(a, STATEMENT_MAX + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	*len = fread(text, 1, STATEMENT_MAX + 1, f);
	if (ferror(f) || *len > STATEMENT_MAX) {
		log_err("%s: unreadable or over %d bytes", statement_path,
		    STATEMENT_MAX);
		fclose(f);
		return NULL;
	}
	fclose(f);
	text[*len] = '\0';
	return text;
}

void
handle_statement(struct request *req, struct response *res)
{
	struct html	*h;
	const char	*title;
	char		*text;
	size_t		 len;

	if ((text = read_statement(req->arena, &len)) == NULL) {
		handler_fail(req, res, PROB_STATEMENT_UNAVAILABLE);
		return;
	}
	if ((title = markdown_title(req->arena, text, len)) == NULL)
		title = "Tillgänglighetsredogörelse";
	if ((h = html_new()) == NULL) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	layout_begin(h, title, &req->identity);
	/* The statement is Swedish whatever the interface language. */
	html_open(h, "div", "class", "prose", "lang", "sv", NULL);
	if (markdown_render(h, req->arena, text, len) == -1) {
		html_free(h);
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	html_close(h);
	layout_end(h);
	layout_send(h, res, 200);
}
