-- 011_user_language.sql: each user's chosen language of the user interface.
--
-- Applied once by `remissctl migrate` inside a transaction. Swedish is the language of the
-- service and the default; English is the one translation (po/en.po). remissd reads the
-- column with the session on every request and the page follows it (docs/development.md).

ALTER TABLE users
	ADD COLUMN lang text NOT NULL DEFAULT 'sv' CHECK (lang IN ('sv', 'en'));
