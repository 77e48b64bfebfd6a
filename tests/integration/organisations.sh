#!/usr/bin/env bash
# tests/integration/organisations.sh BUILD-DIR BASE-URL TMPDIR: the förvaltning administers
# organisations on the web (create, edit, orgnr check digit, duplicate names, contacts), imports
# them from CSV (preview, then all or nothing; BOM, ';' and ',', Windows-1252 and size refused)
# and with remissctl org import, keeps a remiss's remisslista (add several or a kind, remove,
# address override, extend) and referensgrupp (add, remove); a kommun user in a referensgrupp
# reviews that remiss only, never sees another kommun's draft, and still answers for their own.
# Needs REMISS_DB and the demo data. Prints "ok N - name" lines and "N passed, N failed".
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: organisations.sh BUILD-DIR BASE-URL TMPDIR}
BASE=${2:?usage: organisations.sh BUILD-DIR BASE-URL TMPDIR}
T=${3:?usage: organisations.sh BUILD-DIR BASE-URL TMPDIR}
PW=remissvar-demo
SLUG=test-orgs-2026 OTHER=test-orgs-annan-2026
mkdir -p "$T"

F=$T/forvaltning K=$T/kommun H=$T/halmstad G=$T/granskare
add_user orgs.granskare@regionhalland.example granskare "Orgs Granskare"
login "$F" forvaltning@regionhalland.example; fcsrf=$(page_csrf "$F")
login "$K" anna.andersson@laholm.example; kcsrf=$(page_csrf "$K")
login "$H" karin.karlsson@halmstad.example; hcsrf=$(page_csrf "$H")
login "$G" orgs.granskare@regionhalland.example; gcsrf=$(page_csrf "$G")
orgs() { sql "SELECT count(*) FROM organisations"; }
org_id() { sql "SELECT id FROM organisations WHERE name = '$1'"; }
# An unused name for each run, so the suite may run twice on one database.
RUN=$(date +%s%N | tail -c 7)

# The demo's registry mailboxes, changed below and put back at the end.
saved_registry=$(sql "SELECT string_agg(format('UPDATE organisations SET registry_email = %L WHERE id = %s;', registry_email, id), ' ') FROM organisations WHERE name IN ('Laholms kommun', 'Halmstads kommun')")

# --- the demo data (dev/demo/load) --------------------------------------------------------
check "every demo remissinstans has a registry mailbox and a contact person" eval '[ "$(sql "SELECT count(*) FROM invitations i JOIN remiss r ON r.id = i.remiss_id JOIN organisations o ON o.id = i.org_id WHERE r.slug = '"'ok-hemsjukvard-2025'"' AND o.registry_email IS NOT NULL AND EXISTS (SELECT 1 FROM org_contacts c WHERE c.org_id = o.id)")" = 7 ]'
check "the demo remiss's referensgrupp has a kommun's representative" eval '[ "$(sql "SELECT count(*) FROM remiss_reviewers rr JOIN remiss r ON r.id = rr.remiss_id JOIN users u ON u.id = rr.user_id WHERE r.slug = '"'ok-hemsjukvard-2025'"' AND u.role = '"'kommun'"'")" -ge 1 ]'
E=$T/erik
login "$E" erik.ek@varberg.example
req "$E" GET /remisser/ok-hemsjukvard-2025/granskning
check "the demo representative reviews the demo remiss" eval 'status_is 200'

# --- organisations on the web -------------------------------------------------------------
req "$F" GET /admin/organisationer
check "the list shows each organisation with its kind and links to its page" eval 'status_is 200 && text_has "Laholms kommun" && text_has "href=\"/admin/organisationer/'"$(org_id "Laholms kommun")"'\"" && text_has "Kommun"'
check "the header menu links to the organisations" eval 'text_has "href=\"/admin/organisationer\""'
before=$(orgs)
post_form "$F" /admin/organisationer "$fcsrf" "namn=Testförening $RUN" typ=forening orgnr=212000-1356 registratur=reg@test.example
check "an orgnr with a wrong check digit is refused beside the field, nothing stored" eval 'status_is 422 && text_has "rätt kontrollsiffra" && text_has "aria-describedby=\"orgnr-fel\"" && [ "$(orgs)" = "$before" ]'
check "a refused form keeps what was typed" eval 'text_has "value=\"Testförening '"$RUN"'\"" && text_has "value=\"reg@test.example\""'
post_form "$F" /admin/organisationer "$fcsrf" "namn=LAHOLMS KOMMUN" typ=kommun
check "a name taken in another case is refused (422), nothing stored" eval 'status_is 422 && text_has "Det finns redan en organisation" && [ "$(orgs)" = "$before" ]'
post_form "$F" /admin/organisationer "$fcsrf" "namn=Testförening $RUN" typ=landsting
check "an unknown kind is refused" eval 'status_is 422 && [ "$(orgs)" = "$before" ]'
post_form "$F" /admin/organisationer "$fcsrf" "namn=Testförening $RUN" typ=forening registratur=inte-en-adress
check "a registry mailbox that is no address is refused" eval 'status_is 422 && text_has "Skriv en e-postadress" && [ "$(orgs)" = "$before" ]'
post_form "$F" /admin/organisationer "$fcsrf" "namn=Testförening $RUN" typ=forening registratur=reg@test.example
new=$(sql "SELECT id FROM organisations WHERE name = 'Testförening $RUN'")
check "a valid form creates the organisation with its kind and mailbox" eval 'status_is 303 && header_matches "^Location: /admin/organisationer/'"$new"'\\?sparat=1" && [ "$(sql "SELECT kind || registry_email FROM organisations WHERE id = '"${new:-0}"'")" = "foreningreg@test.example" ]'
check "the creation is audited" eval '[ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'org.create'"' AND object_id = '"'${new:-0}'"'")" = 1 ]'
req "$F" GET "/admin/organisationer/$new?sparat=1"
check "the organisation's page shows its fields and the saved notice" eval 'status_is 200 && text_has "Ändringen är sparad" && text_has "value=\"reg@test.example\"" && text_has "<option value=\"forening\" selected=\"selected\">Förening</option>"'
post_form "$F" "/admin/organisationer/$new" "$fcsrf" "namn=Testförening $RUN" typ=myndighet orgnr=202100-5448 registratur=registrator@test.example
check "editing saves kind, orgnr and mailbox, audited" eval 'status_is 303 && [ "$(sql "SELECT kind || orgnr || registry_email FROM organisations WHERE id = '"$new"'")" = "myndighet202100-5448registrator@test.example" ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'org.update'"' AND object_id = '"'$new'"'")" -ge 1 ]'
post_form "$F" "/admin/organisationer/$new" "$fcsrf" "namn=Halmstads kommun" typ=kommun
check "renaming to another organisation's name is refused (422), unchanged" eval 'status_is 422 && [ "$(sql "SELECT name FROM organisations WHERE id = '"$new"'")" = "Testförening '"$RUN"'" ]'
req "$F" GET /admin/organisationer/999999999
check "an organisation that does not exist is a 404" eval 'status_is 404'
req "$F" GET /admin/organisationer/abc
check "a malformed id is a 404" eval 'status_is 404'

# --- contacts -----------------------------------------------------------------------------
post_form "$F" "/admin/organisationer/$new/kontakter" "$fcsrf" "kontakt_namn=Anna Berg" kontakt_titel=Registrator kontakt_epost=fel
check "a contact without a valid address is refused, nothing stored" eval 'status_is 422 && text_has "aria-describedby=\"kontakt_epost-fel\"" && [ "$(sql "SELECT count(*) FROM org_contacts WHERE org_id = '"$new"'")" = 0 ]'
post_form "$F" "/admin/organisationer/$new/kontakter" "$fcsrf" "kontakt_namn=Anna Berg" kontakt_titel=Registrator kontakt_epost=anna.berg@test.example
cid=$(sql "SELECT id FROM org_contacts WHERE org_id = '$new' AND email = 'anna.berg@test.example'")
check "a contact is added and audited" eval 'status_is 303 && [ -n "$cid" ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'org.contact.add'"' AND object_id = '"'$new'"'")" = 1 ]'
req "$F" GET "/admin/organisationer/$new"
check "the page lists the contact with a remove button" eval 'text_has "Anna Berg, Registrator <anna.berg@test.example>" && text_has "name=\"kontakt\" value=\"'"$cid"'\""'
laholm=$(org_id "Laholms kommun")
post_form "$F" "/admin/organisationer/$laholm/kontakter/ta-bort" "$fcsrf" "kontakt=$cid"
check "another organisation's contact cannot be removed through its page (404)" eval 'status_is 404 && [ "$(sql "SELECT count(*) FROM org_contacts WHERE id = '"${cid:-0}"'")" = 1 ]'
post_form "$F" "/admin/organisationer/$new/kontakter/ta-bort" "$fcsrf" "kontakt=$cid"
check "a contact is removed and audited" eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM org_contacts WHERE org_id = '"$new"'")" = 0 ] && [ "$(audits org.contact.remove)" -ge 1 ]'
req "$F" GET "/admin/organisationer/$laholm"
check "an organisation's page lists its users, linked to their people pages" eval 'status_is 200 && text_has "anna.andersson@laholm.example" && text_has "href=\"/admin/personer/"'

# --- CSV import ---------------------------------------------------------------------------
req "$F" GET /admin/organisationer/mall.csv
check "the template is a UTF-8 CSV download with the header row" eval 'status_is 200 && header_has "Content-Type: text/csv; charset=utf-8" && header_has "attachment" && grep -q "namn;typ;orgnr;registratur;kontaktperson;kontakt_epost" "$T/body" && [ "$(head -c3 "$T/body" | od -An -tx1 | tr -d " ")" = efbbbf ]'
upload() { req "$F" POST /admin/organisationer/import -F "csrf=$fcsrf" -F "fil=@$1;type=text/csv"; }
# BOM, ';', CRLF, quoted fields; a kommun that exists (Laholm, in other case) is updated.
printf '\xEF\xBB\xBFnamn;typ;orgnr;registratur;kontaktperson;kontakt_epost\r\nImportkommun %s;kommun;;registrator@import%s.example;"Berg; Anna";anna@import%s.example\r\nImportkommun %s;kommun;;registrator@import%s.example;Bo Ek;bo@import%s.example\r\nlaholms kommun;kommun;;registrator@laholm.example;;\r\n"Förening ""Hälsa"" %s";förening;;;;\r\n' \
	"$RUN" "$RUN" "$RUN" "$RUN" "$RUN" "$RUN" "$RUN" >"$T/good.csv"
before=$(orgs)
upload "$T/good.csv"
check "an upload shows the preview (2 new, 1 updated) and stores nothing yet" eval 'status_is 200 && text_has "Förhandsgranska inläsningen" && text_has "Filen skapar 2 och uppdaterar 1 organisationer" && text_has "Uppdaterar Laholms kommun" && text_has "Förening \"Hälsa\" '"$RUN"'" && [ "$(orgs)" = "$before" ]'
csv=$(python3 -c 'import html,re,sys; b=open(sys.argv[1],encoding="utf-8").read(); print(html.unescape(re.search(r"name=\"csv\" value=\"([^\"]*)\"", b).group(1)), end="")' "$T/body")
post_form "$F" /admin/organisationer/import "$fcsrf" "csv=$csv"
check "confirming stores every organisation, the contacts and the mailbox" eval 'status_is 200 && text_has "Inläst: 2 nya och 1 uppdaterade" && [ "$(orgs)" = "$((before + 2))" ] && [ "$(sql "SELECT count(*) FROM org_contacts c JOIN organisations o ON o.id = c.org_id WHERE o.name = '"'Importkommun $RUN'"'")" = 2 ] && [ "$(sql "SELECT registry_email FROM organisations WHERE name = '"'Laholms kommun'"'")" = registrator@laholm.example ] && [ "$(sql "SELECT name FROM org_contacts WHERE email = '"'anna@import$RUN.example'"'")" = "Berg; Anna" ]'
check "the import is audited, one row per organisation and one for the file" eval '[ "$(audits org.import)" -ge 1 ] && [ "$(sql "SELECT count(*) FROM audit_log a JOIN organisations o ON o.id::text = a.object_id WHERE a.action = '"'org.create'"' AND o.name LIKE '"'%$RUN%'"'")" -ge 2 ]'
printf 'namn,typ,orgnr\nKommakommun %s,region,232100-0115\n' "$RUN" >"$T/comma.csv"
check "the same file again changes nothing but is taken (updates)" eval 'upload "$T/good.csv" && status_is 200 && text_has "Filen skapar 0 och uppdaterar 3"'
printf 'namn;typ;orgnr;registratur;kontaktperson;kontakt_epost\nRad två %s;kommun;;;;\nRad tre %s;landsting;;;;\n;kommun;212000-0000;fel;Anna;\n' "$RUN" "$RUN" >"$T/bad.csv"
before=$(orgs)
upload "$T/bad.csv"
check "a file with bad rows lists every problem by line and stores nothing" eval 'status_is 422 && text_has "Inget har sparats" && text_has "Rad 3: typen \"landsting\" finns inte" && text_has "Rad 4: namnet saknas" && text_has "Rad 4: organisationsnumret \"212000-0000\"" && text_has "Rad 4: registraturens adress \"fel\"" && text_has "Rad 4: en kontaktperson behöver både" && [ "$(orgs)" = "$before" ]'
post_form "$F" /admin/organisationer/import "$fcsrf" "csv=$(cat "$T/bad.csv")"
check "a confirmed file with bad rows stores nothing either" eval 'status_is 422 && [ "$(orgs)" = "$before" ]'
printf 'namn;typ\nV\xe4xj\xf6 kommun %s;kommun\n' "$RUN" >"$T/cp1252.csv"
upload "$T/cp1252.csv"
check "a Windows-1252 file is refused with how to save it as UTF-8" eval 'status_is 422 && text_has "inte sparad som UTF-8" && text_has "CSV UTF-8" && [ "$(orgs)" = "$before" ]'
python3 -c 'import sys; open(sys.argv[1],"w").write("namn;typ\n" + "".join("Stor %d;kommun\n" % i for i in range(40000)))' "$T/big.csv"
upload "$T/big.csv"
check "a file over 512 kB is refused with 413 in Swedish and English" eval 'status_is 413 && text_has "Filen är för stor" && [ "$(orgs)" = "$before" ]'
REQ_ACCEPT=application/json upload "$T/big.csv"
check "the 413 says it in English too" eval 'status_is 413 && body_has "too large"'
upload "$T/comma.csv"
check "a file with ',' as separator is read" eval 'status_is 200 && text_has "Kommakommun '"$RUN"'"'
req "$K" POST /admin/organisationer/import -F "csrf=$kcsrf" -F "fil=@$T/comma.csv;type=text/csv"
check "a kommun user may not import (403)" eval 'status_is 403'

# remissctl org import and org add
IN= ctl org import "$T/bad.csv"
check "remissctl org import refuses a bad file with FILE:LINE problems, nothing stored" eval 'rc_is 1 && grep -q "bad.csv:3: typ must be" "$T/err" && grep -q "bad.csv:4: orgnr must be" "$T/err" && [ "$(orgs)" = "$before" ]'
IN= ctl org import "$T/comma.csv"
check "remissctl org import stores a good file" eval 'rc_is 0 && [ "$OUT" = "1 created, 0 updated" ] && [ "$(sql "SELECT kind || orgnr FROM organisations WHERE name = '"'Kommakommun $RUN'"'")" = region232100-0115 ]'
IN= ctl org add "Myndighet $RUN" --kind myndighet --orgnr 202100-5449
check "remissctl org add refuses an orgnr with a wrong check digit" eval 'rc_is 2'
IN= ctl org add "Myndighet $RUN" --kind myndighet --registry-email "diarium@myndighet$RUN.example"
check "remissctl org add takes the new kinds and --registry-email" eval 'rc_is 0 && [ "$(sql "SELECT kind || registry_email FROM organisations WHERE name = '"'Myndighet $RUN'"'")" = "myndighetdiarium@myndighet$RUN.example" ]'

# --- remisslista ----------------------------------------------------------------------------
new_remiss "$SLUG" "Remiss om organisationer" 2 "kommun:Laholms kommun" "kommun:Halmstads kommun"
new_remiss "$OTHER" "En annan remiss" 1 "kommun:Laholms kommun"
rid=$(sql "SELECT id FROM remiss WHERE slug = '$SLUG'")
halmstad=$(org_id "Halmstads kommun") imp=$(org_id "Importkommun $RUN") myn=$(org_id "Myndighet $RUN")
sql "UPDATE organisations SET registry_email = NULL WHERE id = $halmstad" >/dev/null
invited() { sql "SELECT count(*) FROM invitations WHERE remiss_id = $rid"; }
req "$F" GET "/remisser/$SLUG/oversikt"
check "the overview links to the remisslista and the referensgrupp" eval 'status_is 200 && text_has "href=\"/remisser/'$SLUG'/remisslista\"" && text_has "href=\"/remisser/'$SLUG'/referensgrupp\""'
req "$F" GET "/remisser/$SLUG/remisslista"
check "the remisslista shows the registry address, and 'saknas' as a warning" eval 'status_is 200 && text_has "registrator@laholm.example" && text_has "<strong class=\"warning\">saknas</strong>" && text_has "1 organisationer saknar adress"'
post_form "$F" "/remisser/$SLUG/remisslista" "$fcsrf"
check "adding nothing is refused (422)" eval 'status_is 422 && text_has "Välj organisationer"'
post_form "$F" "/remisser/$SLUG/remisslista" "$fcsrf" "organisation=$imp" "organisation=$myn"
check "several organisations are added at once, each audited" eval 'status_is 303 && [ "$(invited)" = 4 ] && [ "$(sql "SELECT count(*) FROM audit_log WHERE action = '"'invitation.add'"' AND detail->>'"'remiss'"' = '"'$SLUG'"' AND object_id IN ('"'$imp'"', '"'$myn'"')")" = 2 ]'
post_form "$F" "/remisser/$SLUG/remisslista" "$fcsrf" alla=myndighet
check "all organisations of a kind are added" eval 'status_is 303 && [ "$(invited)" = "$((4 + $(sql "SELECT count(*) FROM organisations WHERE kind = '"'myndighet'"' AND id <> '"$myn"'")))" ]'
post_form "$F" "/remisser/$SLUG/remisslista/$halmstad/adress" "$fcsrf" adress=inte-en-adress
check "a bad address override is refused beside its row" eval 'status_is 422 && text_has "aria-describedby=\"adress-'"$halmstad"'-fel\"" && [ -z "$(sql "SELECT dispatch_email FROM invitations WHERE remiss_id = $rid AND org_id = $halmstad")" ]'
post_form "$F" "/remisser/$SLUG/remisslista/$halmstad/adress" "$fcsrf" adress=diarium@halmstad.example
check "the address override is saved, shown and audited" eval 'status_is 303 && [ "$(sql "SELECT dispatch_email FROM invitations WHERE remiss_id = $rid AND org_id = $halmstad")" = diarium@halmstad.example ] && [ "$(audits invitation.address)" -ge 1 ]'
req "$F" GET "/remisser/$SLUG/remisslista"
check "the remisslista shows the override instead of 'saknas'" eval 'text_has "diarium@halmstad.example" && text_has "egen adress för remissen"'
post_form "$F" "/remisser/$SLUG/remisslista/$halmstad/adress" "$fcsrf" adress=
check "an empty address goes back to the registry mailbox" eval 'status_is 303 && [ -z "$(sql "SELECT dispatch_email FROM invitations WHERE remiss_id = $rid AND org_id = $halmstad")" ]'
post_form "$F" "/remisser/$SLUG/forlang" "$fcsrf" "org=$imp" datum=2099-01-31 tillbaka=remisslista
check "extending from the remisslista returns to it" eval 'status_is 303 && header_matches "^Location: /remisser/'$SLUG'/remisslista\\?sparat=1" && [ "$(sql "SELECT extended_closes FROM invitations WHERE remiss_id = $rid AND org_id = $imp")" = 2099-01-31 ]'
post_form "$F" "/remisser/$SLUG/forlang" "$fcsrf" "org=$imp" datum=
check "the old extend route still returns to the overview" eval 'status_is 303 && header_matches "^Location: /remisser/'$SLUG'/oversikt\\?sparat=1"'
post_form "$F" "/remisser/$SLUG/remisslista/$myn/ta-bort" "$fcsrf"
check "an organisation without an answer is removed, audited" eval 'status_is 303 && [ "$(sql "SELECT count(*) FROM invitations WHERE remiss_id = $rid AND org_id = $myn")" = 0 ] && [ "$(audits invitation.remove)" -ge 1 ]'
post_form "$F" "/remisser/$SLUG/remisslista/$myn/ta-bort" "$fcsrf"
check "removing one not on the list is a 404" eval 'status_is 404'
post_form "$F" "/remisser/$SLUG/bjud-in" "$fcsrf" "namn=Inbjuden förening $RUN" typ=forening tillbaka=remisslista
check "the old invite route takes the new kinds and returns to the remisslista when asked" eval 'status_is 303 && header_matches "^Location: /remisser/'$SLUG'/remisslista" && [ "$(sql "SELECT o.kind FROM organisations o JOIN invitations i ON i.org_id = o.id WHERE i.remiss_id = $rid AND o.name = '"'Inbjuden förening $RUN'"'")" = forening ]'
req "$F" GET "/remisser/$SLUG/oversikt"
check "the overview names each kind in Swedish" eval 'status_is 200 && text_has "<td>Förening</td>" && text_has "<td>Kommun</td>"'
req "$G" GET "/remisser/$SLUG/granskning?typ=myndighet"
check "the review matrix filters by the new kinds" eval 'status_is 200 && text_has "<option value=\"myndighet\" selected=\"selected\">Myndigheter</option>"'
post_form "$K" "/remisser/$SLUG/remisslista/$halmstad/ta-bort" "$kcsrf"
check "a kommun user may not change the remisslista (403)" eval 'status_is 403 && [ "$(sql "SELECT count(*) FROM invitations WHERE remiss_id = $rid AND org_id = $halmstad")" = 1 ]'

# --- referensgrupp and a kommun member reviewing ------------------------------------------
anna=$(sql "SELECT id FROM users WHERE email = 'anna.andersson@laholm.example'")
members() { sql "SELECT count(*) FROM remiss_reviewers WHERE remiss_id = $rid"; }
req "$K" GET "/remisser/$SLUG/granskning"
check "before joining, a kommun user may not review (403)" eval 'status_is 403'
req "$F" GET "/remisser/$SLUG/referensgrupp"
check "the referensgrupp page offers active users of every role" eval 'status_is 200 && text_has "anna.andersson@laholm.example" && text_has "Remissinstans, Laholms kommun" && text_has "orgs.granskare@regionhalland.example"'
post_form "$F" "/remisser/$SLUG/referensgrupp" "$fcsrf" person=999999999
check "adding a user who does not exist is refused (422)" eval 'status_is 422 && [ "$(members)" = 0 ]'
post_form "$F" "/remisser/$SLUG/referensgrupp" "$fcsrf" "person=$anna"
check "a kommun's representative is added, audited" eval 'status_is 303 && [ "$(members)" = 1 ] && [ "$(audits referensgrupp.add)" -ge 1 ]'
req "$F" GET "/remisser/$SLUG/referensgrupp"
check "the member is listed with organisation and role" eval 'text_has "Anna Andersson" && text_has "<td>Laholms kommun</td><td>Remissinstans</td>"'
post_form "$K" "/remisser/$SLUG/referensgrupp" "$kcsrf" "person=$anna"
check "a member may not change the referensgrupp (403)" eval 'status_is 403'
# Halmstad keeps a draft of its own on the remiss.
req "$H" GET "/remisser/$SLUG/svar"
post_form "$H" "/remisser/$SLUG/svar" "$hcsrf" action=spara "lock=$(hidden lock)" "sammanfattning=Halmstads hemliga utkast $RUN"
hdraft=$(sql "SELECT id FROM responses WHERE remiss_id = $rid AND org_id = $halmstad")
sql "INSERT INTO draft_attachments (remiss_id, org_id, filename, media_type, bytes, size, sha256) SELECT $rid, $halmstad, 'utkast.pdf', 'application/pdf', b, length(b), encode(sha256(b), 'hex') FROM (SELECT convert_to('%PDF-1.4 utkast', 'UTF8') AS b) x" >/dev/null
hfile=$(sql "SELECT id FROM draft_attachments WHERE remiss_id = $rid AND org_id = $halmstad ORDER BY id DESC LIMIT 1")
login "$K" anna.andersson@laholm.example; kcsrf=$(page_csrf "$K")
req "$K" GET /
check "the start page lists 'Remisser du granskar' for the member" eval 'status_is 200 && text_has "Remisser du granskar" && text_has "href=\"/remisser/'$SLUG'/granskning\""'
req "$K" GET "/remisser/$SLUG"
check "the remiss page shows the member both the review and their own answer" eval 'status_is 200 && text_has "href=\"/remisser/'$SLUG'/granskning\"" && text_has "href=\"/remisser/'$SLUG'/svar\""'
for p in granskning granskning/avsnitt/1 "sammanfattning?avsnitt=1" teman anteckningar analys dubbletter beslutsforslag dialogmoten export; do
	req "$K" GET "/remisser/$SLUG/$p"
	check "the member reviews the remiss: /$p is 200" eval 'status_is 200'
done
req "$K" GET "/remisser/$SLUG/sok?q=hemliga"
check "another kommun's draft is not in the member's review (search)" eval 'status_is 200 && body_lacks "Halmstads hemliga utkast"'
req "$K" GET "/remisser/$SLUG/svar/bilaga/${hfile:-0}"
check "another kommun's draft file is hidden from the member (404)" eval '[ -n "$hdraft" ] && [ -n "$hfile" ] && status_is 404'
req "$K" GET "/remisser/$OTHER/granskning"
check "the member may not review another remiss (403)" eval 'status_is 403'
req "$K" GET "/remisser/$SLUG/oversikt"
check "membership gives nothing of the förvaltning's (403)" eval 'status_is 403'
req "$K" GET "/remisser/$SLUG/svar"
lock=$(hidden lock)
check "the member's own response form still works" eval 'status_is 200 && body_lacks "Halmstads hemliga utkast"'
post_form "$K" "/remisser/$SLUG/svar" "$kcsrf" action=spara "lock=$lock" "sammanfattning=Laholms utkast $RUN"
check "the member still saves their own organisation's draft" eval 'status_is 303 && [ "$(sql "SELECT draft_summary FROM responses WHERE remiss_id = $rid AND org_id = $laholm")" = "Laholms utkast '"$RUN"'" ]'
req "$G" GET "/remisser/$OTHER/granskning"
check "a global granskare still reviews every remiss" eval 'status_is 200'
post_form "$F" "/remisser/$SLUG/remisslista/$halmstad/ta-bort" "$fcsrf"
check "an organisation with a draft cannot be removed from the remisslista (409)" eval 'status_is 409 && [ "$(sql "SELECT count(*) FROM invitations WHERE remiss_id = $rid AND org_id = $halmstad")" = 1 ]'
post_form "$F" "/remisser/$SLUG/referensgrupp/ta-bort" "$fcsrf" "person=$anna"
check "a member is removed, audited" eval 'status_is 303 && [ "$(members)" = 0 ] && [ "$(audits referensgrupp.remove)" -ge 1 ]'
post_form "$F" "/remisser/$SLUG/referensgrupp/ta-bort" "$fcsrf" "person=$anna"
check "removing one who is not a member is a 404" eval 'status_is 404'
login "$K" anna.andersson@laholm.example
req "$K" GET "/remisser/$SLUG/granskning"
check "once removed, the kommun user may not review (403)" eval 'status_is 403'

# remissctl referensgrupp, for scripts
IN= ctl referensgrupp add "$SLUG" bo.berg@laholm.example
check "remissctl referensgrupp add adds a member, audited" eval 'rc_is 0 && [ "$(members)" = 1 ] && [ "$(sql "SELECT actor FROM audit_log WHERE action = '"'referensgrupp.add'"' ORDER BY id DESC LIMIT 1")" != "" ]'
IN= ctl referensgrupp add "$SLUG" bo.berg@laholm.example
check "adding the same member again is an error that changes nothing" eval 'rc_is 1 && grep -q "already a member" "$T/err" && [ "$(members)" = 1 ]'
IN= ctl referensgrupp add no-such-remiss bo.berg@laholm.example
check "an unknown remiss is an error" eval 'rc_is 1 && grep -q "no remiss no-such-remiss" "$T/err"'
IN= ctl referensgrupp add "$SLUG" nobody@nowhere.example
check "an unknown user is an error" eval 'rc_is 1 && grep -q "no user" "$T/err" && [ "$(members)" = 1 ]'
IN= ctl referensgrupp remove "$SLUG" bo.berg@laholm.example
check "remissctl referensgrupp remove removes the member" eval 'rc_is 0 && [ "$(members)" = 0 ]'
IN= ctl referensgrupp remove "$SLUG" bo.berg@laholm.example
check "removing one who is not a member is an error" eval 'rc_is 1 && grep -q "not a member" "$T/err"'
IN= ctl referensgrupp add "$SLUG"
check "a missing argument is a usage error" eval 'rc_is 2'

sql "$saved_registry" >/dev/null
finish
