/* rule_codes.h: what the core's rules say about submitted values and refused changes, as codes
 * with the few parameters a message needs; views/rule_messages.c turns each into a sentence. */
#ifndef REMISS_RULE_CODES_H
#define REMISS_RULE_CODES_H

#include <stddef.h>

enum rule_code {
	RULE_NONE = 0,

	/* A dialogmöte's form (core/meeting_rules.c). */
	RULE_MEETING_OOM_PARTICIPANTS,	/* participants could not be read */
	RULE_MEETING_NAME_MISSING,	/* line: no name before the comma */
	RULE_MEETING_LINE_CONTROL,	/* line: characters not allowed */
	RULE_MEETING_NAME_TOO_LONG,	/* line: name or role too long */
	RULE_MEETING_TOO_MANY,		/* more than 200 participants */
	RULE_MEETING_OOM_FIELD,		/* a field could not be read */
	RULE_MEETING_ONE_LINE,		/* a field has more than one line */
	RULE_MEETING_TITLE_TOO_LONG,
	RULE_MEETING_PLACE_TOO_LONG,
	RULE_MEETING_DATE_MISSING,
	RULE_MEETING_DATE_BAD,
	RULE_MEETING_OOM_NOTES,
	RULE_MEETING_NOTES_TOO_LONG,
	RULE_MEETING_NOTES_CONTROL,
	RULE_MEETING_NO_ORG,		/* no organisation chosen */

	/* A remiss, a section, a question (core/remiss_rules.c). */
	RULE_REMISS_ONE_LINE,		/* a field has more than one line */
	RULE_REMISS_DATE_BAD,
	RULE_REMISS_SLUG_MISSING,
	RULE_REMISS_SLUG_BAD,
	RULE_REMISS_TITLE_MISSING,
	RULE_REMISS_TITLE_TOO_LONG,
	RULE_REMISS_SENDER_MISSING,
	RULE_REMISS_SENDER_TOO_LONG,
	RULE_REMISS_DIARIENR_TOO_LONG,
	RULE_REMISS_DESCRIPTION_TOO_LONG,
	RULE_REMISS_OPENS_MISSING,
	RULE_REMISS_CLOSES_MISSING,
	RULE_REMISS_CLOSES_BEFORE_OPENS,
	RULE_SECTION_NR_MISSING,
	RULE_SECTION_NR_BAD,
	RULE_SECTION_HEADING_MISSING,
	RULE_SECTION_HEADING_TOO_LONG,
	RULE_SECTION_BODY_TOO_LONG,
	RULE_QUESTION_ID_MISSING,
	RULE_QUESTION_ID_BAD,
	RULE_QUESTION_KIND_BAD,
	RULE_QUESTION_TEXT_MISSING,
	RULE_QUESTION_TEXT_TOO_LONG,

	/* Changing a stored remiss (core/remiss_edit.c). */
	RULE_REMISS_SLUG_TAKEN,
	RULE_SECTION_NR_TAKEN,
	RULE_QUESTION_ID_TAKEN,
	RULE_SECTIONS_TOO_MANY,		/* more than 200 sections */

	/* Why a response is refused (core/response_store.c). */
	RULE_RESPONSE_TOO_MANY_ANSWERS,
	RULE_RESPONSE_BAD_ANSWER_POSITION,
	RULE_RESPONSE_SECTION_AND_QUESTION,
	RULE_RESPONSE_NO_SUCH_SECTION,	/* s: the section's number */
	RULE_RESPONSE_NO_SUCH_QUESTION,	/* s: the question's id */
	RULE_RESPONSE_NO_TARGET,
	RULE_RESPONSE_SECTION_TWICE,	/* s: the section's number */
	RULE_RESPONSE_QUESTION_TWICE,	/* s: the question's id */
	RULE_RESPONSE_POSITION_MISSING,
	RULE_RESPONSE_CONTACT_NAME_MISSING,
	RULE_RESPONSE_CONTACT_EMAIL_BAD,
	RULE_RESPONSE_DECISION_BODY_MISSING,
	RULE_RESPONSE_CHECKSUM_MISSING,
	RULE_RESPONSE_ARRIVED_MISSING,
	RULE_RESPONSE_ARRIVED_INVALID,
	RULE_RESPONSE_ARRIVED_FUTURE,
	RULE_RESPONSE_TOO_MANY_ATTACHMENTS,
	RULE_RESPONSE_NOT_XML,
	RULE_RESPONSE_VALUE_REFUSED,
	RULE_RESPONSE_ANSWER_REFUSED,
	RULE_RESPONSE_ATTACHMENT_REFUSED,

	RULE__COUNT			/* not a code: how many there are */
};

/* One thing a rule found: its code and the parameters its message names. */
struct rule_msg {
	enum rule_code	 code;
	size_t		 line;		/* a line number (participants) */
	const char	*s;		/* a section nr or question id */
};

/* A section or question that has answers and so may not be retired
 * (core/remiss_edit.c), with what the refusal names. */
struct answered_item {
	const char	*nr, *heading;	/* a section's; NULL for a question, or
					   when out of memory */
	const char	*qid;		/* a question's; NULL for a section */
	long		 sub, dra;	/* organisations with submitted answers,
					   with drafts */
};

#endif
