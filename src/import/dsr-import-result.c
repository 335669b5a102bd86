/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-import-private.h"

/* What an import read: the staging store, the problems met, a summary for
 * people; committed into the application's store on the main thread. */

struct _DsrImportResult
{
  GObject parent_instance;

  DsrStore         *staging;
  GPtrArray        *problems;
  char             *summary;
  DsrImportStats    stats;
  GPtrArray        *files;
  DsrColumnMapping *mapping;
  char             *origin;
  char            **indicator_ids;
  gboolean          committed;
};

G_DEFINE_FINAL_TYPE (DsrImportResult, dsr_import_result, G_TYPE_OBJECT)

void
dsr_import_problem_free (gpointer data)
{
  DsrImportProblem *problem = data;

  g_clear_object (&problem->file);
  g_clear_error (&problem->error);
  g_free (problem);
}

static void
dsr_import_result_finalize (GObject *object)
{
  DsrImportResult *self = DSR_IMPORT_RESULT (object);

  g_clear_object (&self->staging);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->mapping, dsr_column_mapping_free);
  g_free (self->summary);
  g_free (self->origin);
  g_strfreev (self->indicator_ids);

  G_OBJECT_CLASS (dsr_import_result_parent_class)->finalize (object);
}

static void
dsr_import_result_class_init (DsrImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dsr_import_result_finalize;
}

static void
dsr_import_result_init (DsrImportResult *self)
{
  /* A name for the import, safe as a file name: the library uses it. */
  self->origin = g_strdup_printf ("%" G_GINT64_FORMAT "-%08x", g_get_real_time (), g_random_int ());
}

/* The indicators, entities, groupings and values read, not yet in any
 * application store. */
DsrStore *
dsr_import_result_get_staging (DsrImportResult *self)
{
  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), NULL);
  return self->staging;
}

/* Of DsrImportProblem, in the order met: file by file, line by line. */
GPtrArray *
dsr_import_result_get_problems (DsrImportResult *self)
{
  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), NULL);
  return self->problems;
}

/* One translated line for people: "2,190 rows, 4 skipped: 3 with an
 * unknown economy, 1 duplicate; 130,512 values of 2 indicators". */
const char *
dsr_import_result_get_summary (DsrImportResult *self)
{
  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), NULL);
  return self->summary;
}

const DsrImportStats *
dsr_import_result_get_stats (DsrImportResult *self)
{
  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), NULL);
  return &self->stats;
}

/* Of GFile: every file read without being rejected, the metadata found
 * beside the data included (what the import library copies). */
GPtrArray *
dsr_import_result_get_files (DsrImportResult *self)
{
  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), NULL);
  return self->files;
}

/* The ids of the indicators the import has values for. */
const char * const *
dsr_import_result_get_indicator_ids (DsrImportResult *self)
{
  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), NULL);
  return (const char * const *) self->indicator_ids;
}

const DsrColumnMapping *
dsr_import_result_get_mapping (DsrImportResult *self)
{
  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), NULL);
  return self->mapping;
}

/* The name the import's values carry in the store (see dsr_store_merge()). */
const char *
dsr_import_result_get_origin (DsrImportResult *self)
{
  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), NULL);
  return self->origin;
}

void
dsr_import_result_set_origin (DsrImportResult *self,
                              const char      *origin)
{
  g_return_if_fail (DSR_IS_IMPORT_RESULT (self));
  g_return_if_fail (origin != NULL && *origin != '\0');
  g_return_if_fail (!self->committed);

  g_free (self->origin);
  self->origin = g_strdup (origin);
}

/* Lists a problem; its line is read from the message ("FILE:LINE: ..."). */
void
dsr_import_add_problem (GPtrArray            *problems,
                        DsrImportProblemKind  kind,
                        GFile                *file,
                        GError               *error)
{
  DsrImportProblem *problem = g_new0 (DsrImportProblem, 1);

  problem->kind = kind;
  problem->file = file ? g_object_ref (file) : NULL;
  problem->error = error;
  if (file != NULL)
    {
      g_autofree char *name = dsr_csv_display_name (file);
      gsize len = strlen (name);

      if (strncmp (error->message, name, len) == 0 && error->message[len] == ':')
        problem->line = (guint) strtoul (error->message + len + 1, NULL, 10);
    }
  g_ptr_array_add (problems, problem);
}

/* Merges the import into @store, on the main thread, all or nothing (see
 * dsr_store_merge() for the rule on what is already loaded): the store is
 * unchanged when it fails. Values the bundled data already has are left out
 * and listed among the problems; the summary says so. A result commits once. */
gboolean
dsr_import_result_commit (DsrImportResult  *self,
                          DsrStore         *store,
                          GError          **error)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  DsrMergeStats stats;
  GString *summary;

  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (self), FALSE);
  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);

  if (self->committed)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID, _("This import is already loaded"));
      return FALSE;
    }
  if (!dsr_store_merge (store, self->staging, self->origin, &stats, kept, error))
    return FALSE;
  self->committed = TRUE;

  summary = g_string_new (self->summary);
  if (stats.n_kept > 0)
    {
      GError *note = g_error_new (DSR_ERROR, DSR_ERROR_DUPLICATE,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%u value was left out: the bundled data has its own "
                                               "value for %s",
                                               "%u values were left out: the bundled data has its own "
                                               "values for them (first: %s)", stats.n_kept),
                                  stats.n_kept, (const char *) g_ptr_array_index (kept, 0));

      dsr_import_add_problem (self->problems, DSR_IMPORT_PROBLEM_VALUE_SKIPPED, NULL, note);
      g_string_append (summary, "; ");
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "%u value kept from the bundled data",
                                           "%u values kept from the bundled data", stats.n_kept),
                              stats.n_kept);
    }
  if (stats.n_replaced > 0)
    {
      g_string_append (summary, "; ");
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE, "replaces %u value of an earlier import",
                                           "replaces %u values of an earlier import", stats.n_replaced),
                              stats.n_replaced);
    }
  g_free (self->summary);
  self->summary = g_string_free (summary, FALSE);
  return TRUE;
}

/* The summary ------------------------------------------------------------------ */

static char *
format_count (guint64 n)
{
  /* The locale's digit grouping: "2,190", "2 190". */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}

static char *
reason_phrase (DsrSkipReason reason,
               guint64       n)
{
  g_autofree char *count = format_count (n);

  switch (reason)
    {
    case DSR_SKIP_UNKNOWN_CODE:
      /* Translators: e.g. "3 with an unknown economy" (rows or values) */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s with an unknown economy",
                                           "%s with an unknown economy", n), count);
    case DSR_SKIP_NO_ECONOMY:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s without an economy",
                                           "%s without an economy", n), count);
    case DSR_SKIP_RAGGED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s with a wrong number of fields",
                                           "%s with a wrong number of fields", n), count);
    case DSR_SKIP_DUPLICATE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s duplicate", "%s duplicates", n), count);
    case DSR_SKIP_BAD_YEAR:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s with an invalid year",
                                           "%s with an invalid year", n), count);
    case DSR_SKIP_BAD_VALUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s not a number", "%s not numbers", n),
                              count);
    case DSR_SKIP_NO_INDICATOR:
    case DSR_SKIP_N:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s without an indicator",
                                           "%s without an indicator", n), count);
    }
}

/* "N skipped: 3 with an unknown economy, 1 duplicate" */
static char *
skipped_phrase (const guint64 *skipped,
                guint64       *total)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  *total = 0;
  for (guint i = 0; i < DSR_SKIP_N; i++)
    if (skipped[i] > 0)
      {
        *total += skipped[i];
        g_ptr_array_add (parts, reason_phrase (i, skipped[i]));
      }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static char *
make_summary (const DsrImportStats  *stats,
              const DsrImportCounts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *rows = format_count (counts->rows);
  g_autofree char *values = format_count (counts->values);
  g_autofree char *rows_skipped = NULL;
  g_autofree char *values_skipped = NULL;
  guint64 n_rows_skipped, n_values_skipped;
  char *part;

  rows_skipped = skipped_phrase (counts->rows_skipped, &n_rows_skipped);
  values_skipped = skipped_phrase (counts->values_skipped, &n_values_skipped);

  part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", counts->rows), rows);
  if (n_rows_skipped > 0)
    {
      g_autofree char *n = format_count (n_rows_skipped);
      char *with = g_strdup_printf (_("%s, %s skipped: %s"), part, n, rows_skipped);

      g_free (part);
      part = with;
    }
  g_ptr_array_add (parts, part);

  {
    g_autofree char *n_values = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s value", "%s values",
                                                              counts->values), values);
    g_autofree char *n_indicators = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator",
                                                                  "%u indicators", stats->n_indicators),
                                                     stats->n_indicators);

    /* Translators: "130,512 values of 2 indicators" */
    g_ptr_array_add (parts, g_strdup_printf (C_("import summary", "%s of %s"), n_values, n_indicators));
  }
  if (n_values_skipped > 0)
    {
      g_autofree char *n = format_count (n_values_skipped);

      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s value skipped: %s",
                                                            "%s values skipped: %s", n_values_skipped),
                                               n, values_skipped));
    }
  if (stats->n_rejected > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file rejected",
                                                          "%u files rejected", stats->n_rejected),
                                             stats->n_rejected));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

/* The result of a run, taking what the run made. */
DsrImportResult *
dsr_import_result_new (DsrStore               *staging,
                       GPtrArray              *problems,
                       GPtrArray              *files,
                       const DsrColumnMapping *mapping,
                       const DsrImportStats   *stats,
                       const DsrImportCounts  *counts,
                       char                  **indicator_ids)
{
  DsrImportResult *self = g_object_new (DSR_TYPE_IMPORT_RESULT, NULL);

  self->staging = staging;
  self->problems = problems;
  self->files = files;
  self->mapping = dsr_column_mapping_copy (mapping);
  self->indicator_ids = indicator_ids;
  self->stats = *stats;
  self->stats.n_rows = counts->rows;
  self->stats.n_values = counts->values;
  for (guint i = 0; i < DSR_SKIP_N; i++)
    {
      self->stats.n_rows_skipped += counts->rows_skipped[i];
      self->stats.n_values_skipped += counts->values_skipped[i];
    }
  self->stats.n_indicators = g_strv_length (indicator_ids);
  self->summary = make_summary (&self->stats, counts);
  return self;
}
