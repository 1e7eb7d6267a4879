-- Motcua schema on PostgreSQL 15, version 1: the group roles, the owner and
-- every table of DESIGN.md §2 (resources/sql/0001-schema.sql on SQLite).
-- INTEGER becomes bigint, INTEGER PRIMARY KEY an identity column (BY DEFAULT,
-- so `db copy` keeps the ids of a SQLite center), WITHOUT ROWID has no
-- meaning here. Times stay bigint seconds since the Unix epoch (UTC), shown in
-- Vietnam time by the application; calendar dates stay text 'YYYY-MM-DD'.
--
-- Applied by mc_pg_schema_migrate (src/core/mc-pg-schema.c) in one
-- transaction per step, by a user with CREATEROLE who may grant on this
-- database (its owner, or a superuser): `motcua server init`.

-- The server enforces who may do what (issue 17, item 2). Roles are global
-- to the cluster, so a second Motcua database on the same server finds them.
--   motcua_owner     owns every table and the SECURITY DEFINER functions that
--                    write the audit trail and the counters; no login, and no
--                    client role is a member of it.
--   motcua_<function> one per function of mc-staff.h (tiep_nhan … quan_tri);
--                    a staff member's login role is a member of theirs.
--   motcua_board     the lobby board and kiosks: masked views only.
--   motcua_p_*       the permissions of mc-accounts.c (roles_for), each
--                    granted to the function roles the application gives it,
--                    so a grant below names a permission as the code does.
-- mc-accounts.c roles_for (): RECEIVE and RETURN are tiep_nhan's own grants,
-- ADMINISTER and CONFIGURE motcua_quan_tri's. Two centers set up at once on
-- one cluster may create the same role: the second one's attempt is let go.
DO $$
DECLARE
  r text;
  g record;
BEGIN
  FOREACH r IN ARRAY ARRAY['motcua_owner', 'motcua_tiep_nhan', 'motcua_chuyen_vien', 'motcua_lanh_dao_phong',
                           'motcua_lanh_dao_ubnd', 'motcua_van_thu', 'motcua_bao_cao', 'motcua_quan_tri',
                           'motcua_board', 'motcua_p_signed_in', 'motcua_p_process', 'motcua_p_decide',
                           'motcua_p_report', 'motcua_p_personal_data', 'motcua_p_audit'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      BEGIN
        EXECUTE format ('CREATE ROLE %I NOLOGIN', r);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
  FOR g IN SELECT * FROM (VALUES
      ('motcua_p_signed_in', 'motcua_tiep_nhan'), ('motcua_p_signed_in', 'motcua_chuyen_vien'),
      ('motcua_p_signed_in', 'motcua_lanh_dao_phong'), ('motcua_p_signed_in', 'motcua_lanh_dao_ubnd'),
      ('motcua_p_signed_in', 'motcua_van_thu'), ('motcua_p_signed_in', 'motcua_bao_cao'),
      ('motcua_p_signed_in', 'motcua_quan_tri'),
      ('motcua_p_process', 'motcua_tiep_nhan'), ('motcua_p_process', 'motcua_chuyen_vien'),
      ('motcua_p_process', 'motcua_lanh_dao_phong'), ('motcua_p_process', 'motcua_lanh_dao_ubnd'),
      ('motcua_p_process', 'motcua_van_thu'),
      ('motcua_p_personal_data', 'motcua_tiep_nhan'), ('motcua_p_personal_data', 'motcua_chuyen_vien'),
      ('motcua_p_personal_data', 'motcua_lanh_dao_phong'), ('motcua_p_personal_data', 'motcua_lanh_dao_ubnd'),
      ('motcua_p_personal_data', 'motcua_van_thu'),
      ('motcua_p_decide', 'motcua_lanh_dao_phong'), ('motcua_p_decide', 'motcua_lanh_dao_ubnd'),
      ('motcua_p_decide', 'motcua_van_thu'),
      ('motcua_p_report', 'motcua_bao_cao'), ('motcua_p_report', 'motcua_lanh_dao_phong'),
      ('motcua_p_report', 'motcua_lanh_dao_ubnd'),
      ('motcua_p_audit', 'motcua_quan_tri'), ('motcua_p_audit', 'motcua_lanh_dao_ubnd')) AS m (grp, member) LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members a JOIN pg_roles gr ON gr.oid = a.roleid
                   JOIN pg_roles mr ON mr.oid = a.member WHERE gr.rolname = g.grp AND mr.rolname = g.member) THEN
      BEGIN
        EXECUTE format ('GRANT %I TO %I', g.grp, g.member);
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
  END LOOP;
END
$$;

-- The installer acts as the owner for the steps (SET ROLE below); the
-- owner creates the tables and the trusted extensions of later steps.
GRANT motcua_owner TO CURRENT_USER;
DO $$
BEGIN
  EXECUTE format ('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO motcua_owner', current_database ());
  EXECUTE format ('GRANT CONNECT ON DATABASE %I TO motcua_p_signed_in, motcua_board', current_database ());
  -- No one else on the cluster connects to a center's database.
  EXECUTE format ('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database ());
END
$$;
GRANT USAGE, CREATE ON SCHEMA public TO motcua_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO motcua_p_signed_in, motcua_board;

SET LOCAL ROLE motcua_owner;

-- The version the program reads (mc_pg_schema_get_version): one row, the
-- number of the last step applied, as PRAGMA user_version on SQLite.
CREATE TABLE schema_version (
  version integer NOT NULL CHECK (version >= 0)
);
INSERT INTO schema_version (version) VALUES (0);
CREATE UNIQUE INDEX schema_version_one_row ON schema_version ((true));

CREATE TABLE setting (
  key   text PRIMARY KEY,
  value text NOT NULL
);

-- The center's own unit, units it works with (liên thông) and subordinate units.
CREATE TABLE unit (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  code       text NOT NULL UNIQUE,          -- mã định danh, e.g. 000.00.06.H56
  name       text NOT NULL,
  level      text NOT NULL CHECK (level IN ('tw', 'tinh', 'huyen', 'xa', 'khac')),
  parent_id  bigint REFERENCES unit (id),
  relation   text NOT NULL DEFAULT 'external'
             CHECK (relation IN ('self', 'subordinate', 'external')),
  place_name text,                          -- địa danh for "Phú Sơn, ngày …"
  address    text,
  phone      text
);

-- phòng ban
CREATE TABLE department (
  id      bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES unit (id),
  code    text NOT NULL,
  name    text NOT NULL,
  active  bigint NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (unit_id, code)
);

-- user accounts (cán bộ, công chức); on PostgreSQL each signs in as the login
-- role named username (SCRAM), so password_hash stays NULL there.
CREATE TABLE staff (
  id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  username       text NOT NULL UNIQUE,
  full_name      text NOT NULL,
  title          text,                      -- chức vụ
  department_id  bigint REFERENCES department (id),
  roles          text NOT NULL DEFAULT '',  -- comma-separated: tiep_nhan,chuyen_vien,…
  password_hash  text,                      -- argon2id PHC string (libsodium), SQLite only
  failed_logins  bigint NOT NULL DEFAULT 0,
  locked_until   bigint,
  active         bigint NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at     bigint NOT NULL
);

-- lĩnh vực (rows of Biểu 06a)
CREATE TABLE field (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  sort_order bigint NOT NULL DEFAULT 1000
);

-- thủ tục hành chính
CREATE TABLE procedure (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  code          text NOT NULL UNIQUE,       -- mã TTHC quốc gia
  name          text NOT NULL,
  name_folded   text NOT NULL,              -- mc_text_fold (code || ' ' || name)
  field_id      bigint NOT NULL REFERENCES field (id),
  level         text NOT NULL CHECK (level IN ('tinh', 'huyen', 'xa')),
  mechanism     text NOT NULL CHECK (mechanism IN ('mot_cua', 'lien_thong')),
  duration      double precision NOT NULL CHECK (duration > 0),
  duration_unit text NOT NULL DEFAULT 'day' CHECK (duration_unit IN ('day', 'hour')),
  online_level  text NOT NULL DEFAULT 'none' CHECK (online_level IN ('none', 'partial', 'full')),
  fee           bigint NOT NULL DEFAULT 0 CHECK (fee >= 0),   -- đồng
  legal_basis   text,
  active        bigint NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at    bigint NOT NULL
);

-- thành phần hồ sơ
CREATE TABLE procedure_document (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  procedure_id bigint NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
  position     bigint NOT NULL,
  name         text NOT NULL,
  originals    bigint NOT NULL DEFAULT 1 CHECK (originals >= 0),  -- bản chính
  copies       bigint NOT NULL DEFAULT 0 CHECK (copies >= 0),     -- bản sao
  UNIQUE (procedure_id, position)
);

-- quy trình nội bộ: ordered steps with a working-time allotment
CREATE TABLE procedure_step (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  procedure_id  bigint NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
  position      bigint NOT NULL,
  department_id bigint NOT NULL REFERENCES department (id),
  role          text NOT NULL CHECK (role IN ('tiep_nhan', 'chuyen_vien', 'lanh_dao_phong',
                                              'lanh_dao_ubnd', 'van_thu')),
  days          double precision NOT NULL CHECK (days > 0),
  UNIQUE (procedure_id, position)
);

-- exceptions to the working week entered by the administrator
CREATE TABLE calendar_day (
  date       text PRIMARY KEY CHECK (date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  kind       text NOT NULL CHECK (kind IN ('holiday', 'compensatory', 'workday')),
  name       text NOT NULL CHECK (length (trim (name)) > 0),
  created_by bigint REFERENCES staff (id),
  created_at bigint NOT NULL
);

-- hồ sơ
CREATE TABLE dossier (
  id                    bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  code                  text NOT NULL UNIQUE,  -- <agency>-<YYMMDD>-<NNNN>
  unit_id               bigint NOT NULL REFERENCES unit (id),
  procedure_id          bigint NOT NULL REFERENCES procedure (id),
  applicant_kind        text NOT NULL DEFAULT 'person' CHECK (applicant_kind IN ('person', 'organisation')),
  applicant_name        text NOT NULL,
  applicant_id_number   text,                  -- CCCD / số định danh; mã số thuế for organisations
  applicant_birth_date  text,
  applicant_phone       text,
  applicant_email       text,
  applicant_address     text,
  representative        text,                  -- người đại diện of an organisation
  channel               text NOT NULL CHECK (channel IN ('truc_tiep', 'buu_chinh', 'truc_tuyen')),
  online_level          text CHECK (online_level IN ('partial', 'full')),
  received_at           bigint NOT NULL,
  received_by           bigint REFERENCES staff (id),
  counter               text,
  due_at                bigint NOT NULL,       -- the appointment, moved only by pauses
  extended_due_at       bigint,                -- new appointment of an apology (once)
  state                 text NOT NULL CHECK (state IN ('received', 'processing', 'paused',
                              'sent_external', 'result_ready', 'returned', 'unqualified', 'withdrawn')),
  current_step          bigint,
  current_department_id bigint REFERENCES department (id),
  current_staff_id      bigint REFERENCES staff (id),
  current_unit_id       bigint REFERENCES unit (id),   -- external unit under liên thông
  step_due_at           bigint,
  paused_since          bigint,
  paused_minutes        bigint NOT NULL DEFAULT 0,     -- working minutes the clock stood still
  finished_at           bigint,                -- result ready (or settled as unqualified/withdrawn)
  returned_at           bigint,
  returned_to           text,
  return_method         text CHECK (return_method IN ('truc_tiep', 'buu_chinh', 'truc_tuyen')),
  outcome               text CHECK (outcome IN ('approved', 'unqualified', 'withdrawn')),
  timeliness            text CHECK (timeliness IN ('early', 'on_time', 'late')),
  result_number         text,
  result_note           text,
  fee                   bigint NOT NULL DEFAULT 0,
  note                  text,
  imported              bigint NOT NULL DEFAULT 0 CHECK (imported IN (0, 1))
);

-- documents received with a dossier (the checklist at the counter)
CREATE TABLE dossier_document (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossier (id),
  position   bigint NOT NULL,
  name       text NOT NULL,
  originals  bigint NOT NULL DEFAULT 0,
  copies     bigint NOT NULL DEFAULT 0,
  received   bigint NOT NULL DEFAULT 1 CHECK (received IN (0, 1)),
  UNIQUE (dossier_id, position)
);

-- append-only history of every transition
CREATE TABLE dossier_event (
  id                 bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  dossier_id         bigint NOT NULL REFERENCES dossier (id),
  at                 bigint NOT NULL,
  staff_id           bigint REFERENCES staff (id),
  kind               text NOT NULL,       -- receive, transfer, accept, send_back, pause, resume, …
  state_from         text,
  state_to           text NOT NULL,
  step               bigint,
  from_department_id bigint REFERENCES department (id),
  to_department_id   bigint REFERENCES department (id),
  to_staff_id        bigint REFERENCES staff (id),
  to_unit_id         bigint REFERENCES unit (id),
  step_due_at        bigint,
  note               text
);

-- Mẫu 03: a refusal is recorded but is not a received dossier
CREATE TABLE refusal (
  id                  bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  unit_id             bigint NOT NULL REFERENCES unit (id),
  procedure_id        bigint NOT NULL REFERENCES procedure (id),
  at                  bigint NOT NULL,
  staff_id            bigint REFERENCES staff (id),
  applicant_name      text NOT NULL,
  applicant_id_number text,
  reason              text NOT NULL
);

-- Mẫu 04: phiếu xin lỗi và hẹn lại ngày trả kết quả
CREATE TABLE apology (
  id                        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  dossier_id                bigint NOT NULL REFERENCES dossier (id),
  issued_at                 bigint NOT NULL,
  reason                    text NOT NULL,
  responsible_department_id bigint REFERENCES department (id),
  responsible_staff_id      bigint REFERENCES staff (id),
  new_due_at                bigint,
  issued_by                 bigint REFERENCES staff (id)
);

-- citizen evaluation at the return desk: 9 indices (0–2) and satisfaction (1–5)
CREATE TABLE rating (
  dossier_id   bigint PRIMARY KEY REFERENCES dossier (id),
  rated_at     bigint NOT NULL,
  i1 bigint CHECK (i1 BETWEEN 0 AND 2), i2 bigint CHECK (i2 BETWEEN 0 AND 2),
  i3 bigint CHECK (i3 BETWEEN 0 AND 2), i4 bigint CHECK (i4 BETWEEN 0 AND 2),
  i5 bigint CHECK (i5 BETWEEN 0 AND 2), i6 bigint CHECK (i6 BETWEEN 0 AND 2),
  i7 bigint CHECK (i7 BETWEEN 0 AND 2), i8 bigint CHECK (i8 BETWEEN 0 AND 2),
  i9 bigint CHECK (i9 BETWEEN 0 AND 2),
  satisfaction bigint CHECK (satisfaction BETWEEN 1 AND 5),
  comment      text
);

-- the daily sequence behind dossier codes: one row per unit and day, taken
-- with INSERT … ON CONFLICT DO UPDATE … RETURNING, atomic across clients
CREATE TABLE dossier_code_seq (
  unit_id bigint NOT NULL REFERENCES unit (id),
  day     text NOT NULL,
  last    bigint NOT NULL,
  PRIMARY KEY (unit_id, day)
);

-- 06a figures reported by a subordinate unit (aggregated into "cấp xã" appendices)
CREATE TABLE unit_report (
  unit_id     bigint NOT NULL REFERENCES unit (id),
  period_from text NOT NULL,
  period_to   text NOT NULL,
  field_id    bigint NOT NULL REFERENCES field (id),
  c4 bigint NOT NULL DEFAULT 0, c5 bigint NOT NULL DEFAULT 0, c6 bigint NOT NULL DEFAULT 0,
  c8 bigint NOT NULL DEFAULT 0, c9 bigint NOT NULL DEFAULT 0, c10 bigint NOT NULL DEFAULT 0,
  c12 bigint NOT NULL DEFAULT 0, c13 bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, period_from, period_to, field_id)
);

-- liveboard ticker: announcements and hotlines
CREATE TABLE announcement (
  id       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  position bigint NOT NULL DEFAULT 0,
  text     text NOT NULL,
  active   bigint NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- who did what, when; each row's hash covers the previous row's hash.
-- session_role is the PostgreSQL login that made the change (session_user,
-- which a client cannot set); it is kept beside the chain, not in it, so
-- the hash is the one `motcua audit verify` computes on both engines.
CREATE TABLE audit_log (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at           bigint NOT NULL,
  staff_id     bigint REFERENCES staff (id),
  action       text NOT NULL,
  object_kind  text,
  object_id    bigint,
  detail       text,
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  session_role text NOT NULL DEFAULT session_user
);

-- Who reads and writes what. Everyone signed in reads the lists; writes are
-- granted per permission (mc-accounts.c roles_for). The citizen's ID number
-- and phone are readable only with motcua_p_personal_data (the permission
-- the application requires for them, MC_PERMISSION_PERSONAL_DATA): the other
-- roles hold SELECT on the other columns only. Later steps that add columns
-- grant them the same way.
GRANT SELECT ON schema_version, unit, department, field, procedure, procedure_document, procedure_step,
  calendar_day, dossier_document, dossier_event, apology, rating, unit_report, announcement, setting
  TO motcua_p_signed_in;
GRANT SELECT (id, username, full_name, title, department_id, roles, failed_logins, locked_until, active,
  created_at) ON staff TO motcua_p_signed_in;
GRANT SELECT ON staff TO motcua_quan_tri;
GRANT SELECT (id, code, unit_id, procedure_id, applicant_kind, applicant_name, applicant_birth_date,
  applicant_email, applicant_address, representative, channel, online_level, received_at, received_by, counter,
  due_at, extended_due_at, state, current_step, current_department_id, current_staff_id, current_unit_id,
  step_due_at, paused_since, paused_minutes, finished_at, returned_at, returned_to, return_method, outcome,
  timeliness, result_number, result_note, fee, note, imported) ON dossier TO motcua_p_signed_in;
GRANT SELECT ON dossier, refusal TO motcua_p_personal_data;
GRANT SELECT (id, unit_id, procedure_id, at, staff_id, applicant_name, reason) ON refusal TO motcua_p_signed_in;
GRANT SELECT ON audit_log TO motcua_p_audit;

-- Reception (MC_PERMISSION_RECEIVE, RETURN): a dossier, its documents, its
-- code, a refusal, the citizen's rating.
GRANT INSERT ON dossier, dossier_document, refusal, rating, dossier_code_seq TO motcua_tiep_nhan;
GRANT SELECT, UPDATE ON dossier_code_seq TO motcua_tiep_nhan;
-- Processing (MC_PERMISSION_PROCESS): the dossier moves, each move logged.
GRANT UPDATE ON dossier TO motcua_p_process;
GRANT INSERT ON dossier_event, dossier_document TO motcua_p_process;
GRANT UPDATE ON dossier_document TO motcua_p_process;
-- Decisions (MC_PERMISSION_DECIDE): the apology letter.
GRANT INSERT ON apology TO motcua_p_decide;
-- Reports (MC_PERMISSION_REPORT): the figures of subordinate units.
GRANT INSERT, UPDATE, DELETE ON unit_report TO motcua_p_report;
-- Administration (ADMINISTER, CONFIGURE): accounts, the catalog, the
-- calendar, settings, units, the ticker; an import (and its undo) too.
GRANT INSERT, UPDATE, DELETE ON setting, unit, department, staff, field, procedure, procedure_document,
  procedure_step, calendar_day, announcement TO motcua_quan_tri;
GRANT INSERT, DELETE ON dossier TO motcua_quan_tri;
GRANT INSERT ON dossier_document, dossier_event TO motcua_quan_tri;
