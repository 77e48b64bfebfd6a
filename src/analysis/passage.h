/* passage.h: the passages two answers share, as byte ranges in both, for highlighting copied text. */
#ifndef REMISS_PASSAGE_H
#define REMISS_PASSAGE_H

#include <stddef.h>

struct arena;

/* One shared passage: [a_start, a_end) of text a holds the same words as
 * [b_start, b_end) of text b. Ranges run from the first byte of the first
 * word to the last byte of the last word. */
struct passage {
	size_t		 a_start;
	size_t		 a_end;
	size_t		 b_start;
	size_t		 b_end;
	size_t		 nwords;
};

/*
 * Finds the passages of at least min_words words (0 counts as 1) that a[0..la)
 * and b[0..lb) share, into *out (*nout of them, allocated from arena),
 * ordered by a_start. Words are the tokenizer's lowercased tokens, so case,
 * punctuation and spacing do not matter. Greedy string tiling: of all
 * maximal common runs the longest is taken first, then the longest
 * remaining part of each next run that overlaps none taken, in either text;
 * so a paragraph moved elsewhere is still found, and no word is in two
 * passages. Words compare by 64-bit hash. The work is bounded (at most 64
 * places per repeated run of words, and a budget of comparisons), so a
 * pathological text gives fewer passages, never a long wait. Returns 0, or -1
 * when out of memory (then *out is NULL and *nout 0).
 */
int passage_find(struct arena *arena, const char *a, size_t la, const char *b,
    size_t lb, size_t min_words, struct passage **out, size_t *nout);

#endif
