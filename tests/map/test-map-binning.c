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
  g_test_add_func ("/map/binning/errors", test_errors);
  g_test_add_func ("/map/binning/names", test_names);

  return g_test_run ();
}
