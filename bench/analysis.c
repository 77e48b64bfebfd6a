/* analysis.c: benchmark driver for src/analysis/: generates synthetic Swedish answers and runs one analysis over them. */
#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis/cluster.h"
#include "analysis/neardup.h"
#include "analysis/rng.h"
#include "analysis/tfidf.h"
#include "util/arena.h"
#include "util/numparse.h"

/*
 * Usage:
 *   analysis gen N             N synthetic answers on stdout, one a line:
 *                              "id<TAB>text"; the same N gives the same bytes
 *   analysis keyterms FILE     df over all answers, then the 10 key terms of
 *                              each of 10 sections (answer id mod 10)
 *   analysis cluster FILE      all answers as one section: cluster_docs
 *   analysis neardup FILE      neardup_find over all answers
 * Prints one line of results and the time of the analysis alone.
 */

#define SECTIONS 10

/* Words every answer uses: verbs, adjectives, stop words, officialese. */
static const char *const common[] = {
	"och", "att", "det", "som", "en", "på", "är", "av", "för", "med",
	"till", "den", "har", "de", "inte", "om", "ett", "vi", "kan", "ska",
	"bör", "måste", "anser", "föreslår", "behöver", "innebär", "gäller",
	"utgår", "bedömer", "ser", "positivt", "negativt", "viktigt",
	"tydligt", "rimligt", "nödvändigt", "oklart", "samtidigt", "därför",
	"även", "också", "särskilt", "dock", "kommunen", "regionen",
	"förslaget", "överenskommelsen", "avsnittet", "remissen",
	"verksamheten", "förvaltningen", "nämnden", "yttrandet", "synpunkter",
	"konsekvenser", "ändringar", "möjligheter", "förutsättningar",
	"långsiktigt", "kortsiktigt", "gemensamt", "ansvar", "arbete", "stöd",
};

/* Six subjects, as the answers to a home health care remiss cluster. */
static const char *const topic[6][12] = {
	{ "tröskelprincipen", "tröskeln", "primärvården", "vårdcentralen",
	  "hembesök", "förflyttning", "bedömningen", "patientens", "förmåga",
	  "gränsdragning", "hemsjukvården", "inskrivning" },
	{ "finansieringen", "ersättningen", "kostnaderna", "skatteväxling",
	  "budget", "ekonomiska", "resurser", "kronor", "avgifter",
	  "kostnadsansvar", "medel", "ersättningsnivåer" },
	{ "läkarmedverkan", "läkare", "läkarstöd", "jourläkare", "bemanning",
	  "tillgänglighet", "dygnet", "runt", "läkarbesök", "medicinsk",
	  "ordination", "läkemedel" },
	{ "informationsöverföring", "journalsystem", "digitala", "lösningar",
	  "dokumentation", "sekretess", "samordnad", "individuell", "plan",
	  "vårdplanering", "utskrivning", "överföring" },
	{ "tillfällig", "vistelse", "korttidsboende", "växelvård", "fritidshus",
	  "sommargäster", "folkbokföring", "hemkommun", "vistelsekommun",
	  "turism", "säsong", "åtaganden" },
	{ "kompetensförsörjning", "sjuksköterskor", "undersköterskor",
	  "rekrytering", "utbildning", "fortbildning", "arbetsmiljö",
	  "personal", "bristyrken", "specialistsjuksköterskor", "handledning",
	  "kompetens" },
};

/* Syllables of rare made-up compounds, so the vocabulary keeps growing. */
static const char *const syl[] = {
	"vård", "hem", "sjuk", "kommun", "region", "plan", "ansvar", "tid",
	"stöd", "hälso", "omsorg", "äldre", "boende", "samverkan", "rutin",
	"avtal", "lag", "styr", "uppföljning", "kvalitet", "säkerhet", "ö",
	"å", "skäl", "ärende",
};

static const char *const place[] = {
	"Härnösand", "Öckerö", "Ängelholm", "Älmhult", "Åre", "Håbo", "Höör",
	"Sölvesborg", "Västerås", "Göteborg", "Malmö", "Luleå", "Umeå",
	"Jönköping", "Växjö", "Örebro", "Borås", "Trollhättan", "Östersund",
	"Skövde", "Halmstad", "Laholm", "Hylte", "Falkenberg", "Varberg",
	"Kungsbacka",
};

#define NITEMS(v) (sizeof(v) / sizeof((v)[0]))

/* Appends one word (capitalised at a sentence start) to buf at *len. */
static void
put_word(char *buf, size_t *len, const char *w, int capital)
{
	size_t n = strlen(w);

	if (*len > 0)
		buf[(*len)++] = ' ';
	memcpy(buf + *len, w, n);
	if (capital && (unsigned char)w[0] < 0x80 && w[0] >= 'a' && w[0] <= 'z')
		buf[*len] = (char)(w[0] - 32);
	*len += n;
}

/* A made-up compound of two or three syllables into w. */
static const char *
rare(uint64_t *st, char *w, size_t wsz)
{
	size_t n = 2 + rng_next(st) % 2, i;

	w[0] = '\0';
	for (i = 0; i < n; i++) {
		strncat(w, syl[rng_next(st) % NITEMS(syl)], wsz - strlen(w) - 1);
		if (i + 1 < n && rng_next(st) % 3 == 0)
			strncat(w, "s", wsz - strlen(w) - 1);
	}
	return w;
}

/* One ordinary answer of 20-80 words, mostly about one subject: usually
 * the subject of its section (id mod SECTIONS), as in a real remiss. */
static size_t
answer(uint64_t *st, size_t id, char *buf)
{
	size_t		 len = 0, nw = 20 + rng_next(st) % 61, i, t, since = 0;
	unsigned	 r;
	const char	*w;
	char		 rw[64];

	t = rng_next(st) % 10 < 7 ? id % SECTIONS % 6 : rng_next(st) % 6;
	for (i = 0; i < nw; i++) {
		r = (unsigned)(rng_next(st) % 100);
		if (r < 55)
			w = common[rng_next(st) % NITEMS(common)];
		else if (r < 87)
			w = topic[t][rng_next(st) % 12];
		else if (r < 95)
			w = topic[rng_next(st) % 6][rng_next(st) % 12];
		else
			w = rare(st, rw, sizeof(rw));
		put_word(buf, &len, w, since == 0);
		if (++since >= 8 && rng_next(st) % 4 == 0) {
			buf[len++] = '.';
			since = 0;
		}
	}
	buf[len++] = '.';
	return len;
}

/* A campaign letter: template tpl (made once from its own seed) with the
 * sender's name and about two other words changed. */
static size_t
letter(uint64_t *st, unsigned tpl, char *buf)
{
	uint64_t	 ts = 0xC0FFEE00u + tpl;
	size_t		 len = 0, i, nw = 60, change1, change2;
	const char	*name = place[rng_next(st) % NITEMS(place)], *w;
	char		 rw[64];

	change1 = 5 + rng_next(st) % 50;
	change2 = 5 + rng_next(st) % 50;
	put_word(buf, &len, "Från", 1);
	put_word(buf, &len, name, 0);
	put_word(buf, &len, "kommun:", 0);
	for (i = 0; i < nw; i++) {
		if (i % 3 == 0)
			w = topic[(tpl + i / 20) % 6][rng_next(&ts) % 12];
		else if (i % 7 == 0)
			w = rare(&ts, rw, sizeof(rw));
		else
			w = common[rng_next(&ts) % NITEMS(common)];
		if (i == change1 || i == change2)
			w = common[rng_next(st) % NITEMS(common)];
		put_word(buf, &len, w, i == 0);
	}
	put_word(buf, &len, "Med", 0);
	put_word(buf, &len, "vänlig", 0);
	put_word(buf, &len, "hälsning,", 0);
	put_word(buf, &len, name, 0);
	buf[len++] = '.';
	return len;
}

static int
gen(size_t n)
{
	uint64_t	st = 0x62656E6368ULL;	/* "bench" */
	char		buf[4096];
	size_t		i, len;

	for (i = 0; i < n; i++) {
		/* One answer in ten is a campaign letter, of three kinds. */
		if (rng_next(&st) % 10 == 0)
			len = letter(&st, (unsigned)(rng_next(&st) % 3), buf);
		else
			len = answer(&st, i + 1, buf);
		printf("%zu\t%.*s\n", i + 1, (int)len, buf);
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

/* Reads FILE into docs (texts point into the returned buffer). */
static char *
load(const char *path, struct doc **docs, size_t *n)
{
	FILE	*f;
	char	*data = NULL, *p, *end, *tab, *nl;
	size_t	 len = 0, cap = 0, r, nd = 0, i;
	size_t	 id;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap == 0 ? 1 << 20 : cap * 2;
			if ((p = realloc(data, cap)) == NULL)
				goto err;
			data = p;
		}
		if ((r = fread(data + len, 1, cap - len, f)) == 0)
			break;
		len += r;
	}
	if (ferror(f))
		goto err;
	fclose(f);
	f = NULL;
	for (i = 0; i < len; i++)
		nd += data[i] == '\n';
	if ((*docs = calloc(nd + 1, sizeof(**docs))) == NULL)
		goto err;
	for (p = data, end = data + len, *n = 0; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		if ((tab = memchr(p, '\t', (size_t)(nl - p))) == NULL)
			continue;
		if (parse_size(p, (size_t)(tab - p), INT64_MAX, &id) != 0)
			continue;
		(*docs)[*n].id = (int64_t)id;
		(*docs)[*n].text = tab + 1;
		(*docs)[*n].len = (size_t)(nl - tab - 1);
		(*n)++;
	}
	return data;
err:
	if (f != NULL)
		fclose(f);
	free(data);
	fprintf(stderr, "%s: cannot read\n", path);
	return NULL;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void);

static int
keyterms(struct arena *a, const struct doc *docs, size_t n)
{
	struct df_table	*df;
	struct doc	*sec;
	struct keyterm	*kt;
	size_t		 i, s, ns, nk;
	double		 t0 = now();

	if ((df = df_table_new()) == NULL ||
	    (sec = calloc(n + 1, sizeof(*sec))) == NULL)
		return 1;
	for (i = 0; i < n; i++)
		if (df_table_add(df, docs[i].text, docs[i].len) == -1)
			return 1;
	printf("df over %zu answers: %.3f s\n", n, now() - t0);
	for (s = 0; s < SECTIONS; s++) {
		for (ns = 0, i = 0; i < n; i++)
			if ((uint64_t)docs[i].id % SECTIONS == s)
				sec[ns++] = docs[i];
		if (tfidf_keyterms(a, sec, ns, df, 10, &kt, &nk) == -1)
			return 1;
		if (s == 0) {
			printf("section 0 (%zu answers):", ns);
			for (i = 0; i < nk; i++)
				printf(" %s", kt[i].display);
			printf("\n");
		}
	}
	free(sec);
	df_table_free(df);
	return 0;
}

static int
cluster(struct arena *a, const struct doc *docs, size_t n)
{
	struct clustering	c;
	size_t			i, j;

	if (cluster_docs(a, docs, n, NULL, NULL, &c) == -1)
		return 1;
	printf("%zu groups, silhouette %.3f, %zu without terms\n", c.n,
	    c.silhouette, c.nunclustered);
	for (i = 0; i < c.n; i++) {
		printf("  %zu answers:", c.clusters[i].n);
		for (j = 0; j < c.clusters[i].nterms && j < 4; j++)
			printf(" %s", c.clusters[i].terms[j].display);
		printf("\n");
	}
	return 0;
}

static int
neardup(struct arena *a, const struct doc *docs, size_t n)
{
	struct neardup_result	r;
	size_t			i, in = 0;

	if (neardup_find(a, docs, n, NULL, &r) == -1)
		return 1;
	for (i = 0; i < r.ngroups; i++)
		in += r.groups[i].n;
	printf("%zu groups holding %zu answers, %zu pairs\n", r.ngroups, in,
	    r.npairs);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct arena	*a;
	struct doc	*docs = NULL;
	char		*data;
	size_t		 n = 0;
	size_t		 un;
	double		 t0;
	int		 rc;

	if (argc == 3 && strcmp(argv[1], "gen") == 0) {
		if (parse_size(argv[2], (size_t)-1, 10000000, &un) != 0) {
			fprintf(stderr, "gen: N from 0 to 10000000\n");
			return 2;
		}
		return gen(un);
	}
	if (argc != 3 || (strcmp(argv[1], "keyterms") != 0 &&
	    strcmp(argv[1], "cluster") != 0 && strcmp(argv[1], "neardup") != 0)) {
		fprintf(stderr, "usage: analysis gen N | keyterms|cluster|neardup FILE\n");
		return 2;
	}
	if ((data = load(argv[2], &docs, &n)) == NULL || (a = arena_new()) == NULL)
		return 1;
	t0 = now();
	if (strcmp(argv[1], "keyterms") == 0)
		rc = keyterms(a, docs, n);
	else if (strcmp(argv[1], "cluster") == 0)
		rc = cluster(a, docs, n);
	else
		rc = neardup(a, docs, n);
	printf("%s of %zu answers: %.3f s\n", argv[1], n, now() - t0);
	arena_free(a);
	free(docs);
	free(data);
	return rc;
}
