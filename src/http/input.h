/* input.h: declared form and query keys, each checked once per request into a typed slot. */
#ifndef REMISS_INPUT_H
#define REMISS_INPUT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct kvlist;
struct request;

/*
 * Every form or query key a handler reads, by name. A route lists the keys
 * it takes (route.inputs, handlers/routes.c, ended by IN__END); after the
 * body is read the worker checks exactly those against their row of
 * input_defs (handlers/inputs.c) and keeps each in a typed slot, so a
 * handler reads input_text(req, IN_X), input_id(req, IN_X, &id) ... and
 * never a raw string. Keys a route does not declare never reach its
 * handler. To add one: a name here in its area's group, its row in
 * handlers/inputs.c, and the name in the .inputs of each route that reads
 * it.
 */
enum input_key {
	/* site (handlers/site/) */
	IN_EMAIL,		/* login */
	IN_PASSWORD,		/* login */
	IN_NEXT,		/* the page to return to (a path; http/return_path.c) */
	IN_LANG,		/* "sv" | "en" */
	IN_SAVED,		/* ?sparat=1 */
	IN_REVOKED,		/* ?aterkallad=1 */
	/* respond (handlers/respond/) */
	/* review (handlers/review/) */
	/* decide (handlers/decide/) */
	/* admin (handlers/admin/) */
	IN_AUDIT_ACTION,	/* /admin/logg: an action's start */
	IN_AUDIT_ACTOR,		/* /admin/logg: part of the actor */
	IN_AUDIT_TYPE,		/* /admin/logg: an object type */
	IN_AUDIT_FROM,		/* /admin/logg: first day */
	IN_AUDIT_TO,		/* /admin/logg: last day */
	IN_AUDIT_BEFORE,	/* /admin/logg: the next page's ids are below */
	IN_REMISS_STATUS,	/* utkast | oppen | stangd | beslutad */
	IN_EXTEND_ORG,		/* the organisation whose last day is set */
	IN_EXTEND_DATE,		/* its last day, empty for the remiss's */
	IN_INVITE_NAME,		/* an organisation's name */
	IN_INVITE_KIND,		/* kommun | region | annan */
	IN_EDIT_LOCK,		/* the editor's edit_version the page shows */
	IN_EDIT_DONE,		/* ?klart=CODE: the change just made */
	IN_EDIT_SLUG,		/* a new remiss's id */
	IN_EDIT_TITLE,		/* the remiss's fields ... */
	IN_EDIT_SENDER,
	IN_EDIT_DIARIENUMMER,
	IN_EDIT_DESCRIPTION,
	IN_EDIT_OPENS,
	IN_EDIT_CLOSES,		/* ... to its last day */
	IN_EDIT_OPEN,		/* open the new remiss at once */
	IN_EDIT_NEW_NR,		/* ny-nr, ny-rubrik, ny-text: a new section */
	IN_EDIT_NEW_HEADING,
	IN_EDIT_NEW_TEXT,
	IN_EDIT_SECTION_NR,	/* s<id>-nr, -rubrik, -text: a section */
	IN_EDIT_SECTION_HEADING,
	IN_EDIT_SECTION_TEXT,
	IN_EDIT_DIRECTION,	/* upp | ned */
	IN_EDIT_QUESTION_SECTION, /* a new question's section, 0: the remiss */
	IN_EDIT_NEWQ_ID,	/* nq<section>-id, -typ, -text: a new question */
	IN_EDIT_NEWQ_KIND,
	IN_EDIT_NEWQ_TEXT,
	IN_EDIT_QUESTION_ID,	/* q<id>-id, -typ, -text: a question */
	IN_EDIT_QUESTION_KIND,
	IN_EDIT_QUESTION_TEXT,
	/* publish (handlers/publish/) */
	/* api (handlers/api/) */
	IN__MAX,
	IN__END = IN__MAX	/* ends a route's list */
};

/* What a value must be. Every text has already passed the request
 * parsers (valid UTF-8, no control characters but TAB, LF and CR, at most
 * the value_max limit). */
enum input_type {
	INPUT_TEXT,	/* text of at most .maxlen characters (0: no limit of
			   its own); with INPUT_LINE no TAB, LF or CR */
	INPUT_INT,	/* a decimal integer in [.min, .max] */
	INPUT_ID,	/* a database id: a decimal in [1, .max], .max 0 meaning
			   the largest */
	INPUT_DATE,	/* YYYY-MM-DD, a day that exists */
	INPUT_BOOL,	/* a checkbox or yes/no: 1 on ja true yes / 0 off nej
			   false no */
	INPUT_ENUM,	/* one of .words (ended by NULL); the slot's number is
			   its index */
	INPUT__MAX
};

enum input_flag {
	INPUT_LINE = 1u << 0,	/* TEXT: one line */
	INPUT_TRIM = 1u << 1,	/* white space around the value is dropped
				   before it is checked */
	INPUT_LIST = 1u << 2,	/* the key may repeat (checkboxes): every
				   value, in order */
	INPUT_PREFIX = 1u << 3,	/* a family of keys .name KEY .suffix, such
				   as "a-3.3-kommentar": one value per KEY */
	INPUT_KEY_ID = 1u << 4,	/* PREFIX: KEY must be a database id (else
				   any word of 1-64 bytes without '/') */
};

struct input_def {
	const char		*name;		/* the key, or a family's prefix */
	const char		*suffix;	/* a family's suffix, or NULL */
	enum input_type		 type;
	unsigned		 flags;		/* enum input_flag */
	size_t			 maxlen;	/* TEXT: characters */
	long long		 min, max;	/* INT (and ID's max) */
	const char *const	*words;		/* ENUM */
};

/* The app's keys, indexed by enum input_key (handlers/inputs.c). */
extern const struct input_def input_defs[IN__MAX];

/* A value: absent (not sent, or empty after trimming), valid, or sent but
 * not valid, which is kept apart (with what was sent, to show the form
 * again) rather than dropped. */
enum input_state {
	INPUT_ABSENT,
	INPUT_VALID,
	INPUT_INVALID,
};

struct input_value {
	enum input_state	 state;
	const char		*raw;	/* as sent (trimmed with INPUT_TRIM);
					   NULL when absent */
	const char		*text;	/* valid TEXT or DATE; an ENUM's word */
	long long		 num;	/* valid INT or ID; BOOL 1 or 0; ENUM
					   index */
	const char		*key;	/* PREFIX: the KEY part, as sent */
	long long		 key_id; /* PREFIX with INPUT_KEY_ID: KEY as an
					   id (0 when KEY is not one) */
};

/* One key's slot: for a plain key n is 0 or 1; for a LIST or PREFIX every
 * value sent (empty ones left out). state is ABSENT when n is 0, INVALID
 * when any value (or a PREFIX's KEY) is invalid, else VALID. */
struct input_slot {
	enum input_state	 state;
	bool			 declared;	/* the route lists the key */
	const char		*name;		/* its def's name, for logs */
	enum input_type		 type;		/* its def's type */
	struct input_value	*v;		/* v[0..n), in the arena */
	size_t			 n;
};

/*
 * Fills slots[0..ndefs) (zeroed first) for the keys listed in declared
 * (ended by a value >= ndefs, such as IN__END) from form, then query: a
 * plain key takes its first value in the form, else in the query; a LIST
 * takes every value of the form, or if it has none, of the query; a PREFIX
 * every key of the family in the form, then those only the query has.
 * Keys not listed stay absent and undeclared. Values are copied into a.
 * Returns 0, or -1 when out of memory (slots then undefined).
 */
int input_parse(struct arena *a, const struct input_def *defs, size_t ndefs,
    const enum input_key *declared, const struct kvlist *form,
    const struct kvlist *query, struct input_slot *slots);

/*
 * Reading a request's inputs (req->inputs, set by the worker). Each takes
 * a key the route declares; an undeclared key is logged as a bug and reads
 * as absent.
 */

/* The key's state. */
enum input_state input_state(const struct request *req, enum input_key k);

/* A valid TEXT, DATE or ENUM value (borrowed from the request's arena);
 * NULL when absent or invalid. */
const char *input_text(const struct request *req, enum input_key k);

/* What was sent, valid or not (to show a form again); NULL when absent. */
const char *input_raw(const struct request *req, enum input_key k);

/* A valid INT or ID: 0 with *out set, else -1 (*out unchanged). */
int input_num(const struct request *req, enum input_key k, long long *out);

/* True only for a valid BOOL that says yes. */
bool input_bool(const struct request *req, enum input_key k);

/* A valid ENUM's index into .words, else -1. */
int input_enum(const struct request *req, enum input_key k);

/* Every value of a LIST or PREFIX key (check each one's state); *n gets
 * the count. NULL with *n 0 when none. */
const struct input_value *input_values(const struct request *req,
    enum input_key k, size_t *n);

/* The value of a PREFIX key whose KEY is key; NULL when none was sent. */
const struct input_value *input_member(const struct request *req,
    enum input_key k, const char *key);

#endif
