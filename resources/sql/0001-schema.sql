-- Motcua schema, version 1: every table of DESIGN.md §2.
-- Times are INTEGER seconds since the Unix epoch (UTC); the application shows
-- them in Vietnam time (UTC+7, no DST). Calendar dates are TEXT 'YYYY-MM-DD'.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The center's own unit, units it works with (liên thông) and subordinate units.
CREATE TABLE unit (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,          -- mã định danh, e.g. 000.00.06.H56
  name       TEXT NOT NULL,
  level      TEXT NOT NULL CHECK (level IN ('tw', 'tinh', 'huyen', 'xa', 'khac')),
  parent_id  INTEGER REFERENCES unit (id),
  relation   TEXT NOT NULL DEFAULT 'external'
             CHECK (relation IN ('self', 'subordinate', 'external')),
  place_name TEXT,                          -- địa danh for "Phú Sơn, ngày …"
  address    TEXT,
  phone      TEXT
);

-- phòng ban
CREATE TABLE department (
  id      INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  code    TEXT NOT NULL,
  name    TEXT NOT NULL,
  active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (unit_id, code)
);

-- user accounts (cán bộ, công chức)
CREATE TABLE staff (
  id             INTEGER PRIMARY KEY,
  username       TEXT NOT NULL UNIQUE,
  full_name      TEXT NOT NULL,
  title          TEXT,                      -- chức vụ
  department_id  INTEGER REFERENCES department (id),
  roles          TEXT NOT NULL DEFAULT '',  -- comma-separated: tiep_nhan,chuyen_vien,…
  password_hash  TEXT,                      -- argon2id PHC string (libsodium)
  failed_logins  INTEGER NOT NULL DEFAULT 0,
  locked_until   INTEGER,
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at     INTEGER NOT NULL
);

-- lĩnh vực (rows of Biểu 06a)
CREATE TABLE field (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  sort_order INTEGER NOT NULL DEFAULT 1000
);

-- thủ tục hành chính
CREATE TABLE procedure (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,       -- mã TTHC quốc gia
  name          TEXT NOT NULL,
  name_folded   TEXT NOT NULL,              -- mc_text_fold (code || ' ' || name)
  field_id      INTEGER NOT NULL REFERENCES field (id),
  level         TEXT NOT NULL CHECK (level IN ('tinh', 'huyen', 'xa')),
  mechanism     TEXT NOT NULL CHECK (mechanism IN ('mot_cua', 'lien_thong')),
  duration      REAL NOT NULL CHECK (duration > 0),
  duration_unit TEXT NOT NULL DEFAULT 'day' CHECK (duration_unit IN ('day', 'hour')),
  online_level  TEXT NOT NULL DEFAULT 'none' CHECK (online_level IN ('none', 'partial', 'full')),
  fee           INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),   -- đồng
  legal_basis   TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at    INTEGER NOT NULL
);

-- thành phần hồ sơ
CREATE TABLE procedure_document (
  id           INTEGER PRIMARY KEY,
  procedure_id INTEGER NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  name         TEXT NOT NULL,
  originals    INTEGER NOT NULL DEFAULT 1 CHECK (originals >= 0),  -- bản chính
  copies       INTEGER NOT NULL DEFAULT 0 CHECK (copies >= 0),     -- bản sao
  UNIQUE (procedure_id, position)
);

-- quy trình nội bộ: ordered steps with a working-time allotment
CREATE TABLE procedure_step (
  id            INTEGER PRIMARY KEY,
  procedure_id  INTEGER NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  department_id INTEGER NOT NULL REFERENCES department (id),
  role          TEXT NOT NULL CHECK (role IN ('tiep_nhan', 'chuyen_vien', 'lanh_dao_phong',
                                              'lanh_dao_ubnd', 'van_thu')),
  days          REAL NOT NULL CHECK (days > 0),
  UNIQUE (procedure_id, position)
);

-- exceptions to the working week entered by the administrator
CREATE TABLE calendar_day (
  date       TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  kind       TEXT NOT NULL CHECK (kind IN ('holiday', 'compensatory', 'workday')),
  name       TEXT NOT NULL CHECK (length (trim (name)) > 0),
  created_by INTEGER REFERENCES staff (id),
  created_at INTEGER NOT NULL
) WITHOUT ROWID;

-- hồ sơ
CREATE TABLE dossier (
  id                    INTEGER PRIMARY KEY,
  code                  TEXT NOT NULL UNIQUE,  -- <agency>-<YYMMDD>-<NNNN>
  unit_id               INTEGER NOT NULL REFERENCES unit (id),
  procedure_id          INTEGER NOT NULL REFERENCES procedure (id),
  applicant_kind        TEXT NOT NULL DEFAULT 'person' CHECK (applicant_kind IN ('person', 'organisation')),
  applicant_name        TEXT NOT NULL,
  applicant_id_number   TEXT,                  -- CCCD / số định danh; mã số thuế for organisations
  applicant_birth_date  TEXT,
  applicant_phone       TEXT,
  applicant_email       TEXT,
  applicant_address     TEXT,
  representative        TEXT,                  -- người đại diện of an organisation
  channel               TEXT NOT NULL CHECK (channel IN ('truc_tiep', 'buu_chinh', 'truc_tuyen')),
  online_level          TEXT CHECK (online_level IN ('partial', 'full')),
  received_at           INTEGER NOT NULL,
  received_by           INTEGER REFERENCES staff (id),
  counter               TEXT,
  due_at                INTEGER NOT NULL,      -- the appointment, moved only by pauses
  extended_due_at       INTEGER,               -- new appointment of an apology (once)
  state                 TEXT NOT NULL CHECK (state IN ('received', 'processing', 'paused',
                              'sent_external', 'result_ready', 'returned', 'unqualified', 'withdrawn')),
  current_step          INTEGER,
  current_department_id INTEGER REFERENCES department (id),
  current_staff_id      INTEGER REFERENCES staff (id),
  current_unit_id       INTEGER REFERENCES unit (id),   -- external unit under liên thông
  step_due_at           INTEGER,
  paused_since          INTEGER,
  paused_minutes        INTEGER NOT NULL DEFAULT 0,     -- working minutes the clock stood still
  finished_at           INTEGER,               -- result ready (or settled as unqualified/withdrawn)
  returned_at           INTEGER,
  returned_to           TEXT,
  return_method         TEXT CHECK (return_method IN ('truc_tiep', 'buu_chinh', 'truc_tuyen')),
  outcome               TEXT CHECK (outcome IN ('approved', 'unqualified', 'withdrawn')),
  timeliness            TEXT CHECK (timeliness IN ('early', 'on_time', 'late')),
  result_number         TEXT,
  result_note           TEXT,
  fee                   INTEGER NOT NULL DEFAULT 0,
  note                  TEXT,
  imported              INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1))
);

-- documents received with a dossier (the checklist at the counter)
CREATE TABLE dossier_document (
  id         INTEGER PRIMARY KEY,
  dossier_id INTEGER NOT NULL REFERENCES dossier (id),
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  originals  INTEGER NOT NULL DEFAULT 0,
  copies     INTEGER NOT NULL DEFAULT 0,
  received   INTEGER NOT NULL DEFAULT 1 CHECK (received IN (0, 1)),
  UNIQUE (dossier_id, position)
);

-- append-only history of every transition
CREATE TABLE dossier_event (
  id                 INTEGER PRIMARY KEY,
  dossier_id         INTEGER NOT NULL REFERENCES dossier (id),
  at                 INTEGER NOT NULL,
  staff_id           INTEGER REFERENCES staff (id),
  kind               TEXT NOT NULL,       -- receive, transfer, accept, send_back, pause, resume, …
  state_from         TEXT,
  state_to           TEXT NOT NULL,
  step               INTEGER,
  from_department_id INTEGER REFERENCES department (id),
  to_department_id   INTEGER REFERENCES department (id),
  to_staff_id        INTEGER REFERENCES staff (id),
  to_unit_id         INTEGER REFERENCES unit (id),
  step_due_at        INTEGER,
  note               TEXT
);

-- Mẫu 03: a refusal is recorded but is not a received dossier
CREATE TABLE refusal (
  id                  INTEGER PRIMARY KEY,
  unit_id             INTEGER NOT NULL REFERENCES unit (id),
  procedure_id        INTEGER NOT NULL REFERENCES procedure (id),
  at                  INTEGER NOT NULL,
  staff_id            INTEGER REFERENCES staff (id),
  applicant_name      TEXT NOT NULL,
  applicant_id_number TEXT,
  reason              TEXT NOT NULL
);

-- Mẫu 04: phiếu xin lỗi và hẹn lại ngày trả kết quả
CREATE TABLE apology (
  id                       INTEGER PRIMARY KEY,
  dossier_id               INTEGER NOT NULL REFERENCES dossier (id),
  issued_at                INTEGER NOT NULL,
  reason                   TEXT NOT NULL,
  responsible_department_id INTEGER REFERENCES department (id),
  responsible_staff_id     INTEGER REFERENCES staff (id),
  new_due_at               INTEGER,
  issued_by                INTEGER REFERENCES staff (id)
);

-- citizen evaluation at the return desk: 9 indices (0–2) and satisfaction (1–5)
CREATE TABLE rating (
  dossier_id   INTEGER PRIMARY KEY REFERENCES dossier (id),
  rated_at     INTEGER NOT NULL,
  i1 INTEGER CHECK (i1 BETWEEN 0 AND 2), i2 INTEGER CHECK (i2 BETWEEN 0 AND 2),
  i3 INTEGER CHECK (i3 BETWEEN 0 AND 2), i4 INTEGER CHECK (i4 BETWEEN 0 AND 2),
  i5 INTEGER CHECK (i5 BETWEEN 0 AND 2), i6 INTEGER CHECK (i6 BETWEEN 0 AND 2),
  i7 INTEGER CHECK (i7 BETWEEN 0 AND 2), i8 INTEGER CHECK (i8 BETWEEN 0 AND 2),
  i9 INTEGER CHECK (i9 BETWEEN 0 AND 2),
  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  comment      TEXT
);

-- the daily sequence behind dossier codes (unique across processes)
CREATE TABLE dossier_code_seq (
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  day     TEXT NOT NULL,
  last    INTEGER NOT NULL,
  PRIMARY KEY (unit_id, day)
) WITHOUT ROWID;

-- 06a figures reported by a subordinate unit (aggregated into "cấp xã" appendices)
CREATE TABLE unit_report (
  unit_id     INTEGER NOT NULL REFERENCES unit (id),
  period_from TEXT NOT NULL,
  period_to   TEXT NOT NULL,
  field_id    INTEGER NOT NULL REFERENCES field (id),
  c4 INTEGER NOT NULL DEFAULT 0, c5 INTEGER NOT NULL DEFAULT 0, c6 INTEGER NOT NULL DEFAULT 0,
  c8 INTEGER NOT NULL DEFAULT 0, c9 INTEGER NOT NULL DEFAULT 0, c10 INTEGER NOT NULL DEFAULT 0,
  c12 INTEGER NOT NULL DEFAULT 0, c13 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, period_from, period_to, field_id)
) WITHOUT ROWID;

-- liveboard ticker: announcements and hotlines
CREATE TABLE announcement (
  id       INTEGER PRIMARY KEY,
  position INTEGER NOT NULL DEFAULT 0,
  text     TEXT NOT NULL,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- who did what, when; each row's hash covers the previous row's hash
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  staff_id    INTEGER REFERENCES staff (id),
  action      TEXT NOT NULL,
  object_kind TEXT,
  object_id   INTEGER,
  detail      TEXT,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
);
