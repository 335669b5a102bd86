/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "bench-process.h"

/* The floor under the atlas' launch: an empty libadwaita window (a header
 * bar and one label) opened as bench-window opens the atlas (1920x1080,
 * maximized, the same environment), from process start to its first frame.
 * What GTK and the display cost before any of the atlas' own work; the
 * atlas' own share of its launch is its time less this one's. */

static gboolean first_frame_seen;

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  if (first_frame_seen)
    return;
  first_frame_seen = TRUE;
  g_print ("first-frame-ms %.1f\n", (g_get_monotonic_time () / 1e6 - bench_process_start_seconds ()) * 1000.0);
  g_application_quit (app);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Digital Silk Road Atlas"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_maximize (GTK_WINDOW (window));
  gtk_widget_realize (window);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.dsratlas.EmptyWindowBench",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
