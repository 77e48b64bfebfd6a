/* response_doc.h: one remissvar as a plain value: what the web form, the XML upload and the
 * stored versions all convert to and from, so the channels cannot disagree. */
#ifndef REMISS_RESPONSE_DOC_H
#define REMISS_RESPONSE_DOC_H

#include <stddef.h>

/* The fixed positions, as stored and as written in XML. */
enum position {
	POS_NONE,			/* not given */
	POS_TILLSTYRKER,
	POS_TILLSTYRKER_MED_ANDRINGAR,
	POS_AVSTYRKER,
	POS_INGA_SYNPUNKTER,
	POS__MAX
};

/* "tillstyrker-med-andringar" <-> enum; position_parse gives POS__MAX for
 * anything unknown and POS_NONE for NULL or "". */
enum position position_parse(const char *s);
const char *position_code(enum position p);	/* NULL for POS_NONE */
const char *position_label_sv(enum position p);	/* "Tillstyrker med ändringar" */

/* An answer to one section (avsnitt) or one question (fraga). Every text is
 * NULL when empty. Strings belong to whoever built the document (an arena). */
struct answer {
	const char	*section_nr;	/* "3.3", or NULL for a question */
	const char	*question_id;	/* "q2", or NULL for a section */
	long long	 db_section_id;	/* filled by the store; 0 otherwise */
	long long	 db_question_id;
	enum position	 position;
	const char	*comment;
	const char	*proposed_wording;
	const char	*consequence_region;
	const char	*consequence_kommun;
	const char	*short_term;
	const char	*long_term;
};

struct attachment {
	const char	*filename;
	const char	*media_type;
	const unsigned char *data;
	size_t		 len;
};

struct response_doc {
	const char		*remiss_slug;
	const char		*org_name;
	const char		*org_kind;	/* kommun | region | annan */
	const char		*orgnr;		/* NULL if none */
	const char		*diarienummer;	/* the respondent's own, or NULL */
	const char		*decision_body;	/* beslut instans, or NULL */
	const char		*decision_date;	/* YYYY-MM-DD, or NULL */
	const char		*contact_name;
	const char		*contact_email;
	const char		*contact_phone;	/* or NULL */
	enum position		 position;	/* overall */
	const char		*summary;
	struct answer		*answers;	/* in remiss order */
	size_t			 nanswers;
	struct attachment	*attachments;
	size_t			 nattachments;
};

/* The texts of an answer in the order pages show them, with the field names
 * that redaction and the public page use for them ("avsnitt-12-kommentar"):
 * answer_text_fields[f].off is the offset of text f in struct answer. */
#define ANSWER_TEXTS	6
struct answer_text_field {
	const char	*name;		/* "kommentar", "forslag", ... */
	size_t		 off;
};
extern const struct answer_text_field answer_text_fields[ANSWER_TEXTS];

/* Text f (< ANSWER_TEXTS) of ans: NULL when empty. */
const char *answer_text(const struct answer *ans, size_t f);

/* True if an answer holds nothing (such answers are not stored or written). */
int answer_is_empty(const struct answer *a);

/* The answer of doc to section nr, or (nr NULL) to question qid; NULL when
 * doc has none. It points into doc. */
const struct answer *response_doc_answer(const struct response_doc *doc,
    const char *nr, const char *qid);

#endif
