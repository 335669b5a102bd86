/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-import"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dsr-error.h"
#include "dsr-import-library.h"
#include "dsr-import-private.h"

/* Each entry is a folder of the library:
 *
 *   imports/<id>/entry.ini     [Import] Label, Added (ISO 8601), Files,
 *                              Indicators, Columns (a column mapping)
 *   imports/<id>/<the files>   copies, under their own names
 *
 * A folder is written under a temporary name (.new-XXXXXX) and renamed when
 * complete, so a crash never leaves half an entry; a temporary folder left
 * by a crash is swept at the next load. An entry whose indicators a newer
 * one all brings again is removed when the newer one is remembered.
 *
 * The library trusts nothing in its folder: an entry that is a symbolic
 * link is skipped (and removing it removes the link, never what it points
 * to), entry.ini names only plain files of its own folder, and those must
 * be files, not links. Nothing is ever deleted through a link. */

#define ENTRY_FILE  "entry.ini"
#define ENTRY_GROUP "Import"
#define TMP_PREFIX  ".new-"

/* Remembers running now: their temporary folders are not leftovers. */
static gint remembering;

G_DEFINE_BOXED_TYPE (DsrImportEntry, dsr_import_entry, dsr_import_entry_copy, dsr_import_entry_free)

DsrImportEntry *
dsr_import_entry_copy (const DsrImportEntry *entry)
{
  DsrImportEntry *copy = g_new0 (DsrImportEntry, 1);

  copy->id = g_strdup (entry->id);
  copy->label = g_strdup (entry->label);
  copy->dir = g_strdup (entry->dir);
  copy->files = g_strdupv (entry->files);
  copy->indicators = g_strdupv (entry->indicators);
  copy->mapping = dsr_column_mapping_copy (entry->mapping);
  copy->added = entry->added ? g_date_time_ref (entry->added) : NULL;
  return copy;
}

void
dsr_import_entry_free (DsrImportEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->label);
  g_free (entry->dir);
  g_strfreev (entry->files);
  g_strfreev (entry->indicators);
  dsr_column_mapping_free (entry->mapping);
  g_clear_pointer (&entry->added, g_date_time_unref);
  g_free (entry);
}

/* $XDG_DATA_HOME/dsr-atlas/imports */
char *
dsr_import_library_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "dsr-atlas", "imports", NULL);
}

static gboolean
valid_id (const char *id)
{
  return id != NULL && *id != '\0' && *id != '.' && strchr (id, '/') == NULL
         && strchr (id, G_DIR_SEPARATOR) == NULL;
}

/* Removes @name in @parent_fd and, if it is a folder, everything in it,
 * never following a symbolic link: a link is removed itself. */
static void
remove_tree_at (int         parent_fd,
                const char *name)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  int fd = openat (parent_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  DIR *dir;
  struct dirent *child;

  if (fd < 0)
    {
      /* A file, or a link (O_NOFOLLOW): the name itself goes. */
      if (errno == ENOTDIR || errno == ELOOP)
        unlinkat (parent_fd, name, 0);
      return;
    }
  dir = fdopendir (fd);
  if (dir == NULL)
    {
      close (fd);
      return;
    }
  while ((child = readdir (dir)) != NULL)
    if (strcmp (child->d_name, ".") != 0 && strcmp (child->d_name, "..") != 0)
      g_ptr_array_add (children, g_strdup (child->d_name));
  for (guint i = 0; i < children->len; i++)
    remove_tree_at (dirfd (dir), g_ptr_array_index (children, i));
  closedir (dir);
  unlinkat (parent_fd, name, AT_REMOVEDIR);
}

static void
remove_tree (const char *path)
{
  remove_tree_at (AT_FDCWD, path);
}

/* At most 60 characters of @text for a message, control characters
 * escaped (\n, \t, \x1b...). */
static char *
quote_short (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 59 && *g_utf8_next_char (p) != '\0')
        {
          g_string_append (out, "…");
          break;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A file name of entry.ini's Files: a plain name in the entry's folder. */
static gboolean
plain_file_name (const char *name)
{
  return *name != '\0' && strcmp (name, ".") != 0 && strcmp (name, "..") != 0 && strchr (name, '/') == NULL
         && strchr (name, G_DIR_SEPARATOR) == NULL && !g_path_is_absolute (name);
}

static DsrImportEntry *
read_entry (const char  *dir,
            const char  *id,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, ENTRY_FILE, NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(DsrImportEntry) entry = g_new0 (DsrImportEntry, 1);
  g_auto(GStrv) files = NULL;
  g_autofree char *added = NULL;
  g_autofree char *columns = NULL;
  struct stat st;

  /* entry.ini itself: a file, not a link to one elsewhere. */
  if (lstat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("%s: not a regular file (a link or a folder); the entry was skipped"), path);
      return NULL;
    }
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }
  files = g_key_file_get_string_list (key_file, ENTRY_GROUP, "Files", NULL, error);
  if (files == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  entry->id = g_strdup (id);
  entry->dir = g_strdup (dir);
  entry->label = g_key_file_get_string (key_file, ENTRY_GROUP, "Label", NULL);
  if (entry->label == NULL)
    entry->label = g_strdup (files[0] ? files[0] : id);
  entry->indicators = g_key_file_get_string_list (key_file, ENTRY_GROUP, "Indicators", NULL, NULL);
  if (entry->indicators == NULL)
    entry->indicators = g_new0 (char *, 1);
  added = g_key_file_get_string (key_file, ENTRY_GROUP, "Added", NULL);
  if (added != NULL)
    entry->added = g_date_time_new_from_iso8601 (added, NULL);
  columns = g_key_file_get_string (key_file, ENTRY_GROUP, "Columns", NULL);
  if (columns != NULL && *columns != '\0')
    entry->mapping = dsr_column_mapping_parse (columns, NULL);

  /* Only the library's own copies: plain names in this folder, files (a
   * missing one is the importer's problem to report), never links. */
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *file = NULL;

      if (!plain_file_name (files[i]))
        {
          g_autofree char *quoted = quote_short (files[i]);

          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("%s: Files names “%s”, which is not a plain file name in the entry’s folder; "
                         "the entry was skipped"), path, quoted);
          return NULL;
        }
      file = g_build_filename (dir, files[i], NULL);
      if (lstat (file, &st) == 0 && !S_ISREG (st.st_mode))
        {
          g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                       _("%s: not a regular file (a link or a folder); the entry was skipped"), file);
          return NULL;
        }
    }

  entry->files = g_new0 (char *, g_strv_length (files) + 1);
  for (guint i = 0; files[i] != NULL; i++)
    entry->files[i] = g_build_filename (dir, files[i], NULL);
  return g_steal_pointer (&entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const DsrImportEntry *x = *(DsrImportEntry * const *) a, *y = *(DsrImportEntry * const *) b;

  if (x->added != NULL && y->added != NULL && g_date_time_compare (x->added, y->added) != 0)
    return g_date_time_compare (x->added, y->added);
  return strcmp (x->id, y->id);
}

/* The entries of the library, oldest first. Folders that are links, and
 * entries that are broken (entry.ini unreadable or naming what it may not),
 * are left out, with a GError each in @problems when it is not NULL (a
 * folder without entry.ini is no entry: left out silently). */
static GPtrArray *
list_entries (GPtrArray  *problems,
              GError    **error)
{
  g_autofree char *root = dsr_import_library_get_dir ();
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) dsr_import_entry_free);
  GDir *dir;
  const char *name;
  GError *local_error = NULL;

  dir = g_dir_open (root, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_error_free (local_error);
          return entries;
        }
      g_propagate_error (error, local_error);
      g_ptr_array_unref (entries);
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      DsrImportEntry *entry;
      struct stat st;

      if (!valid_id (name) || lstat (path, &st) != 0)
        continue;
      if (S_ISLNK (st.st_mode))
        {
          g_autofree char *quoted = quote_short (name);

          g_debug ("Ignoring %s: a symbolic link", path);
          if (problems != NULL)
            g_ptr_array_add (problems,
                             g_error_new (DSR_ERROR, DSR_ERROR_INVALID,
                                          _("Remembered import “%s”: %s is a symbolic link, not a folder "
                                            "of the imports library; it was skipped"), quoted, path));
          continue;
        }
      if (!S_ISDIR (st.st_mode))
        continue;
      entry = read_entry (path, name, &local_error);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
      else
        {
          g_debug ("Ignoring %s: %s", path, local_error->message);
          if (problems != NULL && !g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            g_ptr_array_add (problems, g_steal_pointer (&local_error));
          g_clear_error (&local_error);
        }
    }
  g_dir_close (dir);
  g_ptr_array_sort (entries, compare_entries);
  return entries;
}

/* The remembered imports, oldest first (the order to import them in), of
 * DsrImportEntry. A folder without a readable entry.ini, a folder that is
 * a symbolic link and a broken entry are left out. */
GPtrArray *
dsr_import_library_list (GError **error)
{
  return list_entries (NULL, error);
}

/* Removes the temporary folders an interrupted remember left (none while
 * one runs in this process). */
static void
sweep_leftovers (void)
{
  g_autofree char *root = dsr_import_library_get_dir ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GDir *dir;
  const char *name;

  if (g_atomic_int_get (&remembering) > 0)
    return;
  dir = g_dir_open (root, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, TMP_PREFIX))
      g_ptr_array_add (names, g_build_filename (root, name, NULL));
  g_dir_close (dir);
  for (guint i = 0; i < names->len; i++)
    {
      g_debug ("Removing %s, left by an interrupted import", (const char *) g_ptr_array_index (names, i));
      remove_tree (g_ptr_array_index (names, i));
    }
}

static gboolean
strv_subset (char **part,
             char **whole)
{
  if (part == NULL || part[0] == NULL)
    return FALSE;
  for (guint i = 0; part[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) whole, part[i]))
      return FALSE;
  return TRUE;
}

/* Removes the entries whose indicators all come again with @entry. */
static void
remove_superseded (const DsrImportEntry *entry)
{
  g_autoptr(GPtrArray) entries = dsr_import_library_list (NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const DsrImportEntry *old = g_ptr_array_index (entries, i);

      if (!g_str_equal (old->id, entry->id) && strv_subset (old->indicators, entry->indicators))
        remove_tree (old->dir);
    }
}

/* Copies the files of @result (the data and the metadata found beside it)
 * into the library, under the result's origin; an older entry whose
 * indicators this one brings again is removed. Call it after the result is
 * committed (or before: the id is the result's origin either way). Copying
 * a large file takes a while: the GUI uses the _async variant. */
static DsrImportEntry *
remember (DsrImportResult  *result,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autofree char *root = dsr_import_library_get_dir ();
  const char *id = dsr_import_result_get_origin (result);
  GPtrArray *files = dsr_import_result_get_files (result);
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *added = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *entry_path = NULL;

  g_return_val_if_fail (DSR_IS_IMPORT_RESULT (result), NULL);
  g_return_val_if_fail (valid_id (id), NULL);

  /* An import that brought no values is nothing to read again at start. */
  if (dsr_import_result_get_stats (result)->n_values == 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA, _("The import added no values"));
      return NULL;
    }

  dir = g_build_filename (root, id, NULL);
  if (g_mkdir_with_parents (root, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", root, g_strerror (saved));
      return NULL;
    }
  tmp = g_build_filename (root, TMP_PREFIX "XXXXXX", NULL);
  if (g_mkdtemp (tmp) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", tmp, g_strerror (saved));
      return NULL;
    }

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *name = NULL;
      g_autofree char *to_path = NULL;
      g_autoptr(GFile) to = NULL;

      /* Two files of one name from different folders keep apart. */
      name = g_ptr_array_find_with_equal_func (names, base, g_str_equal, NULL)
               ? g_strdup_printf ("%u-%s", i, base) : g_strdup (base);
      to_path = g_build_filename (tmp, name, NULL);
      to = g_file_new_for_path (to_path);
      if (!g_file_copy (file, to, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error))
        {
          remove_tree (tmp);
          return NULL;
        }
      g_ptr_array_add (names, g_steal_pointer (&name));
    }

  added = g_date_time_format_iso8601 (now);
  g_key_file_set_string (key_file, ENTRY_GROUP, "Label", names->len > 0 ? g_ptr_array_index (names, 0) : id);
  g_key_file_set_string (key_file, ENTRY_GROUP, "Added", added);
  g_key_file_set_string_list (key_file, ENTRY_GROUP, "Files", (const char * const *) names->pdata, names->len);
  g_key_file_set_string_list (key_file, ENTRY_GROUP, "Indicators",
                              dsr_import_result_get_indicator_ids (result),
                              g_strv_length ((char **) dsr_import_result_get_indicator_ids (result)));
  if (dsr_import_result_get_mapping (result) != NULL)
    {
      columns = dsr_column_mapping_to_string (dsr_import_result_get_mapping (result));
      g_key_file_set_string (key_file, ENTRY_GROUP, "Columns", columns);
    }
  entry_path = g_build_filename (tmp, ENTRY_FILE, NULL);
  if (!g_key_file_save_to_file (key_file, entry_path, error))
    {
      remove_tree (tmp);
      return NULL;
    }

  /* (An entry of this id that is a link: the link goes, not its target.) */
  remove_tree (dir);
  if (g_rename (tmp, dir) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      remove_tree (tmp);
      return NULL;
    }

  {
    DsrImportEntry *entry = read_entry (dir, id, error);

    if (entry != NULL)
      remove_superseded (entry);
    return entry;
  }
}

DsrImportEntry *
dsr_import_library_remember (DsrImportResult  *result,
                             GCancellable     *cancellable,
                             GError          **error)
{
  DsrImportEntry *entry;

  g_atomic_int_inc (&remembering);
  entry = remember (result, cancellable, error);
  g_atomic_int_dec_and_test (&remembering);
  return entry;
}

static void
remember_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;
  DsrImportEntry *entry = dsr_import_library_remember (task_data, cancellable, &error);

  if (entry != NULL)
    g_task_return_pointer (task, entry, (GDestroyNotify) dsr_import_entry_free);
  else
    g_task_return_error (task, error);
}

void
dsr_import_library_remember_async (DsrImportResult     *result,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DSR_IS_IMPORT_RESULT (result));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dsr_import_library_remember_async);
  g_task_set_task_data (task, g_object_ref (result), g_object_unref);
  g_task_run_in_thread (task, remember_thread);
}

DsrImportEntry *
dsr_import_library_remember_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Forgets the entry @id and deletes its copies. The values it brought stay
 * in a running store until dsr_store_remove_import (store, id). */
gboolean
dsr_import_library_remove (const char  *id,
                           GError     **error)
{
  g_autofree char *root = dsr_import_library_get_dir ();
  g_autofree char *dir = NULL;
  struct stat st;

  if (!valid_id (id))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("“%s” is not the name of a remembered import"),
                   id ? id : "");
      return FALSE;
    }
  dir = g_build_filename (root, id, NULL);
  /* A link is removed itself: what it points to is not the library's. */
  if (lstat (dir, &st) != 0 || !(S_ISDIR (st.st_mode) || S_ISLNK (st.st_mode)))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_UNKNOWN_ID, _("There is no remembered import “%s”"), id);
      return FALSE;
    }
  remove_tree (dir);
  return TRUE;
}

/* Loading at start-up ------------------------------------------------------------ */

typedef struct
{
  DsrImportEntry   *entry;
  DsrImportContext *ctx;     /* prepared on the calling thread */
  DsrImportResult  *result;  /* or: */
  GError           *error;
} LoadItem;

static void
load_item_free (gpointer data)
{
  LoadItem *item = data;

  g_clear_pointer (&item->entry, dsr_import_entry_free);
  if (item->ctx != NULL)
    dsr_importer_prepared_free (item->ctx);
  g_clear_object (&item->result);
  g_clear_error (&item->error);
  g_free (item);
}

static GPtrArray *
prepare_load (DsrStore              *store,
              GCancellable          *cancellable,
              DsrImportProgressFunc  progress,
              gpointer               progress_data,
              GError               **error)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *items;

  sweep_leftovers ();
  entries = list_entries (skipped, error);
  if (entries == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (load_item_free);
  /* The entries skipped: a problem each at the commit. */
  {
    gsize n_errors = 0;
    g_autofree GError **errors = (GError **) g_ptr_array_steal (skipped, &n_errors);

    for (gsize i = 0; i < n_errors; i++)
      {
        LoadItem *item = g_new0 (LoadItem, 1);

        item->error = errors[i];
        g_ptr_array_add (items, item);
      }
  }
  for (guint i = 0; i < entries->len; i++)
    {
      DsrImportEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
      LoadItem *item = g_new0 (LoadItem, 1);

      for (guint f = 0; entry->files[f] != NULL; f++)
        g_ptr_array_add (files, g_file_new_for_path (entry->files[f]));
      item->entry = dsr_import_entry_copy (entry);
      item->ctx = dsr_importer_prepare (store, (GFile **) files->pdata, files->len, entry->mapping,
                                        cancellable, progress, progress_data);
      g_ptr_array_add (items, item);
    }
  return items;
}

static gboolean
run_items (GPtrArray     *items,
           GCancellable  *cancellable,
           GError       **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      LoadItem *item = g_ptr_array_index (items, i);

      if (item->ctx == NULL)
        continue;
      item->result = dsr_importer_run_prepared (item->ctx, &item->error);
      g_clear_pointer (&item->ctx, dsr_importer_prepared_free);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/* On the main thread: each entry is committed under its id; one that fails
 * (its files gone or broken, or a conflict) is skipped with a problem, as
 * are the files of an entry that are now rejected. */
static void
commit_items (DsrStore  *store,
              GPtrArray *items,
              GPtrArray *problems)
{
  for (guint i = 0; i < items->len; i++)
    {
      LoadItem *item = g_ptr_array_index (items, i);
      GError *error = NULL;

      if (item->result != NULL)
        {
          GPtrArray *found = dsr_import_result_get_problems (item->result);

          dsr_import_result_set_origin (item->result, item->entry->id);
          if (dsr_import_result_commit (item->result, store, &error))
            {
              for (guint p = 0; p < found->len && problems != NULL; p++)
                {
                  const DsrImportProblem *problem = g_ptr_array_index (found, p);

                  if (problem->kind == DSR_IMPORT_PROBLEM_FILE_REJECTED)
                    g_ptr_array_add (problems, g_error_copy (problem->error));
                }
              continue;
            }
        }
      else
        error = g_steal_pointer (&item->error);

      if (item->entry != NULL)
        g_prefix_error (&error, _("Remembered import “%s”: "), item->entry->label);
      if (problems != NULL)
        g_ptr_array_add (problems, error);
      else
        g_error_free (error);
    }
}

/* Imports every remembered entry into @store, oldest first, so that a newer
 * import of an indicator wins. Problems (GError) go to @problems; FALSE
 * only when the library cannot be listed or on Cancel. */
gboolean
dsr_import_library_load_sync (DsrStore      *store,
                              GCancellable  *cancellable,
                              GPtrArray     *problems,
                              GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);

  items = prepare_load (store, cancellable, NULL, NULL, error);
  if (items == NULL || !run_items (items, cancellable, error))
    return FALSE;
  commit_items (store, items, problems);
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (run_items (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The same with the reading on a worker thread (@progress called from it,
 * see DsrImportProgressFunc); _finish, on the main thread, commits. */
void
dsr_import_library_load_async (DsrStore              *store,
                               GCancellable          *cancellable,
                               DsrImportProgressFunc  progress,
                               gpointer               progress_data,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  GPtrArray *items;

  g_return_if_fail (DSR_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dsr_import_library_load_async);
  items = prepare_load (store, cancellable, progress, progress_data, &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, items, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
dsr_import_library_load_finish (DsrStore      *store,
                                GAsyncResult  *result,
                                GPtrArray     *problems,
                                GError       **error)
{
  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  commit_items (store, g_task_get_task_data (G_TASK (result)), problems);
  return TRUE;
}
