/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-entity"

#include "config.h"

#include "dsr-entity.h"

struct _DsrEntity
{
  GObject parent_instance;

  char *id;
  char *name;
  DsrEntityKind kind;
  int numeric;
};

G_DEFINE_FINAL_TYPE (DsrEntity, dsr_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dsr_entity_finalize (GObject *object)
{
  DsrEntity *self = DSR_ENTITY (object);

  g_free (self->id);
  g_free (self->name);

  G_OBJECT_CLASS (dsr_entity_parent_class)->finalize (object);
}

static void
dsr_entity_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DsrEntity *self = DSR_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_entity_class_init (DsrEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dsr_entity_finalize;
  object_class->get_property = dsr_entity_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dsr_entity_init (DsrEntity *self)
{
}

DsrEntity *
dsr_entity_new (const char    *id,
                DsrEntityKind  kind,
                const char    *name,
                int            numeric)
{
  DsrEntity *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (DSR_TYPE_ENTITY, NULL);
  self->id = g_strdup (id);
  self->kind = kind;
  self->name = g_strdup (name && *name ? name : id);
  self->numeric = numeric;

  return self;
}

const char *
dsr_entity_get_id (DsrEntity *self)
{
  g_return_val_if_fail (DSR_IS_ENTITY (self), NULL);
  return self->id;
}

DsrEntityKind
dsr_entity_get_kind (DsrEntity *self)
{
  g_return_val_if_fail (DSR_IS_ENTITY (self), DSR_ENTITY_COUNTRY);
  return self->kind;
}

const char *
dsr_entity_get_name (DsrEntity *self)
{
  g_return_val_if_fail (DSR_IS_ENTITY (self), NULL);
  return self->name;
}

int
dsr_entity_get_numeric (DsrEntity *self)
{
  g_return_val_if_fail (DSR_IS_ENTITY (self), 0);
  return self->numeric;
}

gboolean
dsr_entity_is_aggregate (DsrEntity *self)
{
  g_return_val_if_fail (DSR_IS_ENTITY (self), FALSE);
  return self->kind != DSR_ENTITY_COUNTRY;
}
