/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-application"

#include "config.h"

#include <glib/gi18n.h>

#include "dsr-application.h"
#include "dsr-pack.h"
#include "dsr-prefetch.h"
#include "dsr-ui-resources.h"
#include "dsr-window.h"

struct _DsrApplication
{
  AdwApplication parent_instance;

  DsrStore *store;     /* NULL until the start-up of the first instance loads it */
  GFile *pack;         /* where to load it from; NULL for the bundled pack */
  GPtrArray *problems; /* of GError: what could not be loaded at start-up */
  GPtrArray *pending_files; /* of GFile: --data, imported once the window is up */
  DsrColumnMapping *pending_mapping;
  char *pending_view; /* a saved view given on the command line (dsr-atlas FILE.dsrview) */
};

G_DEFINE_FINAL_TYPE (DsrApplication, dsr_application, ADW_TYPE_APPLICATION)

static void
dsr_application_activate (GApplication *app)
{
  DsrApplication *self = DSR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (dsr_window_new (self));
  gtk_window_present (window);
  if (self->pending_files != NULL && self->pending_files->len > 0)
    {
      dsr_window_import_files (DSR_WINDOW (window), (GFile **) self->pending_files->pdata,
                               self->pending_files->len, self->pending_mapping);
      g_clear_pointer (&self->pending_files, g_ptr_array_unref);
    }
  if (self->pending_view != NULL)
    {
      g_autofree char *path = g_steal_pointer (&self->pending_view);

      dsr_window_open_view_file (DSR_WINDOW (window), path);
    }
}

/* Files given to this instance or, from the command line, to another one
 * (a second `dsr-atlas --data F`): the window imports them. @hint is the
 * --columns mapping, or "". */
static void
dsr_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  DsrApplication *self = DSR_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(DsrColumnMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;

  /* The sending instance checked it: a bad one here came from elsewhere. */
  if (hint != NULL && *hint != '\0' && (mapping = dsr_column_mapping_parse (hint, &error)) == NULL)
    g_warning ("Ignoring the column mapping of an open request: %s", error->message);
  if (window == NULL)
    window = GTK_WINDOW (dsr_window_new (self));
  gtk_window_present (window);
  if (n_files > 0)
    dsr_window_import_files (DSR_WINDOW (window), files, (guint) n_files, mapping);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  DsrApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "Digital Silk Road Atlas developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Digital Silk Road Atlas"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        "comments", _("Digital trade along the Belt and Road, region by region, "
                                      "compared with the world."),
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Data"),
                                       (const char **) dsr_pack_get_credits ());
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Names and Borders"),
                                       (const char *[]) {
                                         _("Country names: Debian iso-codes"),
                                         _("Borders: Natural Earth (public domain), through world-atlas 2.0.2 by Mike Bostock (ISC)"),
                                         NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
dsr_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.save-view", { "<Control>s", NULL } },
    { "win.open-view", { "<Control><Shift>o", NULL } },
    { "win.copy-figure", { "<Control><Shift>c", NULL } },
    { "win.presentation", { "F11", NULL } },
    { "win.leave-presentation", { "Escape", NULL } },
    { "win.play", { "<Control>space", NULL } },
    { "win.sidebar", { "F9", NULL } },
    { "win.search-indicators", { "<Control>f", NULL } },
    { "win.view::map", { "<Alt>1", NULL } },
    { "win.view::bars", { "<Alt>2", NULL } },
    { "win.view::trend", { "<Alt>3", NULL } },
    { "win.view::table", { "<Alt>4", NULL } },
    { "win.view::about", { "<Alt>5", NULL } },
    { "win.view::scatter", { "<Alt>6", NULL } },
    { "win.compare::absolute", { "<Control>1", NULL } },
    { "win.compare::world-diff", { "<Control>2", NULL } },
  };

  DsrApplication *self = DSR_APPLICATION (app);
  g_autoptr(DsrPrefetch) prefetch = NULL;

  /* Only the first instance loads the data: a second one hands its files
   * over. The data and the map's borders load on the second core while GTK
   * opens the display. */
  if (self->store == NULL)
    prefetch = dsr_prefetch_start (DSR_PREFETCH_PACK | DSR_PREFETCH_BORDERS, self->pack);

  G_APPLICATION_CLASS (dsr_application_parent_class)->startup (app);

  if (prefetch != NULL)
    {
      guint before = self->problems->len;

      self->store = dsr_prefetch_finish (g_steal_pointer (&prefetch), self->problems);
      for (guint i = before; i < self->problems->len; i++)
        g_printerr ("dsr-atlas: %s\n", ((GError *) g_ptr_array_index (self->problems, i))->message);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
dsr_application_finalize (GObject *object)
{
  DsrApplication *self = DSR_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->pending_mapping, dsr_column_mapping_free);
  g_clear_pointer (&self->pending_view, g_free);

  G_OBJECT_CLASS (dsr_application_parent_class)->finalize (object);
}

static void
dsr_application_class_init (DsrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dsr_application_finalize;
  app_class->activate = dsr_application_activate;
  app_class->open = dsr_application_open;
  app_class->startup = dsr_application_startup;
}

static void
dsr_application_init (DsrApplication *self)
{
  /* Refer to the UI resource so that the linker keeps it (it registers itself). */
  /* (A call of its own: inside g_assert () a G_DISABLE_ASSERT build would drop it.) */
  if (dsr_ui_get_resource () == NULL)
    g_error ("The bundled UI resource is missing");
}

/* One instance: a second start hands its files (g_application_open) to the
 * first and presents its window. DSR_ATLAS_NON_UNIQUE=1 makes every
 * instance its own (the tests run several in one D-Bus session).
 * @store: (nullable): the data, or NULL for the pack the first instance
 *   loads at its start-up (see dsr_application_set_pack()) */
DsrApplication *
dsr_application_new (DsrStore  *store,
                     GPtrArray *problems)
{
  DsrApplication *self;
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  g_return_val_if_fail (store == NULL || DSR_IS_STORE (store), NULL);

  if (g_strcmp0 (g_getenv ("DSR_ATLAS_NON_UNIQUE"), "1") == 0)
    flags |= G_APPLICATION_NON_UNIQUE;
  self = g_object_new (DSR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
  self->store = store ? g_object_ref (store) : NULL;
  self->problems = problems ? g_ptr_array_ref (problems)
                            : g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  return self;
}

/* The pack the first instance loads at its start-up when it was given no
 * store (@pack: NULL for the bundled one). */
void
dsr_application_set_pack (DsrApplication *self,
                          GFile          *pack)
{
  g_return_if_fail (DSR_IS_APPLICATION (self));
  g_set_object (&self->pack, pack);
}

DsrStore *
dsr_application_get_store (DsrApplication *self)
{
  g_return_val_if_fail (DSR_IS_APPLICATION (self), NULL);
  return self->store;
}

GPtrArray *
dsr_application_get_problems (DsrApplication *self)
{
  g_return_val_if_fail (DSR_IS_APPLICATION (self), NULL);
  return self->problems;
}

/* Files to import once the window is open (the command line's --data). */
void
dsr_application_set_pending_import (DsrApplication         *self,
                                    const char * const     *paths,
                                    const DsrColumnMapping *mapping)
{
  g_return_if_fail (DSR_IS_APPLICATION (self));

  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->pending_mapping, dsr_column_mapping_free);
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    g_ptr_array_add (self->pending_files, g_file_new_for_commandline_arg (paths[i]));
  if (mapping != NULL)
    self->pending_mapping = dsr_column_mapping_copy (mapping);
}

/* A saved view to open once the window is up (dsr-atlas FILE.dsrview). */
void
dsr_application_set_pending_view (DsrApplication *self,
                                  const char     *path)
{
  g_return_if_fail (DSR_IS_APPLICATION (self));

  g_free (self->pending_view);
  self->pending_view = path ? g_canonicalize_filename (path, NULL) : NULL;
}
