-- 007_summaries.sql: the referensgrupp's summaries per section and per theme, kept in versions,
-- each version with the answers it rests on.
--
-- Applied once by `remissctl migrate` inside a transaction. A summary is about one section or
-- one theme of a remiss. Every save is a new version (who, when, whether it was the generated
-- first draft); a version is never changed, so the history and its diffs stay true.

CREATE TABLE summaries (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	remiss_id	bigint NOT NULL REFERENCES remiss (id) ON DELETE CASCADE,
	section_id	bigint REFERENCES sections (id) ON DELETE RESTRICT,
	theme_id	bigint REFERENCES themes (id) ON DELETE CASCADE,
	created_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT summaries_one_subject CHECK ((section_id IS NULL) <> (theme_id IS NULL))
);
CREATE UNIQUE INDEX summaries_section_key ON summaries (section_id) WHERE section_id IS NOT NULL;
CREATE UNIQUE INDEX summaries_theme_key ON summaries (theme_id) WHERE theme_id IS NOT NULL;
CREATE INDEX summaries_remiss_idx ON summaries (remiss_id);

CREATE TABLE summary_versions (
	id		bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	summary_id	bigint NOT NULL REFERENCES summaries (id) ON DELETE CASCADE,
	version		int NOT NULL CHECK (version >= 1),
	body		text NOT NULL CHECK (length(btrim(body)) BETWEEN 1 AND 100000),
	-- Saved unchanged from the generated first draft.
	generated	boolean NOT NULL DEFAULT false,
	created_by	bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
	created_at	timestamptz NOT NULL DEFAULT now(),
	CONSTRAINT summary_versions_key UNIQUE (summary_id, version)
);

CREATE TRIGGER summary_versions_immutable
	BEFORE UPDATE ON summary_versions
	FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- The answers (an organisation's response to a section; section NULL: the response as a
-- whole) a version rests on.
CREATE TABLE summary_refs (
	version_id	bigint NOT NULL REFERENCES summary_versions (id) ON DELETE CASCADE,
	response_id	bigint NOT NULL REFERENCES responses (id) ON DELETE RESTRICT,
	section_id	bigint REFERENCES sections (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX summary_refs_key ON summary_refs (version_id, response_id,
	COALESCE(section_id, 0));
CREATE INDEX summary_refs_answer_idx ON summary_refs (response_id, section_id);
