/* tokenize.h: splits UTF-8 text into lowercase word tokens with their byte offsets. */
#ifndef REMISS_TOKENIZE_H
#define REMISS_TOKENIZE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

/* Bytes a token's lowercased word may hold; a longer run of word characters
 * (a URL, a base64 blob) is not a word and is skipped whole. */
#define TOKEN_MAX 128

/* What a token holds, for callers that keep only some tokens. */
#define TOKEN_LETTER	0x1u	/* at least one letter */
#define TOKEN_DIGIT	0x2u	/* at least one digit 0-9 */
#define TOKEN_PREFIX	0x4u	/* ended by a hyphen and a space: the "hälso" of
				   "hälso- och sjukvård", a compound's first part */

struct token {
	size_t		 start;	/* offset of the token's first byte in the text */
	size_t		 end;	/* offset just past its last byte */
	size_t		 len;	/* bytes in word, without the NUL */
	size_t		 nchars; /* code points in word */
	unsigned int	 flags;	/* TOKEN_* */
	char		 word[TOKEN_MAX + 1]; /* lowercased UTF-8, NUL-terminated */
};

/* A position in a text; the text is borrowed and must outlive the walk. */
struct tokenizer {
	const unsigned char	*s;
	size_t			 len;
	size_t			 pos;
};

/* Starts a walk over s[0..len). s may be NULL when len is 0. Never fails. */
void tokenizer_init(struct tokenizer *tz, const char *s, size_t len);

/*
 * Fills *t with the next token and returns true, or returns false at the end
 * of the text (*t is then unspecified). Rules:
 * - word characters are the letters of Latin-1 and Latin Extended-A (Swedish
 *   å ä ö é ü, Sami á č đ ŋ š ŧ ž, names with ø æ ł …) and the digits 0-9;
 *   everything else (punctuation, spaces, other scripts, emoji) separates;
 * - letters are lowercased (Å Ä Ö É Ü → å ä ö é ü); a letter written as a base
 *   letter and a combining mark (a + U+030A, as some systems paste "å") is
 *   composed first; a soft hyphen (U+00AD) inside a word is dropped;
 * - a hyphen between two word characters joins them ("e-hälsa", "covid-19");
 *   a hyphen that ends a word before a space or punctuation is left out and
 *   sets TOKEN_PREFIX ("hälso- och sjukvård" gives "hälso", "och", "sjukvård");
 * - the colon inflection of an abbreviation ("SKR:s", "EU:s", "1:a") belongs to
 *   the token's bytes but not to its word ("skr", "eu", "1");
 * - digits are kept (TOKEN_DIGIT): numbers matter to copied-text detection;
 *   the term statistics drop tokens without letters;
 * - a byte that is not well-formed UTF-8 separates, like punctuation; nothing
 *   at or past s + len is ever read.
 * t->start and t->end always lie inside the text and on code point starts.
 */
bool tokenizer_next(struct tokenizer *tz, struct token *t);

/* A token kept in a list: word points into the list's arena. */
struct token_span {
	size_t		 start;
	size_t		 end;
	const char	*word;	/* lowercased, NUL-terminated */
	size_t		 len;
	unsigned int	 flags;
};

struct token_list {
	struct token_span	*v;
	size_t			 n;
};

/*
 * Tokenizes s[0..len) with tokenizer_next into out, whose array and words are
 * allocated from a. Returns 0, or -1 on out of memory (out is then empty; what
 * was allocated stays with the arena).
 */
int tokenize_all(struct arena *a, const char *s, size_t len, struct token_list *out);

#endif
