/* mc-counter-display.c — the small screen above a counter (issue 18 item 4)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Full screen, facing the citizen: the counter's number and name, the
 * ticket number called or being served (large), its service and the clerk
 * who called it (a staff member's name, not a citizen's data); idle with
 * nothing called. Once the ticket is done — finished with nobody called
 * next, or the clerk's "Mời đánh giá" (mc_queue_invite_rating) — it asks
 * the citizen's satisfaction in five touch buttons (mc-queue-rating.c cites
 * the wording), records the one answer through core and thanks; unanswered
 * the question goes after MC_QUEUE_RATING_SECONDS. What to show is core's
 * (mc_queue_display_mode); the window reads it again on every committed
 * queue change, this process's or another's (McChanges fed by the
 * McDbWatch of the command), so a call made at the counter's main window or
 * by `motcua queue call` shows at once. Sizes follow the window's (800×480
 * and 1024×600 panels up to 1080p screens): the fonts are set from its
 * height whenever it is resized.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "mc-counter-display.h"
#include "mc-db-watch.h"

#define THANKS_SECONDS 5

struct _McCounterDisplay
{
  GtkWindow       parent_instance;

  McDb           *db;
  McQueue        *queue;
  int             counter;
  McQueueDisplayMode mode;
  McQueueTicket  *ticket;
  gint64          thanks_until;  /* monotonic µs; 0: not thanking */
  gulong          changed_id;
  guint           tick_id;
  GtkCssProvider *css;
  int             font_unit;
  GPtrArray      *scaled;  /* labels whose "units" data is their font size in units */

  GtkLabel       *counter_label;
  GtkLabel       *counter_name;
  GtkLabel       *clock;
  GtkStack       *stack;
  GtkLabel       *number;
  GtkLabel       *service;
  GtkLabel       *clerk;
  GtkLabel       *rating_ticket;
  GtkLabel       *message;
  GtkWidget      *level_buttons[MC_QUEUE_RATING_LEVELS];
};

G_DEFINE_FINAL_TYPE (McCounterDisplay, mc_counter_display, GTK_TYPE_WINDOW)

/* GNOME palette, from very satisfied (green) to very dissatisfied (red). */
static const double level_colors[MC_QUEUE_RATING_LEVELS][3] = {
  { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 },  /* 1 red 3 */
  { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0 },  /* 2 orange 3 */
  { 0xf6 / 255.0, 0xd3 / 255.0, 0x2d / 255.0 },  /* 3 yellow 3 */
  { 0x8f / 255.0, 0xd1 / 255.0, 0x4f / 255.0 },  /* 4 between green 3 and yellow */
  { 0x2e / 255.0, 0xc2 / 255.0, 0x7e / 255.0 },  /* 5 green 4 */
};

/* The sizes are Pango attributes, not CSS: a style provider changed while
 * a stack page is hidden was not applied to it once shown (GTK 4.8). */
static void
scale_label (McCounterDisplay *self, GtkWidget *label, int units)
{
  g_object_set_data (G_OBJECT (label), "units", GINT_TO_POINTER (units));
  g_ptr_array_add (self->scaled, label);
}

static GtkLabel *
add_label (McCounterDisplay *self, GtkBox *box, const char *css_class, int units)
{
  GtkWidget *label = gtk_label_new (NULL);

  scale_label (self, label, units);

  gtk_widget_add_css_class (label, css_class);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

/* ---- the faces on the buttons ------------------------------------------ */

/* A face in the level's colour whose mouth goes from a frown (1) to a
 * smile (5): understood without reading. */
static void
draw_face (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  int level = GPOINTER_TO_INT (data);
  const double *c = level_colors[level - 1];
  double r = MIN (width, height) / 2.0 - 2, cx = width / 2.0, cy = height / 2.0;
  double curve = (level - 3) / 2.0;  /* -1 frown … 1 smile */

  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, c[0], c[1], c[2]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (cr, MAX (2, r / 14));
  cairo_stroke (cr);
  cairo_arc (cr, cx - r * 0.35, cy - r * 0.25, r * 0.1, 0, 2 * G_PI);
  cairo_arc (cr, cx + r * 0.35, cy - r * 0.25, r * 0.1, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_line_width (cr, MAX (2, r / 10));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx - r * 0.45, cy + r * 0.35 - curve * r * 0.12);
  cairo_curve_to (cr, cx - r * 0.2, cy + r * 0.35 + curve * r * 0.3, cx + r * 0.2, cy + r * 0.35 + curve * r * 0.3,
                  cx + r * 0.45, cy + r * 0.35 - curve * r * 0.12);
  cairo_stroke (cr);
}

/* ---- sizes ---------------------------------------------------------------- */

/* Font sizes in hundredths of the smaller of the height and 9/16 of the
 * width: 800×480 gets 4,8 px a unit, 1920×1080 10,8. */
static void
set_font_unit (McCounterDisplay *self, int width, int height)
{
  int unit = MAX (2, MIN (height, width * 9 / 16) / 100);

  if (unit == self->font_unit)
    return;
  self->font_unit = unit;
  for (guint i = 0; i < self->scaled->len; i++)
    {
      GtkLabel *label = self->scaled->pdata[i];
      int units = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "units"));
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (units * unit * PANGO_SCALE));
      gtk_label_set_attributes (label, attrs);
      pango_attr_list_unref (attrs);
    }
  for (int i = 0; i < MC_QUEUE_RATING_LEVELS; i++)
    {
      GtkWidget *face = g_object_get_data (G_OBJECT (self->level_buttons[i]), "face");

      gtk_widget_set_size_request (face, 18 * unit, 18 * unit);
    }
}

/* A drawing area filling the window tells its size (GTK 4.8 has no
 * size-changed signal on a window). */
static void
resize_cb (GtkDrawingArea *area, int width, int height, McCounterDisplay *self)
{
  set_font_unit (self, width, height);
}

/* ---- what is shown ------------------------------------------------------ */

static void
update_clock (McCounterDisplay *self)
{
  /* Vietnam time whatever the PC's time zone, as the board's clock
   * (a display left on UTC showed 23:42 beside the board's 06:41). */
  int minute = mc_time_get_minute (mc_time_now ());
  g_autofree char *text = g_strdup_printf ("%02d:%02d", minute / 60, minute % 60);

  gtk_label_set_text (self->clock, text);
}

static void
show_ticket (McCounterDisplay *self)
{
  const char *staff = self->ticket ? mc_queue_ticket_get_staff_name (self->ticket) : "";
  g_autofree char *clerk = staff && *staff ? g_strdup_printf (_("Officer: %s"), staff) : g_strdup ("");
  g_autofree char *rating = NULL;

  if (self->ticket == NULL)
    return;
  gtk_label_set_text (self->number, mc_queue_ticket_get_label (self->ticket));
  gtk_label_set_text (self->service, mc_queue_ticket_get_service_name (self->ticket));
  gtk_label_set_text (self->clerk, clerk);
  /* Translators: on the rating screen: the ticket, its service */
  rating = g_strdup_printf (_("Ticket %s — %s"), mc_queue_ticket_get_label (self->ticket),
                            mc_queue_ticket_get_service_name (self->ticket));
  gtk_label_set_text (self->rating_ticket, rating);
}

void
mc_counter_display_reload (McCounterDisplay *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQueueCounter) counter = NULL;
  static const char *const pages[] = { "idle", "serving", "rating" };

  g_return_if_fail (MC_IS_COUNTER_DISPLAY (self));
  counter = mc_queue_find_counter (self->queue, self->counter, &error);
  gtk_label_set_text (self->counter_name, counter ? counter->name : "");
  g_clear_object (&self->ticket);
  if (error == NULL)
    self->mode = mc_queue_display_mode (self->queue, self->counter, mc_time_now (), &self->ticket, &error);
  else
    self->mode = MC_QUEUE_DISPLAY_IDLE;  /* no such counter (yet): said below, and shown once it is added */
  gtk_label_set_text (self->message, error ? error->message : "");
  if (self->thanks_until != 0 && g_get_monotonic_time () < self->thanks_until &&
      self->mode != MC_QUEUE_DISPLAY_SERVING)
    {
      gtk_stack_set_visible_child_name (self->stack, "thanks");
      return;
    }
  self->thanks_until = 0;
  show_ticket (self);
  gtk_stack_set_visible_child_name (self->stack, pages[self->mode]);
}

static void
changed_cb (McChanges *changes, McChangeKind kind, gint64 id, McCounterDisplay *self)
{
  if (mc_change_kind_matches (kind, MC_CHANGE_QUEUE))
    mc_counter_display_reload (self);
}

/* Every second: the clock, and the rating or the thanks timing out. */
static gboolean
tick_cb (gpointer data)
{
  McCounterDisplay *self = data;

  update_clock (self);
  if ((self->mode == MC_QUEUE_DISPLAY_RATING && self->ticket &&
       mc_time_now () - mc_queue_ticket_get_done_at (self->ticket) >= MC_QUEUE_RATING_SECONDS) ||
      (self->thanks_until != 0 && g_get_monotonic_time () >= self->thanks_until))
    mc_counter_display_reload (self);
  return G_SOURCE_CONTINUE;
}

static void
rate_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  McCounterDisplay *self = MC_COUNTER_DISPLAY (widget);
  g_autoptr(GError) error = NULL;
  int level = g_variant_get_int32 (parameter);

  if (self->mode != MC_QUEUE_DISPLAY_RATING || self->ticket == NULL)
    return;
  if (mc_queue_rate (self->queue, mc_queue_ticket_get_id (self->ticket), level, mc_time_now (), &error))
    self->thanks_until = g_get_monotonic_time () + THANKS_SECONDS * G_USEC_PER_SEC;
  mc_counter_display_reload (self);
  if (error != NULL)
    gtk_label_set_text (self->message, error->message);
}

/* ---- building ----------------------------------------------------------- */

static GtkWidget *
build_header (McCounterDisplay *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *name_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "cd-header");
  self->counter_label = add_label (self, GTK_BOX (box), "cd-counter", 8);
  gtk_box_append (GTK_BOX (box), name_box);
  gtk_widget_set_hexpand (name_box, TRUE);
  gtk_widget_set_valign (name_box, GTK_ALIGN_CENTER);
  self->counter_name = add_label (self, GTK_BOX (name_box), "cd-counter-name", 5);
  gtk_label_set_xalign (self->counter_name, 0);
  gtk_label_set_ellipsize (self->counter_name, PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (self->counter_name, FALSE);
  self->clock = add_label (self, GTK_BOX (box), "cd-clock", 5);
  return box;
}

static GtkWidget *
page_box (GtkStack *stack, const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (box, 16);
  gtk_widget_set_margin_end (box, 16);
  gtk_stack_add_named (stack, box, name);
  return box;
}

static GtkWidget *
level_button (McCounterDisplay *self, int level)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *face = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (mc_queue_rating_level_label (level));

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (face), draw_face, GINT_TO_POINTER (level), NULL);
  gtk_widget_set_halign (face, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  scale_label (self, label, 4);
  gtk_box_append (GTK_BOX (box), face);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "cd-level");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "display.rate");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", level);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  mc_queue_rating_level_label (level), -1);
  g_object_set_data (G_OBJECT (button), "face", face);
  return button;
}

static void
build_pages (McCounterDisplay *self)
{
  GtkWidget *idle = page_box (self->stack, "idle");
  GtkWidget *serving = page_box (self->stack, "serving");
  GtkWidget *rating = page_box (self->stack, "rating");
  GtkWidget *thanks = page_box (self->stack, "thanks");
  GtkWidget *levels = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_label_set_text (add_label (self, GTK_BOX (idle), "cd-idle", 9), _("Please take a number and wait to be called"));
  gtk_label_set_text (add_label (self, GTK_BOX (serving), "cd-caption", 5), _("Now serving number"));
  self->number = add_label (self, GTK_BOX (serving), "cd-number", 34);
  gtk_label_set_wrap (self->number, FALSE);
  self->service = add_label (self, GTK_BOX (serving), "cd-service", 7);
  self->clerk = add_label (self, GTK_BOX (serving), "cd-clerk", 5);
  gtk_label_set_text (add_label (self, GTK_BOX (rating), "cd-question", 7),
                      _("How satisfied are you with the service?"));
  self->rating_ticket = add_label (self, GTK_BOX (rating), "cd-rating-ticket", 5);
  gtk_widget_set_margin_top (levels, 12);
  /* Very satisfied first, as the survey forms list them. */
  for (int level = MC_QUEUE_RATING_LEVELS; level >= 1; level--)
    {
      self->level_buttons[level - 1] = level_button (self, level);
      gtk_box_append (GTK_BOX (levels), self->level_buttons[level - 1]);
    }
  gtk_box_set_homogeneous (GTK_BOX (levels), TRUE);
  gtk_box_append (GTK_BOX (rating), levels);
  gtk_label_set_text (add_label (self, GTK_BOX (thanks), "cd-thanks", 10), _("Thank you!"));
  gtk_label_set_text (add_label (self, GTK_BOX (thanks), "cd-rating-ticket", 5), _("Your opinion has been recorded"));
}

static void
mc_counter_display_init (McCounterDisplay *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *sensor = gtk_drawing_area_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (GTK_WIDGET (self), "counter-display");
  gtk_window_set_title (GTK_WINDOW (self), _("Counter display"));
  gtk_window_set_default_size (GTK_WINDOW (self), 800, 480);
  self->scaled = g_ptr_array_new ();
  self->css = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (self->css,
    "window.counter-display { background: #0b3a78; color: #ffffff; }"
    ".cd-header { background: #072a57; padding: 4px 12px; }"
    ".cd-counter { font-weight: 800; color: #f6d32d; }"
    ".cd-caption { opacity: 0.85; }"
    ".cd-number { font-weight: 900; color: #f6d32d; font-feature-settings: \"tnum\"; }"
    ".cd-service, .cd-idle, .cd-question, .cd-thanks { font-weight: 800; }"
    ".cd-level { background: #ffffff; color: #1c1c1c; border-radius: 12px; padding: 8px; }"
    ".cd-level label { font-weight: 700; }"
    ".cd-message { color: #ffbe6f; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  gtk_window_set_child (GTK_WINDOW (self), overlay);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), sensor);
  g_signal_connect (sensor, "resize", G_CALLBACK (resize_cb), self);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), column);
  gtk_box_append (GTK_BOX (column), build_header (self));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->stack));
  build_pages (self);
  self->message = add_label (self, GTK_BOX (column), "cd-message", 4);
  set_font_unit (self, 800, 480);
  update_clock (self);
}

static void
mc_counter_display_dispose (GObject *object)
{
  McCounterDisplay *self = MC_COUNTER_DISPLAY (object);

  if (self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, mc_db_get_changes (self->db));
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->css != NULL)
    gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (self->css));
  g_clear_object (&self->css);
  g_clear_pointer (&self->scaled, g_ptr_array_unref);
  g_clear_object (&self->ticket);
  g_clear_object (&self->queue);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (mc_counter_display_parent_class)->dispose (object);
}

static void
mc_counter_display_class_init (McCounterDisplayClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_counter_display_dispose;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "display.rate", "i", rate_activated);
}

McCounterDisplay *
mc_counter_display_new (McDb *db, int counter)
{
  McCounterDisplay *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (MC_IS_DB (db), NULL);
  self = g_object_new (MC_TYPE_COUNTER_DISPLAY, NULL);
  self->db = g_object_ref (db);
  self->queue = mc_queue_new (db);
  self->counter = counter;
  title = g_strdup_printf (_("Counter %d"), counter);
  gtk_label_set_text (self->counter_label, title);
  self->changed_id = g_signal_connect (mc_db_get_changes (db), "changed", G_CALLBACK (changed_cb), self);
  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  mc_counter_display_reload (self);
  return self;
}

McQueueDisplayMode
mc_counter_display_get_mode (McCounterDisplay *self)
{
  g_return_val_if_fail (MC_IS_COUNTER_DISPLAY (self), MC_QUEUE_DISPLAY_IDLE);
  return self->mode;
}

gboolean
mc_counter_display_is_thanking (McCounterDisplay *self)
{
  g_return_val_if_fail (MC_IS_COUNTER_DISPLAY (self), FALSE);
  return self->thanks_until != 0;
}

const char *
mc_counter_display_get_number (McCounterDisplay *self)
{
  g_return_val_if_fail (MC_IS_COUNTER_DISPLAY (self), "");
  return self->mode == MC_QUEUE_DISPLAY_SERVING ? gtk_label_get_text (self->number) : "";
}

GtkWidget *
mc_counter_display_get_level_button (McCounterDisplay *self, int level)
{
  g_return_val_if_fail (MC_IS_COUNTER_DISPLAY (self) && level >= 1 && level <= MC_QUEUE_RATING_LEVELS, NULL);
  return self->level_buttons[level - 1];
}

/* ---- the command ---------------------------------------------------------- */

typedef struct {
  const char *db_path;
  int         counter;
  int         monitor;
  gboolean    windowed;
  McDb       *db;
  McDbWatch  *watch;
} Options;

/* The index of "counter-display" after the leading --db options, or -1. */
static int
command_index (int argc, char **argv, const char **db_path)
{
  int i = 1;

  while (i < argc && g_str_has_prefix (argv[i], "--db"))
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        *db_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--db="))
        *db_path = argv[i] + 5;
      else
        break;
      i++;
    }
  return i < argc && g_str_equal (argv[i], "counter-display") ? i : -1;
}

gboolean
mc_counter_display_wanted (int argc, char **argv)
{
  const char *db_path = NULL;

  return command_index (argc, argv, &db_path) >= 0;
}

static gboolean
parse_number (const char *text, int min, int max, int *out)
{
  char *end = NULL;
  long v = text ? strtol (text, &end, 10) : -1;

  if (text == NULL || *end != '\0' || v < min || v > max)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
parse_options (int argc, char **argv, Options *o)
{
  int i = command_index (argc, argv, &o->db_path);

  for (int k = i + 1; k < argc; k++)
    {
      if (g_str_equal (argv[k], "--counter") && k + 1 < argc && parse_number (argv[k + 1], 1, 999, &o->counter))
        k++;
      else if (g_str_equal (argv[k], "--monitor") && k + 1 < argc && parse_number (argv[k + 1], 0, 99, &o->monitor))
        k++;
      else if (g_str_equal (argv[k], "--windowed"))
        o->windowed = TRUE;
      else
        return FALSE;
    }
  return o->counter > 0;
}

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

/* A counter's panel often runs without a window manager, which ignores the
 * full-screen request: the monitor's size fills it all the same. */
static void
go_fullscreen (GtkWindow *window, int index)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, MIN ((guint) index,
                                                                        g_list_model_get_n_items (monitors) - 1));
  GdkRectangle area;

  if (monitor == NULL)
    {
      gtk_window_fullscreen (window);
      return;
    }
  gdk_monitor_get_geometry (monitor, &area);
  gtk_window_set_default_size (window, area.width, area.height);
  gtk_window_fullscreen_on_monitor (window, monitor);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (window), "none");
  gtk_window_set_decorated (window, FALSE);
}

static void
activate_cb (GtkApplication *app, Options *o)
{
  g_autoptr(GSettings) settings = load_settings ();
  g_autofree char *setting = settings ? g_settings_get_string (settings, "database-path") : NULL;
  g_autofree char *fallback = mc_db_default_path ();
  const char *path = o->db_path ? o->db_path : setting && *setting ? setting : fallback;
  g_autoptr(GError) error = NULL;
  McCounterDisplay *window;

  if (o->db == NULL && (o->db = mc_db_new (path, NULL, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_application_quit (G_APPLICATION (app));
      return;
    }
  o->watch = mc_db_watch_new (path, o->db, mc_db_get_changes (o->db));
  window = mc_counter_display_new (o->db, o->counter);
  gtk_window_set_application (GTK_WINDOW (window), app);
  if (!o->windowed)
    go_fullscreen (GTK_WINDOW (window), o->monitor);
  gtk_window_present (GTK_WINDOW (window));
}

int
mc_counter_display_main (int argc, char **argv)
{
  Options o = { 0 };
  g_autoptr(GtkApplication) app = NULL;
  int status;

  if (!parse_options (argc, argv, &o))
    {
      g_printerr ("%s\n", _("Usage: motcua [--db PATH] counter-display --counter N [--monitor M] [--windowed]"));
      return 2;
    }
  app = gtk_application_new (APP_ID ".CounterDisplay", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &o);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_clear_object (&o.watch);
  g_clear_object (&o.db);
  return status;
}
