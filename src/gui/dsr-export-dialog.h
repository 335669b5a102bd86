/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dsr-export.h"
#include "dsr-store.h"
#include "dsr-view.h"

G_BEGIN_DECLS

#define DSR_TYPE_EXPORT_DIALOG (dsr_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DsrExportDialog, dsr_export_dialog, DSR, EXPORT_DIALOG, AdwWindow)

typedef enum
{
  DSR_EXPORT_SIZE_SLIDE,   /* 1920 x 1080 */
  DSR_EXPORT_SIZE_REPORT,  /* A4 landscape at 300 dpi */
  DSR_EXPORT_SIZE_SQUARE,  /* 1080 x 1080 */
  DSR_EXPORT_SIZE_CUSTOM,
} DsrExportSize;

DsrExportDialog *dsr_export_dialog_new           (GtkWindow       *parent,
                                                  DsrStore        *store,
                                                  const DsrView   *view,
                                                  GSettings       *settings);
void             dsr_export_dialog_set_format    (DsrExportDialog *self,
                                                  DsrExportFormat  format);
void             dsr_export_dialog_set_size      (DsrExportDialog *self,
                                                  DsrExportSize    size);
void             dsr_export_dialog_set_custom_size (DsrExportDialog *self,
                                                  int              width,
                                                  int              height);
void             dsr_export_dialog_set_scheme    (DsrExportDialog *self,
                                                  DsrScheme        scheme);
const DsrView   *dsr_export_dialog_get_view      (DsrExportDialog *self,
                                                  DsrExportOptions *options);
char            *dsr_export_dialog_suggest_name  (DsrExportDialog *self);
GFile           *dsr_export_dialog_suggest_folder (DsrExportDialog *self);
char            *dsr_export_dialog_describe_size (DsrExportDialog *self);
void             dsr_export_dialog_export_async  (DsrExportDialog *self,
                                                  GFile           *file,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
gboolean         dsr_export_dialog_export_finish (DsrExportDialog *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
gboolean         dsr_export_dialog_export_to     (DsrExportDialog *self,
                                                  GFile           *file,
                                                  GError         **error);
gboolean         dsr_export_dialog_get_busy      (DsrExportDialog *self);
void             dsr_export_dialog_set_file      (DsrExportDialog *self,
                                                  GFile           *file);

AdwToast        *dsr_export_toast_new            (GtkWidget       *parent,
                                                  GFile           *file);
void             dsr_show_in_folder              (GtkWidget       *parent,
                                                  GFile           *file);

G_END_DECLS
