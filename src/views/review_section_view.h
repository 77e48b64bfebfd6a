/* review_section_view.h: the review's section page: the proposal's text and every organisation's answer with its tags, threads, read marks and forms. */
#ifndef REMISS_REVIEW_SECTION_VIEW_H
#define REMISS_REVIEW_SECTION_VIEW_H

struct arena;
struct html;
struct identity;
struct remiss_def;
struct review_section_data;
struct section_def;

/* A tag or note form of a section page refused for what the user typed. */
struct review_form_error {
	const char	*form;		/* "tagga" | "anteckna" */
	const char	*field;		/* "citat" (the passage) | "text" (the note) */
	const char	*message;	/* in the user's language */
	long long	 response_id, section_id, question_id;	/* the form's answer */
	long long	 thread;	/* a reply's thread, else 0 */
	const char	*quote, *falt, *text, *theme;	/* as typed, or NULL */
};

/* What the page shows. */
struct review_section_page {
	struct arena			*a;	/* for the strings the view makes */
	const struct identity		*who;	/* the caller: header, CSRF
						   token, own read marks */
	const struct remiss_def		*def;
	const struct section_def	*section; /* NULL: the responses as a
						   whole */
	const char			*self;	/* this page's path */
	const struct review_section_data *d;	/* core/review_section.h */
	const struct review_form_error	*err;	/* a refused form, or NULL */
	const char			*notice; /* ?meddelande's code, or NULL */
};

/* The page up to the section's summary: the frame's head, title, the
 * workspace's navigation, the sections, the refused form's error summary
 * (else the notice) and the proposal's text. */
void review_section_view_head(struct html *h,
    const struct review_section_page *pg);

/* The rest: the answers by organisation, each with its tags, threads,
 * read marks and forms, and the frame's end. */
void review_section_view_answers(struct html *h,
    const struct review_section_page *pg);

#endif
