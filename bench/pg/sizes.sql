-- sizes.sql — table sizes per 100,000 dossiers, and the unaccent () expression
-- index beside the stored folded column (docs/DEPLOYMENT.md §8).
\timing on
SET max_parallel_workers_per_gather = 0;
SET max_parallel_maintenance_workers = 0;
SELECT count (*) AS dossiers FROM dossier;
SELECT pg_size_pretty (pg_relation_size ('dossier')) AS heap, pg_size_pretty (pg_indexes_size ('dossier')) AS indexes,
       pg_size_pretty (pg_total_relation_size ('dossier')) AS total_dossier,
       pg_size_pretty (pg_total_relation_size ('dossier_event')) AS events,
       pg_size_pretty (pg_total_relation_size ('audit_log')) AS audit,
       pg_size_pretty (pg_total_relation_size ('daily_stat')) AS daily,
       pg_size_pretty (pg_database_size (current_database ())) AS database;
SELECT pg_size_pretty (pg_relation_size ('dossier_search')) AS trgm_on_folded_column;
-- The alternative: unaccent () + pg_trgm on an expression (unaccent is STABLE:
-- an IMMUTABLE wrapper naming its dictionary is needed for an index).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE OR REPLACE FUNCTION f_unaccent (text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent ('public.unaccent'::regdictionary, $1);
SELECT f_unaccent ('Đặng Thị Hoa Ưng Ơn') AS unaccent_folds;
CREATE INDEX dossier_search_unaccent ON dossier USING gin (lower (f_unaccent (code || ' ' || applicant_name || ' ' ||
  coalesce (applicant_id_number, '') || ' ' || coalesce (applicant_phone, ''))) gin_trgm_ops);
SELECT pg_size_pretty (pg_relation_size ('dossier_search_unaccent')) AS trgm_on_unaccent_expression;
-- a fresh index on the folded column, for the build time
CREATE INDEX dossier_search2 ON dossier USING gin (search_folded gin_trgm_ops);
DROP INDEX dossier_search2;
ANALYZE dossier;
SET max_parallel_workers_per_gather = 0;
VACUUM ANALYZE;
SELECT pg_size_pretty (pg_relation_size ('dossier')) AS heap, pg_size_pretty (pg_indexes_size ('dossier')) AS indexes,
       pg_size_pretty (pg_total_relation_size ('dossier')) AS total_dossier,
       pg_size_pretty (pg_total_relation_size ('dossier_event')) AS events,
       pg_size_pretty (pg_total_relation_size ('audit_log')) AS audit,
       pg_size_pretty (pg_total_relation_size ('daily_stat')) AS daily, (SELECT count (*) FROM daily_stat) AS daily_rows,
       pg_size_pretty (pg_database_size (current_database ())) AS database;
CREATE INDEX dossier_search_fresh ON dossier USING gin (search_folded gin_trgm_ops);
SELECT pg_size_pretty (pg_relation_size ('dossier_search_fresh')) AS fresh_folded, pg_size_pretty (pg_relation_size ('dossier_search_unaccent')) AS unaccent_expr;
DROP INDEX dossier_search_fresh;
