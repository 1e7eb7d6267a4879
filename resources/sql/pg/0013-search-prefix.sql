-- Motcua schema on PostgreSQL, version 13: nothing to do. On SQLite this step
-- rebuilds the FTS5 index with prefix lists of one, two and three characters
-- (resources/sql/0013-search-prefix.sql) so that the word still being typed
-- is found quickly. The PostgreSQL search of step 2 is a pg_trgm index on the
-- folded text, which answers a substring, and so a prefix of any length,
-- from the same index: there is no prefix option to add. The step is kept
-- (as a no-op) so that both engines count the same versions.
SELECT 1;
