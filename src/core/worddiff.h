/* worddiff.h: the words two texts share and where they differ, for showing a change as a word diff. */
#ifndef REMISS_WORDDIFF_H
#define REMISS_WORDDIFF_H

#include <stddef.h>

struct arena;

enum diff_op {
	DIFF_SAME,
	DIFF_DEL,	/* only in the old text */
	DIFF_INS,	/* only in the new text */
};

/* A run of text (words with the white space after them) in one state. */
struct diff_run {
	enum diff_op	 op;
	const char	*text;	/* NUL-terminated, in the arena */
};

/*
 * Compares old and new word by word (a longest common subsequence of the
 * words, white space kept with the word before it) and returns the runs in
 * order in *out, adjacent runs of the same state merged. Texts with too
 * many words (more than four million word pairs) are shown as one deletion
 * and one insertion. Returns the number of runs, or -1 when out of memory.
 */
long word_diff(struct arena *a, const char *old, const char *new_,
    struct diff_run **out);

#endif
