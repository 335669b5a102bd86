/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-view"

#include "config.h"

#include "dsr-view.h"

G_DEFINE_BOXED_TYPE (DsrView, dsr_view, dsr_view_copy, dsr_view_free)

DsrView *
dsr_view_new (void)
{
  DsrView *view = g_new0 (DsrView, 1);

  view->kind = DSR_VIEW_BARS;
  view->compare = DSR_COMPARE_ABSOLUTE;
  view->aggregation = -1;
  view->min_coverage = DSR_DEFAULT_MIN_COVERAGE;
  view->tolerance = 0;
  view->membership = DSR_MEMBERSHIP_FIXED;
  view->width = 1600;
  view->height = 1000;
  view->scale = 1.0;
  view->scheme = DSR_SCHEME_LIGHT;
  return view;
}

DsrView *
dsr_view_copy (const DsrView *view)
{
  DsrView *copy;

  g_return_val_if_fail (view != NULL, NULL);

  copy = g_memdup2 (view, sizeof *view);
  copy->indicator_id = g_strdup (view->indicator_id);
  copy->y_indicator_id = g_strdup (view->y_indicator_id);
  copy->grouping_id = g_strdup (view->grouping_id);
  copy->regions = g_strdupv (view->regions);
  return copy;
}

void
dsr_view_free (DsrView *view)
{
  if (view == NULL)
    return;
  g_free (view->indicator_id);
  g_free (view->y_indicator_id);
  g_free (view->grouping_id);
  g_strfreev (view->regions);
  g_free (view);
}

static const char *kind_names[] = { "map", "bars", "trend", "table", "scatter" };
static const char *compare_names[] = { "absolute", "world-diff" };
static const char *scheme_names[] = { "light", "dark" };
static const char *membership_names[] = { "fixed", "as-of-year" };

static gboolean
lookup (const char  *str,
        const char **names,
        guint        n_names,
        int         *out)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dsr_view_kind_to_string (DsrViewKind kind)
{
  g_return_val_if_fail (kind <= DSR_VIEW_SCATTER, "bars");
  return kind_names[kind];
}

gboolean
dsr_view_kind_from_string (const char  *str,
                           DsrViewKind *out)
{
  int v;

  if (!lookup (str, kind_names, G_N_ELEMENTS (kind_names), &v))
    return FALSE;
  *out = (DsrViewKind) v;
  return TRUE;
}

const char *
dsr_compare_to_string (DsrCompare compare)
{
  g_return_val_if_fail (compare <= DSR_COMPARE_WORLD_DIFF, "absolute");
  return compare_names[compare];
}

gboolean
dsr_compare_from_string (const char *str,
                         DsrCompare *out)
{
  int v;

  if (!lookup (str, compare_names, G_N_ELEMENTS (compare_names), &v))
    return FALSE;
  *out = (DsrCompare) v;
  return TRUE;
}

const char *
dsr_scheme_to_string (DsrScheme scheme)
{
  g_return_val_if_fail (scheme <= DSR_SCHEME_DARK, "light");
  return scheme_names[scheme];
}

gboolean
dsr_scheme_from_string (const char *str,
                        DsrScheme  *out)
{
  int v;

  if (!lookup (str, scheme_names, G_N_ELEMENTS (scheme_names), &v))
    return FALSE;
  *out = (DsrScheme) v;
  return TRUE;
}

const char *
dsr_membership_to_string (DsrMembership membership)
{
  g_return_val_if_fail (membership <= DSR_MEMBERSHIP_AS_OF_YEAR, "fixed");
  return membership_names[membership];
}

gboolean
dsr_membership_from_string (const char    *str,
                            DsrMembership *out)
{
  int v;

  if (!lookup (str, membership_names, G_N_ELEMENTS (membership_names), &v))
    return FALSE;
  *out = (DsrMembership) v;
  return TRUE;
}
