/* remissvar_write.c: writes a response_doc as remissvar XML, canonicalises it (C14N 1.0) and hashes it; writes receipts. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/c14n.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <sodium.h>

#include "core/response_doc.h"
#include "core/response_store.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/sha256.h"
#include "xml/remissvar_write.h"
#include "xml/safe.h"

#define REMISS_NS	"urn:remissvar:1"
#define X(s)		((const xmlChar *)(s))

static int
present(const char *s)
{
	return s != NULL && *s != '\0';
}

/* <name>text</name> when text is present; nothing otherwise. */
static int
opt_element(xmlTextWriterPtr w, const char *name, const char *text)
{
	if (!present(text))
		return 0;
	return xmlTextWriterWriteElement(w, X(name), X(text)) < 0 ? -1 : 0;
}

/* <name attr="value">text</name> when text is present. */
static int
opt_element_attr(xmlTextWriterPtr w, const char *name, const char *attr,
    const char *value, const char *text)
{
	if (!present(text))
		return 0;
	if (xmlTextWriterStartElement(w, X(name)) < 0 ||
	    xmlTextWriterWriteAttribute(w, X(attr), X(value)) < 0 ||
	    xmlTextWriterWriteString(w, X(text)) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

/* An attribute when value is present. */
static int
opt_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	if (!present(value))
		return 0;
	return xmlTextWriterWriteAttribute(w, X(name), X(value)) < 0 ? -1 : 0;
}

/* A required attribute: written (empty if NULL) so the document stays whole. */
static int
req_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	return xmlTextWriterWriteAttribute(w, X(name),
	    X(value != NULL ? value : "")) < 0 ? -1 : 0;
}

static int
write_answer(xmlTextWriterPtr w, const struct answer *an)
{
	const char *pos;

	if (answer_is_empty(an))
		return 0;
	if (xmlTextWriterStartElement(w, X("svar")) < 0)
		return -1;
	if (present(an->section_nr)) {
		if (req_attr(w, "avsnitt", an->section_nr) == -1)
			return -1;
	} else if (req_attr(w, "fraga", an->question_id) == -1)
		return -1;
	pos = position_code(an->position);
	if (opt_element(w, "stallningstagande", pos) == -1 ||
	    opt_element(w, "kommentar", an->comment) == -1 ||
	    opt_element(w, "forslag-till-lydelse", an->proposed_wording) == -1 ||
	    opt_element_attr(w, "konsekvens", "part", "region",
	    an->consequence_region) == -1 ||
	    opt_element_attr(w, "konsekvens", "part", "kommun",
	    an->consequence_kommun) == -1 ||
	    opt_element_attr(w, "tidshorisont", "typ", "kortsiktigt",
	    an->short_term) == -1 ||
	    opt_element_attr(w, "tidshorisont", "typ", "langsiktigt",
	    an->long_term) == -1)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* Base64 on one line (no line breaks, so any reader takes it). */
static int
write_attachment(xmlTextWriterPtr w, const struct attachment *at)
{
	char	*b64 = NULL;
	size_t	 n;
	int	 rc = -1;

	if (at->len > (SIZE_MAX - 1) / 4 * 3 - 3)
		goto err;
	n = sodium_base64_encoded_len(at->len, sodium_base64_VARIANT_ORIGINAL);
	if ((b64 = malloc(n)) == NULL)
		goto err;
	sodium_bin2base64(b64, n, at->data != NULL ? at->data :
	    (const unsigned char *)"", at->len, sodium_base64_VARIANT_ORIGINAL);
	if (xmlTextWriterStartElement(w, X("bilaga")) < 0 ||
	    req_attr(w, "filnamn", at->filename) == -1 ||
	    req_attr(w, "mediatyp", at->media_type) == -1 ||
	    xmlTextWriterWriteString(w, X(b64)) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		goto err;
	rc = 0;
err:
	free(b64);
	return rc;
}

/* Writes the whole remissvar document into w. */
static int
write_doc(xmlTextWriterPtr w, const struct response_doc *d)
{
	size_t i;

	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElementNS(w, NULL, X("remissvar"),
	    X(REMISS_NS)) < 0 ||
	    req_attr(w, "remiss", d->remiss_slug) == -1)
		return -1;

	if (xmlTextWriterStartElement(w, X("remissinstans")) < 0 ||
	    opt_attr(w, "orgnr", d->orgnr) == -1 ||
	    req_attr(w, "typ", d->org_kind) == -1 ||
	    xmlTextWriterWriteString(w, X(d->org_name != NULL ?
	    d->org_name : "")) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;

	if (opt_element(w, "diarienummer", d->diarienummer) == -1)
		return -1;
	if (present(d->decision_body) || present(d->decision_date)) {
		if (xmlTextWriterStartElement(w, X("beslut")) < 0 ||
		    req_attr(w, "instans", d->decision_body) == -1 ||
		    opt_attr(w, "datum", d->decision_date) == -1 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (xmlTextWriterStartElement(w, X("kontakt")) < 0 ||
	    req_attr(w, "namn", d->contact_name) == -1 ||
	    req_attr(w, "epost", d->contact_email) == -1 ||
	    opt_attr(w, "telefon", d->contact_phone) == -1 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	if (xmlTextWriterWriteElement(w, X("stallningstagande"),
	    X(position_code(d->position) != NULL ?
	    position_code(d->position) : "")) < 0 ||
	    opt_element(w, "sammanfattning", d->summary) == -1)
		return -1;
	for (i = 0; i < d->nanswers; i++)
		if (write_answer(w, &d->answers[i]) == -1)
			return -1;
	for (i = 0; i < d->nattachments; i++)
		if (write_attachment(w, &d->attachments[i]) == -1)
			return -1;
	if (xmlTextWriterEndElement(w) < 0 || xmlTextWriterEndDocument(w) < 0)
		return -1;
	return 0;
}

int
remissvar_canonical(const struct response_doc *doc, struct arena *a,
    char **xml, size_t *len, char sha256[65])
{
	xmlBufferPtr		 xb = NULL;
	xmlTextWriterPtr	 w = NULL;
	xmlDocPtr		 parsed = NULL;
	xmlChar			*c14n = NULL;
	struct xml_errors	 errs;
	int			 n, rc = -1;

	*xml = NULL;
	*len = 0;
	sha256[0] = '\0';
	if ((xb = xmlBufferCreate()) == NULL ||
	    (w = xmlNewTextWriterMemory(xb, 0)) == NULL)
		goto err;
	if (xmlTextWriterSetIndent(w, 1) < 0 ||
	    xmlTextWriterSetIndentString(w, X("  ")) < 0)
		goto err;
	if (write_doc(w, doc) == -1) {
		log_err("writing remissvar XML failed");
		goto err;
	}
	xmlFreeTextWriter(w);	/* flushes into xb */
	w = NULL;

	/* Parsed back with the same rules as an upload: what we store is
	 * exactly what a reader of our XML would see. */
	xml_errors_init(&errs, a);
	parsed = xml_safe_parse((const char *)xmlBufferContent(xb),
	    (size_t)xmlBufferLength(xb), "remissvar.xml", &errs);
	if (parsed == NULL) {
		log_err("written remissvar does not parse back: %s",
		    errs.count > 0 ? errs.list[0].message : "?");
		goto err;
	}
	n = xmlC14NDocDumpMemory(parsed, NULL, XML_C14N_1_0, NULL, 0, &c14n);
	if (n < 0 || c14n == NULL) {
		log_err("canonicalisation failed");
		goto err;
	}
	if ((*xml = arena_strndup(a, (const char *)c14n, (size_t)n)) == NULL)
		goto err;
	*len = (size_t)n;
	sha256_hex((const unsigned char *)c14n, (size_t)n, sha256);
	rc = 0;
err:
	if (rc == -1) {
		*xml = NULL;
		*len = 0;
	}
	xmlFree(c14n);
	xmlFreeDoc(parsed);
	xmlFreeTextWriter(w);
	xmlBufferFree(xb);
	return rc;
}

/* Writes one <kvittens> element; the namespace is declared when ns. */
static int
write_kvittens(xmlTextWriterPtr w, const struct receipt *r, int ns)
{
	char	id[32], ver[16];

	snprintf(id, sizeof(id), "%lld", r->version_id);
	snprintf(ver, sizeof(ver), "%d", r->version);
	if (xmlTextWriterStartElement(w, X("kvittens")) < 0 ||
	    (ns && req_attr(w, "xmlns", REMISS_NS) == -1) ||
	    req_attr(w, "id", id) == -1 ||
	    req_attr(w, "nummer", r->number) == -1 ||
	    req_attr(w, "mottagen", r->received_at) == -1 ||
	    (r->arrived_on != NULL && r->arrived_on[0] != '\0' &&
	    req_attr(w, "ankomstdatum", r->arrived_on) == -1) ||
	    req_attr(w, "version", ver) == -1 ||
	    req_attr(w, "sha256", r->sha256) == -1 ||
	    xmlTextWriterWriteElement(w, X("remiss"),
	    X(r->remiss_slug != NULL ? r->remiss_slug : "")) < 0 ||
	    xmlTextWriterWriteElement(w, X("remissinstans"),
	    X(r->org_name != NULL ? r->org_name : "")) < 0 ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	return 0;
}

/* Writes a <kvittens> document (list NULL) or a <kvittenser> list of n. */
static int
write_receipts(const struct receipt *one, const struct receipt *list,
    size_t n, struct buf *out)
{
	xmlBufferPtr		 xb = NULL;
	xmlTextWriterPtr	 w = NULL;
	size_t			 i;
	int			 rc = -1;

	if ((xb = xmlBufferCreate()) == NULL ||
	    (w = xmlNewTextWriterMemory(xb, 0)) == NULL)
		goto err;
	if (xmlTextWriterSetIndent(w, 1) < 0 ||
	    xmlTextWriterSetIndentString(w, X("  ")) < 0 ||
	    xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0)
		goto err;
	if (one != NULL) {
		if (write_kvittens(w, one, 1) == -1)
			goto err;
	} else {
		if (xmlTextWriterStartElement(w, X("kvittenser")) < 0 ||
		    req_attr(w, "xmlns", REMISS_NS) == -1)
			goto err;
		for (i = 0; i < n; i++)
			if (write_kvittens(w, &list[i], 0) == -1)
				goto err;
		if (xmlTextWriterEndElement(w) < 0)
			goto err;
	}
	if (xmlTextWriterEndDocument(w) < 0)
		goto err;
	xmlFreeTextWriter(w);
	w = NULL;
	if (buf_append(out, xmlBufferContent(xb),
	    (size_t)xmlBufferLength(xb)) == -1)
		goto err;
	rc = 0;
err:
	xmlFreeTextWriter(w);
	xmlBufferFree(xb);
	return rc;
}

int
kvittens_write(const struct receipt *r, struct buf *out)
{
	return write_receipts(r, NULL, 0, out);
}

int
kvittenser_write(const struct receipt *list, size_t n, struct buf *out)
{
	return write_receipts(NULL, list, n, out);
}
