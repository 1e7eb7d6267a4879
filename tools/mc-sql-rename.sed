# tools/mc-sql-rename.sed — core code from SQLite's statement API onto mc-sql.h
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   sed -E -i -f tools/mc-sql-rename.sed src/core/FILE.c …
#
# Run with -E (extended expressions). Mechanical: every statement core gets
# from mc_db_prepare becomes an McSqlStmt, every SQLite call on it its
# mc_sql_* twin (same arguments), the handle-wide calls take the McDb.
# Not for the storage files (mc-db-sqlite-private.h), whose statements come from
# sqlite3_prepare_v2 on handles of their own. Run twice, it changes nothing.
# What it cannot do is done by hand (HACKING.md, "Storage").

# A raw step compared with SQLite's codes (tests): mc_sql_step's McDbStep.
s/\bsqlite3_step \(([][A-Za-z0-9_>.-]+)\)(,? ?[=!]=,? ?)SQLITE_(ROW|DONE)\b/mc_sql_step (\1, NULL)\2MC_DB_STEP_\3/g

# Types and constants.
s/\bsqlite3_stmt\b/McSqlStmt/g
s/\bsqlite3_int64\b/gint64/g
s/\bSQLITE_(TRANSIENT|STATIC|NULL|INTEGER|FLOAT|TEXT|BLOB|OK|ROW|DONE)\b/MC_SQL_\1/g

# Statement calls: the same arguments.
s/\bsqlite3_bind_(int64|int|double|text|blob|null|parameter_count|value)\b/mc_sql_bind_\1/g
s/\bsqlite3_column_(int64|int|double|text|blob|bytes|type|count)\b/mc_sql_column_\1/g
s/\bsqlite3_(reset|clear_bindings|finalize)\b/mc_sql_\1/g
s/\bsqlite3_value_dup \(sqlite3_column_value \(([^()]*)\)\)/mc_sql_column_value_dup (\1)/g
s/\bsqlite3_value_free\b/mc_sql_value_free/g
s/\bsqlite3_value \*values\b/McSqlValue *values/g

# Connection-wide calls took the handle: they take the McDb (one level of
# parentheses inside the argument, e.g. mc_db_get_handle (t->self->db)).
s/\bsqlite3_last_insert_rowid \(mc_db_get_handle (\(([^()]|\([^()]*\))*\))\)/mc_sql_last_insert_id \1/g
s/\bsqlite3_changes(64)? \(mc_db_get_handle (\(([^()]|\([^()]*\))*\))\)/mc_sql_changes \2/g
s/\bsqlite3_get_autocommit \(mc_db_get_handle (\(([^()]|\([^()]*\))*\))\)/mc_sql_autocommit \1/g

# The "damaged" error without a handle.
s/\bmc_db_error_from_sqlite \(NULL, SQLITE_CORRUPT, /mc_sql_error_damaged (/g

# mc_sql_column_text gives char, not SQLite's unsigned char: no cast.
s/\(const char \*\) ?mc_sql_column_text\b/mc_sql_column_text/g
s/\bconst unsigned char \*(\w+) = mc_sql_column_text\b/const char *\1 = mc_sql_column_text/g
