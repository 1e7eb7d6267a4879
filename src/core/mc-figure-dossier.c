/* mc-figure-dossier.c — a dossier in the list behind a report's figure
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a clerk reads of each dossier a figure counts; the Báo cáo page's
 * list window shows a GListModel of these (mc_report_figure_dossiers).
 */
#include "config.h"

#include "mc-figure-dossier.h"

struct _McFigureDossier
{
  GObject  parent_instance;

  char    *code;
  char    *applicant_name;
  char    *procedure_name;
  McTime   received_at;
  McTime   finished_at;
};

G_DEFINE_FINAL_TYPE (McFigureDossier, mc_figure_dossier, G_TYPE_OBJECT)

enum { PROP_0, PROP_CODE, PROP_APPLICANT_NAME, PROP_PROCEDURE_NAME, PROP_RECEIVED_AT, PROP_FINISHED_AT, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
mc_figure_dossier_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McFigureDossier *self = MC_FIGURE_DOSSIER (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_APPLICANT_NAME:
      g_value_set_string (value, self->applicant_name);
      break;
    case PROP_PROCEDURE_NAME:
      g_value_set_string (value, self->procedure_name);
      break;
    case PROP_RECEIVED_AT:
      g_value_set_int64 (value, self->received_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_int64 (value, self->finished_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_figure_dossier_finalize (GObject *object)
{
  McFigureDossier *self = MC_FIGURE_DOSSIER (object);

  g_free (self->code);
  g_free (self->applicant_name);
  g_free (self->procedure_name);
  G_OBJECT_CLASS (mc_figure_dossier_parent_class)->finalize (object);
}

static void
mc_figure_dossier_class_init (McFigureDossierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = mc_figure_dossier_get_property;
  object_class->finalize = mc_figure_dossier_finalize;
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_APPLICANT_NAME] = g_param_spec_string ("applicant-name", NULL, NULL, NULL, flags);
  properties[PROP_PROCEDURE_NAME] = g_param_spec_string ("procedure-name", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED_AT] = g_param_spec_int64 ("received-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_FINISHED_AT] = g_param_spec_int64 ("finished-at", NULL, NULL, 0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_figure_dossier_init (McFigureDossier *self)
{
}

McFigureDossier *
mc_figure_dossier_new (const char *code, const char *applicant_name, const char *procedure_name, McTime received_at,
                       McTime finished_at)
{
  McFigureDossier *self = g_object_new (MC_TYPE_FIGURE_DOSSIER, NULL);

  self->code = g_strdup (code);
  self->applicant_name = g_strdup (applicant_name);
  self->procedure_name = g_strdup (procedure_name);
  self->received_at = received_at;
  self->finished_at = finished_at;
  return self;
}

const char *
mc_figure_dossier_get_code (McFigureDossier *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_DOSSIER (self), NULL);
  return self->code;
}

const char *
mc_figure_dossier_get_applicant_name (McFigureDossier *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_DOSSIER (self), NULL);
  return self->applicant_name;
}

const char *
mc_figure_dossier_get_procedure_name (McFigureDossier *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_DOSSIER (self), NULL);
  return self->procedure_name;
}

McTime
mc_figure_dossier_get_received_at (McFigureDossier *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_DOSSIER (self), 0);
  return self->received_at;
}

McTime
mc_figure_dossier_get_finished_at (McFigureDossier *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_DOSSIER (self), 0);
  return self->finished_at;
}
