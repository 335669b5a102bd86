/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <signal.h>

#include "dsr-import-library.h"
#include "dsr-test-utils.h"

/* One instance: on a D-Bus session of the test's own, a second `dsr-atlas
 * --data F` hands F to the running window (which imports and remembers it)
 * and ends; a second plain start ends too. The other GUI tests run with
 * DSR_ATLAS_NON_UNIQUE=1, an instance each. */

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                                           G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
test_second_start_hands_over (void)
{
  g_autoptr(GTestDBus) dbus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autofree char *data_home = dsr_test_make_tmp_dir ();
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "import", "data", "tidy", "tidy-codes.csv", NULL);
  const char *atlas = g_getenv ("DSR_ATLAS");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC; /* against a hang only */
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

  g_assert_nonnull (atlas);
  g_test_dbus_up (dbus); /* (which unsets DISPLAY) */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_unsetenv (launcher, "DSR_ATLAS_NON_UNIQUE");
  if (display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);

  first = g_subprocess_launcher_spawn (launcher, &error, atlas, NULL);
  g_assert_no_error (error);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  while (!name_has_owner (bus, APP_ID) && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  g_assert_true (name_has_owner (bus, APP_ID));
  /* Its main loop answers (a second start asks for its actions, and gives up
   * after D-Bus's 25 s: a slow start-up under the sanitizers can take that). */
  {
    g_autoptr(GVariant) reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/dsratlas/Atlas",
                                                             "org.gtk.Actions", "DescribeAll", NULL, NULL,
                                                             G_DBUS_CALL_FLAGS_NONE, 300 * 1000, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (reply);
  }

  /* The second start gives its file to the first and ends. */
  second = g_subprocess_launcher_spawn (launcher, &error, atlas, "--data", file, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (second, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&second);

  /* The first window imported it, and keeps it for its next start. */
  do
    {
      g_clear_pointer (&entries, g_ptr_array_unref);
      g_usleep (50 * 1000);
      entries = dsr_import_library_list (NULL);
    }
  while ((entries == NULL || entries->len == 0) && g_get_monotonic_time () < deadline);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (name_has_owner (bus, APP_ID));

  /* A plain second start: the first window comes forward; it ends. */
  second = g_subprocess_launcher_spawn (launcher, &error, atlas, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (second, NULL, &error);
  g_assert_no_error (error);

  g_subprocess_send_signal (first, SIGTERM);
  g_subprocess_wait (first, NULL, NULL);
  g_clear_object (&bus);
  g_test_dbus_down (dbus);
  dsr_test_rm_rf (data_home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/application/second-start-hands-over", test_second_start_hands_over);
  return g_test_run ();
}
