-- Motcua schema on PostgreSQL, version 11: the reform of 1/7/2025
-- (two-level local government); the legal sources of each choice are in
-- resources/sql/0011-reform.sql (Nghị quyết 203/2025/QH15, Nghị định
-- 118/2025, 120/2025, 142/2025, 168/2025/NĐ-CP).
SET LOCAL ROLE motcua_owner;

ALTER TABLE procedure ADD COLUMN competence text NOT NULL DEFAULT 'xa' CHECK (competence IN ('tinh', 'xa'));
ALTER TABLE procedure ADD COLUMN competence_basis text;   -- the legal text the competence comes from

UPDATE procedure SET competence = 'tinh' WHERE level = 'tinh';
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

-- What a unit declares it receives (tiếp nhận): its own competence, procedures
-- of the province received for it (NĐ 118/2025), liên thông, or none. Set by
-- the administrator (MC_PERMISSION_CONFIGURE, mc-reception.c).
CREATE TABLE unit_procedure (
  unit_id      bigint NOT NULL REFERENCES unit (id),
  procedure_id bigint NOT NULL REFERENCES procedure (id) ON DELETE CASCADE,
  reception    text NOT NULL CHECK (reception IN ('own', 'province', 'lien_thong', 'none')),
  updated_at   bigint NOT NULL,
  PRIMARY KEY (unit_id, procedure_id)
);
GRANT SELECT ON unit_procedure TO motcua_p_signed_in;
GRANT INSERT, UPDATE, DELETE ON unit_procedure TO motcua_quan_tri;

CREATE FUNCTION audit_unit_procedure () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT mc_audit_on () THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM mc_audit_append ('unit_procedure.insert', 'procedure', NEW.procedure_id,
      (SELECT code FROM procedure WHERE id = NEW.procedure_id) || ' ' || NEW.reception);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM mc_audit_append ('unit_procedure.update', 'procedure', NEW.procedure_id,
      (SELECT code FROM procedure WHERE id = NEW.procedure_id) || ' ' || OLD.reception || ' → ' || NEW.reception);
  ELSE
    PERFORM mc_audit_append ('unit_procedure.delete', 'procedure', OLD.procedure_id,
      (SELECT code FROM procedure WHERE id = OLD.procedure_id) || ' ' || OLD.reception);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER audit_unit_procedure AFTER INSERT OR UPDATE OR DELETE ON unit_procedure
  FOR EACH ROW EXECUTE FUNCTION audit_unit_procedure ();

-- A dossier keeps the organisation names of its day.
ALTER TABLE dossier ADD COLUMN unit_name text;
ALTER TABLE dossier ADD COLUMN unit_parent_name text;
GRANT SELECT (unit_name, unit_parent_name) ON dossier TO motcua_p_signed_in;

CREATE TABLE unit_former_name (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  unit_id    bigint NOT NULL REFERENCES unit (id),
  name       text NOT NULL,
  parent_id  bigint REFERENCES unit (id),
  until_at   bigint NOT NULL                -- in use until this instant
);
CREATE INDEX unit_former_name_by_unit ON unit_former_name (unit_id, until_at);
GRANT SELECT ON unit_former_name TO motcua_p_signed_in;

-- Only names some dossier used; written by the owner, so renaming a unit
-- needs no right on the history itself.
CREATE FUNCTION unit_keep_former_name () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM dossier WHERE unit_id = OLD.id
                                      OR unit_id IN (SELECT id FROM unit WHERE parent_id = OLD.id)) THEN
    INSERT INTO unit_former_name (unit_id, name, parent_id, until_at) VALUES (OLD.id, OLD.name, OLD.parent_id, mc_now ());
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER unit_keep_former_name AFTER UPDATE OF name, parent_id ON unit FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.parent_id IS DISTINCT FROM NEW.parent_id)
  EXECUTE FUNCTION unit_keep_former_name ();
