/* extern.h: what the matcher's files share (lines, words, anchors); private to src/reader/. */
#ifndef REMISS_READER_EXTERN_H
#define REMISS_READER_EXTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/response_doc.h"
#include "reader/match.h"

struct arena;

/* ---- text.c: lines and folded words ---- */

/* A line of the text: bytes [start, end), the '\n' or '\f' left out. */
struct rline {
	size_t		 start, end;
	unsigned	 flags;
	unsigned	 nwords;	/* words on it, counted up to 255 */
};
#define RL_BLANK	0x01u	/* only white space */
#define RL_PARA		0x02u	/* first line of a paragraph: at the start,
				   after a blank line or a page break */
#define RL_PAGE		0x04u	/* first line after a page break */
#define RL_FURNITURE	0x08u	/* a page number or a header/footer line
				   repeated on pages: left out of comments */
#define RL_ENDS_SENTENCE 0x10u	/* ends with . ! ? or : */
#define RL_UPPER_START	0x20u	/* first letter is uppercase, or a digit */

struct rtext {
	const char	*t;
	size_t		 len;
	struct rline	*lines;
	size_t		 nlines;
};

/* Splits text into lines (in a), flags each. Returns 0 or -1 on OOM. */
int rtext_lines(struct arena *a, const char *t, size_t len, struct rtext *out);

/* The longest word kept (folded bytes); longer words are cut there. */
#define RW_MAX	48

/* A word of the text: letters and digits, folded to lowercase. */
struct rword {
	size_t	 start, end;		/* bytes of the text */
	char	 w[RW_MAX + 1];		/* folded, NUL-terminated, maybe cut */
	size_t	 len;
	bool	 upper;			/* began with an uppercase letter */
};

/* Walks the words of t[pos, end). */
struct rwalk {
	const char	*t;
	size_t		 pos, end;
};
void rwalk_init(struct rwalk *wk, const char *t, size_t from, size_t to);
/* Fills w with the next word; false at the end. Never reads at or past end. */
bool rwalk_next(struct rwalk *wk, struct rword *w);

/* True if two folded words are the same word, allowing Swedish inflection
 * (a shared stem of at least 5 bytes and endings of at most 4), or if the
 * shorter one's stem (6 bytes or more) begins the longer, a compound. */
bool rword_like(const char *a, size_t la, const char *b, size_t lb);

/* As rword_like without compounds: the same word inflected. */
bool rword_inflected(const char *a, size_t la, const char *b, size_t lb);

/* True if the folded word is a Swedish stop word. */
bool rword_stop(const char *w, size_t len);

/* True if folded word w[0..len) equals the literal lit. */
bool rword_is(const char *w, size_t len, const char *lit);

/* True if folded word w[0..len) begins with the literal prefix. */
bool rword_starts(const char *w, size_t len, const char *prefix);

/* The byte after s[at..] skipping spaces and tabs, at most end. */
size_t rskip_space(const char *t, size_t at, size_t end);

/* ---- position.c: positions from Swedish phrases ---- */

/*
 * Reads the position stated in t[start, end): the strongest cue ("avstyrker",
 * "ställer sig bakom", "tillstyrker … men", "har inga synpunkter"), with
 * negation ("inte", "ej"). Sets *cue to the words it was read from, {0, 0}
 * when none. Returns POS_NONE when no cue is found.
 */
enum position position_read(const char *t, size_t start, size_t end,
    struct reader_span *cue);

/* ---- letterhead.c ---- */

/* Fills out->diarienummer, decision_body and decision_date from the text
 * (strings in a). Fields not found stay NULL. Returns 0 or -1 on OOM. */
int letterhead_read(struct arena *a, const struct rtext *x,
    struct reader_result *out);

/* ---- anchors.c: where passages begin ---- */

#define ANCHOR_TARGETS	4	/* "Avsnitt 3.1 och 3.2": one passage, two targets */
#define ANCHORS_MAX	512	/* more anchors than this are ignored */

enum anchor_kind {
	AK_TARGET,	/* answers targets[] */
	AK_SUMMARY,	/* "Sammanfattning" */
	AK_DECISION,	/* "Beslut", "Förslag till beslut" */
	AK_INTRO,	/* "Yttrande", "Synpunkter": the response's own part */
	AK_BACKGROUND,	/* "Ärendet", "Bakgrund": describes the remiss */
	AK_STOP		/* "Expedieras", signatures, "Övriga synpunkter" */
};

struct ranchor {
	size_t		 start;		/* the passage begins here */
	size_t		 body;		/* its own text begins here (after the
					   heading line) */
	enum anchor_kind kind;
	size_t		 targets[ANCHOR_TARGETS];
	size_t		 ntargets;
	int		 confidence;	/* 0..100 */
	bool		 strong;	/* a heading or number, not a mention */
};

/* A target prepared for matching: its heading's content words folded. */
#define RT_HWORDS	12
struct rtarget {
	const struct reader_target *t;
	char		 hw[RT_HWORDS][RW_MAX + 1];	/* heading content words */
	size_t		 hwlen[RT_HWORDS];
	size_t		 spread[RT_HWORDS];	/* 1: no other section uses
						   the word; 2: one does */
	size_t		 nhw;
	size_t		 qnum;		/* "q3" -> 3; 0 when none */
};

/* A body shingle: a hash of three word stems of a target's text. */
struct rshingle {
	uint64_t	 h;
	size_t		 target;	/* (size_t)-1: found in several */
};

struct rctx {
	struct arena		*a;
	const struct rtext	*x;
	const struct rtarget	*tg;
	size_t			 nt;
	struct rshingle		*sh;		/* sorted by h */
	size_t			 nsh;
	size_t			*hits;		/* per target: shingles in the
						   sentence being read */
	struct ranchor		*an;		/* sorted by start */
	size_t			 nan;
};

/* Prepares the targets and their shingles into c. Returns 0 or -1 on OOM. */
int anchors_prepare(struct rctx *c, const struct reader_target *targets,
    size_t nt);

/* Finds the anchors of c->x into c->an (sorted by start, at most
 * ANCHORS_MAX). Returns 0 or -1 on OOM. */
int anchors_find(struct rctx *c);

#endif
