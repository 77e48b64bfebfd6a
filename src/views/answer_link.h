/* answer_link.h: the one address of an organisation's answer in the review workspace. */
#ifndef REMISS_ANSWER_LINK_H
#define REMISS_ANSWER_LINK_H

struct arena;

/*
 * The section view (/remisser/{slug}/granskning/avsnitt/{nr}, "helhet" for
 * the responses as a whole) shows one element per organisation that has
 * answered, with the id answer_id(organisation id). Every link to an answer,
 * on every page, is answer_href() of the section and the organisation's id:
 * organisations.id, never a response, version or answer id (numbers too; a
 * response id once sent "Falkenbergs kommun" to Halmstad's answer). The
 * organisation is unique within a section, and its id stays the same across
 * the response's versions. Both in arena a.
 */
const char *answer_id(struct arena *a, const char *org_id);

/* The section view of section nr ("" or NULL: the responses as a whole),
 * at organisation org_id's answer. */
const char *answer_href(struct arena *a, const char *slug, const char *nr,
    const char *org_id);

#endif
