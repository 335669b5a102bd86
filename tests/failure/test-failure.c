/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writers under failure: the map export and the command line's --export
 * give a clear error naming the file, leave no partial or temporary file
 * (also when killed by SIGINT or SIGTERM mid-write), leave an existing file
 * of that name as it was, and refuse what is not a regular file. */
#define G_LOG_DOMAIN "dsr-test"
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "dsr-figure.h"
#include "dsr-test-utils.h"

static DsrStore *bundled;
static const char * const extensions[] = { "png", "svg", "csv" };

static DsrView *
map_view (void)
{
  DsrView *view = dsr_view_new ();

  view->kind = DSR_VIEW_MAP;
  view->indicator_id = g_strdup ("DSR.GCI.SCORE");
  view->width = 1280;
  view->height = 800;
  return view;
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_map_missing_dir (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autoptr(DsrView) view = map_view ();

  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("map.%s", extensions[i]);
      g_autofree char *path = g_build_filename (dir, "missing", name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (dsr_figure_export (bundled, view, path, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_cmpuint (dsr_test_count_entries (dir), ==, 0);
    }
  dsr_test_rm_rf (dir);
}

static void
test_map_onto_directory (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autoptr(DsrView) view = map_view ();

  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("map.%s", extensions[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
      g_assert_false (dsr_figure_export (bundled, view, path, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (dsr_test_count_entries (dir), ==, i + 1);
    }
  dsr_test_rm_rf (dir);
}

static void
test_map_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(DsrView) view = map_view ();

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only directories");
      return;
    }
  dir = dsr_test_make_tmp_dir ();
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("map.%s", extensions[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (dsr_figure_export (bundled, view, path, NULL, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_cmpuint (dsr_test_count_entries (dir), ==, 0);
    }
  g_chmod (dir, 0755);
  dsr_test_rm_rf (dir);
}

/* The disk fills mid-write (a file size limit of 64 bytes): an error, the old
 * file as it was and no temporary file, in each format. */
static void
test_map_fails_halfway (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("DSR_TEST_DIR");
      struct rlimit limit = { 64, 64 };
      g_autoptr(DsrView) view = map_view ();

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
        {
          g_autofree char *name = g_strdup_printf ("map.%s", extensions[i]);
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_autoptr(GError) error = NULL;

          g_assert_false (dsr_figure_export (bundled, view, path, NULL, &error));
          g_assert_true (error->domain == G_FILE_ERROR);
          g_assert_nonnull (strstr (error->message, path));
        }
      return;
    }
  {
    g_autofree char *dir = dsr_test_make_tmp_dir ();

    for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
      {
        g_autofree char *name = g_strdup_printf ("map.%s", extensions[i]);
        g_autofree char *path = dsr_test_write_tmp (dir, name, "the old map");
      }
    g_setenv ("DSR_TEST_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
      {
        g_autofree char *name = g_strdup_printf ("map.%s", extensions[i]);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        assert_contents (path, "the old map");
      }
    g_assert_cmpuint (dsr_test_count_entries (dir), ==, G_N_ELEMENTS (extensions));
    dsr_test_rm_rf (dir);
  }
}

static void
test_map_replaces (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autoptr(DsrView) view = map_view ();

  for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("map.%s", extensions[i]);
      g_autofree char *path = dsr_test_write_tmp (dir, name, "old");
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      g_assert_true (dsr_figure_export (bundled, view, path, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 100);
      g_assert_cmpuint (dsr_test_count_entries (dir), ==, i + 1);
    }
  dsr_test_rm_rf (dir);
}

/* The command line, with an optional file size limit in the child. */
static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 64, 64 };

  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static int
run_export (const char *view,
            const char *path,
            gboolean    limited,
            char      **err)
{
  const char *atlas = g_getenv ("DSR_ATLAS");
  const char *argv[] = { atlas, "--view", view, "--export", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (atlas);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, limited ? limit_file_size : NULL, NULL,
                NULL, err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s --view %s --export %s: status %d, stderr: %s", atlas, view, path, status, *err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  static const char * const views[] = { "map", "bars", "trend", "table" };
  g_autofree char *dir = dsr_test_make_tmp_dir ();

  for (gsize v = 0; v < G_N_ELEMENTS (views); v++)
    for (gsize i = 0; i < G_N_ELEMENTS (extensions); i++)
      {
        g_autofree char *name = g_strdup_printf ("%s.%s", views[v], extensions[i]);
        g_autofree char *missing = g_build_filename (dir, "missing", name, NULL);
        g_autofree char *onto_dir = g_build_filename (dir, name, NULL);
        g_autofree char *err = NULL;

        /* Into a missing folder */
        g_assert_cmpint (run_export (views[v], missing, FALSE, &err), ==, 1);
        g_assert_nonnull (strstr (err, missing));
        g_assert_cmpuint (dsr_test_count_entries (dir), ==, 0);

        /* Onto a directory */
        g_clear_pointer (&err, g_free);
        g_assert_cmpint (g_mkdir (onto_dir, 0755), ==, 0);
        g_assert_cmpint (run_export (views[v], onto_dir, FALSE, &err), ==, 1);
        g_assert_nonnull (strstr (err, onto_dir));
        g_assert_true (g_file_test (onto_dir, G_FILE_TEST_IS_DIR));
        g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
        g_assert_cmpint (g_rmdir (onto_dir), ==, 0);

        /* A disk that fills mid-write (a file size limit of 64 bytes, less
         * than any export): the old file stays, nothing else is left. */
        g_clear_pointer (&err, g_free);
        g_free (dsr_test_write_tmp (dir, name, "the old figure"));
        g_assert_cmpint (run_export (views[v], onto_dir, TRUE, &err), ==, 1);
        g_assert_nonnull (strstr (err, onto_dir));
        assert_contents (onto_dir, "the old figure");
        g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
        g_assert_cmpint (g_unlink (onto_dir), ==, 0);
      }
  dsr_test_rm_rf (dir);
}

/* The map and the command line refuse a FIFO and a device named like an
 * export (without blocking on the FIFO) and write through a symbolic link. */
static void
test_not_regular (void)
{
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.csv", NULL);
  g_autofree char *dev = g_build_filename (dir, "null.png", NULL);
  g_autofree char *target = g_build_filename (dir, "target.svg", NULL);
  g_autofree char *link = g_build_filename (dir, "link.svg", NULL);
  g_autoptr(DsrView) view = map_view ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  GStatBuf st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/dev/null", dev), ==, 0);
  g_assert_false (dsr_figure_export (bundled, view, fifo, NULL, &error));
  g_assert_nonnull (strstr (error->message, "FIFO"));
  g_clear_error (&error);
  g_assert_false (dsr_figure_export (bundled, view, dev, NULL, &error));
  g_assert_nonnull (strstr (error->message, "/dev/null"));
  g_clear_error (&error);

  g_assert_cmpint (run_export ("bars", fifo, FALSE, &err), ==, 1);
  g_assert_nonnull (strstr (err, "FIFO"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_export ("map", dev, FALSE, &err), ==, 1);
  g_assert_nonnull (strstr (err, "device"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (g_lstat (dev, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  g_free (dsr_test_write_tmp (dir, "target.svg", "old"));
  g_assert_cmpint (symlink ("target.svg", link), ==, 0);
  g_assert_cmpint (run_export ("map", link, FALSE, &err), ==, 0);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_cmpuint (dsr_test_count_entries (dir), ==, 4);
  dsr_test_rm_rf (dir);
}

static void
default_signals (gpointer data)
{
  signal (SIGINT, SIG_DFL);
  signal (SIGTERM, SIG_DFL);
}

static gboolean
has_temp (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, ".dsr-"))
      return TRUE;
  return FALSE;
}

/* SIGTERM or SIGINT while the command line writes a PNG (stopped halfway
 * by the writer's test hook, so any size will do): it dies of the signal and leaves
 * nothing behind, the old file as it was. */
static void
test_cli_signal (void)
{
  static const int sigs[] = { SIGTERM, SIGINT };
  g_autofree char *dir = dsr_test_make_tmp_dir ();
  g_autofree char *path = dsr_test_write_tmp (dir, "big.png", "the old figure");
  g_autofree char *fresh = g_build_filename (dir, "fresh.png", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sigs) * 2; i++)
    {
      const char *target = i % 2 == 0 ? path : fresh;
      const char *argv[] = { g_getenv ("DSR_ATLAS"), "--export", target, NULL };
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "DSR_TEST_EXPORT_PAUSE", "1", TRUE);
      g_autoptr(GError) error = NULL;
      GPid pid;
      int status = 0;

      g_assert_true (g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, default_signals,
                                    NULL, &pid, &error));
      g_assert_no_error (error);
      /* No time bound: the test's timeout is the bound. */
      for (;;)
        {
          if (waitpid (pid, &status, WNOHANG) == pid)
            break;
          if (has_temp (dir))
            {
              g_assert_cmpint (kill (pid, sigs[i / 2]), ==, 0);
              g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
              break;
            }
          g_usleep (10 * 1000);
        }
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (WTERMSIG (status), ==, sigs[i / 2]);
      assert_contents (path, "the old figure");
      g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
      g_assert_cmpuint (dsr_test_count_entries (dir), ==, 1);
    }
  dsr_test_rm_rf (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  setlocale (LC_ALL, "");
  dsr_test_init (&argc, &argv);
  bundled = dsr_test_load_bundled ();

  g_test_add_func ("/failure/map/missing-dir", test_map_missing_dir);
  g_test_add_func ("/failure/map/onto-directory", test_map_onto_directory);
  g_test_add_func ("/failure/map/read-only", test_map_read_only);
  g_test_add_func ("/failure/map/fails-halfway", test_map_fails_halfway);
  g_test_add_func ("/failure/map/replaces", test_map_replaces);
  g_test_add_func ("/failure/cli", test_cli);
  g_test_add_func ("/failure/not-regular", test_not_regular);
  g_test_add_func ("/failure/cli/signal", test_cli_signal);

  ret = g_test_run ();
  g_object_unref (bundled);
  return ret;
}
