-- 003_responses.sql: receipt numbers for submitted versions, and times as receipts show them.
--
-- Applied once by `remissctl migrate` inside a transaction.

-- The running number of receipts (kvittensnummer YYYY-NNNNNN), never reused.
CREATE SEQUENCE response_receipt_seq AS bigint MINVALUE 1 NO CYCLE;

-- A receipt number: the year of t in Europe/Stockholm, a dash, and n with at
-- least six digits.
CREATE FUNCTION receipt_number(t timestamptz, n bigint) RETURNS text
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN to_char(t AT TIME ZONE 'Europe/Stockholm', 'YYYY') || '-'
	    || lpad(n::text, greatest(6, length(n::text)), '0');

-- t as ISO 8601 in Europe/Stockholm with its offset: 2024-05-21T14:03:11+02:00.
CREATE FUNCTION iso_time_se(t timestamptz) RETURNS text
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN to_char(t AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD"T"HH24:MI:SS')
	    || CASE WHEN (t AT TIME ZONE 'Europe/Stockholm') >= (t AT TIME ZONE 'UTC')
		THEN '+' ELSE '-' END
	    || to_char(abs(extract(epoch FROM (t AT TIME ZONE 'Europe/Stockholm')
		- (t AT TIME ZONE 'UTC'))) * interval '1 second', 'HH24:MI');

-- Lists of versions per remiss, newest first.
CREATE INDEX response_versions_response_received_idx
	ON response_versions (response_id, received_at DESC, id DESC);
