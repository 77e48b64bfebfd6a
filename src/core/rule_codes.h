/* rule_codes.h: what the core's rules say about submitted values, as codes with the few
 * parameters a message needs; views/rule_messages.c turns each into the user's sentence. */
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

	RULE_TEXT,			/* transitional: s is the sentence */
};

/* One thing a rule found: its code and the parameters its message names. */
struct rule_msg {
	enum rule_code	 code;
	size_t		 line;		/* a line number (participants) */
	const char	*s;		/* RULE_TEXT: the sentence */
};

#endif
