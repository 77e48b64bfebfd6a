#!/usr/bin/env bash
# tests/integration/ids_in_remiss.sh BUILD-DIR BASE-URL TMPDIR: every id a request names is
# resolved within the remiss of its route (and the caller's organisation): a theme, section,
# question, response, version, answer, organisation or file of another remiss (or another
# organisation) is a 404, or an error beside the form, and nothing changes; never a 303 with a
# success message. A second remiss, "annan", gives the foreign ids. Needs REMISS_DB with the
# demo data. Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: ids_in_remiss.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
A=ok-hemsjukvard-2025 B=idtest-annan-remiss
PW=remissvar-demo
mkdir -p "$T"
# Everything an id from another remiss could have changed, as one checksum.
fingerprint() {
	sql "SELECT md5(concat_ws('|',
	  (SELECT string_agg(id || ':' || remiss_id || ':' || COALESCE(parent_id, 0) || ':' || name, ',' ORDER BY id) FROM themes),
	  (SELECT string_agg(id || ':' || theme_id || ':' || response_id, ',' ORDER BY id) FROM tags),
	  (SELECT string_agg(meeting_id || ':' || theme_id, ',' ORDER BY meeting_id, theme_id) FROM meeting_themes),
	  (SELECT string_agg(meeting_id || ':' || section_id, ',' ORDER BY meeting_id, section_id) FROM meeting_sections),
	  (SELECT string_agg(meeting_id || ':' || org_id, ',' ORDER BY meeting_id, org_id) FROM meeting_orgs),
	  (SELECT count(*) FROM meetings), (SELECT count(*) FROM summary_versions),
	  (SELECT count(*) FROM summary_refs), (SELECT count(*) FROM decisions),
	  (SELECT count(*) FROM decision_refs), (SELECT count(*) FROM answer_reads),
	  (SELECT count(*) FROM draft_attachments), (SELECT count(*) FROM annotations)))"
}
unchanged() { # unchanged: nothing of the above changed since $before
	[ "$(fingerprint)" = "$before" ] || { echo "#   the data changed"; return 1; }
}
no_success() { # no_success STATUS: that status, no redirect, nothing changed
	status_is "$1" && ! grep -qi '^Location:' "$T/h" && unchanged
}

# --- a second remiss with a response, so that there are foreign ids ---------------------
here=$(cd "$(dirname "$0")/../.." && pwd)
sed -e "s/id=\"ok-hemsjukvard-2025\"/id=\"$B\"/" -e 's/<titel>[^<]*</<titel>En annan remiss</' \
	-e '/<remissinstans/{/Laholms kommun\|Halmstads kommun/!d}' \
	"$here/dev/demo/remiss-hemsjukvard.xml" >"$T/annan.xml"
"$BUILD/remissctl" remiss import --shift-to-today "$T/annan.xml" >/dev/null
sed -e "s/remiss=\"ok-hemsjukvard-2025\"/remiss=\"$B\"/" "$here/dev/demo/svar-laholm.xml" >"$T/annan-svar.xml"
"$BUILD/remissctl" response import --skip-if-answered "$T/annan-svar.xml" >/dev/null

G=$T/granskare F=$T/forvaltning K=$T/kommun
add_user ids.granskare@regionhalland.example granskare "Id Granskare"
login "$G" ids.granskare@regionhalland.example
login "$F" forvaltning@regionhalland.example
login "$K" anna.andersson@laholm.example
ra=$(sql "SELECT id FROM remiss WHERE slug = '$A'")
rb=$(sql "SELECT id FROM remiss WHERE slug = '$B'")
laholm=$(sql "SELECT id FROM organisations WHERE name = 'Laholms kommun'")
halmstad=$(sql "SELECT id FROM organisations WHERE name = 'Halmstads kommun'")
resp_a=$(sql "SELECT id FROM responses WHERE remiss_id = $ra AND org_id = $laholm")
resp_b=$(sql "SELECT id FROM responses WHERE remiss_id = $rb AND org_id = $laholm")
va=$(SLUG=$A version_of "Laholms kommun") vb=$(SLUG=$B version_of "Laholms kommun")
sec_a=$(sql "SELECT section_id FROM answers WHERE version_id = $va AND section_id IS NOT NULL ORDER BY ord LIMIT 1")
nr_a=$(sql "SELECT nr FROM sections WHERE id = $sec_a")
sec_b=$(sql "SELECT id FROM sections WHERE remiss_id = $rb AND nr = '$nr_a'")
q_b=$(sql "SELECT id FROM questions WHERE remiss_id = $rb AND removed_at IS NULL LIMIT 1")
ans_a=$(sql "SELECT id FROM answers WHERE version_id = $va AND section_id = $sec_a")
ans_b=$(sql "SELECT id FROM answers WHERE version_id = $vb AND section_id = $sec_b")
outsider=$(sql "INSERT INTO organisations (name, kind) VALUES ('Idtest ej inbjuden kommun', 'kommun')
	ON CONFLICT (name) DO UPDATE SET kind = 'kommun' RETURNING id")

# Themes: two in A, one in B; A1 tags Laholm's answer and a meeting of A is about A1.
req "$G" GET "/remisser/$A/teman"
csrf=$(form_csrf)
for t in "Idtest A1" "Idtest A2"; do
	post_form "$G" "/remisser/$A/teman" "$csrf" "namn=$t"
done
post_form "$G" "/remisser/$B/teman" "$csrf" "namn=Idtest B1"
theme() { sql "SELECT id FROM themes WHERE name = '$1'"; }
a1=$(theme "Idtest A1") a2=$(theme "Idtest A2") b1=$(theme "Idtest B1")
post_form "$G" "/remisser/$A/granskning/tagga" "$csrf" "tema=$a1" "svar=$resp_a" "avsnitt=$sec_a" "version=$va"
uid=$(sql "SELECT id FROM users WHERE email = 'ids.granskare@regionhalland.example'")
meeting=$(sql "INSERT INTO meetings (remiss_id, held_on, created_by, updated_by) VALUES ($ra, '2025-02-03', $uid, $uid) RETURNING id")
sql "INSERT INTO meeting_orgs VALUES ($meeting, $laholm); INSERT INTO meeting_themes VALUES ($meeting, $a1)" >/dev/null
check "the setup: three themes, A1 tagging Laholm's answer in A, a meeting of A about A1" \
	eval '[ -n "$a1" ] && [ -n "$a2" ] && [ -n "$b1" ] && [ -n "$resp_b" ] && [ -n "$sec_b" ] && [ "$(sql "SELECT count(*) FROM tags WHERE theme_id = $a1")" = 1 ]'
before=$(fingerprint)

# --- themes (review_themes.c, core/review_actions.c) -----------------------------------------
post_form "$G" "/remisser/$A/teman/$a1/sla-ihop" "$csrf" "med=$b1"
check "merging a theme with another remiss's theme (med) is a 404: no tags lost, no meeting moved" \
	eval 'no_success 404 && [ "$(sql "SELECT count(*) FROM meeting_themes WHERE theme_id = $b1")" = 0 ]'
post_form "$G" "/remisser/$A/teman/$b1/sla-ihop" "$csrf" "med=$a2"
check "merging another remiss's theme (in the path) into one of this remiss is a 404" no_success 404
post_form "$G" "/remisser/$A/teman/$a1/ta-bort" "$csrf" "taggar=flytta" "till=$b1"
check "deleting a theme with its tags moved to another remiss's theme (till) is a 404: the theme and its tags stay" \
	eval 'no_success 404 && [ "$(sql "SELECT count(*) FROM tags WHERE theme_id = $a1")" = 1 ]'
post_form "$G" "/remisser/$A/teman/$b1/ta-bort" "$csrf" "taggar=ta-bort"
check "deleting another remiss's theme through this remiss is a 404" no_success 404
post_form "$G" "/remisser/$A/teman" "$csrf" "namn=Idtest under B" "overordnat=$b1"
check "a new theme under another remiss's theme (overordnat) is a 404" no_success 404
post_form "$G" "/remisser/$A/teman/$a2" "$csrf" "namn=Idtest A2" "overordnat=$b1"
check "moving a theme under another remiss's theme is a 404" no_success 404
post_form "$G" "/remisser/$A/teman/$b1" "$csrf" "namn=Omdöpt"
check "renaming another remiss's theme through this remiss is a 404" no_success 404

# --- tags, notes, read marks (review_post.c) ---------------------------------------------
post_form "$G" "/remisser/$A/granskning/tagga" "$csrf" "tema=$b1" "svar=$resp_a" "avsnitt=$sec_a" "version=$va"
check "tagging an answer with another remiss's theme is a 404, not \"Svaret är taggat\"" no_success 404
post_form "$G" "/remisser/$A/granskning/tagga" "$csrf" "tema=$a2" "svar=$resp_b" "avsnitt=$sec_b" "version=$vb"
check "tagging another remiss's answer with this remiss's theme is a 404" no_success 404
post_form "$G" "/remisser/$A/granskning/tagga" "$csrf" "tema=$a2" "svar=$resp_a" "avsnitt=$sec_b" "version=$va"
check "tagging with another remiss's section is a 404" no_success 404
tag_b=$(sql "INSERT INTO tags (theme_id, response_id, section_id, version_id) VALUES ($b1, $resp_b, $sec_b, $vb) RETURNING id")
before=$(fingerprint)
post_form "$G" "/remisser/$A/granskning/tagg/$tag_b/ta-bort" "$csrf"
check "removing another remiss's tag is a 404" no_success 404
req "$G" POST "/remisser/$A/granskning/anteckna" --data-urlencode "csrf=$csrf" --data-urlencode "text=Fel remiss" \
	--data "svar=$resp_b&avsnitt=$sec_b&version=$vb"
check "annotating another remiss's answer is a 404" no_success 404
note_b=$(sql "INSERT INTO annotations (remiss_id, response_id, section_id, version_id, body, created_by)
	VALUES ($rb, $resp_b, $sec_b, $vb, 'Annan remiss', $uid) RETURNING id")
before=$(fingerprint)
post_form "$G" "/remisser/$A/granskning/anteckna" "$csrf" "text=Svar" "trad=$note_b"
check "replying to another remiss's thread is a 404" no_success 404
post_form "$G" "/remisser/$A/granskning/anteckning/$note_b/status" "$csrf" "status=lost"
check "resolving another remiss's thread is a 404" no_success 404
post_form "$G" "/remisser/$A/granskning/last" "$csrf" "last=ja" "svar=$resp_b" "avsnitt=$sec_b" "version=$vb"
check "marking another remiss's answer read is a 404" no_success 404

# --- a suggested group becomes a theme (review_analysis.c) --------------------------------
req "$G" POST "/remisser/$A/analys/tema" --data-urlencode "csrf=$csrf" --data-urlencode "namn=Idtest grupp" \
	--data "avsnitt=$nr_a" --data-urlencode "svar=$ans_a,$ans_b"
check "a group with an answer of another remiss is a 404 and no theme is made of the rest" \
	eval 'no_success 404 && [ -z "$(theme "Idtest grupp")" ]'
req "$G" POST "/remisser/$A/analys/tema" --data-urlencode "csrf=$csrf" --data-urlencode "namn=Idtest grupp" \
	--data "avsnitt=$nr_a" --data-urlencode "svar=$ans_a,,x"
check "a malformed list of answers is a 400, not a database error" no_success 400

# --- summaries and decisions rest only on this remiss's answers -------------------------
req "$G" GET "/remisser/$A/sammanfattning?avsnitt=$nr_a"
version=$(hidden version)
req "$G" POST "/remisser/$A/sammanfattning?avsnitt=$nr_a" --data-urlencode "csrf=$csrf" --data "version=$version" \
	--data-urlencode "text=Sammanfattning med fel källa." --data-urlencode "ref=$resp_b:$sec_a"
check "a summary citing another remiss's response is a 404, no version saved" no_success 404
req "$F" GET "/remisser/$A/beslutsforslag/$nr_a"
fcsrf=$(form_csrf) lock=$(hidden lock)
req "$F" POST "/remisser/$A/beslutsforslag/$nr_a" --data-urlencode "csrf=$fcsrf" --data "lock=$lock" \
	--data "beslut=oforandrad&status=utkast" --data-urlencode "ref=$resp_b"
check "a decision resting on another remiss's response is a 404, nothing saved" no_success 404

# --- meetings (meetings.c) -------------------------------------------------------------
req "$G" GET "/remisser/$A/dialogmoten/nytt"
mform=(--data-urlencode "csrf=$csrf" --data "datum=2025-02-04")
req "$G" POST "/remisser/$A/dialogmoten" "${mform[@]}" --data "organisation=$laholm&tema=$b1"
check "a meeting about another remiss's theme is a 404, not a meeting saved without it" no_success 404
req "$G" POST "/remisser/$A/dialogmoten" "${mform[@]}" --data "organisation=$laholm&avsnitt=$sec_b"
check "a meeting about another remiss's section is a 404" no_success 404
req "$G" POST "/remisser/$A/dialogmoten" "${mform[@]}" --data "organisation=$laholm&organisation=$outsider"
check "a meeting with an organisation not invited to the remiss is a 404" no_success 404
req "$G" POST "/remisser/$A/dialogmoten/$meeting" "${mform[@]}" --data "version=1&organisation=$laholm&tema=$b1"
check "an edited meeting linked to another remiss's theme is a 404, its links kept" no_success 404
req "$G" POST "/remisser/$A/dialogmoten" "${mform[@]}" --data "organisation=$laholm&tema=$a2&avsnitt=$sec_a"
check "a meeting about this remiss's own theme and section is still saved (303)" \
	eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM meeting_themes mt JOIN meetings m ON m.id = mt.meeting_id WHERE mt.theme_id = $a2 AND m.held_on = '"'"'2025-02-04'"'"'")" = 1 ]'
before=$(fingerprint)

# --- receipts, versions, the API (remiss_pages.c, versions.c, api_read.c) ----------------
req "$K" GET "/remisser/$A/kvitton/$vb"
check "a receipt of another remiss's version is a 404, even for its own organisation" status_is 404
req "$K" GET "/remisser/$A/kvitton/$vb/bilaga/1"
check "an attachment of another remiss's version is a 404" status_is 404
req "$K" GET "/remisser/$A/jamfor?fran=$vb&till=$vb"
check "comparing versions of another remiss is a 404" status_is 404
req "$K" GET "/api/v1/remisser/$A/remissvar/$vb" -H 'Accept: application/xml'
check "the API gives no version of another remiss (404)" status_is 404
req "$K" GET "/remisser/$A/kvitton/$va"
check "the organisation's own receipt of this remiss is still shown" status_is 200

# --- the remiss editor (remiss_sections.c, core/remiss_edit.c) ---------------------------
req "$F" GET "/remisser/$A/redigera"
fcsrf=$(form_csrf) elock=$(hidden lock)
sections_md5() { sql "SELECT md5(string_agg(id || nr || heading || body, ',' ORDER BY id)) FROM sections"; }
sections_before=$(sections_md5)
req "$F" POST "/remisser/$A/avsnitt/$sec_b" --data-urlencode "csrf=$fcsrf" --data "lock=$elock" \
	--data-urlencode "s$sec_b-nr=99" --data-urlencode "s$sec_b-rubrik=Kapad" --data-urlencode "s$sec_b-text=Kapad"
check "saving another remiss's section through this remiss's editor is a 404, nothing changed" \
	eval 'status_is 404 && [ "$(sections_md5)" = "$sections_before" ]'
req "$F" POST "/remisser/$A/fragor/$q_b" --data-urlencode "csrf=$fcsrf" --data "lock=$elock" \
	--data-urlencode "q$q_b-id=qx" --data-urlencode "q$q_b-typ=konsekvens" --data-urlencode "q$q_b-text=Kapad"
check "saving another remiss's question is a 404" \
	eval 'status_is 404 && [ "$(sql "SELECT text FROM questions WHERE id = $q_b")" != Kapad ]'
req "$F" POST "/remisser/$A/fragor" --data-urlencode "csrf=$fcsrf" --data "lock=$elock&avsnitt=$sec_b" \
	--data-urlencode "nq$sec_b-id=qy" --data-urlencode "nq$sec_b-typ=konsekvens" --data-urlencode "nq$sec_b-text=Ny"
check "a question added under another remiss's section is a 404" \
	eval 'status_is 404 && [ "$(sql "SELECT count(*) FROM questions WHERE qid = '"'"'qy'"'"'")" = 0 ]'

# --- a draft's file belongs to its organisation (remiss_pages.c) -------------------------
hfile=$(sql "INSERT INTO draft_attachments (remiss_id, org_id, filename, media_type, bytes, size, sha256, uploaded_by)
	SELECT $ra, $halmstad, 'halmstad.pdf', 'application/pdf', b, octet_length(b), encode(sha256(b), 'hex'),
	(SELECT id FROM users WHERE email = 'karin.karlsson@halmstad.example')
	FROM (SELECT convert_to('%PDF-1.4 idtest %%EOF', 'UTF8') AS b) x RETURNING id")
before=$(fingerprint)
req "$K" GET "/remisser/$A/svar"
kcsrf=$(form_csrf) dlock=$(hidden lock)
req "$K" POST "/remisser/$A/svar" -F "csrf=$kcsrf" -F "lock=$dlock" -F "ta_bort_bilaga=$hfile"
check "removing another organisation's draft file is an error beside the files, never \"saved\", and the file stays" \
	eval 'status_is 422 && body_has "Bilagan finns inte i ert utkast" && [ "$(sql "SELECT count(*) FROM draft_attachments WHERE id = $hfile")" = 1 ]'

# --- tidy up: nothing of this suite is left in remiss A -----------------------------------
sql "DELETE FROM draft_attachments WHERE id = $hfile;
	DELETE FROM meetings WHERE remiss_id = $ra AND held_on IN ('2025-02-03', '2025-02-04');
	DELETE FROM themes WHERE name LIKE 'Idtest %'; UPDATE remiss SET status = 'stangd' WHERE id = $rb" >/dev/null
finish
