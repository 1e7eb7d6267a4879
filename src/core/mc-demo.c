/* mc-demo.c — a realistic demonstration database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo is a simulation, not canned rows: each dossier is received at a
 * plausible time, its appointment is computed by the calendar, it walks the
 * procedure's steps, is paused now and then, finishes early, on time or late
 * (classified by the calendar, never assumed), and is returned or still
 * pending at "now". Reports and lists computed from it therefore agree with
 * each other, as they must with real data.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mc-accounts.h"
#include "mc-calendar-store.h"
#include "mc-catalog.h"
#include "mc-db-private.h"
#include "mc-demo-people.h"
#include "mc-audit.h"
#include "mc-demo.h"
#include "mc-demo-queue.h"
#include "mc-demo-server.h"
#include "mc-text.h"

#define UNIT_CODE "000.00.06.H56"

typedef struct {
  McDb        *db;
  McCalendar  *calendar;
  McCatalog   *catalog;
  GRand       *rand;
  McTime       now;
  gint64       unit_id;
  gint64       external_units[4];
  GPtrArray   *procedures;   /* McProcedure* */
  GArray      *weights;      /* int, cumulative */
  GHashTable  *staff;        /* "dept_id:role" → staff id */
  GHashTable  *day_seq;      /* "YYMMDD" → last number */
  McDemoStats *stats;
  int          std_minutes;
  guint        queue_days;
  guint32      seed;
  McDemoQueue *queue;        /* NULL without the queue's history */
} Demo;

typedef struct {
  McTime  received;
  McTime  due;
  McTime  finished;
  gint64  pause_at;       /* active working minutes from reception, -1: none */
  gint64  pause_len;
  double  frac;           /* actual time / allotted time */
  gint64  allotted;       /* working minutes of the legal time */
} Timeline;

static const struct { const char *code, *name, *level; } external_units[] = {
  { "000.00.00.H56", "Ủy ban nhân dân tỉnh Thanh Hóa", "tinh" },
  { "000.30.06.H56", "Công an phường Phú Sơn", "xa" },
  { "000.40.06.H56", "Thuế cơ sở 5 tỉnh Thanh Hóa", "khac" },
  { "000.50.06.H56", "Chi nhánh Văn phòng đăng ký đất đai Bỉm Sơn", "khac" },
};

static const struct { const char *user, *name, *title, *dept, *roles; } staff[] = {
  { "tn.lan", "Lê Thị Lan", "Công chức", "TTPV", "tiep_nhan" },
  { "tn.hung", "Nguyễn Văn Hùng", "Công chức", "TTPV", "tiep_nhan" },
  { "tn.ha", "Trịnh Thu Hà", "Viên chức", "TTPV", "tiep_nhan,bao_cao" },
  { "gd.thanh", "Phạm Minh Thành", "Giám đốc Trung tâm", "TTPV", "lanh_dao_phong" },
  { "cv.tuan", "Đỗ Anh Tuấn", "Chuyên viên", "VP", "chuyen_vien" },
  { "tp.hoa", "Hoàng Thị Hoa", "Chánh Văn phòng", "VP", "lanh_dao_phong" },
  { "vt.yen", "Bùi Thị Yến", "Văn thư", "VP", "van_thu" },
  { "ct.son", "Lê Đình Sơn", "Chủ tịch UBND phường", "VP", "lanh_dao_ubnd" },
  { "pct.nga", "Nguyễn Thị Nga", "Phó Chủ tịch UBND phường", "VP", "lanh_dao_ubnd" },
  { "cv.duc", "Vũ Đức Mạnh", "Chuyên viên", "KT", "chuyen_vien" },
  { "tp.quang", "Trần Quang Huy", "Trưởng phòng Kinh tế, Hạ tầng và Đô thị", "KT", "lanh_dao_phong" },
  { "cv.linh", "Phan Thùy Linh", "Chuyên viên", "VHXH", "chuyen_vien" },
  { "tp.dung", "Ngô Văn Dũng", "Trưởng phòng Văn hóa - Xã hội", "VHXH", "lanh_dao_phong" },
  { "admin", "Quản trị hệ thống", "Quản trị viên", "VP", "quan_tri" },
  /* The return counter's clerk (Quầy 4, mc-demo-queue.c). */
  { "tn.mai", "Đặng Thị Mai", "Công chức", "TTPV", "tiep_nhan" },
};

static const char *const announcements[] = {
  "Đường dây nóng phản ánh, kiến nghị về thủ tục hành chính: 0237.3824.xxx — Tổng đài dịch vụ công quốc gia: 18001096",
  "Tổ chức, cá nhân có thể nộp hồ sơ trực tuyến tại Cổng Dịch vụ công quốc gia: dichvucong.gov.vn",
  "Giờ làm việc: sáng 07:00–11:30, chiều 13:30–17:00 từ thứ Hai đến thứ Sáu",
  "Không thu thêm bất kỳ khoản phí, lệ phí nào ngoài quy định. Mọi khoản thu đều có biên lai.",
};

static gboolean
insert (Demo *d, const char *sql, GError **error, ...)
{
  va_list args;
  gboolean ok;

  va_start (args, error);
  ok = mc_demo_exec_valist (d->db, sql, error, args);
  va_end (args);
  return ok;
}

static gint64
last_id (Demo *d)
{
  return mc_sql_last_insert_id (d->db);
}

static gboolean
setup_units (Demo *d, GError **error)
{
  if (!insert (d, "UPDATE unit SET code = ?, name = ?, level = 'xa', place_name = ?, address = ?, phone = ? "
                  "WHERE id = ?", error,
               's', UNIT_CODE, 's', "Ủy ban nhân dân phường Phú Sơn", 's', "Phú Sơn",
               's', "Số 1 đường Trần Phú, phường Phú Sơn, tỉnh Thanh Hóa", 's', "0237.3824.xxx",
               'i', d->unit_id))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (external_units); i++)
    {
      if (!insert (d, "INSERT INTO unit (code, name, level, relation) VALUES (?, ?, ?, 'external')", error,
                   's', external_units[i].code, 's', external_units[i].name, 's', external_units[i].level))
        return FALSE;
      d->external_units[i] = last_id (d);
    }
  if (!insert (d, "UPDATE unit SET parent_id = ? WHERE id = ?", error,
               'i', d->external_units[0], 'i', d->unit_id))
    return FALSE;
  /* A ward's center receives the province's procedures too (Nghị định
   * 118/2025/NĐ-CP): the demo unit declares those of the catalog. */
  return insert (d, "INSERT INTO unit_procedure (unit_id, procedure_id, reception, updated_at) "
                    "SELECT ?, id, 'province', ? FROM procedure WHERE competence = 'tinh' AND active <> 0", error,
                 'i', d->unit_id, 'i', d->now);
}

static gboolean
setup_staff (Demo *d, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autoptr(McDepartment) dept = mc_catalog_find_department (d->catalog, staff[i].dept, error);
      g_auto(GStrv) roles = g_strsplit (staff[i].roles, ",", -1);

      if (dept == NULL)
        return FALSE;
      if (!insert (d, "INSERT INTO staff (username, full_name, title, department_id, roles, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)", error,
                   's', staff[i].user, 's', staff[i].name, 's', staff[i].title, 'i', dept->id,
                   's', staff[i].roles, 'i', d->now - 800 * 86400))
        return FALSE;
      for (int r = 0; roles[r]; r++)
        {
          char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", dept->id, roles[r]);
          if (!g_hash_table_contains (d->staff, key))
            g_hash_table_insert (d->staff, key, GINT_TO_POINTER (last_id (d)));
          else
            g_free (key);
        }
    }
  return TRUE;
}

static gboolean
setup_calendar_and_board (Demo *d, GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/vn/motcua/Motcua/calendar/announced.csv",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL ||
      !mc_calendar_store_import_csv (d->db, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     TRUE, NULL, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (announcements); i++)
    if (!insert (d, "INSERT INTO announcement (position, text) VALUES (?, ?)", error,
                 'i', (gint64) i, 's', announcements[i]))
      return FALSE;
  return mc_db_set_setting (d->db, "report.place", "Phú Sơn", error) &&
         mc_db_set_setting (d->db, "report.preparer", "Trịnh Thu Hà", error) &&
         mc_db_set_setting (d->db, "report.signer", "Nguyễn Thị Nga", error) &&
         mc_db_set_setting (d->db, "report.signer_title", "PHÓ CHỦ TỊCH", error);
}

/* The queue of a ward's center (issue 18): four ticket services by group
 * of fields, each with its letter, and four counters; counter 4 returns
 * results. Their tickets are mc-demo-queue.c's. */
static const struct { const char *name, *prefix; } queue_services[] = {
  { "Hộ tịch – Chứng thực", "A" },
  { "Đất đai – Xây dựng", "B" },
  { "Kinh doanh – Đầu tư – Lao động", "C" },
  { "Tra cứu, trả kết quả", "D" },
};
static const struct { int number; const char *name, *services; } queue_counters[] = {
  { 1, "Quầy 1 – Hộ tịch, chứng thực", "A" },
  { 2, "Quầy 2 – Hộ tịch, kinh doanh", "AC" },
  { 3, "Quầy 3 – Đất đai, xây dựng", "BC" },
  { 4, "Quầy 4 – Trả kết quả", "D" },
};

static gboolean
setup_queue (Demo *d, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (queue_services); i++)
    if (!insert (d, "INSERT INTO queue_service (name, prefix, first_number, last_number) VALUES (?, ?, 1, 999)",
                 error, 's', queue_services[i].name, 's', queue_services[i].prefix))
      return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (queue_counters); i++)
    {
      gint64 id;

      if (!insert (d, "INSERT INTO queue_counter (number, name) VALUES (?, ?)", error,
                   'i', (gint64) queue_counters[i].number, 's', queue_counters[i].name))
        return FALSE;
      id = last_id (d);
      for (const char *p = queue_counters[i].services; *p; p++)
        {
          char prefix[2] = { *p, 0 };

          if (!insert (d, "INSERT INTO queue_counter_service (counter_id, service_id) "
                          "SELECT ?, id FROM queue_service WHERE prefix = ?", error, 'i', id, 's', prefix))
            return FALSE;
        }
    }
  return TRUE;
}

/* How often a field's procedures are asked for at a ward's counter. */
static int
field_weight (const char *field)
{
  if (g_str_has_prefix (field, "Chứng thực"))
    return 40;
  if (g_str_has_prefix (field, "Hộ tịch"))
    return 30;
  if (g_str_has_prefix (field, "Đất đai") || g_str_has_prefix (field, "Bảo trợ"))
    return 6;
  return 2;
}

static gboolean
load_procedures (Demo *d, GError **error)
{
  g_autoptr(GListStore) store = mc_catalog_list_procedures (d->catalog, error);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  int total = 0;

  if (n == 0)
    {
      if (error && *error == NULL)
        g_set_error (error, MC_CATALOG_ERROR, MC_CATALOG_ERROR_NOT_FOUND, _("The catalog is empty"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      McProcedure *p = g_list_model_get_item (G_LIST_MODEL (store), i);
      total += field_weight (mc_procedure_get_field_name (p)) * (mc_procedure_get_steps (p)->len > 0);
      g_ptr_array_add (d->procedures, p);
      g_array_append_val (d->weights, total);
    }
  return TRUE;
}

static McProcedure *
pick_procedure (Demo *d)
{
  int total = g_array_index (d->weights, int, d->weights->len - 1);
  int r = g_rand_int_range (d->rand, 0, total);

  for (guint i = 0; i < d->weights->len; i++)
    if (r < g_array_index (d->weights, int, i))
      return d->procedures->pdata[i];
  return d->procedures->pdata[0];
}

static gint64
staff_for (Demo *d, gint64 dept_id, McStepRole role)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", dept_id, mc_step_role_to_string (role));

  return GPOINTER_TO_INT (g_hash_table_lookup (d->staff, key));
}

static const char *
pick_channel (Demo *d, McProcedure *p, const char **online_level)
{
  double r = g_rand_double (d->rand);

  *online_level = NULL;
  if (mc_procedure_get_online_level (p) != MC_ONLINE_NONE && r < 0.45)
    {
      *online_level = mc_procedure_get_online_level (p) == MC_ONLINE_FULL ? "full" : "partial";
      return "truc_tuyen";
    }
  return r > 0.93 ? "buu_chinh" : "truc_tiep";
}

/* A working day in the two years before now, at a plausible hour; online
 * submissions also arrive in the evening and at weekends. */
static McTime
pick_received (Demo *d, gboolean online)
{
  McDate today = mc_time_get_date (d->now);

  for (;;)
    {
      McDate day = today - g_rand_int_range (d->rand, 0, 730);
      McOfficeHours h;
      int minute;

      /* Draw once: MIN() would evaluate a random draw twice and could
       * return a second, later draw than the one it compared with now. */
      if (online && g_rand_double (d->rand) < 0.25)
        {
          McTime at = mc_time_from_local (day, g_rand_int_range (d->rand, 6 * 60, 23 * 60));
          if (at <= d->now)
            return at;
          continue;
        }
      if (!mc_calendar_is_working_day (d->calendar, day))
        continue;
      mc_calendar_get_office_hours (d->calendar, mc_date_weekday (day), &h);
      if (h.n_intervals == 0)
        continue;
      minute = h.start[0] + g_rand_int_range (d->rand, 0, mc_calendar_day_minutes (d->calendar, day));
      for (int i = 0; i + 1 < h.n_intervals && minute >= h.end[i]; i++)
        minute += h.start[i + 1] - h.end[i];
      if (mc_time_from_local (day, minute) <= d->now)
        return mc_time_from_local (day, minute);
    }
}

/* The instant `active` working minutes after reception, the pause included. */
static McTime
at_active (Demo *d, const Timeline *t, gint64 active)
{
  McTime out = t->received;

  if (t->pause_at >= 0 && active > t->pause_at)
    active += t->pause_len;
  mc_calendar_add_working_minutes (d->calendar, t->received, MAX (active, 0), &out, NULL);
  return out;
}

static gboolean
make_timeline (Demo *d, McProcedure *p, McTime received, Timeline *t, GError **error)
{
  double r = g_rand_double (d->rand);

  t->received = received;
  if (!mc_calendar_add_working_days (d->calendar, received, mc_procedure_get_days (p), &t->due, error))
    return FALSE;
  t->allotted = mc_calendar_working_minutes_between (d->calendar, received, t->due, NULL, 0);
  t->pause_at = -1;
  t->pause_len = 0;
  if (g_rand_double (d->rand) < 0.03 && t->allotted > 0)
    {
      t->pause_at = t->allotted / 3;
      t->pause_len = (gint64) g_rand_int_range (d->rand, 1, 5) * d->std_minutes;
      mc_calendar_add_working_minutes (d->calendar, t->due, t->pause_len, &t->due, NULL);
    }
  /* 80 % early, 13 % on the last half-day, 7 % late, as in seeds 000–004. */
  t->frac = r < 0.80 ? g_rand_double_range (d->rand, 0.15, 0.85)
          : r < 0.93 ? g_rand_double_range (d->rand, 0.97, 1.0)
                     : g_rand_double_range (d->rand, 1.05, 1.8);
  t->finished = at_active (d, t, (gint64) llround (t->frac * MAX (t->allotted, 30)));
  return TRUE;
}

static char *
next_code (Demo *d, McTime received)
{
  int y, m, day;
  char key[7];
  int seq;

  mc_date_to_ymd (mc_time_get_date (received), &y, &m, &day);
  g_snprintf (key, sizeof key, "%02d%02d%02d", y % 100, m, day);
  seq = GPOINTER_TO_INT (g_hash_table_lookup (d->day_seq, key)) + 1;
  g_hash_table_replace (d->day_seq, g_strdup (key), GINT_TO_POINTER (seq));
  return g_strdup_printf ("%s-%s-%04d", UNIT_CODE, key, seq);
}

static gboolean
add_event (Demo *d, gint64 dossier, McTime at, gint64 staff_id, const char *kind, const char *from,
           const char *to, int step, gint64 from_dept, gint64 dept, gint64 unit, McTime step_due,
           const char *note, GError **error)
{
  d->stats->events++;
  return insert (d, "INSERT INTO dossier_event (dossier_id, at, staff_id, kind, state_from, state_to, step, "
                    "from_department_id, to_department_id, to_unit_id, step_due_at, note) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", error,
                 'i', dossier, 'i', at, 'I', staff_id, 's', kind, 'z', from,
                 's', to, 'i', (gint64) step, 'I', from_dept, 'I', dept, 'I', unit,
                 'I', step_due, 'z', note);
}

typedef struct {
  const char *state;
  int         step;         /* index into the steps */
  McTime      step_due;
  gint64      dept;
  gint64      staff;        /* who accepted the current step, 0: nobody yet */
  McTime      accepted;
} Position;

/* Most dossiers handed to a department are taken by its specialist soon
 * after (mc_workflow_accept): the dossier is then theirs ("Của tôi" on Xử lý
 * hồ sơ, where a specialist starts) and the control sheet names who received
 * it. One in four is left waiting in the department's queue. The choice is
 * taken from the id, not from the random stream, so the rest of a seeded
 * demo stays what it was. */
static gboolean
accept_step (Demo *d, gint64 id, McProcedureStep *s, int k, McTime start, McTime step_due, Position *pos,
             GError **error)
{
  gint64 taker = staff_for (d, s->department_id, s->role);
  McTime at;

  if (taker == 0 || (id + k) % 4 == 0 ||
      !mc_calendar_add_working_minutes (d->calendar, start, 20, &at, NULL) || at > d->now)
    return TRUE;
  pos->staff = taker;
  pos->accepted = at;
  return add_event (d, id, at, taker, "accept", "processing", "processing", k + 1, s->department_id,
                    s->department_id, 0, step_due, NULL, error);
}

/* Walk the steps: an event for each hand-over that has happened by now. */
static gboolean
walk_steps (Demo *d, gint64 id, McProcedure *p, const Timeline *t, Position *pos, GError **error)
{
  GPtrArray *steps = mc_procedure_get_steps (p);
  double total = mc_procedure_steps_total_days (p), cum = 0;

  for (guint k = 0; k < steps->len; k++)
    {
      McProcedureStep *s = steps->pdata[k];
      McProcedureStep *prev = k > 0 ? steps->pdata[k - 1] : NULL;
      gint64 start_active = (gint64) llround (t->frac * t->allotted * cum / total);
      McTime start = k == 0 ? t->received : at_active (d, t, start_active);
      McTime step_due;

      cum += s->days;
      step_due = at_active (d, t, (gint64) llround (t->allotted * cum / total));
      if (start > d->now)
        break;
      pos->state = k == 0 ? "received" : "processing";
      pos->step = (int) k;
      pos->step_due = step_due;
      pos->dept = s->department_id;
      pos->staff = 0;
      pos->accepted = 0;
      if (k > 0 && !add_event (d, id, start, staff_for (d, prev->department_id, prev->role),
                               "transfer", k == 1 ? "received" : "processing", "processing", (int) k + 1,
                               prev->department_id, s->department_id, 0, step_due, NULL, error))
        return FALSE;
      if (k > 0 && !accept_step (d, id, s, (int) k, start, step_due, pos, error))
        return FALSE;
      if (t->pause_at >= 0 && start_active <= t->pause_at &&
          t->pause_at < (gint64) llround (t->frac * t->allotted * cum / total))
        {
          McTime ps = at_active (d, t, t->pause_at), pe;
          mc_calendar_add_working_minutes (d->calendar, ps, t->pause_len, &pe, NULL);
          if (ps <= d->now && !add_event (d, id, ps, staff_for (d, s->department_id, s->role), "pause",
                                          "processing", "paused", (int) k + 1, s->department_id, s->department_id, 0, 0,
                                          "Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)", error))
            return FALSE;
          if (ps <= d->now && pe > d->now)
            pos->state = "paused";
          else if (pe <= d->now && !add_event (d, id, pe, staff_for (d, s->department_id, s->role), "resume",
                                               "paused", "processing", (int) k + 1, s->department_id, s->department_id, 0, 0,
                                               "Công dân đã bổ sung hồ sơ", error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_apology (Demo *d, gint64 id, const Timeline *t, const Position *pos, McProcedure *p, GError **error)
{
  GPtrArray *steps = mc_procedure_get_steps (p);
  McProcedureStep *blame = steps->pdata[MIN (1u, steps->len - 1)];
  McTime issued = at_active (d, t, MAX (t->allotted - d->std_minutes, 0));
  McTime new_due;
  gint64 late = t->finished > t->due
                ? mc_calendar_working_minutes_between (d->calendar, t->due, t->finished, NULL, 0) : 0;

  if (issued > d->now || g_rand_double (d->rand) > 0.85)
    return TRUE;
  mc_calendar_add_working_minutes (d->calendar, t->due, late + 2 * d->std_minutes, &new_due, NULL);
  d->stats->apologies++;
  /* Issued by the Phó Chủ tịch, who signs Mẫu 04 (mc-apology-form.c). */
  return insert (d, "INSERT INTO apology (dossier_id, issued_at, reason, responsible_department_id, "
                    "responsible_staff_id, new_due_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, "
                    "(SELECT id FROM staff WHERE username = 'pct.nga'))", error,
                 'i', id, 'i', issued, 's', "Hồ sơ cần xác minh thêm thông tin với cơ quan liên quan",
                 'i', blame->department_id, 'i', staff_for (d, blame->department_id, blame->role),
                 'i', new_due) &&
         insert (d, "UPDATE dossier SET extended_due_at = ? WHERE id = ?", error, 'i', new_due, 'i', id);
}

static gboolean
finish_dossier (Demo *d, gint64 id, const Timeline *t, McProcedure *p, const char *channel, GError **error)
{
  double r = g_rand_double (d->rand);
  const char *outcome = r < 0.015 ? "withdrawn" : r < 0.035 ? "unqualified" : "approved";
  const char *state = g_str_equal (outcome, "approved") ? "result_ready" : outcome;
  McTimeliness tl = mc_calendar_classify (d->calendar, t->finished, t->due);
  static const char *const tl_names[] = { "early", "on_time", "late" };
  McTime returned = 0;
  g_autofree char *number = g_strdup_printf ("%d/QĐ-UBND", g_rand_int_range (d->rand, 1, 999));
  GPtrArray *steps = mc_procedure_get_steps (p);
  McProcedureStep *first = steps->pdata[0], *last = steps->pdata[steps->len - 1];
  gint64 clerk = staff_for (d, first->department_id, MC_ROLE_TIEP_NHAN);

  mc_calendar_add_working_minutes (d->calendar, t->finished,
                                   g_str_equal (channel, "truc_tuyen") ? 0 : g_rand_int_range (d->rand, 0, 3 * d->std_minutes),
                                   &returned, NULL);
  /* As the workflow writes them: the last step's person settles and sends the
   * result to the counter, whose clerk hands it over. */
  if (!add_event (d, id, t->finished, staff_for (d, last->department_id, last->role),
                  g_str_equal (outcome, "approved") ? "finish" : g_str_equal (outcome, "withdrawn") ? "withdraw" : "unqualified",
                  "processing", state, 0, last->department_id, first->department_id, 0, 0, NULL, error))
    return FALSE;
  if (returned <= d->now)
    {
      McDemoVisit visit;
      gboolean queued = d->queue != NULL && g_str_equal (channel, "truc_tiep") &&
                        mc_demo_queue_visit (d->queue, returned, NULL, &visit);

      state = g_str_equal (outcome, "approved") ? "returned" : state;
      if (!add_event (d, id, returned, queued ? visit.clerk_id : clerk, "return", "result_ready", state, 0,
                      first->department_id, 0, 0, 0, NULL, error) ||
          (queued && !mc_demo_queue_link (d->queue, &visit, id, TRUE, returned, error)))
        return FALSE;
    }
  if (tl == MC_TIMELINESS_LATE)
    d->stats->late++;
  return insert (d, "UPDATE dossier SET state = ?, finished_at = ?, outcome = ?, timeliness = ?, "
                    "returned_at = ?, return_method = ?, result_number = ?, current_step = NULL, "
                    "current_department_id = NULL, step_due_at = NULL WHERE id = ?", error,
                 's', state, 'i', t->finished, 's', outcome, 's', tl_names[tl],
                 'I', returned <= d->now ? returned : (McTime) 0, 'z', returned <= d->now ? channel : NULL,
                 'z', g_str_equal (outcome, "approved") ? number : NULL, 'i', id);
}

static gboolean
rate (Demo *d, gint64 id, McTime at, GError **error)
{
  int v[9], sat = g_rand_double (d->rand) < 0.8 ? 5 : g_rand_int_range (d->rand, 2, 5);

  for (int i = 0; i < 9; i++)
    v[i] = g_rand_double (d->rand) < 0.93 ? 2 : 1;
  return insert (d, "INSERT INTO rating (dossier_id, rated_at, i1, i2, i3, i4, i5, i6, i7, i8, i9, "
                    "satisfaction) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", error, 'i', id, 'i', at,
                 'i', (gint64) v[0], 'i', (gint64) v[1], 'i', (gint64) v[2], 'i', (gint64) v[3],
                 'i', (gint64) v[4], 'i', (gint64) v[5], 'i', (gint64) v[6], 'i', (gint64) v[7],
                 'i', (gint64) v[8], 'i', (gint64) sat);
}

static gboolean
insert_dossier (Demo *d, McProcedure *p, const Timeline *t, const char *channel, const char *online,
                gint64 *id, GError **error)
{
  McDemoPerson person;
  g_autofree char *code = next_code (d, t->received);
  g_autofree char *counter = NULL;
  McProcedureStep *first = mc_procedure_get_steps (p)->pdata[0];
  gint64 clerk = staff_for (d, first->department_id, MC_ROLE_TIEP_NHAN);
  McDemoVisit visit;
  gboolean ok, queued = FALSE;

  /* At a counter while the queue ran: the clerk serving a ticket of its
   * service then receives it, under that ticket. */
  if (d->queue != NULL && g_str_equal (channel, "truc_tiep") &&
      (queued = mc_demo_queue_visit (d->queue, t->received, mc_procedure_get_field_name (p), &visit)))
    {
      clerk = visit.clerk_id;
      counter = g_strdup_printf ("Quầy %d", visit.counter);
    }

  mc_demo_person_make (d->rand, 2026, &person);
  ok = insert (d, "INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, applicant_id_number, "
                  "applicant_birth_date, applicant_phone, applicant_address, channel, online_level, "
                  "received_at, received_by, counter, due_at, state, current_step, current_department_id, fee) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'received',1,?,?)", error,
               's', code, 'i', d->unit_id, 'i', mc_procedure_get_id (p), 's', person.name,
               's', person.id_number, 's', person.birth_date, 's', person.phone, 's', person.address,
               's', channel, 'z', online, 'i', t->received, 'I', clerk,
               's', counter != NULL ? counter : g_str_equal (channel, "truc_tiep") ? "Quầy 1" : "Trực tuyến", 'i', t->due,
               'i', first->department_id, 'i', mc_procedure_get_fee (p));
  mc_demo_person_clear (&person);
  if (!ok)
    return FALSE;
  *id = last_id (d);
  if (queued && !mc_demo_queue_link (d->queue, &visit, *id, FALSE, t->received, error))
    return FALSE;
  return add_event (d, *id, t->received, clerk, "receive", NULL, "received", 1, 0, first->department_id, 0,
                    0, NULL, error);
}

static gboolean
simulate_one (Demo *d, GError **error)
{
  McProcedure *p = pick_procedure (d);
  const char *online;
  const char *channel = pick_channel (d, p, &online);
  Timeline t;
  Position pos = { "received", 0, 0, 0, 0, 0 };
  gint64 id;

  if (!make_timeline (d, p, pick_received (d, online != NULL), &t, error) ||
      !insert_dossier (d, p, &t, channel, online, &id, error) ||
      !walk_steps (d, id, p, &t, &pos, error))
    return FALSE;
  d->stats->dossiers++;
  if (t.finished > t.due && !write_apology (d, id, &t, &pos, p, error))
    return FALSE;
  if (t.finished > d->now)
    {
      d->stats->pending++;
      return insert (d, "UPDATE dossier SET state = ?, current_step = ?, current_department_id = ?, "
                        "step_due_at = ?, current_staff_id = ?, step_accepted_at = ? WHERE id = ?", error,
                     's', pos.state, 'i', (gint64) pos.step + 1, 'i', pos.dept, 'i', pos.step_due,
                     'I', pos.staff, 'I', pos.accepted, 'i', id);
    }
  if (!finish_dossier (d, id, &t, p, channel, error))
    return FALSE;
  if (g_rand_double (d->rand) < 0.4)
    return rate (d, id, t.finished, error);
  return TRUE;
}

static gboolean
write_code_sequences (Demo *d, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, d->day_seq);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!insert (d, "INSERT INTO dossier_code_seq (unit_id, day, last) VALUES (?, ?, ?)", error,
                 'i', d->unit_id, 's', (const char *) key, 'i', (gint64) GPOINTER_TO_INT (value)))
      return FALSE;
  return TRUE;
}

static gboolean
simulate (Demo *d, guint n, GError **error)
{
  g_autofree char *summary = g_strdup_printf ("Dữ liệu mẫu: %u hồ sơ", n);

  if (!mc_db_begin (d->db, error))
    return FALSE;
  /* Two years of history in one transaction: one audit row says so. The
   * queue first, so that a dossier received at a counter finds its ticket. */
  mc_db_set_audit_bulk (d->db, TRUE);
  if (d->queue_days > 0 &&
      (d->queue = mc_demo_queue_new (d->db, d->calendar, d->queue_days, d->seed, d->now, d->stats, error)) == NULL)
    goto fail;
  for (guint i = 0; i < n; i++)
    if (!simulate_one (d, error))
      goto fail;
  if (d->queue != NULL && !mc_demo_queue_finish (d->queue, error))
    goto fail;
  mc_db_set_audit_bulk (d->db, FALSE);
  if (d->queue != NULL)
    {
      g_free (summary);
      summary = g_strdup_printf ("Dữ liệu mẫu: %u hồ sơ, %u số thứ tự trong %u ngày", n, d->stats->tickets,
                                 d->stats->ticket_days);
    }
  if (!write_code_sequences (d, error) || !mc_audit_append (d->db, "demo", "dossier", 0, summary, error) ||
      !mc_db_commit (d->db, error))
    goto fail;
  g_clear_pointer (&d->queue, mc_demo_queue_free);
  return TRUE;
fail:
  g_clear_pointer (&d->queue, mc_demo_queue_free);
  mc_db_set_audit_bulk (d->db, FALSE);
  mc_db_rollback (d->db);
  return FALSE;
}

static gboolean
setup (Demo *d, GError **error)
{
  if (!mc_catalog_install_builtin (d->catalog, NULL, error))
    return FALSE;
  d->unit_id = mc_catalog_get_own_unit (d->catalog, error);
  if (d->unit_id == 0 || !mc_db_begin (d->db, error))
    return FALSE;
  if (!setup_units (d, error) || !setup_staff (d, error) || !setup_calendar_and_board (d, error) ||
      !setup_queue (d, error) || !mc_db_commit (d->db, error))
    {
      mc_db_rollback (d->db);
      return FALSE;
    }
  return TRUE;
}

gboolean
mc_demo_fill (McDb *db, guint n_dossiers, guint32 seed, McDemoStats *stats, GError **error)
{
  return mc_demo_fill_at (db, n_dossiers, seed, mc_time_now (), stats, error);
}

gboolean
mc_demo_fill_at (McDb *db, guint n_dossiers, guint32 seed, McTime now, McDemoStats *stats, GError **error)
{
  return mc_demo_fill_with_queue (db, n_dossiers, 0, seed, now, stats, error);
}

gboolean
mc_demo_fill_with_queue (McDb *db, guint n_dossiers, guint queue_days, guint32 seed, McTime now,
                         McDemoStats *stats, GError **error)
{
  Demo d = { 0 };
  McDemoStats local = { 0 };
  gboolean ok;

  g_return_val_if_fail (MC_IS_DB (db), FALSE);

  if (mc_db_query_int (db, "SELECT count(*) FROM dossier", NULL) > 0 ||
      mc_db_query_int (db, "SELECT count(*) FROM staff", NULL) > 0)
    {
      g_set_error (error, MC_DB_ERROR, MC_DB_ERROR_INVALID,
                   _("The database already has dossiers or staff: demo data is only added to a new database"));
      return FALSE;
    }
  /* On a server, built on a file and copied: seconds instead of minutes
   * (mc-demo-server.c), the same demo. */
  if (mc_demo_server_may_copy (db))
    return mc_demo_server_fill (db, n_dossiers, queue_days, seed, now, stats, error);
  /* The demo's history is dated, and its clerks may date what they do. */
  if (!mc_accounts_set_database_purpose (db, MC_DATABASE_DEMO, error))
    return FALSE;
  d.db = db;
  d.rand = g_rand_new_with_seed (seed);
  d.now = now;
  d.seed = seed;
  d.queue_days = queue_days;
  d.catalog = mc_catalog_new (db);
  d.procedures = g_ptr_array_new_with_free_func (g_object_unref);
  d.weights = g_array_new (FALSE, FALSE, sizeof (int));
  d.staff = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d.day_seq = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d.stats = stats ? stats : &local;
  ok = setup (&d, error) && (d.calendar = mc_calendar_store_load (db, error)) != NULL &&
       load_procedures (&d, error);
  if (ok)
    {
      d.std_minutes = mc_calendar_standard_day_minutes (d.calendar);
      ok = simulate (&d, n_dossiers, error);
    }
  g_clear_object (&d.calendar);
  g_object_unref (d.catalog);
  g_ptr_array_unref (d.procedures);
  g_array_unref (d.weights);
  g_hash_table_unref (d.staff);
  g_hash_table_unref (d.day_seq);
  g_rand_free (d.rand);
  return ok;
}
