/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "dsr-error.h"
#include "dsr-map-borders.h"
#include "dsr-projection.h"
#include "dsr-test-utils.h"
#include "dsr-topojson.h"

/* Quantised and delta-encoded: scale (0.5, 0.25), translate (10, 20).
 * Arc 0: (0,0) (4,0) (4,4) -> (10,20) (12,20) (12,21)
 * Arc 1: (4,4) (0,4) (0,0) -> (12,21) (10,21) (10,20)
 * Arc 2: (8,0) (12,0) (12,4) (8,4) (8,0) -> a square (14,20)-(16,21) */
static const char quantised[] =
  "{\"type\":\"Topology\","
  " \"transform\":{\"scale\":[0.5,0.25],\"translate\":[10,20]},"
  " \"arcs\":[[[0,0],[4,0],[0,4]], [[4,4],[-4,0],[0,-4]], [[8,0],[4,0],[0,4],[-4,0],[0,-4]]],"
  " \"objects\":{\"countries\":{\"type\":\"GeometryCollection\",\"geometries\":["
  "  {\"type\":\"Polygon\",\"arcs\":[[0,1]],\"id\":\"004\",\"properties\":{\"name\":\"Forward\"}},"
  "  {\"type\":\"Polygon\",\"arcs\":[[-2,-1]],\"id\":156,\"properties\":{\"name\":\"Reversed\"}},"
  "  {\"type\":\"MultiPolygon\",\"arcs\":[[[0,1]],[[2]]],\"id\":\"-99\",\"properties\":{\"name\":\"Two\"}},"
  "  {\"type\":\"Polygon\",\"arcs\":[[2]],\"properties\":{\"name\":\"N. Nowhere\"}},"
  "  {\"type\":null,\"id\":\"010\"},"
  "  {\"type\":\"Point\",\"coordinates\":[1,2]}"
  " ]}}}";

/* Not quantised: a square of 10 with a hole of 2 (lake), and an island in it. */
static const char holes[] =
  "{\"type\":\"Topology\","
  " \"arcs\":[[[0,0],[10,0],[10,10],[0,10],[0,0]], [[4,4],[4,6],[6,6],[6,4],[4,4]],"
  "          [[4.5,4.5],[5.5,4.5],[5.5,5.5],[4.5,5.5],[4.5,4.5]]],"
  " \"objects\":{\"land\":{\"type\":\"GeometryCollection\",\"geometries\":["
  "  {\"type\":\"MultiPolygon\",\"arcs\":[[[0],[1]],[[2]]],\"id\":\"276\"}"
  " ]}}}";

static DsrGeometry *
decode (const char *json)
{
  g_autoptr(GError) error = NULL;
  DsrGeometry *g = dsr_topojson_decode (json, -1, NULL, "test.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (g);
  return g;
}

static void
assert_point (const DsrGeometry *g,
              const DsrRing     *ring,
              guint              index,
              double             x,
              double             y)
{
  const DsrPoint *p = dsr_geometry_get_ring_points (g, ring);

  g_assert_cmpuint (index, <, ring->n_points);
  g_assert_cmpfloat_with_epsilon (p[index].x, x, 1e-12);
  g_assert_cmpfloat_with_epsilon (p[index].y, y, 1e-12);
}

static void
test_quantised (void)
{
  g_autoptr(DsrGeometry) g = decode (quantised);
  const DsrFeature *f;
  const DsrRing *ring;

  /* The Point encloses nothing and is left out; the null geometry stays. */
  g_assert_cmpuint (dsr_geometry_get_n_features (g), ==, 5);
  /* Every arc is shared by two rings or more: three border lines. */
  g_assert_cmpuint (g->lines->len, ==, 3);
  g_assert_cmpuint (g->weights->len, ==, g->points->len);

  f = dsr_geometry_get_feature (g, 0);
  g_assert_cmpint (f->id, ==, 4);
  g_assert_cmpstr (f->name, ==, "Forward");
  g_assert_cmpuint (f->n_rings, ==, 1);
  ring = dsr_geometry_get_ring (g, f->first_ring);
  /* Two arcs of three points sharing their ends: five points, closed. */
  g_assert_cmpuint (ring->n_points, ==, 5);
  assert_point (g, ring, 0, 10, 20);
  assert_point (g, ring, 1, 12, 20);
  assert_point (g, ring, 2, 12, 21);
  assert_point (g, ring, 3, 10, 21);
  assert_point (g, ring, 4, 10, 20);
  g_assert_cmpfloat_with_epsilon (ring->area, 2, 1e-12);
  g_assert_cmpfloat (f->bbox.x0, ==, 10);
  g_assert_cmpfloat (f->bbox.x1, ==, 12);
  g_assert_cmpfloat (f->bbox.y0, ==, 20);
  g_assert_cmpfloat (f->bbox.y1, ==, 21);
}

static void
test_reversed (void)
{
  g_autoptr(DsrGeometry) g = decode (quantised);
  const DsrFeature *f = dsr_geometry_get_feature (g, 1);
  const DsrRing *ring = dsr_geometry_get_ring (g, f->first_ring);

  /* ~1 then ~0: arc 1 backwards, then arc 0 backwards. */
  g_assert_cmpint (f->id, ==, 156);
  g_assert_cmpuint (ring->n_points, ==, 5);
  assert_point (g, ring, 0, 10, 20);
  assert_point (g, ring, 1, 10, 21);
  assert_point (g, ring, 2, 12, 21);
  assert_point (g, ring, 3, 12, 20);
  assert_point (g, ring, 4, 10, 20);
  /* The same square, wound the other way. */
  g_assert_cmpfloat_with_epsilon (ring->area, -2, 1e-12);
  g_assert_true (dsr_geometry_feature_contains (g, 1, 11, 20.5));
}

static void
test_multipolygon (void)
{
  g_autoptr(DsrGeometry) g = decode (quantised);
  const DsrFeature *f = dsr_geometry_get_feature (g, 2);

  g_assert_cmpint (f->id, ==, 0);  /* "-99" is no ISO code */
  g_assert_cmpuint (f->n_rings, ==, 2);
  g_assert_cmpfloat (f->bbox.x0, ==, 10);
  g_assert_cmpfloat (f->bbox.x1, ==, 16);
  g_assert_true (dsr_geometry_feature_contains (g, 2, 11, 20.5));
  g_assert_true (dsr_geometry_feature_contains (g, 2, 15, 20.5));
  g_assert_false (dsr_geometry_feature_contains (g, 2, 13, 20.5));
}

/* Kosovo, N. Cyprus and Somaliland have no id in world-atlas: they still draw. */
static void
test_missing_id (void)
{
  g_autoptr(DsrGeometry) g = decode (quantised);
  const DsrFeature *no_id = dsr_geometry_get_feature (g, 3);
  const DsrFeature *null_geometry = dsr_geometry_get_feature (g, 4);

  g_assert_cmpint (no_id->id, ==, 0);
  g_assert_cmpstr (no_id->name, ==, "N. Nowhere");
  g_assert_cmpuint (no_id->n_rings, ==, 1);
  g_assert_true (dsr_geometry_feature_contains (g, 3, 15, 20.5));

  g_assert_cmpint (null_geometry->id, ==, 10);
  g_assert_cmpuint (null_geometry->n_rings, ==, 0);
  g_assert_cmpstr (null_geometry->name, ==, "");
}

static void
test_holes (void)
{
  g_autoptr(DsrGeometry) g = decode (holes);
  const DsrFeature *f;

  /* Not "countries": the first object is taken. No arc is shared: no border lines. */
  g_assert_cmpuint (dsr_geometry_get_n_features (g), ==, 1);
  g_assert_cmpuint (g->lines->len, ==, 0);
  f = dsr_geometry_get_feature (g, 0);
  g_assert_cmpint (f->id, ==, 276);
  g_assert_cmpuint (f->n_rings, ==, 3);
  g_assert_true (dsr_geometry_feature_contains (g, 0, 1, 1));
  g_assert_false (dsr_geometry_feature_contains (g, 0, 4.2, 5));
  g_assert_true (dsr_geometry_feature_contains (g, 0, 5, 5));
  g_assert_false (dsr_geometry_feature_contains (g, 0, 12, 5));
}

static void
test_named_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrGeometry) g = dsr_topojson_decode (holes, -1, "land", "test.json", &error);
  g_autoptr(DsrGeometry) none = dsr_topojson_decode (holes, -1, "countries", "test.json", &error);

  g_assert_nonnull (g);
  g_assert_null (none);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "countries"));
}

/* Every malformed input is an error that names the file, never a crash. */
static void
test_malformed (void)
{
  static const struct
  {
    const char *json;
    const char *says;
  } cases[] = {
    { "", "JSON" },
    { "not json at all", "JSON" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0]]", "JSON" },
    { "[1, 2, 3]", "top level" },
    { "{\"type\":\"Feature\",\"arcs\":[],\"objects\":{}}", "Topology" },
    { "{\"type\":\"Topology\",\"arcs\":[]}", "objects" },
    { "{\"type\":\"Topology\",\"objects\":{\"c\":{\"type\":\"Polygon\",\"arcs\":[[0]]}}}", "arcs" },
    { "{\"type\":\"Topology\",\"arcs\":{},\"objects\":{\"c\":{}}}", "arcs" },
    { "{\"type\":\"Topology\",\"arcs\":[],\"objects\":{}}", "no objects" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"Polygon\",\"arcs\":[[5]]}}}", "out of range" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"Polygon\",\"arcs\":[[-6]]}}}", "out of range" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"Polygon\",\"arcs\":[[0.5]]}}}", "integer" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"Polygon\",\"arcs\":[[\"0\"]]}}}", "integer" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"Polygon\",\"arcs\":[0]}}}", "ring" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"Polygon\",\"arcs\":0}}}", "polygon" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"MultiPolygon\",\"arcs\":[[0]]}}}", "ring" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"MultiPolygon\"}}}", "MultiPolygon" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"Polygon\"}}}", "Polygon" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"Circle\",\"arcs\":[[0]]}}}", "Circle" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":7}}}", "type" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"GeometryCollection\"}}}", "geometries" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1,0],[1,1]]],"
      "\"objects\":{\"c\":{\"type\":\"GeometryCollection\",\"geometries\":[3]}}}", "not an object" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[\"a\",0]]],\"objects\":{\"c\":{}}}", "position 1" },
    { "{\"type\":\"Topology\",\"arcs\":[[[0,0],[1]]],\"objects\":{\"c\":{}}}", "position 1" },
    { "{\"type\":\"Topology\",\"arcs\":[[]],\"objects\":{\"c\":{}}}", "arc 0" },
    { "{\"type\":\"Topology\",\"arcs\":[5],\"objects\":{\"c\":{}}}", "arc 0" },
    { "{\"type\":\"Topology\",\"transform\":{\"scale\":[1]},\"arcs\":[],\"objects\":{\"c\":{}}}",
      "transform" },
    { "{\"type\":\"Topology\",\"transform\":[1,2],\"arcs\":[],\"objects\":{\"c\":{}}}", "transform" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DsrGeometry) g = dsr_topojson_decode (cases[i].json, -1, NULL, "bad.json", &error);

      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (g);
      g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

static void
test_no_countries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrMapData) data =
    dsr_map_data_new_from_topojson ("{\"type\":\"Topology\",\"arcs\":[],\"objects\":{\"c\":"
                                    "{\"type\":\"GeometryCollection\",\"geometries\":[]}}}",
                                    -1, "empty.json", &error);

  g_assert_null (data);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/borders.json");
  g_autoptr(DsrMapData) data = dsr_map_data_new_from_file (file, &error);

  g_assert_null (data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/borders.json"));
}

static char *
source_borders_path (void)
{
  const char *data = g_getenv ("DSR_SOURCE_DATA");

  g_assert_nonnull (data);
  return g_build_filename (data, "map", DSR_MAP_BORDERS_SOURCE, NULL);
}

/* The real file: world-atlas 2.0.2's countries at 1:50m. */
static void
test_world_atlas (void)
{
  g_autofree char *path = source_borders_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrMapData) data = dsr_map_data_new_from_file (file, &error);
  const DsrGeometry *g;
  guint no_id = 0;
  int china;

  g_assert_no_error (error);
  g = dsr_map_data_get_geometry (data);
  g_assert_cmpuint (dsr_map_data_get_n_features (data), ==, 241);

  china = dsr_geometry_find_id (g, 156);
  g_assert_cmpint (china, >=, 0);
  g_assert_cmpstr (dsr_geometry_get_feature (g, china)->name, ==, "China");
  for (guint i = 0; i < dsr_geometry_get_n_features (g); i++)
    {
      const DsrFeature *f = dsr_geometry_get_feature (g, i);

      g_assert_cmpuint (f->n_rings, >, 0);
      if (f->id == 0)
        {
          g_test_message ("no id: %s", f->name);
          no_id++;
        }
      /* Longitudes stay on the map after cutting at the antimeridian. */
      g_assert_cmpfloat (f->bbox.x0, >=, -180);
      g_assert_cmpfloat (f->bbox.x1, <=, 180);
    }
  g_assert_cmpuint (no_id, ==, 5);  /* N. Cyprus, Kosovo, Somaliland, Indian Ocean Ter., Siachen */

  /* Beijing is in China, the middle of the Atlantic in nothing. */
  g_assert_cmpint (dsr_map_data_find_feature (data, 116.4, 39.9), ==, china);
  g_assert_cmpint (dsr_map_data_find_feature (data, -30, 20), ==, -1);
}

/* What the program loads (decoded at build time) is what the decoder makes. */
static void
test_bundled_matches_source (void)
{
  g_autofree char *path = source_borders_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrMapData) source = dsr_map_data_new_from_file (file, &error);
  g_autoptr(DsrMapData) bundled = dsr_map_data_load_bundled (&error);
  g_autoptr(DsrMapData) again = dsr_map_data_load_bundled (&error);
  const DsrGeometry *a, *b;

  g_assert_no_error (error);
  g_assert_true (bundled == again);  /* decoded once per process */

  a = dsr_map_data_get_projected (source);
  b = dsr_map_data_get_projected (bundled);
  g_assert_cmpuint (a->features->len, ==, b->features->len);
  g_assert_cmpuint (a->rings->len, ==, b->rings->len);
  g_assert_cmpuint (a->points->len, ==, b->points->len);
  for (guint i = 0; i < a->features->len; i++)
    {
      const DsrFeature *fa = dsr_geometry_get_feature (a, i), *fb = dsr_geometry_get_feature (b, i);

      g_assert_cmpint (fa->id, ==, fb->id);
      g_assert_cmpstr (fa->name, ==, fb->name);
      g_assert_cmpuint (fa->n_rings, ==, fb->n_rings);
    }
  g_assert_cmpmem (a->points->data, a->points->len * sizeof (DsrPoint),
                   b->points->data, b->points->len * sizeof (DsrPoint));

  /* The longitudes and latitudes, made on first use from the bundled
   * points, are the decoder's, ring for ring. */
  a = dsr_map_data_get_geometry (source);
  b = dsr_map_data_get_geometry (bundled);
  g_assert_true (b == dsr_map_data_get_geometry (bundled));  /* made once */
  g_assert_cmpuint (a->rings->len, ==, b->rings->len);
  g_assert_cmpmem (a->points->data, a->points->len * sizeof (DsrPoint),
                   b->points->data, b->points->len * sizeof (DsrPoint));
  g_assert_cmpmem (a->rings->data, a->rings->len * sizeof (DsrRing),
                   b->rings->data, b->rings->len * sizeof (DsrRing));

  /* And the serialised form round-trips. */
  {
    g_autoptr(GBytes) bytes = dsr_geometry_serialize (dsr_map_data_get_geometry (bundled));
    g_autoptr(DsrGeometry) back = dsr_geometry_new_from_serialized (bytes, "again", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (back->points->len, ==, dsr_map_data_get_geometry (bundled)->points->len);
  }
}

static void
test_serialized_damaged (void)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a variant at all", 20);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(DsrMapData) a = dsr_map_data_new_from_serialized (junk, "junk", &error);

  g_assert_null (a);
  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_null (dsr_map_data_new_from_serialized (empty, "empty", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_PARSE);
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/map/topojson/quantised", test_quantised);
  g_test_add_func ("/map/topojson/reversed", test_reversed);
  g_test_add_func ("/map/topojson/multipolygon", test_multipolygon);
  g_test_add_func ("/map/topojson/missing-id", test_missing_id);
  g_test_add_func ("/map/topojson/holes", test_holes);
  g_test_add_func ("/map/topojson/named-object", test_named_object);
  g_test_add_func ("/map/topojson/malformed", test_malformed);
  g_test_add_func ("/map/topojson/no-countries", test_no_countries);
  g_test_add_func ("/map/topojson/missing-file", test_missing_file);
  g_test_add_func ("/map/topojson/world-atlas", test_world_atlas);
  g_test_add_func ("/map/topojson/bundled-matches-source", test_bundled_matches_source);
  g_test_add_func ("/map/topojson/serialized-damaged", test_serialized_damaged);

  return g_test_run ();
}
