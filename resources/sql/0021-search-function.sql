-- Motcua schema, version 21: nothing to do on SQLite. On PostgreSQL this step
-- adds mc_dossier_search (), the search a clerk without the personal-data
-- permission may run (resources/sql/pg/0021-search-function.sql): there the
-- server's column privileges hide the folded search text, which holds the ID
-- number and phone. A SQLite file has no privileges of its own (the
-- application checks them), and its FTS5 search is unchanged. The step is
-- kept so that both engines count the same versions.
SELECT 1;
