-- 022_mail_sender.sql: wakes the outbox's sender (remissctl mail send) when a message is due.
--
-- The sender LISTENs on the channel mail_outbox and also polls, so a lost notification only
-- delays a message until the next poll. A row that becomes due now (queued, or retried by
-- the förvaltning) notifies; a failed attempt moves next_attempt_at into the future and does
-- not, so the sender does not wake itself. PostgreSQL folds the notifications of one
-- transaction into one, delivered at its commit.
CREATE FUNCTION mail_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('mail_outbox', '');
	RETURN NULL;
END
$$;

CREATE TRIGGER mail_outbox_due AFTER INSERT OR UPDATE OF next_attempt_at, failed_at
	ON mail_outbox FOR EACH ROW
	WHEN (NEW.sent_at IS NULL AND NEW.failed_at IS NULL
	    AND NEW.next_attempt_at <= statement_timestamp())
	EXECUTE FUNCTION mail_outbox_notify();

-- When the förvaltning last queued the message again (remissctl mail retry, /admin/utskick):
-- the sender's two days before it gives a message up count from then, not from created_at.
ALTER TABLE mail_outbox ADD COLUMN retried_at timestamptz;
