/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-indicator"

#include "config.h"

#include "dsr-indicator.h"

struct _DsrIndicator
{
  GObject parent_instance;

  char *id;
  char *name;
  char *unit;
  char *source;
  char *description;
  char *vintage;
  char *reference_id;
  DsrTheme theme;
  DsrAggregation aggregation;
  int decimals;
  gboolean higher_is_better;
};

G_DEFINE_FINAL_TYPE (DsrIndicator, dsr_indicator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_UNIT,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dsr_indicator_finalize (GObject *object)
{
  DsrIndicator *self = DSR_INDICATOR (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->unit);
  g_free (self->source);
  g_free (self->description);
  g_free (self->vintage);
  g_free (self->reference_id);

  G_OBJECT_CLASS (dsr_indicator_parent_class)->finalize (object);
}

static void
dsr_indicator_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DsrIndicator *self = DSR_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_indicator_class_init (DsrIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dsr_indicator_finalize;
  object_class->get_property = dsr_indicator_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dsr_indicator_init (DsrIndicator *self)
{
}

DsrIndicator *
dsr_indicator_new (const char *id,
                   const char *name,
                   const char *unit,
                   DsrTheme    theme,
                   const char *source,
                   int         decimals,
                   gboolean    higher_is_better,
                   const char *description)
{
  DsrIndicator *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (DSR_TYPE_INDICATOR, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->unit = g_strdup (unit ? unit : "");
  self->theme = theme;
  self->source = g_strdup (source ? source : "");
  self->decimals = CLAMP (decimals, 0, 6);
  self->higher_is_better = !!higher_is_better;
  self->description = g_strdup (description ? description : "");
  self->aggregation = DSR_AGGREGATION_MEAN;
  self->vintage = g_strdup ("");
  self->reference_id = g_strdup ("");

  return self;
}

const char *
dsr_indicator_get_id (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), NULL);
  return self->id;
}

const char *
dsr_indicator_get_name (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), NULL);
  return self->name;
}

const char *
dsr_indicator_get_unit (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), NULL);
  return self->unit;
}

DsrTheme
dsr_indicator_get_theme (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), DSR_THEME_INFRASTRUCTURE);
  return self->theme;
}

const char *
dsr_indicator_get_source (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), NULL);
  return self->source;
}

int
dsr_indicator_get_decimals (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), 1);
  return self->decimals;
}

gboolean
dsr_indicator_get_higher_is_better (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), TRUE);
  return self->higher_is_better;
}

const char *
dsr_indicator_get_description (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), NULL);
  return self->description;
}

DsrAggregation
dsr_indicator_get_aggregation (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), DSR_AGGREGATION_MEAN);
  return self->aggregation;
}

void
dsr_indicator_set_aggregation (DsrIndicator   *self,
                               DsrAggregation  aggregation)
{
  g_return_if_fail (DSR_IS_INDICATOR (self));
  g_return_if_fail (aggregation <= DSR_AGGREGATION_NONE);
  self->aggregation = aggregation;
}

const char *
dsr_indicator_get_vintage (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), "");
  return self->vintage;
}

void
dsr_indicator_set_vintage (DsrIndicator *self,
                           const char   *vintage)
{
  g_return_if_fail (DSR_IS_INDICATOR (self));
  g_free (self->vintage);
  self->vintage = g_strdup (vintage ? vintage : "");
}

const char *
dsr_indicator_get_reference_id (DsrIndicator *self)
{
  g_return_val_if_fail (DSR_IS_INDICATOR (self), "");
  return self->reference_id;
}

void
dsr_indicator_set_reference_id (DsrIndicator *self,
                                const char   *reference_id)
{
  g_return_if_fail (DSR_IS_INDICATOR (self));
  g_free (self->reference_id);
  self->reference_id = g_strdup (reference_id ? reference_id : "");
}
