-- Motcua schema on PostgreSQL, version 30: nothing to do. On SQLite this step
-- rebuilds the FTS5 index with prefix lists of one to six characters
-- (resources/sql/0030-search-prefix-long.sql). The PostgreSQL search is a
-- pg_trgm index on the folded text (step 2, mc_dossier_search () of 21),
-- which answers a prefix of any length from the same index: there is no
-- prefix option to add. The step is kept (as a no-op) so that both engines
-- count the same versions.
SELECT 1;
