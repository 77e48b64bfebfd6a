-- 018_receipt_clock.sql: receipt numbers that no restore can hand out again, because each is
-- taken from the clock.
--
-- Applied once by `remissctl migrate` inside a transaction.
--
-- A restored copy of the database (a pg_dump, a base backup to a point in time, a file-system
-- snapshot) does not know the numbers given out after the copy was taken, so a counter kept in
-- the database alone starts again below them. The clock is the one thing every restore leaves
-- alone: a receipt number is now at least the time of issue, counted in hundredths of a second
-- since the New Year in Europe/Stockholm (2026-0412345678 was issued about 47 days into 2026).
-- response_receipt_seq keeps the numbers strictly increasing when two come within the same
-- hundredth; it holds the same count from 1970-01-01 UTC on, so that it never goes back at a
-- New Year. A number handed out before a restore is therefore below every number handed out
-- after it, as long as the clock is right and numbers were not issued faster than 100 a second
-- in the moments before the copy was lost; `remissctl verify` says when either assumption fails.
-- The format stays INTERFACES.md's (year, dash, 6 to 12 digits): at most 10 digits until the
-- year's end. docs/architecture.md ("Receipt numbers") has the reasoning.

-- t on the count of response_receipt_seq: hundredths of a second since 1970-01-01 UTC.
CREATE FUNCTION receipt_clock(t timestamptz) RETURNS bigint
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN floor(extract(epoch FROM t) * 100)::bigint;

-- The instant year y begins in Europe/Stockholm.
CREATE FUNCTION receipt_year_start(y integer) RETURNS timestamptz
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN make_timestamptz(y, 1, 1, 0, 0, 0, 'Europe/Stockholm');

-- Where a receipt number given out earlier stands on the count of response_receipt_seq: the
-- start of its year plus its serial. Numbers of the old form (2025-000017) come out a few
-- hundredths after their New Year, below every number taken from the clock later.
CREATE FUNCTION receipt_position(number text) RETURNS bigint
	LANGUAGE sql STABLE STRICT PARALLEL SAFE
	RETURN receipt_clock(receipt_year_start(split_part(number, '-', 1)::integer))
	    + split_part(number, '-', 2)::bigint;

-- The next receipt number, for a version received at t (the transaction's now()): the year of
-- t in Europe/Stockholm, a dash, and the serial: the greater of the sequence's next value and
-- t's clock, minus the start of the year. The sequence is advanced to the clock under a session
-- advisory lock held for the two sequence calls only (not to the end of the transaction, which
-- would make every submission wait for the others), and released on any error.
CREATE FUNCTION receipt_issue(t timestamptz) RETURNS text
	LANGUAGE plpgsql VOLATILE STRICT
AS $$
DECLARE
	y	integer := extract(year FROM t AT TIME ZONE 'Europe/Stockholm');
	c	bigint := receipt_clock(t);
	n	bigint;
	s	bigint;
	locked	boolean := false;
BEGIN
	BEGIN
		-- An arbitrary key, used for nothing else (advisory locks are per database).
		PERFORM pg_advisory_lock(1920102004);
		locked := true;
		n := nextval('response_receipt_seq');
		IF n < c THEN
			n := setval('response_receipt_seq', c);
		END IF;
		PERFORM pg_advisory_unlock(1920102004);
		locked := false;
	EXCEPTION WHEN OTHERS OR query_canceled THEN
		IF locked THEN
			PERFORM pg_advisory_unlock(1920102004);
		END IF;
		RAISE;
	END;
	s := n - receipt_clock(receipt_year_start(y));
	RETURN y::text || '-' || lpad(s::text, greatest(6, length(s::text)), '0');
END
$$;

-- Existing numbers: the sequence moves to the highest position given out so far (versions and
-- the receipts the audit log recorded) or the clock, whichever is later.
SELECT setval('response_receipt_seq', greatest(1, receipt_clock(now()),
	(SELECT max(receipt_position(receipt_number)) FROM response_versions),
	(SELECT max(receipt_position(detail->>'receipt')) FROM audit_log
	  WHERE action = 'response.submit'
	  AND detail->>'receipt' ~ '^[0-9]{4}-[0-9]{6,12}$')));
