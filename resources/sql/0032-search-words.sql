-- Motcua schema, version 32: nothing to do on SQLite. On PostgreSQL this step
-- keeps the words of every dossier in a btree ordered by id (resources/sql/
-- pg/0032-search-words.sql: a common name such as "nguyen van an" read from
-- the newest hits down instead of the trigram index's 100,000 candidates).
-- SQLite's FTS5 index already lists a token's dossiers by rowid and stops at
-- the LIMIT. The step is kept so that both engines count the same versions.
SELECT 1;
