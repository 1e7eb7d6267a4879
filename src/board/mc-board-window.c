/* mc-board-window.c — the liveboard's full-screen window, and `motcua liveboard`
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board runs for months on a lobby TV, often on a second monitor or on a
 * small PC of its own reading the center's database: a separate process with
 * its own connection, so even the clerk's own application is "another
 * process" whose commits it sees.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "mc-board-command.h"
#include "mc-speech.h"
#include "mc-board-view.h"
#include "mc-board-window.h"

struct _McBoardWindow
{
  GtkWindow      parent_instance;

  McBoardSource *source;
  GSettings     *settings;
  McBoardView   *view;
  int            monitor;  /* -1: the setting */
  McBoardAnnouncer *announcer;
  /* The command line's word over the settings: -1 / NULL keep them. */
  gboolean       mute;
  int            volume;
  char          *quiet;
  char          *clips;
  McSpokenStyle  style;    /* --le, --bon: added to the settings' */
};

G_DEFINE_FINAL_TYPE (McBoardWindow, mc_board_window, GTK_TYPE_WINDOW)

static GdkMonitor *
pick_monitor (McBoardWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  guint n = g_list_model_get_n_items (monitors);
  int wanted = self->monitor >= 0 ? self->monitor
             : self->settings ? g_settings_get_int (self->settings, "liveboard-monitor") : 0;
  GdkMonitor *monitor;

  if (n == 0)
    return NULL;
  monitor = g_list_model_get_item (monitors, MIN ((guint) MAX (wanted, 0), n - 1));
  g_object_unref (monitor);  /* the list keeps it */
  return monitor;
}

static void
go_fullscreen (McBoardWindow *self)
{
  GdkMonitor *monitor = pick_monitor (self);
  GdkRectangle area;

  /* A kiosk PC often runs without a window manager, which ignores the
   * full-screen request: the monitor's size then fills it all the same. */
  if (monitor)
    {
      gdk_monitor_get_geometry (monitor, &area);
      gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), monitor);
    }
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
}

/* No cursor over the board in full screen; a window to manage otherwise. */
static void
fullscreened_cb (McBoardWindow *self)
{
  gboolean full = gtk_window_is_fullscreen (GTK_WINDOW (self));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), full ? "none" : NULL);
  gtk_window_set_decorated (GTK_WINDOW (self), !full);
}

static void
toggle_fullscreen_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    go_fullscreen (MC_BOARD_WINDOW (widget));
}

static void
leave_fullscreen_activated (GtkWidget *widget, const char *action, GVariant *parameter)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

static void
page_seconds_changed_cb (McBoardWindow *self)
{
  mc_board_view_set_page_seconds (self->view, g_settings_get_int (self->settings, "liveboard-page-seconds"));
}

static void
monitor_changed_cb (McBoardWindow *self)
{
  if (self->monitor < 0 && gtk_window_is_fullscreen (GTK_WINDOW (self)))
    go_fullscreen (self);
}

/* The settings, or the command line's overrides, to the announcer. A quiet
 * period the settings hold in a wrong form is logged and not applied. */
static void
speech_settings_changed_cb (McBoardWindow *self)
{
  g_autofree char *quiet = self->quiet ? g_strdup (self->quiet)
                         : self->settings ? g_settings_get_string (self->settings, "liveboard-quiet-period") : NULL;
  g_autofree char *clips = self->clips ? g_strdup (self->clips)
                         : self->settings ? g_settings_get_string (self->settings, "liveboard-clips") : NULL;
  gboolean speak = !self->mute && (self->settings == NULL || g_settings_get_boolean (self->settings, "liveboard-speak"));
  int volume = self->volume >= 0 ? self->volume
             : self->settings ? g_settings_get_int (self->settings, "liveboard-volume") : 80;
  McSpokenStyle style = self->style;
  g_autoptr(GError) error = NULL;
  int from, to;

  if (!mc_speech_quiet_parse (quiet, &from, &to, &error))
    g_message ("liveboard: %s", error->message);
  mc_board_announcer_set_enabled (self->announcer, speak);
  mc_board_announcer_set_volume (self->announcer, volume);
  mc_board_announcer_set_quiet (self->announcer, from, to);
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "liveboard-say-le"))
    style |= MC_SPOKEN_LE;
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "liveboard-say-bon"))
    style |= MC_SPOKEN_BON;
  mc_board_announcer_set_voice (self->announcer, clips, style);
}

/* Each model the source brings: its new calls are said. */
static void
source_changed_cb (McBoardWindow *self)
{
  McBoardModel *model = mc_board_source_get_model (self->source);

  if (model != NULL && !mc_board_source_is_offline (self->source))
    mc_board_announcer_follow (self->announcer, model);
}

static void
mc_board_window_dispose (GObject *object)
{
  McBoardWindow *self = MC_BOARD_WINDOW (object);

  if (self->settings)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  if (self->source)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->source);
  g_clear_object (&self->announcer);
  g_clear_pointer (&self->quiet, g_free);
  g_clear_pointer (&self->clips, g_free);
  G_OBJECT_CLASS (mc_board_window_parent_class)->dispose (object);
}

static void
mc_board_window_class_init (McBoardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_board_window_dispose;
  gtk_widget_class_install_action (widget_class, "board.toggle-fullscreen", NULL, toggle_fullscreen_activated);
  gtk_widget_class_install_action (widget_class, "board.leave-fullscreen", NULL, leave_fullscreen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "board.toggle-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board.leave-fullscreen", NULL);
}

static void
mc_board_window_init (McBoardWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Display board"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 720);
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (fullscreened_cb), NULL);
  self->announcer = mc_board_announcer_new ();
  self->volume = -1;
}

GtkWidget *
mc_board_window_new (McBoardSource *source, GSettings *settings, int monitor)
{
  McBoardWindow *self = g_object_new (MC_TYPE_BOARD_WINDOW, NULL);

  g_return_val_if_fail (MC_IS_BOARD_SOURCE (source), NULL);

  self->source = g_object_ref (source);
  self->settings = settings ? g_object_ref (settings) : NULL;
  self->monitor = monitor;
  self->view = MC_BOARD_VIEW (mc_board_view_new (source));
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->view));
  if (settings)
    {
      g_signal_connect_swapped (settings, "changed::liveboard-page-seconds",
                                G_CALLBACK (page_seconds_changed_cb), self);
      g_signal_connect_swapped (settings, "changed::liveboard-monitor", G_CALLBACK (monitor_changed_cb), self);
      page_seconds_changed_cb (self);
      for (guint k = 0; k < 6; k++)
        {
          static const char *const keys[] = { "changed::liveboard-speak", "changed::liveboard-volume",
                                              "changed::liveboard-quiet-period", "changed::liveboard-clips",
                                              "changed::liveboard-say-le", "changed::liveboard-say-bon" };
          g_signal_connect_swapped (settings, keys[k], G_CALLBACK (speech_settings_changed_cb), self);
        }
    }
  speech_settings_changed_cb (self);
  g_signal_connect_swapped (source, "changed", G_CALLBACK (source_changed_cb), self);
  go_fullscreen (self);
  fullscreened_cb (self);
  return GTK_WIDGET (self);
}

void
mc_board_window_override_speech (McBoardWindow *self, gboolean mute, int volume, const char *quiet,
                                 const char *clips, McSpokenStyle style)
{
  g_return_if_fail (MC_IS_BOARD_WINDOW (self));

  self->mute = mute;
  self->style = style;
  self->volume = volume;
  g_free (self->quiet);
  self->quiet = g_strdup (quiet);
  g_free (self->clips);
  self->clips = g_strdup (clips);
  speech_settings_changed_cb (self);
}

McBoardAnnouncer *
mc_board_window_get_announcer (McBoardWindow *self)
{
  g_return_val_if_fail (MC_IS_BOARD_WINDOW (self), NULL);
  return self->announcer;
}

/* The command */

typedef struct {
  const char *db_path;
  int         monitor;
  gboolean    mute;
  int         volume;
  const char *quiet;
  const char *clips;
  McSpokenStyle style;
} Options;

static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

static void
activate_cb (GtkApplication *app, Options *options)
{
  g_autoptr(GSettings) settings = load_settings ();
  g_autofree char *setting = settings ? g_settings_get_string (settings, "database-path") : NULL;
  g_autofree char *fallback = mc_db_default_path ();
  const char *path = options->db_path ? options->db_path : setting && *setting ? setting : fallback;
  g_autoptr(McBoardSource) source = mc_board_source_new (path);
  GtkWidget *window = mc_board_window_new (source, settings, options->monitor);

  mc_board_window_override_speech (MC_BOARD_WINDOW (window), options->mute, options->volume, options->quiet,
                                   options->clips, options->style);
  gtk_window_set_application (GTK_WINDOW (window), app);
  mc_board_source_start (source);
  gtk_window_present (GTK_WINDOW (window));
}

int
mc_board_window_main (int argc, char **argv)
{
  Options options = { NULL, -1, FALSE, -1, NULL, NULL, MC_SPOKEN_DEFAULT };
  int i = mc_board_command_index (argc, argv, &options.db_path);
  g_autoptr(GtkApplication) app = NULL;

  for (int k = i + 1; k < argc; k++)
    {
      char *end = NULL;
      g_autoptr(GError) error = NULL;
      int from, to;

      if (g_str_equal (argv[k], "--mute") || g_str_equal (argv[k], "--le") || g_str_equal (argv[k], "--bon"))
        {
          options.mute |= g_str_equal (argv[k], "--mute");
          options.style |= g_str_equal (argv[k], "--le") ? MC_SPOKEN_LE
                         : g_str_equal (argv[k], "--bon") ? MC_SPOKEN_BON : 0;
          continue;
        }
      if (g_str_equal (argv[k], "--monitor") && k + 1 < argc)
        {
          options.monitor = (int) strtol (argv[++k], &end, 10);
          if (*end == '\0' && options.monitor >= 0)
            continue;
        }
      else if (g_str_equal (argv[k], "--volume") && k + 1 < argc)
        {
          options.volume = (int) strtol (argv[++k], &end, 10);
          if (*end == '\0' && options.volume >= 0 && options.volume <= 100)
            continue;
        }
      else if (g_str_equal (argv[k], "--quiet") && k + 1 < argc)
        {
          options.quiet = argv[++k];
          if (mc_speech_quiet_parse (options.quiet, &from, &to, &error))
            continue;
          g_printerr (_("Error: %s\n"), error->message);
        }
      else if (g_str_equal (argv[k], "--clips") && k + 1 < argc)
        {
          options.clips = argv[++k];
          if (g_file_test (options.clips, G_FILE_TEST_IS_DIR))
            continue;
          g_printerr (_("Error: %s is not a folder\n"), options.clips);
        }
      g_printerr ("%s\n", _("Usage: motcua [--db PATH] liveboard [--monitor N] [--volume 0-100] "
                            "[--quiet HH:MM-HH:MM|none] [--clips FOLDER] [--le] [--bon] [--mute]\n"
                            "       motcua [--db PATH] liveboard --render FILE.png --size WxH "
                            "[--at \"YYYY-MM-DD HH:MM\"] [--page N] [--elapsed SECONDS]"));
      return 2;
    }
  app = gtk_application_new (APP_ID ".Liveboard", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &options);
  return g_application_run (G_APPLICATION (app), 1, argv);
}
