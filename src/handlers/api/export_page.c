/* export_page.c: the export download (GET /api/v1/remisser/{slug}/export.{format}) and the page that links to it. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core/audit.h"
#include "core/objects.h"
#include "core/remiss_def.h"
#include "export/export.h"
#include "handlers/handlers.h"
#include "handlers/review/review.h"
#include "http/response.h"
#include "log.h"
#include "util/arena.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

/* What the streamed body needs after the handler has returned. */
struct export_job {
	struct db		*db;
	const char		*slug;
	enum export_format	 format;
	const char		*req_id;
};

/* Adapts the response's writer to an export sink. */
struct put_adapter {
	int	(*put)(void *, const void *, size_t);
	void	 *ctx;
};

static int
adapter_write(void *ctx, const void *p, size_t n)
{
	struct put_adapter *a = ctx;

	return a->put(a->ctx, p, n);
}

static int
stream_export(void *ctx, int (*put)(void *, const void *, size_t),
    void *putctx)
{
	struct export_job	*job = ctx;
	struct put_adapter	 a = { put, putctx };
	struct export_sink	 sink = { adapter_write, &a };

	if (export_write(job->db, job->slug, job->format, &sink) != 1) {
		log_err("id=%s export of %s as %s did not complete", job->req_id,
		    job->slug, export_format_name(job->format));
		return -1;
	}
	return 0;
}

void
handle_api_export(struct request *req, struct response *res)
{
	struct export_job	*job;
	enum export_format	 f;
	char			 name[160], actor[48], detail[96];

	/* The worker has loaded the remiss and checked the format
	 * (OBJ_EXPORT). */
	f = export_format_parse(req->object->key);
	if (f == EXPORT__MAX) {
		review_not_found(req, res);
		return;
	}
	if ((job = arena_calloc(req->arena, 1, sizeof(*job))) == NULL ||
	    export_filename(f, req->object->slug, name, sizeof(name)) == -1) {
		review_unavailable(req, res);
		return;
	}
	/* Who took the remiss's answers out, before they leave. */
	if (req->identity.user_id != 0)
		snprintf(actor, sizeof(actor), "user:%lld", req->identity.user_id);
	else
		snprintf(actor, sizeof(actor), "token");
	snprintf(detail, sizeof(detail), "{\"format\":\"%s\"}",
	    export_format_name(f));
	if (audit_write(req->db, actor, "remiss.export", "remiss",
	    req->object->slug, detail) == -1) {
		review_unavailable(req, res);
		return;
	}
	job->db = req->db;
	job->slug = req->object->slug;
	job->format = f;
	job->req_id = req->id;
	res->content_type = export_media_type(f);
	response_header(res, "Content-Disposition", arena_printf(req->arena,
	    "attachment; filename=\"%s\"", name));
	response_header(res, "Cache-Control", "no-store");
	res->stream = stream_export;
	res->stream_ctx = job;
}

void
handle_export_page(struct request *req, struct response *res)
{
	static const struct {
		const char *format, *label, *what;
	} links[] = {
		{ "odt", N_("Remissammanställning (.odt)"), N_("Öppnas i "
		    "LibreOffice och Word: titelsida, remissinstanser, diagram, "
		    "varje avsnitt med svar och teman.") },
		{ "docx", N_("Remissammanställning (.docx)"), N_("Samma "
		    "innehåll som Word-dokument: innehållsförteckning, diagram, "
		    "tabeller vars rubrikrad upprepas på varje sida.") },
		{ "beslutsforslag.docx", N_("Beslutsförslag (.docx)"),
		    N_("Förslaget till beslut ensamt: per avsnitt oförändrat, "
		    "ändrat eller struket, med ny lydelse och motivering, och "
		    "de avsnitt som läggs till.") },
		{ "html", N_("Remissammanställning för utskrift (.html)"),
		    N_("Samma innehåll som en webbsida att skriva ut; varje "
		    "avsnitt börjar på en ny sida.") },
		{ "csv", N_("Svar som tabell (.csv)"), N_("En rad per "
		    "remissinstans och avsnitt, UTF-8, öppnas i Excel.") },
		{ "xlsx", N_("Svar som Excelarbetsbok (.xlsx)"), N_("En "
		    "översikt med en rad per remissinstans och en kolumn per "
		    "avsnitt, ett blad per avsnitt med svaren, taggar och "
		    "teman; med filter och fasta rubrikrader.") },
		{ "taggar.csv", N_("Taggar och anteckningar (.csv)"),
		    N_("Referensgruppens taggar och anteckningar med citat; "
		    "kopplas till svaren på remissinstans och avsnitt.") },
		{ "xml", N_("Remissen med alla svar (.xml)"), N_("Remissen och "
		    "varje remissinstans senaste svar i uppladdningsformatet.") },
	};
	struct remiss_def	 def;
	struct html		*h;
	size_t			 i;

	if (!review_remiss(req, res, &def))
		return;
	if ((h = html_new()) == NULL) {
		review_unavailable(req, res);
		return;
	}
	layout_begin(h, arena_printf(req->arena, _("Export: %s"), def.title),
	    &req->identity);
	html_elem(h, "h1", _("Export"), NULL);
	html_elem(h, "p", def.title, "class", "lead", NULL);
	review_nav(h, req, &def, "export");
	/* TRANSLATORS: the exported documents stay Swedish; say so. */
	html_elem(h, "p", _("Exporterna visar varje remissinstans senaste "
	    "inskickade svar, läst vid ett och samma tillfälle."), NULL);
	html_open(h, "ul", "class", "exports", NULL);
	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		html_open(h, "li", NULL);
		html_elem(h, "a", _(links[i].label), "href", arena_printf(
		    req->arena, "/api/v1/remisser/%s/export.%s", def.slug,
		    links[i].format), "download", "", NULL);
		html_elem(h, "p", _(links[i].what), NULL);
		html_close(h);
	}
	html_close(h);
	html_elem(h, "p", arena_printf(req->arena, _("Samma export från "
	    "kommandoraden: remissctl export %s --format odt -o fil.odt"),

	    def.slug), NULL);
	layout_end(h);
	layout_send(h, res, 200);
}
