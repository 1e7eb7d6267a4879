-- Motcua schema on PostgreSQL, version 32: the words of every dossier in a
-- btree ordered by id (issue 17 item 6: search p95 ≤ 20 ms at 1,000,000
-- dossiers). The trigram index of step 2 answers a common name badly: for
-- "nguyen van an" its bitmap holds some 102,000 candidates, each checked
-- against the regular expressions before the newest are sorted out (76–96 ms,
-- docs/PERFORMANCE.md). dossier_word holds each token of the folded search
-- text (dossier.search_folded: runs of letters and digits, as
-- mc_search_token () delimits them) by its leading letters — the words of
-- the citizen's name, never an ID number or a phone — once per dossier, under
-- the key (word, id). mc_dossier_search () now walks the ids of the query's
-- rarest whole word from the newest, joined in id order to the ids of its
-- other whole words, each candidate checked against the full condition as
-- before, and stops at the limit; or, when the word still being typed is
-- rarer, reads the ids its prefix starts. The hits and their order are those
-- of the regular expressions (the same rule as SQLite's FTS5 query): the
-- index only narrows. A query with no whole word of letters (an ID number, a
-- phone, a code's runs) keeps the trigram index.
--
-- Kept by triggers owned by motcua_owner: an insert (a reception, a COPY of
-- 2,048 imported rows) adds its rows' words in one statement; an update that
-- changes the folded text replaces them; a delete removes them. No client
-- reads the table: mc_dossier_search () is SECURITY DEFINER.
SET LOCAL ROLE motcua_owner;

-- The words of a folded search text that dossier_word keeps: of each token,
-- its leading letters ("nguyen" of "nguyen", "h" of the code's "h56",
-- nothing of "250115" or of an ID number). A query's word of letters only
-- equals a token only if it is such a token, and starts a token only if it
-- starts that token's leading letters: so the dossiers a word of letters
-- finds, whole or as a prefix, are among those its entries name.
CREATE FUNCTION mc_search_words (folded text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT DISTINCT substring (t FROM '^[[:alpha:]]+') FROM regexp_split_to_table (folded, '[^[:alnum:]]+') AS t
  WHERE t ~ '^[[:alpha:]]'
$$;

-- COLLATE "C": the prefix of the word being typed is a range of the key.
CREATE TABLE dossier_word (
  word text COLLATE "C" NOT NULL,
  id   bigint NOT NULL,
  PRIMARY KEY (word, id)
);
INSERT INTO dossier_word (word, id) SELECT w, d.id FROM dossier d, mc_search_words (d.search_folded) AS w;

CREATE FUNCTION dossier_words_inserted () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  INSERT INTO dossier_word (word, id) SELECT w, n.id FROM new_rows n, mc_search_words (n.search_folded) AS w;
  RETURN NULL;
END
$$;

CREATE FUNCTION dossier_words_changed () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM dossier_word
    WHERE id = OLD.id AND word IN (SELECT mc_search_words (OLD.search_folded));
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO dossier_word (word, id) SELECT w, NEW.id FROM mc_search_words (NEW.search_folded) AS w;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER dossier_words_insert AFTER INSERT ON dossier REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_words_inserted ();
CREATE TRIGGER dossier_words_update AFTER UPDATE ON dossier
  FOR EACH ROW WHEN (OLD.search_folded IS DISTINCT FROM NEW.search_folded)
  EXECUTE FUNCTION dossier_words_changed ();
CREATE TRIGGER dossier_words_delete AFTER DELETE ON dossier
  FOR EACH ROW EXECUTE FUNCTION dossier_words_changed ();

-- `motcua db copy` fills the tables with the triggers off
-- (src/core/mc-db-copy.c): it then builds the words from the dossiers copied.
CREATE FUNCTION mc_dossier_words_rebuild () RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  TRUNCATE dossier_word;
  INSERT INTO dossier_word (word, id) SELECT w, d.id FROM dossier d, mc_search_words (d.search_folded) AS w;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
REVOKE ALL ON FUNCTION mc_dossier_words_rebuild () FROM PUBLIC;

ANALYZE dossier_word;

-- The share of the dossiers that hold one of `words`, from the most common
-- values of dossier_word.word and their frequencies (pg_stats, read once a
-- search; ANALYZE above, then autovacuum's): 0 for a word that is not among
-- them (a rare one, or every word of a table never analysed).
CREATE FUNCTION mc_search_word_share (words text[], common text[], freqs real[]) RETURNS double precision
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT coalesce (sum (m.f), 0) *
         greatest ((SELECT reltuples FROM pg_class WHERE oid = 'dossier_word'::regclass), 0) /
         greatest ((SELECT reltuples FROM pg_class WHERE oid = 'dossier'::regclass), 1)
  FROM unnest (common, freqs) AS m (v, f)
  WHERE m.v = ANY (words)
$$;

-- The words of dossier_word that start with `prefix` (one probe of the index
-- each), NULL when there are more than 64: such a prefix does not narrow.
CREATE FUNCTION mc_search_prefix_words (prefix text) RETURNS text[]
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  WITH RECURSIVE t (w, n) AS (
    SELECT min (word), 1 FROM dossier_word WHERE word >= prefix
    UNION ALL
    SELECT (SELECT min (word) FROM dossier_word WHERE word > t.w), t.n + 1 FROM t
    WHERE starts_with (t.w, prefix) AND t.n <= 64)
  SELECT CASE WHEN max (n) > 64 THEN NULL ELSE coalesce (array_agg (w ORDER BY w), '{}') END
  FROM t WHERE starts_with (w, prefix)
$$;

-- Step 24's search, the words read from dossier_word when the query has a
-- word of letters that narrows (whole, or the last one as a prefix): the
-- ids are read from the newest down in windows, each window's ids those
-- holding a word of every such group, then checked against the full
-- condition as before; a window is sized at the rate of hits seen so far,
-- so a common name reads about the ids of the hits it lists, a rare one
-- a few windows up to the whole table. The rows returned are those of the
-- trigram search: the same condition, newest first, up to the limit.
CREATE OR REPLACE FUNCTION mc_dossier_search (words text, lim bigint, code text)
RETURNS TABLE (id bigint, applicant_id_number text, applicant_phone text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
-- Workers cost more to start than a search of a few thousand entries.
SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
  personal boolean := pg_has_role (session_user, 'motcua_p_personal_data', 'MEMBER');
  cols     text := CASE WHEN personal THEN 'd.id, d.applicant_id_number, d.applicant_phone'
                        ELSE 'd.id, mc_mask_digits (d.applicant_id_number), mc_mask_digits (d.applicant_phone)' END;
  tail     text := lower (btrim (code));
  cond     text;
  checked  text;
  w        text[];
  g        text[];
  having_  text := '';
  every    text[] := '{}';
  rare     text[];
  fewest   double precision;
  share    double precision;
  probes   text := '';
  rate     double precision := 1;
  common   text[];
  freqs    real[];
  total    double precision := greatest ((SELECT reltuples FROM pg_class WHERE oid = 'dossier'::regclass), 1);
  hi       bigint;
  lo       bigint;
  low      bigint;
  span     bigint;
  seen     bigint := 0;
  found    bigint := 0;
  n        bigint;
BEGIN
  -- A whole code (a scanned receipt) is that dossier alone.
  IF code IS NOT NULL AND EXISTS (SELECT 1 FROM dossier d WHERE d.code = mc_dossier_search.code) THEN
    RETURN QUERY SELECT d.id, CASE WHEN personal THEN d.applicant_id_number ELSE mc_mask_digits (d.applicant_id_number) END,
                        CASE WHEN personal THEN d.applicant_phone ELSE mc_mask_digits (d.applicant_phone) END
                 FROM dossier d WHERE d.code = mc_dossier_search.code;
    RETURN;
  END IF;
  -- The start of a code's tail: no LIKE wildcard can be in it (the shape
  -- is letters, digits and '-'); a literal, so the planner sees the
  -- prefix and reads the index's range from its end.
  IF tail ~ '^[a-z0-9]+-[a-z0-9-]*$' THEN
    RETURN QUERY EXECUTE format ('SELECT %s FROM dossier d WHERE mc_code_tail (d.code) LIKE %L '
                                 'ORDER BY mc_code_tail (d.code) USING ~>~ LIMIT %s', cols, tail || '%',
                                 greatest (lim, 0));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
      RETURN;
    END IF;
  END IF;
  IF words = '' OR lim <= 0 THEN
    RETURN;
  END IF;
  -- Runs of letters and digits (g_unichar_isalnum in C): no space or dot
  -- inside a run, nothing a regular expression would read as an operator.
  -- (The patterns reach the SQL below as literals, %L, whatever they hold.)
  IF words IS NULL OR words ~ '[][\\^$|?*+(){}''"\t\n\r]' OR words ~ '(^|[ .])([ .]|$)' THEN
    RAISE EXCEPTION 'mc_dossier_search: words are letters and digits, separated by one space or a dot'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  cond := mc_search_condition ('d.search_folded', words);
  -- The same, which the trigram index cannot answer: checked row by row on
  -- the few ids a window gives.
  checked := mc_search_condition ('(d.search_folded || '''')', words);
  IF NOT personal THEN
    cond := cond || ' AND ' || mc_search_condition ('mc_fold (d.code || '' '' || d.applicant_name)', words);
    checked := checked || ' AND ' || mc_search_condition ('mc_fold (d.code || '' '' || d.applicant_name)', words);
  END IF;
  -- A word of letters only (one run) is a group of dossier_word's words:
  -- itself when whole, the words it starts when it is the last; a group
  -- held by more than a quarter of the dossiers does not narrow (the
  -- condition still checks it).
  w := string_to_array (words, ' ');
  SELECT s.most_common_vals::text::text[], s.most_common_freqs INTO common, freqs
  FROM pg_stats s WHERE s.schemaname = 'public' AND s.tablename = 'dossier_word' AND s.attname = 'word';
  FOR i IN 1 .. array_length (w, 1) LOOP
    CONTINUE WHEN w[i] !~ '^[[:alpha:]]+$';
    g := CASE WHEN i < array_length (w, 1) THEN ARRAY[w[i]] ELSE mc_search_prefix_words (w[i]) END;
    CONTINUE WHEN g IS NULL;
    -- A word among the most common: its share of the dossiers; else its
    -- entries counted, up to 10,001.
    share := mc_search_word_share (g, common, freqs);
    CONTINUE WHEN share > 0.25;
    share := CASE WHEN share > 0 THEN share * total
                  ELSE (SELECT count (*) FROM (SELECT 1 FROM dossier_word x WHERE x.word = ANY (g) LIMIT 10001) AS e) END;
    rate := rate * least (share / total, 1);
    IF share = 0 THEN
      RETURN;  -- no dossier holds it
    END IF;
    having_ := having_ || CASE WHEN having_ = '' THEN '' ELSE ' AND ' END || format ('bool_or (w.word = ANY (%L))', g);
    every := every || g;
    IF fewest IS NULL OR share < fewest THEN
      IF rare IS NOT NULL THEN
        probes := probes || format (' AND (SELECT true FROM dossier_word x WHERE x.word = ANY (%L) AND x.id = r.id LIMIT 1)', rare);
      END IF;
      rare := g;
      fewest := share;
    ELSE
      probes := probes || format (' AND (SELECT true FROM dossier_word x WHERE x.word = ANY (%L) AND x.id = r.id LIMIT 1)', g);
    END IF;
  END LOOP;
  -- No group, or hits so common (one dossier in 50 or more) that walking
  -- the newest dossiers finds them as soon: step 24's search.
  IF having_ = '' OR rate >= 0.02 THEN
    RETURN QUERY EXECUTE format ('SELECT %s FROM dossier d WHERE %s ORDER BY d.id DESC LIMIT %s', cols, cond, lim);
    RETURN;
  END IF;
  -- A rare group (a name few citizens have): its ids, each looked up in
  -- the other groups' entries, then in the dossier. (motcua.search_rare, a
  -- session setting, moves the bound: tests/pg/test-pg-engine.sh sets it to
  -- 0 to ask the windows below of a small database.)
  IF fewest <= coalesce (nullif (current_setting ('motcua.search_rare', true), '')::bigint, 10000) THEN
    RETURN QUERY EXECUTE format ('SELECT s.* FROM (SELECT DISTINCT r.id FROM dossier_word r WHERE r.word = ANY (%L)%s) c, '
                                 'LATERAL (SELECT %s FROM dossier d WHERE d.id = c.id AND %s OFFSET 0) s '
                                 'ORDER BY c.id DESC LIMIT %s', rare, probes, cols, checked, lim);
    RETURN;
  END IF;
  SELECT max (d.id) + 1, min (d.id) INTO hi, low FROM dossier d;
  -- The first window where the groups, taken as independent, hold about
  -- the hits asked for.
  span := greatest (ceil (lim * 1.5 / greatest (rate, 1e-9)), 4096)::bigint;
  LOOP
    lo := greatest (hi - span, low);
    -- Each id of the window looked up by the primary key (the planner,
    -- which cannot tell how few ids the groups leave, would otherwise read
    -- the whole table for the condition).
    RETURN QUERY EXECUTE format ('SELECT s.* FROM (SELECT w.id FROM dossier_word w '
                                 'WHERE w.word = ANY (%L) AND w.id >= %s AND w.id < %s GROUP BY w.id HAVING %s) c, '
                                 'LATERAL (SELECT %s FROM dossier d WHERE d.id = c.id AND %s OFFSET 0) s '
                                 'ORDER BY c.id DESC LIMIT %s', every, lo, hi, having_, cols, checked, lim - found);
    GET DIAGNOSTICS n = ROW_COUNT;
    found := found + n;
    seen := seen + (hi - lo);
    EXIT WHEN found >= lim OR lo <= low;
    hi := lo;
    -- Enough for what is missing at the rate seen so far, at most 16 times
    -- the last window.
    span := least (span * 16, ceil ((lim - found) * 1.5 * seen / greatest (found, 1))::bigint);
  END LOOP;
END
$$;
