/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-binning"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-binning.h"
#include "dsr-error.h"

static const char *binning_names[] = { "equal-interval", "quantile", "natural-breaks" };

const char *
dsr_binning_to_string (DsrBinning method)
{
  g_return_val_if_fail (method <= DSR_BINNING_NATURAL_BREAKS, NULL);
  return binning_names[method];
}

const char *
dsr_binning_to_label (DsrBinning method)
{
  switch (method)
    {
    case DSR_BINNING_EQUAL_INTERVAL: return _("Equal intervals");
    case DSR_BINNING_QUANTILE: return _("Quantiles");
    case DSR_BINNING_NATURAL_BREAKS: return _("Natural breaks (Jenks)");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
dsr_binning_from_string (const char *str,
                         DsrBinning *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (binning_names); i++)
    if (g_strcmp0 (str, binning_names[i]) == 0)
      {
        *out = (DsrBinning) i;
        return TRUE;
      }
  return FALSE;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The p-quantile of sorted @x: linear between order statistics (Hyndman and
 * Fan's type 7, the default of R and NumPy). */
static double
quantile (const double *x,
          guint         n,
          double        p)
{
  double h = (n - 1) * p;
  guint lo = (guint) floor (h);

  if (lo + 1 >= n)
    return x[n - 1];
  return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
}

static void
equal_interval (DsrBins      *bins,
                const double *x,
                guint         n,
                guint         k)
{
  double lo = x[0], hi = x[n - 1];

  bins->n_classes = k;
  for (guint i = 0; i <= k; i++)
    bins->breaks[i] = lo + (hi - lo) * i / k;
  bins->breaks[k] = hi;
}

static void
quantiles (DsrBins      *bins,
           const double *x,
           guint         n,
           guint         k)
{
  guint m = 0;

  bins->breaks[m++] = x[0];
  for (guint i = 1; i <= k; i++)
    {
      double q = i == k ? x[n - 1] : quantile (x, n, (double) i / k);

      /* Equal quantiles (many equal values) make one class. */
      if (q > bins->breaks[m - 1] || m == 1)
        bins->breaks[m++] = q;
    }
  /* All values equal: one class from the value to itself. */
  if (m == 1)
    bins->breaks[m++] = x[0];
  bins->n_classes = m - 1;
}

/* Fisher's (1958) exact optimal partition of sorted values into k classes
 * with the least sum of squared deviations from the class means, which is
 * what Jenks' natural breaks compute; dynamic programming over prefix sums
 * in O(k n²). @x holds distinct values, @w how many times each occurs. */
static void
natural_breaks (DsrBins      *bins,
                const double *x,
                const double *w,
                guint         n,
                guint         k)
{
  g_autofree double *s1 = g_new0 (double, n + 1);
  g_autofree double *s2 = g_new0 (double, n + 1);
  g_autofree double *sw = g_new0 (double, n + 1);
  g_autofree double *cost = g_new (double, (gsize) (k + 1) * (n + 1));
  g_autofree guint *from = g_new0 (guint, (gsize) (k + 1) * (n + 1));
  guint end;

#define COST(c, j) cost[(gsize) (c) * (n + 1) + (j)]
#define FROM(c, j) from[(gsize) (c) * (n + 1) + (j)]

  /* Shifting by the first value keeps the squares small. */
  for (guint i = 0; i < n; i++)
    {
      double v = x[i] - x[0];

      sw[i + 1] = sw[i] + w[i];
      s1[i + 1] = s1[i] + w[i] * v;
      s2[i + 1] = s2[i] + w[i] * v * v;
    }

  /* COST (c, j): the best c classes of the first j values. */
  for (guint j = 0; j <= n; j++)
    COST (0, j) = j == 0 ? 0.0 : INFINITY;
  for (guint c = 1; c <= k; c++)
    for (guint j = 0; j <= n; j++)
      {
        COST (c, j) = INFINITY;
        /* The last class holds values i..j-1. */
        for (guint i = c - 1; i < j; i++)
          {
            double m = sw[j] - sw[i], a = s1[j] - s1[i];
            double ssd = MAX (s2[j] - s2[i] - a * a / m, 0.0);
            double total = COST (c - 1, i) + ssd;

            if (total < COST (c, j))
              {
                COST (c, j) = total;
                FROM (c, j) = i;
              }
          }
      }

  bins->n_classes = k;
  bins->breaks[0] = x[0];
  end = n;
  for (guint c = k; c >= 1; c--)
    {
      bins->breaks[c] = x[end - 1];
      end = FROM (c, end);
    }

#undef COST
#undef FROM
}

/* Whether @n_classes is a number of classes a map may ask for. */
gboolean
dsr_bins_check_classes (guint    n_classes,
                        GError **error)
{
  if (n_classes >= DSR_BINS_MIN_CLASSES && n_classes <= DSR_BINS_MAX_CLASSES)
    return TRUE;
  g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
               _("The number of classes must be between %d and %d, not %u"),
               DSR_BINS_MIN_CLASSES, DSR_BINS_MAX_CLASSES, n_classes);
  return FALSE;
}

/**
 * dsr_bins_compute:
 * @values: the values to classify; NANs are left out
 * @n_classes: from %DSR_BINS_MIN_CLASSES to %DSR_BINS_MAX_CLASSES
 *
 * Returns %FALSE with %DSR_ERROR_INVALID for a number of classes out of
 * range, and %DSR_ERROR_NO_DATA when there is no value.
 */
gboolean
dsr_bins_compute (DsrBins       *bins,
                  const double  *values,
                  guint          n_values,
                  DsrBinning     method,
                  guint          n_classes,
                  GError       **error)
{
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) distinct = NULL;
  g_autoptr(GArray) weights = NULL;
  const double *x;
  guint n;

  g_return_val_if_fail (bins != NULL, FALSE);
  g_return_val_if_fail (values != NULL || n_values == 0, FALSE);

  *bins = (DsrBins) { .method = method };

  if (!dsr_bins_check_classes (n_classes, error))
    return FALSE;
  if (method > DSR_BINNING_NATURAL_BREAKS)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("Unknown classification method %d"),
                   (int) method);
      return FALSE;
    }

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  for (guint i = 0; i < n_values; i++)
    if (isfinite (values[i]))
      g_array_append_val (sorted, values[i]);
  if (sorted->len == 0)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_NO_DATA, _("There are no values to classify"));
      return FALSE;
    }
  g_array_sort (sorted, compare_double);
  x = (const double *) sorted->data;
  n = sorted->len;

  distinct = g_array_new (FALSE, FALSE, sizeof (double));
  weights = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      if (distinct->len > 0 && g_array_index (distinct, double, distinct->len - 1) == x[i])
        g_array_index (weights, double, weights->len - 1) += 1.0;
      else
        {
          double one = 1.0;

          g_array_append_val (distinct, x[i]);
          g_array_append_val (weights, one);
        }
    }

  if (distinct->len <= n_classes)
    {
      /* No more values than classes: fewer classes, one for each value
       * (so that no class is an empty range, and none runs from a value
       * to itself on the legend). */
      const double *d = (const double *) distinct->data;

      bins->n_classes = distinct->len;
      bins->by_value = TRUE;
      bins->breaks[0] = d[0];
      for (guint i = 0; i < distinct->len; i++)
        bins->breaks[i + 1] = d[i];
      return TRUE;
    }

  switch (method)
    {
    case DSR_BINNING_EQUAL_INTERVAL:
      equal_interval (bins, x, n, n_classes);
      break;
    case DSR_BINNING_QUANTILE:
      quantiles (bins, x, n, n_classes);
      break;
    case DSR_BINNING_NATURAL_BREAKS:
    default:
      natural_breaks (bins, (const double *) distinct->data, (const double *) weights->data,
                      distinct->len, MIN (n_classes, distinct->len));
      break;
    }
  return TRUE;
}

/* The class of @value (0 to n_classes - 1), or -1 for NAN. Values beyond
 * the breaks go to the first or last class. */
int
dsr_bins_classify (const DsrBins *bins,
                   double         value)
{
  guint lo = 1, hi;

  g_return_val_if_fail (bins != NULL, -1);

  if (isnan (value) || bins->n_classes == 0)
    return -1;

  /* The first break that is >= value, among breaks[1..n_classes]. */
  hi = bins->n_classes;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (bins->breaks[mid] >= value)
        hi = mid;
      else
        lo = mid + 1;
    }
  return (int) lo - 1;
}

/**
 * dsr_bins_split_at:
 *
 * Splits the class whose values lie on both sides of @value in two, so
 * that no class of a diverging map holds values above and below zero.
 *
 * Returns: whether a class was split
 */
gboolean
dsr_bins_split_at (DsrBins *bins,
                   double   value)
{
  g_return_val_if_fail (bins != NULL, FALSE);
  g_return_val_if_fail (bins->n_classes <= DSR_BINS_MAX_CLASSES, FALSE);

  /* Classes of one value each hold values on one side only. */
  if (bins->by_value)
    return FALSE;
  for (guint i = 0; i < bins->n_classes; i++)
    if (bins->breaks[i] < value && value < bins->breaks[i + 1])
      {
        memmove (&bins->breaks[i + 2], &bins->breaks[i + 1], (bins->n_classes - i) * sizeof (double));
        bins->breaks[i + 1] = value;
        bins->n_classes++;
        return TRUE;
      }
  return FALSE;
}

/**
 * dsr_bins_get_marks:
 * @marks: (out caller-allocates): room for %DSR_BINS_MAX_CLASSES + 2 marks
 *
 * The labels of the legend, never degenerate: a class of one value is
 * labelled once, with its value, in its middle (classes by value, or a
 * first class that holds only the smallest value, as natural breaks and
 * quantiles may make); otherwise the breaks under the classes' edges, no
 * value twice.
 *
 * Returns: how many marks there are
 */
guint
dsr_bins_get_marks (const DsrBins *bins,
                    DsrBinMark    *marks)
{
  guint n = 0;

  g_return_val_if_fail (bins != NULL, 0);
  g_return_val_if_fail (marks != NULL, 0);

  if (bins->n_classes == 0)
    return 0;
  if (bins->by_value)
    {
      for (guint i = 0; i < bins->n_classes; i++)
        marks[n++] = (DsrBinMark) { bins->breaks[i + 1], i + 0.5 };
      return n;
    }
  for (guint i = 0; i <= bins->n_classes; i++)
    {
      /* A first class of one value: its value in its middle, not at both edges. */
      if (i == 0 && bins->breaks[0] == bins->breaks[1])
        {
          marks[n++] = (DsrBinMark) { bins->breaks[0], 0.5 };
          i++;
          continue;
        }
      if (n > 0 && marks[n - 1].value == bins->breaks[i])
        continue;
      marks[n++] = (DsrBinMark) { bins->breaks[i], i };
    }
  return n;
}
