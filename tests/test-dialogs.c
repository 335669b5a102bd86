/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dsr-application.h"
#include "dsr-export-dialog.h"
#include "dsr-import-library.h"
#include "dsr-imports-window.h"
#include "dsr-store-guard.h"
#include "dsr-table-item.h"
#include "dsr-table-page.h"
#include "dsr-test-utils.h"

/* The dialogs and the table page, each alone under Xvfb: no main window. */

static DsrStore *store;

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* With DSR_TEST_SCREENSHOTS=DIR, a picture of the screen (ImageMagick's
 * import) for looking at the widgets. */
static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("DSR_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  for (int i = 0; i < 20; i++)
    {
      iterate ();
      g_usleep (50000);
    }
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static DsrView *
view_new (DsrViewKind  kind,
          const char  *indicator,
          int          year)
{
  DsrView *view = dsr_view_new ();

  view->kind = kind;
  view->indicator_id = g_strdup (indicator);
  view->year = year;
  return view;
}

/* The export dialog: a readable name, the size in the unit the file uses,
 * and a clean end. */
static void
test_export_dialog_alone (void)
{
  g_autoptr(DsrView) view = view_new (DSR_VIEW_MAP, "IT.NET.USER.ZS", 2022);
  DsrExportDialog *dialog = dsr_export_dialog_new (NULL, store, view, NULL);
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *svg_path = g_build_filename (dir, "figure.svg", NULL);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *size = NULL;
  g_autofree char *contents = NULL;

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  screenshot ("export-dialog.png");
  name = dsr_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "Individuals using the Internet 2022 (map).png");
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_CSV);
  g_clear_pointer (&name, g_free);
  name = dsr_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "Individuals using the Internet 2022 (map).csv");

  /* A4 as SVG: the dialog says px, and the file is in px. */
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_SVG);
  dsr_export_dialog_set_size (dialog, DSR_EXPORT_SIZE_REPORT);
  size = dsr_export_dialog_describe_size (dialog);
  g_assert_true (g_str_has_prefix (size, "1123 × 794 px"));
  g_assert_true (dsr_export_dialog_export_to (dialog, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "width=\"1123px\""));
  g_clear_pointer (&size, g_free);
  /* As PDF: the page is in points (297 mm = 842 pt). */
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_PDF);
  size = dsr_export_dialog_describe_size (dialog);
  g_assert_true (g_str_has_prefix (size, "842 × 596 pt"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_finalize_object (dialog);
  dsr_test_rm_rf (dir);
}

/* The export runs in a task: the store's guard is held until it ends, and
 * the main loop runs meanwhile. */
static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DsrExportDialog *dialog = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dsr_export_dialog_export_finish (dialog, result, &error));
  g_assert_no_error (error);
  g_object_set_data (G_OBJECT (dialog), "done", GINT_TO_POINTER (TRUE));
}

static void
test_export_in_task (void)
{
  g_autoptr(DsrView) view = view_new (DSR_VIEW_MAP, "IT.NET.USER.ZS", 2022);
  DsrExportDialog *dialog = dsr_export_dialog_new (NULL, store, view, NULL);
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "figure.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;
  guint ticks = 0;

  g_object_ref (dialog);
  dsr_export_dialog_set_format (dialog, DSR_EXPORT_PNG);
  dsr_export_dialog_set_size (dialog, DSR_EXPORT_SIZE_REPORT);
  dsr_export_dialog_export_async (dialog, file, NULL, export_done_cb, dialog);
  g_assert_true (dsr_store_guard_is_held (store));
  while (!(done = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "done"))))
    {
      g_main_context_iteration (NULL, TRUE);
      ticks++;
    }
  g_test_message ("%u main loop iterations", ticks);
  g_assert_cmpuint (ticks, >, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  iterate ();
  g_assert_false (dsr_store_guard_is_held (store));

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_finalize_object (dialog);
  dsr_test_rm_rf (dir);
}

static void
run_cb (gpointer data)
{
  (*(guint *) data)++;
}

/* A change of the store waits for the exports that read it. */
static void
test_store_guard (void)
{
  guint ran = 0;

  dsr_store_guard_run (store, run_cb, &ran, NULL);
  g_assert_cmpuint (ran, ==, 1);
  dsr_store_guard_hold (store);
  dsr_store_guard_run (store, run_cb, &ran, NULL);
  dsr_store_guard_run (store, run_cb, &ran, NULL);
  iterate ();
  g_assert_cmpuint (ran, ==, 1);
  dsr_store_guard_release (store);
  iterate ();
  g_assert_cmpuint (ran, ==, 3);
}

/* Dates for people, not "11/30/26". */
static void
test_imports_date (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 30, 9, 30, 0);
  g_autoptr(GDateTime) today = g_date_time_new_local (2026, 11, 30, 6, 12, 0);
  g_autoptr(GDateTime) yesterday = g_date_time_new_local (2026, 11, 29, 18, 40, 0);
  g_autoptr(GDateTime) earlier = g_date_time_new_local (2026, 3, 4, 8, 5, 0);
  g_autofree char *a = dsr_imports_window_format_date (today, now);
  g_autofree char *b = dsr_imports_window_format_date (yesterday, now);
  g_autofree char *c = dsr_imports_window_format_date (earlier, now);

  g_assert_cmpstr (a, ==, "Today at 06:12");
  g_assert_cmpstr (b, ==, "Yesterday at 18:40");
  g_assert_cmpstr (c, ==, "4 March 2026 at 08:05");
}

/* The imports window alone: its rows, and a clean end. */
static void
test_imports_window_alone (void)
{
  DsrImportsWindow *window = dsr_imports_window_new (NULL, store);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  screenshot ("imports-window.png");
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (window);
}

/* The table: the regions first, the reported groups under one row, one row
 * per name, and the selection shown. */
static void
test_table_page (void)
{
  g_autoptr(DsrView) view = view_new (DSR_VIEW_TABLE, "IT.NET.USER.ZS", 2022);
  GtkWidget *window = gtk_window_new ();
  DsrTablePage *page = DSR_TABLE_PAGE (dsr_table_page_new ());
  GListModel *top, *rows;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GtkSelectionModel *selection;
  guint n_groups = 0, n_aggregates = 0, group_at = 0, first_country = 0;
  g_autoptr(GtkTreeListRow) selected_row = NULL;
  g_autoptr(DsrTableItem) selected = NULL;

  g_object_ref (page);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  dsr_table_page_set_store (page, store);
  dsr_table_page_set_view (page, view);
  iterate ();

  top = dsr_table_page_get_top_rows (page);
  rows = dsr_table_page_get_rows (page);
  for (guint i = 0; i < g_list_model_get_n_items (top); i++)
    {
      g_autoptr(DsrTableItem) item = g_list_model_get_item (top, i);
      GListModel *children = dsr_table_item_get_children (item);

      if (children != NULL)
        {
          n_groups++;
          group_at = i;
          n_aggregates = g_list_model_get_n_items (children);
          {
            g_autofree char *count = g_strdup_printf ("(%u)", n_aggregates);

            g_assert_true (g_str_has_suffix (dsr_table_item_get_name (item), count));
          }
        }
      else
        /* No reported group outside the group row. */
        g_assert_true (dsr_table_item_get_kind (item) != DSR_ENTITY_AGGREGATE);
      if (first_country == 0 && dsr_table_item_get_kind (item) == DSR_ENTITY_COUNTRY)
        first_country = i;
    }
  g_test_message ("%u rows shown, %u in all, %u reported groups collapsed",
                  g_list_model_get_n_items (top), g_list_model_get_n_items (rows), n_aggregates);
  g_assert_cmpuint (n_groups, <=, 1);
  if (n_groups == 1)
    {
      g_assert_cmpuint (n_aggregates, >, 0);
      g_assert_cmpuint (group_at, <, first_country);
    }

  /* One row per name: "World" once. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(DsrTableItem) item = g_list_model_get_item (rows, i);

      g_assert_true (g_hash_table_add (names, (gpointer) dsr_table_item_get_name (item)));
    }

  /* The shared selection is the selected row. */
  dsr_table_page_set_selected (page, "CHN");
  selection = dsr_table_page_get_selection (page);
  selected_row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection))
                 ? g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection))) : NULL;
  g_assert_nonnull (selected_row);
  selected = gtk_tree_list_row_get_item (selected_row);
  g_assert_cmpstr (dsr_table_item_get_entity_id (selected), ==, "CHN");
  screenshot ("table-page.png");

  /* A row far down is scrolled into view (the rows are sorted: the last
   * economy is below the fold of a 700 px window). */
  {
    GListModel *shown = G_LIST_MODEL (selection);
    guint last = g_list_model_get_n_items (shown) - 1;
    g_autoptr(GtkTreeListRow) last_row = g_list_model_get_item (shown, last);
    g_autoptr(DsrTableItem) last_item = gtk_tree_list_row_get_item (last_row);
    GtkAdjustment *adjustment = NULL;

    for (GtkWidget *w = GTK_WIDGET (page); w != NULL && adjustment == NULL; )
      {
        GtkWidget *next = gtk_widget_get_first_child (w);

        if (GTK_IS_SCROLLED_WINDOW (w))
          adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));
        w = next;
      }
    g_assert_nonnull (adjustment);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);
    g_assert_cmpuint (last, >, 30);
    dsr_table_page_set_selected (page, dsr_table_item_get_entity_id (last_item));
    /* The scroll happens at the next frames: wait for it (the limit only
     * guards against a hang). */
    {
      gboolean gave_up = FALSE;
      guint timeout = g_timeout_add_seconds (30, give_up_cb, &gave_up);

      while (gtk_adjustment_get_value (adjustment) == 0.0 && !gave_up)
        g_main_context_iteration (NULL, TRUE);
      if (!gave_up)
        g_source_remove (timeout);
    }
    g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, last);
    /* At the end: the last row is on screen. */
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0.0);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment), >=,
                       gtk_adjustment_get_upper (adjustment) - 1.0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_assert_finalize_object (page);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dsr_test_init_gui (&argc, &argv);
  gtk_init ();
  adw_init ();
  /* The UI resource registers itself once linked: the application refers to it. */
  g_type_ensure (DSR_TYPE_APPLICATION);
  store = dsr_test_load_bundled ();

  g_test_add_func ("/dialogs/export-dialog-alone", test_export_dialog_alone);
  g_test_add_func ("/dialogs/export-in-task", test_export_in_task);
  g_test_add_func ("/dialogs/store-guard", test_store_guard);
  g_test_add_func ("/dialogs/imports-date", test_imports_date);
  g_test_add_func ("/dialogs/imports-window-alone", test_imports_window_alone);
  g_test_add_func ("/dialogs/table-page", test_table_page);

  status = g_test_run ();
  g_clear_object (&store);
  return status;
}
