-- 014_latest_answers.sql: the section answers of each response's latest version, one narrow
-- row each, kept by a trigger on answers. The review matrix's counts per section (how many
-- answered, with which position, read, tagged, annotated) read this table instead of finding
-- every response's latest version and its answers one response at a time, which took seconds
-- at a million answers (docs/performance.md, "Mass ingest and statistics").
--
-- A row is only ever written in the transaction that stores the version, which holds its
-- response's row lock (core/response_store.c), so two writers never race for one response;
-- rows of different responses never conflict. Versions and answers are never updated or
-- deleted (001_core.sql), so inserting answers is the only change to follow. No foreign keys:
-- the rows they would point at cannot be deleted while an answer refers to them.
CREATE TABLE latest_answers (
	response_id	bigint NOT NULL,
	section_id	bigint NOT NULL,
	remiss_id	bigint NOT NULL,
	org_id		bigint NOT NULL,
	version		int NOT NULL,
	position	remiss_position,
	PRIMARY KEY (response_id, section_id)
);
CREATE INDEX latest_answers_remiss_idx ON latest_answers (remiss_id);

-- A new version retires its response's rows of older versions (also when it has no section
-- answers at all); its answers, inserted next in the same transaction, bring the new rows,
-- unless a newer version of the response is already there.
CREATE FUNCTION latest_answers_retire() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM latest_answers
	WHERE response_id = NEW.response_id AND version < NEW.version;
	RETURN NULL;
END
$$;

CREATE TRIGGER response_versions_latest_retire AFTER INSERT ON response_versions
	FOR EACH ROW EXECUTE FUNCTION latest_answers_retire();

CREATE FUNCTION latest_answers_add() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO latest_answers (response_id, section_id, remiss_id, org_id, version, position)
	SELECT v.response_id, n.section_id, r.remiss_id, r.org_id, v.version, n.position
	FROM new_answers n
	JOIN response_versions v ON v.id = n.version_id
	JOIN responses r ON r.id = v.response_id
	WHERE n.section_id IS NOT NULL
	  AND NOT EXISTS (SELECT 1 FROM response_versions w
	      WHERE w.response_id = v.response_id AND w.version > v.version);
	RETURN NULL;
END
$$;

CREATE TRIGGER answers_latest_add AFTER INSERT ON answers
	REFERENCING NEW TABLE AS new_answers
	FOR EACH STATEMENT EXECUTE FUNCTION latest_answers_add();

-- What is there already: each response's latest version's section answers.
INSERT INTO latest_answers (response_id, section_id, remiss_id, org_id, version, position)
SELECT r.id, a.section_id, r.remiss_id, r.org_id, v.version, a.position
FROM responses r
JOIN LATERAL (SELECT id, version FROM response_versions
    WHERE response_id = r.id ORDER BY version DESC LIMIT 1) v ON true
JOIN answers a ON a.version_id = v.id
WHERE a.section_id IS NOT NULL;
