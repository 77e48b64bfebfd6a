/* summary_draft.h: the generated first draft of a summary: the positions counted in a Swedish
 * sentence, then representative sentences quoted from the answers. Extractive, deterministic. */
#ifndef REMISS_SUMMARY_DRAFT_H
#define REMISS_SUMMARY_DRAFT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/response_doc.h"

struct arena;

/* One answer the summary may rest on. */
struct draft_answer {
	const char	*org;		/* "Halmstads kommun" */
	enum position	 position;
	const char	*text;		/* its comment (may be NULL) */
};

/* "en", "två" ... "tolv", then digits, in buf. */
const char *number_sv(unsigned long n, char *buf, size_t bufsz);

/*
 * Writes the draft for ans[0..n) (in a stable order, e.g. by organisation)
 * into *body (arena string): a sentence of counts ("Fem av sju
 * remissinstanser tillstyrker, två med ändringar. En avstyrker."), then up
 * to two sentences per position, each quoted word for word from an answer
 * and followed by its organisation, chosen as the sentences whose words
 * most answers share. quoted[i] is set when answer i is quoted (the
 * answers the draft rests on). The same input always gives the same text;
 * nothing is written that is not counted or quoted. Returns 0 or -1 (OOM).
 */
int summary_draft(struct arena *a, const struct draft_answer *ans, size_t n,
    char **body, bool *quoted);

#endif
