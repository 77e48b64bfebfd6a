/* handlers.h: the route table and every page or API handler it names. */
#ifndef REMISS_HANDLERS_H
#define REMISS_HANDLERS_H

#include <stddef.h>

#include "core/result.h"
#include "http/input.h"
#include "http/problem.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

struct response;

/* The route table, in match order, and its length. */
extern const struct route routes[];
extern const size_t routes_count;

/* Answers req with an error in the format its Accept header asks for; an
 * HTML page has the caller's own header (logged in or not). */
static inline void
handler_problem(struct request *req, struct response *res, int status,
    const char *sv, const char *en)
{
	problem_send_for(res, problem_format_for(req->accept, req->path), status,
	    sv, en, NULL, 0, &req->identity);
}

/* Answers 303 See Other to location (a path on this site). */
static inline void
handler_see_other(struct response *res, const char *location)
{
	res->status = 303;
	response_header(res, "Location", location);
}

/* Answers req with problem id of the catalogue (http/problem.h), in the
 * format its Accept header asks for, with the caller's own header. */
static inline void
handler_fail(struct request *req, struct response *res, enum problem_id id)
{
	problem_send_id(res, problem_format_for(req->accept, req->path), id,
	    &req->identity);
}

/* Answers req with the problem for a core result other than CORE_OK (for
 * an operation whose form shows its own errors, answer those first):
 * not found 404, conflict 409, invalid 422, unavailable 503, error 500. */
static inline void
handler_result(struct request *req, struct response *res, enum core_result rc)
{
	static const enum problem_id probs[CORE__MAX] = {
		[CORE_OK] = PROB_INTERNAL,	/* not a failure: a bug */
		[CORE_NOT_FOUND] = PROB_NOT_FOUND,
		[CORE_CONFLICT] = PROB_CONFLICT,
		[CORE_INVALID] = PROB_INVALID,
		[CORE_UNAVAILABLE] = PROB_UNAVAILABLE,
		[CORE_ERROR] = PROB_INTERNAL,
	};

	handler_fail(req, res, (unsigned)rc < CORE__MAX ? probs[rc] :
	    PROB_INTERNAL);
}

void handle_healthz(struct request *, struct response *);
void handle_home(struct request *, struct response *);
void handle_login_form(struct request *, struct response *);
void handle_login(struct request *, struct response *);
void handle_logout(struct request *, struct response *);
void handle_account(struct request *, struct response *);
void handle_account_save(struct request *, struct response *);
void handle_account_token_revoke(struct request *, struct response *);
void handle_language(struct request *, struct response *);
void handle_audit_log(struct request *, struct response *);
void handle_remiss(struct request *, struct response *);
void handle_response_form(struct request *, struct response *);
void handle_response_post(struct request *, struct response *);
void handle_receipt(struct request *, struct response *);
void handle_attachment(struct request *, struct response *);
void handle_answer_docx(struct request *, struct response *);
void handle_draft_docx(struct request *, struct response *);
void handle_answer_pdf(struct request *, struct response *);
void handle_draft_pdf(struct request *, struct response *);
void handle_draft_file(struct request *, struct response *);
void handle_overview(struct request *, struct response *);
void handle_extend(struct request *, struct response *);
void handle_invite(struct request *, struct response *);
void handle_register_form(struct request *, struct response *);
void handle_register(struct request *, struct response *);
/* Reading a document response into a proposed registration (issue 19). */
void handle_read_upload(struct request *, struct response *);
void handle_read_page(struct request *, struct response *);
void handle_read_confirm(struct request *, struct response *);
void handle_compare(struct request *, struct response *);
void handle_admin_remisser(struct request *, struct response *);
void handle_admin_remiss_upload(struct request *, struct response *);
void handle_remiss_status(struct request *, struct response *);
void handle_review_matrix(struct request *, struct response *);
void handle_review_section(struct request *, struct response *);
void handle_review_tag(struct request *, struct response *);
void handle_review_untag(struct request *, struct response *);
void handle_review_note(struct request *, struct response *);
void handle_review_note_status(struct request *, struct response *);
void handle_review_read(struct request *, struct response *);
void handle_review_themes(struct request *, struct response *);
void handle_review_theme_create(struct request *, struct response *);
void handle_review_theme_update(struct request *, struct response *);
void handle_review_theme_merge(struct request *, struct response *);
void handle_review_theme_delete(struct request *, struct response *);
void handle_review_open_notes(struct request *, struct response *);
void handle_review_search(struct request *, struct response *);
void handle_review_analysis(struct request *, struct response *);
void handle_review_group_theme(struct request *, struct response *);
void handle_review_duplicates(struct request *, struct response *);
void handle_api_remisser(struct request *, struct response *);
void handle_api_remiss(struct request *, struct response *);
void handle_api_versions(struct request *, struct response *);
void handle_api_version(struct request *, struct response *);
void handle_api_export(struct request *, struct response *);
void handle_export_page(struct request *, struct response *);
void handle_summary_page(struct request *, struct response *);
void handle_summary_save(struct request *, struct response *);
void handle_decisions(struct request *, struct response *);
void handle_decision_add(struct request *, struct response *);
void handle_decision_form(struct request *, struct response *);
void handle_decision_save(struct request *, struct response *);
/* Dialogmöten (handlers/decide/meetings.c). */
void handle_meetings(struct request *, struct response *);
void handle_meeting_new_form(struct request *, struct response *);
void handle_meeting_create(struct request *, struct response *);
void handle_meeting_view(struct request *, struct response *);
void handle_meeting_edit_form(struct request *, struct response *);
void handle_meeting_save(struct request *, struct response *);
void handle_meeting_delete_form(struct request *, struct response *);
void handle_meeting_delete(struct request *, struct response *);
void handle_api_submit(struct request *, struct response *);
void handle_metrics(struct request *, struct response *);
void handle_remiss_new_form(struct request *, struct response *);
void handle_remiss_create(struct request *, struct response *);
void handle_remiss_editor(struct request *, struct response *);
void handle_remiss_save(struct request *, struct response *);
void handle_section_add(struct request *, struct response *);
void handle_section_save(struct request *, struct response *);
void handle_section_move(struct request *, struct response *);
void handle_section_remove(struct request *, struct response *);
void handle_question_add(struct request *, struct response *);
void handle_question_save(struct request *, struct response *);
void handle_question_remove(struct request *, struct response *);
void handle_publication(struct request *, struct response *);
void handle_publish(struct request *, struct response *);
void handle_unpublish(struct request *, struct response *);
void handle_publication_preview(struct request *, struct response *);
void handle_redact(struct request *, struct response *);
void handle_redaction_withdraw(struct request *, struct response *);
void handle_public_remiss(struct request *, struct response *);
void handle_public_attachment(struct request *, struct response *);
void handle_statement(struct request *, struct response *);
void handle_session_status(struct request *, struct response *);
void handle_session_extend(struct request *, struct response *);
/* Issue 18, accounts: one-time links, reset, people, the organisation's
 * own page. */
void handle_activate_form(struct request *, struct response *);
void handle_activate(struct request *, struct response *);
void handle_reset_form(struct request *, struct response *);
void handle_reset(struct request *, struct response *);
void handle_forgot_form(struct request *, struct response *);
void handle_forgot(struct request *, struct response *);
void handle_people(struct request *, struct response *);
void handle_people_invite(struct request *, struct response *);
void handle_person(struct request *, struct response *);
void handle_person_update(struct request *, struct response *);
void handle_person_disable(struct request *, struct response *);
void handle_person_enable(struct request *, struct response *);
void handle_person_reinvite(struct request *, struct response *);
void handle_organisation(struct request *, struct response *);
void handle_org_invite(struct request *, struct response *);
void handle_org_person_remove(struct request *, struct response *);
void handle_org_person_reinvite(struct request *, struct response *);
void handle_org_token_create(struct request *, struct response *);
void handle_org_token_revoke(struct request *, struct response *);
/* Issue 18 (m18-orgs): organisations, remisslista, referensgrupp. */
void handle_orgs(struct request *, struct response *);
void handle_org_create(struct request *, struct response *);
void handle_org_template(struct request *, struct response *);
void handle_org_import(struct request *, struct response *);
void handle_org_page(struct request *, struct response *);
void handle_org_save(struct request *, struct response *);
void handle_org_contact_add(struct request *, struct response *);
void handle_org_contact_remove(struct request *, struct response *);
void handle_remisslista(struct request *, struct response *);
void handle_remisslista_add(struct request *, struct response *);
void handle_remisslista_remove(struct request *, struct response *);
void handle_remisslista_address(struct request *, struct response *);
void handle_referensgrupp(struct request *, struct response *);
void handle_referensgrupp_add(struct request *, struct response *);
void handle_referensgrupp_remove(struct request *, struct response *);
/* Issue 18: remiss documents, dispatch, reminder days. */
void handle_remiss_docs(struct request *, struct response *);
void handle_remiss_doc_upload(struct request *, struct response *);
void handle_remiss_doc_download(struct request *, struct response *);
void handle_remiss_doc_remove(struct request *, struct response *);
void handle_dispatch_page(struct request *, struct response *);
void handle_dispatch(struct request *, struct response *);
void handle_reminder_days(struct request *, struct response *);
/* Issue 18, mail delivery (handlers/admin/utskick.c). */
void handle_mail_outbox(struct request *, struct response *);
void handle_mail_retry(struct request *, struct response *);

/* The accessibility statement's Markdown file (remissd -A); the default is
 * PKGDATADIR/tillganglighetsredogorelse.md. path must outlive the process. */
void statement_set_path(const char *path);

#endif
