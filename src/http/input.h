/* input.h: declared form and query keys, each checked once per request into a typed slot. */
#ifndef REMISS_INPUT_H
#define REMISS_INPUT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct kvlist;
struct multipart;
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
	IN_FROM,		/* jamfor ?fran=: a version id */
	IN_TO,			/* jamfor ?till=: a version id */
	IN_RESTARTED,		/* svar ?borjat=1 */
	IN_RECEIPT_FORMAT,	/* kvitton ?format=xml */
	IN_FORM_ACTION,		/* the response form's button: spara |
				   granska | skicka | borja-om */
	IN_FORM_LOCK,		/* the draft's lock_version the form shows */
	IN_FORM_KEY,		/* nyckel: the one-time key of a submission */
	IN_FILE_DELETE,		/* ta_bort_bilaga: a draft file's id */
	IN_ARRIVED_ON,		/* ankomstdatum of a registered response */
	IN_ATTACHMENT_FILES,	/* bilaga: files added to a response (FILE) */
	IN_READ_FILE,		/* dokument: a response document to read (FILE) */
	/* The response form's fields (response_form.c), read as text; its
	 * mapper says what is wrong beside each field. */
	IN_RF_POSITION,		/* stallningstagande */
	IN_RF_SUMMARY,		/* sammanfattning */
	IN_RF_DECISION_BODY,	/* beslut_instans */
	IN_RF_DECISION_DATE,	/* beslut_datum */
	IN_RF_DIARIENUMMER,	/* diarienummer */
	IN_RF_CONTACT_NAME,	/* kontakt_namn */
	IN_RF_CONTACT_EMAIL,	/* kontakt_epost */
	IN_RF_CONTACT_PHONE,	/* kontakt_telefon */
	IN_RF_SECTION_POSITION,	/* a-NR-position */
	IN_RF_SECTION_COMMENT,	/* a-NR-kommentar */
	IN_RF_SECTION_WORDING,	/* a-NR-lydelse */
	IN_RF_QUESTION_POSITION, /* q-QID-position */
	IN_RF_QUESTION_COMMENT,	/* q-QID-kommentar */
	IN_RF_QUESTION_REGION,	/* q-QID-region */
	IN_RF_QUESTION_KOMMUN,	/* q-QID-kommun */
	IN_RF_QUESTION_SHORT,	/* q-QID-kort */
	IN_RF_QUESTION_LONG,	/* q-QID-lang */
	/* review (handlers/review/) */
	/* review: matrix, analysis, themes (handlers/review/) */
	IN_MATRIX_SECTION,	/* ?avsnitt=NR: one section's row */
	IN_MATRIX_THEME,	/* ?tema=ID: answers tagged with a theme */
	IN_MATRIX_POSITION,	/* ?stallning=CODE: one position */
	IN_MATRIX_KIND,		/* ?typ=kommun|region|annan */
	IN_MATRIX_TEXT,		/* ?q=: words in the answers */
	IN_MATRIX_PAGE,		/* ?sida=N: the page of organisations */
	IN_ANALYSIS_SECTION,	/* avsnitt=NR: the section analysed */
	IN_GROUP_NAME,		/* namn: a suggested group's theme name */
	IN_GROUP_ANSWERS,	/* svar=ID,ID,...: the group's answers */
	IN_THEME_NAME,		/* namn */
	IN_THEME_DESCRIPTION,	/* beskrivning */
	IN_THEME_PARENT,	/* overordnat: the theme it is under */
	IN_MERGE_WITH,		/* med: the theme a merge keeps */
	IN_TAGS_FATE,		/* taggar=ta-bort|flytta: a deleted theme's tags */
	IN_MOVE_TO,		/* till: the theme they move to */
	/* review: section, post, lists (handlers/review/) */
	IN_REVIEW_BACK,		/* tillbaka: the workspace page a form returns to */
	IN_REVIEW_NOTICE,	/* ?meddelande=CODE after a review form */
	IN_SEARCH_TEXT,		/* sok: q, the words to search for */
	IN_SEARCH_POSITION,	/* sok: stallning, a position code */
	IN_SEARCH_KIND,		/* sok: typ, an organisation kind */
	IN_SEARCH_THEME,	/* sok: tema, answers tagged with a theme */
	IN_TAG_THEME,		/* tagga: tema, the theme to tag with */
	IN_ANSWER_RESPONSE,	/* svar: the response of the answer a form is on */
	IN_ANSWER_SECTION,	/* avsnitt: ... its section (none: as a whole) */
	IN_ANSWER_QUESTION,	/* fraga: ... or its question */
	IN_ANSWER_VERSION,	/* version: the version the page showed */
	IN_PASSAGE_QUOTE,	/* citat: a passage of the answer */
	IN_PASSAGE_FIELD,	/* falt: the answer's field the passage is in */
	IN_PASSAGE_START,	/* start: the passage's character offset */
	IN_NOTE_TEXT,		/* anteckna: text, the note */
	IN_NOTE_THREAD,		/* anteckna: trad, the thread a reply is in */
	IN_NOTE_STATUS,		/* status: lost | oppen */
	IN_READ_MARK,		/* last: ja | nej */
	/* decide (handlers/decide/) */
	/* decide: meetings (handlers/decide/meetings.c) */
	IN_MEETING_DATE,	/* datum: as typed (core/meeting_rules.c reads it) */
	IN_MEETING_TITLE,	/* rubrik */
	IN_MEETING_PLACE,	/* plats */
	IN_MEETING_NOTES,	/* anteckningar */
	IN_MEETING_PARTICIPANTS, /* deltagare: one person per line */
	IN_MEETING_VERSION,	/* the edit version the form was loaded at */
	IN_MEETING_ORGS,	/* organisation: checked organisation ids */
	IN_MEETING_SECTIONS,	/* avsnitt: checked section ids */
	IN_MEETING_THEMES,	/* tema: checked theme ids (the new form's
				   ?tema=ID: the one to check first) */
	IN_MEETING_SECTION_NR,	/* ?avsnitt=NR: the new form's section */
	/* decide: decisions, summaries */
	IN_DECISION_KIND,	/* "beslut": oforandrad | andrad | struken */
	IN_DECISION_TEXT,	/* "text": the revised or new section's text */
	IN_DECISION_MOTIVATION,	/* "motivering" */
	IN_DECISION_STATUS,	/* "status": utkast | klar */
	IN_DECISION_LOCK,	/* "lock": the lock version the form started from */
	IN_DECISION_REF,	/* "ref" (repeated): a response id it rests on */
	IN_DECISION_NR,		/* "nr": an added section's number */
	IN_DECISION_HEADING,	/* "rubrik": an added section's heading */
	IN_SUMMARY_SECTION,	/* ?avsnitt=NR: a section's summary */
	IN_SUMMARY_THEME,	/* ?tema=ID: a theme's summary */
	IN_SUMMARY_DRAFT,	/* ?utkast / "utkast": the generated draft */
	IN_SUMMARY_TEXT,	/* "text": the summary */
	IN_SUMMARY_VERSION,	/* "version": the version the form started from */
	IN_SUMMARY_REF,		/* "ref" (repeated): "RESPONSE:SECTION" */
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
	IN_REMISS_FILE,		/* remiss: a remiss's XML file (FILE) */
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
	IN_NOTICE,		/* ?meddelande= after a change (publication pages) */
	IN_VERSIONS,		/* publish: "12,15", the versions the preview showed */
	IN_REASON,		/* withdrawing a redaction: why (skal) */
	IN_BACK,		/* "forhandsgranska": come back to the preview */
	IN_VERSION,		/* redact: the version's id */
	IN_PASSAGE,		/* redact: the passage (stycke) */
	IN_FIELD,		/* redact: the passage's field, or all (falt) */
	IN_START,		/* redact: where the selected passage starts */
	IN_WHOLE_FIELD,		/* redact: a whole field (falt_helt) */
	IN_ATTACHMENT_NR,	/* redact: an attachment's 1-based number */
	IN_ACTION,		/* redact: "dolj" | "ersatt" an attachment */
	IN_GROUND,		/* redact: the legal ground (grund) */
	IN_REPLACEMENT_FILE,	/* redact: an attachment's redacted copy
				   (ersattning, FILE) */
	/* api (handlers/api/) */
	/* Issue 18, accounts: one-time links, reset, people, the
	 * organisation's own page (handlers/site/onetime.c, forgot.c,
	 * organisation.c, handlers/admin/people.c). */
	IN_LINK_TOKEN,		/* t: a one-time link's token (query or hidden) */
	IN_NEW_PASSWORD,	/* losenord: the new password */
	IN_NEW_PASSWORD2,	/* losenord2: the same again */
	IN_PERSON_NAME,		/* namn */
	IN_PERSON_ROLE,		/* roll: kommun | granskare | forvaltning | admin */
	IN_PERSON_ORG,		/* organisation: an organisation's id */
	IN_PERSON_ORG_ADMIN,	/* org_admin: administers the organisation */
	IN_PEOPLE_DONE,		/* ?klart=: what was just done */
	IN_TOKEN_LABEL,		/* etikett: an API token's label */
	/* Issue 18, organisations, remisslista, referensgrupp (m18-orgs:
	 * handlers/admin/organisations.c, org_import.c, remisslista.c,
	 * referensgrupp.c) */
	IN_ORG_NAME,		/* namn */
	IN_ORG_KIND,		/* typ: kommun | region | myndighet |
				   forening | annan */
	IN_ORG_ORGNR,		/* orgnr */
	IN_ORG_REGISTRY,	/* registratur: the registry mailbox */
	IN_ORG_FILE,		/* fil: the import's CSV file (FILE) */
	IN_ORG_CSV,		/* csv: the previewed file's text, confirmed */
	IN_CONTACT_NAME,	/* kontakt_namn */
	IN_CONTACT_TITLE,	/* kontakt_titel */
	IN_CONTACT_EMAIL,	/* kontakt_epost */
	IN_CONTACT_ID,		/* kontakt: a contact's id */
	IN_RL_ORGS,		/* organisation: ids to invite (LIST) */
	IN_RL_KIND,		/* alla: invite every organisation of a kind */
	IN_RL_ADDRESS,		/* adress: the dispatch address, "" to clear */
	IN_RL_BACK,		/* tillbaka=remisslista: where forlang and
				   bjud-in return */
	IN_RG_USER,		/* person: a user's id */
	/* Issue 18, remiss documents and dispatch
	 * (handlers/admin/remiss_documents.c) */
	IN_RDOC_FILE,		/* fil: the document (FILE) */
	IN_RDOC_KIND,		/* typ: forslag | missiv | bilaga */
	IN_RDOC_TITLE,		/* rubrik: its title (optional) */
	IN_REMINDER_DAYS,	/* dagar: reminder days, 0..60 */
	IN_RMAIL_DONE,		/* ?klart=CODE: what was just done */
	/* Issue 18, mail delivery (handlers/admin/utskick.c) */
	IN_MAIL_ID,		/* the message to send again (id) */
	IN_MAIL_AGAIN,		/* ?igen=1: it was queued again */
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
	INPUT_FILE,	/* a file part of a multipart body: its name and media
			   type as sent, its bytes (within the multipart
			   parser's limits); a text value under the key is
			   invalid. Never from the query; not a family. */
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

/* A valid FILE value: borrowed from the request's multipart body. */
struct input_file {
	const char		*name;		/* the file name as sent (may be
						   empty) */
	const char		*media_type;	/* as sent, lower-cased, no
						   parameters; NULL if none */
	const unsigned char	*data;		/* len bytes (NUL after them) */
	size_t			 len;
};

/* One key's slot: for a plain key n is 0 or 1; for a LIST or PREFIX every
 * value sent (empty ones left out). state is ABSENT when n is 0, INVALID
 * when any value (or a PREFIX's KEY) is invalid, else VALID. A FILE slot's
 * values have the file name (or the text sent) as raw, and its valid files
 * are also files[0..nfiles), in order. An empty file part (no name, no
 * bytes: a file field left empty) is absent. */
struct input_slot {
	enum input_state	 state;
	bool			 declared;	/* the route lists the key */
	const char		*name;		/* its def's name, for logs */
	enum input_type		 type;		/* its def's type */
	struct input_value	*v;		/* v[0..n), in the arena */
	size_t			 n;
	struct input_file	*files;		/* FILE: the valid ones */
	size_t			 nfiles;
};

/*
 * Fills slots[0..ndefs) (zeroed first) for the keys listed in declared
 * (ended by a value >= ndefs, such as IN__END) from form, then query: a
 * plain key takes its first value in the form, else in the query; a LIST
 * takes every value of the form, or if it has none, of the query; a PREFIX
 * every key of the family in the form, then those only the query has.
 * A FILE key takes the parts of the multipart body mp under its name (the
 * first, or with INPUT_LIST every one), or without mp the form's values
 * (text, so invalid). Keys not listed stay absent and undeclared. Values
 * are copied into a; a file's name and bytes stay the parser's. Returns 0,
 * or -1 when out of memory (slots then undefined).
 */
int input_parse(struct arena *a, const struct input_def *defs, size_t ndefs,
    const enum input_key *declared, const struct kvlist *form,
    const struct kvlist *query, const struct multipart *mp,
    struct input_slot *slots);

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

/* The valid files of a FILE key, in the order sent; *n gets the count.
 * NULL with *n 0 when none (check input_state for one sent as text). */
const struct input_file *input_files(const struct request *req,
    enum input_key k, size_t *n);

/* The value of a PREFIX key whose KEY is key; NULL when none was sent. */
const struct input_value *input_member(const struct request *req,
    enum input_key k, const char *key);

#endif
