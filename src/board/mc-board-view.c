/* mc-board-view.c — the liveboard widget: mc_board_draw at the frame clock's pace
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ticker, the scrolling lists and the page turns move with the frame
 * clock's time, so a slow frame never slows them down, it only skips.
 */
#include "config.h"

#include "mc-board-draw.h"
#include "mc-board-view.h"

struct _McBoardView
{
  GtkWidget       parent_instance;

  McBoardSource  *source;
  McBoardModel   *empty_model;  /* shown until the first load */
  double          page_seconds;
  gint64          first_frame_time;
  double          elapsed;
  guint           tick_id;
  gboolean        new_data;     /* a model arrived that no frame has shown yet */
};

G_DEFINE_FINAL_TYPE (McBoardView, mc_board_view, GTK_TYPE_WIDGET)

static void
source_changed_cb (McBoardView *self)
{
  self->new_data = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  McBoardView *self = MC_BOARD_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->first_frame_time == 0)
    self->first_frame_time = now;
  self->elapsed = (now - self->first_frame_time) / (double) G_USEC_PER_SEC;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
mc_board_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  McBoardView *self = MC_BOARD_VIEW (widget);
  McBoardModel *model = self->source ? mc_board_source_get_model (self->source) : NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (model == NULL)
    model = self->empty_model;
  model->frame.clock = g_get_real_time () / G_USEC_PER_SEC;
  model->frame.elapsed = self->elapsed;
  model->frame.page = -1;
  model->frame.page_seconds = self->page_seconds;
  model->frame.offline = self->source == NULL || mc_board_source_is_offline (self->source);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mc_board_draw (cr, model, width, height);
  cairo_destroy (cr);
  if (self->new_data)
    {
      self->new_data = FALSE;
      /* What the 1-second target is measured with (docs/PERFORMANCE.md). */
      g_debug ("liveboard: new data drawn at %.3f", g_get_real_time () / (double) G_USEC_PER_SEC);
    }
}

static void
mc_board_view_map (GtkWidget *widget)
{
  McBoardView *self = MC_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (mc_board_view_parent_class)->map (widget);
  self->tick_id = gtk_widget_add_tick_callback (widget, tick_cb, NULL, NULL);
}

static void
mc_board_view_unmap (GtkWidget *widget)
{
  McBoardView *self = MC_BOARD_VIEW (widget);

  if (self->tick_id)
    gtk_widget_remove_tick_callback (widget, self->tick_id);
  self->tick_id = 0;
  GTK_WIDGET_CLASS (mc_board_view_parent_class)->unmap (widget);
}

static void
mc_board_view_dispose (GObject *object)
{
  McBoardView *self = MC_BOARD_VIEW (object);

  if (self->source)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_clear_pointer (&self->empty_model, mc_board_model_free);
  G_OBJECT_CLASS (mc_board_view_parent_class)->dispose (object);
}

static void
mc_board_view_class_init (McBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_board_view_dispose;
  widget_class->snapshot = mc_board_view_snapshot;
  widget_class->map = mc_board_view_map;
  widget_class->unmap = mc_board_view_unmap;
}

static void
mc_board_view_init (McBoardView *self)
{
  self->empty_model = mc_board_model_new ();
  self->page_seconds = 15;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
mc_board_view_new (McBoardSource *source)
{
  McBoardView *self = g_object_new (MC_TYPE_BOARD_VIEW, NULL);

  g_return_val_if_fail (source == NULL || MC_IS_BOARD_SOURCE (source), NULL);

  if (source)
    {
      self->source = g_object_ref (source);
      g_signal_connect_swapped (source, "changed", G_CALLBACK (source_changed_cb), self);
    }
  return GTK_WIDGET (self);
}

void
mc_board_view_set_page_seconds (McBoardView *self, double seconds)
{
  g_return_if_fail (MC_IS_BOARD_VIEW (self));
  self->page_seconds = CLAMP (seconds, 3, 300);
}
