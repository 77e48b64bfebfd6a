/* stmt.h: every SQL statement the programs run, by id; the SQL text lives in stmt.c. */
#ifndef REMISS_STMT_H
#define REMISS_STMT_H

/*
 * Parameters are listed in order ($1, $2, ...), results after "->". All
 * values travel as text; dates as YYYY-MM-DD, ids as decimal strings.
 */
enum stmt {
	STMT_HEALTH,		/* SELECT 1 */
	STMT_BEGIN,		/* BEGIN (use db_begin) */
	STMT_COMMIT,		/* COMMIT (use db_commit) */
	STMT_ROLLBACK,		/* ROLLBACK (use db_rollback) */
	STMT_REMISS_LIST_OPEN,	/* -> slug, title, sender, opens, closes: remisser
				   with status oppen whose window contains today
				   (Europe/Stockholm), ordered by closes */
	STMT_ORG_UPSERT,	/* name, kind or NULL, orgnr or NULL -> id. A new
				   organisation gets kind kommun when kind is NULL;
				   an existing one keeps what a NULL leaves out */
	STMT_ORG_BY_NAME,	/* name -> id, kind, orgnr */
	STMT_REMISS_UPSERT,	/* slug, title, sender, diarienummer, description,
				   opens, closes -> id; sets status oppen and
				   bumps edit_version */
	STMT_REMISS_SHIFT_TO_TODAY,	/* remiss id -> opens, closes: opened 30
				   days ago, closes in 30 days (Europe/Stockholm) */
	STMT_SECTION_UPSERT,	/* remiss id, nr, heading, body, position -> id:
				   updates the live section with that nr, else
				   revives the latest retired one, else inserts */
	STMT_SECTION_RETIRE_OTHERS,	/* remiss id, ids as '{1,2}' -> nr of each
				   live section not in the list, now retired */
	STMT_QUESTION_UPSERT,	/* remiss id, section id or NULL, qid, kind, text,
				   position -> id (revives a retired question) */
	STMT_QUESTION_RETIRE_OTHERS,	/* remiss id, ids as '{1,2}' -> qid of each
				   live question not in the list, now retired */
	STMT_INVITATION_UPSERT,	/* remiss id, org id (no-op when invited) */
	STMT_AUDIT,		/* actor, action, object type, object id, detail
				   (JSON text or NULL) -> id */
	/* Users (remissctl user ..., login). Emails compare lower-cased. */
	STMT_USER_INSERT,	/* email, name or NULL, role, org id or NULL,
				   password hash -> id */
	STMT_USER_BY_EMAIL,	/* email -> id, email, role, org id or '',
				   disabled ('t'/'f') */
	STMT_USER_FOR_LOGIN,	/* email -> id, password hash or NULL,
				   disabled ('t'/'f') */
	STMT_USER_SET_DISABLED,	/* email, 'true'/'false' -> id, email */
	STMT_USER_SET_PASSWORD,	/* email, password hash -> id, email */
	STMT_USER_LIST,		/* -> email, role, organisation name or '',
				   disabled ('t'/'f'), ordered by email */
	STMT_USER_SET_LANG,	/* user id, "sv"/"en" -> id */
	/* Sessions: the cookie token is stored as its SHA-256 only. */
	STMT_SESSION_INSERT,	/* token hash, user id, csrf, remote addr or
				   NULL -> id */
	STMT_SESSION_LOOKUP,	/* token hash, idle seconds, absolute seconds
				   -> id, user id, role, org id or '', email,
				   org name or '', csrf: one row for a live
				   session of an enabled user (last_seen_at
				   refreshed when older than 15 s); an expired
				   session is deleted and gives no row */
	STMT_SESSION_DELETE,	/* session id */
	STMT_SESSION_TIMES,	/* session id, idle s, absolute s -> idle_left,
				   absolute_left (whole seconds, >= 0) */
	STMT_SESSION_EXTEND,	/* same, after setting last use to now */
	STMT_SESSION_DELETE_USER,	/* user id: ends all its sessions */
	STMT_SESSION_PURGE,	/* idle seconds, absolute seconds: deletes
				   every expired session */
	/* Failed logins, counted for throttling. */
	STMT_LOGIN_FAILURE_COUNTS,	/* email or NULL, remote addr or NULL ->
				   failures of the account, of the address,
				   in the last 15 minutes */
	STMT_LOGIN_FAILURE_ADD,	/* email or NULL, remote addr or NULL */
	STMT_LOGIN_FAILURE_CLEAR,	/* email: forgets the account's failures
				   (and everyone's older than a day) */
	/* API tokens: stored as the SHA-256 of the secret only. */
	STMT_APITOKEN_INSERT,	/* token hash, org id or NULL, user id or NULL,
				   label or NULL -> id */
	STMT_APITOKEN_LOOKUP,	/* token hash -> id, user id or '', role,
				   org id or '', email or '', org name or '':
				   one row for an unrevoked token whose user
				   (if any) is enabled; refreshes last_used_at
				   when older than 15 s. role is kommun for an
				   organisation token */
	STMT_APITOKEN_REVOKE,	/* token id -> id (no row: no live token) */
	STMT_APITOKEN_LIST,	/* organisation name or NULL -> id, owner
				   ("org:NAME" or "user:EMAIL"), label or '',
				   created, last used or '', revoked or ''
				   (timestamps as YYYY-MM-DD HH24:MI:SS in
				   Europe/Stockholm); never the hash */
	STMT_APITOKEN_REVOKE_USER,	/* user id -> id, label or '' of each
				   personal token of the user it revoked
				   (the live ones) */
	STMT_APITOKEN_REVOKE_OWN,	/* token id, user id -> id, label or '':
				   one row if it was a live personal token
				   of that user and is now revoked */
	STMT_APITOKEN_USER_LIST,	/* user id -> id, label or '', created,
				   last used or '' (ISO 8601, Europe/Stockholm)
				   of the user's live personal tokens */
	STMT_AUDIT_LIST,	/* action prefix, actor substring, object type,
				   from date, to date (Europe/Stockholm days,
				   inclusive), before id — each NULL for no
				   filter -> id, at (epoch), actor, action,
				   object_type, object_id, detail: newest first,
				   at most 101 rows */
	/* Remiss definitions as loaded for pages and checks (remiss_def.c). */
	STMT_REMISS_BY_SLUG,	/* slug -> id, slug, title, sender,
				   diarienummer or '', description or '',
				   opens, closes, status */
	STMT_REMISS_SECTIONS,	/* remiss id -> id, nr, heading, body: live
				   sections in order */
	STMT_REMISS_QUESTIONS,	/* remiss id -> id, section id or '', qid, kind,
				   text: live questions in order */
	STMT_INVITATION_GET,	/* remiss id, org id -> closes (extension or
				   the remiss's), open_now ('t'/'f': status
				   oppen and today in Europe/Stockholm within
				   opens .. closes) */
	STMT_INVITATION_ARRIVAL,	/* remiss id, org id, day -> closes,
				   open on that day ('t'/'f': status oppen and
				   the day within opens .. closes), the day
				   after today in Europe/Stockholm ('t'/'f'):
				   the window a registered response is judged
				   by (its ankomstdatum) */
	/* Responses, drafts and submitted versions (response_store.c). */
	STMT_RESPONSE_CREATE,	/* remiss id, org id (no-op when it exists) */
	STMT_RESPONSE_LOCK,	/* remiss id, org id -> id, lock_version, org
				   name, org kind, orgnr or '': the row locked
				   FOR UPDATE (no row: none yet) */
	STMT_DRAFT_GET,		/* remiss id, org id -> id, lock_version,
				   position, summary, diarienummer, decision
				   body, decision date, contact name, e-mail,
				   phone (each '' when NULL) */
	STMT_DRAFT_STATE,	/* remiss id, org id -> draft saved (ISO) or
				   '' when never saved, latest version id or '',
				   the draft saved before that version was
				   received ('t'/'f'); no row: no response yet */
	STMT_DRAFT_ANSWERS_GET,	/* response id -> section id or '', question
				   id or '', position, comment, wording,
				   consequence region, kommun, short term,
				   long term (each '' when NULL) */
	STMT_DRAFT_UPDATE,	/* response id, user id or NULL, position,
				   summary, diarienummer, decision body,
				   decision date, contact name, e-mail, phone
				   (NULL for none) -> new lock_version */
	STMT_DRAFT_ANSWERS_REPLACE,	/* response id, then arrays (as '{...}'
				   text) of section ids, question ids,
				   positions, comments, wordings, consequences
				   region, kommun, short terms, long terms:
				   deletes the draft's answers, inserts these */
	STMT_VERSION_BY_KEY,	/* response id, idempotency key -> id,
				   request sha256, receipt number, received
				   (ISO, Europe/Stockholm), version, sha256 */
	STMT_VERSION_INSERT,	/* response id, channel, position, summary,
				   decision body, decision date, diarienummer,
				   contact name, e-mail, phone, canonical xml,
				   sha256, user id, idempotency key, request
				   sha256, arrival day or NULL -> id, version,
				   receipt number, received (ISO): the next
				   version number and a new receipt number */
	STMT_ANSWERS_INSERT,	/* version id, then arrays as for
				   STMT_DRAFT_ANSWERS_REPLACE; ord follows the
				   arrays' order */
	STMT_ATTACHMENT_INSERT,	/* version id, ord, filename, media type,
				   bytes as plain hex digits, size, sha256 */
	STMT_VERSION_GET,	/* version id, org id or NULL, remiss id or
				   NULL (any) -> version,
				   channel, position, summary, decision body,
				   decision date, diarienummer, contact name,
				   e-mail, phone, sha256, receipt number,
				   received (ISO), remiss slug, org name, org
				   kind, orgnr, arrival day (each '' when NULL) */
	STMT_VERSION_ANSWERS,	/* version id -> section nr or '', question
				   qid or '', section id or '', question id or
				   '', position, comment, wording, consequence
				   region, kommun, short term, long term ('' for
				   NULL), in ord */
	STMT_VERSION_ATTACHMENTS,	/* version id -> filename, media type,
				   bytes as hex, in ord */
	STMT_VERSION_ATTACHMENT_NAMES,	/* version id -> filename, media type,
				   size, sha256, in ord (no content) */
	STMT_VERSIONS_LIST,	/* remiss id, org id or NULL -> id, receipt
				   number, received (ISO), version, sha256,
				   remiss slug, org name, channel, arrival day
				   or '': newest first */
	STMT_REMISS_OVERVIEW,	/* remiss id -> org id, name, kind, extension or '',
				   last day, draft saved (ISO) or '', latest
				   version or '', its received (ISO) or '', its id
				   or '', late ('t'/'f'), its arrival day or '':
				   one row per invited organisation, by name */
	STMT_INVITATION_EXTEND,	/* remiss id, org id, date or NULL -> org name:
				   sets (or clears) the organisation's extension */
	STMT_DRAFT_FILE_ADD,	/* remiss id, org id, filename, media type, bytes
				   as hex, user id, max files -> id (no row when
				   the draft already has max files) */
	STMT_DRAFT_FILE_LIST,	/* remiss id, org id -> id, filename, media type,
				   size, sha256, uploaded (ISO): in upload order */
	STMT_DRAFT_FILE_CONTENT,	/* remiss id, org id -> filename, media type,
				   bytes as hex: in upload order */
	STMT_DRAFT_FILE_DELETE,	/* id, remiss id, org id -> filename */
	STMT_ORG_NAME,		/* org id -> name */
	STMT_REMISS_LIST_ALL,	/* -> slug, title, status, opens, closes, invited,
				   answered: every remiss, newest first */
	STMT_REMISS_SET_STATUS,	/* slug, status -> id */
	STMT_REMISS_INVITEES,	/* remiss id -> name, kind, orgnr or '': by name */
	STMT_API_REMISS_LIST,	/* org id or NULL -> slug, title, sender,
				   diarienummer or '', opens, closes (the
				   organisation's, with its extension), answered
				   ('t'/'f'): open remisser (for an organisation
				   those it is invited to), last day first */
	STMT_VERSION_XML,	/* version id, org id or NULL, remiss id ->
				   canonical XML, remiss slug (no row: not a
				   version of that remiss and organisation) */
	STMT_DRAFT_FILE_GET,	/* id, remiss id, org id -> filename, media type,
				   bytes as hex: one file of that draft */
	/* The review workspace (src/review/). An answer's target is a section
	   id or '' and a question id or '' (both '': the response as a whole). */
	STMT_REVIEW_ORGS,	/* remiss id, kind or NULL -> org id, name, kind,
				   response id or '', latest version id or '',
				   its version or '', received (ISO) or '': the
				   invited organisations, by name */
	STMT_REVIEW_ORG_COUNT,	/* remiss id, kind or NULL -> how many
				   organisations STMT_REVIEW_ORGS would list */
	STMT_REVIEW_ORGS_PAGE,	/* remiss id, kind or NULL, limit, offset ->
				   as STMT_REVIEW_ORGS, only that stretch of
				   the list (one page of the review matrix) */
	STMT_REVIEW_CELLS,	/* remiss id, position or NULL, theme id or NULL,
				   search or NULL, user id, org ids ('{1,2}') ->
				   org id, section id, position or '', excerpt,
				   more ('t'/'f'), tags, open annotations, read by
				   the user ('t'/'f'), passes the filters
				   ('t'/'f'): section answers of the latest
				   versions of those organisations; the search
				   as STMT_REVIEW_SEARCH's, over the answer and
				   the answers to the section's questions */
	STMT_REVIEW_ANSWERS,	/* remiss id, section id or NULL -> org id, org
				   name, kind, response id, version id, version,
				   received (ISO), section id or '', question id
				   or '', position or '', comment, proposed
				   wording, consequence region, consequence
				   kommun, short term, long term (all '' if
				   none), summary: the latest versions' answers to
				   the section and its questions (NULL: the
				   overall position and summary, one row per
				   organisation), by organisation name */
	STMT_REVIEW_TAGS,	/* remiss id, section id or NULL -> tag id, theme
				   id, theme name, response id, section id or '',
				   question id or '', field or '', quote, prefix,
				   suffix, start, end ('' for a whole answer),
				   version id, by (name), at (ISO) */
	STMT_REVIEW_NOTES,	/* remiss id, section id or NULL -> id, parent id
				   or '', response id, section id or '', question
				   id or '', field or '', quote, prefix, suffix,
				   start, end, body, by, at (ISO), resolved (ISO)
				   or '', resolved by or '': threads in order */
	STMT_REVIEW_READS,	/* remiss id, section id or NULL -> response id,
				   reader name, user id */
	STMT_THEME_LIST,	/* remiss id -> id, parent id or '', name,
				   description, tags, answers: parents first,
				   by name, each followed by its children */
	STMT_THEME_INSERT,	/* remiss id, name, description or NULL, parent
				   id or NULL, user id -> id (no row: the
				   parent is not a theme of the remiss) */
	STMT_THEME_UPDATE,	/* id, remiss id, name, description or NULL,
				   parent id or NULL -> id (no row: the theme
				   or the parent is not of the remiss) */
	STMT_THEME_LOCK,	/* id, remiss id -> id, the row locked (no
				   row: not a theme of the remiss) */
	STMT_THEME_TAGS_MOVE,	/* from theme, to theme, remiss id: moves tags
				   (a whole-answer tag the target has already is
				   left behind) -> moved rows */
	STMT_THEME_ORPHAN_CHILDREN,	/* theme id, new parent or NULL, remiss
				   id: its sub-themes move under the new parent */
	STMT_THEME_DELETE,	/* id, remiss id -> name (its tags go with it) */
	STMT_TAG_INSERT,	/* theme id, response id, section id or NULL,
				   question id or NULL, version id, field or NULL,
				   quote, prefix, suffix, start, end (NULLs for a
				   whole answer), user id, remiss id -> found
				   (every id is of the remiss: the theme, the
				   response with that version, the section or
				   question), new tag id or NULL (not found, or
				   a whole answer already tagged): one row */
	STMT_TAG_DELETE,	/* tag id, remiss id -> theme name */
	STMT_NOTE_INSERT,	/* remiss id, parent id or NULL, response id,
				   section id, question id, version id, field,
				   quote, prefix, suffix, start, end (NULLs as
				   apply), body, user id -> id (no row: the parent,
				   the response with that version, the section
				   or the question is not of this remiss) */
	STMT_NOTE_RESOLVE,	/* id, remiss id, user id or NULL (reopen) -> id */
	STMT_NOTES_OPEN,	/* remiss id -> id, org name, section nr or '',
				   heading or '', quote or '', body, by, at (ISO),
				   replies: open threads, oldest first */
	STMT_READ_MARK,		/* user id, response id, section id or NULL,
				   version id, remiss id -> response id: marks
				   read (again); no row: the response with that
				   version, or the section, is not of the remiss */
	STMT_READ_UNMARK,	/* user id, response id, section id or NULL,
				   remiss id */
	STMT_REVIEW_PROGRESS,	/* remiss id, kind or NULL, four position codes
				   -> section id, answered, read, tagged,
				   annotated, readers (names, ', '), then the
				   answers of that kind with each of the four
				   positions: per live section, in order */
	STMT_THEME_PROGRESS,	/* remiss id -> theme id, answers tagged,
				   organisations, passages */
	STMT_REVIEW_SEARCH,	/* remiss id, query (websearch syntax; words
				   also found as parts of words, schema/016),
				   position or NULL, kind or NULL, theme id or
				   NULL -> org name, section nr or '' (the
				   summary), heading, snippet (matches between
				   \x01 and \x02), rank, org id: one row per
				   organisation and section (its answer and its
				   answers to the section's questions), best
				   first, at most 200 */
	STMT_REVIEW_ANSWER_ONE,	/* response id, remiss id, section id or NULL,
				   question id or NULL -> latest version id,
				   comment, proposed wording, consequence region,
				   consequence kommun, short term, long term,
				   summary (all '' if none); no row: no such
				   response, or (with a target) no such answer */
	/* remissctl verify: is a (restored) database complete? */
	STMT_VERIFY_SNAPSHOT,	/* first in a transaction: repeatable read, read
				   only, so every check sees one moment */
	STMT_VERIFY_VERSIONS,	/* -> id, receipt number, sha256, version,
				   response id, number of response.submit audit
				   rows for it, the first one's sha256 and receipt
				   ('' when none): every version, by id */
	STMT_VERIFY_VERSION_XML,	/* version id -> canonical XML */
	STMT_VERIFY_ORPHAN_AUDITS,	/* -> version id, receipt: response.submit
				   audit rows whose version does not exist */
	STMT_VERIFY_VERSION_GAPS,	/* -> response id, versions, highest version:
				   responses whose versions are not 1..n */
	STMT_VERIFY_RECEIPT_SEQ,	/* -> on the sequence's count (schema/018):
				   the next number's position, the clock's,
				   the highest given out (0 if none) and that
				   number, the sequence's last value, and when
				   the clock passes both (ISO 8601) */
	STMT_VERIFY_ATTACHMENTS,	/* -> id, version id, ord, filename, size,
				   sha256: every attachment of a version, by id */
	STMT_VERIFY_ATTACHMENT_BYTES,	/* attachment id -> bytes as hex */
	/* The remiss editor and the import's rules (core/remiss_edit.c). */
	STMT_REMISS_LOCK_GET,	/* slug -> id, edit_version, status */
	STMT_REMISS_BUMP,	/* remiss id, edit_version -> the next
				   edit_version (no row: the remiss has moved on
				   since, or does not exist); the row stays locked
				   until the transaction ends */
	STMT_REMISS_INSERT,	/* slug, title, sender, diarienummer, description,
				   opens, closes, status -> id (no row: the slug
				   is taken) */
	STMT_REMISS_UPDATE_FIELDS,	/* remiss id, title, sender, diarienummer,
				   description, opens, closes -> slug */
	STMT_SECTION_GET,	/* remiss id, section id -> nr, heading, body:
				   a live section only */
	STMT_SECTION_ADD,	/* remiss id, nr, heading, body -> id: last in
				   order; revives the latest retired section with
				   that nr, else inserts (no row: a live section
				   has the nr) */
	STMT_SECTION_SAVE,	/* remiss id, section id, nr, heading, body,
				   position or NULL (keep) -> id: a live
				   section only; 23505 when the nr is taken */
	STMT_SECTION_ORDER,	/* remiss id, section ids as '{1,2}': each gets
				   its index in the list as position */
	STMT_SECTION_RETIRE,	/* remiss id, section id -> nr: retires the live
				   section and its live questions */
	STMT_SECTION_NR_TEMP,	/* remiss id, section ids as '{1,2}': gives each
				   live one a temporary nr unique to its id, so
				   that numbers can be exchanged */
	STMT_QUESTION_GET,	/* remiss id, question id -> qid, kind, text,
				   section id or '': a live question only */
	STMT_QUESTION_ADD,	/* remiss id, section id or NULL, qid, kind, text
				   -> id: last in order; revives a retired
				   question with that qid (no row: a live
				   question has it) */
	STMT_QUESTION_SAVE,	/* remiss id, question id, qid, kind, text -> id:
				   a live question only; 23505 when the qid is
				   taken */
	STMT_QUESTION_RETIRE,	/* remiss id, question id -> qid */
	STMT_ANSWERED_FLAGS,	/* remiss id -> 's' or 'q', id, answered in a
				   submitted version ('t'/'f'), in a draft
				   ('t'/'f'): every live section (with its live
				   questions) and live question */
	STMT_SECTIONS_ANSWERED,	/* remiss id, section ids as '{1,2}' -> id, nr,
				   heading, organisations with a submitted
				   answer, with a draft answer: only sections
				   answered directly, in order */
	STMT_QUESTIONS_ANSWERED,	/* remiss id, question ids as '{1,2}' -> id,
				   qid, organisations with a submitted answer,
				   with a draft answer: only answered ones */
	STMT_LOCK_ANSWERS,	/* locks answers and draft_answers against writes
				   until the transaction ends */
	STMT_ANALYSIS_TEXTS,	/* remiss id -> answer id, section id, org id, org
				   name, text: the latest versions' section answers
				   with any text, by answer id */
	STMT_ANALYSIS_TARGETS,	/* remiss id, answer ids as '{1,2}' -> answer id,
				   response id, section id or '', question id or
				   '', version id: those answers of latest versions
				   of this remiss */
	STMT_ANALYSIS_THEMED,	/* remiss id, section id -> theme id, theme name,
				   answer id: the section's latest answers tagged
				   with each theme (whole or a passage) */
	STMT_PUBLICATION_GET,	/* remiss id -> published at (ISO), by (name or
				   e-mail): no row when not published */
	STMT_PUBLICATION_INSERT,	/* remiss id, user id -> remiss id;
				   publishing again updates when and by whom */
	STMT_PUBLICATION_DELETE,	/* remiss id -> remiss id; no row when it
				   was not published */
	STMT_REDACTION_INSERT,	/* version id, remiss id, passage or NULL,
				   attachment ord or NULL, legal ground, user
				   id, field, prefix, suffix, start, end (all
				   NULL but for an anchor or field), replacement
				   name, type, bytes as hex (NULL unless
				   replaced) -> id; no row when the version is
				   not one of this remiss's */
	STMT_REDACTIONS_LIST,	/* remiss id -> id, version id, organisation,
				   version number, passage ('' for an
				   attachment), attachment ord (''), its file
				   name (''), legal ground, at (ISO), by,
				   withdrawn at (ISO, '' while in force), by
				   (''), reason (''), field (''), prefix,
				   suffix, start, end ('' without an anchor),
				   replacement name, type, size ('' unless
				   replaced) */
	STMT_REDACTION_REPLACEMENT,	/* redaction id, version id -> name,
				   media type, bytes as hex: the redacted copy
				   of an attachment, no row when it is
				   withdrawn or not a replacement */
	STMT_PUBLIC_ORGS,	/* remiss id -> org id, name, response id
				   (''), latest version id (''), published
				   version id (''), by name */
	STMT_PUBLICATION_PIN,	/* remiss id, version ids as '{1,2}' ->
				   version id: the versions a publication
				   shows, one row per version of this remiss's
				   responses */
	STMT_REDACTION_WITHDRAW,	/* redaction id, remiss id, reason, user
				   id -> redaction id, version id, passage (''),
				   attachment ord (''), legal ground; no row when
				   it is not this remiss's or already withdrawn */
	STMT_REDACTION_WITHDRAWN,	/* redaction id, remiss id -> withdrawn
				   at (ISO, '' while in force), by (''); no row
				   when it is not this remiss's */
	STMT_ARCHIVE_VERSIONS,	/* remiss id -> version id, organisation,
				   version, receipt number, received (ISO),
				   sha256, canonical XML, channel, arrival
				   day (a registered version's) or '': every
				   version, by organisation and version */
	/* Exports (src/export/): read in one snapshot (STMT_VERIFY_SNAPSHOT). */
	STMT_EXPORT_ORGS,	/* remiss id -> org id, name, kind, orgnr or '',
				   version id or '', version or '', received
				   (iso_time_se) or '', receipt number or '',
				   overall position or '', arrival day (a
				   registered version's) or '': every invited
				   organisation with its latest submitted
				   version, by name */
	STMT_EXPORT_COUNTS,	/* remiss id -> section id, nr, heading, then
				   how many latest answers take each position:
				   tillstyrker, tillstyrker-med-andringar,
				   avstyrker, inga-synpunkter; live sections in
				   order */
	STMT_EXPORT_ANSWERS,	/* remiss id, section id -> org id, position or
				   '', comment, proposed wording, consequence
				   region, consequence kommun, short term, long
				   term, themes ('; '-joined names of the tags on
				   the answer): the latest submitted answers to
				   the section, by organisation name */
	STMT_EXPORT_MARKS,	/* remiss id, section id or NULL -> org name,
				   theme or '', quote or '', start or '', end or
				   '', note or '', by, time (iso_time_se): tags
				   (with a theme) and annotations (with a note;
				   a reply carries its thread's passage) on the
				   section's answers (NULL: on whole responses),
				   by organisation, then time */
	STMT_EXPORT_VERSION_XMLS,	/* remiss id, after org name ('' first) ->
				   org name, canonical XML of the latest
				   version: the next 20 organisations with a
				   submitted version, by name */
	/* Summaries per section or per theme, in versions (007_summaries.sql).
	   A subject is (section id, theme id), exactly one of them set. */
	STMT_SUMMARY_CURRENT,	/* remiss id, section id or NULL, theme id or NULL
				   -> version id, version, body, generated
				   ('t'/'f'), author, time (iso_time_se): the
				   latest version, no row when none */
	STMT_SUMMARY_SAVE,	/* remiss id, section id or NULL, theme id or
				   NULL, expected current version ('0' for none),
				   body, generated ('true'/'false'), user id ->
				   version id, version: no row when another
				   version was saved meanwhile */
	STMT_SUMMARY_REF_ADD,	/* version id, response id, section id or NULL,
				   remiss id -> response id: only a response to
				   that remiss (no row otherwise) */
	STMT_SUMMARY_VERSIONS,	/* remiss id, section id or NULL, theme id or NULL
				   -> version id, version, body, generated, author,
				   time: newest first */
	STMT_SUMMARY_REFS,	/* version id -> response id, org id, org name,
				   section nr or '': by organisation name */
	STMT_SUMMARY_CITING,	/* remiss id, section id -> response id, subject
				   ('avsnitt' or the theme's name), theme id or
				   '': the latest summary versions that rest on
				   an answer to the section */
	STMT_THEME_ANSWERS,	/* theme id, remiss id -> response id, org name,
				   section id or '', section nr or '', position
				   or '', comment or '', org id: each answer tagged with
				   the theme (or a sub-theme), latest version, by
				   organisation and section order */
	STMT_SUMMARY_SECTION_ANSWERS,	/* remiss id, section id -> response id,
				   org name, position or '', comment or '', org
				   id: the latest answers to a section, by name */
	STMT_SUMMARY_THEME,	/* remiss id, theme id -> name (no row: not a
				   theme of that remiss) */
	/* The beslutsförslag (009_decisions.sql). */
	STMT_DECISION_LIST,	/* remiss id -> decision id or '', section id or
				   '', nr, heading, kind or '', revised text,
				   motivation, status or '', lock version or '',
				   author or '', time or '', the proposal's text:
				   every live section (with its decision, if
				   any) in order, then the new sections by nr */
	STMT_DECISION_SAVE_SECTION,	/* remiss id, section id, kind, revised
				   text, motivation, status, expected lock,
				   user id -> id, lock version: inserts (lock
				   0 expected, stored as 1) or updates the
				   section's decision; no row when the lock
				   moved on */
	STMT_DECISION_ADD_NEW,	/* remiss id, nr, heading, revised text,
				   motivation, status, user id -> id */
	STMT_DECISION_SAVE_NEW,	/* id, remiss id, nr, heading, revised text,
				   motivation, status, expected lock, user id ->
				   id, lock version (no row: lock moved on) */
	STMT_DECISION_REFS_CLEAR,	/* decision id */
	STMT_DECISION_REF_ADD,	/* decision id, response id, section id or NULL,
				   remiss id -> response id (a response to that
				   remiss only) */
	STMT_DECISION_RESPONSES,	/* remiss id -> response id, org id, org
				   name: the responses with a version, by
				   organisation name */
	STMT_DECISION_REFS,	/* decision id -> response id, org id, org name,
				   section nr or '' */
	STMT_DECISION_OF_SECTION,	/* section id -> id, kind, revised text,
				   motivation, status (no row: none yet) */
	STMT_DECISION_NEW_LIST,	/* remiss id -> id, nr, heading, revised text,
				   motivation, status: the added sections by nr */
	/* Dialogmöten (schema/010_meetings.sql, core/meetings.c). */
	STMT_MEETING_LIST,	/* remiss id -> id, held on, title or '', place or
				   '', organisation names ("A, B"), number of
				   participants, section nrs ("3.1, 4"), by date */
	STMT_MEETING_GET,	/* id, remiss id -> id, held on, title or '',
				   place or '', notes, edit version, created by,
				   created at, updated by, updated at (iso_time_se) */
	STMT_MEETING_ORGS,	/* meeting id -> org id, name, by name */
	STMT_MEETING_PARTICIPANTS,	/* meeting id -> name, role, in order */
	STMT_MEETING_SECTIONS,	/* meeting id -> section id, nr, heading: live
				   sections in the proposal's order */
	STMT_MEETING_THEMES,	/* meeting id -> theme id, name, by name */
	STMT_MEETING_INSERT,	/* remiss id, held on, title or NULL, place or
				   NULL, notes, user id -> id */
	STMT_MEETING_UPDATE,	/* id, remiss id, held on, title or NULL, place or
				   NULL, notes, expected edit version, user id ->
				   id, edit version (no row: stale or gone) */
	STMT_MEETING_DELETE,	/* id, remiss id, expected edit version -> id,
				   held on (no row: stale or gone) */
	STMT_MEETING_LINKS_CLEAR,	/* meeting id: drops its organisations,
				   participants, sections and themes */
	STMT_MEETING_ORGS_SET,	/* meeting id, remiss id, org ids '{1,2}' -> org
				   id of each organisation invited to the remiss */
	STMT_MEETING_PARTICIPANT_ADD,	/* meeting id, ord, name, role */
	STMT_MEETING_SECTIONS_SET,	/* meeting id, remiss id, section ids
				   '{1,2}' -> section id (live sections only) */
	STMT_MEETING_THEMES_SET,	/* meeting id, remiss id, theme ids '{1,2}'
				   -> theme id (themes of that remiss only) */
	STMT_MEETINGS_OF_SECTION,	/* section id -> id, held on, title or '',
				   organisation names ("A, B"), by date */
	STMT_MEETINGS_OF_THEME,	/* theme id -> id, held on, title or '',
				   organisation names ("A, B"), by date */
	STMT_MEETING_THEMES_MOVE,	/* from theme, to theme, remiss id: links
				   the remiss's meetings of one theme to the
				   other (before a merge), only when the other
				   is a theme of the remiss */
	STMT_MEETING_FORM_THEMES,	/* remiss id -> theme id, name (parent ›
				   child), for the form's checkboxes */
	STMT_MEETING_FORM_ORGS,	/* remiss id -> org id, name, answered (a
				   version was received), the invited by name */
	STMT_EXPORT_MEETINGS,	/* remiss id -> id, held on, title, place, notes,
				   then LF-separated lists: organisation names,
				   participant names, their roles (aligned, ''
				   for none), section nrs, section headings,
				   theme names; by date */
	STMT_EXPORT_SECTION_MEETINGS,	/* section id -> held on, title or '',
				   organisation names ("A, B"), by date */
	STMT_EXPORT_QUESTION_ANSWERS,	/* remiss id, section id or NULL -> qid,
				   kind, text, org id or '' (a question nobody
				   answered), position, comment, wording,
				   consequence region, kommun, short term, long
				   term: the live questions of the section (NULL:
				   of the whole remiss) in order, each with the
				   latest submitted answers by organisation name */
	/* schema/013_remiss_data_version.sql (the review matrix cache) */
	STMT_DATA_VERSION,	/* slug -> remiss id, the remiss's data version,
				   the global one (remiss_id 0); no row: no
				   such remiss */
	STMT_DATA_VERSION_BUMP,	/* slug, or NULL for the global version -> ();
				   its own autocommit statement, run after
				   the change has committed */
	/* The object a route's path addresses (core/objects.c). Each takes
	 * slug, the caller's organisation id or NULL, then its own keys, and
	 * gives no row for an unknown slug, else one row -> remiss_id,
	 * status, published (a publication exists), invited (the caller's
	 * organisation is), found (the object, within the remiss), org_id
	 * (its owning organisation, or NULL). */
	STMT_OBJECT_REMISS,		/* slug, org */
	STMT_OBJECT_VERSION,		/* slug, org, version id */
	STMT_OBJECT_ATTACHMENT,		/* slug, org, version id, n (1-based) */
	STMT_OBJECT_DRAFT_FILE,		/* slug, org, file id: a file of org's
					   draft */
	STMT_OBJECT_INVITATION,		/* slug, org, the invited org's id */
	STMT_OBJECT_SECTION_NR,		/* slug, org, nr or 'helhet' */
	STMT_OBJECT_SECTION,		/* slug, org, section id (live) */
	STMT_OBJECT_QUESTION,		/* slug, org, question id (live) */
	STMT_OBJECT_THEME,		/* slug, org, theme id */
	STMT_OBJECT_TAG,		/* slug, org, tag id */
	STMT_OBJECT_NOTE,		/* slug, org, thread id */
	STMT_OBJECT_DECISION,		/* slug, org, section nr or 'ny-' id */
	STMT_OBJECT_MEETING,		/* slug, org, meeting id */
	STMT_OBJECT_REDACTION,		/* slug, org, redaction id */
	STMT_OBJECT_PUBLIC_ATTACHMENT,	/* slug, org, version id, n: of a
					   version the publication shows */
	STMT_OBJECT_OWN_TOKEN,		/* token id, user id -> found: a live
					   personal token of that user */

	/* E-mail (mail/): the outbox. */
	STMT_OUTBOX_QUEUE,		/* kind, to, lang, subject, text, html,
					   message id, dedupe key, secret,
					   personal, remiss, org, user -> id
					   (no row: the dedupe key exists) */
	/* Issue 18, accounts: one-time links (auth/onetime.c), password
	 * reset (core/pwreset.c), people (core/people.c) and organisations
	 * administering themselves (core/org_admin.c). */
	STMT_ONETIME_INSERT,		/* token hash, user id, purpose, remote
					   addr -> id, expires (iso) */
	STMT_ONETIME_PEEK,		/* token hash, purpose -> user_id, used,
					   expired, disabled, email, name,
					   org_name, lang, expires */
	STMT_ONETIME_REDEEM,		/* token hash, purpose -> user_id: marks a
					   live link used in the statement that
					   checks it (no row: not redeemable) */
	STMT_ONETIME_SUPERSEDE,		/* user id, purpose or NULL -> id: ends
					   the user's unused links */
	STMT_USER_SET_PASSWORD_ID,	/* user id, hash -> id, email (an
					   enabled user) */
	STMT_RESET_COUNTS,		/* email, remote addr -> by_email,
					   by_addr: requests in the last hour */
	STMT_RESET_ADD,			/* email, remote addr -> () */
	STMT_RESET_TARGET,		/* email -> id, email, name, lang: an
					   enabled user with a password */
	STMT_PEOPLE_LIST,		/* scope org or NULL, org filter or NULL,
					   role or NULL -> the people */
	STMT_PERSON_GET,		/* user id, scope org or NULL -> one
					   person */
	STMT_PERSON_INSERT,		/* email, name, role, org, org_admin,
					   invited_by, lang -> id */
	STMT_PERSON_UPDATE,		/* user id, role, org, org_admin -> id */
	STMT_PERSON_SET_DISABLED,	/* user id, disabled, scope org or NULL
					   -> id, email */
	STMT_ORG_CHOICES,		/* -> id, name: every organisation */
	STMT_OBJECT_PERSON,		/* user id -> found */
	STMT_OBJECT_ORG_PERSON,		/* user id, org id -> found: a user of
					   that organisation */
	STMT_OBJECT_ORG_TOKEN,		/* token id, org id -> found: a live
					   token of that organisation */
	STMT_ORG_TOKENS,		/* org id -> its tokens, newest first */
	STMT_ORG_TOKEN_REVOKE,		/* token id, org id -> id, label */
	/* Issue 18, organisations, remisslista, referensgrupp (m18-orgs):
	 * core/organisations.c, core/remisslista.c, core/referensgrupp.c. */
	STMT_ORGS_LIST,		/* -> id, name, kind, orgnr or '', registry or '',
				   people (users), contacts; by name */
	STMT_ORG_GET,		/* org id -> id, name, kind, orgnr or '',
				   registry or '' */
	STMT_ORG_CLASH,		/* name, orgnr or NULL, org id or NULL -> name,
				   orgnr or '': another organisation with that
				   name (any case) or orgnr */
	STMT_ORG_CREATE,	/* name, kind, orgnr or NULL, registry or NULL
				   -> id */
	STMT_ORG_UPDATE,	/* org id, name, kind, orgnr or NULL, registry
				   or NULL -> id */
	STMT_ORG_FIND,		/* name, orgnr or NULL -> id, name: the
				   organisation of that name (any case), else of
				   that orgnr */
	STMT_ORG_IMPORT_UPDATE,	/* org id, kind, orgnr, registry (each NULL:
				   kept as it is) -> id */
	STMT_ORG_CONTACTS,	/* org id -> id, name, title or '', email; by
				   name */
	STMT_ORG_CONTACT_ADD,	/* org id, name, title or NULL, email -> id (the
				   same address again updates name and title) */
	STMT_ORG_CONTACT_REMOVE,	/* org id, contact id -> id, email */
	STMT_ORG_USERS,		/* org id -> id, email, name or '', role,
				   disabled, org_admin; by email */
	STMT_OBJECT_ORGANISATION,	/* org id -> found */
	STMT_REMISSLISTA,	/* remiss id -> org id, name, kind, registry or
				   '', dispatch_email or '', contacts,
				   extended_closes or '', closes, dispatched_at
				   (ISO) or '', has_response, answered */
	STMT_REMISSLISTA_ADD,	/* remiss id, org ids '{1,2}' or NULL, kind or
				   NULL -> org_id, name of each newly invited:
				   the listed ones and all of the kind */
	STMT_REMISSLISTA_REMOVE,	/* remiss id, org id -> org_id, name:
				   removed only when it has no response (draft
				   or answer) */
	STMT_REMISSLISTA_ADDRESS,	/* remiss id, org id, address or NULL ->
				   org_id, name */
	STMT_REFGRUPP_LIST,	/* remiss id -> user id, email, name or '', role,
				   org name or '', added_at (ISO); by name */
	STMT_REFGRUPP_CANDIDATES,	/* remiss id -> id, email, name or '',
				   role, org name or '': enabled users not in the
				   referensgrupp, by organisation and name */
	STMT_REFGRUPP_ADD,	/* remiss id, user id, added by -> user_id, email
				   (no row: no such enabled user, or a member) */
	STMT_REFGRUPP_REMOVE,	/* remiss id, user id -> user_id, email */
	STMT_REFGRUPP_OF_USER,	/* user id -> slug, title, sender, opens, closes:
				   the remisser (not in preparation) whose
				   referensgrupp the user is in, by last day */

	/* Issue 18, remiss documents and the messages about a remiss
	 * (core/remiss_docs.c, core/remiss_mail.c). */
	STMT_RMAIL_RECEIPT_TO,		/* remiss id, org id, user id or NULL ->
					   title, registry_email, user_email,
					   user_lang ('' without a user) */
	STMT_RMAIL_REMISS,		/* remiss id -> slug, title, sender,
					   diarienummer, status, sendable (open
					   or about to open), reminder_days */
	STMT_RMAIL_DISPATCH_TO,		/* remiss id -> org_id, org_name,
					   deadline, addr, lang, user_id: every
					   address of each invited organisation
					   not yet dispatched (its mailbox, its
					   contacts, its users of role kommun) */
	STMT_RMAIL_NO_ADDRESS,		/* remiss id -> org_name: invited, not
					   yet dispatched, without a mailbox */
	STMT_RMAIL_DISPATCH_MARK,	/* remiss id, org ids '{1,2}' -> ():
					   dispatched_at of those invitations
					   not yet dispatched, and of the remiss
					   when any was */
	STMT_RMAIL_REMINDERS_DUE,	/* today -> remiss_id, slug, title,
					   sender, diarienummer, org_id,
					   org_name, deadline, addr, lang */
	STMT_RMAIL_REMINDED,		/* remiss id, org id -> () */
	STMT_RMAIL_DIGEST_NEW,		/* since or NULL -> remiss_id, slug,
					   title, org_id, org_name, version,
					   received_at: versions received since
					   (NULL: since the remiss's last digest,
					   at most a day back) of remisser with a
					   referensgrupp, by remiss and time */
	STMT_RMAIL_DIGEST_READERS,	/* remiss id -> user_id, email, lang */
	STMT_RMAIL_REMINDER_DAYS,	/* remiss id, days -> () */
	STMT_RDOC_LIST,			/* remiss id -> id, kind, title,
					   filename, media_type, size, sha256,
					   created (ISO): the live documents */
	STMT_RDOC_INSERT,		/* remiss id, kind, title, filename,
					   media type, hex bytes, sha256, user
					   -> id */
	STMT_RDOC_GET,			/* remiss id, doc id -> filename,
					   media_type, hex, sha256 (live only) */
	STMT_RDOC_REMOVE,		/* remiss id, doc id -> id (no row: not
					   there or already withdrawn) */
	STMT_OBJECT_REMISS_DOCUMENT,	/* slug, org, document id (live) */

	/* Issue 18, mail delivery (mail/sender.c, remissctl mail, /admin/utskick). */
	STMT_MAIL_CLAIM,		/* -> the next due row, locked (FOR
					   UPDATE SKIP LOCKED), or none */
	STMT_MAIL_SENT,			/* id: delivered; a secret body emptied */
	STMT_MAIL_TEMPFAIL,		/* id, error, minutes, max attempts:
					   again later, or given up */
	STMT_MAIL_PERMFAIL,		/* id, error: given up */
	STMT_MAIL_COUNTS,		/* -> queued, failing, sent, failed */
	STMT_MAIL_LIST,			/* 'queued'|'failing'|'sent', limit ->
					   rows without bodies */
	STMT_MAIL_RETRY,		/* id -> id, to_addr (none: not found,
					   sent, or its secret body gone) */
	STMT_MAIL_RETRY_FAILED,		/* -> id, to_addr of every failed row
					   that can be sent again */
	/* Reading document responses (issue 19, schema/025, core/document_reads.c). */
	STMT_DOCREAD_INSERT,		/* remiss id, org id, user id, filename,
					   media type, hex of the bytes -> id,
					   sha256: queued */
	STMT_DOCREAD_CLAIM,		/* worker, lease seconds, max attempts ->
					   id, remiss slug, attempts, hex: the
					   oldest queued row, or a running one
					   whose lease ran out, now running
					   (FOR UPDATE SKIP LOCKED) */
	STMT_DOCREAD_GIVE_UP,		/* max attempts -> id of each running
					   row whose lease ran out after its
					   last attempt, now failed (gave_up) */
	STMT_DOCREAD_DONE,		/* id, worker, text, proposal JSON ->
					   id: done, if the worker still holds it */
	STMT_DOCREAD_FAIL,		/* id, worker, error code -> id: failed,
					   if the worker still holds it */
	STMT_DOCREAD_LOAD,		/* id, remiss id, org id -> the row
					   without bytes or text, the
					   proposal's letterhead fields */
	STMT_DOCREAD_ANSWERS,		/* id, remiss id, org id -> each proposed
					   answer (section, question, position,
					   passage, cue offsets, comment,
					   confidence) */
	STMT_DOCREAD_FILE,		/* id, remiss id, org id -> filename,
					   media_type, hex */
	STMT_DOCREAD_CONFIRMED,		/* id, version id -> id */
	STMT_DOCREAD_COUNTS,		/* -> queued, running, done, failed */
	STMT_DOCREAD_LIST,		/* remiss id, org id -> id, filename,
					   status, error, created (YYYY-MM-DD,
					   Swedish time), confirmed_version: the
					   organisation's latest 20, newest first */
	STMT_OBJECT_DOCUMENT_READ,	/* slug, org, org id, read id: the
					   organisation invited and the read
					   its own within the remiss */
	STMT__MAX
};

struct stmt_def {
	const char	*name;		/* prepared statement name */
	const char	*sql;
	int		 nparams;
};

/* The table, indexed by enum stmt. */
extern const struct stmt_def stmt_table[STMT__MAX];

#endif
