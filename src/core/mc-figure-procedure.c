/* mc-figure-procedure.c — a procedure in the list behind a report's figure
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mc-figure-procedure.h"

struct _McFigureProcedure
{
  GObject  parent_instance;

  char    *code;
  char    *name;
  char    *field_name;
  char    *mechanism;
};

G_DEFINE_FINAL_TYPE (McFigureProcedure, mc_figure_procedure, G_TYPE_OBJECT)

enum { PROP_0, PROP_CODE, PROP_NAME, PROP_FIELD_NAME, PROP_MECHANISM, N_PROPS };

static GParamSpec *properties[N_PROPS];

static void
mc_figure_procedure_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McFigureProcedure *self = MC_FIGURE_PROCEDURE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_FIELD_NAME:
      g_value_set_string (value, self->field_name);
      break;
    case PROP_MECHANISM:
      g_value_set_string (value, self->mechanism);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_figure_procedure_finalize (GObject *object)
{
  McFigureProcedure *self = MC_FIGURE_PROCEDURE (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->field_name);
  g_free (self->mechanism);
  G_OBJECT_CLASS (mc_figure_procedure_parent_class)->finalize (object);
}

static void
mc_figure_procedure_class_init (McFigureProcedureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = mc_figure_procedure_get_property;
  object_class->finalize = mc_figure_procedure_finalize;
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_FIELD_NAME] = g_param_spec_string ("field-name", NULL, NULL, NULL, flags);
  properties[PROP_MECHANISM] = g_param_spec_string ("mechanism", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mc_figure_procedure_init (McFigureProcedure *self)
{
}

McFigureProcedure *
mc_figure_procedure_new (const char *code, const char *name, const char *field_name, const char *mechanism)
{
  McFigureProcedure *self = g_object_new (MC_TYPE_FIGURE_PROCEDURE, NULL);

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->field_name = g_strdup (field_name);
  self->mechanism = g_strdup (mechanism);
  return self;
}

const char *
mc_figure_procedure_get_code (McFigureProcedure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_PROCEDURE (self), NULL);
  return self->code;
}

const char *
mc_figure_procedure_get_name (McFigureProcedure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_PROCEDURE (self), NULL);
  return self->name;
}

const char *
mc_figure_procedure_get_field_name (McFigureProcedure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_PROCEDURE (self), NULL);
  return self->field_name;
}

const char *
mc_figure_procedure_get_mechanism (McFigureProcedure *self)
{
  g_return_val_if_fail (MC_IS_FIGURE_PROCEDURE (self), NULL);
  return self->mechanism;
}

gboolean
mc_figure_procedure_is_inter_agency (McFigureProcedure *self)
{
  return g_strcmp0 (mc_figure_procedure_get_mechanism (self), "lien_thong") == 0;
}
