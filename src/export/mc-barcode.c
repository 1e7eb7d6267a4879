/* mc-barcode.c — Code 128 and QR symbols drawn with cairo (libzint)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libzint lays the symbol out as vector rectangles; we map them onto the
 * caller's rectangle, so the same code draws the on-screen preview, the PNG
 * and the PDF (where the bars stay vectors and print sharp at any size).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <zint.h>

#include "mc-barcode.h"

typedef struct zint_symbol McZintSymbol;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McZintSymbol, ZBarcode_Delete)

gboolean
mc_barcode_validate (const char *text, GError **error)
{
  size_t len;

  g_return_val_if_fail (text != NULL, FALSE);

  len = strlen (text);
  if (len == 0 || len > MC_BARCODE_MAX_LENGTH)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                   _("A barcode needs between 1 and %d characters, not %u"),
                   MC_BARCODE_MAX_LENGTH, (guint) len);
      return FALSE;
    }
  for (size_t i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];

      if (c < 0x20 || c > 0x7E)
        {
          g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                       _("“%s” cannot be printed as a barcode: only unaccented letters, "
                         "digits and punctuation are allowed"), text);
          return FALSE;
        }
    }
  return TRUE;
}

static struct zint_symbol *
encode (McBarcodeKind kind, const char *text, GError **error)
{
  g_autoptr(McZintSymbol) symbol = ZBarcode_Create ();
  int ret;

  if (symbol == NULL)
    g_error ("libzint could not allocate a symbol");
  symbol->symbology = kind == MC_BARCODE_QR ? BARCODE_QRCODE : BARCODE_CODE128;
  symbol->input_mode = DATA_MODE;
  symbol->show_hrt = 0;
  /* The quiet zones are part of what a scanner needs: we paint them white
   * rather than trust the layout to leave room. */
  symbol->output_options |= BARCODE_QUIET_ZONES;
  if (kind == MC_BARCODE_QR)
    symbol->option_1 = 2;  /* error correction M: survives a fold or a smudge */

  ret = ZBarcode_Encode (symbol, (const unsigned char *) text, (int) strlen (text));
  if (ret < ZINT_ERROR)
    ret = ZBarcode_Buffer_Vector (symbol, 0);
  if (ret >= ZINT_ERROR || symbol->vector == NULL)
    {
      g_set_error (error, MC_EXPORT_ERROR, MC_EXPORT_ERROR_INVALID,
                   _("Cannot encode “%s” as a barcode: %s"), text, symbol->errtxt);
      return NULL;
    }
  return g_steal_pointer (&symbol);
}

/* On a raster surface a bar edge that falls between pixels turns grey and a
 * scanner reads the bar a module too wide or too narrow; snapping the edges to
 * whole device pixels keeps every bar crisp. Vector surfaces keep exact sizes. */
static void
snap_rectangle (cairo_t *cr, double *x0, double *y0, double *x1, double *y1)
{
  cairo_surface_t *target = cairo_get_target (cr);

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return;
  cairo_user_to_device (cr, x0, y0);
  cairo_user_to_device (cr, x1, y1);
  *x0 = round (*x0);
  *y0 = round (*y0);
  *x1 = round (*x1);
  *y1 = round (*y1);
  cairo_device_to_user (cr, x0, y0);
  cairo_device_to_user (cr, x1, y1);
}

static void
fill_box (cairo_t *cr, double x0, double y0, double x1, double y1)
{
  snap_rectangle (cr, &x0, &y0, &x1, &y1);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
}

static void
paint_symbol (cairo_t *cr, const struct zint_vector *vector,
              double ox, double oy, double sx, double sy)
{
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  fill_box (cr, ox, oy, ox + vector->width * sx, oy + vector->height * sy);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (const struct zint_vector_rect *r = vector->rectangles; r != NULL; r = r->next)
    {
      if (r->colour != -1)
        continue;  /* only foreground modules; the background is already white */
      fill_box (cr, ox + r->x * sx, oy + r->y * sy,
                ox + (r->x + r->width) * sx, oy + (r->y + r->height) * sy);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

gboolean
mc_barcode_draw (cairo_t       *cr,
                 McBarcodeKind  kind,
                 const char    *text,
                 double         x,
                 double         y,
                 double         width,
                 double         height,
                 GError       **error)
{
  g_autoptr(McZintSymbol) symbol = NULL;
  const struct zint_vector *vector;
  double sx, sy;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!mc_barcode_validate (text, error))
    return FALSE;
  symbol = encode (kind, text, error);
  if (symbol == NULL)
    return FALSE;

  vector = symbol->vector;
  sx = width / vector->width;
  sy = height / vector->height;
  if (kind == MC_BARCODE_QR)
    sx = sy = MIN (sx, sy);  /* modules must stay square */
  paint_symbol (cr, vector,
                x + (width - vector->width * sx) / 2,
                y + (height - vector->height * sy) / 2,
                sx, sy);
  return TRUE;
}
