/* mc-procedure-editor.c — view and edit a procedure, its documents and its steps
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout is a template (resources/ui/mc-procedure-editor.ui); the rows
 * for documents and steps are built in code because their number changes as
 * the user adds and removes them, and the combo rows' choices are core's
 * words. The procedure comes in as the construct-only property "procedure"
 * (NULL: a new one), the application as GtkWindow:application. Nothing is written until Save,
 * and a refused save (a GError from core) leaves the dialog open with the
 * message, so no half-edited procedure ever reaches the database.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-format.h"
#include "mc-decimal-spin.h"
#include "mc-procedure-editor.h"
#include "mc-reception.h"
#include "mc-session.h"
#include "mc-wrap-box.h"

struct _McProcedureEditor
{
  AdwWindow       parent_instance;

  McProcedure    *procedure;   /* the copy being edited */
  gboolean        is_new;
  GPtrArray      *fields;      /* McField* */
  GPtrArray      *departments; /* McDepartment* */
  AdwEntryRow    *code;
  AdwEntryRow    *name;
  AdwComboRow    *field;
  AdwComboRow    *level;
  AdwComboRow    *competence;  /* since 1/7/2025: commune (0) or province (1) */
  AdwEntryRow    *basis;
  AdwComboRow    *reception;
  McReception     declared;    /* as loaded, to write only a change */
  AdwComboRow    *mechanism;
  AdwComboRow    *online;
  GtkSpinButton  *days;
  GtkSpinButton  *fee;
  GtkListBox     *documents;
  GtkListBox     *steps;
  GtkLabel       *total;
  GtkLabel       *error;
  GtkWidget      *save;
  GtkWidget      *cancel;
};

G_DEFINE_FINAL_TYPE (McProcedureEditor, mc_procedure_editor, ADW_TYPE_WINDOW)

enum { PROP_0, PROP_APPLICATION, PROP_PROCEDURE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The editor is one of the application's windows (signing out closes it). */
static McApplication *
app_of (McProcedureEditor *self)
{
  return MC_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void update_total (McProcedureEditor *self);

static GtkWidget *
spin (double min, double max, double step, int digits, double value)
{
  GtkWidget *button = gtk_spin_button_new_with_range (min, max, step);

  if (digits > 0)
    mc_decimal_spin_attach (GTK_SPIN_BUTTON (button));
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (button), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (button), value);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkStringList *
labels_of (const char *(*label) (int), int n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return list;
}

static const char *level_label (int i) { return mc_level_to_label ((McLevel) i); }
static const char *mechanism_label (int i) { return mc_mechanism_to_label ((McMechanism) i); }
static const char *competence_label (int i) { return mc_level_to_label (i ? MC_LEVEL_TINH : MC_LEVEL_XA); }
static const char *reception_label (int i) { return mc_reception_to_label ((McReception) i); }
static const char *online_label (int i) { return mc_online_level_to_label ((McOnlineLevel) i); }
static const char *role_label (int i) { return mc_step_role_to_label ((McStepRole) i); }

/* A combo row of the template gets its choices (core's labels) and the
 * procedure's value. */
static void
set_choices (AdwComboRow *row, GtkStringList *model, guint selected)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
  g_object_unref (model);
}

static void
remove_row_cb (GtkButton *button, McProcedureEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  GtkListBox *box = GTK_LIST_BOX (gtk_widget_get_parent (row));

  gtk_list_box_remove (box, row);
  update_total (self);
}

static void
move_row_cb (GtkButton *button, McProcedureEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;

  if (index < 0 || gtk_list_box_get_row_at_index (self->steps, index) == NULL)
    return;
  g_object_ref (row);
  gtk_list_box_remove (self->steps, row);
  gtk_list_box_insert (self->steps, row, index);
  g_object_unref (row);
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, GCallback cb, McProcedureEditor *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", cb, self);
  return button;
}

static void
add_document_row (McProcedureEditor *self, const char *name, int originals, int copies)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), name ? name : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Document name"));
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Originals")));
  gtk_box_append (GTK_BOX (box), spin (0, 20, 1, 0, originals));
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Copies")));
  gtk_box_append (GTK_BOX (box), spin (0, 20, 1, 0, copies));
  gtk_box_append (GTK_BOX (box), icon_button ("user-trash-symbolic", _("Remove"), G_CALLBACK (remove_row_cb), self));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_append (self->documents, box);
}

static GtkWidget *
department_dropdown (McProcedureEditor *self, gint64 department_id)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  guint selected = 0;
  GtkWidget *dropdown;

  for (guint i = 0; i < self->departments->len; i++)
    {
      McDepartment *d = self->departments->pdata[i];
      gtk_string_list_append (names, d->name);
      if (d->id == department_id)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_widget_set_hexpand (dropdown, TRUE);
  return dropdown;
}

static void
add_step_row (McProcedureEditor *self, gint64 department_id, McStepRole role, double days)
{
  /* Wraps on a narrow screen: a department's whole name beside the role,
   * the days and the buttons made the editor 918 px wide (/ui/layout/dialogs). */
  GtkWidget *box = mc_wrap_box_new (6);
  GtkWidget *role_dd = gtk_drop_down_new (G_LIST_MODEL (labels_of (role_label, MC_N_STEP_ROLES)), NULL);
  GtkWidget *days_spin = spin (0.125, 1000, 0.125, 3, days);
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move up"), G_CALLBACK (move_row_cb), self);
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move down"), G_CALLBACK (move_row_cb), self);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (role_dd), role);
  g_object_set_data (G_OBJECT (up), "delta", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (down), "delta", GINT_TO_POINTER (1));
  g_signal_connect_swapped (days_spin, "value-changed", G_CALLBACK (update_total), self);
  mc_wrap_box_append (MC_WRAP_BOX (box), department_dropdown (self, department_id));
  mc_wrap_box_append (MC_WRAP_BOX (box), role_dd);
  mc_wrap_box_append (MC_WRAP_BOX (box), days_spin);
  mc_wrap_box_append (MC_WRAP_BOX (box), gtk_label_new (_("days")));
  mc_wrap_box_append (MC_WRAP_BOX (box), up);
  mc_wrap_box_append (MC_WRAP_BOX (box), down);
  mc_wrap_box_append (MC_WRAP_BOX (box), icon_button ("user-trash-symbolic", _("Remove"), G_CALLBACK (remove_row_cb), self));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_append (self->steps, box);
  update_total (self);
}

/* The n-th child widget of a row's box. */
static GtkWidget *
cell (GtkListBoxRow *row, int n)
{
  GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

  while (n-- > 0 && child)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static double
steps_total (McProcedureEditor *self)
{
  double total = 0;
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->steps, i)); i++)
    total += gtk_spin_button_get_value (GTK_SPIN_BUTTON (cell (row, 2)));
  return total;
}

static void
update_total (McProcedureEditor *self)
{
  double total = steps_total (self), legal = gtk_spin_button_get_value (self->days);
  g_autofree char *t = mc_format_decimal (total, 3);
  g_autofree char *l = mc_format_decimal (legal, 3);
  /* Translators: the sum of the step allotments against the legal time, both in days */
  g_autofree char *text = g_strdup_printf (_("Steps total: %s of %s working days"), t, l);

  gtk_label_set_text (self->total, text);
  if (total > legal + 1e-6)
    gtk_widget_add_css_class (GTK_WIDGET (self->total), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->total), "error");
}

static void
add_document_cb (McProcedureEditor *self)
{
  add_document_row (self, "", 1, 0);
}

static void
add_step_cb (McProcedureEditor *self)
{
  McDepartment *first = self->departments->len ? self->departments->pdata[0] : NULL;

  add_step_row (self, first ? first->id : 0, MC_ROLE_CHUYEN_VIEN, 0.5);
}

static void
fill_from (McProcedureEditor *self, McProcedure *p)
{
  GPtrArray *docs = mc_procedure_get_documents (p), *steps = mc_procedure_get_steps (p);

  gtk_editable_set_text (GTK_EDITABLE (self->code), mc_procedure_get_code (p) ? mc_procedure_get_code (p) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name), mc_procedure_get_name (p) ? mc_procedure_get_name (p) : "");
  for (guint i = 0; i < self->fields->len; i++)
    if (g_strcmp0 (((McField *) self->fields->pdata[i])->name, mc_procedure_get_field_name (p)) == 0)
      adw_combo_row_set_selected (self->field, i);
  gtk_spin_button_set_value (self->days, mc_procedure_get_days (p));
  gtk_spin_button_set_value (self->fee, (double) mc_procedure_get_fee (p));
  gtk_editable_set_text (GTK_EDITABLE (self->basis),
                         mc_procedure_get_competence_basis (p) ? mc_procedure_get_competence_basis (p) : "");
  for (guint i = 0; i < docs->len; i++)
    {
      McProcedureDocument *d = docs->pdata[i];
      add_document_row (self, d->name, d->originals, d->copies);
    }
  for (guint i = 0; i < steps->len; i++)
    {
      McProcedureStep *s = steps->pdata[i];
      add_step_row (self, s->department_id, s->role, s->days);
    }
}

McProcedure *
mc_procedure_editor_collect (McProcedureEditor *self)
{
  McProcedure *p = self->procedure;
  guint field = adw_combo_row_get_selected (self->field);
  GtkListBoxRow *row;

  mc_procedure_set_code (p, gtk_editable_get_text (GTK_EDITABLE (self->code)));
  mc_procedure_set_name (p, gtk_editable_get_text (GTK_EDITABLE (self->name)));
  mc_procedure_set_field_name (p, field < self->fields->len ? ((McField *) self->fields->pdata[field])->name : NULL);
  mc_procedure_set_level (p, (McLevel) adw_combo_row_get_selected (self->level));
  mc_procedure_set_competence (p, adw_combo_row_get_selected (self->competence) ? MC_LEVEL_TINH : MC_LEVEL_XA);
  mc_procedure_set_competence_basis (p, gtk_editable_get_text (GTK_EDITABLE (self->basis)));
  mc_procedure_set_mechanism (p, (McMechanism) adw_combo_row_get_selected (self->mechanism));
  mc_procedure_set_online_level (p, (McOnlineLevel) adw_combo_row_get_selected (self->online));
  mc_procedure_set_days (p, gtk_spin_button_get_value (self->days));
  mc_procedure_set_fee (p, (gint64) gtk_spin_button_get_value (self->fee));
  mc_procedure_clear_documents (p);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->documents, i)); i++)
    mc_procedure_add_document (p, gtk_editable_get_text (GTK_EDITABLE (cell (row, 0))),
                               gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (cell (row, 2))),
                               gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (cell (row, 4))));
  mc_procedure_clear_steps (p);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->steps, i)); i++)
    {
      guint dep = gtk_drop_down_get_selected (GTK_DROP_DOWN (cell (row, 0)));
      McDepartment *d = dep < self->departments->len ? self->departments->pdata[dep] : NULL;
      if (d != NULL)
        mc_procedure_add_step (p, d->id, d->code, d->name, (McStepRole) gtk_drop_down_get_selected (GTK_DROP_DOWN (cell (row, 1))),
                               gtk_spin_button_get_value (GTK_SPIN_BUTTON (cell (row, 2))));
    }
  return p;
}

/* The procedure, then what the unit declares for it when that changed: both
 * are the administrator's, so the second is refused only if the first was. */
gboolean
mc_procedure_editor_save (McProcedureEditor *self, GError **error)
{
  McCatalog *catalog = mc_application_get_catalog (app_of (self));
  McProcedure *p = mc_procedure_editor_collect (self);
  McReception reception = (McReception) adw_combo_row_get_selected (self->reception);

  if (!mc_catalog_save_procedure (catalog, p, error))
    return FALSE;
  if (reception != self->declared &&
      !mc_catalog_set_reception (catalog, mc_procedure_get_code (p), reception, error))
    return FALSE;
  self->declared = reception;
  return TRUE;
}

AdwComboRow *
mc_procedure_editor_get_competence_row (McProcedureEditor *self)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_EDITOR (self), NULL);
  return self->competence;
}

AdwComboRow *
mc_procedure_editor_get_reception_row (McProcedureEditor *self)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_EDITOR (self), NULL);
  return self->reception;
}

static void
save_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  McProcedureEditor *self = MC_PROCEDURE_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (!mc_procedure_editor_save (self, &error))
    {
      gtk_label_set_text (self->error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
      return;
    }
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "s", _("Procedure saved"));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
close_cb (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
fill_choices (McProcedureEditor *self)
{
  McCatalog *catalog = mc_application_get_catalog (app_of (self));
  const char *code = mc_procedure_get_code (self->procedure);
  GtkStringList *fields = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->fields->len; i++)
    gtk_string_list_append (fields, ((McField *) self->fields->pdata[i])->name);
  set_choices (self->field, fields, 0);
  set_choices (self->mechanism, labels_of (mechanism_label, 2), mc_procedure_get_mechanism (self->procedure));
  set_choices (self->online, labels_of (online_label, 3), mc_procedure_get_online_level (self->procedure));
  set_choices (self->competence, labels_of (competence_label, 2),
               mc_procedure_get_competence (self->procedure) == MC_LEVEL_TINH);
  set_choices (self->level, labels_of (level_label, 3), mc_procedure_get_level (self->procedure));
  self->declared = code != NULL && *code != '\0' ? mc_catalog_get_reception (catalog, code, NULL)
                                                 : MC_RECEPTION_DEFAULT;
  set_choices (self->reception, labels_of (reception_label, MC_N_RECEPTIONS), self->declared);
}

/* Every group below `widget` stops taking input; the page itself keeps
 * scrolling, so the procedure can still be read in full. */
static void
disable_groups (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_PREFERENCES_GROUP (child))
      gtk_widget_set_sensitive (child, FALSE);
    else
      disable_groups (child);
}

/* Only those core lets change the catalog are offered an editor; everyone
 * else at the counter may read a procedure's documents and steps. */
static void
make_read_only (McProcedureEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_widget_set_visible (self->save, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel), _("_Close"));
  gtk_label_set_text (self->error, _("Only the administrator can change a procedure."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->error), TRUE);
  disable_groups (adw_window_get_content (ADW_WINDOW (self)));
}

/* What the editor shows needs the application (the catalog, the session):
 * the choices, the procedure's values and rows, and read-only for all but
 * the administrator. */
static void
build (McProcedureEditor *self, McApplication *app)
{
  McCatalog *catalog = mc_application_get_catalog (app);
  const char *name = mc_procedure_get_name (self->procedure);

  self->fields = mc_catalog_list_fields (catalog, NULL);
  self->departments = mc_catalog_list_departments (catalog, NULL);
  gtk_window_set_title (GTK_WINDOW (self), self->is_new ? _("New procedure") : name);
  fill_choices (self);
  fill_from (self, self->procedure);
  update_total (self);
  if (!mc_session_may (app, MC_PERMISSION_ADMINISTER))
    make_read_only (self);
}

static void
mc_procedure_editor_dispose (GObject *object)
{
  McProcedureEditor *self = MC_PROCEDURE_EDITOR (object);

  g_clear_object (&self->procedure);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_PROCEDURE_EDITOR);
  G_OBJECT_CLASS (mc_procedure_editor_parent_class)->dispose (object);
}

static void
mc_procedure_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McProcedureEditor *self = MC_PROCEDURE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, gtk_window_get_application (GTK_WINDOW (self)));
      break;
    case PROP_PROCEDURE:
      g_value_set_object (value, self->procedure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GtkWindow:application is not a construct property: g_object_new sets it
 * after the construct-only "procedure", and the editor is built then. */
static void
mc_procedure_editor_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McProcedureEditor *self = MC_PROCEDURE_EDITOR (object);
  GtkApplication *app;

  switch (prop_id)
    {
    case PROP_APPLICATION:
      app = g_value_get_object (value);
      g_return_if_fail (app == NULL || MC_IS_APPLICATION (app));
      gtk_window_set_application (GTK_WINDOW (self), app);
      if (app != NULL && self->fields == NULL)
        build (self, MC_APPLICATION (app));
      break;
    case PROP_PROCEDURE:
      self->is_new = g_value_get_object (value) == NULL;
      self->procedure = self->is_new ? mc_procedure_new () : mc_procedure_copy (g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-procedure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, code);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, name);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, field);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, level);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, competence);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, basis);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, reception);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, mechanism);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, online);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, days);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, fee);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, documents);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, steps);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, total);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, error);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, save);
  gtk_widget_class_bind_template_child (widget_class, McProcedureEditor, cancel);
  gtk_widget_class_bind_template_callback (widget_class, update_total);
  gtk_widget_class_bind_template_callback (widget_class, add_document_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_step_cb);
}

static void
mc_procedure_editor_class_init (McProcedureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_procedure_editor_dispose;
  object_class->get_property = mc_procedure_editor_get_property;
  object_class->set_property = mc_procedure_editor_set_property;
  g_object_class_override_property (object_class, PROP_APPLICATION, "application");
  /* Read back, the copy being edited (mc_procedure_editor_collect fills it from the rows). */
  properties[PROP_PROCEDURE] =
    g_param_spec_object ("procedure", NULL, NULL, MC_TYPE_PROCEDURE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_PROCEDURE, properties[PROP_PROCEDURE]);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "editor.close", NULL, close_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.close", NULL);
}

static void
mc_procedure_editor_init (McProcedureEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mc_decimal_spin_attach (self->days);
}

gboolean
mc_procedure_editor_is_read_only (McProcedureEditor *self)
{
  g_return_val_if_fail (MC_IS_PROCEDURE_EDITOR (self), FALSE);
  return !gtk_widget_get_visible (self->save);
}

McProcedureEditor *
mc_procedure_editor_new (McApplication *app, McProcedure *procedure)
{
  g_return_val_if_fail (MC_IS_APPLICATION (app), NULL);

  return g_object_new (MC_TYPE_PROCEDURE_EDITOR, "procedure", procedure, "application", app, NULL);
}
