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
  AdwWindow   parent_instance;

  McDb       *db;
  gint64      unit_id;
  McDate      from, to;
  GHashTable *rows;     /* key → AdwEntryRow (owned by the page) */
  GHashTable *stored;   /* key → value as stored */
  GtkLabel   *error;
};

G_DEFINE_FINAL_TYPE (McCchcEntryDialog, mc_cchc_entry_dialog, ADW_TYPE_WINDOW)

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

static GtkWidget *
build_page (McCchcEntryDialog *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
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
          adw_preferences_page_add (page, group);
        }
      else if (lines[i].kind == MC_CCHC_LINE_ENTRY && group != NULL)
        add_row (self, group, &lines[i]);
    }
  return GTK_WIDGET (page);
}

static GtkWidget *
build_header (McCchcEntryDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  return header;
}

static void
mc_cchc_entry_dialog_dispose (GObject *object)
{
  McCchcEntryDialog *self = MC_CCHC_ENTRY_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->stored, g_hash_table_unref);
  G_OBJECT_CLASS (mc_cchc_entry_dialog_parent_class)->dispose (object);
}

static void
mc_cchc_entry_dialog_class_init (McCchcEntryDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_cchc_entry_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
}

static void
mc_cchc_entry_dialog_init (McCchcEntryDialog *self)
{
  self->rows = g_hash_table_new (g_str_hash, g_str_equal);
}

McCchcEntryDialog *
mc_cchc_entry_dialog_new (GtkWindow *parent, McDb *db, gint64 unit_id, McDate from, McDate to, GError **error)
{
  g_autoptr(GHashTable) stored = mc_report_cchc_entries (db, unit_id, from, to, error);
  McCchcEntryDialog *self;
  g_autofree char *from_text = NULL, *to_text = NULL, *subtitle = NULL;
  GtkWidget *box, *scroller, *title;

  if (stored == NULL)
    return NULL;
  self = g_object_new (MC_TYPE_CCHC_ENTRY_DIALOG, "modal", TRUE, "transient-for", parent,
                       "default-width", 760, "default-height", 640, NULL);
  self->db = g_object_ref (db);
  self->unit_id = unit_id;
  self->from = from;
  self->to = to;
  self->stored = g_steal_pointer (&stored);
  from_text = mc_date_to_iso (from);
  to_text = mc_date_to_iso (to);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), build_header (self));
  /* Translators: the window's subtitle, the period "2022-12-15 – 2023-06-14" */
  subtitle = g_strdup_printf (_("Figures entered for %s – %s"), from_text, to_text);
  title = adw_window_title_new (_("CCHC statistics (Phụ lục 01b)"), subtitle);
  gtk_window_set_title (GTK_WINDOW (self), _("CCHC statistics (Phụ lục 01b)"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (gtk_widget_get_first_child (box)), title);
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error), 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), build_page (self));
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
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
