/* markdown.h: the small Markdown subset of the documents the site serves (the accessibility statement), written as HTML through the escaping helpers. */
#ifndef REMISS_MARKDOWN_H
#define REMISS_MARKDOWN_H

#include <stddef.h>

struct arena;
struct html;

/*
 * Writes the Markdown text md (len bytes, UTF-8) into h as block elements.
 * Understood: "# " h1 and "## "/"### " h2/h3 headings, paragraphs separated
 * by blank lines, "- " list items (continued by indented lines), and inline
 * **strong**, *emphasis* and `code`. Everything else, markers without their
 * closing partner included, is text; all text is escaped, so raw HTML in md
 * shows as text. A NUL byte ends md early. Temporary strings come from a.
 * Returns 0, or -1 when an allocation failed (h may hold part of md).
 */
int markdown_render(struct html *h, struct arena *a, const char *md,
    size_t len);

/* The text of the first "# " heading of md (without the marker and trailing
 * blanks), from a; NULL if md has none or on allocation failure. */
char *markdown_title(struct arena *a, const char *md, size_t len);

#endif
