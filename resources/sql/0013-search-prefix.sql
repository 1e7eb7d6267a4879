-- Motcua schema, version 13: the search index keeps the prefixes of one, two
-- and three characters of every word (FTS5 "prefix" option) as lists of their
-- own. The last word of a search is a prefix (the word still being typed);
-- without these lists a short prefix ("a", "ng", "091") merged, at every key,
-- the postings of every word it starts — "an"* over a million names is most of
-- the index. A longer prefix starts few enough words to merge quickly. Figures
-- and the choice against a vocabulary-driven expansion: docs/PERFORMANCE.md.
--
-- FTS5 options cannot be altered: the index is made again and rebuilt from
-- the dossier table (at 1,000,000 dossiers: 6.1 s of processor time, 25 s on
-- a loaded 2-core machine, the file 85 MB larger; docs/PERFORMANCE.md).
-- The triggers of migration 0002 name the table, not its options, and stay.
DROP TABLE dossier_fts;
CREATE VIRTUAL TABLE dossier_fts USING fts5 (
  code, applicant_name, applicant_id_number, applicant_phone,
  content = 'dossier', content_rowid = 'id', tokenize = 'vn', prefix = '1 2 3'
);
INSERT INTO dossier_fts (dossier_fts) VALUES ('rebuild');
