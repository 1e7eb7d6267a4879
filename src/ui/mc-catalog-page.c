/* mc-catalog-page.c — Danh mục thủ tục: browse, search and edit procedures
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalog is a few hundred rows: it is held in memory and filtered with
 * the same folding as every search (mc_text_fold), so "dang ky ket hon" finds
 * "Đăng ký kết hôn".
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-catalog-page.h"
#include "mc-column-fit.h"
#include "mc-wrap-box.h"
#include "mc-empty-state.h"
#include "mc-format.h"
#include "mc-list-slice.h"
#include "mc-page-changes.h"
#include "mc-procedure-editor.h"
#include "mc-session.h"
#include "mc-text-column.h"
#include "mc-text.h"

struct _McCatalogPage
{
  AdwBin              parent_instance;

  McApplication      *app;
  GtkSearchEntry     *search;
  GtkDropDown        *field_filter;
  McColumnFit        *fit;
  GtkColumnView      *view;
  GtkLabel           *count;
  GListModel         *procedures;  /* core's McObjectList of McProcedure: follows McChanges */
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *folded_query;
  char               *field;        /* NULL: every field */
};

G_DEFINE_FINAL_TYPE (McCatalogPage, mc_catalog_page, ADW_TYPE_BIN)

static gboolean
matches (gpointer item, gpointer user_data)
{
  McCatalogPage *self = user_data;
  McProcedure *p = item;

  if (self->field && g_strcmp0 (mc_procedure_get_field_name (p), self->field) != 0)
    return FALSE;
  return mc_text_matches_folded (mc_procedure_get_search_key (p), self->folded_query);
}

static void
update_count (McCatalogPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *number = mc_format_count (n);
  /* Translators: %s is a number such as 1.157 */
  g_autofree char *text = g_strdup_printf (ngettext ("%s procedure", "%s procedures", n), number);

  gtk_label_set_text (self->count, text);
}

static void
refilter (McCatalogPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->field_filter);
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->field_filter);

  g_free (self->folded_query);
  self->folded_query = mc_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search)));
  g_clear_pointer (&self->field, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && item != NULL)
    self->field = g_strdup (gtk_string_object_get_string (item));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_count (self);
}

static void
open_editor (McCatalogPage *self, McProcedure *procedure)
{
  GtkWindow *editor = GTK_WINDOW (mc_procedure_editor_new (self->app, procedure));

  gtk_window_set_transient_for (editor, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (editor);
}

static void
row_activated_cb (McCatalogPage *self, guint position)
{
  GtkSelectionModel *model = gtk_column_view_get_model (self->view);
  g_autoptr(McProcedure) p = g_list_model_get_item (G_LIST_MODEL (model), position);

  if (p != NULL)
    open_editor (self, p);
}

static void
new_procedure_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_editor (MC_CATALOG_PAGE (widget), NULL);
}

static void
focus_search_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (MC_CATALOG_PAGE (widget)->search));
}

static void
fill_fields (McCatalogPage *self)
{
  g_autoptr(GPtrArray) fields = mc_catalog_list_fields (mc_application_get_catalog (self->app), NULL);
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autofree char *chosen = g_strdup (self->field);
  guint position = 0;

  gtk_string_list_append (names, _("All fields"));
  for (guint i = 0; i < fields->len; i++)
    {
      const char *name = ((McField *) fields->pdata[i])->name;

      gtk_string_list_append (names, name);
      if (g_strcmp0 (name, chosen) == 0)
        position = i + 1;
    }
  /* A field added by an import is offered; the one chosen stays chosen. */
  gtk_drop_down_set_model (self->field_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->field_filter, position);
  g_object_unref (names);
}

static void
add_column (McCatalogPage *self, const char *title, const char *property, const char *sort_by, gboolean wrap,
            int width)
{
  mc_text_column_add_property (self->view, title, MC_TYPE_PROCEDURE, property, wrap, width,
                               mc_text_column_sorter (MC_TYPE_PROCEDURE, sort_by ? sort_by : property));
}

static void
mc_catalog_page_dispose (GObject *object)
{
  McCatalogPage *self = MC_CATALOG_PAGE (object);

  g_clear_object (&self->procedures);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->folded_query, g_free);
  g_clear_pointer (&self->field, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_CATALOG_PAGE);
  G_OBJECT_CLASS (mc_catalog_page_parent_class)->dispose (object);
}

static void
mc_catalog_page_class_init (McCatalogPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = mc_catalog_page_dispose;
  g_type_ensure (MC_TYPE_WRAP_BOX);
  g_type_ensure (MC_TYPE_COLUMN_FIT);
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-catalog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, McCatalogPage, search);
  gtk_widget_class_bind_template_child (widget_class, McCatalogPage, field_filter);
  gtk_widget_class_bind_template_child (widget_class, McCatalogPage, fit);
  gtk_widget_class_bind_template_child (widget_class, McCatalogPage, view);
  gtk_widget_class_bind_template_child (widget_class, McCatalogPage, count);
  gtk_widget_class_bind_template_callback (widget_class, refilter);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_install_action (widget_class, "catalog.new", NULL, new_procedure_cb);
  gtk_widget_class_install_action (widget_class, "catalog.search", NULL, focus_search_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "catalog.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "catalog.search", NULL);
}

static void
mc_catalog_page_init (McCatalogPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->folded_query = g_strdup ("");
}

McCatalogPage *
mc_catalog_page_new (McApplication *app)
{
  McCatalogPage *self = g_object_new (MC_TYPE_CATALOG_PAGE, NULL);
  g_autoptr(GError) error = NULL;
  GtkSortListModel *sorted;
  GtkSliceListModel *slice;

  self->app = app;
  /* A new procedure is the administrator's to add (core's rule). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalog.new", mc_session_may (app, MC_PERMISSION_ADMINISTER));
  self->procedures = mc_catalog_list_model (mc_application_get_catalog (app), &error);
  if (self->procedures == NULL)
    {
      g_warning ("%s", error->message);
      self->procedures = G_LIST_MODEL (g_list_store_new (MC_TYPE_PROCEDURE));
    }
  self->filter = gtk_custom_filter_new (matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->procedures)), GTK_FILTER (self->filter));
  /* A procedure added or edited (here, at another desk, by an import) shows
   * from the model's items-changed; the filter is told nothing, so the count
   * follows the filtered model. */
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  add_column (self, _("Code"), "code", NULL, FALSE, 100);
  add_column (self, _("Procedure"), "name", NULL, TRUE, -1);
  add_column (self, _("Field"), "field-name", NULL, FALSE, 200);
  add_column (self, _("Legal time"), "duration-label", "days", FALSE, 150);
  /* The competence since 1/7/2025; the former level is in the editor. */
  add_column (self, _("Competence"), "competence-label", NULL, FALSE, 100);
  add_column (self, _("Mechanism"), "mechanism-label", NULL, FALSE, 160);
  /* Narrow, left out in this order (the procedure's window has them):
   * mechanism, competence, field. */
  mc_column_fit_add_optional_at (self->fit, (const guint[]) { 5, 4, 2 }, 3);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                    g_object_ref (gtk_column_view_get_sorter (self->view)));
  /* The view binds the first rows, more as it scrolls (mc-list-slice.c): a
   * procedure's row is three wrapped lines, 134 of them cost 100 ms. */
  slice = mc_list_slice_new (G_LIST_MODEL (sorted));
  g_object_unref (sorted);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (slice))));
  mc_list_slice_follow (slice, self->view);
  mc_empty_state_attach (GTK_WIDGET (self->fit),
                         G_LIST_MODEL (self->filtered), "edit-find-symbolic", _("No procedure found"),
                         _("Check the spelling, type a few words of the name or the procedure’s code, or choose "
                           "“All fields”."));
  fill_fields (self);
  update_count (self);
  mc_page_follow_changes (GTK_WIDGET (self), mc_application_get_db (app), MC_CHANGE_MASK (MC_CHANGE_PROCEDURE), FALSE,
                          (McPageReload) fill_fields);
  return self;
}

void
mc_catalog_page_set_search (McCatalogPage *self, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), text);
  refilter (self);
}

guint
mc_catalog_page_get_n_shown (McCatalogPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

McProcedure *
mc_catalog_page_get_shown (McCatalogPage *self, guint position)
{
  return g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
}
