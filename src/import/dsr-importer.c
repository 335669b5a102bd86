/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-import-private.h"

/* One import: the files the user gave, the World Bank metadata found beside
 * them, read on a worker thread into a staging store. Each file is read into
 * a store of its own ("part") and absorbed into the staging store only when
 * it was read to the end, so that a file that fails adds nothing; its rows
 * with problems are left out and listed. Nothing touches the application's
 * store until dsr_import_result_commit(), on the main thread. */

/* The run -------------------------------------------------------------------- */

static void
source_free (gpointer data)
{
  dsr_import_source_free (data);
}

/* An import ready to run: what it needs of @store is copied here, on the
 * calling thread (the main thread in the application). */
DsrImportContext *
dsr_importer_prepare (DsrStore               *store,
                      GFile                 **files,
                      guint                   n_files,
                      const DsrColumnMapping *mapping,
                      GCancellable           *cancellable,
                      DsrImportProgressFunc   progress,
                      gpointer                progress_data)
{
  DsrImportContext *ctx = g_new0 (DsrImportContext, 1);

  ctx->names = dsr_import_names_new (store);
  ctx->given = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (ctx->given, g_object_ref (files[i]));
  ctx->mapping = dsr_column_mapping_copy (mapping);
  ctx->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  ctx->progress_func = progress;
  ctx->progress_data = progress_data;

  ctx->sources = g_ptr_array_new_with_free_func (source_free);
  ctx->problems = g_ptr_array_new_with_free_func (dsr_import_problem_free);
  dsr_import_init_metadata (ctx);
  ctx->aggregates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->resolved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->resolved_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  dsr_import_init_aggregates (ctx->aggregates);
  return ctx;
}

void
dsr_importer_prepared_free (DsrImportContext *ctx)
{
  dsr_import_names_free (ctx->names);
  g_ptr_array_unref (ctx->given);
  dsr_column_mapping_free (ctx->mapping);
  g_clear_object (&ctx->cancellable);
  g_ptr_array_unref (ctx->sources);
  g_clear_object (&ctx->staging);
  g_clear_object (&ctx->part);
  g_clear_pointer (&ctx->problems, g_ptr_array_unref);
  g_hash_table_unref (ctx->economies);
  g_hash_table_unref (ctx->series);
  g_hash_table_unref (ctx->aggregates);
  g_hash_table_unref (ctx->resolved);
  g_hash_table_unref (ctx->resolved_names);
  g_clear_pointer (&ctx->unknown, g_hash_table_unref);
  g_free (ctx);
}

static gboolean
is_cancelled (DsrImportContext *ctx,
              GError          **error)
{
  return g_cancellable_set_error_if_cancelled (ctx->cancellable, error);
}

/* Adds a source, unless it is there already. A file that cannot be read is
 * rejected; metadata found beside a data file only gets a note. */
static gboolean
add_source (DsrImportContext  *ctx,
            GFile             *file,
            gboolean           found,
            GError           **error)
{
  DsrImportSource *source;
  GError *local_error = NULL;

  for (guint i = 0; i < ctx->sources->len; i++)
    if (g_file_equal (((DsrImportSource *) g_ptr_array_index (ctx->sources, i))->file, file))
      return TRUE;

  source = dsr_import_source_new (file, ctx->cancellable, &local_error);
  if (source == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (found)
        {
          GError *note = g_error_new (local_error->domain, local_error->code,
                                      _("%s (this metadata is not used)"), local_error->message);

          dsr_import_add_problem (ctx->problems, DSR_IMPORT_PROBLEM_NOTE, file, note);
          g_error_free (local_error);
        }
      else
        {
          dsr_import_add_problem (ctx->problems, DSR_IMPORT_PROBLEM_FILE_REJECTED, file, local_error);
          ctx->stats.n_rejected++;
          ctx->stats.n_files++;
        }
      return TRUE;
    }
  source->found = found;
  g_ptr_array_add (ctx->sources, source);
  return TRUE;
}

/* The metadata the World Bank ships with a data file, when it is beside it. */
static gboolean
add_siblings (DsrImportContext       *ctx,
              const DsrImportSource  *source,
              GError                **error)
{
  g_autoptr(GFile) dir = g_file_get_parent (source->file);
  g_autofree char *country = NULL;
  g_autofree char *indicator = NULL;
  const char *names[2];

  if (dir == NULL)
    return TRUE;
  if (g_str_has_prefix (source->basename, "API_"))
    {
      names[0] = country = g_strconcat ("Metadata_Country_", source->basename, NULL);
      names[1] = indicator = g_strconcat ("Metadata_Indicator_", source->basename, NULL);
    }
  else if (g_ascii_strcasecmp (source->basename, "WDICSV.csv") == 0
           || g_ascii_strcasecmp (source->basename, "WDIData.csv") == 0)
    {
      names[0] = "WDICountry.csv";
      names[1] = "WDISeries.csv";
    }
  else
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, names[i]);

      if (g_file_query_exists (child, ctx->cancellable) && !add_source (ctx, child, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_metadata (DsrImportFormat format)
{
  return format == DSR_IMPORT_FORMAT_WB_COUNTRY_META || format == DSR_IMPORT_FORMAT_WB_INDICATOR_META;
}

static void
add_counts (DsrImportCounts       *into,
            const DsrImportCounts *counts)
{
  into->rows += counts->rows;
  into->values += counts->values;
  for (guint i = 0; i < DSR_SKIP_N; i++)
    {
      into->rows_skipped[i] += counts->rows_skipped[i];
      into->values_skipped[i] += counts->values_skipped[i];
    }
}

static gboolean
read_by_format (DsrImportContext       *ctx,
                const DsrImportSource  *source,
                GError                **error)
{
  switch (source->format)
    {
    case DSR_IMPORT_FORMAT_WB_COUNTRY_META:
      return dsr_import_read_wb_countries (ctx, source, error);
    case DSR_IMPORT_FORMAT_WB_INDICATOR_META:
      return dsr_import_read_wb_series (ctx, source, error);
    case DSR_IMPORT_FORMAT_WORLD_BANK:
      return dsr_import_read_world_bank (ctx, source, error);
    case DSR_IMPORT_FORMAT_OWID:
      return dsr_import_read_owid (ctx, source, error);
    case DSR_IMPORT_FORMAT_TIDY:
    case DSR_IMPORT_FORMAT_UNKNOWN:
    default:
      return dsr_import_read_tidy (ctx, source, ctx->mapping, error);
    }
}

/* Whether @id may be the id of an imported indicator or economy: letters
 * and digits (of any script), '.', '_', '-' and ':' (as in "owid:…"), at
 * most DSR_IMPORT_ID_MAX bytes, not starting with '.' (so no "..", no
 * path, no space or tab). */
gboolean
dsr_import_id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > DSR_IMPORT_ID_MAX || *id == '.' || !g_utf8_validate (id, len, NULL))
    return FALSE;
  for (const char *p = id; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '.' && c != '_' && c != '-' && c != ':')
        return FALSE;
    }
  return TRUE;
}

void
dsr_import_set_bad_id_error (GError     **error,
                             const char  *id)
{
  g_autofree char *quoted = dsr_format_quote (id);

  g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
               _("“%s” is not a valid indicator id: an id has only letters, digits, “.”, “_”, “-” "
                 "and “:”, at most %d bytes, and does not start with “.”"), quoted,
               DSR_IMPORT_ID_MAX);
}

/* Every indicator the file made has a valid id: a file with another one
 * (whatever its format) is rejected. */
static gboolean
check_ids (DsrImportContext  *ctx,
           GError           **error)
{
  GListModel *indicators = dsr_store_get_indicators (ctx->part);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);

      if (!dsr_import_id_is_valid (dsr_indicator_get_id (indicator)))
        {
          dsr_import_set_bad_id_error (error, dsr_indicator_get_id (indicator));
          return FALSE;
        }
    }
  return TRUE;
}

/* A data file that adds no value is rejected, and says why: it has no rows,
 * its values are all empty, or none of its rows gave a value (the first
 * problem of the file, listed from @mark on, says why). */
static gboolean
check_values (DsrImportContext       *ctx,
              const DsrImportSource  *source,
              guint                   mark,
              GError                **error)
{
  guint rows = (guint) MIN (ctx->file_counts.rows, G_MAXUINT);

  if (is_metadata (source->format) || ctx->file_counts.values > 0)
    return TRUE;
  for (guint i = mark; i < ctx->problems->len; i++)
    {
      const DsrImportProblem *problem = g_ptr_array_index (ctx->problems, i);
      const char *reason = problem->error->message;
      gsize len = strlen (source->name);

      if (problem->kind == DSR_IMPORT_PROBLEM_NOTE)
        continue;
      /* "NAME:LINE: reason" as "line LINE: reason" */
      if (strncmp (reason, source->name, len) == 0 && reason[len] == ':')
        reason += len + 1;
      while (g_ascii_isdigit (*reason))
        reason++;
      if (*reason == ':')
        reason++;
      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "nothing to import: its %u row gave no value (line %u:%s)",
                                "nothing to import: none of its %u rows gave a value (first, line %u:%s)",
                                rows),
                   rows, problem->line, reason);
      return FALSE;
    }
  if (rows == 0)
    g_set_error_literal (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                         _("nothing to import: the file has a header but no rows of data"));
  else
    g_set_error_literal (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                         _("nothing to import: every value of the file is empty"));
  return FALSE;
}

/* Reads one source into a part of its own, absorbed into the staging store
 * when the whole file was read. FALSE only on Cancel. */
static gboolean
read_source (DsrImportContext  *ctx,
             guint              index,
             GError           **error)
{
  DsrImportSource *source = g_ptr_array_index (ctx->sources, index);
  guint mark = ctx->problems->len;
  DsrMergeStats merged = { 0 };
  GError *local_error = NULL;
  gboolean ok;

  ctx->source = source;
  ctx->source_index = index;

  for (;;)
    {
      ctx->part = dsr_store_new ();
      ctx->file_problems = 0;
      memset (&ctx->file_counts, 0, sizeof ctx->file_counts);
      g_hash_table_remove_all (ctx->resolved);
      g_hash_table_remove_all (ctx->resolved_names);
      g_clear_pointer (&ctx->unknown, g_hash_table_unref);
      dsr_import_report_progress (ctx, TRUE);

      if (source->encoding != NULL)
        dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_NOTE, 0,
                            _("the file is not UTF-8 text: it was read as %s"), source->encoding);
      ok = read_by_format (ctx, source, &local_error);
      /* One rule for the whole file, wherever its first byte that is not
       * UTF-8 is: the whole file is read again as Windows-1252, and a note
       * says so (the start of the file decides so in dsr-import-detect.c). */
      if (ok || source->encoding != NULL || !g_error_matches (local_error, DSR_ERROR, DSR_ERROR_ENCODING))
        break;
      g_clear_error (&local_error);
      g_clear_object (&ctx->part);
      g_ptr_array_set_size (ctx->problems, mark);
      source->encoding = g_strdup ("WINDOWS-1252");
    }
  if (ok)
    {
      dsr_import_report_unknown (ctx);
      ok = check_ids (ctx, &local_error) && check_values (ctx, source, mark, &local_error)
           && dsr_store_absorb (ctx->staging, ctx->part, &merged, NULL, &local_error);
    }
  if (ok && merged.n_kept > 0)
    {
      ctx->file_counts.values_skipped[DSR_SKIP_DUPLICATE] += merged.n_kept;
      dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_VALUE_SKIPPED, 0,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%u value was skipped: an earlier file of this import gives it",
                                       "%u values were skipped: an earlier file of this import gives them",
                                       merged.n_kept), merged.n_kept);
    }
  if (ok && ctx->file_problems > DSR_IMPORT_MAX_LISTED)
    {
      guint more = ctx->file_problems - DSR_IMPORT_MAX_LISTED;

      ctx->file_problems = 0;
      dsr_import_problem (ctx, DSR_IMPORT_PROBLEM_NOTE, 0,
                          g_dngettext (GETTEXT_PACKAGE, "and %u more problem (not listed)",
                                       "and %u more problems (not listed)", more), more);
    }

  g_clear_object (&ctx->part);
  g_clear_pointer (&ctx->unknown, g_hash_table_unref);
  ctx->stats.n_files++;
  ctx->bytes_before += source->size;

  if (!ok)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      /* The file adds nothing: neither values nor its row problems (but
       * those say why a file with no values has none). Metadata found
       * beside a data file only gets a note. */
      if (!g_error_matches (local_error, DSR_ERROR, DSR_ERROR_NO_DATA))
        g_ptr_array_set_size (ctx->problems, mark);
      if (!g_str_has_prefix (local_error->message, source->name))
        g_prefix_error (&local_error, "%s: ", source->name);
      source->rejected = TRUE;
      if (source->found)
        dsr_import_add_problem (ctx->problems, DSR_IMPORT_PROBLEM_NOTE, source->file, local_error);
      else
        {
          dsr_import_add_problem (ctx->problems, DSR_IMPORT_PROBLEM_FILE_REJECTED, source->file, local_error);
          ctx->stats.n_rejected++;
        }
    }
  else
    add_counts (&ctx->counts, &ctx->file_counts);
  ctx->source = NULL;
  return TRUE;
}

/* The indicators of @store that have values. */
static char **
indicators_with_values (DsrStore *store)
{
  GListModel *indicators = dsr_store_get_indicators (store);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(DsrIndicator) indicator = g_list_model_get_item (indicators, i);

      if (dsr_store_count_values (store, dsr_indicator_get_id (indicator)) > 0)
        g_ptr_array_add (ids, g_strdup (dsr_indicator_get_id (indicator)));
    }
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (ids, FALSE);
}

/* The first file rejected, as the error of an import that has nothing else. */
static GError *
first_rejection (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const DsrImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->kind == DSR_IMPORT_PROBLEM_FILE_REJECTED)
        return g_error_copy (problem->error);
    }
  return NULL;
}

/* Runs an import prepared on the calling thread (dsr_importer_prepare()),
 * on any thread. */
DsrImportResult *
dsr_importer_run_prepared (DsrImportContext  *ctx,
                           GError           **error)
{
  GPtrArray *files;
  char **ids;
  guint n_data = 0, n_given;
  GError *local_error = NULL;

  if (ctx->given->len == 0)
    {
      g_set_error_literal (error, DSR_ERROR, DSR_ERROR_INVALID, _("No file to import"));
      return NULL;
    }

  dsr_import_names_load_iso_codes (ctx->names);
  ctx->staging = dsr_store_new ();

  for (guint i = 0; i < ctx->given->len; i++)
    if (!add_source (ctx, g_ptr_array_index (ctx->given, i), FALSE, error))
      return NULL;
  n_given = ctx->sources->len;
  for (guint i = 0; i < n_given; i++)
    if (((DsrImportSource *) g_ptr_array_index (ctx->sources, i))->format == DSR_IMPORT_FORMAT_WORLD_BANK
        && !add_siblings (ctx, g_ptr_array_index (ctx->sources, i), error))
      return NULL;
  dsr_import_sort_sources (ctx->sources);
  for (guint i = 0; i < ctx->sources->len; i++)
    ctx->bytes_total += ((DsrImportSource *) g_ptr_array_index (ctx->sources, i))->size;

  /* Metadata first: it decides what the data's codes are. */
  for (guint i = 0; i < ctx->sources->len; i++)
    if (is_metadata (((DsrImportSource *) g_ptr_array_index (ctx->sources, i))->format)
        && !read_source (ctx, i, error))
      return NULL;
  if (!dsr_import_add_wb_groupings (ctx, &local_error))
    dsr_import_add_problem (ctx->problems, DSR_IMPORT_PROBLEM_NOTE, NULL, local_error);

  for (guint i = 0; i < ctx->sources->len; i++)
    {
      DsrImportSource *source = g_ptr_array_index (ctx->sources, i);
      guint rejected = ctx->stats.n_rejected;

      if (is_metadata (source->format))
        continue;
      if (!read_source (ctx, i, error))
        return NULL;
      n_data += ctx->stats.n_rejected == rejected;
    }
  ctx->source = NULL;
  dsr_import_report_progress (ctx, TRUE);
  if (is_cancelled (ctx, error))
    return NULL;

  /* Nothing but rejected files and metadata: the import fails. */
  if (n_data == 0)
    {
      GError *rejected = first_rejection (ctx->problems);

      if (rejected != NULL)
        g_propagate_error (error, rejected);
      else
        {
          g_autoptr(GString) names = g_string_new (NULL);

          /* Named, as every failure is: which files were only metadata. */
          for (guint i = 0; i < ctx->sources->len; i++)
            g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                    ((DsrImportSource *) g_ptr_array_index (ctx->sources, i))->name);
          g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA, "%s: %s", names->str,
                       _("Nothing to import: these are World Bank metadata files; import the data file "
                         "that came with them (API_….csv or WDICSV.csv)"));
        }
      return NULL;
    }

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ctx->sources->len; i++)
    {
      const DsrImportSource *source = g_ptr_array_index (ctx->sources, i);

      if (!source->rejected)
        g_ptr_array_add (files, g_object_ref (source->file));
    }
  ids = indicators_with_values (ctx->staging);
  return dsr_import_result_new (g_steal_pointer (&ctx->staging), g_steal_pointer (&ctx->problems), files,
                                ctx->mapping, &ctx->stats, &ctx->counts, ids);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  DsrImportResult *result = dsr_importer_run_prepared (task_data, &error);

  if (result != NULL)
    g_task_return_pointer (task, result, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Imports @files on a worker thread. @store is only read, here on the
 * calling thread (which codes and names it knows); the staged result is
 * merged later with dsr_import_result_commit(). @progress is called from
 * the worker (see DsrImportProgressFunc) and @progress_data must live until
 * @callback runs. Cancel through @cancellable: the import stops within a
 * few milliseconds and finishes with G_IO_ERROR_CANCELLED. */
void
dsr_importer_run_async (DsrStore               *store,
                        GFile                 **files,
                        guint                   n_files,
                        const DsrColumnMapping *mapping,
                        GCancellable           *cancellable,
                        DsrImportProgressFunc   progress,
                        gpointer                progress_data,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DSR_IS_STORE (store));
  g_return_if_fail (files != NULL || n_files == 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dsr_importer_run_async);
  g_task_set_task_data (task, dsr_importer_prepare (store, files, n_files, mapping, cancellable, progress,
                                           progress_data),
                        (GDestroyNotify) dsr_importer_prepared_free);
  g_task_run_in_thread (task, run_thread);
}

/* The staged import, or NULL with the error of a cancelled import
 * (G_IO_ERROR_CANCELLED) or of one that has nothing to import: every file
 * rejected (the first one's error, naming the file and line), or only
 * metadata. Some files may be rejected in a result: see its stats and
 * problems. */
DsrImportResult *
dsr_importer_run_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dsr_importer_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The same on the calling thread, for the command line and tests. */
DsrImportResult *
dsr_importer_run_sync (DsrStore               *store,
                       GFile                 **files,
                       guint                   n_files,
                       const DsrColumnMapping *mapping,
                       GCancellable           *cancellable,
                       DsrImportProgressFunc   progress,
                       gpointer                progress_data,
                       GError                **error)
{
  DsrImportContext *ctx;
  DsrImportResult *result;

  g_return_val_if_fail (DSR_IS_STORE (store), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  ctx = dsr_importer_prepare (store, files, n_files, mapping, cancellable, progress, progress_data);
  result = dsr_importer_run_prepared (ctx, error);
  dsr_importer_prepared_free (ctx);
  return result;
}
