-- insert-100k.sql — 100,000 dossiers and 300,000 events on PostgreSQL, every
-- trigger on (docs/DEPLOYMENT.md §8). Run as the server's superuser on a
-- database made by `motcua server init`:
--   psql -d DB -f bench/pg/insert-100k.sql && psql -d DB -f bench/pg/sizes.sql
--   python3 bench/pg/search.py "host=… dbname=DB"
\timing on
SET ROLE motcua_owner;
INSERT INTO unit (code, name, level, relation) VALUES ('000.00.06.H56', 'UBND xã Phú Sơn', 'xa', 'self');
INSERT INTO department (unit_id, code, name) VALUES (1, 'TTPV', 'Trung tâm');
INSERT INTO field (name) VALUES ('Hộ tịch');
INSERT INTO procedure (code, name, name_folded, field_id, level, mechanism, duration, updated_at)
  SELECT '1.0' || g, 'Thủ tục ' || g, 'x', 1, 'xa', 'mot_cua', 5, 0 FROM generate_series (1, 200) g;
INSERT INTO staff (username, full_name, roles, created_at) VALUES ('tn.lan', 'Trần Thị Lan', 'tiep_nhan', 0);
-- 100,000 dossiers in 100 transactions of 1,000 (as an import commits its
-- chunks), each with 3 events: every trigger on (audit chain, counters,
-- the folded search column).
DO $$
BEGIN
  FOR c IN 0..99 LOOP
INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, applicant_id_number, applicant_phone,
                         applicant_address, channel, received_at, received_by, due_at, state, finished_at, returned_at,
                         outcome, timeliness, current_department_id, step_due_at)
    SELECT 'H56-' || to_char (to_timestamp (t), 'YYMMDD') || '-' || lpad (g::text, 6, '0'), 1, 1 + g % 200,
           (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương','Lý'])[1 + g % 16]
           || ' ' || (ARRAY['Văn','Thị','Hữu','Đức','Minh','Ngọc','Thanh','Quốc','Xuân','Thu'])[1 + (g / 16) % 10]
           || ' ' || (ARRAY['An','Bình','Cường','Dũng','Đạt','Giang','Hà','Hải','Hạnh','Hùng','Hương','Khánh','Lan','Linh','Long','Mai','Nam','Nga','Oanh','Phúc','Quân','Sơn','Tâm','Thảo','Trang','Tuấn','Uyên','Việt','Xuân','Yến'])[1 + (g / 160) % 30],
           '0380' || lpad ((g::bigint * 7919 % 100000000)::text, 8, '0'), '09' || lpad ((g::bigint * 104729 % 100000000)::text, 8, '0'),
           'Thôn ' || (1 + g % 12) || ', xã Phú Sơn, tỉnh Thanh Hóa',
           (ARRAY['truc_tiep','truc_tuyen','buu_chinh'])[1 + g % 3], t, 1, t + 5 * 86400,
           CASE WHEN g % 33 = 0 THEN 'processing' ELSE 'returned' END,
           CASE WHEN g % 33 = 0 THEN NULL ELSE t + 3 * 86400 END, CASE WHEN g % 33 = 0 THEN NULL ELSE t + 4 * 86400 END,
           CASE WHEN g % 33 = 0 THEN NULL ELSE 'approved' END,
           CASE WHEN g % 33 = 0 THEN NULL WHEN g % 10 = 0 THEN 'late' ELSE 'on_time' END, 1, t + 2 * 86400
    FROM (SELECT g, 1767225600 + g * 315 AS t FROM generate_series (c * 1000 + 1, c * 1000 + 1000) g) s;
    
    INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_from, state_to, step, to_department_id, note)
    SELECT d.id, d.received_at + k * 3600, 1, (ARRAY['receive','transfer','finish'])[k], 'received', 'processing', k, 1, NULL
    FROM dossier d, generate_series (1, 3) k WHERE d.id > (SELECT max (id) - 1000 FROM dossier);
    
    COMMIT;
  END LOOP;
END
$$;
