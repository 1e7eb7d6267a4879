-- Motcua schema on PostgreSQL: the "Số: …" of each form
-- (resources/sql/0010-form-number.sql), one number per form and year, given
-- once to a document and kept. Every staff member prints forms.
SET LOCAL ROLE motcua_owner;

CREATE TABLE form_number_seq (
  form text   NOT NULL,
  year bigint NOT NULL,
  last bigint NOT NULL,
  PRIMARY KEY (form, year)
);

CREATE TABLE form_number (
  form      text   NOT NULL,
  subject   text   NOT NULL,
  year      bigint NOT NULL,
  seq       bigint NOT NULL,
  issued_at text   NOT NULL DEFAULT (to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')),
  PRIMARY KEY (form, subject),
  UNIQUE (form, year, seq)
);

GRANT SELECT, INSERT, UPDATE ON form_number_seq, form_number TO motcua_p_signed_in;
