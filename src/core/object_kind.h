/* object_kind.h: the kinds of object a route's path can address (see core/objects.h). */
#ifndef REMISS_OBJECT_KIND_H
#define REMISS_OBJECT_KIND_H

/*
 * What a route's path names, declared in the route table (route.object):
 * core/objects.c loads it, within the route's remiss and the caller's
 * scope, before authz_decide judges the request. Each kind consumes the
 * path parameters listed beside it, in that order (object_defs in
 * core/objects.c; tests/unit/test_routes.c checks every route against
 * them). To add one: a name here, its row in object_defs, and its
 * statement in db/stmt.c with the columns the loader reads.
 */
enum object_kind {
	OBJ_NONE,		/* nothing: the path has no parameter */
	OBJ_REMISS,		/* {slug}: a remiss, on the web (a remissinstans
				   only one it is invited to) */
	OBJ_API_REMISS,		/* {slug}: a remiss on /api/v1 (INTERFACES.md:
				   403 for a remissinstans not invited) */
	OBJ_EXPORT,		/* {slug}, {format}: a remiss's export */
	OBJ_VERSION,		/* {slug}, {id}: a submitted version (receipt) */
	OBJ_API_VERSION,	/* {slug}, {id}: a submitted version on /api/v1 */
	OBJ_ATTACHMENT,		/* {slug}, {id}, {n}: a version's n:th file */
	OBJ_DRAFT_FILE,		/* {slug}, {id}: a file of the caller's
				   organisation's draft */
	OBJ_INVITATION,		/* {slug}, {org}: an organisation invited to the
				   remiss (registering its response) */
	OBJ_SECTION_NR,		/* {slug}, {nr}: a live section by number, or
				   "helhet" (the review's section page) */
	OBJ_SECTION,		/* {slug}, {id}: a live section (the editor) */
	OBJ_QUESTION,		/* {slug}, {id}: a live question (the editor) */
	OBJ_THEME,		/* {slug}, {id}: a theme of the remiss */
	OBJ_TAG,		/* {slug}, {id}: a tag with a theme of the remiss */
	OBJ_NOTE,		/* {slug}, {id}: a thread of annotations */
	OBJ_DECISION,		/* {slug}, {key}: a beslutsförslag: a live
				   section's nr, or ny-ID for an added section */
	OBJ_MEETING,		/* {slug}, {id}: a dialogmöte */
	OBJ_REDACTION,		/* {slug}, {id}: a redaction on a version of it */
	OBJ_PUBLIC_REMISS,	/* {slug}: a remiss whose answers are published */
	OBJ_PUBLIC_ATTACHMENT,	/* {slug}, {version}, {n}: a file of a version
				   the publication shows */
	OBJ_OWN_TOKEN,		/* {id}: a live personal API token of the
				   caller */
	/* Issue 18, accounts: people and an organisation's tokens. */
	OBJ_PERSON,		/* {id}: a user (the förvaltning's people pages) */
	OBJ_ORG_PERSON,		/* {id}: a user of the caller's organisation */
	OBJ_ORG_TOKEN,		/* {id}: a live API token of the caller's
				   organisation */
	OBJ_ORGANISATION,	/* {id}: an organisation (its administration
				   page; issue 18, m18-orgs) */
	OBJ_REMISS_DOCUMENT,	/* {slug}, {id}: a live document of the remiss
				   (förslag, missiv, bilaga) */
	OBJ_DOCUMENT_READ,	/* {slug}, {org}, {id}: an uploaded document
				   response being read for an organisation
				   invited to the remiss (issue 19) */
	OBJ__MAX
};

#endif
