-- 016_search_word_parts.sql: search and the review matrix's text filter find word parts.
--
-- Swedish writes compounds as one word, and the Swedish stemmer leaves a compound whole:
-- "läkarmedverkan" is the lexeme 'läkarmedverkan', so "läkare" (the lexeme 'läk') and "läkar"
-- never found it. search_query() turns the text a user typed into a tsquery that also finds
-- the words of the remiss that contain one of the query's words (see search_parts()), so
-- ranking (ts_rank), highlighting (ts_headline) and the syntax ("phrase", -word, or) stay
-- PostgreSQL's full-text search. Which words contain a part is read from the remiss's latest
-- answers and summaries, found through trigram indexes (pg_trgm) when the remiss is large.
--
-- pg_trgm ships with PostgreSQL (Debian: postgresql-15) and is a trusted extension since
-- PostgreSQL 13: the database's owner may create it without being a superuser, so this
-- migration runs as the role that owns the database (docs/install.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Each answer's text as a tsvector, stored: a search that matches thousands of answers
-- ranks them without parsing every text again (ts_rank needs the positions), and the
-- matrix's text filter tests its cells the same way (docs/performance.md, "Search").
-- It replaces 006's expression index, which computed the same tsvector for the index
-- alone. Adding the column rewrites the table: minutes for a million answers, once.
DROP INDEX answers_fts_idx;
ALTER TABLE answers ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS
	(to_tsvector('swedish'::regconfig, answer_text(comment, proposed_wording,
	    consequence_region, consequence_kommun, short_term, long_term))) STORED;
CREATE INDEX answers_search_tsv_idx ON answers USING gin (search_tsv);

CREATE INDEX answers_trgm_idx ON answers USING gin (answer_text(comment, proposed_wording,
	consequence_region, consequence_kommun, short_term, long_term) gin_trgm_ops);
CREATE INDEX response_versions_summary_trgm_idx ON response_versions USING gin
	(summary gin_trgm_ops);

-- The parts a query word is looked for as inside the words of the answers: the word as
-- typed (lower case, 3 letters or more), its stem (4 or more: "kommunerna" gives "kommun",
-- "hemsjukvårdens" gives "hemsjukvård"), and the word without a final vowel, the form a
-- Swedish noun often takes first in a compound (4 or more: "läkare" gives "läkar", which is
-- in "läkarmedverkan"; "sjuksköterska" gives "sjukskötersk"). Shorter stems are left out:
-- "läkare" stems to 'läk', which is also in "läkemedel".
CREATE FUNCTION search_parts(word text, lexeme text) RETURNS text[]
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	RETURN ARRAY(SELECT DISTINCT p FROM unnest(ARRAY[
	    CASE WHEN char_length(word) >= 3 THEN word END,
	    CASE WHEN char_length(lexeme) >= 4 THEN lexeme END,
	    CASE WHEN char_length(word) >= 5 AND word ~ '[aeiouyåäö]$'
		THEN left(word, -1) END]) p
	    WHERE p IS NOT NULL ORDER BY p);

-- websearch_to_tsquery('swedish', q) in which the lexeme of each word of q is replaced by
-- itself or the lexeme of any word in the latest answers and summaries of remiss
-- remiss_id that contains one of the word's parts: "läkare" becomes 'läk' | 'läkarmedverkan'
-- | 'distriktsläk' | ..., inside phrases and after "-" alike. Only words of letters and
-- digits are widened (they are the tokens of the parser; the regular expression below is
-- built from them alone). NULL for a NULL q.
CREATE FUNCTION search_query(remiss_id bigint, q text) RETURNS tsquery
	LANGUAGE plpgsql STABLE STRICT AS $$
DECLARE
	result	tsquery := websearch_to_tsquery('swedish'::regconfig, q);
	w	record;
BEGIN
	FOR w IN
	    WITH terms AS (
		SELECT DISTINCT lower(d.token) AS word, d.lexemes[1] AS lexeme
		FROM ts_debug('swedish'::regconfig, q) d
		WHERE cardinality(d.lexemes) = 1 AND lower(d.token) <> 'or'
		AND d.token ~ '^[[:alnum:]]+$'),
	    parts AS (SELECT t.lexeme, unnest(search_parts(t.word, t.lexeme)) AS part
		FROM terms t),
	    pattern AS (SELECT string_agg(DISTINCT part, '|') AS re FROM parts),
	    texts AS (
		SELECT answer_text(a.comment, a.proposed_wording, a.consequence_region,
		    a.consequence_kommun, a.short_term, a.long_term) AS body
		FROM responses r
		JOIN LATERAL (SELECT id FROM response_versions WHERE response_id = r.id
		    ORDER BY version DESC LIMIT 1) v ON true
		JOIN answers a ON a.version_id = v.id, pattern
		WHERE r.remiss_id = search_query.remiss_id
		AND answer_text(a.comment, a.proposed_wording, a.consequence_region,
		    a.consequence_kommun, a.short_term, a.long_term) ~* pattern.re
		UNION ALL
		SELECT v.summary FROM responses r
		JOIN LATERAL (SELECT summary FROM response_versions WHERE response_id = r.id
		    ORDER BY version DESC LIMIT 1) v ON true, pattern
		WHERE r.remiss_id = search_query.remiss_id AND v.summary ~* pattern.re),
	    words AS (SELECT DISTINCT lower(m[1]) AS word FROM texts, pattern,
		regexp_matches(texts.body, '([[:alnum:]]*(?:' || pattern.re || ')[[:alnum:]]*)',
		    'gi') m),
	    widened AS (SELECT DISTINCT p.lexeme, l.lexeme AS other
		FROM parts p JOIN words ON strpos(words.word, p.part) > 0,
		unnest(tsvector_to_array(to_tsvector('swedish'::regconfig, words.word)))
		    AS l(lexeme)
		WHERE l.lexeme <> p.lexeme)
	    SELECT lexeme, string_agg(other, ' | ' ORDER BY other) AS others
	    FROM widened GROUP BY lexeme ORDER BY lexeme
	LOOP
		-- Lexemes of words of letters and digits are plain words in to_tsquery.
		result := ts_rewrite(result, to_tsquery('simple'::regconfig, w.lexeme),
		    to_tsquery('simple'::regconfig, w.lexeme) ||
		    to_tsquery('simple'::regconfig, w.others));
	END LOOP;
	RETURN result;
END $$;
