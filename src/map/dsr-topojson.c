/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-topojson"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dsr-error.h"
#include "dsr-topojson.h"

/* How far past ±180° and ±90° a position may lie (rounding in quantised
 * files) before it is not a longitude and latitude. */
#define POSITION_SLACK 1e-6

/* TopoJSON (https://github.com/topojson/topojson-specification): polygons
 * whose rings are lists of indices into a shared table of arcs; index ~i (a
 * negative one) is arc i reversed. A quantised topology has a "transform":
 * each arc's positions are then integer deltas from the previous position,
 * and a position (x, y) means (x * scale[0] + translate[0], y * scale[1] +
 * translate[1]). Every problem in the file is an error that names it, never
 * a crash: the file may come from anywhere. */

typedef struct
{
  const char  *source;
  GArray      *arc_points;  /* of DsrPoint: all arcs, decoded, one after another */
  GArray      *arc_start;   /* of guint: where arc i starts; n_arcs + 1 entries */
  guint8      *arc_uses;    /* how many rings use each arc, up to 2 */
  double      *arc_weights; /* each arc point's weight, see dsr_visvalingam() */
  DsrGeometry *geometry;
} Decoder;

static void
decoder_clear (Decoder *dec)
{
  g_clear_pointer (&dec->arc_points, g_array_unref);
  g_clear_pointer (&dec->arc_start, g_array_unref);
  g_clear_pointer (&dec->arc_uses, g_free);
  g_clear_pointer (&dec->arc_weights, g_free);
  g_clear_pointer (&dec->geometry, dsr_geometry_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Decoder, decoder_clear)

static gboolean
parse_error (const Decoder  *dec,
             GError        **error,
             const char     *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
parse_error (const Decoder  *dec,
             GError        **error,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: "countries-50m.json: arc 12: …" */
  g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: %s"), dec->source, message);
  return FALSE;
}

static gboolean
get_number (JsonNode *node,
            double   *out)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *out = json_node_get_double (node);
  else
    return FALSE;
  return TRUE;
}

static gboolean
get_integer (JsonNode *node,
             gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static const char *
get_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A member that must be an array (NULL if it is absent or not one). */
static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
get_pair (JsonObject *object,
          const char *member,
          double     *a,
          double     *b)
{
  JsonArray *array = get_array (object, member);

  return array != NULL && json_array_get_length (array) >= 2
         && get_number (json_array_get_element (array, 0), a)
         && get_number (json_array_get_element (array, 1), b);
}

/* Arcs ------------------------------------------------------------------------- */

static gboolean
decode_arcs (Decoder     *dec,
             JsonObject  *topology,
             GError     **error)
{
  JsonNode *transform_node = json_object_get_member (topology, "transform");
  JsonArray *arcs = get_array (topology, "arcs");
  gboolean quantised = FALSE;
  double sx = 1, sy = 1, tx = 0, ty = 0;
  guint n_arcs;

  if (arcs == NULL)
    return parse_error (dec, error, _("not a TopoJSON topology: no “arcs” array"));

  if (transform_node != NULL && !JSON_NODE_HOLDS_NULL (transform_node))
    {
      JsonObject *transform = JSON_NODE_HOLDS_OBJECT (transform_node)
                              ? json_node_get_object (transform_node) : NULL;

      if (transform == NULL || !get_pair (transform, "scale", &sx, &sy)
          || !get_pair (transform, "translate", &tx, &ty))
        return parse_error (dec, error, _("the “transform” must have a “scale” and a “translate” "
                                          "of two numbers each"));
      quantised = TRUE;
    }

  n_arcs = json_array_get_length (arcs);
  dec->arc_start = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_arcs + 1);
  dec->arc_points = g_array_new (FALSE, FALSE, sizeof (DsrPoint));

  for (guint i = 0; i < n_arcs; i++)
    {
      JsonNode *arc_node = json_array_get_element (arcs, i);
      JsonArray *arc = JSON_NODE_HOLDS_ARRAY (arc_node) ? json_node_get_array (arc_node) : NULL;
      guint n_positions = arc ? json_array_get_length (arc) : 0;
      guint start = dec->arc_points->len;
      double x = 0, y = 0;

      g_array_append_val (dec->arc_start, start);
      if (arc == NULL || n_positions == 0)
        return parse_error (dec, error, _("arc %u is not a list of positions"), i);

      g_array_set_size (dec->arc_points, start + n_positions);
      for (guint j = 0; j < n_positions; j++)
        {
          JsonNode *pos_node = json_array_get_element (arc, j);
          JsonArray *pos = JSON_NODE_HOLDS_ARRAY (pos_node) ? json_node_get_array (pos_node) : NULL;
          DsrPoint *p = &g_array_index (dec->arc_points, DsrPoint, start + j);
          double px, py;

          if (pos == NULL || json_array_get_length (pos) < 2
              || !get_number (json_array_get_element (pos, 0), &px)
              || !get_number (json_array_get_element (pos, 1), &py))
            return parse_error (dec, error, _("arc %u, position %u is not a pair of numbers"), i, j);

          if (quantised)
            {
              /* Delta-encoded: each position is relative to the previous one. */
              x += px;
              y += py;
              p->x = x * sx + tx;
              p->y = y * sy + ty;
            }
          else
            {
              p->x = px;
              p->y = py;
            }
          /* The map projects longitude and latitude: anything else (an
           * overflow, a stray exponent) would have it cut and draw garbage. */
          if (!isfinite (p->x) || !isfinite (p->y)
              || fabs (p->x) > 180.0 + POSITION_SLACK || fabs (p->y) > 90.0 + POSITION_SLACK)
            return parse_error (dec, error, _("arc %u, position %u is not a longitude and latitude"), i, j);
        }
    }
  {
    guint end = dec->arc_points->len;

    g_array_append_val (dec->arc_start, end);
  }
  dec->arc_uses = g_new0 (guint8, n_arcs);

  /* Arcs are simplified on their own, ends fixed: two countries sharing
   * one draw it alike at every scale. */
  dec->arc_weights = g_new (double, MAX (dec->arc_points->len, 1));
  for (guint i = 0; i < n_arcs; i++)
    {
      guint start = g_array_index (dec->arc_start, guint, i);
      guint end = g_array_index (dec->arc_start, guint, i + 1);

      dsr_visvalingam (&g_array_index (dec->arc_points, DsrPoint, start), end - start,
                       &dec->arc_weights[start]);
    }
  return TRUE;
}

/* The arcs that two rings share are the borders between countries: kept
 * as lines, so that a map draws each border once and no coastline. */
static void
add_borders (Decoder *dec)
{
  for (guint arc = 0; arc + 1 < dec->arc_start->len; arc++)
    {
      guint start = g_array_index (dec->arc_start, guint, arc);
      guint end = g_array_index (dec->arc_start, guint, arc + 1);
      guint first = dec->geometry->points->len;

      if (dec->arc_uses[arc] < 2)
        continue;
      for (guint j = start; j < end; j++)
        dsr_geometry_add_weighted_point (dec->geometry, g_array_index (dec->arc_points, DsrPoint, j).x,
                                         g_array_index (dec->arc_points, DsrPoint, j).y, dec->arc_weights[j]);
      dsr_geometry_add_line (dec->geometry, first);
    }
}

/* Geometries --------------------------------------------------------------------- */

static gboolean
decode_ring (Decoder     *dec,
             JsonNode    *ring_node,
             guint        geometry_index,
             GError     **error)
{
  JsonArray *ring = JSON_NODE_HOLDS_ARRAY (ring_node) ? json_node_get_array (ring_node) : NULL;
  guint n_arcs = dec->arc_start->len - 1;
  guint first_point = dec->geometry->points->len;

  if (ring == NULL)
    return parse_error (dec, error, _("geometry %u: a ring is not a list of arc indices"),
                        geometry_index);

  for (guint k = 0; k < json_array_get_length (ring); k++)
    {
      gint64 index;
      guint arc, start, end;
      const DsrPoint *p;

      if (!get_integer (json_array_get_element (ring, k), &index))
        return parse_error (dec, error, _("geometry %u: an arc index is not an integer"),
                            geometry_index);
      /* ~i, that is -i - 1, is arc i backwards. */
      if ((index >= 0 ? index : ~index) >= (gint64) n_arcs)
        return parse_error (dec, error,
                            _("geometry %u: arc index %lld is out of range (there are %u arcs)"),
                            geometry_index, (long long) index, n_arcs);

      arc = (guint) (index >= 0 ? index : ~index);
      dec->arc_uses[arc] = MIN (dec->arc_uses[arc] + 1, 2);
      start = g_array_index (dec->arc_start, guint, arc);
      end = g_array_index (dec->arc_start, guint, arc + 1);
      p = &g_array_index (dec->arc_points, DsrPoint, 0);
      /* Consecutive arcs share their joining position: add it once. */
      for (guint j = (k == 0 ? 0 : 1); j < end - start; j++)
        {
          guint at = index >= 0 ? start + j : end - 1 - j;

          dsr_geometry_add_weighted_point (dec->geometry, p[at].x, p[at].y, dec->arc_weights[at]);
        }
    }

  /* A ring that encloses nothing (fewer than three points) is dropped. */
  dsr_geometry_close_ring (dec->geometry, first_point);
  return TRUE;
}

static gboolean
decode_polygon (Decoder     *dec,
                JsonNode    *polygon_node,
                guint        geometry_index,
                GError     **error)
{
  JsonArray *polygon = JSON_NODE_HOLDS_ARRAY (polygon_node) ? json_node_get_array (polygon_node) : NULL;

  if (polygon == NULL)
    return parse_error (dec, error, _("geometry %u: a polygon is not a list of rings"), geometry_index);
  for (guint r = 0; r < json_array_get_length (polygon); r++)
    if (!decode_ring (dec, json_array_get_element (polygon, r), geometry_index, error))
      return FALSE;
  return TRUE;
}

/* ISO 3166 numeric codes come as strings ("004") or numbers; anything else
 * (world-atlas leaves it out for Kosovo, N. Cyprus, Somaliland) is 0. */
static int
decode_id (JsonObject *geometry)
{
  JsonNode *node = json_object_get_member (geometry, "id");
  gint64 id = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (get_string (node) != NULL)
    {
      if (!g_ascii_string_to_signed (get_string (node), 10, 1, 999, &id, NULL))
        return 0;
    }
  else if (!get_integer (node, &id) || id < 1 || id > 999)
    return 0;
  return (int) id;
}

static const char *
decode_name (JsonObject *geometry)
{
  JsonNode *node = json_object_get_member (geometry, "properties");
  JsonObject *properties;
  JsonNode *name;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  properties = json_node_get_object (node);
  name = json_object_get_member (properties, "name");
  return get_string (name);
}

static gboolean decode_object (Decoder     *dec,
                               JsonNode    *node,
                               guint       *counter,
                               GError     **error);

static gboolean
decode_geometry (Decoder     *dec,
                 JsonObject  *geometry,
                 guint       *counter,
                 GError     **error)
{
  JsonNode *type_node = json_object_get_member (geometry, "type");
  const char *type = get_string (type_node);
  JsonNode *arcs = json_object_get_member (geometry, "arcs");
  guint first_ring = dec->geometry->rings->len;
  guint index = *counter;

  if (type == NULL && type_node != NULL && !JSON_NODE_HOLDS_NULL (type_node))
    return parse_error (dec, error, _("geometry %u: its “type” is not a string"), index);

  if (g_strcmp0 (type, "GeometryCollection") == 0)
    {
      JsonArray *children = get_array (geometry, "geometries");

      if (children == NULL)
        return parse_error (dec, error, _("geometry %u: a GeometryCollection without “geometries”"),
                            index);
      for (guint i = 0; i < json_array_get_length (children); i++)
        if (!decode_object (dec, json_array_get_element (children, i), counter, error))
          return FALSE;
      return TRUE;
    }

  if (g_strcmp0 (type, "Polygon") == 0)
    {
      if (arcs == NULL || !decode_polygon (dec, arcs, index, error))
        return arcs == NULL ? parse_error (dec, error, _("geometry %u: a Polygon without “arcs”"), index)
                            : FALSE;
    }
  else if (g_strcmp0 (type, "MultiPolygon") == 0)
    {
      JsonArray *polygons = arcs && JSON_NODE_HOLDS_ARRAY (arcs) ? json_node_get_array (arcs) : NULL;

      if (polygons == NULL)
        return parse_error (dec, error, _("geometry %u: a MultiPolygon without a list of polygons"), index);
      for (guint i = 0; i < json_array_get_length (polygons); i++)
        if (!decode_polygon (dec, json_array_get_element (polygons, i), index, error))
          return FALSE;
    }
  else if (type == NULL)
    {
      /* A null geometry: a feature with nothing to draw. */
    }
  else if (g_str_equal (type, "Point") || g_str_equal (type, "MultiPoint")
           || g_str_equal (type, "LineString") || g_str_equal (type, "MultiLineString"))
    {
      /* Enclose no area: a choropleth has nothing to fill. */
      (*counter)++;
      return TRUE;
    }
  else
    return parse_error (dec, error, _("geometry %u: unknown geometry type “%s”"), index, type);

  (*counter)++;
  dsr_geometry_add_feature (dec->geometry, decode_id (geometry), decode_name (geometry), first_ring);
  return TRUE;
}

/* A geometry, or every geometry of a collection; @counter numbers the
 * geometries (not the collections) for error messages. */
static gboolean
decode_object (Decoder     *dec,
               JsonNode    *node,
               guint       *counter,
               GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return parse_error (dec, error, _("geometry %u is not an object"), *counter);
  return decode_geometry (dec, json_node_get_object (node), counter, error);
}

/**
 * dsr_topojson_decode:
 * @data: the TopoJSON text
 * @length: its length, or -1 when it is nul-terminated
 * @object_name: (nullable): which of the topology's objects to decode;
 *   %NULL for "countries", or the first one when there is no such object
 * @source_name: names the data in error messages (a file name)
 *
 * Decodes the polygons of one object of a TopoJSON topology: one feature
 * per geometry, with its numeric id and its "name" property, and the arcs
 * that two rings share as border lines.
 *
 * Returns: (transfer full): the geometry in the topology's coordinates
 *   (longitude and latitude for world-atlas), or %NULL with an error in
 *   %DSR_ERROR that names @source_name and the problem.
 */
DsrGeometry *
dsr_topojson_decode (const char  *data,
                     gssize       length,
                     const char  *object_name,
                     const char  *source_name,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) json_error = NULL;
  g_auto(Decoder) dec = { 0 };
  JsonNode *root, *object_node;
  JsonObject *topology, *objects;
  guint counter = 0;

  g_return_val_if_fail (data != NULL, NULL);

  dec.source = source_name ? source_name : "TopoJSON";

  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      parse_error (&dec, error, _("not valid JSON: %s"), json_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      parse_error (&dec, error, _("not a TopoJSON topology: the top level is not an object"));
      return NULL;
    }
  topology = json_node_get_object (root);

  if (json_object_has_member (topology, "type")
      && g_strcmp0 (get_string (json_object_get_member (topology, "type")), "Topology") != 0)
    {
      parse_error (&dec, error, _("not a TopoJSON topology: its “type” is not “Topology”"));
      return NULL;
    }

  object_node = json_object_get_member (topology, "objects");
  if (object_node == NULL || !JSON_NODE_HOLDS_OBJECT (object_node))
    {
      parse_error (&dec, error, _("not a TopoJSON topology: no “objects”"));
      return NULL;
    }
  objects = json_node_get_object (object_node);

  if (object_name != NULL)
    object_node = json_object_get_member (objects, object_name);
  else if (json_object_has_member (objects, "countries"))
    object_node = json_object_get_member (objects, "countries");
  else
    {
      g_autoptr(GList) members = json_object_get_members (objects);

      object_node = members ? json_object_get_member (objects, members->data) : NULL;
    }
  if (object_node == NULL)
    {
      if (object_name != NULL)
        parse_error (&dec, error, _("the topology has no object “%s”"), object_name);
      else
        parse_error (&dec, error, _("the topology has no objects"));
      return NULL;
    }

  if (!decode_arcs (&dec, topology, error))
    return NULL;

  dec.geometry = dsr_geometry_new ();
  if (!decode_object (&dec, object_node, &counter, error))
    return NULL;
  add_borders (&dec);

  return g_steal_pointer (&dec.geometry);
}

/* Borders --------------------------------------------------------------------------- */

/**
 * dsr_map_data_new_from_topojson:
 * @source_name: names the data in error messages
 *
 * Borders from the "countries" object of a TopoJSON topology (or its first
 * object), as world-atlas has them.
 */
DsrMapData *
dsr_map_data_new_from_topojson (const char  *data,
                                gssize       length,
                                const char  *source_name,
                                GError     **error)
{
  g_autoptr(DsrGeometry) geometry = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  geometry = dsr_topojson_decode (data, length, NULL, source_name, error);
  if (geometry == NULL)
    return NULL;
  if (dsr_geometry_get_n_features (geometry) == 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA, _("%s: there are no countries in it"),
                   source_name ? source_name : "TopoJSON");
      return NULL;
    }
  return dsr_map_data_new (g_steal_pointer (&geometry));
}

/* Borders from a TopoJSON file. */
DsrMapData *
dsr_map_data_new_from_file (GFile   *file,
                            GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  return dsr_map_data_new_from_topojson (contents, length, name, error);
}
