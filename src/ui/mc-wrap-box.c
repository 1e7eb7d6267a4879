/* mc-wrap-box.c — a row of buttons that wraps onto more lines when narrow
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages' toolbars were horizontal GtkBoxes: their minimum width is the
 * sum of their buttons', which kept the main window 1.300 px wide (issue 16
 * item 1). Here the children keep their order and natural width, and go on
 * to the next line when the line is full; on each line the children that
 * expand share what is left (so an expanding spacer still pushes the
 * following ones to the end, as in a GtkBox). libadwaita 1.2 has no
 * AdwWrapBox (1.7), and GtkFlowBox makes every child a selectable row.
 * Children are added in .ui files as to any widget (GtkWidget's buildable
 * parents them).
 */
#include "config.h"

#include "mc-wrap-box.h"

struct _McWrapBox
{
  GtkWidget parent_instance;

  int       spacing;      /* between children of a line and between lines */
  int       max_natural;  /* the natural width asked for at most */
};

G_DEFINE_FINAL_TYPE (McWrapBox, mc_wrap_box, GTK_TYPE_WIDGET)

/* Like a wrapping label's max-width-chars ("max-natural-width", this by
 * default): naturally, a box asks for its children on one line up to this
 * width only, so that a long row of filters wraps rather than asking for a
 * window wider than half a 1920 screen (the window's natural width,
 * tests/test-ui-layout.c); given more room, it still lays them out on one
 * line. */
#define NATURAL_WIDTH_MAX 720

enum { PROP_0, PROP_SPACING, PROP_MAX_NATURAL_WIDTH, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The width `child` gets in a box `width` wide: its natural, never less
 * than its minimum nor more than the box. */
static int
child_width (GtkWidget *child, int width)
{
  int min = 0, nat = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return MAX (min, MIN (nat, width));
}

/* The first child of the line starting at `first` that does not fit on
 * it (NULL: the rest fit); `used` the width the line's children take. */
static GtkWidget *
end_of_line (McWrapBox *self, GtkWidget *first, int width, int *used)
{
  GtkWidget *child = first;

  *used = 0;
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int w;

      if (!gtk_widget_should_layout (child))
        continue;
      w = child_width (child, width);
      if (*used > 0 && *used + self->spacing + w > width)
        break;
      *used += (*used > 0 ? self->spacing : 0) + w;
    }
  return child;
}

static void
line_height (GtkWidget *first, GtkWidget *end, int width, int *min, int *nat)
{
  *min = *nat = 0;
  for (GtkWidget *c = first; c != end; c = gtk_widget_get_next_sibling (c))
    {
      int cmin = 0, cnat = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, child_width (c, width), &cmin, &cnat, NULL, NULL);
      *min = MAX (*min, cmin);
      *nat = MAX (*nat, cnat);
    }
}

static void
measure_width (McWrapBox *self, int *minimum, int *natural)
{
  int n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c; c = gtk_widget_get_next_sibling (c))
    {
      int cmin = 0, cnat = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &cmin, &cnat, NULL, NULL);
      *minimum = MAX (*minimum, cmin);
      *natural += (n++ > 0 ? self->spacing : 0) + cnat;
    }
  *natural = MAX (*minimum, MIN (*natural, self->max_natural));
}

static void
mc_wrap_box_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum, int *natural,
                     int *minimum_baseline, int *natural_baseline)
{
  McWrapBox *self = MC_WRAP_BOX (widget);
  GtkWidget *first = gtk_widget_get_first_child (widget);
  int width, lines = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_width (self, minimum, natural);
      return;
    }
  /* Height for a width: the lines that width makes (one line when not told). */
  width = for_size >= 0 ? for_size : G_MAXINT / 2;
  *minimum = *natural = 0;
  while (first != NULL)
    {
      int used, lmin, lnat;
      GtkWidget *end = end_of_line (self, first, width, &used);

      line_height (first, end, width, &lmin, &lnat);
      if (used > 0 || lmin > 0)
        {
          *minimum += (lines > 0 ? self->spacing : 0) + lmin;
          *natural += (lines > 0 ? self->spacing : 0) + lnat;
          lines++;
        }
      first = end;
    }
}

/* One line at `y`: natural widths, the space left shared by the children that expand. */
static void
allocate_line (McWrapBox *self, GtkWidget *first, GtkWidget *end, int width, int used, int y, int height)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  int n_expand = 0, extra = MAX (0, width - used), x = 0;

  for (GtkWidget *c = first; c != end; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_should_layout (c) && gtk_widget_compute_expand (c, GTK_ORIENTATION_HORIZONTAL))
      n_expand++;
  for (GtkWidget *c = first; c != end; c = gtk_widget_get_next_sibling (c))
    {
      int w;

      if (!gtk_widget_should_layout (c))
        continue;
      w = child_width (c, width);
      if (n_expand > 0 && gtk_widget_compute_expand (c, GTK_ORIENTATION_HORIZONTAL))
        {
          int share = extra / n_expand;

          w += share;
          extra -= share;
          n_expand--;
        }
      gtk_widget_size_allocate (c, &(GtkAllocation) { rtl ? width - x - w : x, y, w, height }, -1);
      x += w + self->spacing;
    }
}

static void
mc_wrap_box_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  McWrapBox *self = MC_WRAP_BOX (widget);
  GtkWidget *first = gtk_widget_get_first_child (widget);
  int y = 0;

  while (first != NULL)
    {
      int used, lmin, lnat;
      GtkWidget *end = end_of_line (self, first, width, &used);

      line_height (first, end, width, &lmin, &lnat);
      allocate_line (self, first, end, width, used, y, lnat);
      if (used > 0 || lnat > 0)
        y += lnat + self->spacing;
      first = end;
    }
}

static GtkSizeRequestMode
mc_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
mc_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (mc_wrap_box_parent_class)->dispose (object);
}

static void
mc_wrap_box_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McWrapBox *self = MC_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    case PROP_MAX_NATURAL_WIDTH:
      g_value_set_int (value, self->max_natural);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_wrap_box_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McWrapBox *self = MC_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_MAX_NATURAL_WIDTH:
      if (self->max_natural != g_value_get_int (value))
        {
          self->max_natural = g_value_get_int (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_wrap_box_class_init (McWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_wrap_box_dispose;
  object_class->get_property = mc_wrap_box_get_property;
  object_class->set_property = mc_wrap_box_set_property;
  widget_class->measure = mc_wrap_box_measure;
  widget_class->size_allocate = mc_wrap_box_size_allocate;
  widget_class->get_request_mode = mc_wrap_box_get_request_mode;
  properties[PROP_SPACING] = g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 6,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_NATURAL_WIDTH] =
    g_param_spec_int ("max-natural-width", NULL, NULL, 0, G_MAXINT, NATURAL_WIDTH_MAX,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
mc_wrap_box_init (McWrapBox *self)
{
  self->spacing = 6;
  self->max_natural = NATURAL_WIDTH_MAX;
}

GtkWidget *
mc_wrap_box_new (int spacing)
{
  return g_object_new (MC_TYPE_WRAP_BOX, "spacing", spacing, NULL);
}

void
mc_wrap_box_append (McWrapBox *self, GtkWidget *child)
{
  g_return_if_fail (MC_IS_WRAP_BOX (self));

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

void
mc_wrap_box_remove_all (McWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (MC_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}
