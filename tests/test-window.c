/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dsr-application.h"
#include "dsr-table-item.h"
#include "dsr-test-utils.h"
#include "dsr-window.h"

/* Drives the main window through its actions under Xvfb and checks what it shows. */

static DsrApplication *app;
static int status;

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
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static DsrTableItem *
find_item (GListModel *rows,
           const char *entity_id,
           const char *basis)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(DsrTableItem) item = g_list_model_get_item (rows, i);

      if (g_str_equal (dsr_table_item_get_entity_id (item), entity_id)
          && (basis == NULL || g_str_equal (dsr_table_item_get_basis (item), basis)))
        return item; /* the model keeps it alive */
    }
  return NULL;
}

static void
test_opens_on_figure4 (void)
{
  DsrWindow *window = get_window ();
  GListModel *rows = dsr_window_get_rows (window);
  DsrTableItem *item;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.GCI.SCORE");
  g_assert_cmpint (dsr_window_get_year (window), ==, 2021);
  g_assert_cmpstr (dsr_window_get_page (window), ==, "table");
  /* The world and the six continents of Figure 4. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 7);
  item = find_item (rows, "WLD", "Reported");
  g_assert_nonnull (item);
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "51.71");
  item = find_item (rows, "bri-continent:europe", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "82.44");
  g_assert_cmpstr (dsr_table_item_get_coverage (item), ==, "");
}

static void
test_indicator_and_year_actions (void)
{
  DsrWindow *window = get_window ();
  GListModel *rows = dsr_window_get_rows (window);
  DsrTableItem *item;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.indicator", "s", "DSR.DDS.EXP");
  iterate ();
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "DSR.DDS.EXP");
  /* The latest year of the new indicator. */
  g_assert_cmpint (dsr_window_get_year (window), ==, 2021);
  item = find_item (rows, "WLD", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "38.1");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.year", "i", 2018);
  iterate ();
  g_assert_cmpint (dsr_window_get_year (window), ==, 2018);
  item = find_item (rows, "WLD", NULL);
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "31.4");
  item = find_item (rows, "CHN", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (dsr_table_item_get_value (item), ==, "1.3");
  g_assert_cmpstr (dsr_table_item_get_basis (item), ==, "Observed");

  /* Another indicator that also has 2018 keeps the year. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.indicator", "s", "DSR.DDS.SHARE");
  iterate ();
  g_assert_cmpint (dsr_window_get_year (window), ==, 2018);
  g_assert_cmpstr (dsr_table_item_get_value (find_item (rows, "WLD", NULL)), ==, "51.4");

  /* A qualified value shows its qualifier. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.indicator", "s", "DSR.CYB.NO.INDUSTRY");
  iterate ();
  g_assert_cmpstr (dsr_table_item_get_value (find_item (rows, "BRI", NULL)), ==, "more than 66.7");
}

static void
test_indicator_without_data (void)
{
  DsrWindow *window = get_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.indicator", "s", "IT.NET.BBND.P2");
  iterate ();
  g_assert_cmpstr (dsr_window_get_indicator (window), ==, "IT.NET.BBND.P2");
  g_assert_cmpint (dsr_window_get_year (window), ==, 0);
  g_assert_cmpstr (dsr_window_get_page (window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (dsr_window_get_rows (window)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.indicator", "s", "DSR.GCI.SCORE");
  iterate ();
  g_assert_cmpstr (dsr_window_get_page (window), ==, "table");
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
  store = dsr_test_load_bundled ();

  g_test_add_func ("/window/opens-on-figure4", test_opens_on_figure4);
  g_test_add_func ("/window/indicator-and-year", test_indicator_and_year_actions);
  g_test_add_func ("/window/indicator-without-data", test_indicator_without_data);

  app = dsr_application_new (store, NULL);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);

  return status;
}
