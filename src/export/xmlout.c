/* xmlout.c: remissexport XML: the remiss definition, then the stored canonical remissvar of each organisation. */
#include "config.h"

#include <string.h>

#include "core/remiss_def.h"
#include "export/xmlout.h"
#include "xml/xmlw.h"
#include "log.h"
#include "util/arena.h"
#include "util/buf.h"
#include "xml/remiss_write.h"

/* Skips an XML declaration and the white space after it. */
static const char *
skip_decl(const char *s)
{
	const char *e;

	if (strncmp(s, "<?xml", 5) == 0 && (e = strstr(s, "?>")) != NULL)
		s = e + 2;
	while (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t')
		s++;
	return s;
}

static int
put_version(void *ctx, const char *org, const char *xml)
{
	const struct export_sink *out = ctx;

	(void)org;
	if (export_puts(out, skip_decl(xml)) == -1 ||
	    export_put(out, "\n", 1) == -1)
		return -1;
	return 0;
}

static int
xml_begin(void *w, const struct export_head *h)
{
	struct xmlout		*x = w;
	struct arena		*a;
	struct remiss_def	 def;
	struct invitee		*inv;
	struct buf		 b;
	long			 n;
	int			 rc = -1;
	char			*start;

	if ((a = arena_new()) == NULL)
		return -1;
	buf_init(&b, a);
	if (remiss_load(x->db, a, h->slug, &def) != 1 ||
	    (n = remiss_invitees(x->db, a, def.id, &inv)) == -1 ||
	    remiss_xml_write(&def, inv, (size_t)n, &b) == -1 || b.len == 0) {
		log_err("%s: cannot write the definition of %s", __func__,
		    h->slug);
		goto out;
	}
	start = arena_printf(a, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<remissexport xmlns=\"urn:remissvar:1\" skapad=\"%s\">\n",
	    h->created);
	if (start == NULL || export_puts(x->out, start) == -1 ||
	    put_version((void *)x->out, NULL, b.data) == -1)
		goto out;
	rc = 0;
out:
	/* The definition is freed before the remissvar are read. */
	arena_free(a);
	if (rc == 0)
		rc = export_model_versions(x->db, h->remiss_id, put_version,
		    (void *)x->out);
	return rc;
}

/* <dialogmoten>, after the remissvar; nothing when there are none. */
static int
xml_meetings(void *w, const struct export_head *h,
    const struct export_meeting *m, size_t n)
{
	struct xmlout	*x = w;
	struct xmlw	 xw;
	size_t		 i, k;

	(void)h;
	if (n == 0)
		return 0;
	if (export_xmlw_open(&xw, x->out) == -1)
		return -1;
	xmlw_raw(&xw, "  ");
	xmlw_start(&xw, "dialogmoten", (const char *)NULL);
	for (i = 0; i < n; i++) {
		xmlw_raw(&xw, "\n    ");
		xmlw_start(&xw, "dialogmote", "datum", m[i].held_on,
		    (const char *)NULL);
		if (m[i].title[0] != '\0') {
			xmlw_raw(&xw, "\n      ");
			xmlw_elem(&xw, "rubrik", m[i].title, (const char *)NULL);
		}
		if (m[i].place[0] != '\0') {
			xmlw_raw(&xw, "\n      ");
			xmlw_elem(&xw, "plats", m[i].place, (const char *)NULL);
		}
		for (k = 0; k < m[i].norgs; k++) {
			xmlw_raw(&xw, "\n      ");
			xmlw_elem(&xw, "organisation", m[i].orgs[k],
			    (const char *)NULL);
		}
		for (k = 0; k < m[i].nparticipants; k++) {
			xmlw_raw(&xw, "\n      ");
			xmlw_void(&xw, "deltagare", "namn",
			    m[i].participants[k].name, "roll",
			    m[i].participants[k].role[0] != '\0' ?
			    m[i].participants[k].role : NULL,
			    (const char *)NULL);
		}
		for (k = 0; k < m[i].nsections; k++) {
			xmlw_raw(&xw, "\n      ");
			xmlw_void(&xw, "avsnitt", "nr", m[i].section_nrs[k],
			    "rubrik", m[i].section_headings[k],
			    (const char *)NULL);
		}
		for (k = 0; k < m[i].nthemes; k++) {
			xmlw_raw(&xw, "\n      ");
			xmlw_elem(&xw, "tema", m[i].themes[k], (const char *)NULL);
		}
		if (m[i].notes[0] != '\0') {
			xmlw_raw(&xw, "\n      ");
			xmlw_elem(&xw, "anteckningar", m[i].notes,
			    (const char *)NULL);
		}
		xmlw_raw(&xw, "\n    ");
		xmlw_end(&xw);
	}
	xmlw_raw(&xw, "\n  ");
	xmlw_end(&xw);
	xmlw_raw(&xw, "\n");
	return xmlw_close(&xw);
}

static int
xml_end(void *w, const struct export_head *h)
{
	struct xmlout *x = w;

	(void)h;
	return export_puts(x->out, "</remissexport>\n");
}

const struct export_writer xml_export_writer = {
	.begin = xml_begin,
	.meetings = xml_meetings,
	.end = xml_end,
};
