/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-grouping"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-grouping.h"

typedef struct
{
  char *country_id;
  int since;
  int until;
} Member;

struct _DsrRegion
{
  DsrGrouping *grouping; /* borrowed: the grouping owns the region */
  char *id;
  char *name;
  char *entity_id;
  GArray *members; /* of Member */
};

struct _DsrGrouping
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  GPtrArray *regions;          /* of DsrRegion, owned */
  GHashTable *region_by_country; /* country id -> DsrRegion (borrowed) */
};

G_DEFINE_FINAL_TYPE (DsrGrouping, dsr_grouping, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
member_clear (gpointer data)
{
  Member *m = data;

  g_free (m->country_id);
}

static void
region_free (gpointer data)
{
  DsrRegion *region = data;

  g_free (region->id);
  g_free (region->name);
  g_free (region->entity_id);
  g_array_unref (region->members);
  g_free (region);
}

static gboolean
member_counts (const Member *m,
               int           year)
{
  if (year == DSR_AS_OF_CURRENT)
    return m->until == 0;
  if (m->since != 0 && year < m->since)
    return FALSE;
  if (m->until != 0 && year >= m->until)
    return FALSE;
  return TRUE;
}

static void
dsr_grouping_finalize (GObject *object)
{
  DsrGrouping *self = DSR_GROUPING (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_hash_table_unref (self->region_by_country);
  g_ptr_array_unref (self->regions);

  G_OBJECT_CLASS (dsr_grouping_parent_class)->finalize (object);
}

static void
dsr_grouping_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DsrGrouping *self = DSR_GROUPING (object);

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
dsr_grouping_class_init (DsrGroupingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dsr_grouping_finalize;
  object_class->get_property = dsr_grouping_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dsr_grouping_init (DsrGrouping *self)
{
  self->regions = g_ptr_array_new_with_free_func (region_free);
  self->region_by_country = g_hash_table_new (g_str_hash, g_str_equal);
}

DsrGrouping *
dsr_grouping_new (const char *id,
                  const char *name,
                  const char *description)
{
  DsrGrouping *self;

  g_return_val_if_fail (id != NULL && *id != '\0', NULL);

  self = g_object_new (DSR_TYPE_GROUPING, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name && *name ? name : id);
  self->description = g_strdup (description ? description : "");

  return self;
}

const char *
dsr_grouping_get_id (DsrGrouping *self)
{
  g_return_val_if_fail (DSR_IS_GROUPING (self), NULL);
  return self->id;
}

const char *
dsr_grouping_get_name (DsrGrouping *self)
{
  g_return_val_if_fail (DSR_IS_GROUPING (self), NULL);
  return self->name;
}

const char *
dsr_grouping_get_description (DsrGrouping *self)
{
  g_return_val_if_fail (DSR_IS_GROUPING (self), NULL);
  return self->description;
}

DsrRegion *
dsr_grouping_add_region (DsrGrouping *self,
                         const char  *region_id,
                         const char  *name,
                         GError     **error)
{
  DsrRegion *region;

  g_return_val_if_fail (DSR_IS_GROUPING (self), NULL);
  g_return_val_if_fail (region_id != NULL, NULL);

  if (*region_id == '\0' || strchr (region_id, ':') != NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("“%s” is not a valid region id (it must be non-empty and have no “:”)"),
                   region_id);
      return NULL;
    }
  if (dsr_grouping_find_region (self, region_id) != NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
                   _("Region “%s” is defined twice in grouping “%s”"), region_id, self->id);
      return NULL;
    }

  region = g_new0 (DsrRegion, 1);
  region->grouping = self;
  region->id = g_strdup (region_id);
  region->name = g_strdup (name && *name ? name : region_id);
  region->entity_id = g_strconcat (self->id, ":", region_id, NULL);
  region->members = g_array_new (FALSE, FALSE, sizeof (Member));
  g_array_set_clear_func (region->members, member_clear);
  g_ptr_array_add (self->regions, region);

  return region;
}

gboolean
dsr_grouping_add_member (DsrGrouping *self,
                         const char  *region_id,
                         const char  *country_id,
                         int          since,
                         int          until,
                         GError     **error)
{
  DsrRegion *region;
  DsrRegion *previous;
  Member m;

  g_return_val_if_fail (DSR_IS_GROUPING (self), FALSE);
  g_return_val_if_fail (region_id != NULL && country_id != NULL, FALSE);

  region = dsr_grouping_find_region (self, region_id);
  if (region == NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID,
                   _("Grouping “%s” has no region “%s”"), self->id, region_id);
      return FALSE;
    }

  previous = g_hash_table_lookup (self->region_by_country, country_id);
  if (previous != NULL)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE,
                   _("“%s” is already a member of region “%s” in grouping “%s”"),
                   country_id, previous->id, self->id);
      return FALSE;
    }

  if (since != 0 && until != 0 && until <= since)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("“%s” leaves in %d, before it joins in %d"), country_id, until, since);
      return FALSE;
    }

  m.country_id = g_strdup (country_id);
  m.since = since;
  m.until = until;
  g_array_append_val (region->members, m);
  g_hash_table_insert (self->region_by_country,
                       g_array_index (region->members, Member, region->members->len - 1).country_id,
                       region);

  return TRUE;
}

guint
dsr_grouping_get_n_regions (DsrGrouping *self)
{
  g_return_val_if_fail (DSR_IS_GROUPING (self), 0);
  return self->regions->len;
}

DsrRegion *
dsr_grouping_get_region (DsrGrouping *self,
                         guint        index)
{
  g_return_val_if_fail (DSR_IS_GROUPING (self), NULL);
  g_return_val_if_fail (index < self->regions->len, NULL);
  return g_ptr_array_index (self->regions, index);
}

DsrRegion *
dsr_grouping_find_region (DsrGrouping *self,
                          const char  *region_id)
{
  g_return_val_if_fail (DSR_IS_GROUPING (self), NULL);

  for (guint i = 0; i < self->regions->len; i++)
    {
      DsrRegion *region = g_ptr_array_index (self->regions, i);

      if (g_strcmp0 (region->id, region_id) == 0)
        return region;
    }
  return NULL;
}

DsrRegion *
dsr_grouping_region_of (DsrGrouping *self,
                        const char  *country_id)
{
  g_return_val_if_fail (DSR_IS_GROUPING (self), NULL);
  return g_hash_table_lookup (self->region_by_country, country_id);
}

/* Returns the country ids (borrowed strings) of every region's members as of @year. */
GPtrArray *
dsr_grouping_members_as_of (DsrGrouping *self,
                            int          year)
{
  GPtrArray *out;

  g_return_val_if_fail (DSR_IS_GROUPING (self), NULL);

  out = g_ptr_array_new ();
  for (guint i = 0; i < self->regions->len; i++)
    {
      const DsrRegion *region = g_ptr_array_index (self->regions, i);

      for (guint j = 0; j < region->members->len; j++)
        {
          const Member *m = &g_array_index (region->members, Member, j);

          if (member_counts (m, year))
            g_ptr_array_add (out, m->country_id);
        }
    }
  return out;
}

const char *
dsr_region_get_id (const DsrRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);
  return region->id;
}

const char *
dsr_region_get_name (const DsrRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);
  return region->name;
}

const char *
dsr_region_get_entity_id (const DsrRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);
  return region->entity_id;
}

DsrGrouping *
dsr_region_get_grouping (const DsrRegion *region)
{
  g_return_val_if_fail (region != NULL, NULL);
  return region->grouping;
}

guint
dsr_region_get_n_members (const DsrRegion *region)
{
  g_return_val_if_fail (region != NULL, 0);
  return region->members->len;
}

const char *
dsr_region_get_member (const DsrRegion *region,
                       guint            index,
                       int             *since,
                       int             *until)
{
  const Member *m;

  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (index < region->members->len, NULL);

  m = &g_array_index (region->members, Member, index);
  if (since)
    *since = m->since;
  if (until)
    *until = m->until;
  return m->country_id;
}

gboolean
dsr_region_has_member_as_of (const DsrRegion *region,
                             const char      *country_id,
                             int              year)
{
  g_return_val_if_fail (region != NULL, FALSE);

  for (guint i = 0; i < region->members->len; i++)
    {
      const Member *m = &g_array_index (region->members, Member, i);

      if (g_str_equal (m->country_id, country_id))
        return member_counts (m, year);
    }
  return FALSE;
}

GPtrArray *
dsr_region_members_as_of (const DsrRegion *region,
                          int              year)
{
  GPtrArray *out;

  g_return_val_if_fail (region != NULL, NULL);

  out = g_ptr_array_new ();
  for (guint i = 0; i < region->members->len; i++)
    {
      const Member *m = &g_array_index (region->members, Member, i);

      if (member_counts (m, year))
        g_ptr_array_add (out, m->country_id);
    }
  return out;
}
