-- Motcua schema, version 24: nothing to do on SQLite. On PostgreSQL this step
-- indexes a dossier code's tail for a prefix search (resources/sql/pg/
-- 0024-search-code.sql: "H56-2501" read from a btree instead of the trigram
-- index, in which "h56" is in every code). SQLite's FTS5 index keeps a
-- code's runs as tokens with prefix lists (0013) and answers such a query
-- from them. The step is kept so that both engines count the same versions.
SELECT 1;
