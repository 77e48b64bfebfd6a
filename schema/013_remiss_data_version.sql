-- 013_remiss_data_version.sql: a data version per remiss (and one for everything, remiss_id 0)
-- for the review matrix's page cache. remissd bumps a remiss's row in its own short
-- autocommit statement AFTER a state-changing request on that remiss has committed, and row
-- 0 after any other state-changing request (organisations, users); the matrix reads both
-- BEFORE it reads the data, so a cached page is never older than its key says
-- (docs/architecture.md, "The review matrix cache"). No foreign key: row 0 is not a remiss,
-- and a row left by a deleted remiss is harmless.
CREATE TABLE remiss_data_version (
	remiss_id	bigint PRIMARY KEY,
	v		bigint NOT NULL DEFAULT 0
);
INSERT INTO remiss_data_version (remiss_id, v) VALUES (0, 0);
