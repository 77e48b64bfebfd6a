#!/usr/bin/env bash
# tests/integration/response_cli.sh BUILD-DIR: remissctl validate and response import against a
# migrated database ($REMISS_DB) holding the demo remiss and organisations (after dev/demo/load).
set -uo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=${1:?usage: response_cli.sh BUILD-DIR (with REMISS_DB set to a database after dev/demo/load)}
: "${REMISS_DB:?REMISS_DB must name a migrated database with the demo data}"
SLUG=ok-hemsjukvard-2025
INVITED="Kungsbacka kommun"	# invited to the demo remiss, no demo answer
# Unique names, so that the script can run again on the same database.
RUN=$(date +%s)$$
STRANGER="Responsetest $RUN"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# A valid remissvar for the demo remiss (line numbers matter below).
cat >"$T/good.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="$SLUG">
  <remissinstans typ="kommun">$INVITED</remissinstans>
  <diarienummer>TEST $RUN</diarienummer>
  <beslut instans="Vård- och omsorgsnämnden" datum="2024-05-20"/>
  <kontakt namn="Test Testsson" epost="test.testsson@example.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <sammanfattning>Kommunen tillstyrker. Åäö ÅÄÖ &amp; &lt;tecken&gt;.</sammanfattning>
  <svar avsnitt="3.3">
    <stallningstagande>tillstyrker-med-andringar</stallningstagande>
    <kommentar>Tröskelprincipen behöver förtydligas.</kommentar>
  </svar>
  <svar fraga="q4">
    <tidshorisont typ="kortsiktigt">Utbildning.</tidshorisont>
  </svar>
  <bilaga filnamn="a.txt" mediatyp="text/plain">SGVqIGjDpXI=</bilaga>
</remissvar>
XML
# Invalid: a bad position on line 6 and an unknown element on line 9.
cat >"$T/bad.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<remissvar xmlns="urn:remissvar:1" remiss="$SLUG">
  <remissinstans typ="kommun">$INVITED</remissinstans>
  <kontakt namn="Test Testsson" epost="test.testsson@example.se"/>
  <stallningstagande>tillstyrker</stallningstagande>
  <svar avsnitt="1"><stallningstagande>kanske</stallningstagande></svar>
  <svar avsnitt="2">
    <kommentar>Ja.</kommentar>
    <betyg>5</betyg>
  </svar>
</remissvar>
XML
# Valid on its own, but section 9.9 is not in the remiss (line 9).
sed -e 's/avsnitt="3.3"/avsnitt="9.9"/' "$T/good.xml" >"$T/unknown.xml"

# --- validate ------------------------------------------------------------------
ctl validate "$T/good.xml"
check "validate accepts a valid remissvar (exit 0)" eval 'rc_is 0 && [ -z "$ERR" ]'
for f in "$ROOT"/dev/demo/svar-*.xml; do
	ctl validate "$f"
	check "validate accepts the demo response $(basename "$f")" rc_is 0
done
ctl validate "$T/bad.xml"
check "validate refuses an invalid remissvar with exit 1" rc_is 1
check "validate prints FILE:LINE:COL: message for the bad position" \
	eval 'grep -q "^$T/bad.xml:6:[0-9][0-9]*: .*not a position" <<<"$ERR"'
check "validate prints FILE:LINE:COL: message for the unknown element" \
	eval 'grep -q "^$T/bad.xml:9:[0-9][0-9]*: .*<betyg>" <<<"$ERR"'
check "validate prints nothing but FILE:LINE:COL lines" \
	eval '! grep -qv "^$T/bad.xml:[0-9][0-9]*:[0-9][0-9]*: " <<<"$ERR"'
printf '<remissvar xmlns="urn:remissvar:1" remiss="x">\n  <oops>\n</remissvar>\n' >"$T/nwf.xml"
ctl validate "$T/nwf.xml"
check "validate refuses a document that is not well-formed, with a line" \
	eval 'rc_is 1 && grep -q "^$T/nwf.xml:[0-9][0-9]*:" <<<"$ERR"'
ctl validate
check "validate without a file is a usage error (exit 2)" rc_is 2
ctl validate --help
check "validate --help exits 0" eval 'rc_is 0 && grep -q "usage:" <<<"$OUT"'

# --- response import ---------------------------------------------------------------
BEFORE=$(versions "$INVITED")
ctl response import "$T/good.xml"
check "import of a valid file prints a receipt number and the version" \
	eval 'rc_is 0 && [[ $OUT =~ ^[0-9]{4}-[0-9]{6,}$'"'"'\t'"'"'[0-9]+$ ]]'
NUM=${OUT%%$'\t'*}
check "import stores one new version for the organisation" \
	eval '[ "$(versions "$INVITED")" = $((BEFORE + 1)) ]'
check "the stored version's sha256 is the SHA-256 of its canonical_xml" \
	eval '[ "$(sql "SELECT sha256 = encode(sha256(convert_to(canonical_xml, '"'UTF8'"')), '"'hex'"')
	   FROM response_versions WHERE receipt_number = '"'$NUM'"'")" = t ]'
check "the stored version has channel xml and the document's values" \
	eval '[ "$(sql "SELECT channel || '"'|'"' || diarienummer FROM response_versions WHERE receipt_number = '"'$NUM'"'")" = "xml|TEST $RUN" ]'
check "the stored canonical XML keeps Swedish characters and escapes" \
	eval 'sql "SELECT canonical_xml FROM response_versions WHERE receipt_number = '"'$NUM'"'" | grep -qF "Åäö ÅÄÖ &amp; &lt;tecken&gt;"'
check "the attachment is stored decoded" \
	eval '[ "$(sql "SELECT count(*) FROM attachments a JOIN response_versions v ON v.id = a.version_id WHERE v.receipt_number = '"'$NUM'"'")" = 1 ]'

ctl response import "$T/good.xml" --channel registrerad
check "a second import is the next version, channel registrerad" \
	eval 'rc_is 0 && [ "${OUT##*$'"'"'\t'"'"'}" -ge 2 ] &&
	[ "$(sql "SELECT channel FROM response_versions WHERE receipt_number = '"'${OUT%%$'\t'*}'"'")" = registrerad ]'
check "a registered import arrived today (Europe/Stockholm) unless --arrived says otherwise" \
	eval '[ "$(sql "SELECT arrived_on FROM response_versions WHERE receipt_number = '"'${OUT%%$'\t'*}'"'")" = "$(TZ=Europe/Stockholm date +%F)" ]'
ctl response import "$T/good.xml" --channel registrerad --arrived "$(TZ=Europe/Stockholm date -d '+1 day' +%F)"
check "a registered import that arrives tomorrow is refused with the reason" \
	eval '[ "$RC" = 1 ] && grep -q "senare än i dag" <<<"$ERR"'

ctl response import "$T/good.xml" --skip-if-answered
check "--skip-if-answered stores nothing when the organisation has answered" \
	eval 'rc_is 0 && grep -q "^skipped" <<<"$OUT"'

ctl org add "$STRANGER" --kind annan
TOTAL=$(versions)
ctl response import "$T/good.xml" --org "$STRANGER"
check "import for an organisation that is not invited fails (exit 1)" \
	eval 'rc_is 1 && grep -q "not invited" <<<"$ERR"'
check "import for an uninvited organisation stores nothing" \
	eval '[ "$(versions)" = "$TOTAL" ] && [ "$(sql "SELECT count(*) FROM responses r JOIN organisations o ON o.id = r.org_id WHERE o.name = '"'$STRANGER'"'")" = 0 ]'

ctl response import "$T/good.xml" --org "No such org $RUN"
check "import for an unknown organisation fails (exit 1)" eval 'rc_is 1 && [ "$(versions)" = "$TOTAL" ]'

ctl response import "$T/bad.xml"
check "import of an invalid file fails with FILE:LINE:COL errors" \
	eval 'rc_is 1 && grep -q "^$T/bad.xml:6:[0-9][0-9]*: " <<<"$ERR"'
check "an invalid file stores nothing" eval '[ "$(versions)" = "$TOTAL" ]'

ctl response import "$T/unknown.xml"
check "import naming a section the remiss lacks fails at that line" \
	eval 'rc_is 1 && grep -q "^$T/unknown.xml:9:[0-9][0-9]*: .*9\.9" <<<"$ERR" && [ "$(versions)" = "$TOTAL" ]'

sed -e "s/remiss=\"$SLUG\"/remiss=\"no-such-remiss-$RUN\"/" "$T/good.xml" >"$T/noremiss.xml"
ctl response import "$T/noremiss.xml"
check "import for an unknown remiss fails (exit 1)" \
	eval 'rc_is 1 && grep -q "no remiss" <<<"$ERR" && [ "$(versions)" = "$TOTAL" ]'

ctl response import
check "response import without a file is a usage error (exit 2)" rc_is 2
ctl response import "$T/good.xml" --channel webb
check "response import --channel webb is a usage error (exit 2)" eval 'rc_is 2 && [ "$(versions)" = "$TOTAL" ]'
ctl response import --help
check "response import --help exits 0" eval 'rc_is 0 && grep -q "usage:" <<<"$OUT"'

# --- the demo responses ----------------------------------------------------------------
check "the demo responses are present (at least 4 organisations answered)" \
	eval '[ "$(sql "SELECT count(DISTINCT r.org_id) FROM responses r JOIN remiss m ON m.id = r.remiss_id
	   JOIN response_versions v ON v.response_id = r.id WHERE m.slug = '"'$SLUG'"'")" -ge 4 ]'

finish
