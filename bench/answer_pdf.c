/* answer_pdf.c: benchmark driver for the answer as PDF: one synthetic answer written as PDF (in-process, Pango and cairo) or as DOCX (for LibreOffice to convert). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/remiss_def.h"
#include "core/response_doc.h"
#include "core/response_store.h"
#include "export/answer_doc.h"
#include "pdf/pdfdoc.h"
#include "util/arena.h"
#include "util/numparse.h"
#include "views/dates.h"

/*
 * Usage:
 *   answer_pdf pdf FILE [N]   the answer as PDF to FILE, N times (default 1)
 *                             in this process; prints the first document's
 *                             time, the mean of the others and the peak RSS
 *   answer_pdf docx FILE      the same answer as DOCX (answer_docx_write),
 *                             which bench/answer_pdf.sh has LibreOffice
 *                             convert to PDF
 * The answer: 12 answered sections with a position, a comment of about 1 500
 * characters and a proposed wording, a summary, a decision and a contact
 * person: about seven A4 pages, as a long real remissvar.
 */

#define SECTIONS	12

static const char paragraph[] =
    "Kommunen delar regionens bedömning att ansvarsfördelningen behöver bli "
    "tydligare, men vill framhålla att förslaget i sin nuvarande form lägger "
    "en oproportionerligt stor del av kostnaderna på kommunerna. Särskilt i "
    "glesbygd, där hemtjänstens restider redan är långa, innebär förslaget "
    "att fler besök måste göras av sjuksköterskor som i dag inte finns i "
    "tillräcklig omfattning. ";

static struct answer_doc *
make_answer(struct arena *a)
{
	static struct remiss_def	 def;
	static struct response_doc	 doc;
	static struct receipt		 r;
	static struct answer_doc	 ad;
	static const char *const heads[SECTIONS] = {
		"Inledning", "Tröskelprincipen", "Hemsjukvård i ordinärt boende",
		"Läkarmedverkan", "Rehabilitering", "Hjälpmedel",
		"Läkemedelshantering", "Samordnad individuell plan",
		"Informationsöverföring", "Uppföljning", "Ekonomi",
		"Ikraftträdande",
	};
	size_t	 i;
	char	*comment;

	comment = arena_printf(a, "%s%s%s%s", paragraph, paragraph, paragraph,
	    paragraph);
	def.slug = "hemsjukvard-2025";
	def.title = "Överenskommelse om hemsjukvård i Halland";
	def.sender = "Region Halland";
	def.diarienummer = "RS 2024/112";
	def.sections = arena_calloc(a, SECTIONS, sizeof(*def.sections));
	doc.answers = arena_calloc(a, SECTIONS, sizeof(*doc.answers));
	if (comment == NULL || def.sections == NULL || doc.answers == NULL)
		return NULL;
	for (i = 0; i < SECTIONS; i++) {
		def.sections[i].nr = arena_printf(a, "%zu", i + 1);
		def.sections[i].heading = heads[i];
		doc.answers[i].section_nr = def.sections[i].nr;
		doc.answers[i].position = (enum position)(1 + i % 4);
		doc.answers[i].comment = comment;
		doc.answers[i].proposed_wording = "Regionen och kommunerna ska "
		    "gemensamt säkra tillgången till hemsjukvård i hela länet.";
	}
	def.nsections = doc.nanswers = SECTIONS;
	doc.org_name = "Laholms kommun";
	doc.orgnr = "212000-1348";
	doc.diarienummer = "KS 2024/118";
	doc.decision_body = "Kommunstyrelsen";
	doc.decision_date = "2024-05-20";
	doc.position = POS_TILLSTYRKER_MED_ANDRINGAR;
	doc.summary = paragraph;
	doc.contact_name = "Anna Andersson";
	doc.contact_email = "anna.andersson@laholm.example";
	r.number = "2024-000017";
	r.received_at = "2024-05-21T14:03:11+02:00";
	r.version = 2;
	ad.def = &def;
	ad.doc = &doc;
	ad.receipt = &r;
	return &ad;
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec	 t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

int
main(int argc, char *argv[])
{
	struct export_sink	 out;
	struct answer_doc	*ad;
	struct arena		*a;
	struct timespec		 t0;
	struct rusage		 ru;
	FILE			*f;
	long			 n = 1, i;
	double			 first = 0, rest = 0;
	int			 pdf;

	if (argc < 3 || (strcmp(argv[1], "pdf") != 0 &&
	    strcmp(argv[1], "docx") != 0) || (argc > 3 &&
	    parse_long(argv[3], 1, 10000, &n) == -1)) {
		fprintf(stderr, "usage: answer_pdf pdf|docx FILE [N]\n");
		return 2;
	}
	dates_init();
	pdf = strcmp(argv[1], "pdf") == 0;
	if ((a = arena_new()) == NULL || (ad = make_answer(a)) == NULL)
		return 1;
	for (i = 0; i < n; i++) {
		if ((f = fopen(argv[2], "wb")) == NULL) {
			perror(argv[2]);
			return 1;
		}
		export_sink_file(&out, f);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if ((pdf ? answer_pdf_write(ad, &out) :
		    answer_docx_write(ad, &out)) == -1 || fclose(f) != 0) {
			fprintf(stderr, "writing %s failed\n", argv[2]);
			return 1;
		}
		if (i == 0)
			first = ms_since(&t0);
		else
			rest += ms_since(&t0);
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("first %.1f ms", first);
	if (n > 1)
		printf(", then %.1f ms each (mean of %ld)", rest / (double)(n - 1),
		    n - 1);
	printf(", peak RSS %.1f MiB\n", (double)ru.ru_maxrss / 1024);
	arena_free(a);
	if (pdf)
		pdfdoc_library_cleanup();
	return 0;
}
