/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-store-guard"

#include "config.h"

#include "dsr-store-guard.h"

/* The store is read by the main thread and, during an export, by the
 * export's worker; reading is safe as long as nobody writes. The writes all
 * happen on the main thread (an import's commit, a removal, an update from
 * the World Bank): they go through dsr_store_guard_run(), which runs them at
 * once when no export reads the store and else when the last one ends. */

typedef struct
{
  DsrStoreGuardFunc func;
  gpointer data;
  GDestroyNotify destroy;
} Pending;

typedef struct
{
  guint n_readers;
  guint idle_id;
  GQueue pending;   /* of Pending */
  DsrStore *store;  /* not a reference: the guard lives on the store */
} Guard;

static GQuark
guard_quark (void)
{
  return g_quark_from_static_string ("dsr-store-guard");
}

static void
pending_free (gpointer data)
{
  Pending *pending = data;

  if (pending->destroy != NULL)
    pending->destroy (pending->data);
  g_free (pending);
}

static void
guard_free (gpointer data)
{
  Guard *guard = data;

  g_clear_handle_id (&guard->idle_id, g_source_remove);
  g_queue_clear_full (&guard->pending, pending_free);
  g_free (guard);
}

static Guard *
get_guard (DsrStore *store,
           gboolean  create)
{
  Guard *guard = g_object_get_qdata (G_OBJECT (store), guard_quark ());

  if (guard == NULL && create)
    {
      guard = g_new0 (Guard, 1);
      g_queue_init (&guard->pending);
      guard->store = store;
      g_object_set_qdata_full (G_OBJECT (store), guard_quark (), guard, guard_free);
    }
  return guard;
}

/* Fills the store's caches that reading fills (the years of each
 * indicator), so that the reader off the main thread only reads. */
void
dsr_store_guard_warm (DsrStore *store)
{
  GListModel *indicators = dsr_store_get_indicators (store);
  guint n = g_list_model_get_n_items (indicators);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GArray) years = dsr_store_get_years (store, dsr_indicator_get_id (indicator));
    }
}

void
dsr_store_guard_hold (DsrStore *store)
{
  g_return_if_fail (DSR_IS_STORE (store));
  dsr_store_guard_warm (store);
  get_guard (store, TRUE)->n_readers++;
}

static gboolean
run_pending_cb (gpointer data)
{
  Guard *guard = data;
  g_autoptr(DsrStore) store = g_object_ref (guard->store);

  guard->idle_id = 0;
  /* A change may start another export, which holds the guard again. */
  while (guard->n_readers == 0 && !g_queue_is_empty (&guard->pending))
    {
      Pending *pending = g_queue_pop_head (&guard->pending);

      pending->func (pending->data);
      pending_free (pending);
    }
  return G_SOURCE_REMOVE;
}

void
dsr_store_guard_release (DsrStore *store)
{
  Guard *guard;

  g_return_if_fail (DSR_IS_STORE (store));
  guard = get_guard (store, FALSE);
  g_return_if_fail (guard != NULL && guard->n_readers > 0);

  guard->n_readers--;
  if (guard->n_readers == 0 && !g_queue_is_empty (&guard->pending) && guard->idle_id == 0)
    guard->idle_id = g_idle_add (run_pending_cb, guard);
}

gboolean
dsr_store_guard_is_held (DsrStore *store)
{
  Guard *guard;

  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);
  guard = get_guard (store, FALSE);
  return guard != NULL && guard->n_readers > 0;
}

/* Runs @func (@data) now when no export reads @store (or @store is NULL),
 * else when the last export ends; then @destroy (@data). */
void
dsr_store_guard_run (DsrStore          *store,
                     DsrStoreGuardFunc  func,
                     gpointer           data,
                     GDestroyNotify     destroy)
{
  Pending *pending;

  g_return_if_fail (func != NULL);

  if (store == NULL || !dsr_store_guard_is_held (store))
    {
      func (data);
      if (destroy != NULL)
        destroy (data);
      return;
    }
  pending = g_new0 (Pending, 1);
  pending->func = func;
  pending->data = data;
  pending->destroy = destroy;
  g_queue_push_tail (&get_guard (store, TRUE)->pending, pending);
}

typedef struct
{
  GAsyncReadyCallback callback;
  GObject *source;
  GAsyncResult *result;
  gpointer user_data;
} Finish;

static void
finish_run (gpointer data)
{
  Finish *finish = data;

  finish->callback (finish->source, finish->result, finish->user_data);
}

static void
finish_free (gpointer data)
{
  Finish *finish = data;

  g_clear_object (&finish->source);
  g_clear_object (&finish->result);
  g_free (finish);
}

/* For the callback of an async call that ends with a change of @store:
 * calls @callback (@source, @result, @user_data) now, or when no export
 * reads @store any longer. */
void
dsr_store_guard_finish (DsrStore            *store,
                        GAsyncReadyCallback  callback,
                        GObject             *source,
                        GAsyncResult        *result,
                        gpointer             user_data)
{
  Finish *finish = g_new0 (Finish, 1);

  finish->callback = callback;
  finish->source = source ? g_object_ref (source) : NULL;
  finish->result = g_object_ref (result);
  finish->user_data = user_data;
  dsr_store_guard_run (store, finish_run, finish, finish_free);
}
