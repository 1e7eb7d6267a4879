-- Motcua schema on PostgreSQL, version 24: a dossier code's tail searched as
-- a prefix by a btree index (issue 17 item 6: search p95 ≤ 20 ms at
-- 1,000,000 dossiers). A code is the unit's dotted number, then the
-- receipt's part, "000.00.06.H56-250115-0042"; a clerk types the receipt's
-- part, or its start ("H56-2501": January 2025). Through the trigram index
-- of step 2 such a query was the slowest of all: the trigrams of "h56" are
-- in every code and those of "2501" in many, so the planner walked the ids
-- backwards testing the regular expressions on some 300,000 rows (4.3 s,
-- docs/PERFORMANCE.md). The tail (after the last dot, lower case) is now
-- indexed on its own; mc_dossier_search () reads a query shaped like a
-- code's tail (letters and digits, then '-' and more) as that prefix,
-- highest codes first (the day and the day's number: the newest first for
-- every dossier received at a counter), up to the limit, straight from the
-- index. When no code starts so, the words are searched as before.
SET LOCAL ROLE motcua_owner;

CREATE FUNCTION mc_code_tail (code text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
RETURN lower (substring (code FROM '[^.]*$'));

CREATE INDEX dossier_code_tail ON dossier (mc_code_tail (code) text_pattern_ops);

CREATE OR REPLACE FUNCTION mc_dossier_search (words text, lim bigint, code text)
RETURNS TABLE (id bigint, applicant_id_number text, applicant_phone text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  personal boolean := pg_has_role (session_user, 'motcua_p_personal_data', 'MEMBER');
  cols     text := CASE WHEN personal THEN 'd.id, d.applicant_id_number, d.applicant_phone'
                        ELSE 'd.id, mc_mask_digits (d.applicant_id_number), mc_mask_digits (d.applicant_phone)' END;
  tail     text := lower (btrim (code));
  cond     text;
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
  IF words = '' THEN
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
  IF NOT personal THEN
    cond := cond || ' AND ' || mc_search_condition ('mc_fold (d.code || '' '' || d.applicant_name)', words);
  END IF;
  RETURN QUERY EXECUTE format ('SELECT %s FROM dossier d WHERE %s ORDER BY d.id DESC LIMIT %s', cols, cond,
                               greatest (lim, 0));
END
$$;
