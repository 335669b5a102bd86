/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "dsr-store.h"

G_BEGIN_DECLS

/* Exit statuses of the command line. */
#define DSR_EXIT_OK       0
#define DSR_EXIT_DATA     1  /* a data file could not be loaded or written */
#define DSR_EXIT_USAGE    2  /* a bad option or value */

typedef struct
{
  gboolean   version;
  gboolean   list_indicators;
  gboolean   list_groupings;
  char      *pack_dir;
  char     **data_files;   /* --data: files to import first */
  char      *columns;      /* --columns: which column is which, for --data */

  /* --export and the view it draws; values are checked by dsr_cli_run () */
  char      *export_path;
  char      *view;
  char      *indicator;
  char      *y_indicator;  /* scatter: the vertical axis' indicator */
  gboolean   fit;          /* scatter: the best-fit line and its r */
  gboolean   size_by_population; /* scatter: dot area by population */
  char      *year;
  char      *years;
  char      *grouping;
  char      *regions;
  char      *compare;
  char      *width;
  char      *height;
  char      *scale;
  char      *theme;
  char      *aggregate;    /* mean, weighted-mean, sum or none: the regional rule */
  char      *min_coverage; /* 0..1: the coverage rule */
  char      *tolerance;    /* 0..5 years */
  char      *membership;   /* fixed or as-of-year, for trends */
  char      *map_mode;     /* country or region */
  gboolean   svg_text_as_paths;
  gboolean   summary;      /* --summary: print the view's written summary */
  gboolean   caption;      /* --caption: draw the summary under the exported figure */
  gboolean   presentation; /* --presentation: the window opens in presentation mode */

  /* --handout FILE.pdf: a class handout of the view above */
  char      *handout_path;
  char      *handout_pages; /* years, views (or auto) */

  /* Saved views: --view-file (or a bare FILE.dsrview argument) starts from
   * the file's view, the other options override it; --save-view writes the
   * view the options describe. */
  char      *view_file;
  char      *save_view;

  /* --update [CODE...]: the World Bank codes (the arguments after the options) */
  gboolean   update;
  char     **update_codes;
} DsrCliOptions;

void      dsr_cli_options_clear   (DsrCliOptions  *options);
gboolean  dsr_cli_parse           (int            *argc,
                                   char         ***argv,
                                   DsrCliOptions  *options,
                                   GError        **error);
gboolean  dsr_cli_is_headless     (const DsrCliOptions *options);
int       dsr_cli_run             (const DsrCliOptions *options);
gboolean  dsr_cli_import          (DsrStore            *store,
                                   const DsrCliOptions *options,
                                   GError             **error);

G_END_DECLS

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DsrCliOptions, dsr_cli_options_clear)
