#!/usr/bin/env bash
# tests/integration/attachments.sh BUILD-DIR BASE-URL TMPDIR: attachment types (issue 16). The
# API and the web form take one allowlist, decided by content: PDF, ODT, DOCX, PNG, JPEG and
# plain text; an uploaded <bilaga> declared text/html, image/svg+xml or application/javascript
# is refused and stores nothing. Every download (a version's attachment, a draft's file, the
# public page's) is an attachment with nosniff and a sandboxing Content-Security-Policy, and a
# stored type outside the allowlist goes out as application/octet-stream. Needs REMISS_DB,
# ORG_TOKEN (Laholms kommun) and the demo data. Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: attachments.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
EX=$ROOT/tests/xml/example-remissvar.xml
mkdir -p "$T"

# served_safely TYPE: the download's headers: TYPE, an attachment, nosniff, sandboxed.
served_safely() {
	header_matches "^Content-Type: $1\$" && header_matches '^Content-Disposition: attachment;' &&
		header_matches '^X-Content-Type-Options: nosniff$' &&
		header_matches "^Content-Security-Policy: sandbox; default-src 'none'"
}
# upload NAME TYPE BASE64: the example remissvar of Laholm with this one <bilaga>, through the API.
upload() {
	sed "s|<bilaga .*</bilaga>|<bilaga filnamn=\"$1\" mediatyp=\"$2\">$3</bilaga>|" "$EX" >"$T/up.xml"
	req - POST "/api/v1/remisser/$SLUG/remissvar" -H "Authorization: Bearer $ORG_TOKEN" \
		-H 'Content-Type: application/xml' --data-binary @"$T/up.xml"
}

# --- the API: types by content -------------------------------------------------------
html='<html><body><script>alert(document.cookie)</script></body></html>'
svg='<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"/>'
js='fetch("/api/v1/remisser").then(r => r.text()).then(alert)'
before=$(versions)
upload sida.html text/html "$(b64 "$html")"
check "an uploaded <bilaga> of HTML declared text/html is refused (422), nothing stored" \
	eval 'status_is 422 && body_has "sida.html is not PDF, ODT, DOCX, PNG, JPEG or UTF-8 plain text" && [ "$(versions)" = "$before" ]'
upload bild.svg image/svg+xml "$(b64 "$svg")"
check "…and of SVG declared image/svg+xml" \
	eval 'status_is 422 && body_has "bild.svg is not" && [ "$(versions)" = "$before" ]'
upload skript.js application/javascript "$(b64 "$js")"
check "…and of script declared application/javascript" \
	eval 'status_is 422 && body_has "skript.js is not" && [ "$(versions)" = "$before" ]'
upload sida.txt text/html "$(b64 "$html")"
check "…and text declared text/html: the declared type must be the content's" \
	eval 'status_is 422 && body_has "declared mediatyp=&quot;text/html&quot; but its content is text/plain" && [ "$(versions)" = "$before" ]'
upload sida.txt text/plain "$(b64 "$html")"
vid=$(sql "SELECT max(id) FROM response_versions")
check "HTML in a .txt declared text/plain is stored, as text/plain" \
	eval 'status_is 201 && [ "$(versions)" = $((before + 1)) ] &&
	      [ "$(sql "SELECT media_type FROM attachments WHERE version_id = $vid")" = text/plain ]'

# --- downloads ---------------------------------------------------------------------------
A=$T/anna
login "$A" anna.andersson@laholm.example
req "$A" GET "/remisser/$SLUG/kvitton/$vid/bilaga/1"
check "the version's attachment downloads byte for byte as text/plain, an attachment, nosniff, sandboxed" \
	eval 'status_is 200 && [ "$(cat "$T/body")" = "$html" ] && served_safely "text/plain; charset=utf-8"'

# A type stored before the allowlist held for every channel goes out as bytes, never as itself.
rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
oid=$(sql "SELECT id FROM organisations WHERE name = 'Laholms kommun'")
sql "ALTER TABLE draft_attachments DROP CONSTRAINT draft_attachments_media_type_check" >/dev/null
fid=$(sql "INSERT INTO draft_attachments (remiss_id, org_id, filename, media_type, bytes, size, sha256)
	SELECT $rid, $oid, 'gammal.html', 'text/html', b, octet_length(b), encode(sha256(b), 'hex')
	FROM (SELECT convert_to('$html', 'UTF8') AS b) x RETURNING id" | head -1)
req "$A" GET "/remisser/$SLUG/svar/bilaga/$fid"
check "a stored text/html file is served as application/octet-stream, an attachment, nosniff, sandboxed" \
	eval 'status_is 200 && served_safely "application/octet-stream"'
sql "DELETE FROM draft_attachments WHERE id = $fid" >/dev/null
# The constraint back as 020_attachment_types.sql has it: text/html is refused again.
sql "ALTER TABLE draft_attachments ADD CONSTRAINT draft_attachments_media_type_check
	CHECK (media_type IN ('application/pdf', 'application/vnd.oasis.opendocument.text',
	    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	    'image/png', 'image/jpeg', 'text/plain'))" >/dev/null
check "the database takes no attachment of another type (draft or version)" \
	eval '! sql "INSERT INTO draft_attachments (remiss_id, org_id, filename, media_type, bytes, size, sha256)
	    VALUES ($rid, $oid, '"'"'x.html'"'"', '"'"'text/html'"'"', '"'"'x'"'"', 1, encode(sha256('"'"'x'"'"'), '"'"'hex'"'"'))" 2>"$T/e1" &&
	      grep -q draft_attachments_media_type_check "$T/e1" &&
	      ! sql "INSERT INTO attachments (version_id, ord, filename, media_type, bytes, size, sha256)
	    VALUES ($vid, 5, '"'"'x.svg'"'"', '"'"'image/svg+xml'"'"', '"'"'x'"'"', 1, encode(sha256('"'"'x'"'"'), '"'"'hex'"'"'))" 2>"$T/e2" &&
	      grep -q attachments_media_type_allowed "$T/e2"'

# The public page's download: the förvaltning closes the remiss and publishes what the
# preview shows, then withdraws the page and opens the remiss again for the suites after.
F=$T/forvaltning
login "$F" forvaltning@regionhalland.example
req "$F" GET "/remisser/$SLUG/publicering"
fcsrf=$(form_csrf)
post_form "$F" "/remisser/$SLUG/status" "$fcsrf" status=stangd
req "$F" GET "/remisser/$SLUG/publicering/forhandsgranska"
post_form "$F" "/remisser/$SLUG/publicera" "$fcsrf" \
	"versioner=$(hidden versioner)"
req - GET "/publicerat/$SLUG/bilaga/$vid/1"
check "the public page's download too: an attachment, nosniff, sandboxed" \
	eval 'status_is 200 && [ "$(cat "$T/body")" = "$html" ] && served_safely "text/plain; charset=utf-8"'
post_form "$F" "/remisser/$SLUG/avpublicera" "$fcsrf"
post_form "$F" "/remisser/$SLUG/status" "$fcsrf" status=oppen
check "…and the remiss is unpublished and open again" \
	eval 'status_is 303 && [ "$(sql "SELECT status FROM remiss WHERE id = $rid")" = oppen ]'

# --- the web form: the same allowlist -------------------------------------------------------
files() { sql "SELECT count(*) FROM draft_attachments WHERE org_id = $oid AND remiss_id = $rid"; }
printf 'Protokollsutdrag från kommunstyrelsen, § 42.\n' >"$T/utdrag.txt"
printf '%s' "$html" >"$T/sida.html"
nfiles=$(files)
req "$A" GET "/remisser/$SLUG/svar"
form=(-F "csrf=$(form_csrf)" -F "lock=$(hidden lock)" -F stallningstagande=tillstyrker
	-F "kontakt_namn=Anna Andersson" -F kontakt_epost=anna.andersson@laholm.example -F action=spara)
req "$A" POST "/remisser/$SLUG/svar" "${form[@]}" -F "bilaga=@$T/sida.html;type=text/html"
check "the web form refuses HTML beside the field, naming what it takes" \
	eval 'status_is 422 && body_has "Filen sida.html kan inte bifogas: bara PDF, ODT, DOCX, PNG, JPEG och text (.txt) tas emot" && [ "$(files)" = "$nfiles" ]'
req "$A" GET "/remisser/$SLUG/svar"
form[1]="csrf=$(form_csrf)"; form[3]="lock=$(hidden lock)"
req "$A" POST "/remisser/$SLUG/svar" "${form[@]}" -F "bilaga=@$T/utdrag.txt;type=application/octet-stream"
check "…and takes plain text, typed text/plain by its content" \
	eval 'status_is 303 && [ "$(files)" = $((nfiles + 1)) ] &&
	      [ "$(sql "SELECT media_type FROM draft_attachments WHERE org_id = $oid ORDER BY id DESC LIMIT 1")" = text/plain ]'
sql "DELETE FROM draft_attachments WHERE org_id = $oid AND filename = 'utdrag.txt'" >/dev/null

finish
