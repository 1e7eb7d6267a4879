/* mc-decimal-spin.c — spin buttons that show and read Vietnamese decimals
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program keeps LC_NUMERIC at "C" (files it writes are never
 * localized), so GtkSpinButton would print "5.0"; these handlers print and
 * parse the Vietnamese way instead.
 */
#include "config.h"

#include "mc-decimal-spin.h"
#include "mc-format.h"

static gboolean
output_cb (GtkSpinButton *button)
{
  g_autofree char *text = mc_format_decimal (gtk_spin_button_get_value (button), 3);

  gtk_editable_set_text (GTK_EDITABLE (button), text);
  return TRUE;
}

static int
input_cb (GtkSpinButton *button, double *value)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (button)));
  char *end = NULL;

  g_strdelimit (text, ",", '.');
  *value = g_ascii_strtod (text, &end);
  return end != NULL && end != text && *end == '\0' ? TRUE : GTK_INPUT_ERROR;
}

void
mc_decimal_spin_attach (GtkSpinButton *button)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (button));

  /* A numeric spin button refuses any text with a character other than
   * digits and LC_NUMERIC's point: the output "0,5" was dropped and the
   * button stood empty. input_cb refuses what is not a number instead. */
  gtk_spin_button_set_numeric (button, FALSE);
  g_signal_connect (button, "output", G_CALLBACK (output_cb), NULL);
  g_signal_connect (button, "input", G_CALLBACK (input_cb), NULL);
}
