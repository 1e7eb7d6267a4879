/* mc-kiosk-window.c — the ticket kiosk's full-screen window (`motcua kiosk`)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A touch screen in the lobby, nobody signed in (issue 18 item 2): the
 * citizen touches a service (after a priority, if one applies), the number
 * appears large while the ticket prints; or scans the QR of their receipt
 * (Mẫu 01) and sees the dossier, masked. The connection is in kiosk mode
 * (mc_db_set_kiosk), so core refuses it anything else. Another process's
 * tickets and calls reach the waiting counts through McDbWatch.
 *
 * The scanner is a keyboard wedge: it types the code and Enter. A key
 * controller on the window (capture phase) gathers those keys whatever is
 * focused — nothing on a touch screen keeps the focus where a hidden entry
 * would need it — as the main window does for the counter's scanner.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mc-db-watch.h"
#include "mc-dossier.h"
#include "mc-format.h"
#include "mc-kiosk-print.h"
#include "mc-kiosk-window.h"
#include "mc-settings.h"
#include "mc-ticket.h"
#include "mc-unit.h"

/* How long the number stays on screen before home comes back (the ticket
 * is printed meanwhile), and how long a look-up page waits untouched: long
 * enough to read a dossier's five lines, short enough that the next person
 * does not find someone else's dossier. */
#define TICKET_SECONDS 10
#define LOOKUP_SECONDS 45
#define CLOCK_SECONDS  15
#define MAX_TYPED      64

struct _McKioskWindow
{
  GtkWindow        parent_instance;

  McDb            *db;
  McQueue         *queue;
  GSettings       *settings;
  McDbWatch       *watch;
  McKioskTicket   *ticket;         /* the last one taken */
  GString         *typed;          /* the code typed or scanned */
  McQueuePriority  priority;       /* chosen for the next ticket */
  GtkWidget       *priority_buttons[MC_QUEUE_N_PRIORITIES];
  guint            home_source;
  guint            clock_source;
  char            *print_export;
  char            *services_key;   /* the buttons' services (services_key) */

  GtkStack        *stack;
  GtkLabel        *office_label;
  GtkLabel        *unit_label;
  GtkLabel        *clock_label;
  GtkLabel        *home_message;
  GtkFlowBox      *services;
  GtkWidget       *priority_box;
  GtkFlowBox      *priorities;
  GtkLabel        *number_label;
  GtkLabel        *service_label;
  GtkLabel        *ahead_label;
  GtkLabel        *wait_label;
  GtkLabel        *print_label;
  GtkLabel        *code_label;
  GtkLabel        *message_label;
  GtkGrid         *keypad;
  GtkGrid         *result_grid;
  GtkLabel        *offline_label;
};

G_DEFINE_FINAL_TYPE (McKioskWindow, mc_kiosk_window, GTK_TYPE_WINDOW)

/* ---- pages and their timeouts ----------------------------------------- */

static void show_page (McKioskWindow *self, const char *name);

static gboolean
home_timeout_cb (gpointer data)
{
  McKioskWindow *self = data;

  self->home_source = 0;
  show_page (self, "home");
  return G_SOURCE_REMOVE;
}

/* Every touch or key on a page other than home starts its time again. */
static void
arm_home_timeout (McKioskWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  g_clear_handle_id (&self->home_source, g_source_remove);
  if (g_strcmp0 (page, "ticket") == 0)
    self->home_source = g_timeout_add_seconds (TICKET_SECONDS, home_timeout_cb, self);
  else if (g_strcmp0 (page, "lookup") == 0 || g_strcmp0 (page, "result") == 0)
    self->home_source = g_timeout_add_seconds (LOOKUP_SECONDS, home_timeout_cb, self);
}

static void
show_typed (McKioskWindow *self)
{
  gtk_label_set_text (self->code_label, self->typed->str);
}

static void
show_page (McKioskWindow *self, const char *name)
{
  if (g_str_equal (name, "home"))
    {
      /* Nothing of the last person stays: their code, their dossier. */
      g_string_truncate (self->typed, 0);
      show_typed (self);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->home_message), FALSE);
    }
  gtk_stack_set_visible_child_name (self->stack, name);
  arm_home_timeout (self);
}

static void
show_offline (McKioskWindow *self, const GError *error)
{
  g_autofree char *text = g_strdup_printf (_("The kiosk is not giving numbers at the moment (%s). "
                                             "Please ask at the counter."), error->message);

  gtk_label_set_text (self->offline_label, text);
  show_page (self, "offline");
}

/* ---- the home page ----------------------------------------------------- */

static void
update_clock (McKioskWindow *self)
{
  McTime now = mc_time_now ();
  g_autofree char *iso = mc_time_to_iso (now);
  g_autofree char *date = mc_format_date_full (mc_time_get_date (now));
  g_autofree char *text = g_strdup_printf ("%.5s · %s", iso + 11, date);

  gtk_label_set_text (self->clock_label, text);
}

static void
service_clicked_cb (GtkButton *button, McKioskWindow *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "service-id");

  mc_kiosk_window_take (self, *id);
}

static GtkWidget *
service_button (McKioskWindow *self, const McQueueService *s, int waiting)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *name = gtk_label_new (s->name);
  g_autofree char *count = mc_format_count (waiting);
  /* Translators: under a service's button at the kiosk: how many people wait for it today. */
  g_autofree char *text = g_strdup_printf (_("Waiting: %s"), count);
  GtkWidget *detail = gtk_label_new (text);
  gint64 *id = g_new (gint64, 1);

  *id = s->id;
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (name, "kiosk-service-name");
  gtk_widget_add_css_class (detail, "kiosk-service-waiting");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "kiosk-service");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_name (button, s->name);
  g_object_set_data_full (G_OBJECT (button), "service-id", id, g_free);
  g_object_set_data (G_OBJECT (button), "waiting-label", detail);
  g_signal_connect (button, "clicked", G_CALLBACK (service_clicked_cb), self);
  return button;
}

/* The ids and names of the services as shown, to tell whether the buttons
 * must be made again or only their counts changed. */
static char *
services_key (GPtrArray *list)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (key, "%" G_GINT64_FORMAT "\t%s\n", ((McQueueService *) list->pdata[i])->id,
                            ((McQueueService *) list->pdata[i])->name);
  return g_string_free (key, FALSE);
}

static void
set_waiting (GtkWidget *button, int waiting)
{
  g_autofree char *count = mc_format_count (waiting);
  g_autofree char *text = g_strdup_printf (_("Waiting: %s"), count);

  gtk_label_set_text (g_object_get_data (G_OBJECT (button), "waiting-label"), text);
}

/* The active services as buttons with today's waiting counts; FALSE (and
 * the offline page) when the database does not answer. The buttons are
 * made again only when the services changed: a count that moves while a
 * finger is on a button does not take the button away from under it. */
static gboolean
load_services (McKioskWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mc_queue_list_services (self->queue, TRUE, &error);
  McDate today = mc_time_get_date (mc_time_now ());
  g_autofree char *key = NULL;
  GtkWidget *child;

  if (list == NULL)
    return (show_offline (self, error), FALSE);
  key = services_key (list);
  if (g_strcmp0 (key, self->services_key) != 0)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->services))) != NULL)
        gtk_flow_box_remove (self->services, child);
      for (guint i = 0; i < list->len; i++)
        gtk_flow_box_append (self->services, service_button (self, list->pdata[i], 0));
      g_free (self->services_key);
      self->services_key = g_steal_pointer (&key);
    }
  for (guint i = 0; i < list->len; i++)
    {
      McQueueService *s = list->pdata[i];
      int waiting = mc_kiosk_count_waiting (self->queue, s->id, today, &error);
      GtkFlowBoxChild *box_child = gtk_flow_box_get_child_at_index (self->services, (int) i);

      if (waiting < 0)
        return (show_offline (self, error), FALSE);
      set_waiting (gtk_flow_box_child_get_child (box_child), waiting);
    }
  return TRUE;
}

static void
load_header (McKioskWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *office = mc_db_get_setting (self->db, "unit.office_name", "Trung tâm Phục vụ hành chính công", NULL);
  g_autofree char *rule = mc_settings_get (self->db, MC_QUEUE_PRIORITY_RULE_KEY, NULL);
  g_autoptr(McUnit) own = mc_unit_get_own (self->db, &error);

  gtk_label_set_text (self->office_label, office ? office : "");
  gtk_label_set_text (self->unit_label, own && mc_unit_get_name (own) ? mc_unit_get_name (own) : "");
  /* Priority tickets are offered only when the rule calls them first or
   * in turn; with "none" a priority would change nothing (mc-queue.h). */
  gtk_widget_set_visible (self->priority_box, g_strcmp0 (rule, MC_QUEUE_RULE_NONE) != 0);
}

static void
reload (McKioskWindow *self)
{
  load_header (self);
  if (load_services (self) && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "offline") == 0)
    show_page (self, "home");
}

static void
changes_cb (McChanges *changes, McChangeKind kind, gint64 id, McKioskWindow *self)
{
  if (mc_change_kind_matches (kind, MC_CHANGE_QUEUE) || mc_change_kind_matches (kind, MC_CHANGE_SETTING))
    reload (self);
}

static gboolean
clock_cb (gpointer data)
{
  McKioskWindow *self = data;

  update_clock (self);
  /* The day turns at midnight and numbers start again: the counts too. */
  reload (self);
  return G_SOURCE_CONTINUE;
}

static void
priority_toggled_cb (GtkToggleButton *button, McKioskWindow *self)
{
  McQueuePriority chosen = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "priority"));

  if (!gtk_toggle_button_get_active (button))
    {
      if (self->priority == chosen)
        self->priority = MC_QUEUE_PRIORITY_NONE;
      return;
    }
  self->priority = chosen;
  /* One priority a ticket: touching another takes back the first. */
  for (int p = 1; p < MC_QUEUE_N_PRIORITIES; p++)
    if (p != (int) chosen)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->priority_buttons[p]), FALSE);
}

static void
build_priorities (McKioskWindow *self)
{
  for (int p = 1; p < MC_QUEUE_N_PRIORITIES; p++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (mc_queue_priority_label (p));

      gtk_widget_add_css_class (button, "kiosk-priority");
      gtk_widget_set_name (button, mc_queue_priority_to_string (p));
      g_object_set_data (G_OBJECT (button), "priority", GINT_TO_POINTER (p));
      g_signal_connect (button, "toggled", G_CALLBACK (priority_toggled_cb), self);
      self->priority_buttons[p] = button;
      gtk_flow_box_append (self->priorities, button);
    }
}

static void
clear_priority (McKioskWindow *self)
{
  for (int p = 1; p < MC_QUEUE_N_PRIORITIES; p++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->priority_buttons[p]), FALSE);
  self->priority = MC_QUEUE_PRIORITY_NONE;
}

/* ---- the ticket -------------------------------------------------------- */

/* The printer, or the PDF folder while no printer is set up, or the
 * tests' export; the words under the number say which went wrong. */
static gboolean
print_ticket (McKioskWindow *self, GError **error)
{
  g_autofree char *folder = self->settings ? g_settings_get_string (self->settings, "kiosk-pdf-folder") : NULL;
  g_autofree char *printer = self->settings ? g_settings_get_string (self->settings, "kiosk-printer") : NULL;

  if (self->print_export != NULL)
    return mc_kiosk_print_ticket (GTK_WINDOW (self), self->ticket, NULL, self->print_export, error);
  if (folder != NULL && *folder != '\0')
    {
      g_autofree char *day = mc_date_to_iso (mc_time_get_date (self->ticket->taken_at));
      g_autofree char *name = g_strdup_printf ("ticket-%s-%s.pdf", day, self->ticket->label);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      return mc_ticket_write_pdf (self->ticket, path, MC_OUTPUT_FILE_NONE, error);
    }
  return mc_kiosk_print_ticket (GTK_WINDOW (self), self->ticket, printer, NULL, error);
}

static gboolean
print_idle_cb (gpointer data)
{
  McKioskWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (print_ticket (self, &error))
    gtk_label_set_text (self->print_label, _("Please take your ticket from the printer below"));
  else
    {
      g_autofree char *text = g_strdup_printf (_("The ticket could not be printed (%s): please remember your "
                                                 "number, it is in the queue"), error->message);

      gtk_label_set_text (self->print_label, text);
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
show_ticket (McKioskWindow *self)
{
  McKioskTicket *t = self->ticket;
  g_autofree char *ahead = mc_format_count (t->ahead);
  g_autofree char *ahead_text = g_strdup_printf (_("People waiting ahead of you: %s"), ahead);
  g_autofree char *wait = mc_kiosk_format_wait (t->wait_seconds);
  g_autofree char *wait_text = g_strdup_printf (_("Estimated wait: %s"), wait);
  g_autofree char *service = t->priority == MC_QUEUE_PRIORITY_NONE
                               ? g_strdup (t->service)
                               : g_strdup_printf ("%s — %s", t->service, mc_queue_priority_label (t->priority));

  gtk_label_set_text (self->number_label, t->label);
  gtk_label_set_text (self->service_label, service);
  gtk_label_set_text (self->ahead_label, ahead_text);
  gtk_label_set_text (self->wait_label, wait_text);
  gtk_label_set_text (self->print_label, _("Printing your ticket…"));
  show_page (self, "ticket");
}

gboolean
mc_kiosk_window_take (McKioskWindow *self, gint64 service_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueTicket) t = NULL;
  McKioskTicket *k = NULL;

  g_return_val_if_fail (MC_IS_KIOSK_WINDOW (self), FALSE);
  if ((t = mc_queue_take (self->queue, service_id, self->priority, mc_time_now (), &error)) == NULL ||
      (k = mc_kiosk_ticket_new (self->queue, t, &error)) == NULL)
    {
      gtk_label_set_text (self->home_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->home_message), TRUE);
      return FALSE;
    }
  g_clear_pointer (&self->ticket, mc_kiosk_ticket_free);
  self->ticket = k;
  clear_priority (self);
  show_ticket (self);
  /* The number is on screen before the printer is spoken to. */
  if (self->print_export != NULL)
    print_idle_cb (g_object_ref (self));
  else
    g_idle_add (print_idle_cb, g_object_ref (self));
  return TRUE;
}

/* ---- the look-up ------------------------------------------------------- */

static void
add_result_row (McKioskWindow *self, int row, const char *field, const char *value)
{
  GtkWidget *name = gtk_label_new (field);
  GtkWidget *text = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 36);
  gtk_widget_add_css_class (name, "kiosk-field");
  gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_add_css_class (text, "kiosk-value");
  gtk_grid_attach (self->result_grid, name, 0, row, 1, 1);
  gtk_grid_attach (self->result_grid, text, 1, row, 1, 1);
}

static void
show_result (McKioskWindow *self, const McKioskDossier *d)
{
  g_autofree char *received = mc_format_time (d->received_at);
  g_autofree char *appointment = mc_format_time (d->appointment);
  g_autofree char *returned = d->returned_at ? mc_format_time (d->returned_at) : NULL;
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_grid))) != NULL)
    gtk_grid_remove (self->result_grid, child);
  add_result_row (self, row++, _("Dossier code"), d->code);
  add_result_row (self, row++, _("Applicant"), d->applicant);
  add_result_row (self, row++, _("Procedure"), d->procedure);
  add_result_row (self, row++, _("State"), mc_dossier_state_to_label (d->state));
  add_result_row (self, row++, _("Received on"), received);
  add_result_row (self, row++, _("Appointment"), appointment);
  if (d->timeliness != MC_KIOSK_SETTLED)
    add_result_row (self, row++, _("Timeliness"), mc_kiosk_timeliness_label (d->timeliness));
  if (returned)
    add_result_row (self, row++, _("Result collected"), returned);
  show_page (self, "result");
}

static void
look_up (McKioskWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKioskDossier) d = NULL;

  if (self->typed->len == 0)
    return;
  d = mc_kiosk_lookup (self->db, self->typed->str, mc_time_now (), &error);
  if (d != NULL)
    {
      g_string_truncate (self->typed, 0);
      show_typed (self);
      show_result (self, d);
      return;
    }
  /* The code stays on screen beside the reason, to be corrected. */
  gtk_label_set_text (self->message_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
  show_typed (self);
  show_page (self, "lookup");
}

static void
type_char (McKioskWindow *self, char c)
{
  if (self->typed->len < MAX_TYPED)
    g_string_append_c (self->typed, c);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  show_typed (self);
}

static void
key_clicked_cb (GtkButton *button, McKioskWindow *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "key");

  if (g_str_equal (key, "back"))
    {
      if (self->typed->len > 0)
        g_string_truncate (self->typed, self->typed->len - 1);
      show_typed (self);
    }
  else if (g_str_equal (key, "clear"))
    {
      g_string_truncate (self->typed, 0);
      show_typed (self);
    }
  else if (g_str_equal (key, "enter"))
    look_up (self);
  else
    type_char (self, key[0]);
  arm_home_timeout (self);
}

/* Digits, the code's dash and dot: a receipt's code typed as its tail
 * ("231027-0361", mc_kiosk_lookup puts the unit's code before it). */
static void
build_keypad (McKioskWindow *self)
{
  static const struct {
    const char *key, *label;
    int column, row, width;
  } keys[] = {
    { "1", "1", 0, 0, 1 }, { "2", "2", 1, 0, 1 }, { "3", "3", 2, 0, 1 }, { "back", "⌫", 3, 0, 1 },
    { "4", "4", 0, 1, 1 }, { "5", "5", 1, 1, 1 }, { "6", "6", 2, 1, 1 }, { "clear", N_("Clear"), 3, 1, 1 },
    { "7", "7", 0, 2, 1 }, { "8", "8", 1, 2, 1 }, { "9", "9", 2, 2, 1 }, { "-", "-", 3, 2, 1 },
    { ".", ".", 0, 3, 1 }, { "0", "0", 1, 3, 1 }, { "enter", N_("Look up"), 2, 3, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (g_str_equal (keys[i].key, "clear") ||
                                                     g_str_equal (keys[i].key, "enter") ? _(keys[i].label)
                                                                                        : keys[i].label);

      gtk_widget_add_css_class (button, "kiosk-key");
      if (g_str_equal (keys[i].key, "enter"))
        gtk_widget_add_css_class (button, "suggested-action");
      if (g_str_equal (keys[i].key, "back"))
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
      gtk_widget_set_name (button, keys[i].key);
      g_object_set_data (G_OBJECT (button), "key", (gpointer) keys[i].key);
      g_signal_connect (button, "clicked", G_CALLBACK (key_clicked_cb), self);
      gtk_grid_attach (self->keypad, button, keys[i].column, keys[i].row, keys[i].width, 1);
    }
}

gboolean
mc_kiosk_window_feed_key (McKioskWindow *self, guint keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  g_return_val_if_fail (MC_IS_KIOSK_WINDOW (self), FALSE);
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      look_up (self);
      return TRUE;
    }
  if (keyval == GDK_KEY_BackSpace && self->typed->len > 0)
    {
      g_string_truncate (self->typed, self->typed->len - 1);
      show_typed (self);
      return TRUE;
    }
  /* A code is printable ASCII (mc_barcode_validate); the rest is not ours. */
  if (c <= 0x20 || c > 0x7e)
    return FALSE;
  type_char (self, (char) c);
  arm_home_timeout (self);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
                McKioskWindow *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  return mc_kiosk_window_feed_key (self, keyval);
}

static void
touched_cb (GtkGestureClick *gesture, int n_press, double x, double y, McKioskWindow *self)
{
  arm_home_timeout (self);
}

/* ---- actions, the class ------------------------------------------------ */

static void
home_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  show_page (MC_KIOSK_WINDOW (widget), "home");
}

static void
lookup_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  McKioskWindow *self = MC_KIOSK_WINDOW (widget);

  g_string_truncate (self->typed, 0);
  show_typed (self);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  show_page (self, "lookup");
}

static void
mc_kiosk_window_dispose (GObject *object)
{
  McKioskWindow *self = MC_KIOSK_WINDOW (object);

  g_clear_handle_id (&self->home_source, g_source_remove);
  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_object (&self->watch);
  g_clear_object (&self->queue);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->ticket, mc_kiosk_ticket_free);
  /* No gtk_widget_dispose_template: the stack is the window's child, which
   * GtkWindow's dispose unparents (twice would be once too many). */
  G_OBJECT_CLASS (mc_kiosk_window_parent_class)->dispose (object);
}

static void
mc_kiosk_window_finalize (GObject *object)
{
  McKioskWindow *self = MC_KIOSK_WINDOW (object);

  g_string_free (self->typed, TRUE);
  g_free (self->print_export);
  g_free (self->services_key);
  G_OBJECT_CLASS (mc_kiosk_window_parent_class)->finalize (object);
}

static void
mc_kiosk_window_class_init (McKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_kiosk_window_dispose;
  object_class->finalize = mc_kiosk_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/vn/motcua/Motcua/ui/mc-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, office_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, home_message);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, services);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, priority_box);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, priorities);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, number_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, service_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, ahead_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, wait_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, print_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, code_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, keypad);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, result_grid);
  gtk_widget_class_bind_template_child (widget_class, McKioskWindow, offline_label);
  gtk_widget_class_install_action (widget_class, "kiosk.home", NULL, home_activated);
  gtk_widget_class_install_action (widget_class, "kiosk.lookup", NULL, lookup_activated);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/vn/motcua/Motcua/mc-kiosk.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
mc_kiosk_window_init (McKioskWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *touch = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();
  self->typed = g_string_new (NULL);
  build_priorities (self);
  build_keypad (self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (touch), GTK_PHASE_CAPTURE);
  g_signal_connect (touch, "pressed", G_CALLBACK (touched_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (touch));
  gtk_window_set_default_size (GTK_WINDOW (self), 1366, 768);
}

static void
go_fullscreen (McKioskWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n = g_list_model_get_n_items (monitors);
  int wanted = self->settings ? g_settings_get_int (self->settings, "kiosk-monitor") : 0;
  g_autoptr(GdkMonitor) monitor = n ? g_list_model_get_item (monitors, MIN ((guint) MAX (wanted, 0), n - 1)) : NULL;
  GdkRectangle area;

  /* A kiosk PC often runs without a window manager, which ignores the
   * full-screen request: the monitor's size fills it all the same. */
  if (monitor)
    {
      gdk_monitor_get_geometry (monitor, &area);
      gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
      /* A portrait screen (1080 × 1920, the usual floor-standing kiosk)
       * has room for taller buttons and a larger number (mc-kiosk.css). */
      if (area.height > area.width)
        gtk_widget_add_css_class (GTK_WIDGET (self), "portrait");
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
}

GtkWidget *
mc_kiosk_window_new (McDb *db, GSettings *settings)
{
  McKioskWindow *self;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  self = g_object_new (MC_TYPE_KIOSK_WINDOW, NULL);
  mc_db_set_kiosk (db);
  self->db = g_object_ref (db);
  self->queue = mc_queue_new (db);
  self->settings = settings ? g_object_ref (settings) : NULL;
  g_signal_connect_object (mc_db_get_changes (db), "changed", G_CALLBACK (changes_cb), self, 0);
  /* Tickets taken and called by other processes: the file watched, or on
   * a server LISTEN/NOTIFY, which only a watch sets up (without it a call
   * at a counter never reached the kiosk's waiting counts). */
  if (mc_db_is_server (db) || g_file_test (mc_db_get_path (db), G_FILE_TEST_IS_REGULAR))
    self->watch = mc_db_watch_new (mc_db_get_path (db), db, mc_db_get_changes (db));
  update_clock (self);
  self->clock_source = g_timeout_add_seconds (CLOCK_SECONDS, clock_cb, self);
  reload (self);
  go_fullscreen (self);
  return GTK_WIDGET (self);
}

const char *
mc_kiosk_window_get_page (McKioskWindow *self)
{
  g_return_val_if_fail (MC_IS_KIOSK_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
mc_kiosk_window_set_print_export (McKioskWindow *self, const char *path)
{
  g_return_if_fail (MC_IS_KIOSK_WINDOW (self));
  g_free (self->print_export);
  self->print_export = g_strdup (path);
}

/* ---- the command ------------------------------------------------------- */

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
activate_cb (GtkApplication *app, const char *db_path)
{
  g_autoptr(GSettings) settings = load_settings ();
  g_autofree char *setting = settings ? g_settings_get_string (settings, "database-path") : NULL;
  g_autofree char *fallback = mc_db_default_path ();
  const char *path = db_path ? db_path : setting && *setting ? setting : fallback;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDb) db = mc_db_new (path, NULL, &error);
  GtkWidget *window;

  if (db == NULL)
    {
      g_printerr (_("Error: %s\n"), error->message);
      g_application_quit (G_APPLICATION (app));
      return;
    }
  window = mc_kiosk_window_new (db, settings);
  gtk_window_set_application (GTK_WINDOW (window), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
mc_kiosk_window_main (int argc, char **argv)
{
  const char *db_path = NULL;
  g_autoptr(AdwApplication) app = NULL;

  if (!mc_kiosk_window_wanted (argc, argv, &db_path))
    return 2;
  app = adw_application_new (APP_ID ".Kiosk", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), (gpointer) db_path);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
