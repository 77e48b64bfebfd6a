/* org_import.c: POST /admin/organisationer/import: reads a CSV file of organisations, shows what it
 * will create and update, and stores it all when confirmed (or nothing, with every problem by line). */
#include "config.h"

#include <string.h>

#include "core/organisations.h"
#include "core/org_rules.h"
#include "handlers/admin/organisations.h"
#include "handlers/handlers.h"
#include "util/arena.h"
#include "util/csv_read.h"
#include "views/i18n.h"
#include "views/org_list_view.h"

/* The message for a problem of the file as a whole. */
static const char *
file_message(struct arena *a, enum csv_error e, size_t line)
{
	switch (e) {
	case CSV_EMPTY:
		return _("Filen är tom.");
	case CSV_NOT_UTF8:
		return arena_printf(a, _("Rad %zu: filen är inte sparad som "
		    "UTF-8 (den är troligen sparad som Windows-1252 eller "
		    "ANSI). Spara den i Excel med Spara som och filformatet "
		    "\"CSV UTF-8 (kommaavgränsad)\" och läs in den igen."),
		    line);
	case CSV_CONTROL:
		return arena_printf(a, _("Rad %zu: filen innehåller tecken som "
		    "inte är text. Är det verkligen en CSV-fil?"), line);
	case CSV_TOO_MANY_ROWS:
		return arena_printf(a, _("Filen har fler än %d organisationer. "
		    "Dela upp den i flera filer."), ORG_IMPORT_MAX_ROWS);
	case CSV_TOO_MANY_FIELDS:
		return arena_printf(a, _("Rad %zu har för många kolumner."), line);
	case CSV_FIELD_TOO_LONG:
		return arena_printf(a, _("Rad %zu har ett fält som är längre än "
		    "1000 tecken."), line);
	case CSV_BAD_QUOTE:
		return arena_printf(a, _("Rad %zu: ett citattecken står fel. Ett "
		    "fält inom citattecken slutar vid nästa citattecken, och "
		    "ett citattecken i fältet skrivs som två."), line);
	case CSV_OPEN_QUOTE:
		return arena_printf(a, _("Rad %zu: ett citattecken stängs aldrig."),
		    line);
	default:
		return _("Filen kunde inte läsas.");
	}
}

/* The message for one row's problem. */
static const char *
row_message(struct arena *a, const struct org_import_error *e)
{
	const char *v = e->value != NULL ? e->value : "";

	switch (e->problem) {
	case OIP_HEADER:
		return e->value != NULL ? arena_printf(a, _("Rad %zu: okänd "
		    "kolumn \"%s\". Kolumnerna är namn, typ, orgnr, "
		    "registratur, kontaktperson och kontakt_epost."), e->line, v) :
		    arena_printf(a, _("Rad %zu: rubrikraden ska ha kolumnerna "
		    "namn och typ, och får ha orgnr, registratur, kontaktperson "
		    "och kontakt_epost."), e->line);
	case OIP_COLUMNS:
		return arena_printf(a, _("Rad %zu har fler fält än rubrikraden."),
		    e->line);
	case OIP_NAME:
		return arena_printf(a, _("Rad %zu: namnet saknas eller är längre "
		    "än 200 tecken."), e->line);
	case OIP_KIND:
		return arena_printf(a, _("Rad %zu: typen \"%s\" finns inte. Skriv "
		    "kommun, region, myndighet, förening eller annan."), e->line, v);
	case OIP_ORGNR:
		return arena_printf(a, _("Rad %zu: organisationsnumret \"%s\" ska "
		    "skrivas NNNNNN-NNNN med rätt kontrollsiffra."), e->line, v);
	case OIP_REGISTRY:
		return arena_printf(a, _("Rad %zu: registraturens adress \"%s\" "
		    "är ingen e-postadress."), e->line, v);
	case OIP_CONTACT:
		return arena_printf(a, _("Rad %zu: en kontaktperson behöver både "
		    "namn och e-postadress."), e->line);
	case OIP_CONTACT_EMAIL:
		return arena_printf(a, _("Rad %zu: kontaktpersonens adress \"%s\" "
		    "är ingen e-postadress."), e->line, v);
	case OIP_DUPLICATE:
		return arena_printf(a, _("Rad %zu: \"%s\" finns redan på en "
		    "tidigare rad med andra uppgifter."), e->line, v);
	case OIP_NO_ROWS:
		return _("Filen har bara en rubrikrad.");
	case OIP_TOO_MANY_ROWS:
		return arena_printf(a, _("Filen har fler än %d organisationer. "
		    "Dela upp den i flera filer."), ORG_IMPORT_MAX_ROWS);
	case OIP_ORGNR_TAKEN:
		return arena_printf(a, _("Rad %zu: organisationsnumret tillhör "
		    "redan %s."), e->line, v);
	default:
		return arena_printf(a, _("Rad %zu är fel."), e->line);
	}
}

/* Answers 422 with the list page and messages[0..n). */
static void
refuse(struct request *req, struct response *res, const char *const *msgs,
    size_t n)
{
	struct org_list_page p = { .import_errs = msgs, .nimport_errs = n };

	org_list_send(req, res, 422, &p);
}

void
handle_org_import(struct request *req, struct response *res)
{
	static const struct csv_limits limits = {
		.max_bytes = ORG_IMPORT_MAX_BYTES,
		.max_rows = ORG_IMPORT_MAX_ROWS + 1,
		.max_fields = 20, .max_field = 1000,
	};
	const struct input_file	*file;
	struct org_list_page	 p = { 0 };
	struct csv_table	 t;
	struct org_import_row	*rows;
	struct org_import_step	*steps;
	struct org_import_error	*errs;
	const char		*data, **msgs, *one[1];
	size_t			 len, n, nrows, nerrs, line, i, created,
				 updated;
	enum csv_error		 ce;
	enum core_result	 rc;
	bool			 confirm = false;

	file = input_files(req, IN_ORG_FILE, &n);
	if (file != NULL && file->len > 0) {
		data = (const char *)file->data;
		len = file->len;
	} else if ((data = input_text(req, IN_ORG_CSV)) != NULL) {
		len = strlen(data);
		confirm = true;
	} else {
		one[0] = _("Välj en CSV-fil att läsa in.");
		refuse(req, res, one, 1);
		return;
	}
	if (len > ORG_IMPORT_MAX_BYTES) {
		handler_problem(req, res, 413, "Filen är för stor: en fil med "
		    "organisationer får vara högst 512 kB. Dela upp den i flera "
		    "filer.", "The file is too large: a file of organisations may "
		    "be at most 512 kB. Split it into several files.");
		return;
	}
	if ((ce = csv_read(req->arena, data, len, &limits, &t, &line)) !=
	    CSV_OK) {
		one[0] = file_message(req->arena, ce, line);
		refuse(req, res, one, 1);
		return;
	}
	if (org_import_check(req->arena, &t, &rows, &nrows, &errs, &nerrs) ==
	    -1) {
		handler_fail(req, res, PROB_INTERNAL);
		return;
	}
	if (nerrs == 0 && (rc = org_import_plan(req->db, req->arena, rows,
	    nrows, &steps, &errs, &nerrs, &p.ncreate, &p.nupdate)) != CORE_OK) {
		handler_result(req, res, rc);
		return;
	}
	if (nerrs > 0) {
		if ((msgs = arena_calloc(req->arena, nerrs, sizeof(*msgs))) ==
		    NULL) {
			handler_fail(req, res, PROB_INTERNAL);
			return;
		}
		for (i = 0; i < nerrs; i++)
			msgs[i] = row_message(req->arena, &errs[i]);
		refuse(req, res, msgs, nerrs);
		return;
	}
	if (!confirm) {
		p.prows = rows;
		p.steps = steps;
		p.nprows = nrows;
		p.csv = arena_strndup(req->arena, data, len);
		org_list_send(req, res, 200, &p);
		return;
	}
	rc = org_import_apply(req->db, req->arena, arena_printf(req->arena,
	    "user:%lld", req->identity.user_id), rows, nrows, &created,
	    &updated);
	if (rc == CORE_CONFLICT) {
		one[0] = _("En annan ändring hann före med samma namn eller "
		    "organisationsnummer. Läs in filen igen.");
		refuse(req, res, one, 1);
		return;
	}
	if (rc != CORE_OK) {
		handler_fail(req, res, PROB_UNAVAILABLE_UNCHANGED);
		return;
	}
	p.notice = arena_printf(req->arena, _("Inläst: %zu nya och %zu "
	    "uppdaterade organisationer."), created, updated);
	org_list_send(req, res, 200, &p);
}
