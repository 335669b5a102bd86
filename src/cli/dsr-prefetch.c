/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-prefetch"

#include "config.h"

#include "dsr-map-borders.h"
#include "dsr-pack.h"
#include "dsr-prefetch.h"

/* Start-up work on a thread of its own. Each part is safe off the main
 * thread: the store is made and filled by this thread alone and only handed
 * over once it has finished; the borders are loaded once under their own
 * lock, so a caller that needs them first waits for this load instead of
 * making a second. */

struct _DsrPrefetch
{
  DsrPrefetchFlags flags;
  GFile           *pack;
  GThread         *thread;
  DsrStore        *store;     /* DSR_PREFETCH_PACK: this thread's result */
  GPtrArray       *problems;  /* (element-type GError) of the pack's load */
};

static gpointer
prefetch_thread (gpointer data)
{
  DsrPrefetch *self = data;

  /* The borders first: the command line's check of a map needs them as soon
   * as it has read the data. */
  if (self->flags & DSR_PREFETCH_BORDERS)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DsrMapData) borders = dsr_map_data_load_bundled (&error);

      /* Not reported here: the caller's own load meets the same error and says it. */
      if (borders == NULL)
        g_debug ("The borders were not prefetched: %s", error->message);
    }
  if (self->flags & DSR_PREFETCH_PACK)
    self->store = dsr_pack_load_store (self->pack, self->problems);
  return NULL;
}

/**
 * dsr_prefetch_start:
 * @flags: what to load
 * @pack: (nullable): the pack for %DSR_PREFETCH_PACK (%NULL: the bundled one)
 *
 * Starts loading @flags on a new thread. Every prefetch is ended with
 * dsr_prefetch_finish() or dsr_prefetch_free(), which wait for the thread.
 */
DsrPrefetch *
dsr_prefetch_start (DsrPrefetchFlags  flags,
                    GFile            *pack)
{
  DsrPrefetch *self;

  g_return_val_if_fail (pack == NULL || G_IS_FILE (pack), NULL);

  self = g_new0 (DsrPrefetch, 1);
  self->flags = flags;
  self->pack = pack ? g_object_ref (pack) : NULL;
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  /* GLib registers the program's resources on their first use, and a thread
   * that asks for one while another thread is registering them finds none
   * (GLib 2.74; seen as "The bundled data resources are missing" in 1 export
   * of 30, then of 200). Any lookup registers them all: one here, before
   * the thread starts. */
  g_resources_get_info ("/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
  self->thread = g_thread_new ("dsr-prefetch", prefetch_thread, self);
  return self;
}

static void
prefetch_join (DsrPrefetch *self)
{
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));
}

/**
 * dsr_prefetch_finish:
 * @problems: (element-type GError): where the pack's problems are appended
 *
 * Waits for the thread and ends the prefetch (@self is freed).
 *
 * Returns: (transfer full) (nullable): the store, with %DSR_PREFETCH_PACK
 */
DsrStore *
dsr_prefetch_finish (DsrPrefetch *self,
                     GPtrArray   *problems)
{
  DsrStore *store;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  prefetch_join (self);
  store = g_steal_pointer (&self->store);
  for (guint i = 0; i < self->problems->len; i++)
    g_ptr_array_add (problems, g_error_copy (g_ptr_array_index (self->problems, i)));
  dsr_prefetch_free (self);
  return store;
}

/* Waits for the thread and drops what it loaded. */
void
dsr_prefetch_free (DsrPrefetch *self)
{
  if (self == NULL)
    return;
  prefetch_join (self);
  g_clear_object (&self->store);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self);
}
