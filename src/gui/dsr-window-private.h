/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dsr-about-page.h"
#include "dsr-chart-view.h"
#include "dsr-export-dialog.h"
#include "dsr-handout.h"
#include "dsr-map-view.h"
#include "dsr-scatter-view.h"
#include "dsr-summary-bar.h"
#include "dsr-table-page.h"
#include "dsr-importer.h"
#include "dsr-view-file.h"
#include "dsr-sidebar.h"
#include "dsr-timeline.h"
#include "dsr-window.h"

G_BEGIN_DECLS

struct _DsrWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwHeaderBar *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  AdwFlap *flap;
  DsrSidebar *sidebar;
  GtkDropDown *grouping_dropdown; /* the sidebar's */
  GtkBox *figure_box;             /* the figure, and the timeline under it */
  GtkWidget *timeline_separator;
  DsrTimeline *timeline;
  GtkRevealer *hint_revealer;     /* presentation mode: "Press Esc…" */
  GtkRevealer *presentation_revealer; /* presentation mode: the timeline, over the figure */
  GtkBox *presentation_box;
  GtkStack *main_stack;
  AdwViewStack *view_stack;
  DsrSummaryBar *summary_bar;   /* the written summary under the figure */
  AdwStatusPage *empty_page;
  GtkButton *nearest_year_button;
  GtkRevealer *import_revealer;
  GtkLabel *import_label;
  GtkProgressBar *import_progress;

  /* Pages, built in code */
  DsrMapView *map_view;
  DsrChartView *bars_view;
  DsrChartView *trend_view;
  DsrScatterView *scatter_view; /* and its controls (dsr-window-scatter.c) */
  GtkDropDown *scatter_y_dropdown;
  GtkToggleButton *scatter_fit_button;
  GtkToggleButton *scatter_size_button;
  DsrTablePage *table_page;
  DsrAboutPage *about_page;
  GPtrArray *figures;           /* the map, the charts and the scatter (DsrFigureView) */

  /* Owned references */
  DsrStore *store;
  DsrView *view;                /* the shared state every page shows */
  char *selected;               /* the selected entity, shared by every page ("selected") */
  double font_scale;            /* of the figures' type: 1.5 in presentation mode ("font-scale") */
  GSettings *settings;          /* NULL when the schema is not installed */
  GPtrArray *problems;          /* borrowed from the application */

  GCancellable *import_cancellable; /* while an import runs */
  gboolean loading_library;     /* the running import is the start-up reload */
  GPtrArray *queued_imports;    /* imports waiting for the start-up reload to end */
  AdwToast *details_toast;      /* weak: the last toast with a Details button */
  guint presentation_hide_source; /* hides the timeline and the hint again */
  gboolean sidebar_before_presentation;
  double pointer_x, pointer_y;  /* where the pointer last moved; -1 before */
  int nearest_year;             /* the empty page's suggestion, 0 when none */
  gboolean table_stale;         /* the table and the about page are refreshed */
  gboolean about_stale;         /* when they are shown, not at every change */
  gboolean updating;            /* TRUE while the window sets its own controls */
  GArray  *play_years;          /* the years that meet the coverage rule; NULL when stale */

  /* Saved views (dsr-window-views.c) */
  GMenu *recent_views_menu;     /* template: the Recent Views submenu */
  char *pending_view;           /* a view file waiting for its data */
  gboolean pending_view_imported; /* its files were imported for it */
  DsrViewFile *view_file;       /* the last opened or saved: re-saved with its unknown fields */
};

void  _dsr_window_actions_init     (DsrWindow  *self);
void  _dsr_window_import_init      (DsrWindow  *self);
void  _dsr_window_scatter_init     (DsrWindow  *self);
void  _dsr_window_scatter_refresh  (DsrWindow  *self);
void  _dsr_window_import_files     (DsrWindow  *self,
                                    GFile     **files,
                                    guint       n_files,
                                    const DsrColumnMapping *mapping);
void  _dsr_window_load_library     (DsrWindow  *self);
void  _dsr_window_import_dispose   (DsrWindow  *self);
char *_dsr_window_problems_text    (GPtrArray  *errors);
void  _dsr_window_show_details     (DsrWindow  *self,
                                    const char *heading,
                                    const char *body,
                                    const char *details);
void  _dsr_window_data_changed     (DsrWindow  *self,
                                    const char *indicator_id);
void  _dsr_window_set_indicator    (DsrWindow  *self,
                                    const char *indicator_id);
void  _dsr_window_set_year         (DsrWindow  *self,
                                    int         year);
void  _dsr_window_set_grouping     (DsrWindow  *self,
                                    const char *grouping_id);
void  _dsr_window_show_regions     (DsrWindow          *self,
                                    const char * const *ids);
void  _dsr_window_set_regions      (DsrWindow  *self,
                                    gboolean    all);
void  _dsr_window_refresh          (DsrWindow  *self);
void  _dsr_window_add_figure       (DsrWindow  *self,
                                    DsrFigureView *figure);
void  _dsr_window_set_selected     (DsrWindow  *self,
                                    const char *entity_id);
void  _dsr_window_set_font_scale   (DsrWindow  *self,
                                    double      scale);
void  _dsr_window_rules_changed    (DsrWindow  *self);
GArray *_dsr_window_get_play_years (DsrWindow  *self);
void  _dsr_window_stop_playing     (DsrWindow  *self);
void  _dsr_window_playing_changed  (DsrWindow  *self);
void  _dsr_window_presentation_dispose (DsrWindow *self);
gboolean _dsr_window_has_setting  (DsrWindow  *self,
                                    const char *key);
int   _dsr_window_get_int          (DsrWindow  *self,
                                    const char *key);
void  _dsr_window_save_int         (DsrWindow  *self,
                                    const char *key,
                                    int         value);
DsrViewKind _dsr_window_get_visible_kind (DsrWindow *self);
DsrExportDialog *_dsr_window_open_export (DsrWindow *self);
/* Class Handout… (dsr-window-handout.c) */
void  _dsr_window_handout_init     (DsrWindow  *self);
gboolean _dsr_window_make_handout  (DsrWindow  *self,
                                    GFile      *file,
                                    DsrHandoutPages pages);
void  _dsr_window_views_init       (DsrWindow  *self);
void  _dsr_window_views_data_changed (DsrWindow *self);
void  _dsr_window_views_dispose    (DsrWindow  *self);

G_END_DECLS
