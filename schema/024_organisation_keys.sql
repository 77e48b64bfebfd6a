-- 024_organisation_keys.sql: an organisation is one by its name in any case and by its
-- organisationsnummer (issue 18: the organisations' administration and CSV import).
--
-- Applied once by `remissctl migrate` inside a transaction. The web form and the import
-- refuse a taken name or orgnr with a 422 first; these keys make a race between two of them
-- end in a conflict instead of two rows for one organisation.
CREATE UNIQUE INDEX organisations_name_lower_key ON organisations (lower(name));
CREATE UNIQUE INDEX organisations_orgnr_key ON organisations (orgnr)
	WHERE orgnr IS NOT NULL;
