/* mail_remiss.h: the wording of the messages about a remiss (dispatch, reminder, receipt, digest). */
#ifndef REMISS_MAIL_REMISS_H
#define REMISS_MAIL_REMISS_H

#include <stddef.h>

#include "views/i18n.h"

struct arena;

/* A rendered message: subject, plain text and HTML, all in the arena. */
struct mail_out {
	const char	*subject;
	const char	*text;
	const char	*html;
};

/* One of the remiss's documents as a message links it. */
struct mail_doc {
	const char	*kind;		/* "forslag", "missiv" or "bilaga" */
	const char	*name;		/* the title, else the file name */
	long long	 size;		/* bytes */
	const char	*url;		/* absolute */
};

/* The dispatch (reminder false) or a reminder (reminder true) of a remiss
 * to one address of an invited organisation. */
struct mail_dispatch {
	int			 reminder;
	const char		*title;
	const char		*sender;
	const char		*diarienummer;	/* NULL or "" for none */
	const char		*org_name;
	const char		*deadline;	/* the organisation's own, YYYY-MM-DD */
	const char		*remiss_url;	/* the remiss's page */
	const char		*answer_url;	/* the web form */
	const char		*api_url;	/* the XML API's collection */
	const struct mail_doc	*docs;
	size_t			 ndocs;
};

/* The receipt of a submitted version. */
struct mail_receipt {
	const char	*title;		/* the remiss's */
	const char	*org_name;
	const char	*number;	/* "2024-000017" */
	const char	*received_at;	/* "2024-05-21T14:03:11+02:00" */
	int		 version;
	const char	*sha256;
	const char	*url;		/* the receipt page */
};

/* One new or revised answer in a digest. */
struct mail_digest_item {
	const char	*org_name;
	int		 version;
	const char	*received_at;	/* ISO, Stockholm time */
	const char	*url;		/* the answer in the review workspace */
};

/* The daily digest of a remiss to one member of its referensgrupp. */
struct mail_digest {
	const char			*title;
	const char			*review_url;
	const struct mail_digest_item	*items;
	size_t				 nitems;
};

/*
 * Each writes the message in lang (the request's language is restored
 * afterwards) into *out, all in a. Returns 0, or -1 when memory ran out.
 */
int mail_dispatch_render(struct arena *a, enum lang lang,
    const struct mail_dispatch *m, struct mail_out *out);
int mail_receipt_render(struct arena *a, enum lang lang,
    const struct mail_receipt *m, struct mail_out *out);
int mail_digest_render(struct arena *a, enum lang lang,
    const struct mail_digest *m, struct mail_out *out);

/* The words for a document's kind ("Förslag", "Missiv", "Bilaga") in the
 * current language. */
const char *mail_doc_kind(const char *kind);

/* A size as people read it: "12 kB", "1,4 MB" (in a). */
const char *mail_size(struct arena *a, long long bytes);

#endif
