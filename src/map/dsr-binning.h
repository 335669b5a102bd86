/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Classes of a choropleth: which values share a colour. GLib only. */

typedef enum
{
  DSR_BINNING_EQUAL_INTERVAL,  /* classes of equal width between the smallest and largest value */
  DSR_BINNING_QUANTILE,        /* about as many values in every class */
  DSR_BINNING_NATURAL_BREAKS,  /* Jenks: the least squared deviation within classes (Fisher's exact method) */
} DsrBinning;

#define DSR_BINS_MIN_CLASSES     3
#define DSR_BINS_MAX_CLASSES     9
#define DSR_BINS_DEFAULT_CLASSES 5

/* Class i holds the values v with breaks[i] < v <= breaks[i + 1]; the first
 * class also holds breaks[0], the smallest value. The breaks are upper bounds
 * (as in PySAL's mapclassify), so a class never ends on a value it does not
 * hold. n_classes may be fewer than asked for: never more classes than
 * distinct values, and quantiles that coincide are merged. A diverging
 * map splits the class that holds zero (dsr_bins_split_at()), which may
 * make one class more than asked for. */
typedef struct
{
  DsrBinning method;
  guint      n_classes;
  double     breaks[DSR_BINS_MAX_CLASSES + 2];  /* one more for a split at zero */
  gboolean   by_value;  /* no more distinct values than classes: each class holds one
                         * value (breaks[i + 1]) and is labelled with it, not with edges */
} DsrBins;

/* A label of the legend: a value, and where it goes along the bar of
 * equal-width classes (0: the left edge, n_classes: the right one; a class
 * of one value is labelled in its middle). */
typedef struct
{
  double value;
  double position;
} DsrBinMark;

gboolean     dsr_bins_check_classes    (guint          n_classes,
                                        GError       **error);
gboolean     dsr_bins_compute          (DsrBins       *bins,
                                        const double  *values,
                                        guint          n_values,
                                        DsrBinning     method,
                                        guint          n_classes,
                                        GError       **error);
int          dsr_bins_classify         (const DsrBins *bins,
                                        double         value);
gboolean     dsr_bins_split_at         (DsrBins       *bins,
                                        double         value);
guint        dsr_bins_get_marks        (const DsrBins *bins,
                                        DsrBinMark    *marks);

const char  *dsr_binning_to_string     (DsrBinning     method);
const char  *dsr_binning_to_label      (DsrBinning     method);
gboolean     dsr_binning_from_string   (const char    *str,
                                        DsrBinning    *out);

G_END_DECLS
