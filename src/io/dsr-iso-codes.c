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

gboolean
dsr_iso_codes_load (DsrStore    *store,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  JsonNode *root;
  JsonObject *object;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!json_parser_load_from_mapped_file (parser, path, error))
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)
      || !json_object_has_member ((object = json_node_get_object (root)), "3166-1")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "3166-1")))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE,
                   _("%s: not an iso-codes ISO 3166-1 file (no “3166-1” list)"), path);
      return FALSE;
    }

  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  array = json_object_get_array_member (object, "3166-1");
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *country;
      const char *alpha3, *numeric, *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      country = json_node_get_object (node);
      alpha3 = json_object_get_string_member_with_default (country, "alpha_3", NULL);
      numeric = json_object_get_string_member_with_default (country, "numeric", "0");
      name = json_object_get_string_member_with_default (country, "common_name", NULL);
      if (name == NULL)
        name = json_object_get_string_member_with_default (country, "name", NULL);
      if (alpha3 == NULL || name == NULL)
        continue;

      g_ptr_array_add (entities, dsr_entity_new (alpha3, DSR_ENTITY_COUNTRY,
                                                 dgettext (ISO_3166_DOMAIN, name),
                                                 atoi (numeric)));
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
