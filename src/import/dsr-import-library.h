/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-importer.h"

G_BEGIN_DECLS

/* Remembered imports: the files of an import are copied into
 * $XDG_DATA_HOME/dsr-atlas/imports/<id>/ (with entry.ini describing them),
 * listed, removed, and imported again at start-up. <id> is the import's
 * origin (dsr_import_result_get_origin()), which its values carry in the
 * store: dsr_store_remove_import (store, id) takes them out again. */

typedef struct
{
  char              *id;          /* the folder's name and the values' origin */
  char              *label;       /* for people: the first data file's name */
  char              *dir;         /* the folder */
  char             **files;       /* paths of the copied files */
  char             **indicators;  /* the indicators it brings */
  DsrColumnMapping  *mapping;     /* or NULL */
  GDateTime         *added;
} DsrImportEntry;

#define DSR_TYPE_IMPORT_ENTRY (dsr_import_entry_get_type ())

GType           dsr_import_entry_get_type            (void) G_GNUC_CONST;
DsrImportEntry *dsr_import_entry_copy                (const DsrImportEntry *entry);
void            dsr_import_entry_free                (DsrImportEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DsrImportEntry, dsr_import_entry_free)

char           *dsr_import_library_get_dir           (void);
GPtrArray      *dsr_import_library_list              (GError              **error);
DsrImportEntry *dsr_import_library_remember          (DsrImportResult      *result,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void            dsr_import_library_remember_async    (DsrImportResult      *result,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
DsrImportEntry *dsr_import_library_remember_finish   (GAsyncResult         *result,
                                                      GError              **error);
gboolean        dsr_import_library_remove            (const char           *id,
                                                      GError              **error);

gboolean        dsr_import_library_load_sync         (DsrStore             *store,
                                                      GCancellable         *cancellable,
                                                      GPtrArray            *problems,
                                                      GError              **error);
void            dsr_import_library_load_async        (DsrStore             *store,
                                                      GCancellable         *cancellable,
                                                      DsrImportProgressFunc progress,
                                                      gpointer              progress_data,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        dsr_import_library_load_finish       (DsrStore             *store,
                                                      GAsyncResult         *result,
                                                      GPtrArray            *problems,
                                                      GError              **error);

G_END_DECLS
