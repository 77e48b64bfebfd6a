/* remiss_write.c: writes remiss definitions and remiss lists as XML (xmlTextWriter) or JSON. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "core/remiss_def.h"
#include "util/buf.h"
#include "util/json.h"
#include "xml/remiss_write.h"

#define REMISS_NS	"urn:remissvar:1"
#define X(s)		((const xmlChar *)(s))

static int
attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (value == NULL || *value == '\0')
		return 0;
	return xmlTextWriterWriteAttribute(w, X(name), X(value)) < 0 ? -1 : 0;
}

static int
element(xmlTextWriterPtr w, const char *name, const char *text)
{
	if (text == NULL || *text == '\0')
		return 0;
	return xmlTextWriterWriteElement(w, X(name), X(text)) < 0 ? -1 : 0;
}

static int
write_invitee(xmlTextWriterPtr w, const struct invitee *o)
{
	if (xmlTextWriterStartElement(w, X("remissinstans")) < 0 ||
	    attr(w, "orgnr", o->orgnr) == -1 || attr(w, "typ", o->kind) == -1 ||
	    xmlTextWriterWriteString(w, X(o->name)) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

/* An avsnitt: the proposal text, then its questions (mixed content). */
static int
write_section(xmlTextWriterPtr w, const struct section_def *s)
{
	size_t i;

	if (xmlTextWriterStartElement(w, X("avsnitt")) < 0 ||
	    attr(w, "nr", s->nr) == -1 || attr(w, "rubrik", s->heading) == -1 ||
	    (s->body != NULL && xmlTextWriterWriteString(w, X(s->body)) < 0))
		return -1;
	for (i = 0; i < s->nquestions; i++) {
		const struct question_def *q = &s->questions[i];

		if (xmlTextWriterStartElement(w, X("fraga")) < 0 ||
		    attr(w, "id", q->qid) == -1 || attr(w, "typ", q->kind) == -1 ||
		    xmlTextWriterWriteString(w, X(q->text)) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

static int
write_remiss(xmlTextWriterPtr w, const struct remiss_def *def,
    const struct invitee *inv, size_t ninv)
{
	size_t i;

	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, X("remiss")) < 0 ||
	    attr(w, "xmlns", REMISS_NS) == -1 || attr(w, "id", def->slug) == -1 ||
	    element(w, "titel", def->title) == -1 ||
	    element(w, "avsandare", def->sender) == -1 ||
	    element(w, "diarienummer", def->diarienummer) == -1 ||
	    element(w, "oppnar", def->opens) == -1 ||
	    element(w, "sista-svarsdag", def->closes) == -1 ||
	    element(w, "beskrivning", def->description) == -1)
		return -1;
	for (i = 0; i < ninv; i++)
		if (write_invitee(w, &inv[i]) == -1)
			return -1;
	for (i = 0; i < def->nsections; i++)
		if (write_section(w, &def->sections[i]) == -1)
			return -1;
	if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndDocument(w) < 0)
		return -1;
	return 0;
}

static int
write_list(xmlTextWriterPtr w, const struct remiss_info *list, size_t n)
{
	size_t i;

	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, X("remisser")) < 0 ||
	    attr(w, "xmlns", REMISS_NS) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		const struct remiss_info *r = &list[i];

		if (xmlTextWriterStartElement(w, X("remissinfo")) < 0 ||
		    attr(w, "id", r->slug) == -1 ||
		    attr(w, "besvarad", r->answered ? "true" : "false") == -1 ||
		    element(w, "titel", r->title) == -1 ||
		    element(w, "avsandare", r->sender) == -1 ||
		    element(w, "diarienummer", r->diarienummer) == -1 ||
		    element(w, "oppnar", r->opens) == -1 ||
		    element(w, "sista-svarsdag", r->closes) == -1 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndDocument(w) < 0)
		return -1;
	return 0;
}

/* A memory writer with two-space indentation; NULL on OOM. */
static xmlTextWriterPtr
writer_open(xmlBufferPtr *xb)
{
	xmlTextWriterPtr w;

	if ((*xb = xmlBufferCreate()) == NULL)
		return NULL;
	if ((w = xmlNewTextWriterMemory(*xb, 0)) == NULL ||
	    xmlTextWriterSetIndent(w, 1) < 0 ||
	    xmlTextWriterSetIndentString(w, X("  ")) < 0) {
		xmlFreeTextWriter(w);
		xmlBufferFree(*xb);
		*xb = NULL;
		return NULL;
	}
	return w;
}

/* Frees w and xb; appends what was written to out when ok (0). */
static int
writer_close(xmlTextWriterPtr w, xmlBufferPtr xb, int ok, struct buf *out)
{
	int rc = -1;

	xmlFreeTextWriter(w);	/* flushes into xb */
	if (ok == 0 && buf_append(out, xmlBufferContent(xb),
	    (size_t)xmlBufferLength(xb)) == 0)
		rc = 0;
	xmlBufferFree(xb);
	return rc;
}

int
remiss_xml_write(const struct remiss_def *def, const struct invitee *inv,
    size_t ninv, struct buf *out)
{
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w;

	if ((w = writer_open(&xb)) == NULL)
		return -1;
	return writer_close(w, xb, write_remiss(w, def, inv, ninv), out);
}

int
remisser_xml_write(const struct remiss_info *list, size_t n, struct buf *out)
{
	xmlBufferPtr		 xb;
	xmlTextWriterPtr	 w;

	if ((w = writer_open(&xb)) == NULL)
		return -1;
	return writer_close(w, xb, write_list(w, list, n), out);
}

/* "key": string, with a leading comma unless first. */
static int
json_field(struct buf *b, const char *key, const char *value, int first)
{
	if ((!first && buf_puts(b, ",") == -1) || json_string(b, key) == -1 ||
	    buf_puts(b, ":") == -1 || json_string(b, value) == -1)
		return -1;
	return 0;
}

int
remisser_json_write(const struct remiss_info *list, size_t n, struct buf *out)
{
	size_t i;

	if (buf_puts(out, "{\"remisser\":[") == -1)
		return -1;
	for (i = 0; i < n; i++) {
		const struct remiss_info *r = &list[i];

		if ((i > 0 && buf_puts(out, ",") == -1) ||
		    buf_puts(out, "{") == -1 ||
		    json_field(out, "id", r->slug, 1) == -1 ||
		    json_field(out, "titel", r->title, 0) == -1 ||
		    json_field(out, "avsandare", r->sender, 0) == -1 ||
		    json_field(out, "diarienummer", r->diarienummer, 0) == -1 ||
		    json_field(out, "oppnar", r->opens, 0) == -1 ||
		    json_field(out, "sista_svarsdag", r->closes, 0) == -1 ||
		    buf_puts(out, r->answered ? ",\"besvarad\":true" :
		    ",\"besvarad\":false") == -1 ||
		    buf_puts(out, "}") == -1)
			return -1;
	}
	return buf_puts(out, "]}\n");
}
