/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "dsr-binning.h"
#include "dsr-error.h"
#include "dsr-test-utils.h"

static void
assert_breaks (const DsrBins *bins,
               const double  *expected,
               guint          n_classes)
{
  g_assert_cmpuint (bins->n_classes, ==, n_classes);
  for (guint i = 0; i <= n_classes; i++)
    g_assert_cmpfloat_with_epsilon (bins->breaks[i], expected[i], 1e-9);
}

static void
compute (DsrBins      *bins,
         const double *values,
         guint         n,
         DsrBinning    method,
         guint         k)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dsr_bins_compute (bins, values, n, method, k, &error));
  g_assert_no_error (error);
}

/* 0, 10, …, 100 in five: breaks every 20. */
static void
test_equal_interval (void)
{
  double values[11];
  const double expected[] = { 0, 20, 40, 60, 80, 100 };
  DsrBins bins;

  for (guint i = 0; i < 11; i++)
    values[i] = 100 - 10.0 * i;
  compute (&bins, values, 11, DSR_BINNING_EQUAL_INTERVAL, 5);
  assert_breaks (&bins, expected, 5);

  /* Breaks are upper bounds: 20 is in the first class, a bit more in the second. */
  g_assert_cmpint (dsr_bins_classify (&bins, 0), ==, 0);
  g_assert_cmpint (dsr_bins_classify (&bins, 20), ==, 0);
  g_assert_cmpint (dsr_bins_classify (&bins, 20.001), ==, 1);
  g_assert_cmpint (dsr_bins_classify (&bins, 79.9), ==, 3);
  g_assert_cmpint (dsr_bins_classify (&bins, 100), ==, 4);
  g_assert_cmpint (dsr_bins_classify (&bins, -5), ==, 0);
  g_assert_cmpint (dsr_bins_classify (&bins, 500), ==, 4);
  g_assert_cmpint (dsr_bins_classify (&bins, NAN), ==, -1);
}

/* 1..10 in quartiles, linear between order statistics (R type 7):
 * h = 9p, so 3.25, 5.5 and 7.75. */
static void
test_quantile (void)
{
  const double values[] = { 7, 1, 10, 4, 2, 9, 3, 8, 6, 5 };
  const double expected[] = { 1, 3.25, 5.5, 7.75, 10 };
  const double gci_expected[] = { 24.84, 25.33, 38.71, 41.06, 62.73, 82.44 };
  const double gci[] = { 82.44, 62.73, 41.06, 38.71, 25.33, 24.84 };
  const double ties[] = { 1, 1, 1, 1, 1, 1, 2, 3 };
  DsrBins bins;

  compute (&bins, values, G_N_ELEMENTS (values), DSR_BINNING_QUANTILE, 4);
  assert_breaks (&bins, expected, 4);
  g_assert_cmpint (dsr_bins_classify (&bins, 3.25), ==, 0);
  g_assert_cmpint (dsr_bins_classify (&bins, 4), ==, 1);

  /* Six regional values in quintiles: h = 5p, exactly the values. */
  compute (&bins, gci, G_N_ELEMENTS (gci), DSR_BINNING_QUANTILE, 5);
  assert_breaks (&bins, gci_expected, 5);

  /* Many equal values: coinciding quantiles make one class. */
  compute (&bins, ties, G_N_ELEMENTS (ties), DSR_BINNING_QUANTILE, 4);
  g_assert_cmpuint (bins.n_classes, <, 4);
  g_assert_cmpfloat (bins.breaks[0], ==, 1);
  g_assert_cmpfloat (bins.breaks[bins.n_classes], ==, 3);
}

/* Natural breaks: the partition with the least sum of squared deviations,
 * checked against all partitions (brute force, in Python). */
static void
test_natural_breaks (void)
{
  const double clusters[] = { 21, 1, 11, 2, 22, 3, 12, 20, 10 };
  const double clusters_expected[] = { 1, 3, 12, 22 };
  const double textbook[] = { 1, 2, 4, 5, 7, 9, 10, 20 };
  const double textbook_expected[] = { 1, 5, 10, 20 };
  const double twelve[] = { 4, 5, 9, 10, 21, 22, 30, 34, 35, 40, 52, 60 };
  const double twelve_expected[] = { 4, 10, 22, 40, 60 };
  const double gci[] = { 82.44, 62.73, 41.06, 38.71, 25.33, 24.84 };
  const double gci_expected5[] = { 24.84, 25.33, 38.71, 41.06, 62.73, 82.44 };
  const double gci_expected3[] = { 24.84, 25.33, 41.06, 82.44 };
  DsrBins bins;

  compute (&bins, clusters, G_N_ELEMENTS (clusters), DSR_BINNING_NATURAL_BREAKS, 3);
  assert_breaks (&bins, clusters_expected, 3);
  compute (&bins, textbook, G_N_ELEMENTS (textbook), DSR_BINNING_NATURAL_BREAKS, 3);
  assert_breaks (&bins, textbook_expected, 3);
  compute (&bins, twelve, G_N_ELEMENTS (twelve), DSR_BINNING_NATURAL_BREAKS, 4);
  assert_breaks (&bins, twelve_expected, 4);
  compute (&bins, gci, G_N_ELEMENTS (gci), DSR_BINNING_NATURAL_BREAKS, 5);
  assert_breaks (&bins, gci_expected5, 5);
  compute (&bins, gci, G_N_ELEMENTS (gci), DSR_BINNING_NATURAL_BREAKS, 3);
  assert_breaks (&bins, gci_expected3, 3);
  g_assert_cmpint (dsr_bins_classify (&bins, 38.71), ==, 1);
  g_assert_cmpint (dsr_bins_classify (&bins, 62.73), ==, 2);
}

static void
test_few_values (void)
{
  const double two[] = { 1, 1, 2, NAN };
  const double one[] = { 3, 3, 3 };
  DsrBins bins;

  /* Never more classes than distinct values. */
  compute (&bins, two, G_N_ELEMENTS (two), DSR_BINNING_NATURAL_BREAKS, 5);
  g_assert_cmpuint (bins.n_classes, ==, 2);
  g_assert_cmpint (dsr_bins_classify (&bins, 1), ==, 0);
  g_assert_cmpint (dsr_bins_classify (&bins, 2), ==, 1);

  for (DsrBinning m = DSR_BINNING_EQUAL_INTERVAL; m <= DSR_BINNING_NATURAL_BREAKS; m++)
    {
      compute (&bins, one, G_N_ELEMENTS (one), m, 3);
      g_assert_cmpuint (bins.n_classes, ==, 1);
      g_assert_cmpint (dsr_bins_classify (&bins, 3), ==, 0);
    }
}

/* The legend's labels: no label twice, no class "from 18.00 to 18.00"
 * (issue 12): with fewer distinct values than classes, fewer classes, each
 * labelled with its value in its middle, for every method. */
static void
assert_marks_distinct (const DsrBins *bins,
                       guint          expected)
{
  DsrBinMark marks[DSR_BINS_MAX_CLASSES + 2];
  guint n = dsr_bins_get_marks (bins, marks);

  g_assert_cmpuint (n, ==, expected);
  for (guint i = 1; i < n; i++)
    {
      g_assert_cmpfloat (marks[i].value, >, marks[i - 1].value);
      g_assert_cmpfloat (marks[i].position, >, marks[i - 1].position);
    }
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat (marks[i].position, <=, bins->n_classes);
}

static void
test_degenerate_classes (void)
{
  const double one[] = { 18, 18, 18 };
  const double two[] = { 18, 40, 18, NAN };
  const double four[] = { 0, 12.5, 30, 60 };
  /* Natural breaks put the lowest value in a class of its own. */
  const double outlier[] = { 0, 50, 51, 52, 80, 81, 82 };
  DsrBinMark marks[DSR_BINS_MAX_CLASSES + 2];
  DsrBins bins;

  for (DsrBinning m = DSR_BINNING_EQUAL_INTERVAL; m <= DSR_BINNING_NATURAL_BREAKS; m++)
    {
      compute (&bins, one, G_N_ELEMENTS (one), m, 5);
      g_assert_cmpuint (bins.n_classes, ==, 1);
      g_assert_true (bins.by_value);
      assert_marks_distinct (&bins, 1);
      g_assert_cmpuint (dsr_bins_get_marks (&bins, marks), ==, 1);
      g_assert_cmpfloat (marks[0].value, ==, 18);
      g_assert_cmpfloat (marks[0].position, ==, 0.5);

      /* Two values, five classes asked for: two classes, one for each value. */
      compute (&bins, two, G_N_ELEMENTS (two), m, 5);
      g_assert_cmpuint (bins.n_classes, ==, 2);
      g_assert_true (bins.by_value);
      g_assert_cmpint (dsr_bins_classify (&bins, 18), ==, 0);
      g_assert_cmpint (dsr_bins_classify (&bins, 40), ==, 1);
      assert_marks_distinct (&bins, 2);
      dsr_bins_get_marks (&bins, marks);
      g_assert_cmpfloat (marks[0].value, ==, 18);
      g_assert_cmpfloat (marks[1].value, ==, 40);

      compute (&bins, four, G_N_ELEMENTS (four), m, 5);
      g_assert_cmpuint (bins.n_classes, ==, 4);
      for (guint i = 0; i < G_N_ELEMENTS (four); i++)
        g_assert_cmpint (dsr_bins_classify (&bins, four[i]), ==, (int) i);
      assert_marks_distinct (&bins, 4);
    }

  /* More values than classes, the lowest alone: labelled once, in its class. */
  compute (&bins, outlier, G_N_ELEMENTS (outlier), DSR_BINNING_NATURAL_BREAKS, 3);
  g_assert_cmpuint (bins.n_classes, ==, 3);
  g_assert_false (bins.by_value);
  g_assert_cmpfloat (bins.breaks[0], ==, bins.breaks[1]);
  assert_marks_distinct (&bins, 3);
  dsr_bins_get_marks (&bins, marks);
  g_assert_cmpfloat (marks[0].value, ==, 0);
  g_assert_cmpfloat (marks[0].position, ==, 0.5);
  g_assert_cmpfloat (marks[1].value, ==, 52);
  g_assert_cmpfloat (marks[2].value, ==, 82);

  /* A difference map of one-value classes is not split at zero again. */
  {
    const double diffs[] = { -5, 3 };

    compute (&bins, diffs, G_N_ELEMENTS (diffs), DSR_BINNING_NATURAL_BREAKS, 5);
    g_assert_false (dsr_bins_split_at (&bins, 0.0));
    g_assert_cmpuint (bins.n_classes, ==, 2);
  }
}

static void
test_errors (void)
{
  const double values[] = { 1, 2, 3 };
  const double none[] = { NAN, NAN };
  DsrBins bins;
  GError *error = NULL;

  g_assert_false (dsr_bins_compute (&bins, values, 3, DSR_BINNING_QUANTILE, 2, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dsr_bins_compute (&bins, values, 3, DSR_BINNING_QUANTILE, 10, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dsr_bins_compute (&bins, none, 2, DSR_BINNING_EQUAL_INTERVAL, 5, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_false (dsr_bins_compute (&bins, NULL, 0, DSR_BINNING_EQUAL_INTERVAL, 5, &error));
  g_assert_error (error, DSR_ERROR, DSR_ERROR_NO_DATA);
  g_clear_error (&error);
}

static void
test_names (void)
{
  DsrBinning m;

  for (m = DSR_BINNING_EQUAL_INTERVAL; m <= DSR_BINNING_NATURAL_BREAKS; m++)
    {
      DsrBinning back;

      g_assert_true (dsr_binning_from_string (dsr_binning_to_string (m), &back));
      g_assert_cmpint (back, ==, m);
      g_assert_nonnull (dsr_binning_to_label (m));
    }
  g_assert_false (dsr_binning_from_string ("jenks-ish", &m));
}

int
main (int   argc,
      char *argv[])
{
  dsr_test_init (&argc, &argv);

  g_test_add_func ("/map/binning/equal-interval", test_equal_interval);
  g_test_add_func ("/map/binning/quantile", test_quantile);
  g_test_add_func ("/map/binning/natural-breaks", test_natural_breaks);
  g_test_add_func ("/map/binning/few-values", test_few_values);
  g_test_add_func ("/map/binning/degenerate-classes", test_degenerate_classes);
  g_test_add_func ("/map/binning/errors", test_errors);
  g_test_add_func ("/map/binning/names", test_names);

  return g_test_run ();
}
