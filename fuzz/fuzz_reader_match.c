/* fuzz_reader_match.c: libFuzzer harness for the document reader's matcher on hostile extracted text. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/utf8.h"
#include "reader/match.h"
#include "util/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A small fixed remiss: numbered sections with headings and texts, one
 * section without a heading, a question. */
static const struct reader_target targets[] = {
	{ "1", "Syfte och omfattning", "Överenskommelsen ska ge den enskilde "
	    "tillgång till ändamålsenliga hjälpmedel.", NULL, NULL },
	{ "2", "Målgrupp", NULL, NULL, NULL },
	{ "3.1", "Kommunens ansvar", "Kommunen ansvarar för hälso- och "
	    "sjukvård i hemmet.", NULL, NULL },
	{ "3.2", "Regionens ansvar", "Regionen ansvarar för läkarinsatser.",
	    NULL, NULL },
	{ "3.3", "Tröskelprincipen", "Den som inte klarar att ta sig till "
	    "vårdcentral ska få vård i hemmet.", NULL, NULL },
	{ "3.3", NULL, NULL, "q1", "Hur tolkar vi tröskelprincipen?" },
	{ "4", NULL, "Text utan rubrik.", NULL, NULL },
	{ NULL, NULL, NULL, "q2", "Vad behöver vi göra?" },
};
#define NT	(sizeof(targets) / sizeof(targets[0]))

/* Aborts unless s is NULL or well-formed UTF-8 (when the text was). */
static void
utf8_out(const char *s, bool valid_in)
{
	if (s != NULL && valid_in && !utf8_valid(s, strlen(s)))
		abort();
}

static void
span_inside(struct reader_span s, size_t size)
{
	if (s.start > s.end || s.end > size)
		abort();
}

/*
 * Matches the input as text (copied to a buffer of exactly its size, so a
 * read past it is caught) and checks that every span lies inside it, that
 * answers come in target order at most once each, confidences are in range,
 * strings are no longer than what they come from, and, when the text is
 * well-formed UTF-8 without NUL, so is every string.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader_result	 r;
	struct arena		*a;
	char			*text;
	size_t			 i;

	if ((text = malloc(size ? size : 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	if ((a = arena_new()) == NULL) {
		free(text);
		return 0;
	}
	if (reader_match(a, text, size, targets, NT, &r) == 0) {
		bool	 valid = utf8_valid(text, size) &&
		    memchr(text, '\0', size) == NULL;

		utf8_out(r.summary, valid);
		utf8_out(r.diarienummer, valid);
		utf8_out(r.decision_body, valid);
		utf8_out(r.decision_date, valid);
		span_inside(r.overall_cue, size);
		if (r.overall >= POS__MAX || r.nanswers > NT)
			abort();
		for (i = 0; i < r.nanswers; i++) {
			const struct reader_answer	*an = &r.answers[i];

			if (an->target >= NT || (i > 0 &&
			    an->target <= r.answers[i - 1].target) ||
			    an->position >= POS__MAX || an->confidence < 0 ||
			    an->confidence > 100)
				abort();
			span_inside(an->passage, size);
			span_inside(an->cue, size);
			utf8_out(an->comment, valid);
			if (an->comment != NULL &&
			    strlen(an->comment) > an->passage.end -
			    an->passage.start)
				abort();
		}
		if ((r.summary != NULL && strlen(r.summary) > size) ||
		    (r.diarienummer != NULL && strlen(r.diarienummer) > 64) ||
		    (r.decision_date != NULL && strlen(r.decision_date) != 10) ||
		    (r.decision_body != NULL && strlen(r.decision_body) > size))
			abort();
	}
	arena_free(a);
	free(text);
	return 0;
}
