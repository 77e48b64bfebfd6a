/* problem.c: writes one error in the format the client asked for, always bilingual. */
#include "config.h"

#include <string.h>
#include <strings.h>

#include <libxml/xmlwriter.h>

#include "http/problem.h"
#include "http/response.h"
#include "util/buf.h"
#include "util/json.h"
#include "views/html.h"
#include "views/i18n.h"
#include "views/layout.h"

const struct problem_def problem_defs[PROB__MAX] = {
	[PROB_INTERNAL] = { 500, "Internt fel.", "Internal error." },
	[PROB_NOT_FOUND] = { 404, "Sidan finns inte.",
	    "The page does not exist." },
	[PROB_FORBIDDEN] = { 403, "Du har inte behörighet till det här.",
	    "You are not allowed to do this." },
	[PROB_CONFLICT] = { 409, "Det gick inte: något har ändrats under "
	    "tiden. Ladda om sidan och försök igen. Inget har ändrats.",
	    "That did not work: something changed meanwhile. Reload the page "
	    "and try again. Nothing was changed." },
	[PROB_INVALID] = { 422, "Uppgifterna godtogs inte. Inget har ändrats.",
	    "The data was refused. Nothing was changed." },
	[PROB_UNAVAILABLE] = { 503, "Tjänsten är tillfälligt otillgänglig. "
	    "Försök igen om en stund.",
	    "The service is temporarily unavailable. Try again shortly." },
	[PROB_UNAVAILABLE_UNCHANGED] = { 503, "Tjänsten är tillfälligt "
	    "otillgänglig. Inget har ändrats.",
	    "The service is temporarily unavailable. Nothing was changed." },
	[PROB_UNAVAILABLE_UNSAVED] = { 503, "Tjänsten är tillfälligt "
	    "otillgänglig. Inget har sparats.",
	    "The service is temporarily unavailable. Nothing was saved." },
	[PROB_UNAVAILABLE_UNSTORED] = { 503, "Tjänsten är tillfälligt "
	    "otillgänglig. Inget har registrerats.",
	    "The service is temporarily unavailable. Nothing was stored." },
	[PROB_METHOD_UNSUPPORTED] = { 501, "Metoden stöds inte.",
	    "The method is not supported." },
	[PROB_METHOD_NOT_ALLOWED] = { 405, "Metoden är inte tillåten här.",
	    "The method is not allowed here." },
	[PROB_LOGIN_NEEDED] = { 401, "Du behöver logga in.",
	    "You need to log in." },
	[PROB_SESSION_ENDED_FORM] = { 401, "Din inloggning har gått ut (efter "
	    "en stund utan aktivitet eller efter tolv timmar), så det du "
	    "skickade har inte sparats. Gå tillbaka till förra sidan med "
	    "webbläsarens bakåtknapp och kopiera det du skrev, logga sedan in "
	    "igen och gör om ändringen.",
	    "Your login session has ended, so what you sent was not saved. Go "
	    "back, copy what you wrote, log in again and redo the change." },
	[PROB_NO_LONGER_LOGGED_IN] = { 401, "Du är inte längre inloggad.",
	    "You are no longer logged in." },
	[PROB_BAD_TOKEN] = { 401, "Ogiltig eller återkallad nyckel.",
	    "Invalid or revoked token." },
	[PROB_SSO_UNKNOWN] = { 403, "Ditt konto finns inte i Remissvar eller är "
	    "avstängt. Kontakta förvaltningen.",
	    "Your account does not exist in Remissvar or is disabled." },
	[PROB_PAGE_EXPIRED] = { 403, "Sidan har gått ut. Ladda om sidan och "
	    "försök igen.", "The page has expired. Reload the page and try "
	    "again." },
	[PROB_NO_REMISS] = { 404, "Remissen finns inte.",
	    "There is no such remiss." },
	[PROB_NOT_INVITED] = { 403, "Din organisation är inte inbjuden att "
	    "svara på den här remissen.",
	    "Your organisation is not invited to this remiss." },
	[PROB_NO_RESPONSE] = { 404, "Svaret finns inte.",
	    "There is no such response." },
	[PROB_NO_FILE] = { 404, "Filen finns inte.", "The file does not exist." },
	[PROB_NO_SECTION_OR_QUESTION] = { 404, "Avsnittet eller frågan finns "
	    "inte (längre) i remissen.", "No such section or question." },
	[PROB_NO_REDACTION] = { 404, "Sekretessen finns inte i den här "
	    "remissen.", "No such redaction in this remiss." },
	[PROB_NO_TOKEN] = { 404, "API-nyckeln finns inte bland dina nycklar, "
	    "eller är redan återkallad. Inget har ändrats.",
	    "No such live API token of yours. Nothing was changed." },
	[PROB_UNKNOWN_LANGUAGE] = { 400, "Okänt språk. Välj svenska eller "
	    "engelska.", "Unknown language. Choose Swedish or English." },
	[PROB_LANGUAGE_NOT_SAVED] = { 503, "Språkvalet kunde inte sparas. Försök "
	    "igen om en stund.",
	    "The language could not be saved. Try again shortly." },
	[PROB_LOGOUT_FAILED] = { 503, "Utloggningen misslyckades. Försök igen "
	    "om en stund.", "Logout failed. Try again shortly." },
	[PROB_STATEMENT_UNAVAILABLE] = { 500, "Tillgänglighetsredogörelsen kunde "
	    "inte visas just nu.",
	    "The accessibility statement cannot be shown right now." },
	[PROB_METRICS_UNAVAILABLE] = { 503, "Mätvärdena är inte tillgängliga.",
	    "The metrics are not available." },
};

/* True if accept names type (case-insensitive substring of a media range). */
static int
accepts(const char *accept, const char *type)
{
	return accept != NULL && strcasestr(accept, type) != NULL;
}

enum problem_format
problem_format_for(const char *accept, const char *path)
{
	if (path != NULL && strncmp(path, "/api/", 5) == 0)
		return accepts(accept, "json") ? PROBLEM_JSON : PROBLEM_XML;
	if (accepts(accept, "text/html"))
		return PROBLEM_HTML;
	if (accepts(accept, "json"))
		return PROBLEM_JSON;
	if (accepts(accept, "/xml") || accepts(accept, "+xml"))
		return PROBLEM_XML;
	return PROBLEM_TEXT;
}

static int
send_json(struct response *res, int status, const char *sv, const char *en,
    const struct problem_error *errs, size_t nerrs)
{
	struct buf	*b = &res->body;
	size_t		 i;

	res->content_type = "application/problem+json";
	buf_printf(b, "{\"status\":%d,\"title\":", status);
	json_string(b, sv);
	buf_puts(b, ",\"title_en\":");
	json_string(b, en);
	if (nerrs > 0) {
		buf_puts(b, ",\"errors\":[");
		for (i = 0; i < nerrs; i++) {
			buf_printf(b, "%s{\"line\":%ld,\"column\":%ld,\"message\":",
			    i ? "," : "", errs[i].line, errs[i].column);
			json_string(b, errs[i].message);
			buf_puts(b, "}");
		}
		buf_puts(b, "]");
	}
	return buf_puts(b, "}\n");
}

static int
send_xml(struct response *res, int status, const char *sv, const char *en,
    const struct problem_error *errs, size_t nerrs)
{
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w = NULL;
	size_t			 i;
	int			 rc = -1, bad = 0;

	if ((xb = xmlBufferCreate()) == NULL)
		return -1;
	if ((w = xmlNewTextWriterMemory(xb, 0)) == NULL)
		goto out;
	bad |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	bad |= xmlTextWriterStartElementNS(w, NULL, BAD_CAST "problem",
	    BAD_CAST "urn:remissvar:1") < 0;
	bad |= xmlTextWriterWriteFormatElement(w, BAD_CAST "status", "%d",
	    status) < 0;
	bad |= xmlTextWriterWriteElement(w, BAD_CAST "title", BAD_CAST sv) < 0;
	bad |= xmlTextWriterWriteElement(w, BAD_CAST "title_en",
	    BAD_CAST en) < 0;
	if (nerrs > 0) {
		bad |= xmlTextWriterStartElement(w, BAD_CAST "errors") < 0;
		for (i = 0; i < nerrs; i++) {
			bad |= xmlTextWriterStartElement(w, BAD_CAST "error") < 0;
			bad |= xmlTextWriterWriteFormatAttribute(w,
			    BAD_CAST "line", "%ld", errs[i].line) < 0;
			bad |= xmlTextWriterWriteFormatAttribute(w,
			    BAD_CAST "column", "%ld", errs[i].column) < 0;
			bad |= xmlTextWriterWriteString(w,
			    BAD_CAST errs[i].message) < 0;
			bad |= xmlTextWriterEndElement(w) < 0;
		}
		bad |= xmlTextWriterEndElement(w) < 0;
	}
	bad |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	w = NULL;
	if (bad)
		goto out;
	res->content_type = "application/problem+xml; charset=utf-8";
	rc = buf_append(&res->body, xmlBufferContent(xb),
	    (size_t)xmlBufferLength(xb));
out:
	if (w != NULL)
		xmlFreeTextWriter(w);
	xmlBufferFree(xb);
	return rc;
}

static int
send_html(struct response *res, int status, const char *sv, const char *en,
    const struct problem_error *errs, size_t nerrs, const struct identity *who)
{
	struct html	*h;
	size_t		 i;
	char		 where[64];

	if ((h = html_new()) == NULL)
		return -1;
	/* Both languages, the page's own first (the other marked with its
	 * lang, WCAG 3.1.2). */
	if (i18n_current() == LANG_EN) {
		layout_begin(h, en, who);
		html_elem(h, "h1", en, NULL);
		html_elem(h, "p", sv, "lang", "sv", NULL);
	} else {
		layout_begin(h, sv, who);
		html_elem(h, "h1", sv, NULL);
		html_elem(h, "p", en, "lang", "en", NULL);
	}
	if (nerrs > 0) {
		html_open(h, "ul", "class", "errors", NULL);
		for (i = 0; i < nerrs; i++) {
			snprintf(where, sizeof(where),
			    /* TRANSLATORS: a line and column of an XML file. */
			    _("Rad %ld, kolumn %ld: "), errs[i].line,
			    errs[i].column);
			html_open(h, "li", NULL);
			html_text(h, where);
			html_text(h, errs[i].message);
			html_close(h);
		}
		html_close(h);
	}
	html_open(h, "p", NULL);
	html_elem(h, "a", _("Till startsidan"), "href", "/", NULL);
	html_close(h);
	layout_end(h);
	layout_send(h, res, status);
	return res->status == status ? 0 : -1;
}

static int
send_text(struct response *res, const char *sv, const char *en,
    const struct problem_error *errs, size_t nerrs)
{
	size_t i;

	res->content_type = "text/plain; charset=utf-8";
	buf_printf(&res->body, "%s\n%s\n", sv, en);
	for (i = 0; i < nerrs; i++)
		buf_printf(&res->body, "%ld:%ld: %s\n", errs[i].line,
		    errs[i].column, errs[i].message);
	return res->body.failed ? -1 : 0;
}

void
problem_send(struct response *res, enum problem_format fmt, int status,
    const char *sv, const char *en, const struct problem_error *errs,
    size_t nerrs)
{
	problem_send_for(res, fmt, status, sv, en, errs, nerrs, NULL);
}

void
problem_send_for(struct response *res, enum problem_format fmt, int status,
    const char *sv, const char *en, const struct problem_error *errs,
    size_t nerrs, const struct identity *who)
{
	int rc;

	response_reset(res);
	res->status = status;
	switch (fmt) {
	case PROBLEM_JSON:
		rc = send_json(res, status, sv, en, errs, nerrs);
		break;
	case PROBLEM_XML:
		rc = send_xml(res, status, sv, en, errs, nerrs);
		break;
	case PROBLEM_HTML:
		rc = send_html(res, status, sv, en, errs, nerrs, who);
		break;
	default:
		rc = send_text(res, sv, en, errs, nerrs);
		break;
	}
	if (rc == -1 || res->body.failed)
		problem_text(res, PROB_INTERNAL);
}

void
problem_send_id(struct response *res, enum problem_format fmt,
    enum problem_id id, const struct identity *who)
{
	const struct problem_def *p;

	p = &problem_defs[(unsigned)id < PROB__MAX ? id : PROB_INTERNAL];
	problem_send_for(res, fmt, p->status, p->sv, p->en, NULL, 0, who);
}

void
problem_text(struct response *res, enum problem_id id)
{
	const struct problem_def *p;

	p = &problem_defs[(unsigned)id < PROB__MAX ? id : PROB_INTERNAL];
	response_reset(res);
	buf_printf(&res->body, "%s\n%s\n", p->sv, p->en);
	res->status = p->status;
	res->content_type = "text/plain; charset=utf-8";
	if (res->body.failed)
		response_text(res, 500, "Internt fel.\nInternal error.\n");
}
