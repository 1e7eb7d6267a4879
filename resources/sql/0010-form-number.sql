-- The "Số: …" of each form (issue 13, item 6): one number per form and year,
-- given once to a document (a dossier code, a refusal, an apology, a register
-- period) and kept, so a reprint shows the same number.
CREATE TABLE form_number_seq (
  form TEXT    NOT NULL,
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (form, year)
);

CREATE TABLE form_number (
  form      TEXT    NOT NULL,
  subject   TEXT    NOT NULL,
  year      INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  issued_at TEXT    NOT NULL DEFAULT (strftime ('%Y-%m-%d %H:%M:%S', 'now')),
  PRIMARY KEY (form, subject),
  UNIQUE (form, year, seq)
);
