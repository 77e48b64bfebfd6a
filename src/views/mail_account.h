/* mail_account.h: the wording of the invitation and the password-reset mail, in the recipient's language. */
#ifndef REMISS_MAIL_ACCOUNT_H
#define REMISS_MAIL_ACCOUNT_H

struct arena;
struct mail_draft;

/* What a message about a person's account says. */
struct mail_account {
	const char	*to;		/* the person's address */
	const char	*lang;		/* their users.lang: "sv" or "en" */
	const char	*name;		/* their name, or "" */
	const char	*org_name;	/* their organisation, or "" */
	const char	*inviter;	/* who invited them (name or e-mail),
					   or "" */
	const char	*url;		/* the absolute one-time link */
	const char	*expires;	/* the link's expiry, ISO 8601 */
	long long	 user_id;
	long long	 org_id;	/* 0 if none */
};

/*
 * Renders the invitation (kind "invitation": personal, secret) or the
 * reset (kind "reset": automatic, secret) into *out, strings in a, in
 * m->lang; the request's language is restored afterwards. Returns 0, or
 * -1 when memory ran out.
 */
int mail_account_invitation(struct arena *a, const struct mail_account *m,
    struct mail_draft *out);
int mail_account_reset(struct arena *a, const struct mail_account *m,
    struct mail_draft *out);

#endif
