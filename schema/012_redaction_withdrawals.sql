-- 012_redaction_withdrawals.sql: withdrawing (häva) a redaction made by mistake. The redaction
-- row stays as it was (redactions are never changed or removed); a withdrawal is a row of its
-- own that says who withdrew it, when and why, and the public page then shows the passage or
-- attachment again. At most one withdrawal per redaction; rows are never changed or removed.
CREATE TABLE redaction_withdrawals (
	redaction_id	bigint PRIMARY KEY REFERENCES redactions (id) ON DELETE RESTRICT,
	reason		text NOT NULL CHECK (is_one_line(reason, 500)),
	withdrawn_by	bigint NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
	withdrawn_at	timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER redaction_withdrawals_immutable
	BEFORE UPDATE OR DELETE ON redaction_withdrawals
	FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER redaction_withdrawals_no_truncate
	BEFORE TRUNCATE ON redaction_withdrawals
	FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
