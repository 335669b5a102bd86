/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

/* A saved view (.dsrview): a small JSON file holding everything that makes
 * a figure (a DsrView, the language) and the data it needs: the bundled
 * indicators by id, imported files by name with their SHA-256, so that a
 * missing or changed file is reported, never silently replaced.
 *
 *   { "format": "dsr-atlas-view", "version": "1.0", "view": "bars", ... }
 *
 * Versions are MAJOR.MINOR. A reader reads every file of its own major
 * version, whatever the minor: a newer minor only adds fields, which are
 * kept (written back when the file is saved again) and ignored. A newer
 * major version is refused. README.md ("Saved views") lists the fields. */

#define DSR_VIEW_FILE_FORMAT        "dsr-atlas-view"
#define DSR_VIEW_FILE_VERSION_MAJOR 1
#define DSR_VIEW_FILE_VERSION_MINOR 0
#define DSR_VIEW_FILE_EXTENSION     ".dsrview"
#define DSR_VIEW_FILE_MIME_TYPE     "application/x-dsr-atlas-view"
/* A view file is a few KiB; anything larger is not one. */
#define DSR_VIEW_FILE_MAX_SIZE      (1024 * 1024)

/* An imported file the view needs. */
typedef struct
{
  char  *name;       /* its name, without a folder */
  char  *sha256;     /* lower-case hexadecimal */
  char **indicators; /* the indicators it brings (for people; may be NULL) */
} DsrViewData;

#define DSR_TYPE_VIEW_FILE (dsr_view_file_get_type ())
G_DECLARE_FINAL_TYPE (DsrViewFile, dsr_view_file, DSR, VIEW_FILE, GObject)

DsrViewFile       *dsr_view_file_new             (const DsrView      *view);
DsrViewFile       *dsr_view_file_load            (const char         *path,
                                                  GError            **error);
DsrViewFile       *dsr_view_file_load_from_data  (const char         *data,
                                                  gsize               length,
                                                  const char         *display_name,
                                                  GError            **error);
gboolean           dsr_view_file_save            (DsrViewFile        *self,
                                                  const char         *path,
                                                  GError            **error);
char              *dsr_view_file_to_data         (DsrViewFile        *self,
                                                  gsize              *length);

const char        *dsr_view_file_get_path        (DsrViewFile        *self);
const char        *dsr_view_file_get_display_name (DsrViewFile       *self);
const DsrView     *dsr_view_file_get_view        (DsrViewFile        *self);
void               dsr_view_file_set_view        (DsrViewFile        *self,
                                                  const DsrView      *view);
const char        *dsr_view_file_get_language    (DsrViewFile        *self);
void               dsr_view_file_set_language    (DsrViewFile        *self,
                                                  const char         *language);

const char * const *dsr_view_file_get_bundled    (DsrViewFile        *self);
void               dsr_view_file_set_bundled     (DsrViewFile        *self,
                                                  const char * const *indicator_ids);
guint              dsr_view_file_get_n_imports   (DsrViewFile        *self);
const DsrViewData *dsr_view_file_get_import      (DsrViewFile        *self,
                                                  guint               index);
void               dsr_view_file_clear_imports   (DsrViewFile        *self);
gboolean           dsr_view_file_add_import      (DsrViewFile        *self,
                                                  const char         *path,
                                                  const char * const *indicators,
                                                  GError            **error);
void               dsr_view_file_describe_data   (DsrViewFile        *self,
                                                  DsrStore           *store);

char              *dsr_view_file_locate_import   (DsrViewFile        *self,
                                                  guint               index,
                                                  const char * const *candidates,
                                                  const char * const *dirs,
                                                  GError            **error);
gboolean           dsr_view_file_check           (DsrViewFile        *self,
                                                  DsrStore           *store,
                                                  GError            **error);

char              *dsr_view_file_sha256          (const char         *path,
                                                  GError            **error);
char              *dsr_view_file_current_language (void);

G_END_DECLS
