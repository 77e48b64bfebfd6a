/* receipt_pdf.c: the kvittens as PDF: the facts of the receipt page and the files' checksums. */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "core/remiss_def.h"
#include "core/response_revision.h"
#include "core/response_store.h"
#include "log.h"
#include "pdf/pdfdoc.h"
#include "pdf/receipt_pdf.h"
#include "util/arena.h"
#include "views/dates.h"

/* How the version came in, in words. */
static const char *
channel_sv(enum channel c)
{
	switch (c) {
	case CHANNEL_XML:
		return "API (XML-fil)";
	case CHANNEL_REGISTRERAD:
		return "Registrerat av förvaltningen";
	default:
		return "Webbformuläret";
	}
}

/* "12 kB" as the pages write a file's size, in Swedish. */
static const char *
size_words(struct arena *a, long long bytes)
{
	if (bytes < 1024)
		return arena_printf(a, "%lld byte", bytes);
	if (bytes < 1024 * 1024)
		return arena_printf(a, "%lld kB", (bytes + 512) / 1024);
	return arena_printf(a, "%lld,%lld MB", bytes / (1024 * 1024),
	    (bytes % (1024 * 1024)) * 10 / (1024 * 1024));
}

int
receipt_pdf_write(const struct remiss_def *def, const struct receipt *r,
    const struct version_file *files, size_t n, const struct export_sink *out)
{
	struct pdfdoc_info	 info;
	struct pdfdoc		*d = NULL;
	struct arena		*a;
	const char		*title;
	size_t			 i;
	int			 rc = -1;

	if ((a = arena_new()) == NULL) {
		log_err("out of memory");
		return -1;
	}
	memset(&info, 0, sizeof(info));
	info.title = title = arena_printf(a, "Kvittens %s", r->number);
	info.author = r->org_name;
	info.subject = arena_printf(a, "Kvittens på remissvar: %s", def->title);
	info.created = r->received_at;
	info.header = r->org_name;
	if (title == NULL || info.subject == NULL ||
	    (d = pdfdoc_new(&info)) == NULL) {
		log_err("out of memory");
		goto err;
	}
	pdfdoc_add(d, PDF_TITLE, "Kvittens");
	pdfdoc_addf(d, PDF_BODY, "Remissvaret från %s är mottaget och sparat.",
	    r->org_name);
	pdfdoc_gap(d, 6);
	pdfdoc_fact(d, "Kvittensnummer", r->number);
	pdfdoc_fact(d, "Remiss", def->title);
	pdfdoc_fact(d, "Remissens diarienummer", def->diarienummer);
	pdfdoc_fact(d, "Avsändare", def->sender);
	pdfdoc_fact(d, "Organisation", r->org_name);
	pdfdoc_fact(d, "Version", arena_printf(a, "%d", r->version));
	if (r->arrived_on != NULL && r->arrived_on[0] != '\0') {
		/* Registered by the förvaltning: the day it arrived counts. */
		pdfdoc_fact(d, "Ankomstdatum", date_sv_in(a, r->arrived_on));
		pdfdoc_fact(d, "Registrerat", iso_datetime_sv_in(a,
		    r->received_at));
	} else
		pdfdoc_fact(d, "Mottaget", iso_datetime_sv_in(a,
		    r->received_at));
	pdfdoc_fact(d, "Kanal", channel_sv(r->channel));
	pdfdoc_fact_in(d, PDF_MONO, "Kontrollsumma (SHA-256)", r->sha256);
	if (n > 0) {
		pdfdoc_add(d, PDF_HEADING, "Bilagor");
		for (i = 0; i < n; i++) {
			pdfdoc_addf(d, PDF_BODY, "%s (%s, %s)",
			    files[i].filename, files[i].media_type,
			    size_words(a, files[i].size));
			pdfdoc_addf(d, PDF_MONO, "SHA-256 %s", files[i].sha256);
		}
	}
	pdfdoc_gap(d, 14);
	pdfdoc_add(d, PDF_SMALL, "Kontrollsumman är SHA-256 av svarets kanoniska "
	    "XML, den som kvittensen som XML-fil också anger. Bilagornas "
	    "kontrollsummor är SHA-256 av filerna så som de togs emot.");
	if (pdfdoc_write(d, out) > 0)
		rc = 0;
err:
	pdfdoc_free(d);
	arena_free(a);
	return rc;
}
