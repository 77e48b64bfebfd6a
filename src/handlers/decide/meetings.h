/* meetings.h: what other review pages show of the dialogmöten: the meetings linked to a
 * section or a theme, each linking to its page (handlers/decide/meetings.c). */
#ifndef REMISS_HANDLERS_MEETINGS_H
#define REMISS_HANDLERS_MEETINGS_H

struct html;
struct remiss_def;
struct request;

/*
 * Writes a "Dialogmöten" block listing the meetings linked to section
 * section_id (theme_id NULL) or theme theme_id (section_id NULL): date,
 * title and organisations, each a link to the meeting, and a link to
 * record a new one already linked to it (new_query, "avsnitt=NR" or
 * "tema=ID", is added to the new form's address). Writes a short sentence
 * when there are none; on a database error a sentence saying so (the page
 * still works). heading is "h2" or "h4", to fit the page's outline.
 */
void meetings_linked(struct html *h, struct request *req,
    const struct remiss_def *def, const char *section_id,
    const char *theme_id, const char *new_query, const char *heading);

#endif
