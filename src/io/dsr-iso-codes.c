/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-iso-codes"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dsr-error.h"
#include "dsr-iso-codes.h"

/* Countries come from Debian's iso-codes: alpha-3 and numeric codes, and the
 * names in every language through the "iso_3166-1" gettext domain. */

#define ISO_3166_DOMAIN "iso_3166-1"

char *
dsr_iso_codes_default_path (void)
{
  const char *env = g_getenv ("DSR_ISO_CODES_JSON");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (ISO_CODES_PREFIX, "share", "iso-codes", "json", "iso_3166-1.json", NULL);
}

void
dsr_iso_country_free (DsrIsoCountry *country)
{
  if (country == NULL)
    return;
  g_free (country->alpha3);
  g_free (country->name);
  g_free (country->common_name);
  g_free (country->official_name);
  g_free (country);
}

static char *
dup_member (JsonObject *object,
            const char *member)
{
  const char *value = json_object_get_string_member_with_default (object, member, NULL);

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

/* The countries of the iso-codes file @path (of DsrIsoCountry), with their
 * English name, common name and official name: the names the importers
 * recognise in data files. NULL with @error naming the file when it cannot
 * be read or is not such a list. */
GPtrArray *
dsr_iso_codes_read_names (const char  *path,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) countries = g_ptr_array_new_with_free_func ((GDestroyNotify) dsr_iso_country_free);
  JsonNode *root;
  JsonObject *object;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (path != NULL, NULL);

  if (!json_parser_load_from_mapped_file (parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member ((object = json_node_get_object (root)), "3166-1")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "3166-1")))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("%s: not an iso-codes ISO 3166-1 file (no “3166-1” list)"), path);
      return NULL;
    }

  array = json_object_get_array_member (object, "3166-1");
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *entry;
      DsrIsoCountry *country;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      country = g_new0 (DsrIsoCountry, 1);
      country->alpha3 = dup_member (entry, "alpha_3");
      country->name = dup_member (entry, "name");
      country->common_name = dup_member (entry, "common_name");
      country->official_name = dup_member (entry, "official_name");
      country->numeric = atoi (json_object_get_string_member_with_default (entry, "numeric", "0"));
      if (country->alpha3 == NULL || (country->name == NULL && country->common_name == NULL))
        {
          dsr_iso_country_free (country);
          continue;
        }
      g_ptr_array_add (countries, country);
    }
  return g_steal_pointer (&countries);
}

/* Adds iso-codes' countries to @store, named in the user's language
 * (through the "iso_3166-1" gettext domain): the common name where there is
 * one ("South Korea"), else the name. */
gboolean
dsr_iso_codes_load (DsrStore    *store,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  countries = dsr_iso_codes_read_names (path, error);
  if (countries == NULL)
    return FALSE;

  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");
  for (guint i = 0; i < countries->len; i++)
    {
      const DsrIsoCountry *country = g_ptr_array_index (countries, i);
      const char *name = country->common_name ? country->common_name : country->name;

      g_ptr_array_add (entities, dsr_entity_new (country->alpha3, DSR_ENTITY_COUNTRY,
                                                 dgettext (ISO_3166_DOMAIN, name), country->numeric));
    }

  if (entities->len == 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: the list of countries is empty"), path);
      return FALSE;
    }

  /* Check everything first, so that a clash adds nothing. */
  for (guint i = 0; i < entities->len; i++)
    if (dsr_store_get_entity (store, dsr_entity_get_id (g_ptr_array_index (entities, i))) != NULL)
      {
        g_set_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE, _("%s: country “%s” is already loaded"),
                     path, dsr_entity_get_id (g_ptr_array_index (entities, i)));
        return FALSE;
      }
  for (guint i = 0; i < entities->len; i++)
    dsr_store_add_entity (store, g_ptr_array_index (entities, i), NULL);

  return TRUE;
}
