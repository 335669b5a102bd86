/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What several fuzz targets share. */
#define G_LOG_DOMAIN "dsr-fuzz"
#include "config.h"

#include "dsr-fuzz.h"
#include "dsr-iso-codes.h"

static DsrStore *countries; /* iso-codes, loaded once */

/* A new store holding the countries of iso-codes, read once and copied for
 * each input (an input must not see what the one before it loaded). */
DsrStore *
dsr_fuzz_store_with_countries (void)
{
  DsrStore *store = dsr_store_new ();
  GListModel *entities;

  if (countries == NULL)
    {
      g_autofree char *iso = dsr_iso_codes_default_path ();

      countries = dsr_store_new ();
      dsr_iso_codes_load (countries, iso, NULL);
    }
  entities = dsr_store_get_entities (countries);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(DsrEntity) entity = g_list_model_get_item (entities, i);

      dsr_store_add_entity (store, entity, NULL);
    }
  return store;
}
