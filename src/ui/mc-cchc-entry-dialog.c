/* mc-cchc-entry-dialog.c — the CCHC statistics' entered figures for a period
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per figure to enter, grouped by the appendix's sections, in its
 * order and with its labels; the unit (or the codes: "Không = 0, Có = 1")
 * beside the field. Saving writes the changed rows through core
 * (mc_report_cchc_set_entry validates, checks the permission and is
 * audited), all or none.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cchc-entry-dialog.h"
#include "mc-report-cchc.h"

struct _McCchcEntryDialog
{
  AdwWindow       parent_instance;

  McDb           *db;
  gint64          unit_id;
  McDate          from, to;
  GHashTable     *rows;     /* key → AdwEntryRow (owned by the page) */
  GHashTable     *stored;   /* key → value as stored */
  GError         *load_error; /* why the stored figures could not be read */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *error;
  AdwPreferencesPage *page;
};

G_DEFINE_FINAL_TYPE (McCchcEntryDialog, mc_cchc_entry_dialog, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_DB, PROP_UNIT_ID, PROP_FROM, PROP_TO, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
save_cb (McCchcEntryDialog *self)
{
  mc_cchc_entry_dialog_save (self, NULL);
}

/* "Không = 0\nCó = 1" on one line beside the field. */
static GtkWidget *
unit_label (const McCchcLine *line)
{
  g_autofree char *text = g_strdup (line->unit);
  GtkWidget *label;

  g_strdelimit (text, "\n", ',');
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  return label;
}

static void
add_row (McCchcEntryDialog *self, AdwPreferencesGroup *group, const McCchcLine *line)
{
  g_autofree char *label = mc_report_cchc_line_label (self->db, line, self->unit_id, self->to);
  g_autofree char *title = g_strdup_printf ("%s %s", line->key, label);
  const char *value = g_hash_table_lookup (self->stored, line->key);
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, line->key);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
  if (line->unit[0] != '\0')
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit_label (line));
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (save_cb), self);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->rows, (gpointer) line->key, row);
}

/* The appendix's sections and rows, in its order. */
static void
fill_page (McCchcEntryDialog *self)
{
  AdwPreferencesGroup *group = NULL;
  const McCchcLine *lines;
  guint n;

  lines = mc_report_cchc_lines (&n);
  for (guint i = 0; i < n; i++)
    {
      if (lines[i].kind == MC_CCHC_LINE_SECTION)
        {
          g_autofree char *title = g_strdup_printf ("%s. %s", lines[i].number, lines[i].label);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, title);
          adw_preferences_page_add (self->page, group);
        }
      else if (lines[i].kind == MC_CCHC_LINE_ENTRY && group != NULL)
        add_row (self, group, &lines[i]);
    }
}

static void
show_period (McCchcEntryDialog *self)
{
  g_autofree char *from_text = mc_date_to_iso (self->from);
  g_autofree char *to_text = mc_date_to_iso (self->to);
  /* Translators: the window's subtitle, the period "2022-12-15 – 2023-06-14" */
  g_autofree char *subtitle = g_strdup_printf (_("Figures entered for %s – %s"), from_text, to_text);

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* The figures stored for the unit and period are read first: without the
 * permission to read them there is nothing to show (mc_cchc_entry_dialog_new
 * then returns the error instead of a dialog). */
static void
mc_cchc_entry_dialog_constructed (GObject *object)
{
  McCchcEntryDialog *self = MC_CCHC_ENTRY_DIALOG (object);

  G_OBJECT_CLASS (mc_cchc_entry_dialog_parent_class)->constructed (object);
  g_return_if_fail (MC_IS_DB (self->db));

  self->stored = mc_report_cchc_entries (self->db, self->unit_id, self->from, self->to, &self->load_error);
  if (self->stored == NULL)
    return;
  show_period (self);
  fill_page (self);
}

static void
mc_cchc_entry_dialog_dispose (GObject *object)
{
  McCchcEntryDialog *self = MC_CCHC_ENTRY_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->stored, g_hash_table_unref);
  g_clear_error (&self->load_error);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_CCHC_ENTRY_DIALOG);
  G_OBJECT_CLASS (mc_cchc_entry_dialog_parent_class)->dispose (object);
}

static void
mc_cchc_entry_dialog_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McCchcEntryDialog *self = MC_CCHC_ENTRY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;
    case PROP_FROM:
      g_value_set_int (value, self->from);
      break;
    case PROP_TO:
      g_value_set_int (value, self->to);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_cchc_entry_dialog_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McCchcEntryDialog *self = MC_CCHC_ENTRY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    case PROP_UNIT_ID:
      self->unit_id = g_value_get_int64 (value);
      break;
    case PROP_FROM:
      self->from = g_value_get_int (value);
      break;
    case PROP_TO:
      self->to = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, MC_TYPE_DB, flags);
  /* 0: the center's own figures, else a unit of the report's drop-down. */
  properties[PROP_UNIT_ID] = g_param_spec_int64 ("unit-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* The period, McDate days, both included. */
  properties[PROP_FROM] = g_param_spec_int ("from", NULL, NULL, G_MININT32, G_MAXINT32, 0, flags);
  properties[PROP_TO] = g_param_spec_int ("to", NULL, NULL, G_MININT32, G_MAXINT32, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_cchc_entry_dialog_class_init (McCchcEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_cchc_entry_dialog_constructed;
  object_class->dispose = mc_cchc_entry_dialog_dispose;
  object_class->get_property = mc_cchc_entry_dialog_get_property;
  object_class->set_property = mc_cchc_entry_dialog_set_property;
  install_properties (object_class);
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-cchc-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McCchcEntryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McCchcEntryDialog, error);
  gtk_widget_class_bind_template_child (widget_class, McCchcEntryDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
}

static void
mc_cchc_entry_dialog_init (McCchcEntryDialog *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}

McCchcEntryDialog *
mc_cchc_entry_dialog_new (GtkWindow *parent, McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  McCchcEntryDialog *self;

  g_return_val_if_fail (MC_IS_DB (db), NULL);

  self = g_object_new (MC_TYPE_CCHC_ENTRY_DIALOG, "transient-for", parent, "db", db, "unit-id", unit_id,
                       "from", (int) from, "to", (int) to, NULL);
  if (self->load_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->load_error));
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  return self;
}

AdwEntryRow *
mc_cchc_entry_dialog_get_row (McCchcEntryDialog *self, const char *key)
{
  g_return_val_if_fail (MC_IS_CCHC_ENTRY_DIALOG (self), NULL);

  return g_hash_table_lookup (self->rows, key);
}

/* The figures changed since the dialog opened, saved by core in one
 * transaction: a refused one changes nothing. */
static gboolean
save_rows (McCchcEntryDialog *self, GError **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key, row;
  int failed = -1;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      const char *stored = g_hash_table_lookup (self->stored, key);

      if (g_strcmp0 (text, stored ? stored : "") == 0)
        {
          g_free (text);
          continue;
        }
      g_ptr_array_add (keys, key);
      g_ptr_array_add (values, text);
    }
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);
  if (mc_report_cchc_set_entries (self->db, self->unit_id, self->from, self->to,
                                  (const char *const *) keys->pdata, (const char *const *) values->pdata,
                                  &failed, error))
    return TRUE;
  if (failed >= 0)
    /* Translators: "1.1.1: The figure cannot be negative" */
    g_prefix_error (error, _("%s: "), (const char *) keys->pdata[failed]);
  return FALSE;
}

gboolean
mc_cchc_entry_dialog_save (McCchcEntryDialog *self, GError **error)
{
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (MC_IS_CCHC_ENTRY_DIALOG (self), FALSE);

  if (!save_rows (self, &local))
    {
      gtk_label_set_text (self->error, local->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
