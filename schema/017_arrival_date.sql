-- 017_arrival_date.sql: the day a registered response arrived (ankomstdatum). A response that
-- came by e-mail or post is registered by the förvaltning some time after it arrived; the day
-- it arrived, as the registrar dated it, is what counts against the organisation's deadline
-- (core/response_store.c judges the window by it, not by the time of registration) and what
-- the exports and receipts show as the day the response was received.
--
-- Only a registered version has one; the web form and the XML upload are received when they
-- are stored (received_at). Registered versions stored before this migration have none: their
-- arrival was never recorded, and they keep showing the time they were registered. A version
-- is never changed (001_core.sql), so the day is given when the version is stored.
ALTER TABLE response_versions ADD COLUMN arrived_on date;

ALTER TABLE response_versions ADD CONSTRAINT response_versions_arrived_registered
	CHECK (arrived_on IS NULL OR channel = 'registrerad');

-- A response cannot arrive after it was registered (days in Europe/Stockholm).
ALTER TABLE response_versions ADD CONSTRAINT response_versions_arrived_before_registered
	CHECK (arrived_on IS NULL
	    OR arrived_on <= (received_at AT TIME ZONE 'Europe/Stockholm')::date);
