/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-region-item"

#include "config.h"

#include "dsr-region-item.h"

struct _DsrRegionItem
{
  GObject parent_instance;

  char *id;
  char *name;
  guint n_members;
  gboolean shown;
};

G_DEFINE_FINAL_TYPE (DsrRegionItem, dsr_region_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_N_MEMBERS,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dsr_region_item_finalize (GObject *object)
{
  DsrRegionItem *self = DSR_REGION_ITEM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (dsr_region_item_parent_class)->finalize (object);
}

static void
dsr_region_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DsrRegionItem *self = DSR_REGION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_MEMBERS:
      g_value_set_uint (value, self->n_members);
      break;
    case PROP_SHOWN:
      g_value_set_boolean (value, self->shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_region_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DsrRegionItem *self = DSR_REGION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_N_MEMBERS:
      self->n_members = g_value_get_uint (value);
      break;
    case PROP_SHOWN:
      dsr_region_item_set_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dsr_region_item_class_init (DsrRegionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dsr_region_item_finalize;
  object_class->get_property = dsr_region_item_get_property;
  object_class->set_property = dsr_region_item_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MEMBERS] = g_param_spec_uint ("n-members", NULL, NULL, 0, G_MAXUINT, 0,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                  | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] = g_param_spec_boolean ("shown", NULL, NULL, TRUE,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                 | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dsr_region_item_init (DsrRegionItem *self)
{
  self->shown = TRUE;
}

DsrRegionItem *
dsr_region_item_new (const char *id,
                     const char *name,
                     guint       n_members,
                     gboolean    shown)
{
  DsrRegionItem *self = g_object_new (DSR_TYPE_REGION_ITEM, "id", id, "name", name, "n-members", n_members, NULL);

  self->shown = shown;
  return self;
}

const char *
dsr_region_item_get_id (DsrRegionItem *self)
{
  g_return_val_if_fail (DSR_IS_REGION_ITEM (self), NULL);
  return self->id;
}

const char *
dsr_region_item_get_name (DsrRegionItem *self)
{
  g_return_val_if_fail (DSR_IS_REGION_ITEM (self), NULL);
  return self->name;
}

guint
dsr_region_item_get_n_members (DsrRegionItem *self)
{
  g_return_val_if_fail (DSR_IS_REGION_ITEM (self), 0);
  return self->n_members;
}

gboolean
dsr_region_item_get_shown (DsrRegionItem *self)
{
  g_return_val_if_fail (DSR_IS_REGION_ITEM (self), FALSE);
  return self->shown;
}

void
dsr_region_item_set_shown (DsrRegionItem *self,
                           gboolean       shown)
{
  g_return_if_fail (DSR_IS_REGION_ITEM (self));

  shown = !!shown;
  if (self->shown == shown)
    return;
  self->shown = shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}
