-- Motcua schema, version 11: the reform of 1/7/2025 (two-level local government).
--
-- Nghị quyết 203/2025/QH15 ended the district level (cấp huyện) on 1/7/2025;
-- the "phân định thẩm quyền" decrees of June 2025 (Nghị định 120/2025/NĐ-CP for
-- hộ tịch and chứng thực, 142/2025/NĐ-CP for education, and the others listed in
-- docs/cai-cach-2025.md) gave its procedures to the commune (cấp xã) or the
-- province (cấp tỉnh). Nghị định 118/2025/NĐ-CP lets a center receive procedures
-- "không phụ thuộc vào địa giới hành chính trong phạm vi cấp tỉnh", so a commune
-- center also receives procedures of the province's competence.
--
-- procedure.level keeps the level of the catalog before 1/7/2025 (history, may be
-- huyen); procedure.competence is the competence since then (tinh or xa).
-- A procedure of the district goes to the commune unless the catalog data says
-- otherwise: the decrees transfer the district's tasks to the commune as the rule
-- (Luật Tổ chức chính quyền địa phương 72/2025/QH15 and the decrees above); the
-- administrator corrects a procedure in the catalog editor or by CSV.

ALTER TABLE procedure ADD COLUMN competence TEXT NOT NULL DEFAULT 'xa' CHECK (competence IN ('tinh', 'xa'));
ALTER TABLE procedure ADD COLUMN competence_basis TEXT;   -- the legal text the competence comes from

UPDATE procedure SET competence = 'tinh' WHERE level = 'tinh';

-- The built-in catalog's procedures of the district, with the source of their
-- competence (data/catalog/procedures.csv says the same for a new database).
UPDATE procedure SET competence = 'xa', competence_basis = 'Nghị định 120/2025/NĐ-CP, Điều 4: Ủy ban nhân dân cấp xã đăng ký hộ tịch, gồm việc có yếu tố nước ngoài trước đây của cấp huyện'
  WHERE level = 'huyen' AND competence_basis IS NULL AND code IN ('2.000528', '2.000806', '1.001766', '2.000779', '2.000748', '2.002189', '2.000554', '2.000547', '2.000522', '2.000513', '2.000497', '1.001669', '2.000756', '1.000893', '1.001695');
UPDATE procedure SET competence = 'xa', competence_basis = 'Nghị định 120/2025/NĐ-CP (chứng thực): thẩm quyền của Phòng Tư pháp cấp huyện chuyển cho Ủy ban nhân dân cấp xã; điều cụ thể chưa đối chiếu'
  WHERE level = 'huyen' AND competence_basis IS NULL AND code IN ('2.000992', '2.001008');
UPDATE procedure SET competence = 'xa', competence_basis = 'Chuyển từ cấp huyện sang cấp xã theo các nghị định phân định thẩm quyền của chính quyền địa phương 02 cấp (tháng 6/2025, hiệu lực 1/7/2025; tổng hợp 28 nghị định trên thuvienphapluat.vn); văn bản riêng của thủ tục chưa đối chiếu'
  WHERE level = 'huyen' AND competence_basis IS NULL AND code IN ('1.001776', '1.001731', '2.000744', '1.013792', '1.013978', '1.004088', '1.004047', '1.003930', '2.001659', '1.005280', '1.005277', '1.004901', '2.002638', '2.002637', '2.002639', '2.002642', '1.012796', '1.013949', '2.002641', '2.002648', '2.002123', '1.005378', '1.005010', '1.004982', '1.004002', '1.003970', '2.001711');
UPDATE procedure SET competence = 'tinh', competence_basis = 'Bộ luật Lao động 2019, Điều 119: đăng ký tại cơ quan chuyên môn về lao động thuộc Ủy ban nhân dân cấp tỉnh; cấp huyện chỉ làm khi được ủy quyền, đã kết thúc 1/7/2025 (suy luận, chưa có văn bản riêng)'
  WHERE level = 'huyen' AND competence_basis IS NULL AND code IN ('2.001955');
UPDATE procedure SET competence = 'xa', competence_basis = 'Tên thủ tục được công bố sau 1/7/2025 ghi thẩm quyền cấp của Ủy ban nhân dân cấp xã'
  WHERE level = 'huyen' AND competence_basis IS NULL AND code IN ('1.014230', '1.014231');
UPDATE procedure SET competence = 'xa', competence_basis = 'Nghị định 142/2025/NĐ-CP, Điều 4 khoản 1: Chủ tịch Ủy ban nhân dân cấp xã (trường mầm non)'
  WHERE level = 'huyen' AND competence_basis IS NULL AND code IN ('2.002891', '2.002894', '2.002892', '2.002893');
UPDATE procedure SET competence = 'xa', competence_basis = 'Nghị định 142/2025/NĐ-CP: trường tiểu học, trung học cơ sở do Chủ tịch Ủy ban nhân dân cấp xã (thay Chủ tịch UBND và Phòng GD&ĐT cấp huyện); điều cụ thể chưa đối chiếu'
  WHERE level = 'huyen' AND competence_basis IS NULL AND code IN ('1.012963', '2.001842', '1.004563', '1.001639', '1.012964', '1.012965', '1.012967', '1.012968', '1.012975');
UPDATE procedure SET competence = 'xa', competence_basis = 'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp: hộ kinh doanh đăng ký tại cơ quan đăng ký kinh doanh cấp xã; điều cụ thể chưa đối chiếu'
  WHERE level = 'huyen' AND competence_basis IS NULL AND code IN ('1.001612', '2.000720', '1.001570', '1.001266', '2.000575', '1.014034', '1.014035');

-- What a unit declares it receives (tiếp nhận): its own competence, procedures of
-- the province received for it (NĐ 118/2025), liên thông, or none. A procedure
-- without a row is received when it is of the unit's competence.
CREATE TABLE unit_procedure (
  unit_id      INTEGER NOT NULL REFERENCES unit (id),
  procedure_id INTEGER NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
  reception    TEXT NOT NULL CHECK (reception IN ('own', 'province', 'lien_thong', 'none')),
  updated_at   INTEGER NOT NULL,
  PRIMARY KEY (unit_id, procedure_id)
) WITHOUT ROWID;

CREATE TRIGGER audit_unit_procedure_insert AFTER INSERT ON unit_procedure WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'unit_procedure.insert', 'procedure', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'unit_procedure.insert', 'procedure', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.procedure_id AS oid,
               (SELECT code FROM procedure WHERE id = new.procedure_id) || ' ' || new.reception AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_unit_procedure_update AFTER UPDATE ON unit_procedure WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'unit_procedure.update', 'procedure', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'unit_procedure.update', 'procedure', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, new.procedure_id AS oid,
               (SELECT code FROM procedure WHERE id = new.procedure_id) || ' ' || old.reception || ' → ' ||
               new.reception AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

CREATE TRIGGER audit_unit_procedure_delete AFTER DELETE ON unit_procedure WHEN mc_audit_on () BEGIN
  INSERT INTO audit_log (at, staff_id, action, object_kind, object_id, detail, prev_hash, hash)
  SELECT a.at, a.actor, 'unit_procedure.delete', 'procedure', a.oid, a.detail, a.prev,
         mc_audit_hash (a.prev, a.at, a.actor, 'unit_procedure.delete', 'procedure', a.oid, a.detail)
  FROM (SELECT mc_now () AS at, mc_actor () AS actor, old.procedure_id AS oid,
               (SELECT code FROM procedure WHERE id = old.procedure_id) || ' ' || old.reception AS detail,
               coalesce ((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '') AS prev) a;
END;

-- A dossier keeps the organisation names of its day: the unit's name and its
-- parent's at reception, written by the counter. Dossiers received before this
-- version, and imported ones, have none stored: their names are those the unit
-- had at their reception, from unit_former_name (kept from now on) or else today's.
ALTER TABLE dossier ADD COLUMN unit_name TEXT;
ALTER TABLE dossier ADD COLUMN unit_parent_name TEXT;

CREATE TABLE unit_former_name (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES unit (id),
  name       TEXT NOT NULL,
  parent_id  INTEGER REFERENCES unit (id),
  until_at   INTEGER NOT NULL                -- in use until this instant
);
CREATE INDEX unit_former_name_by_unit ON unit_former_name (unit_id, until_at);

-- Only names some dossier used (a fresh unit named for the first time keeps no
-- placeholder as history).
CREATE TRIGGER unit_keep_former_name AFTER UPDATE OF name, parent_id ON unit
WHEN (old.name IS NOT new.name OR old.parent_id IS NOT new.parent_id) AND EXISTS (
  SELECT 1 FROM dossier WHERE unit_id = old.id OR unit_id IN (SELECT id FROM unit WHERE parent_id = old.id)) BEGIN
  INSERT INTO unit_former_name (unit_id, name, parent_id, until_at) VALUES (old.id, old.name, old.parent_id, mc_now ());
END;
