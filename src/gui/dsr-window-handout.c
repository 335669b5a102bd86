/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-export.h"
#include "dsr-handout.h"
#include "dsr-window-private.h"

/* Class Handout…: a PDF of the current view, one page per year (or per
 * view), saved where a file chooser says.
 *
 * The store is not safe to read from another thread (it computes some
 * answers when first asked, and imports change it on the main loop), so
 * the pages are drawn here, one per main-loop iteration at idle priority:
 * the window stays responsive (a page takes some tens of milliseconds).
 * The finished file is then written on a worker thread (GTask) through the
 * exports' atomic write: a failure leaves the file that was there. */

#define HANDOUT_JOB_KEY "dsr-handout-job"

typedef struct
{
  GWeakRef    window;
  DsrHandout *handout;
  GFile      *file;
  GBytes     *pdf;
} HandoutJob;

static void
handout_job_free (HandoutJob *job)
{
  g_weak_ref_clear (&job->window);
  g_clear_pointer (&job->handout, dsr_handout_free);
  g_clear_object (&job->file);
  g_clear_pointer (&job->pdf, g_bytes_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HandoutJob, handout_job_free)

static void
open_handout_cb (AdwToast  *toast,
                 DsrWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/* The job is over (@error: why it failed); the window may take another. */
static void
handout_done (DsrWindow  *self,
              HandoutJob *job,
              GError     *error)
{
  g_object_set_data (G_OBJECT (self), HANDOUT_JOB_KEY, NULL);
  if (error != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (job->file);
      guint n = dsr_handout_get_n_pages (job->handout);
      /* Translators: a notification when a class handout is saved: its number of pages and file name */
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Handout of %u page saved as “%s”",
                                                             "Handout of %u pages saved as “%s”", n), n, name);
      AdwToast *toast = adw_toast_new (title);

      g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (job->file), g_object_unref);
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect (toast, "button-clicked", G_CALLBACK (open_handout_cb), self);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  HandoutJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (dsr_export_write_file (path, job->pdf, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  HandoutJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(DsrWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (self != NULL)
    handout_done (self, job, error);
}

/* Draws a page at each call; at the end, hands the file to the writer. */
static gboolean
draw_page_cb (gpointer user_data)
{
  g_autoptr(HandoutJob) job = user_data;
  g_autoptr(DsrWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (self == NULL)
    return G_SOURCE_REMOVE;  /* the window was closed: the job with it */
  if (dsr_handout_get_n_drawn (job->handout) < dsr_handout_get_n_pages (job->handout))
    {
      if (!dsr_handout_draw_next (job->handout, &error))
        {
          handout_done (self, job, error);
          return G_SOURCE_REMOVE;
        }
      g_idle_add_full (G_PRIORITY_LOW, draw_page_cb, g_steal_pointer (&job), NULL);
      return G_SOURCE_REMOVE;
    }
  job->pdf = dsr_handout_finish (job->handout, &error);
  if (job->pdf == NULL)
    {
      handout_done (self, job, error);
      return G_SOURCE_REMOVE;
    }
  task = g_task_new (NULL, NULL, written_cb, NULL);
  g_task_set_source_tag (task, draw_page_cb);
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) handout_job_free);
  g_task_run_in_thread (task, write_thread);
  return G_SOURCE_REMOVE;
}

/**
 * _dsr_window_make_handout:
 * @file: a local file
 *
 * Makes the handout of the visible view into @file (see above); says in a
 * toast when it is saved or why it is not. Returns %FALSE when it could
 * not start (another handout is being made: a toast says so).
 */
gboolean
_dsr_window_make_handout (DsrWindow       *self,
                          GFile           *file,
                          DsrHandoutPages  pages)
{
  g_autoptr(DsrView) view = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  DsrHandoutOptions options = { pages, 0, 0 };
  HandoutJob *job;

  if (g_object_get_data (G_OBJECT (self), HANDOUT_JOB_KEY) != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("A handout is being made: wait for it to be saved")));
      return FALSE;
    }
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      /* Translators: %s is a URI */
      g_autofree char *message = g_strdup_printf (_("Could not write “%s”: choose a file on this computer"), uri);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return FALSE;
    }

  view = dsr_view_copy (self->view);
  view->kind = _dsr_window_get_visible_kind (self);
  job = g_new0 (HandoutJob, 1);
  g_weak_ref_init (&job->window, self);
  job->file = g_object_ref (file);
  job->handout = dsr_handout_new (self->store, view, &options, &error);
  if (job->handout == NULL)
    {
      handout_done (self, job, error);
      handout_job_free (job);
      return FALSE;
    }
  /* Marks the window busy until handout_done () (the value is only a flag:
   * the job belongs to the idle callback, then to the task). */
  g_object_set_data (G_OBJECT (self), HANDOUT_JOB_KEY, job);
  g_idle_add_full (G_PRIORITY_LOW, draw_page_cb, job, NULL);
  return TRUE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     DsrWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "pages");
      DsrHandoutPages pages = DSR_HANDOUT_PAGES_AUTO;

      if (choice != NULL)
        dsr_handout_pages_from_string (choice, &pages);
      if (file != NULL)
        _dsr_window_make_handout (self, file, pages);
    }
  g_object_unref (chooser);
}

static void
handout_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  DsrWindow *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Class Handout"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         C_("handout", "_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, C_("handout", "PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* A trend has every year in one figure: its handout is one page per view. */
  if (_dsr_window_get_visible_kind (self) != DSR_VIEW_TREND)
    {
      const char *ids[] = { "years", "views", NULL };
      const char *labels[] = { _("One page per year"), _("One page per view"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "pages", C_("handout", "Pages"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "pages", "years");
    }
  /* Translators: the file name a class handout is offered under; %s is an indicator's id */
  name = g_strdup_printf (_("handout-%s.pdf"), self->view->indicator_id ? self->view->indicator_id : "atlas");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_dsr_window_handout_init (DsrWindow *self)
{
  const GActionEntry entries[] = {
    { "handout", handout_action, NULL, NULL, NULL, { 0 } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
