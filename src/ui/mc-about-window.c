/* mc-about-window.c — Giới thiệu Motcua: the about window, in our own words
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 has no Vietnamese for its AdwAboutWindow ("Details",
 * "Credits", "Legal", "Code by"…), so the centers saw an English window in a
 * Vietnamese application. This one says the same things from our catalog:
 * the name, version and purpose, the website, who made and translated it,
 * and the licence.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-about-window.h"

#define WEBSITE "https://github.com/motcua/motcua"
#define LICENSE_URL "https://www.gnu.org/licenses/gpl-3.0.html"

struct _McAboutWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (McAboutWindow, mc_about_window, ADW_TYPE_WINDOW)

static void
open_uri_cb (AdwActionRow *row, const char *uri)
{
  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (row))), uri, GDK_CURRENT_TIME);
}

static GtkWidget *
info_row (const char *title, const char *subtitle, const char *uri)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  gtk_widget_add_css_class (row, "property");
  if (uri != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect (row, "activated", G_CALLBACK (open_uri_cb), (gpointer) uri);
    }
  return row;
}

static GtkWidget *
centered_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
details_group (void)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *translators = _("translator-credits");

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Website"), WEBSITE, WEBSITE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Developed by"), _("Motcua developers"), NULL));
  /* The msgid itself means nobody filled it in. */
  if (!g_str_equal (translators, "translator-credits"))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (_("Translated by"), translators, NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             info_row (_("License"), _("GNU General Public License, version 3 or later"),
                                       LICENSE_URL));
  return group;
}

static GtkWidget *
content (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (APP_ID);
  /* Translators: %s is the version, 0.1.0 */
  g_autofree char *version = g_strdup_printf (_("Version %s"), PACKAGE_VERSION);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 96);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), centered_label ("Motcua", "title-1"));
  gtk_box_append (GTK_BOX (box), centered_label (version, "dim-label"));
  gtk_box_append (GTK_BOX (box), centered_label (_("One-stop shop for public administration dossiers"), NULL));
  gtk_box_append (GTK_BOX (box), details_group ());
  gtk_box_append (GTK_BOX (box), centered_label (_("This program comes with absolutely no warranty."),
                                                 "dim-label"));
  return box;
}

static void
mc_about_window_class_init (McAboutWindowClass *klass)
{
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_about_window_init (McAboutWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("About Motcua"));
  gtk_window_set_default_size (GTK_WINDOW (self), 440, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_widget_add_css_class (header, "flat");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), content ());
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
}

McAboutWindow *
mc_about_window_new (GtkWindow *parent)
{
  return g_object_new (MC_TYPE_ABOUT_WINDOW, "transient-for", parent, NULL);
}
