/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "dsr-enum-types.h"
#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-object-list.h"
#include "dsr-store.h"
#include "dsr-test-utils.h"
#include "dsr-view.h"

static const char *countries[] = { "AAA", "BBB", "CCC", "DDD", NULL };

static void
test_indicator_basics (void)
{
  g_autoptr(DsrIndicator) ind = dsr_indicator_new ("X.1", "Name", "%", DSR_THEME_PAYMENT, "src", 9,
                                                   FALSE, NULL);

  g_assert_cmpstr (dsr_indicator_get_id (ind), ==, "X.1");
  g_assert_cmpstr (dsr_indicator_get_unit (ind), ==, "%");
  g_assert_cmpint (dsr_indicator_get_theme (ind), ==, DSR_THEME_PAYMENT);
  g_assert_cmpint (dsr_indicator_get_decimals (ind), ==, 6); /* clamped */
  g_assert_false (dsr_indicator_get_higher_is_better (ind));
  g_assert_cmpstr (dsr_indicator_get_description (ind), ==, "");
}

static void
test_store_duplicates (void)
{
  g_autoptr(DsrStore) store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrIndicator) ind = dsr_indicator_new ("X", "X", "", DSR_THEME_TRADE, "", 1, TRUE, "");
  g_autoptr(DsrIndicator) twin = dsr_indicator_new ("X", "X again", "", DSR_THEME_TRADE, "", 1, TRUE, "");
  g_autoptr(DsrEntity) dup = dsr_entity_new ("AAA", DSR_ENTITY_COUNTRY, "A", 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (dsr_store_add_indicator (store, ind, &error));
  g_assert_false (dsr_store_add_indicator (store, twin, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (dsr_store_add_entity (store, dup, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (dsr_store_get_indicators (store)), ==, 1);
  g_assert_true (dsr_store_find_country_by_numeric (store, 2) == dsr_store_get_entity (store, "BBB"));
  g_assert_null (dsr_store_find_country_by_numeric (store, 999));
}

static void
test_observations (void)
{
  g_autoptr(DsrStore) store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrIndicator) ind = dsr_indicator_new ("X", "X", "", DSR_THEME_TRADE, "", 1, TRUE, "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) years = NULL;
  DsrObservation obs;

  dsr_store_add_indicator (store, ind, NULL);
  /* Out of order on purpose: the store keeps years sorted. */
  g_assert_true (dsr_store_add_observation (store, "X", "AAA", 2015, 3.5, DSR_QUALIFIER_EXACT,
                                            "s1", "", &error));
  g_assert_true (dsr_store_add_observation (store, "X", "AAA", 2012, 1.0, DSR_QUALIFIER_ABOUT,
                                            "s1", "n", &error));
  g_assert_true (dsr_store_add_observation (store, "X", "WLD", 2013, 7.0, DSR_QUALIFIER_EXACT,
                                            "s2", "", &error));
  g_assert_no_error (error);

  g_assert_true (dsr_store_lookup (store, "X", "AAA", 2012, &obs));
  g_assert_cmpfloat (obs.value, ==, 1.0);
  g_assert_cmpint (obs.qualifier, ==, DSR_QUALIFIER_ABOUT);
  g_assert_cmpint (obs.basis, ==, DSR_BASIS_OBSERVED);
  g_assert_cmpstr (obs.source, ==, "s1");
  g_assert_cmpstr (obs.note, ==, "n");
  g_assert_true (dsr_store_lookup (store, "X", "WLD", 2013, &obs));
  g_assert_cmpint (obs.basis, ==, DSR_BASIS_REPORTED);
  g_assert_false (dsr_store_lookup (store, "X", "AAA", 2013, NULL));
  g_assert_false (dsr_store_lookup (store, "X", "ZZZ", 2012, NULL));
  g_assert_false (dsr_store_lookup (store, "Y", "AAA", 2012, NULL));

  years = dsr_store_get_years (store, "X");
  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2012);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2013);
  g_assert_cmpint (g_array_index (years, int, 2), ==, 2015);
  g_assert_cmpint (dsr_store_nearest_year (store, "X", 2014), ==, 2013); /* tie: earlier */
  g_assert_cmpint (dsr_store_nearest_year (store, "X", 2030), ==, 2015);
  g_assert_cmpint (dsr_store_nearest_year (store, "nope", 2030), ==, 0);
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, 3);
}

static void
test_observation_errors (void)
{
  g_autoptr(DsrStore) store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrIndicator) ind = dsr_indicator_new ("X", "X", "", DSR_THEME_TRADE, "", 1, TRUE, "");
  g_autoptr(GError) error = NULL;

  dsr_store_add_indicator (store, ind, NULL);
  g_assert_false (dsr_store_add_observation (store, "Q", "AAA", 2012, 1, 0, "", "", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (dsr_store_add_observation (store, "X", "ZZZ", 2012, 1, 0, "", "", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (dsr_store_add_observation (store, "X", "AAA", 99999, 1, 0, "", "", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dsr_store_add_observation (store, "X", "AAA", -1, 1, 0, "", "", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dsr_store_add_observation (store, "X", "AAA", 2012, NAN, 0, "", "", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dsr_store_add_observation (store, "X", "AAA", 2012, INFINITY, 0, "", "", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (dsr_store_add_observation (store, "X", "AAA", 2012, 1, 0, "", "", &error));
  g_assert_false (dsr_store_add_observation (store, "X", "AAA", 2012, 2, 0, "", "", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE);
  g_assert_cmpuint (dsr_store_get_n_observations (store), ==, 1);
}

static void
test_grouping (void)
{
  g_autoptr(DsrStore) store = dsr_test_store_with_countries (countries);
  g_autoptr(DsrGrouping) grouping = dsr_grouping_new ("g", "G", "");
  g_autoptr(DsrGrouping) bad = dsr_grouping_new ("b", "B", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  DsrRegion *north;

  north = dsr_grouping_add_region (grouping, "north", "North", &error);
  g_assert_nonnull (north);
  g_assert_nonnull (dsr_grouping_add_region (grouping, "south", "South", &error));
  g_assert_null (dsr_grouping_add_region (grouping, "north", "Again", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_null (dsr_grouping_add_region (grouping, "a:b", "Colon", &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (dsr_grouping_add_member (grouping, "north", "AAA", 2013, 0, &error));
  g_assert_true (dsr_grouping_add_member (grouping, "north", "BBB", 2015, 2019, &error));
  g_assert_true (dsr_grouping_add_member (grouping, "south", "CCC", 0, 0, &error));
  /* A partition: a country is in one region only. */
  g_assert_false (dsr_grouping_add_member (grouping, "south", "AAA", 0, 0, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_false (dsr_grouping_add_member (grouping, "west", "DDD", 0, 0, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID);
  g_clear_error (&error);
  g_assert_false (dsr_grouping_add_member (grouping, "south", "DDD", 2020, 2018, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpstr (dsr_region_get_entity_id (north), ==, "g:north");
  g_assert_true (dsr_grouping_region_of (grouping, "BBB") == north);
  g_assert_null (dsr_grouping_region_of (grouping, "DDD"));

  /* Membership as of a year. */
  members = dsr_region_members_as_of (north, 2012);
  g_assert_cmpuint (members->len, ==, 0);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = dsr_region_members_as_of (north, 2016);
  g_assert_cmpuint (members->len, ==, 2);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = dsr_region_members_as_of (north, 2019); /* BBB left in 2019 */
  g_assert_cmpuint (members->len, ==, 1);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = dsr_region_members_as_of (north, DSR_AS_OF_CURRENT);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (members, 0), ==, "AAA");
  g_clear_pointer (&members, g_ptr_array_unref);
  members = dsr_grouping_members_as_of (grouping, 2016);
  g_assert_cmpuint (members->len, ==, 3);
  g_assert_true (dsr_region_has_member_as_of (north, "BBB", 2018));
  g_assert_false (dsr_region_has_member_as_of (north, "BBB", 2019));

  /* The store adds one entity per region, and refuses unknown members. */
  g_assert_true (dsr_store_add_grouping (store, grouping, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dsr_store_get_entity (store, "g:north"));
  g_assert_cmpint (dsr_entity_get_kind (dsr_store_get_entity (store, "g:south")), ==, DSR_ENTITY_REGION);
  g_assert_false (dsr_store_add_grouping (store, grouping, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_DUPLICATE);
  g_clear_error (&error);

  dsr_grouping_add_region (bad, "r", "R", NULL);
  dsr_grouping_add_member (bad, "r", "XYZ", 0, 0, NULL);
  g_assert_false (dsr_store_add_grouping (store, bad, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID);
  g_assert_null (dsr_store_get_entity (store, "b:r"));
  g_assert_null (dsr_store_get_grouping (store, "b"));
}

static void
test_format (void)
{
  g_autofree char *a = dsr_format_number (1234.5, 1);
  g_autofree char *b = dsr_format_number (-0.04, 1);
  g_autofree char *c = dsr_format_number (-2.5, 2);
  g_autofree char *d = dsr_format_number (NAN, 2);
  g_autofree char *e = dsr_format_value (40, 0, DSR_QUALIFIER_ABOUT);
  g_autofree char *f = dsr_format_value (66.7, 1, DSR_QUALIFIER_MORE_THAN);
  g_autofree char *g = dsr_format_coverage (12, 18);
  g_autofree char *h = dsr_format_coverage (1, 1);
  g_autofree char *i = dsr_format_c_number (51.71, 2);
  g_autofree char *j = dsr_format_c_number (NAN, 2);

  g_assert_cmpstr (a, ==, "1234.5"); /* C.UTF-8 has no grouping */
  g_assert_cmpstr (b, ==, "0.0");
  g_assert_cmpstr (c, ==, "−2.50");
  g_assert_cmpstr (d, ==, "—");
  g_assert_cmpstr (e, ==, "about 40");
  g_assert_cmpstr (f, ==, "more than 66.7");
  g_assert_cmpstr (g, ==, "12 of 18 economies");
  g_assert_cmpstr (h, ==, "1 of 1 economy");
  g_assert_cmpstr (i, ==, "51.71");
  g_assert_cmpstr (j, ==, "");
}

static void
test_format_locale (void)
{
  /* A locale with a decimal comma: shown numbers follow it, file numbers never do. */
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 locale not available");
      return;
    }
  {
    g_autofree char *shown = dsr_format_number (1234.5, 1);
    g_autofree char *file = dsr_format_c_number (1234.5, 1);

    g_assert_cmpstr (shown, ==, "1.234,5");
    g_assert_cmpstr (file, ==, "1234.5");
  }
  setlocale (LC_NUMERIC, saved);
}

static void
test_enums (void)
{
  DsrQualifier q;
  DsrTheme t;
  DsrViewKind k;
  DsrCompare c;
  DsrScheme s;
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autoptr(DsrView) copy = NULL;

  g_assert_true (dsr_qualifier_from_string ("", &q) && q == DSR_QUALIFIER_EXACT);
  g_assert_true (dsr_qualifier_from_string ("more-than", &q) && q == DSR_QUALIFIER_MORE_THAN);
  g_assert_false (dsr_qualifier_from_string ("roughly", &q));
  g_assert_true (dsr_theme_from_string ("security", &t) && t == DSR_THEME_SECURITY);
  g_assert_false (dsr_theme_from_string ("Security", &t));
  g_assert_cmpstr (dsr_basis_to_string (DSR_BASIS_COMPUTED), ==, "computed");
  g_assert_cmpstr (dsr_entity_kind_to_string (DSR_ENTITY_BRI), ==, "bri");
  g_assert_true (dsr_view_kind_from_string ("trend", &k) && k == DSR_VIEW_TREND);
  g_assert_false (dsr_view_kind_from_string ("pie", &k));
  g_assert_true (dsr_compare_from_string ("world-diff", &c) && c == DSR_COMPARE_WORLD_DIFF);
  g_assert_true (dsr_scheme_from_string ("dark", &s) && s == DSR_SCHEME_DARK);

  view->indicator_id = g_strdup ("X");
  view->regions = g_strsplit ("a,b", ",", -1);
  copy = dsr_view_copy (view);
  g_assert_cmpstr (copy->indicator_id, ==, "X");
  g_assert_true (copy->indicator_id != view->indicator_id);
  g_assert_cmpstr (copy->regions[1], ==, "b");
}

/* The registered enum types (gnome.mkenums_simple) name each value as the
 * files, the command line and the settings do. */
static void
test_enum_types (void)
{
  static const struct { GType (*get_type) (void); const char *(*to_string) (int); } enums[] = {
    { dsr_view_kind_get_type, (const char *(*) (int)) dsr_view_kind_to_string },
    { dsr_compare_get_type, (const char *(*) (int)) dsr_compare_to_string },
    { dsr_membership_get_type, (const char *(*) (int)) dsr_membership_to_string },
    { dsr_scheme_get_type, (const char *(*) (int)) dsr_scheme_to_string },
    { dsr_basis_get_type, (const char *(*) (int)) dsr_basis_to_string },
    { dsr_entity_kind_get_type, (const char *(*) (int)) dsr_entity_kind_to_string },
    { dsr_theme_get_type, (const char *(*) (int)) dsr_theme_to_string },
    { dsr_aggregation_get_type, (const char *(*) (int)) dsr_aggregation_to_string },
  };

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enums[i].get_type ());

      g_assert_cmpuint (klass->n_values, >, 1);
      for (guint v = 0; v < klass->n_values; v++)
        g_assert_cmpstr (klass->values[v].value_nick, ==, enums[i].to_string (klass->values[v].value));
    }
}

/* The store's lists: a GListModel whose reads change nothing. */
static void
changed_cb (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static void
test_object_list (void)
{
  g_autoptr(DsrObjectList) list = dsr_object_list_new (DSR_TYPE_ENTITY);
  g_autoptr(DsrEntity) a = dsr_entity_new ("AAA", DSR_ENTITY_COUNTRY, "A", 1);
  g_autoptr(DsrEntity) b = dsr_entity_new ("BBB", DSR_ENTITY_COUNTRY, "B", 2);
  g_autoptr(DsrEntity) c = dsr_entity_new ("CCC", DSR_ENTITY_COUNTRY, "C", 3);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(DsrEntity) first = NULL;
  guint position = 99;

  g_signal_connect (list, "items-changed", G_CALLBACK (changed_cb), log);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == DSR_TYPE_ENTITY);
  dsr_object_list_append (list, a);
  dsr_object_list_append (list, b);
  g_assert_true (dsr_object_list_find (list, b, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_false (dsr_object_list_find (list, c, NULL));
  dsr_object_list_replace (list, 0, c);
  dsr_object_list_remove (list, 1);
  g_assert_cmpstr (log->str, ==, "0-0+1 1-0+1 0-1+1 1-1+0 ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == c);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));
}

typedef struct
{
  GListModel *model;
  GPtrArray  *expected;
  guint       seed;
  guint       wrong;
} Reader;

static gpointer
read_thread (gpointer data)
{
  Reader *r = data;
  GRand *rand = g_rand_new_with_seed (r->seed);

  for (guint k = 0; k < 200000; k++)
    {
      /* Mostly neighbours (what a cache of the last position serves), some jumps. */
      guint i = g_rand_int_range (rand, 0, r->expected->len);
      DsrEntity *got = g_list_model_get_item (r->model, i);

      if (got != g_ptr_array_index (r->expected, i))
        r->wrong++;
      g_object_unref (got);
      if (i + 1 < r->expected->len)
        {
          got = g_list_model_get_item (r->model, i + 1);
          if (got != g_ptr_array_index (r->expected, i + 1))
            r->wrong++;
          g_object_unref (got);
        }
    }
  g_rand_free (rand);
  return NULL;
}

/* Two threads reading at once each get the item at the position they ask
 * for (a GListStore here gives the other thread's item now and then). */
static void
test_object_list_threads (void)
{
  g_autoptr(DsrObjectList) list = dsr_object_list_new (DSR_TYPE_ENTITY);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_object_unref);
  Reader readers[2];
  GThread *threads[2];

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("E%03u", i);
      DsrEntity *entity = dsr_entity_new (id, DSR_ENTITY_COUNTRY, id, 0);

      dsr_object_list_append (list, entity);
      g_ptr_array_add (expected, entity);
    }
  for (guint t = 0; t < 2; t++)
    {
      readers[t] = (Reader) { G_LIST_MODEL (list), expected, 17 + t, 0 };
      threads[t] = g_thread_new ("reader", read_thread, &readers[t]);
    }
  for (guint t = 0; t < 2; t++)
    {
      g_thread_join (threads[t]);
      g_assert_cmpuint (readers[t].wrong, ==, 0);
    }
}

/* The aggregation rule: the publisher's method first, then the unit, then the name. */
static void
test_aggregation_guess (void)
{
  struct { const char *name, *unit, *method; DsrAggregation expected; } cases[] = {
    { "Individuals using the Internet", "% of population", NULL, DSR_AGGREGATION_MEAN },
    { "Fixed broadband subscriptions", "per 100 people", NULL, DSR_AGGREGATION_MEAN },
    { "ICT service exports", "BoP, current US$", NULL, DSR_AGGREGATION_SUM },
    { "Population, total", "", NULL, DSR_AGGREGATION_SUM },
    { "Mobile cellular subscriptions", "", NULL, DSR_AGGREGATION_SUM },
    { "Global Cybersecurity Index", "0–100 score", NULL, DSR_AGGREGATION_MEAN },
    { "Fixed broadband subscriptions", "per 100 people", "Weighted average", DSR_AGGREGATION_MEAN },
    { "Anything", "% of GDP", "Sum", DSR_AGGREGATION_SUM },
    { "Anything", "", "Gap-filled total", DSR_AGGREGATION_SUM },
    { "Anything", "US$", "Median", DSR_AGGREGATION_MEAN },
    { "Something", NULL, NULL, DSR_AGGREGATION_MEAN },
    { "GDP per capita", "current US$", NULL, DSR_AGGREGATION_MEAN },
  };
  DsrAggregation a;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s (%s; %s)", cases[i].name, cases[i].unit, cases[i].method);
      g_assert_cmpint (dsr_aggregation_guess (cases[i].name, cases[i].unit, cases[i].method), ==,
                       cases[i].expected);
    }
  for (a = DSR_AGGREGATION_MEAN; a <= DSR_AGGREGATION_NONE; a++)
    {
      DsrAggregation back;

      g_assert_true (dsr_aggregation_from_string (dsr_aggregation_to_string (a), &back));
      g_assert_cmpint (back, ==, a);
    }
  g_assert_false (dsr_aggregation_from_string ("median", &a));
  g_assert_false (dsr_aggregation_from_string (NULL, &a));
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/model/indicator", test_indicator_basics);
  g_test_add_func ("/model/store/duplicates", test_store_duplicates);
  g_test_add_func ("/model/store/observations", test_observations);
  g_test_add_func ("/model/store/observation-errors", test_observation_errors);
  g_test_add_func ("/model/grouping", test_grouping);
  g_test_add_func ("/model/format", test_format);
  g_test_add_func ("/model/format/locale", test_format_locale);
  g_test_add_func ("/model/enums", test_enums);
  g_test_add_func ("/model/enum-types", test_enum_types);
  g_test_add_func ("/model/object-list", test_object_list);
  g_test_add_func ("/model/object-list/threads", test_object_list_threads);
  g_test_add_func ("/model/aggregation-guess", test_aggregation_guess);

  return g_test_run ();
}
