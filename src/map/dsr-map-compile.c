/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-map-compile"

#include "config.h"

#include <locale.h>

#include "dsr-topojson.h"

/* Build tool: decodes a TopoJSON file with the program's own decoder, cuts
 * it at the antimeridian, projects it and writes the borders in the form the program
 * loads at run time (dsr_map_data_new_from_serialized()).
 * Usage: dsr-map-compile INPUT.json OUTPUT.gvariant */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) input = NULL;
  g_autoptr(DsrGeometry) geometry = NULL;
  g_autoptr(DsrMapData) data = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (argc != 3)
    {
      g_printerr ("Usage: %s INPUT.json OUTPUT.gvariant\n", argv[0]);
      return 2;
    }

  input = g_file_new_for_commandline_arg (argv[1]);
  name = g_file_get_parse_name (input);
  if (!g_file_load_contents (input, NULL, &contents, &length, NULL, &error))
    {
      g_printerr ("%s: %s\n", name, error->message);
      return 1;
    }
  geometry = dsr_topojson_decode (contents, length, NULL, name, &error);
  if (geometry == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* Cut where the antimeridian crosses it and project once here, not at
   * every start. */
  data = dsr_map_data_new (g_steal_pointer (&geometry));
  bytes = dsr_map_data_serialize (data);
  if (!g_file_set_contents (argv[2], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
