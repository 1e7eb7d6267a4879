/* mc-dossier.c — a hồ sơ: the applicant, the procedure, the appointment, its state
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-dossier.h"
#include "mc-dossier-state.h"

struct _McDossier
{
  GObject        parent_instance;
  McDossierData  data;
};

G_DEFINE_FINAL_TYPE (McDossier, mc_dossier, G_TYPE_OBJECT)

static const char *const channel_ids[] = { "truc_tiep", "buu_chinh", "truc_tuyen" };
static const char *const channel_labels[] = { N_("In person"), N_("Public postal service"), N_("Online") };

static void
document_free (gpointer data)
{
  McDossierDocument *d = data;

  g_free (d->name);
  g_free (d);
}

static void
mc_dossier_finalize (GObject *object)
{
  McDossierData *d = &MC_DOSSIER (object)->data;

  g_free (d->code);
  g_free (d->procedure_code);
  g_free (d->procedure_name);
  g_free (d->field_name);
  g_free (d->applicant_name);
  g_free (d->applicant_id_number);
  g_free (d->applicant_birth_date);
  g_free (d->applicant_phone);
  g_free (d->applicant_email);
  g_free (d->applicant_address);
  g_free (d->representative);
  g_free (d->received_by);
  g_free (d->counter);
  g_free (d->online_level);
  g_free (d->state);
  g_free (d->outcome);
  g_free (d->timeliness);
  g_free (d->current_department);
  g_free (d->note);
  g_ptr_array_unref (d->documents);
  G_OBJECT_CLASS (mc_dossier_parent_class)->finalize (object);
}

static void
mc_dossier_class_init (McDossierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_dossier_finalize;
}

static void
mc_dossier_init (McDossier *self)
{
  self->data.documents = g_ptr_array_new_with_free_func (document_free);
}

McDossier *
mc_dossier_new (void)
{
  return g_object_new (MC_TYPE_DOSSIER, NULL);
}

McDossierData *
mc_dossier_get_data (McDossier *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER (self), NULL);

  return &self->data;
}

const char *
mc_dossier_get_code (McDossier *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER (self), NULL);

  return self->data.code;
}

const char *
mc_dossier_get_applicant_name (McDossier *self)
{
  g_return_val_if_fail (MC_IS_DOSSIER (self), NULL);

  return self->data.applicant_name;
}

void
mc_dossier_add_document (McDossier *self, const char *name, int originals, int copies, gboolean received)
{
  McDossierDocument *d = g_new0 (McDossierDocument, 1);

  d->name = g_strdup (name);
  d->originals = originals;
  d->copies = copies;
  d->received = received;
  g_ptr_array_add (self->data.documents, d);
}

const char *
mc_channel_to_string (McChannel channel)
{
  g_return_val_if_fail ((guint) channel < G_N_ELEMENTS (channel_ids), channel_ids[0]);
  return channel_ids[channel];
}

gboolean
mc_channel_from_string (const char *text, McChannel *channel)
{
  for (guint i = 0; i < G_N_ELEMENTS (channel_ids); i++)
    if (g_strcmp0 (text, channel_ids[i]) == 0)
      {
        *channel = (McChannel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
mc_channel_to_label (McChannel channel)
{
  g_return_val_if_fail ((guint) channel < G_N_ELEMENTS (channel_labels), "");
  return _(channel_labels[channel]);
}

/* The words are the state machine's (mc-dossier-state.c); an id it does not
 * know is shown as given. */
const char *
mc_dossier_state_to_label (const char *state)
{
  McDossierState s;

  return mc_dossier_state_from_string (state, &s) ? mc_dossier_state_get_label (s) : state;
}

const char *
mc_dossier_event_kind_to_label (const char *kind)
{
  McEventKind k;

  return mc_event_kind_from_string (kind, &k) ? mc_event_kind_get_label (k) : kind;
}

void
mc_dossier_event_free (McDossierEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->state_to);
  g_free (event->staff_name);
  g_free (event->department_name);
  g_free (event->unit_name);
  g_free (event->note);
  g_free (event);
}
