-- Motcua schema on PostgreSQL, version 21: search for every clerk
-- (issue 17 item 2). The folded search text (dossier.search_folded, step 2)
-- holds the citizen's ID number and phone, so only motcua_p_personal_data
-- may read it; a clerk without that permission (a reporting clerk, the
-- administrator) was refused the search as a whole ("permission denied for
-- column search_folded"), and the rows a search shows name those columns too.
-- mc_dossier_search () is the one way in: SECURITY DEFINER, owned by
-- motcua_owner, it reads the index for the caller and returns
--   - to a member of motcua_p_personal_data: what the folded text matches,
--     the ID number and phone in full;
--   - to anyone else: only dossiers whose code or name match (the index
--     narrows, then the words are checked again against mc_fold (code ||
--     ' ' || applicant_name), which the caller may read anyway), so a phone
--     or an ID number typed as a query finds nothing and cannot be used to
--     tell whose it is; the ID number and phone masked as mc_id_number_mask ()
--     does in C (the first and last three digits).
-- Who is asking is session_user, the login, which neither SET ROLE nor this
-- function changes.
--
-- `code`: a whole dossier code (upper case), that dossier alone when it
-- exists, as mc_dossier_store_find on SQLite; else
-- `words`: the query as src/core/mc-dossier-store.c folds it, words separated
-- by one space, a word's runs of letters and digits by '.'; every word must
-- match as a whole token, the last one as a token's start (the word still
-- being typed), and a word of several runs matches as its runs (each a token,
-- in any order) or as the runs joined (a receipt code's tail, a phone typed
-- with dots) — the rule of mc_dossier_store_search_sql on both engines.
SET LOCAL ROLE motcua_owner;

CREATE FUNCTION mc_mask_digits (t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN t IS NULL THEN NULL
            WHEN length (t) < 7 THEN repeat ('*', length (t))
            ELSE left (t, 3) || repeat ('*', length (t) - 6) || right (t, 3) END;

-- One token (or a token's start) as a regular expression over folded text.
CREATE FUNCTION mc_search_token (col text, run text, prefix boolean) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN format ('%s ~ %L', col, '(^|[^[:alnum:]])' || run || CASE WHEN prefix THEN '' ELSE '([^[:alnum:]]|$)' END);

-- The condition `words` put on a folded column.
CREATE FUNCTION mc_search_condition (col text, words text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  w      text[] := string_to_array (words, ' ');
  runs   text[];
  parts  text[] := '{}';
  each   text[];
  prefix boolean;
BEGIN
  FOR i IN 1 .. coalesce (array_length (w, 1), 0) LOOP
    prefix := i = array_length (w, 1);
    runs := string_to_array (w[i], '.');
    IF array_length (runs, 1) = 1 THEN
      parts := parts || mc_search_token (col, runs[1], prefix);
    ELSE
      each := '{}';
      FOR j IN 1 .. array_length (runs, 1) LOOP
        each := each || mc_search_token (col, runs[j], prefix AND j = array_length (runs, 1));
      END LOOP;
      parts := parts || ('((' || array_to_string (each, ' AND ') || ') OR ' ||
                         mc_search_token (col, array_to_string (runs, ''), prefix) || ')');
    END IF;
  END LOOP;
  RETURN array_to_string (parts, ' AND ');
END
$$;

CREATE FUNCTION mc_dossier_search (words text, lim bigint, code text)
RETURNS TABLE (id bigint, applicant_id_number text, applicant_phone text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  personal boolean := pg_has_role (session_user, 'motcua_p_personal_data', 'MEMBER');
  cond     text;
BEGIN
  -- A whole code (a scanned receipt) is that dossier alone.
  IF code IS NOT NULL AND EXISTS (SELECT 1 FROM dossier d WHERE d.code = mc_dossier_search.code) THEN
    RETURN QUERY SELECT d.id, CASE WHEN personal THEN d.applicant_id_number ELSE mc_mask_digits (d.applicant_id_number) END,
                        CASE WHEN personal THEN d.applicant_phone ELSE mc_mask_digits (d.applicant_phone) END
                 FROM dossier d WHERE d.code = mc_dossier_search.code;
    RETURN;
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
  IF personal THEN
    RETURN QUERY EXECUTE format ('SELECT d.id, d.applicant_id_number, d.applicant_phone FROM dossier d '
                                 'WHERE %s ORDER BY d.id DESC LIMIT %s', cond, greatest (lim, 0));
  ELSE
    RETURN QUERY EXECUTE format ('SELECT d.id, mc_mask_digits (d.applicant_id_number), mc_mask_digits (d.applicant_phone) '
                                 'FROM dossier d WHERE %s AND %s ORDER BY d.id DESC LIMIT %s', cond,
                                 mc_search_condition ('mc_fold (d.code || '' '' || d.applicant_name)', words),
                                 greatest (lim, 0));
  END IF;
END
$$;
REVOKE ALL ON FUNCTION mc_dossier_search (text, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mc_dossier_search (text, bigint, text) TO motcua_p_signed_in;
