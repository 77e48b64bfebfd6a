/* people.h: people and their accounts as the förvaltning and an organisation's admin manage them. */
#ifndef REMISS_PEOPLE_H
#define REMISS_PEOPLE_H

#include <stdbool.h>
#include <stddef.h>

#include "auth/identity.h"
#include "core/result.h"

struct arena;
struct db;

/* A person as the people pages list them (strings in the arena). */
struct person {
	long long	 id;
	const char	*email;
	const char	*name;		/* "" when none */
	const char	*role;		/* users.role */
	long long	 org_id;	/* 0 when none */
	const char	*org_name;	/* "" when none */
	bool		 org_admin;
	bool		 disabled;
	bool		 active;	/* has a password (activated) */
	const char	*last_login;	/* ISO 8601, "" when not known */
	const char	*lang;		/* person_get only */
};

/* An organisation to choose in a form. */
struct org_choice {
	long long	 id;
	const char	*name;
};

/* Who acts, and within which organisation. */
struct people_actor {
	const char	*actor;		/* the audit log's actor: "user:12",
					   "remissctl:root" */
	long long	 user_id;	/* 0 for remissctl */
	enum role	 role;		/* ROLE_ADMIN for remissctl */
	const char	*inviter;	/* named in an invitation, or "" */
	const char	*remote_addr;	/* NULL when not known */
	long long	 scope_org;	/* an org admin's own organisation: every
					   statement is confined to it; 0: the
					   förvaltning's reach (all) */
};

/* Why a change was refused (with CORE_INVALID or CORE_CONFLICT). */
enum people_refusal {
	PEOPLE_OK,
	PEOPLE_BAD_EMAIL,	/* not an e-mail address we can send to */
	PEOPLE_BAD_NAME,	/* more than 200 characters or control
				   characters */
	PEOPLE_BAD_ROLE,	/* no such role */
	PEOPLE_DUPLICATE,	/* the address has an account (conflict) */
	PEOPLE_NEEDS_ORG,	/* a remissinstans user without organisation */
	PEOPLE_ORG_ADMIN_NEEDS_ORG, /* org admin without organisation */
	PEOPLE_NO_ORG,		/* the organisation does not exist */
	PEOPLE_ADMIN_ONLY,	/* making or changing an admin takes an admin */
	PEOPLE_SELF,		/* disabling or demoting oneself */
	PEOPLE_ACTIVE,		/* a new invitation to an activated or
				   disabled account (conflict) */
	PEOPLE_OUT_OF_REACH,	/* an org admin acting on someone of their
				   organisation who is no remissinstans user
				   (a granskare, the förvaltning's): theirs is
				   the förvaltning's to manage (forbidden) */
};

/* What an invitation asks for. */
struct person_invite {
	const char	*email;
	const char	*name;		/* NULL or "" for none */
	enum role	 role;
	long long	 org_id;	/* 0 for none */
	bool		 org_admin;
	const char	*lang;		/* "sv" or "en": the person's language
					   (the mail's and the pages'); NULL:
					   "sv" */
};

/* The people within actor->scope_org (0: everyone), filtered by
 * organisation (0: any) and role (NULL: any), by name. */
enum core_result people_list(struct db *db, struct arena *a,
    long long scope_org, long long org, const char *role,
    struct person **out, size_t *n);

/* One person within scope_org (0: anyone). CORE_NOT_FOUND if not there. */
enum core_result people_get(struct db *db, struct arena *a, long long id,
    long long scope_org, struct person *out);

/* Every organisation, by name, for the forms. */
enum core_result people_org_choices(struct db *db, struct arena *a,
    struct org_choice **out, size_t *n);

/*
 * Creates the person without a password and queues the invitation with
 * its activation link, in one transaction with the audit row
 * "user.invite": all or nothing. Within an org admin's scope the person is
 * a remissinstans user of that organisation whatever in says. CORE_OK with
 * *id; CORE_INVALID or CORE_CONFLICT with *why; else a database failure
 * (nothing stored).
 */
enum core_result people_invite(struct db *db, struct arena *a,
    const struct people_actor *actor, const struct person_invite *in,
    long long *id, enum people_refusal *why);

/* Changes id's role, organisation (0: none) and org_admin, audited as
 * "user.update". Results as people_invite. Within an org admin's scope
 * only a remissinstans user may be disabled (else PEOPLE_OUT_OF_REACH). */
enum core_result people_update(struct db *db, struct arena *a,
    const struct people_actor *actor, long long id, enum role role,
    long long org_id, bool org_admin, enum people_refusal *why);

/* Disables id (its sessions end, its personal API tokens are revoked and
 * its unused links stop working) or enables it again, audited as
 * "user.disable" / "user.enable". Results as people_invite. */
enum core_result people_set_disabled(struct db *db, struct arena *a,
    const struct people_actor *actor, long long id, bool disabled,
    enum people_refusal *why);

/* A new invitation to id, not yet activated: the old link stops working,
 * audited as "user.reinvite". Results as people_invite; within an org
 * admin's scope only for a remissinstans user (PEOPLE_OUT_OF_REACH). */
enum core_result people_reinvite(struct db *db, struct arena *a,
    const struct people_actor *actor, long long id,
    enum people_refusal *why);

/* The rules a person's role, organisation (0: none) and org_admin keep,
 * for a caller of actor_role: a known role, an admin only by an admin, a
 * remissinstans user and an org admin in an organisation. PEOPLE_OK or
 * why not. Pure. */
enum people_refusal people_role_check(enum role actor_role, enum role role,
    long long org, bool org_admin);

/* The refusal's message in Swedish and in English (constant strings). */
void people_refusal_text(enum people_refusal why, const char **sv,
    const char **en);

#endif
