-- Motcua schema, version 30: the search index keeps the prefixes of one to six
-- characters of every word as lists of their own (FTS5 "prefix" option; 0013
-- kept one to three). The last word of a search is a prefix, the word still
-- being typed or a whole name: "binh"*, four characters, had no list of its
-- own, and FTS5 merged the postings of every word starting with it, in
-- memory, before it could return the newest hit — 15–20 ms of processor at
-- 5,000,000 dossiers, growing with the table, against 1 ms for the exact
-- word (issue 15: search p95 ≤ 20 ms). Vietnamese syllables have at most
-- seven letters and nearly all at most six, so a name's last word now reads
-- one list and stops at the LIMIT; a longer word (a phone or ID number being
-- typed) starts few words, and their merge is short. Figures and the price:
-- docs/PERFORMANCE.md.
--
-- FTS5 options cannot be altered: the index is made again and rebuilt from
-- the dossier table (at 1,000,000 dossiers: 7.6 s of processor, the file
-- 23 MB larger). The triggers of migration 0002 name the table, and stay.
DROP TABLE dossier_fts;
CREATE VIRTUAL TABLE dossier_fts USING fts5 (
  code, applicant_name, applicant_id_number, applicant_phone,
  content = 'dossier', content_rowid = 'id', tokenize = 'vn', prefix = '1 2 3 4 5 6'
);
INSERT INTO dossier_fts (dossier_fts) VALUES ('rebuild');
