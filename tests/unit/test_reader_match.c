/* test_reader_match.c: the matcher finds which passages answer which section (numbers, headings, free prose), the position each states with negation, the letterhead, and stays inside hostile text. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/response_doc.h"
#include "http/utf8.h"
#include "reader/match.h"
#include "util/arena.h"

/* The sections of a remiss on hemsjukvård, and a question to 3.3. */
static const struct reader_target targets[] = {
	{ "1", "Syfte och utgångspunkter", "Överenskommelsen ska ge "
	    "invånaren en personcentrerad, sammanhållen och nära vård i "
	    "hemmet.", NULL, NULL },
	{ "2", "Målgrupp", "Överenskommelsen omfattar personer i ordinärt "
	    "boende som har behov av hälso- och sjukvård i hemmet.", NULL, NULL },
	{ "3.1", "Kommunens ansvar", "Kommunen ansvarar för hälso- och "
	    "sjukvård i hemmet upp till och med sjuksköterskenivå.", NULL, NULL },
	{ "3.2", "Regionens ansvar", "Regionen ansvarar för läkarinsatser och "
	    "för specialiserad vård.", NULL, NULL },
	{ "3.3", "Tröskelprincipen", "Den som inte klarar att ta sig till "
	    "vårdcentral utan större svårighet ska få sin vård i hemmet.",
	    NULL, NULL },
	{ "3.3", NULL, NULL, "q1", "Hur tolkar vi tröskelprincipen i "
	    "praktiken?" },
	{ "6", "Finansiering", "Regionen ersätter kommunerna för den del av "
	    "hemsjukvården som överlämnas enligt denna överenskommelse.",
	    NULL, NULL },
};
#define NT	(sizeof(targets) / sizeof(targets[0]))
enum { T1, T2, T31, T32, T33, TQ1, T6 };

struct run {
	struct arena		*a;
	char			*text;	/* exactly len bytes, no NUL after */
	size_t			 len;
	struct reader_result	 r;
};

/* Runs the matcher on s copied into a buffer of exactly its length, so
 * that reading one byte past it is caught by the address sanitizer. */
static void
run(struct run *x, const char *s)
{
	x->len = strlen(s);
	x->text = malloc(x->len ? x->len : 1);
	assert_non_null(x->text);
	memcpy(x->text, s, x->len);
	assert_non_null(x->a = arena_new());
	assert_int_equal(reader_match(x->a, x->text, x->len, targets, NT,
	    &x->r), 0);
}

static void
done(struct run *x)
{
	arena_free(x->a);
	free(x->text);
}

/* The answer to target t, or NULL. */
static const struct reader_answer *
answer(const struct run *x, size_t t)
{
	size_t	 i;

	for (i = 0; i < x->r.nanswers; i++)
		if (x->r.answers[i].target == t)
			return &x->r.answers[i];
	return NULL;
}

/* True if the span's text equals s. */
static bool
span_is(const struct run *x, struct reader_span sp, const char *s)
{
	return sp.end >= sp.start && sp.end <= x->len &&
	    sp.end - sp.start == strlen(s) &&
	    memcmp(x->text + sp.start, s, sp.end - sp.start) == 0;
}

static void
answers_in_order_and_inside(const struct run *x)
{
	size_t	 i;

	for (i = 0; i < x->r.nanswers; i++) {
		const struct reader_answer	*a = &x->r.answers[i];

		assert_true(a->target < NT);
		if (i > 0)
			assert_true(a->target > x->r.answers[i - 1].target);
		assert_true(a->passage.start <= a->passage.end);
		assert_true(a->passage.end <= x->len);
		assert_true(a->cue.start <= a->cue.end && a->cue.end <= x->len);
		assert_true(a->confidence >= 0 && a->confidence <= 100);
	}
}

static const char protocol[] =
    "Protokollsutdrag\n"
    "Kommunstyrelsen\n"
    "Sammanträdesdatum 2024-05-14\n\n"
    "Dnr KS 2024/123\n\n"
    "§ 87 Yttrande över remiss om hemsjukvård\n\n"
    "Beslut\n\n"
    "Kommunstyrelsen beslutar att ställa sig bakom förslaget med följande "
    "synpunkter.\n\n"
    "Sammanfattning\n\n"
    "Kommunen är positiv till överenskommelsen men vill att "
    "finansieringen ses över.\n\n"
    "1 Syfte och utgångspunkter\n\n"
    "Kommunen instämmer i syftet.\n\n"
    "3.1 Kommunens ansvar\n\n"
    "Kommunen tillstyrker förslaget men vill förtydliga gränsen mot\n"
    "regionens ansvar.\n\n"
    "3.3 Tröskelprincipen\n\n"
    "Kommunen kan inte ställa sig bakom tröskelprincipen i sin\n"
    "nuvarande form.\n"
    "\f\n"
    "2 (3)\n\n"
    "6. Finansiering\n\n"
    "Kommunen har inga synpunkter.\n\n"
    "Expedieras till\n"
    "Region Halland\n";

/* Numbered headings that follow the remiss: each passage to its section,
 * the heading line left out of the comment, the summary and the decision
 * kept apart from the sections. */
static void
numbered_headings_assign_sections(void **state)
{
	struct run			 x;
	const struct reader_answer	*a;

	(void)state;
	run(&x, protocol);
	answers_in_order_and_inside(&x);
	assert_int_equal(x.r.nanswers, 4);
	assert_non_null(a = answer(&x, T1));
	assert_int_equal(a->position, POS_TILLSTYRKER);
	assert_string_equal(a->comment, "Kommunen instämmer i syftet.");
	assert_true(a->confidence >= 80);
	assert_non_null(a = answer(&x, T31));
	assert_int_equal(a->position, POS_TILLSTYRKER_MED_ANDRINGAR);
	/* Lines of a paragraph joined with a space. */
	assert_string_equal(a->comment, "Kommunen tillstyrker förslaget men "
	    "vill förtydliga gränsen mot regionens ansvar.");
	assert_true(span_is(&x, a->cue, "tillstyrker förslaget men"));
	assert_true(x.text[a->passage.start] == '3');
	assert_non_null(a = answer(&x, T33));
	assert_int_equal(a->position, POS_AVSTYRKER);
	/* The page break and the page number are not in the comment. */
	assert_string_equal(a->comment, "Kommunen kan inte ställa sig bakom "
	    "tröskelprincipen i sin nuvarande form.");
	assert_non_null(a = answer(&x, T6));
	assert_int_equal(a->position, POS_INGA_SYNPUNKTER);
	/* "Expedieras till" ends the last passage. */
	assert_string_equal(a->comment, "Kommunen har inga synpunkter.");
	assert_null(answer(&x, T2));
	assert_null(answer(&x, T32));
	assert_null(answer(&x, TQ1));
	assert_string_equal(x.r.summary, "Kommunen är positiv till "
	    "överenskommelsen men vill att finansieringen ses över.");
	assert_int_equal(x.r.overall, POS_TILLSTYRKER_MED_ANDRINGAR);
	assert_true(span_is(&x, x.r.overall_cue,
	    "ställa sig bakom förslaget med följande synpunkter"));
	done(&x);
}

/* "Avsnitt 3.2", "Punkt 3.1 och 3.2", "Fråga 1": prefixed numbers, one
 * passage for two sections, a question by its number. */
static void
prefixed_numbers_and_questions(void **state)
{
	struct run			 x;
	const struct reader_answer	*a, *b;

	(void)state;
	run(&x, "Yttrande\n\n"
	    "Punkt 3.1 och 3.2\n\n"
	    "Ansvarsfördelningen är tydlig. Nämnden tillstyrker.\n\n"
	    "Avsnitt 6: Nämnden avstyrker finansieringsmodellen.\n\n"
	    "Fråga 1\n\n"
	    "Tröskelprincipen tolkas olika i länet.\n");
	answers_in_order_and_inside(&x);
	assert_non_null(a = answer(&x, T31));
	assert_non_null(b = answer(&x, T32));
	assert_int_equal(a->passage.start, b->passage.start);
	assert_int_equal(a->position, POS_TILLSTYRKER);
	assert_int_equal(b->position, POS_TILLSTYRKER);
	assert_non_null(a = answer(&x, T6));
	assert_int_equal(a->position, POS_AVSTYRKER);
	/* On the heading's own line, the comment starts after the number. */
	assert_string_equal(a->comment, "Nämnden avstyrker "
	    "finansieringsmodellen.");
	assert_non_null(a = answer(&x, TQ1));
	assert_int_equal(a->position, POS_NONE);
	assert_string_equal(a->comment, "Tröskelprincipen tolkas olika i "
	    "länet.");
	assert_null(answer(&x, T33));
	done(&x);
}

/* Headings without numbers, written a bit differently (inflected, a word
 * left out, capitals), and the response's own numbering. */
static void
headings_without_numbers(void **state)
{
	struct run			 x;
	const struct reader_answer	*a;

	(void)state;
	run(&x, "KOMMUNENS ANSVAR\n\n"
	    "Kommunen ställer sig bakom förslaget.\n\n"
	    "Regionens  ansvar\n\n"
	    "Regionen bör ta ett större ansvar. Kommunen tillstyrker med "
	    "ändringar.\n\n"
	    "2. Tröskelprincip\n\n"
	    "Kommunen avstyrker.\n\n"
	    "Syftet och utgångspunkten\n\n"
	    "Kommunen är positiv till syftet.\n");
	answers_in_order_and_inside(&x);
	assert_int_equal(x.r.nanswers, 4);
	assert_int_equal(answer(&x, T31)->position, POS_TILLSTYRKER);
	assert_int_equal(answer(&x, T32)->position,
	    POS_TILLSTYRKER_MED_ANDRINGAR);
	/* "2." is the response's own number: the heading decides. */
	assert_non_null(a = answer(&x, T33));
	assert_int_equal(a->position, POS_AVSTYRKER);
	assert_null(answer(&x, T2));
	assert_int_equal(answer(&x, T1)->position, POS_TILLSTYRKER);
	done(&x);
}

/* Free prose: passages found by heading words, mentions ("kapitel 6") and
 * quotations of the proposal, with low confidence; heading words other
 * sections share ("Kommunens ansvar") are everyday prose and start no
 * passage; the letterhead and the signature go to no section. */
static void
free_prose_low_confidence(void **state)
{
	struct run			 x;
	const struct reader_answer	*a;
	size_t				 i;

	(void)state;
	run(&x, "Socialnämnden\n2024-05-20\n\n"
	    "Yttrande över förslag till överenskommelse om hemsjukvård\n\n"
	    "Socialnämnden har tagit del av förslaget och lämnar följande "
	    "yttrande.\n\n"
	    "När det gäller tröskelprincipen kan nämnden inte tillstyrka "
	    "förslaget. Det är oklart vad som menas med större svårighet.\n\n"
	    "Att den som inte klarar att ta sig till vårdcentral ska få vården "
	    "hemma är ändå rimligt. Kommunens ansvar är redan stort.\n\n"
	    "Nämnden avstyrker vad som sägs i kapitel 6 eftersom ersättningen "
	    "är för låg.\n\n"
	    "Anna Svensson\nSocialnämndens ordförande\n");
	answers_in_order_and_inside(&x);
	for (i = 0; i < x.r.nanswers; i++)
		assert_true(x.r.answers[i].confidence <= 50);
	assert_non_null(a = answer(&x, T33));
	assert_int_equal(a->position, POS_AVSTYRKER);
	/* The quotation continues the same passage. */
	assert_non_null(strstr(a->comment, "större svårighet"));
	assert_non_null(a = answer(&x, T6));
	assert_int_equal(a->position, POS_AVSTYRKER);
	/* The signature is not part of it. */
	assert_null(strstr(a->comment, "Anna Svensson"));
	assert_null(strstr(a->comment, "ordförande"));
	assert_null(answer(&x, T31));
	assert_null(answer(&x, T2));
	assert_string_equal(x.r.decision_body, "Socialnämnden");
	assert_string_equal(x.r.decision_date, "2024-05-20");
	done(&x);
}

/* A quotation of the proposal's text finds its section when nothing else
 * names it; the words around the quotation do not matter. */
static void
quotation_finds_section(void **state)
{
	struct run			 x;
	const struct reader_answer	*a;

	(void)state;
	run(&x, "Yttrande\n\n"
	    "Kommunen har läst förslaget noga.\n\n"
	    "I förslaget står att ”regionen ersätter kommunerna för den del av "
	    "hemsjukvården som överlämnas”. Det kan kommunen inte ställa sig "
	    "bakom.\n");
	assert_int_equal(x.r.nanswers, 1);
	assert_non_null(a = answer(&x, T6));
	assert_int_equal(a->position, POS_AVSTYRKER);
	assert_true(a->confidence <= 50);
	assert_true(strncmp(x.text + a->passage.start, "I förslaget", 11) == 0);
	done(&x);
}

struct phrase {
	const char	*sentence;
	enum position	 want;
	const char	*cue;		/* NULL: not checked */
};

/* Each position phrase, its negations and qualifiers, in one section. */
static void
position_phrases(void **state)
{
	static const struct phrase ph[] = {
		{ "Kommunen tillstyrker förslaget.", POS_TILLSTYRKER,
		    "tillstyrker" },
		{ "Nämnden ställer sig positiv till förslaget.",
		    POS_TILLSTYRKER, "ställer sig positiv" },
		{ "Vi ställer oss positiva till förslaget.", POS_TILLSTYRKER,
		    "ställer oss positiva" },
		{ "Kommunen instämmer i förslaget.", POS_TILLSTYRKER,
		    "instämmer" },
		{ "Kommunen ställer sig bakom förslaget.", POS_TILLSTYRKER,
		    "ställer sig bakom" },
		{ "Kommunen ställer sig helt bakom förslaget.",
		    POS_TILLSTYRKER, "ställer sig helt bakom" },
		{ "Kommunen tillstyrker med ändringar.",
		    POS_TILLSTYRKER_MED_ANDRINGAR, "tillstyrker med ändringar" },
		{ "Kommunen tillstyrker förslaget men vill se en tydligare "
		    "gräns.", POS_TILLSTYRKER_MED_ANDRINGAR,
		    "tillstyrker förslaget men" },
		{ "Kommunen ställer sig bakom förslaget men anser att det "
		    "behöver förtydligas.", POS_TILLSTYRKER_MED_ANDRINGAR, NULL },
		{ "Kommunen ställer sig bakom förslaget med följande "
		    "synpunkter:", POS_TILLSTYRKER_MED_ANDRINGAR,
		    "ställer sig bakom förslaget med följande synpunkter" },
		{ "Kommunen tillstyrker med reservation för finansieringen.",
		    POS_TILLSTYRKER_MED_ANDRINGAR, NULL },
		{ "Kommunen ställer sig i huvudsak bakom förslaget.",
		    POS_TILLSTYRKER_MED_ANDRINGAR, NULL },
		{ "Kommunen tillstyrker under förutsättning att regionen "
		    "betalar.", POS_TILLSTYRKER_MED_ANDRINGAR, NULL },
		{ "Kommunen tillstyrker förslaget. Kommunen vill dock att "
		    "gränsen förtydligas.", POS_TILLSTYRKER_MED_ANDRINGAR,
		    "tillstyrker" },
		{ "Kommunen avstyrker förslaget.", POS_AVSTYRKER, "avstyrker" },
		{ "Kommunen motsätter sig förslaget.", POS_AVSTYRKER,
		    "motsätter sig" },
		{ "Kommunen kan inte ställa sig bakom förslaget.",
		    POS_AVSTYRKER, "ställa sig bakom" },
		{ "Kommunen ställer sig inte bakom förslaget.", POS_AVSTYRKER,
		    "ställer sig inte bakom" },
		{ "Kommunen tillstyrker inte förslaget.", POS_AVSTYRKER,
		    "tillstyrker" },
		{ "Kommunen tillstyrker därför inte förslaget.", POS_AVSTYRKER,
		    NULL },
		{ "Kommunen kan ej tillstyrka förslaget.", POS_AVSTYRKER,
		    "tillstyrka" },
		{ "Kommunen är negativ till förslaget.", POS_AVSTYRKER, NULL },
		{ "Kommunen instämmer i att vården är viktig men avstyrker "
		    "förslaget.", POS_AVSTYRKER, "avstyrker" },
		{ "Kommunen har inga synpunkter.", POS_INGA_SYNPUNKTER,
		    "inga synpunkter" },
		{ "Inga synpunkter.", POS_INGA_SYNPUNKTER, "Inga synpunkter" },
		{ "Kommunen har inte några synpunkter på avsnittet.",
		    POS_INGA_SYNPUNKTER, "inte några synpunkter" },
		{ "Kommunen avstår från att yttra sig.", POS_INGA_SYNPUNKTER,
		    "avstår från att yttra" },
		{ "Kommunen tillstyrker och har inga ytterligare synpunkter.",
		    POS_TILLSTYRKER, "tillstyrker" },
		{ "Kommunen har inte bara läst förslaget utan tillstyrker "
		    "det.", POS_TILLSTYRKER, "tillstyrker" },
		{ "Kommunen har läst förslaget och återkommer.", POS_NONE,
		    NULL },
	};
	char		 buf[512];
	struct run	 x;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(ph) / sizeof(ph[0]); i++) {
		const struct reader_answer	*a;

		snprintf(buf, sizeof(buf), "3.3 Tröskelprincipen\n\n%s\n\n"
		    "6 Finansiering\n\nText.\n", ph[i].sentence);
		run(&x, buf);
		a = answer(&x, T33);
		if (a == NULL || a->position != ph[i].want)
			fail_msg("\"%s\": want %d, got %d", ph[i].sentence,
			    (int)ph[i].want, a ? (int)a->position : -1);
		if (ph[i].cue != NULL && !span_is(&x, a->cue, ph[i].cue))
			fail_msg("\"%s\": cue \"%.*s\"", ph[i].sentence,
			    (int)(a->cue.end - a->cue.start),
			    x.text + a->cue.start);
		if (ph[i].want == POS_NONE)
			assert_int_equal(a->cue.end, 0);
		done(&x);
	}
}

/* The letterhead: diarienummer (not the sender's), the deciding body from
 * the decision sentence, the date of the decision in either form. */
static void
letterhead_fields(void **state)
{
	struct run	 x;

	(void)state;
	run(&x, "Ert dnr RS 2024/0412\n"
	    "Diarienummer: SN 2024/45\n"
	    "Sista svarsdag 2024-05-30\n\n"
	    "Vård- och omsorgsnämnden beslutade vid sitt sammanträde den "
	    "22 maj 2024 att tillstyrka förslaget.\n");
	assert_string_equal(x.r.diarienummer, "SN 2024/45");
	assert_string_equal(x.r.decision_body, "Vård- och omsorgsnämnden");
	assert_string_equal(x.r.decision_date, "2024-05-22");
	assert_int_equal(x.r.overall, POS_TILLSTYRKER);
	done(&x);

	run(&x, "Protokoll\nKommunstyrelsens arbetsutskott\n"
	    "Dnr KS 2024/123\nDatum 2024-02-30\n\n"
	    "Förvaltningen föreslår att kommunstyrelsens arbetsutskott "
	    "beslutar att avstyrka förslaget.\n");
	assert_string_equal(x.r.diarienummer, "KS 2024/123");
	assert_string_equal(x.r.decision_body, "Kommunstyrelsens arbetsutskott");
	/* 30 February is no date. */
	assert_null(x.r.decision_date);
	assert_int_equal(x.r.overall, POS_AVSTYRKER);
	done(&x);

	/* A table read column by column: labels, then values. */
	run(&x, "Sammanträdesdatum\n\nDiarienummer\n\n2024-05-14\n\n"
	    "VON 2024/7\n\nRegionstyrelsen\n");
	assert_string_equal(x.r.diarienummer, "VON 2024/7");
	assert_string_equal(x.r.decision_date, "2024-05-14");
	assert_string_equal(x.r.decision_body, "Regionstyrelsen");
	done(&x);

	/* A diarienummer cut at its limit is cut between characters. */
	run(&x, "Dnr 1ÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖÖ\n");
	assert_non_null(x.r.diarienummer);
	assert_true(strlen(x.r.diarienummer) <= 40);
	assert_true(utf8_valid(x.r.diarienummer, strlen(x.r.diarienummer)));
	done(&x);

	/* Nothing to find. */
	run(&x, "Remiss från Regionstyrelsen. Dnr saknas.\n");
	assert_null(x.r.diarienummer);
	assert_null(x.r.decision_body);
	assert_null(x.r.decision_date);
	done(&x);
}

/* Empty text, NULL text, a text of page breaks, no targets: nothing
 * proposed, no failure. */
static void
empty_and_page_breaks_only(void **state)
{
	static const char *const texts[] = { "", "\f", "\f\n\f\n\f", "\n\n\n",
	    "   \t ", "3.3", "Avsnitt", "—", NULL };
	struct reader_result	 r;
	struct run		 x;
	struct arena		*a;
	size_t			 i;

	(void)state;
	for (i = 0; texts[i] != NULL; i++) {
		run(&x, texts[i]);
		assert_int_equal(x.r.nanswers, 0);
		assert_int_equal(x.r.overall, POS_NONE);
		assert_null(x.r.summary);
		assert_null(x.r.diarienummer);
		done(&x);
	}
	assert_non_null(a = arena_new());
	assert_int_equal(reader_match(a, NULL, 0, targets, NT, &r), 0);
	assert_int_equal(r.nanswers, 0);
	assert_int_equal(reader_match(a, protocol, sizeof(protocol) - 1, NULL,
	    0, &r), 0);
	assert_int_equal(r.nanswers, 0);
	assert_string_equal(r.diarienummer, "KS 2024/123");
	arena_free(a);
}

/* Running headers and page numbers repeated on each page are left out of
 * comments; a paragraph split by a page break is joined again. */
static void
page_furniture_left_out(void **state)
{
	struct run			 x;
	const struct reader_answer	*a;

	(void)state;
	run(&x, "Norrby kommun – Protokollsutdrag\n\n"
	    "3.1 Kommunens ansvar\n\nKommunen tillstyrker förslaget om "
	    "ansvar för sjukvård i hemmet upp till sjuksköterske-\nnivå.\n\n"
	    "Sida 1 av 2\n\f\n"
	    "Norrby kommun – Protokollsutdrag\n\n"
	    "Ansvaret behöver följas upp.\n\n"
	    "Sida 2 av 2\n");
	assert_non_null(a = answer(&x, T31));
	assert_string_equal(a->comment, "Kommunen tillstyrker förslaget om "
	    "ansvar för sjukvård i hemmet upp till sjuksköterskenivå.\n\n"
	    "Ansvaret behöver följas upp.");
	done(&x);
}

/* Hostile text: invalid and truncated UTF-8, NUL-free binary noise,
 * thousands of anchors: the matcher stays inside the text, proposes at
 * most one answer per target and uses memory in proportion to it. */
static void
hostile_text_bounded(void **state)
{
	static const char *const bad[] = { "3.3 Tr\xc3", "\xe2\x80",
	    "\xff\xfe\xfd 3.3 \x80\x80 tillstyrker", "Avsnitt 3.3\xe2",
	    "Dnr \xc3", "12 maj 2024\xc3", "3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3"
	    "3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3.3", NULL };
	struct run	 x;
	char		*big;
	size_t		 i, n, len;
	const char	 line[] = "3.3 Tröskelprincipen\nKommunen tillstyrker.\n"
	    "Avsnitt 3.1 och 3.2 och 6\n\n";

	(void)state;
	for (i = 0; bad[i] != NULL; i++) {
		run(&x, bad[i]);
		answers_in_order_and_inside(&x);
		done(&x);
	}
	n = 20000;
	len = n * (sizeof(line) - 1);
	assert_non_null(big = malloc(len + 1));
	for (i = 0; i < n; i++)
		memcpy(big + i * (sizeof(line) - 1), line, sizeof(line) - 1);
	big[len] = '\0';
	run(&x, big);
	answers_in_order_and_inside(&x);
	assert_true(x.r.nanswers <= NT);
	assert_non_null(answer(&x, T33));
	/* Linear memory: a small multiple of the text. */
	assert_true(arena_used(x.a) < 64 * len);
	done(&x);
	free(big);

	/* One sentence of 40 000 decision words, dots of a number and
	 * "avsnitt": read in linear time (quadratic would not finish). */
	n = 40000;
	len = n * 28;
	assert_non_null(big = malloc(len + 1));
	for (i = 0; i < n; i++)
		memcpy(big + i * 28, i % 2 ? "Namnden beslutar avsnitt 33 " :
		    "3.3.3.3.3.3.3.3.3.3 avsnitt ", 28);
	big[len] = '\0';
	run(&x, big);
	answers_in_order_and_inside(&x);
	done(&x);
	free(big);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbered_headings_assign_sections),
		cmocka_unit_test(prefixed_numbers_and_questions),
		cmocka_unit_test(headings_without_numbers),
		cmocka_unit_test(free_prose_low_confidence),
		cmocka_unit_test(quotation_finds_section),
		cmocka_unit_test(position_phrases),
		cmocka_unit_test(letterhead_fields),
		cmocka_unit_test(empty_and_page_breaks_only),
		cmocka_unit_test(page_furniture_left_out),
		cmocka_unit_test(hostile_text_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
