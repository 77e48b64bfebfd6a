-- 005_remiss_editor.sql: optimistic locking of remiss edits, and no retiring a section or question that has submitted answers.
--
-- Applied once by `remissctl migrate` inside a transaction (no BEGIN/COMMIT
-- here).

-- Bumped by every change made in the remiss editor and by every import, so
-- that an edit made on a page that is no longer current is refused instead
-- of silently overwriting someone else's change.
-- (Not named lock_version: responses has that column, and a query joining
-- the two would become ambiguous.)
ALTER TABLE remiss ADD COLUMN edit_version int NOT NULL DEFAULT 0
	CONSTRAINT remiss_edit_version_check CHECK (edit_version >= 0);

-- A submitted answer must keep pointing at a live section or question: the
-- programs refuse such a change with a clear message first (and count drafts
-- too); this is the last line that no program gets past. Renumbering,
-- renaming and moving are fine: answers refer to the row's id.
CREATE FUNCTION keep_answered_target() RETURNS trigger
	LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'sections' THEN
		IF EXISTS (SELECT 1 FROM answers WHERE section_id = OLD.id) THEN
			RAISE EXCEPTION 'section % (nr %) has submitted answers and cannot be retired',
			    OLD.id, OLD.nr USING ERRCODE = 'restrict_violation';
		END IF;
	ELSIF EXISTS (SELECT 1 FROM answers WHERE question_id = OLD.id) THEN
		RAISE EXCEPTION 'question % (%) has submitted answers and cannot be retired',
		    OLD.id, OLD.qid USING ERRCODE = 'restrict_violation';
	END IF;
	RETURN NEW;
END
$$;

CREATE TRIGGER sections_keep_answered
	BEFORE UPDATE OF removed_at ON sections
	FOR EACH ROW WHEN (OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL)
	EXECUTE FUNCTION keep_answered_target();
CREATE TRIGGER questions_keep_answered
	BEFORE UPDATE OF removed_at ON questions
	FOR EACH ROW WHEN (OLD.removed_at IS NULL AND NEW.removed_at IS NOT NULL)
	EXECUTE FUNCTION keep_answered_target();
