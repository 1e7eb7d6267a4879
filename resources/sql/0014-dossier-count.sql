-- Motcua schema, version 14: the number of dossiers in each state, kept by
-- triggers in the same transaction as the change, so that the list of every
-- dossier (and its "being processed", "result ready" and "finished" filters)
-- shows an exact count without counting a million index entries (138 ms at
-- 1,000,000 dossiers, more at every start of the Danh sách hồ sơ page).
CREATE TABLE dossier_state_count (
  state TEXT PRIMARY KEY,
  n     INTEGER NOT NULL CHECK (n >= 0)
) WITHOUT ROWID;
INSERT INTO dossier_state_count (state, n) SELECT state, count(*) FROM dossier GROUP BY state;

CREATE TRIGGER dossier_count_insert AFTER INSERT ON dossier BEGIN
  INSERT INTO dossier_state_count (state, n) VALUES (new.state, 1)
  ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER dossier_count_delete AFTER DELETE ON dossier BEGIN
  UPDATE dossier_state_count SET n = n - 1 WHERE state = old.state;
END;
CREATE TRIGGER dossier_count_state AFTER UPDATE OF state ON dossier WHEN old.state IS NOT new.state BEGIN
  UPDATE dossier_state_count SET n = n - 1 WHERE state = old.state;
  INSERT INTO dossier_state_count (state, n) VALUES (new.state, 1)
  ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
