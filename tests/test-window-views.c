/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saved views in the window (dsr-window-views.c): Save View, then Open View
 * gives back the same figure; a view whose data is missing or changed
 * changes nothing; a data file beside the view is imported first; the
 * recent views list. Runs under Xvfb. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "dsr-application.h"
#include "dsr-chart-data.h"
#include "dsr-figure.h"
#include "dsr-test-utils.h"
#include "dsr-view-file.h"
#include "dsr-window.h"
#include "dsr-window-private.h"

static DsrApplication *app;
static int status;
static char *tmp;

static DsrWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (DSR_IS_WINDOW (window));
  return DSR_WINDOW (window);
}

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
act (const char *action,
     GVariant   *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (get_window ()), action, parameter);
  iterate ();
}

/* The CSV of what the window shows (the numbers of the figure). */
static char *
window_csv (void)
{
  DsrWindow *window = get_window ();
  DsrStore *store = dsr_application_get_store (app);
  g_autoptr(DsrView) view = dsr_view_copy (dsr_window_get_view (window));
  g_autoptr(DsrView) resolved = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DsrExportOptions options = { .format = DSR_EXPORT_CSV };

  view->kind = _dsr_window_get_visible_kind (window);
  resolved = dsr_chart_resolve_view (store, view, &error);
  g_assert_no_error (error);
  bytes = dsr_figure_render (store, resolved, DSR_EXPORT_CSV, &options, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static guint
count_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* borrowed */
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      n += ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window));
    }
  return n;
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* borrowed */
  g_autoptr(GPtrArray) dialogs = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        g_ptr_array_add (dialogs, window);
    }
  for (guint i = 0; i < dialogs->len; i++)
    gtk_window_destroy (g_ptr_array_index (dialogs, i));
  iterate ();
}

static void
test_save_and_open (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *path = g_build_filename (tmp, "gci.dsrview", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(DsrViewFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const DsrView *saved;

  act ("indicator", g_variant_new_string ("ITU.GCI.2020"));
  act ("grouping", g_variant_new_string ("bri-continent"));
  act ("view", g_variant_new_string ("table"));
  act ("compare", g_variant_new_string ("world-diff"));
  act ("aggregate", g_variant_new_string ("mean"));
  act ("min-coverage", g_variant_new_int32 (50));
  act ("tolerance", g_variant_new_int32 (1));
  before = window_csv ();
  g_assert_true (dsr_window_save_view_file (window, path, &error));
  g_assert_no_error (error);

  /* What the file holds. */
  file = dsr_view_file_load (path, &error);
  g_assert_no_error (error);
  saved = dsr_view_file_get_view (file);
  g_assert_cmpint (saved->kind, ==, DSR_VIEW_TABLE);
  g_assert_cmpstr (saved->indicator_id, ==, "ITU.GCI.2020");
  g_assert_cmpstr (saved->grouping_id, ==, "bri-continent");
  g_assert_cmpint (saved->compare, ==, DSR_COMPARE_WORLD_DIFF);
  g_assert_cmpint (saved->aggregation, ==, DSR_AGGREGATION_MEAN);
  g_assert_cmpfloat (saved->min_coverage, ==, 0.5);
  g_assert_cmpint (saved->tolerance, ==, 1);
  g_assert_cmpstr (dsr_view_file_get_bundled (file)[0], ==, "ITU.GCI.2020");

  /* Something else on screen, then the view opened: the same numbers. */
  act ("indicator", g_variant_new_string ("IT.NET.USER.ZS"));
  act ("view", g_variant_new_string ("map"));
  act ("compare", g_variant_new_string ("absolute"));
  act ("aggregate", g_variant_new_string ("indicator"));
  act ("min-coverage", g_variant_new_int32 (67));
  act ("tolerance", g_variant_new_int32 (0));
  dsr_window_open_view_file (window, path);
  iterate ();
  g_assert_cmpuint (count_dialogs (), ==, 0);
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "ITU.GCI.2020");
  g_assert_cmpstr (dsr_window_get_page (window), ==, "table");
  g_assert_cmpint (dsr_window_get_view (window)->compare, ==, DSR_COMPARE_WORLD_DIFF);
  g_assert_cmpfloat (dsr_window_get_view (window)->min_coverage, ==, 0.5);
  after = window_csv ();
  g_assert_cmpstr (before, ==, after);

  /* Regions: a saved subset is checked in the sidebar. */
  {
    g_autofree char *subset = g_build_filename (tmp, "europe.dsrview", NULL);
    const char *json = "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"view\": \"bars\","
                       " \"indicator\": \"DSR.GCI.SCORE\", \"grouping\": \"bri-continent\","
                       " \"regions\": [\"bri-continent:europe\", \"bri-continent:asia\"]}";
    const char * const *regions;

    g_assert_true (g_file_set_contents (subset, json, -1, NULL));
    dsr_window_open_view_file (window, subset);
    iterate ();
    regions = (const char * const *) dsr_window_get_view (window)->regions;
    g_assert_nonnull (regions);
    g_assert_cmpuint (g_strv_length ((char **) regions), ==, 2);
    g_assert_cmpstr (dsr_window_get_page (window), ==, "bars");
    act ("select-all-regions", NULL);
  }
}

/* A view whose data is missing, or changed since it was saved, or that
 * names an unknown indicator: a dialog, and nothing changes. */
static void
test_open_refused (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *dir = g_build_filename (tmp, "refused", NULL);
  g_autofree char *data = NULL;
  g_autofree char *missing = g_build_filename (dir, "missing.dsrview", NULL);
  g_autofree char *changed = g_build_filename (dir, "changed.dsrview", NULL);
  g_autofree char *unknown = g_build_filename (dir, "unknown.dsrview", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.dsrview", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(DsrViewFile) file = NULL;
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autoptr(GError) error = NULL;
  const char *paths[] = { missing, changed, unknown, newer };

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  data = dsr_test_write_tmp (dir, "values.csv", "iso3,indicator,year,value\nCHN,DSR.T,2020,1\n");
  view->indicator_id = g_strdup ("IT.NET.USER.ZS");
  file = dsr_view_file_new (view);
  g_assert_true (dsr_view_file_add_import (file, data, NULL, &error));
  g_assert_true (dsr_view_file_save (file, changed, &error));
  g_assert_no_error (error);
  g_free (dsr_test_write_tmp (dir, "values.csv", "iso3,indicator,year,value\nCHN,DSR.T,2020,2\n"));
  dsr_view_file_clear_imports (file);
  g_assert_true (g_file_set_contents (missing,
                                      "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", \"data\": "
                                      "{\"imports\": [{\"name\": \"gone.csv\", \"sha256\": \""
                                      "0000000000000000000000000000000000000000000000000000000000000000\"}]}}",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (unknown, "{\"format\": \"dsr-atlas-view\", \"version\": \"1.0\", "
                                      "\"indicator\": \"NO.SUCH\"}", -1, NULL));
  g_assert_true (g_file_set_contents (newer, "{\"format\": \"dsr-atlas-view\", \"version\": \"3.0\"}", -1, NULL));

  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  act ("view", g_variant_new_string ("bars"));
  before = window_csv ();
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_test_message ("%s", paths[i]);
      dsr_window_open_view_file (window, paths[i]);
      iterate ();
      g_assert_cmpuint (count_dialogs (), ==, 1);
      close_dialogs ();
      g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.GCI.SCORE");
      g_assert_cmpstr (dsr_window_get_page (window), ==, "bars");
      g_free (after);
      after = window_csv ();
      g_assert_cmpstr (before, ==, after);
    }
  dsr_test_rm_rf (dir);
}

/* A view made with a data file: the file beside the view is imported first,
 * then the view is shown. */
static void
test_open_imports_beside (void)
{
  DsrWindow *window = get_window ();
  g_autofree char *dir = g_build_filename (tmp, "beside", NULL);
  g_autofree char *data = NULL;
  g_autofree char *path = g_build_filename (dir, "tidy.dsrview", NULL);
  g_autoptr(DsrViewFile) file = NULL;
  g_autoptr(DsrView) view = dsr_view_new ();
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  data = dsr_test_write_tmp (dir, "views-test.csv",
                             "iso3,indicator,year,value,unit\nCHN,DSR.VIEWS.TEST,2020,1.5,%\n"
                             "KAZ,DSR.VIEWS.TEST,2020,2.5,%\n");
  view->kind = DSR_VIEW_TABLE;
  view->indicator_id = g_strdup ("DSR.VIEWS.TEST");
  view->year = 2020;
  file = dsr_view_file_new (view);
  g_assert_true (dsr_view_file_add_import (file, data, NULL, &error));
  g_assert_true (dsr_view_file_save (file, path, &error));
  g_assert_no_error (error);

  act ("indicator", g_variant_new_string ("DSR.GCI.SCORE"));
  dsr_window_open_view_file (window, path);
  while (g_strcmp0 (dsr_window_get_indicator (window), "DSR.VIEWS.TEST") != 0 && count_dialogs () == 0
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  iterate ();
  g_assert_cmpuint (count_dialogs (), ==, 0);
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.VIEWS.TEST");
  g_assert_cmpstr (dsr_window_get_page (window), ==, "table");
  g_assert_cmpint (dsr_window_get_year (window), ==, 2020);
}

/* Saved and opened views are listed under Recent Views. */
static void
test_recent_views (void)
{
  DsrWindow *window = get_window ();
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  gboolean found = FALSE;

  while (!found && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      for (int i = 0; i < g_menu_model_get_n_items (G_MENU_MODEL (window->recent_views_menu)); i++)
        {
          g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (
            G_MENU_MODEL (window->recent_views_menu), i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

          found |= target != NULL && g_str_has_suffix (g_variant_get_string (target, NULL), "/gci.dsrview");
        }
    }
  g_assert_true (found);
}

static void
activate_cb (GApplication *application)
{
  iterate ();
  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (get_window ()));
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DsrStore) store = NULL;
  char *app_argv[] = { argv[0], NULL };

  dsr_test_init_gui (&argc, &argv);
  /* Remembered imports and recent files go to a directory of this test's own. */
  tmp = dsr_test_make_tmp_dir ();
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  store = dsr_test_load_bundled ();

  g_test_add_func ("/window-views/save-and-open", test_save_and_open);
  g_test_add_func ("/window-views/open-refused", test_open_refused);
  g_test_add_func ("/window-views/open-imports-beside", test_open_imports_beside);
  g_test_add_func ("/window-views/recent-views", test_recent_views);

  app = dsr_application_new (store, NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  dsr_test_rm_rf (tmp);
  g_free (tmp);
  return status;
}
