/* reader_measure.c: runs reader_match on one extracted text against a remiss XML and compares it with the truth written for that document. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/response_doc.h"
#include "reader/match.h"
#include "util/arena.h"
#include "xml/safe.h"

/*
 * Usage: reader_measure REMISS.xml TEXT [TRUTH]
 *
 * Without TRUTH prints what the matcher proposes (READER_FULL set in the
 * environment: whole comments). With TRUTH (lines
 * "overall: POS", "diarienummer: …", "beslutsinstans: …", "beslutsdatum:
 * YYYY-MM-DD", and "NR: POS" for each section the document answers, POS a
 * position code or "none") prints one line
 *   RESULT truth=T proposed=P assigned=A positions=C overall=0|1 letterhead=L
 * T sections answered in truth, P proposed, A proposed and answered, C of
 * the T with the right position, L of the 3 letterhead fields right; and a
 * line "MISS …" for each difference. Exit 0, or 2 on bad input.
 */

#define MAX_TARGETS	200
#define MAX_FILE	(8u * 1024u * 1024u)

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;
	size_t	 n;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "reader_measure: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if ((buf = malloc(MAX_FILE + 1)) == NULL) {
		fclose(f);
		return NULL;
	}
	n = fread(buf, 1, MAX_FILE, f);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static const char *
own_text(struct arena *a, xmlNode *n)
{
	xmlNode	*c;
	size_t	 len = 0;
	char	*s;

	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			len += strlen((const char *)c->content);
	if ((s = arena_alloc(a, len + 1)) == NULL)
		return NULL;
	s[0] = '\0';
	for (c = n->children; c != NULL; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			strcat(s, (const char *)c->content);
	return s;
}

static const char *
attr(struct arena *a, xmlNode *n, const char *name)
{
	xmlChar		*v = xmlGetProp(n, (const xmlChar *)name);
	const char	*s;

	if (v == NULL)
		return NULL;
	s = arena_strdup(a, (const char *)v);
	xmlFree(v);
	return s;
}

/* Reads the sections and questions of the remiss into t; returns their
 * number or -1. */
static long
read_targets(struct arena *a, const char *path, struct reader_target *t)
{
	xmlDocPtr	 doc;
	xmlNode		*root, *n, *q;
	char		*buf;
	size_t		 len, nt = 0;
	const char	*nr;

	if ((buf = slurp(path, &len)) == NULL)
		return -1;
	doc = xml_safe_parse(buf, len, path, NULL);
	free(buf);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		fprintf(stderr, "reader_measure: %s: not XML\n", path);
		return -1;
	}
	for (n = root->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "avsnitt") != 0)
			continue;
		if (nt >= MAX_TARGETS)
			break;
		nr = attr(a, n, "nr");
		t[nt].section_nr = nr;
		t[nt].heading = attr(a, n, "rubrik");
		t[nt].body = own_text(a, n);
		nt++;
		for (q = n->children; q != NULL; q = q->next) {
			if (q->type != XML_ELEMENT_NODE ||
			    strcmp((const char *)q->name, "fraga") != 0 ||
			    nt >= MAX_TARGETS)
				continue;
			t[nt].section_nr = nr;
			t[nt].question_id = attr(a, q, "id");
			t[nt].question_text = own_text(a, q);
			nt++;
		}
	}
	xmlFreeDoc(doc);
	return (long)nt;
}

static const char *
pos_name(enum position p)
{
	return p == POS_NONE ? "none" : position_code(p);
}

static void
show(const char *text, const struct reader_target *t,
    const struct reader_result *r)
{
	size_t	 i;

	printf("overall: %s", pos_name(r->overall));
	if (r->overall_cue.end > r->overall_cue.start)
		printf(" [%.*s]", (int)(r->overall_cue.end -
		    r->overall_cue.start), text + r->overall_cue.start);
	printf("\ndiarienummer: %s\nbeslutsinstans: %s\nbeslutsdatum: %s\n",
	    r->diarienummer ? r->diarienummer : "-",
	    r->decision_body ? r->decision_body : "-",
	    r->decision_date ? r->decision_date : "-");
	printf("summary: %.100s\n", r->summary ? r->summary : "-");
	for (i = 0; i < r->nanswers; i++) {
		const struct reader_answer	*a = &r->answers[i];

		printf("%s%s%s: %s (%d)", t[a->target].section_nr ?
		    t[a->target].section_nr : "", t[a->target].question_id ?
		    " " : "", t[a->target].question_id ?
		    t[a->target].question_id : "", pos_name(a->position),
		    a->confidence);
		if (a->cue.end > a->cue.start)
			printf(" [%.*s]", (int)(a->cue.end - a->cue.start),
			    text + a->cue.start);
		printf(getenv("READER_FULL") ? "\n%s\n" : " %.90s\n",
		    a->comment ? a->comment : "-");
	}
}

/* Trims a truth line's value in place. */
static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\r' ||
	    e[-1] == '\t'))
		*--e = '\0';
	return s;
}

static bool
same(const char *want, const char *got)
{
	return got != NULL && strcmp(want, got) == 0;
}

static int
compare(const char *truthpath, const struct reader_target *t, size_t nt,
    const struct reader_result *r)
{
	FILE		*f;
	char		 line[512], *k, *v;
	enum position	 want[MAX_TARGETS];
	bool		 answered[MAX_TARGETS] = { false }, proposed[MAX_TARGETS] =
	    { false };
	enum position	 got[MAX_TARGETS];
	size_t		 i, ntruth = 0, nprop = 0, hit = 0, posok = 0, lh = 0;
	int		 overall_ok = 0;

	if ((f = fopen(truthpath, "r")) == NULL) {
		fprintf(stderr, "reader_measure: %s: %s\n", truthpath,
		    strerror(errno));
		return 2;
	}
	for (i = 0; i < r->nanswers; i++) {
		proposed[r->answers[i].target] = true;
		got[r->answers[i].target] = r->answers[i].position;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		if (line[0] == '#' || (v = strchr(line, ':')) == NULL)
			continue;
		*v++ = '\0';
		k = trim(line);
		v = trim(v);
		if (strcmp(k, "overall") == 0) {
			overall_ok = strcmp(v, pos_name(r->overall)) == 0;
			if (!overall_ok)
				printf("MISS overall: want %s got %s\n", v,
				    pos_name(r->overall));
		} else if (strcmp(k, "diarienummer") == 0 ||
		    strcmp(k, "beslutsinstans") == 0 ||
		    strcmp(k, "beslutsdatum") == 0) {
			const char *g = k[0] == 'd' ? r->diarienummer :
			    strcmp(k, "beslutsinstans") == 0 ? r->decision_body :
			    r->decision_date;

			if (same(v, g))
				lh++;
			else
				printf("MISS %s: want %s got %s\n", k, v,
				    g ? g : "-");
		} else {
			for (i = 0; i < nt; i++)
				if (t[i].question_id == NULL &&
				    t[i].section_nr != NULL &&
				    strcmp(t[i].section_nr, k) == 0)
					break;
				else if (t[i].question_id != NULL &&
				    strcmp(t[i].question_id, k) == 0)
					break;
			if (i == nt) {
				fprintf(stderr, "reader_measure: %s: no target"
				    " %s\n", truthpath, k);
				fclose(f);
				return 2;
			}
			answered[i] = true;
			want[i] = strcmp(v, "none") == 0 ? POS_NONE :
			    position_parse(v);
		}
	}
	fclose(f);
	for (i = 0; i < nt; i++) {
		ntruth += answered[i];
		nprop += proposed[i];
		if (answered[i] && proposed[i])
			hit++;
		if (answered[i] && proposed[i] && got[i] == want[i])
			posok++;
		if (answered[i] != proposed[i] || (answered[i] &&
		    got[i] != want[i]))
			printf("MISS %s%s: want %s got %s\n", t[i].question_id ?
			    t[i].question_id : t[i].section_nr, "",
			    answered[i] ? pos_name(want[i]) : "(unanswered)",
			    proposed[i] ? pos_name(got[i]) : "(unanswered)");
	}
	printf("RESULT truth=%zu proposed=%zu assigned=%zu positions=%zu "
	    "overall=%d letterhead=%zu\n", ntruth, nprop, hit, posok,
	    overall_ok, lh);
	return 0;
}

int
main(int argc, char **argv)
{
	struct reader_target	 t[MAX_TARGETS];
	struct reader_result	 r;
	struct arena		*a;
	char			*text;
	size_t			 len;
	long			 nt;
	int			 rc = 2;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: reader_measure REMISS.xml TEXT [TRUTH]\n");
		return 2;
	}
	xml_safe_init();
	memset(t, 0, sizeof(t));
	if ((a = arena_new()) == NULL)
		return 2;
	if ((nt = read_targets(a, argv[1], t)) < 0 ||
	    (text = slurp(argv[2], &len)) == NULL)
		goto out;
	if (reader_match(a, text, len, t, (size_t)nt, &r) != 0) {
		fprintf(stderr, "reader_measure: out of memory\n");
		free(text);
		goto out;
	}
	if (argc == 3) {
		show(text, t, &r);
		rc = 0;
	} else
		rc = compare(argv[3], t, (size_t)nt, &r);
	free(text);
out:
	arena_free(a);
	return rc;
}
