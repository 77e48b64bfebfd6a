#!/usr/bin/env bash
# tests/integration/publication.sh BUILD-DIR BASE-URL TMPDIR: the förvaltning publishes the
# responses of a closed remiss on a public page: no contact person's name, e-mail or phone on
# it, a redacted passage and a redacted attachment shown as "[Sekretess enligt …]" and
# audited, the stored versions unchanged, only the förvaltning may do it, and withdrawing works;
# a redaction made by mistake is withdrawn (hävd) with a reason: audited, the redaction row kept,
# the public page shows the passage and attachment again, a second withdrawal is a 409.
# Needs REMISS_DB and the demo data (Halmstad's response has an attachment). Leaves the demo
# remiss open again. Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: publication.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage}
T=${3:?usage}
SLUG=ok-hemsjukvard-2025
PW=remissvar-demo
GROUND="21 kap. 1 § offentlighets- och sekretesslagen (2009:400)"
mkdir -p "$T"

F=$T/forvaltning K=$T/kommun G=$T/granskare
login "$F" forvaltning@regionhalland.example
login "$K" karin.karlsson@halmstad.example
# A granskare of its own: the demo granskare may be throttled by the login tests.
add_user publicering.granskare@regionhalland.example granskare "Publicering Granskare"
login "$G" publicering.granskare@regionhalland.example
csrf=$(page_csrf "$F" "/remisser/$SLUG/publicering")
kcsrf=$(page_csrf "$K")
gcsrf=$(page_csrf "$G")

rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
halmstad=$(version_of "Halmstads kommun")
check "Halmstad's latest version has an attachment" \
	eval '[ "$(sql "SELECT count(*) FROM attachments WHERE version_id = $halmstad")" -ge 1 ]'
# A passage of Halmstad's summary (40 characters from its 6th) to redact.
passage=$(sql "SELECT btrim(substr(summary, 6, 40)) FROM response_versions WHERE id = $halmstad")
check "Halmstad's summary has a passage to redact" eval '[ ${#passage} -ge 20 ]'

# --- while the remiss is open ---------------------------------------------------
req "$F" GET "/remisser/$SLUG/publicering"
check "the publication page tells the förvaltning to close the remiss first" \
	eval 'status_is 200 && body_has "kan publiceras när remissen är stängd" && body_lacks "Publicera svaren"'
post_form "$F" "/remisser/$SLUG/publicera" "$csrf"
check "publishing an open remiss is a 409" status_is 409
req - GET "/publicerat/$SLUG"
check "an unpublished remiss has no public page (404)" status_is 404
req "$F" GET "/remisser/$SLUG/oversikt"
check "the overview links to the publication page" body_has "/remisser/$SLUG/publicering"

post_form "$F" "/remisser/$SLUG/status" "$csrf" status=stangd
check "the förvaltning closes the remiss" status_is 303

# --- redactions -------------------------------------------------------------------
redactions() { sql "SELECT count(*) FROM redactions"; }
before=$(redactions)
post_form "$F" "/remisser/$SLUG/sekretess" "$csrf" "version=$halmstad" \
	"stycke=$passage" "grund=$GROUND"
check "a passage is redacted with its legal ground: 303 back to the preview" \
	eval 'status_is 303 && header_matches "^Location: /remisser/$SLUG/publicering/forhandsgranska\?meddelande=sekretess#remissinstans-"'
check "the redaction is stored" eval '[ "$(redactions)" = $((before + 1)) ]'
check "the audit log keeps the redaction with its legal ground and passage" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'redaction.create'"'"'
	    AND detail->>'"'"'legal_ground'"'"' = '"'"'$GROUND'"'"' AND detail->>'"'"'passage'"'"' IS NOT NULL")" = 1 ]'
post_form "$F" "/remisser/$SLUG/sekretess" "$csrf" "version=$halmstad" \
	bilaga=99 "grund=$GROUND"
check "redacting an attachment the version does not have is a 422" status_is 422
post_form "$F" "/remisser/$SLUG/sekretess" "$csrf" "version=$halmstad" \
	"stycke=x" bilaga=1 "grund=$GROUND"
check "a passage and an attachment at once is a 422" status_is 422
post_form "$F" "/remisser/$SLUG/sekretess" "$csrf" "version=$halmstad" \
	"stycke=x"
check "a redaction without a legal ground is a 422" eval 'status_is 422 && body_has "sekretessgrunden"'
post_form "$F" "/remisser/$SLUG/sekretess" "$csrf" "version=999999999" \
	"stycke=x" "grund=$GROUND"
check "a version that is not this remiss's is a 404" status_is 404
post_form "$K" "/remisser/$SLUG/sekretess" "$kcsrf" "version=$halmstad" \
	"stycke=x" "grund=$GROUND"
check "a kommun user may not redact (403)" status_is 403
req "$F" POST "/remisser/$SLUG/sekretess" --data-urlencode "version=$halmstad" \
	--data-urlencode "stycke=x" --data-urlencode "grund=$GROUND"
check "a redaction without the csrf field is refused (403)" status_is 403
check "none of the refused redactions was stored" eval '[ "$(redactions)" = $((before + 1)) ]'
check "redactions cannot be changed in the database" \
	eval '! sql "UPDATE redactions SET legal_ground = '"'"'x'"'"'" 2>/dev/null'

# --- publishing -------------------------------------------------------------------------
post_form "$K" "/remisser/$SLUG/publicera" "$kcsrf"
check "a kommun user may not publish (403)" status_is 403
post_form "$F" "/remisser/$SLUG/publicera" "$csrf"
check "publishing without the preview's versions is a 409 that publishes nothing" \
	eval 'status_is 409 && body_has "förhandsgranskningen" && [ "$(sql "SELECT count(*) FROM publications WHERE remiss_id = $rid")" = 0 ]'
req "$F" GET "/remisser/$SLUG/publicering/forhandsgranska"
versions=$(hidden versioner)
check "the preview of the closed remiss offers to publish the versions it shows" \
	eval 'status_is 200 && [ -n "$versions" ] && body_has ">Publicera svaren</button>"'
post_form "$F" "/remisser/$SLUG/publicera" "$csrf" "versioner=$versions"
check "the förvaltning publishes the closed remiss: 303" \
	eval 'status_is 303 && header_matches "meddelande=publicerad"'
check "publishing is audited" eval '[ "$(audits remiss.publish)" -ge 1 ]'
req - GET "/publicerat/$SLUG"
check "an attachment that is not redacted is linked on the public page" \
	body_has "/publicerat/$SLUG/bilaga/$halmstad/1"
req - GET "/publicerat/$SLUG/bilaga/$halmstad/1"
check "and anyone can fetch it" eval 'status_is 200 && header_matches "^Content-Disposition: attachment"'
# A redaction added after publishing applies at once.
post_form "$F" "/remisser/$SLUG/sekretess" "$csrf" "version=$halmstad" \
	bilaga=1 "grund=25 kap. 1 § OSL"
check "an attachment is redacted after publishing: 303, audited with its number" \
	eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'redaction.create'"'"' AND (detail->>'"'"'attachment'"'"')::int = 1")" = 1 ]'
req "$F" GET "/remisser/$SLUG/publicering"
check "the publication page shows when and the public address, and lists the redactions" \
	eval 'status_is 200 && body_has "Publicerad " && body_has "href=\"/publicerat/$SLUG\"" && body_has "$GROUND" && body_has "Bilaga 1: protokollsutdrag"'

req - GET "/publicerat/$SLUG"
check "the public page answers 200 without logging in" eval 'status_is 200 && body_has "Remissvar är allmänna handlingar"'
check "it shows every organisation that answered" \
	eval 'body_has "Halmstads kommun" && body_has "Laholms kommun"'
contacts=$(sql "SELECT DISTINCT v.contact_name || E'\n' || v.contact_email || COALESCE(E'\n' || v.contact_phone, '')
	FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid")
leaks=0
while IFS= read -r c; do
	[ -n "$c" ] || continue
	grep -qF -- "$c" "$T/body" && { echo "#   public page shows: $c"; leaks=$((leaks + 1)); }
done <<<"$contacts"
check "no contact person's name, e-mail or phone is on the public page" eval '[ $leaks = 0 ] && [ -n "$contacts" ]'
check "the redacted passage is replaced by [Sekretess enligt …]" \
	eval 'body_has "[Sekretess enligt $GROUND]" && body_lacks "$passage"'
check "the redacted attachment is not linked, its legal ground is shown" \
	eval 'body_has "Bilaga 1: [Sekretess enligt 25 kap. 1 § OSL]" && body_lacks "/publicerat/$SLUG/bilaga/$halmstad/1"'
req - GET "/publicerat/$SLUG/bilaga/$halmstad/1"
check "the redacted attachment cannot be fetched (404)" status_is 404
check "the stored version still holds the passage (versions are immutable)" \
	eval '[ "$(sql "SELECT strpos(summary, '"'"'$passage'"'"') > 0 AND strpos(canonical_xml, '"'"'$passage'"'"') > 0 FROM response_versions WHERE id = $halmstad")" = t ]'
check "remissctl verify still passes" eval '"$BUILD/remissctl" verify >/dev/null 2>&1'

# --- withdrawing (häva) a redaction made by mistake ---------------------------------------
pid=$(sql "SELECT max(id) FROM redactions WHERE version_id = $halmstad AND passage IS NOT NULL")
aid=$(sql "SELECT max(id) FROM redactions WHERE version_id = $halmstad AND attachment_ord = 0")
fuid=$(sql "SELECT id FROM users WHERE email = 'forvaltning@regionhalland.example'")
withdrawals() { sql "SELECT count(*) FROM redaction_withdrawals"; }
wbefore=$(withdrawals) rbefore=$(redactions) abefore=$(audits redaction.withdraw)
req "$F" GET "/remisser/$SLUG/publicering"
check "each redaction in force has a form to withdraw it, with a labelled reason field" \
	eval 'body_has "action=\"/remisser/$SLUG/sekretess/$pid/hav\"" && body_has "action=\"/remisser/$SLUG/sekretess/$aid/hav\"" &&
	      body_has "<label for=\"hav-$pid\">Skäl för att häva sekretessen</label>" && body_has ">Häv</button>"'
hav() { # hav JAR CSRF ID [REASON]
	local args=(--data-urlencode "csrf=$2"); [ $# -ge 4 ] && args+=(--data-urlencode "skal=$4")
	req "$1" POST "/remisser/$SLUG/sekretess/$3/hav" "${args[@]}"
}
hav "$K" "$kcsrf" "$pid" "Fel stycke"
check "a kommun user may not withdraw a redaction (403)" status_is 403
hav "$G" "$gcsrf" "$pid" "Fel stycke"
check "a granskare may not withdraw a redaction (403)" status_is 403
req - POST "/remisser/$SLUG/sekretess/$pid/hav" --data-urlencode "skal=Fel stycke"
check "withdrawing without logging in is a 401" status_is 401
req "$F" POST "/remisser/$SLUG/sekretess/$pid/hav" --data-urlencode "skal=Fel stycke"
check "a withdrawal without the csrf field is refused (403)" status_is 403
hav "$F" "$csrf" "$pid"
check "a withdrawal without a reason is a 422 that asks for one" eval 'status_is 422 && body_has "Ange varför sekretessen hävs"'
hav "$F" "$csrf" "$pid" "   "
check "a reason of only blanks is a 422" status_is 422
hav "$F" "$csrf" "$pid" "$(printf 'två\nrader')"
check "a reason of two lines is a 422" status_is 422
hav "$F" "$csrf" "$pid" "$(head -c 501 /dev/zero | tr '\0' x)"
check "a reason of more than 500 characters is a 422" status_is 422
check "…shown on the publication page beside the reason field, with what was typed" \
	eval 'body_has "<h1>Publicering:" && body_has "<p class=\"field-error\" id=\"hav-$pid-fel\">Ange varför sekretessen hävs" && body_has "aria-describedby=\"hav-$pid-fel sekretess-$pid\"" && body_has "value=\"xxxxxxxxxx" && body_has "href=\"#hav-$pid\"" && body_has "Logga ut</button>"'
post_form "$F" "/remisser/$SLUG/sekretess/$pid/hav" "$csrf" "tillbaka=forhandsgranska" "skal= "
check "a withdrawal from the preview without a reason comes back on the preview, beside the field" \
	eval 'status_is 422 && body_has "<p class=\"field-error\" id=\"hav-$pid-fel\">Ange varför sekretessen hävs" && body_has "<details open=\"open\">" && [ "$(withdrawals)" = "$wbefore" ]'
hav "$F" "$csrf" 999999999 "Fel stycke"
check "withdrawing a redaction that does not exist is a 404" status_is 404
hav "$F" "$csrf" "abc" "Fel stycke"
check "a redaction id that is not a number is a 404" status_is 404
hav "$F" "$csrf" "-1" "Fel stycke"
check "a negative redaction id is a 404" status_is 404
check "none of the refused withdrawals was stored or audited" \
	eval '[ "$(withdrawals)" = "$wbefore" ] && [ "$(audits redaction.withdraw)" = "$abefore" ]'

REASON="Stycket är inte sekretessbelagt; fel stycke markerades (beslut 2024-06-03)"
hav "$F" "$csrf" "$pid" "$REASON"
check "the förvaltning withdraws the passage redaction with a reason: 303" \
	eval 'status_is 303 && header_matches "^Location: /remisser/$SLUG/publicering\?meddelande=havd"'
check "the redaction row is kept unchanged, marked withdrawn by the förvaltning user with the reason" \
	eval '[ "$(redactions)" = "$rbefore" ] &&
	      [ "$(sql "SELECT x.legal_ground = '"'"'$GROUND'"'"' AND w.withdrawn_by = $fuid AND w.reason = '"'"'$REASON'"'"'
	          FROM redactions x JOIN redaction_withdrawals w ON w.redaction_id = x.id WHERE x.id = $pid")" = t ]'
check "the audit log keeps who withdrew it, when and why, with the legal ground and passage" \
	eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'"'redaction.withdraw'"'"'
	    AND object_type = '"'"'redaction'"'"' AND object_id = '"'"'$pid'"'"' AND actor = '"'"'user:$fuid'"'"'
	    AND at > now() - interval '"'"'5 minutes'"'"' AND detail->>'"'"'reason'"'"' = '"'"'$REASON'"'"'
	    AND detail->>'"'"'legal_ground'"'"' = '"'"'$GROUND'"'"' AND detail->>'"'"'passage'"'"' = '"'"'$passage'"'"'
	    AND (detail->>'"'"'version'"'"')::bigint = $halmstad")" = 1 ]'
req "$F" GET "/remisser/$SLUG/publicering?meddelande=havd"
check "the publication page says it is withdrawn, and lists it as withdrawn with the reason" \
	eval 'status_is 200 && body_has "Sekretessen är hävd och loggad" && body_has "Hävd</strong>" && body_has "$REASON" &&
	      body_lacks "action=\"/remisser/$SLUG/sekretess/$pid/hav\""'
hav "$F" "$csrf" "$pid" "$REASON"
check "withdrawing the same redaction again is a 409 that says it is already withdrawn" \
	eval 'status_is 409 && body_has "redan hävd"'
REQ_ACCEPT=application/json req - POST "/remisser/$SLUG/sekretess/$pid/hav" -b "$F" \
	--data-urlencode "csrf=$csrf" --data-urlencode "skal=Igen"
check "the 409 in JSON has the Swedish and English titles" \
	eval 'status_is 409 && body_has "\"title\":\"Sekretessen är redan hävd" && body_has "already been withdrawn"'
check "the second withdrawals stored and audited nothing" \
	eval '[ "$(withdrawals)" = $((wbefore + 1)) ] && [ "$(audits redaction.withdraw)" = $((abefore + 1)) ]'
req - GET "/publicerat/$SLUG"
check "the public page shows the passage again, without its marker" \
	eval 'status_is 200 && body_has "$passage" && body_lacks "[Sekretess enligt $GROUND]"'
check "the attachment still redacted stays off the public page" \
	eval 'body_has "Bilaga 1: [Sekretess enligt 25 kap. 1 § OSL]"'
hav "$F" "$csrf" "$aid" "Bilagan är offentlig"
check "the attachment redaction is withdrawn too: 303, audited with the attachment number" \
	eval 'status_is 303 && [ "$(sql "SELECT (detail->>'"'"'attachment'"'"')::int FROM audit_log
	    WHERE action = '"'"'redaction.withdraw'"'"' AND object_id = '"'"'$aid'"'"'")" = 1 ]'
req - GET "/publicerat/$SLUG"
check "the public page links the attachment again" \
	eval 'body_has "/publicerat/$SLUG/bilaga/$halmstad/1" && body_lacks "Bilaga 1: [Sekretess enligt"'
req - GET "/publicerat/$SLUG/bilaga/$halmstad/1"
check "and anyone can fetch it again" eval 'status_is 200 && header_matches "^Content-Disposition: attachment"'
check "withdrawals cannot be removed in the database" \
	eval '! sql "DELETE FROM redaction_withdrawals" 2>/dev/null && [ "$(withdrawals)" = $((wbefore + 2)) ]'
post_form "$F" "/remisser/$SLUG/sekretess" "$csrf" "version=$halmstad" \
	"stycke=$passage" "grund=$GROUND"
req - GET "/publicerat/$SLUG"
check "the passage can be redacted anew after a withdrawal" \
	eval 'body_has "[Sekretess enligt $GROUND]" && body_lacks "$passage"'

old=$(sql "SELECT min(v.id) FROM response_versions v JOIN responses r ON r.id = v.response_id
	WHERE r.remiss_id = $rid AND v.id NOT IN (SELECT max(id) FROM response_versions GROUP BY response_id)
	AND EXISTS (SELECT 1 FROM attachments a WHERE a.version_id = v.id)")
if [ -n "$old" ]; then
	req - GET "/publicerat/$SLUG/bilaga/$old/1"
	check "an attachment of an older, replaced version is not public (404)" status_is 404
fi

# --- withdrawing ------------------------------------------------------------------------
post_form "$F" "/remisser/$SLUG/avpublicera" "$csrf"
check "the förvaltning withdraws the public page: 303, audited" \
	eval 'status_is 303 && [ "$(audits remiss.unpublish)" -ge 1 ]'
req - GET "/publicerat/$SLUG"
check "a withdrawn page is a 404" status_is 404

# --- remissctl archive: the e-archive package of the closed remiss --------------------
CTL=$BUILD/remissctl
rm -rf "$T/arkiv" "$T/arkiv.tar"
check "remissctl archive writes the package of the closed remiss" \
	eval '"$CTL" archive "$SLUG" -o "$T/arkiv.tar" | grep -q "^archive: $SLUG: [0-9]* versions"'
check "the package is a POSIX tar with one directory named after the remiss" \
	eval '[ -n "$(tar -tf "$T/arkiv.tar")" ] && [ -z "$(tar -tf "$T/arkiv.tar" | grep -v "^$SLUG/")" ]'
mkdir -p "$T/arkiv" && tar -xf "$T/arkiv.tar" -C "$T/arkiv"
A=$T/arkiv/$SLUG
check "SHA256SUMS checks out with sha256sum -c" eval '(cd "$A" && sha256sum --quiet -c SHA256SUMS)'
check "it lists the remiss, the index and every file" \
	eval 'grep -q "  remiss.xml$" "$A/SHA256SUMS" && grep -q "  arkiv.xml$" "$A/SHA256SUMS" &&
	      [ "$(grep -c . "$A/SHA256SUMS")" = "$(cd "$A" && find . -type f ! -name SHA256SUMS | wc -l)" ]'
nver=$(sql "SELECT count(*) FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid")
check "every version of the remiss is in it ($nver)" \
	eval '[ "$(find "$A/svar" -name remissvar.xml | wc -l)" = "$nver" ]'
bad=0
while IFS='|' read -r rn sha; do
	[ "$(sha256sum <"$A/svar/$rn/remissvar.xml" | cut -c1-64)" = "$sha" ] || bad=$((bad + 1))
done < <(sql "SELECT v.receipt_number, v.sha256 FROM response_versions v JOIN responses r ON r.id = v.response_id WHERE r.remiss_id = $rid")
check "each version's file hashes to its receipt's SHA-256" eval '[ $bad = 0 ]'
rcpt=$(sql "SELECT receipt_number FROM response_versions WHERE id = $halmstad")
check "attachments are in it byte for byte" \
	eval '[ "$(sha256sum <"$A/svar/$rcpt/bilaga-1.txt" | cut -c1-64)" = "$(sql "SELECT sha256 FROM attachments WHERE version_id = $halmstad AND ord = 0")" ]'
check "arkiv.xml is well-formed and names each version and attachment" \
	eval 'xmllint --noout "$A/arkiv.xml" && [ "$(grep -c "<remissvar " "$A/arkiv.xml")" = "$nver" ] && grep -q "filnamn=\"protokollsutdrag" "$A/arkiv.xml"'
check "the package keeps the contact persons (it is the complete record, not the public page)" \
	eval 'grep -rqF "$(sql "SELECT contact_email FROM response_versions WHERE id = $halmstad")" "$A/svar/$rcpt/remissvar.xml"'
check "the handover is in the audit log" \
	eval '[ "$(audits remiss.archive)" -ge 1 ]'
"$CTL" archive "$SLUG" -o "$T/arkiv.tar" >/dev/null 2>&1
rc=$?
check "an existing file is never overwritten (exit 1)" eval '[ $rc = 1 ]'
"$CTL" archive "$SLUG" >/dev/null 2>&1
rc=$?
check "archive without -o is a usage error (exit 2)" eval '[ $rc = 2 ]'

# The demo remiss is open again for the suites that follow.
post_form "$F" "/remisser/$SLUG/status" "$csrf" status=oppen
check "the remiss is open again" status_is 303

out=$("$CTL" archive "$SLUG" -o "$T/open.tar" 2>&1)
rc=$?
check "an open remiss is not archived (exit 1, no file)" \
	eval '[ $rc = 1 ] && grep -q "is not closed" <<<"$out" && [ ! -e "$T/open.tar" ]'

finish
