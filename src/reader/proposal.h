/* proposal.h: the matcher's targets from a remiss, and its result as the JSON stored in document_reads.proposal. */
#ifndef REMISS_READER_PROPOSAL_H
#define REMISS_READER_PROPOSAL_H

#include <stddef.h>

#include "reader/match.h"

struct arena;
struct buf;
struct remiss_def;

/* The targets of def in remiss order: each live section, then its
 * questions, then the questions to the whole remiss. Sets *nt; the array
 * is in a (NULL on OOM, or when there are none: *nt 0). */
struct reader_target *proposal_targets(struct arena *a,
    const struct remiss_def *def, size_t *nt);

/*
 * Writes res (of reader_match on text[0..len) against targets[0..nt)) to
 * out as one JSON object: position, position_cue, summary, diarienummer,
 * decision_body, decision_date (each a string or null), and answers, an
 * array of { section, question, position, passage, cue_start, cue_end,
 * comment, confidence }, passage the text of the answer's span and the
 * cue's offsets relative to it (both 0 when none or outside it). Spans
 * out of range are left out; spans are narrowed to whole UTF-8
 * characters. The texts meant for form fields (comment, summary, the
 * letterhead fields) have any control character but "\n" as a space. Returns 0, or -1 on OOM.
 */
int proposal_json(struct buf *out, const char *text, size_t len,
    const struct reader_target *targets, size_t nt,
    const struct reader_result *res);

#endif
