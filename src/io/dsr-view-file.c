/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dsr-view-file"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "dsr-error.h"
#include "dsr-format.h"
#include "dsr-types.h"
#include "dsr-view-file.h"

/* The limits of a figure, as the render layer's DSR_VIEW_MIN_SIZE ...
 * (src/render/dsr-chart-data.h, a layer above this one). */
#define MIN_SIZE   100
#define MAX_SIZE   10000
#define MIN_SCALE  0.25
#define MAX_SCALE  8.0
#define MIN_YEAR   1800
#define MAX_YEAR   2100
#define MAX_IDS    1000
/* Deeper than this is not a view (json-glib's parser recurses: a file of
 * nested brackets would overflow the stack). */
#define MAX_DEPTH  64

struct _DsrViewFile
{
  GObject parent_instance;

  char       *path;          /* where it was loaded from, or NULL */
  char       *display_name;  /* for messages */
  DsrView    *view;
  char       *language;      /* or NULL */
  GStrv       bundled;
  GPtrArray  *imports;       /* of DsrViewData */
  JsonObject *original;      /* the file as read: its unknown fields are written back */
};

G_DEFINE_FINAL_TYPE (DsrViewFile, dsr_view_file, G_TYPE_OBJECT)

static void
view_data_free (DsrViewData *data)
{
  g_free (data->name);
  g_free (data->sha256);
  g_strfreev (data->indicators);
  g_free (data);
}

static void
dsr_view_file_finalize (GObject *object)
{
  DsrViewFile *self = DSR_VIEW_FILE (object);

  g_free (self->path);
  g_free (self->display_name);
  dsr_view_free (self->view);
  g_free (self->language);
  g_strfreev (self->bundled);
  g_ptr_array_unref (self->imports);
  g_clear_pointer (&self->original, json_object_unref);

  G_OBJECT_CLASS (dsr_view_file_parent_class)->finalize (object);
}

static void
dsr_view_file_class_init (DsrViewFileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dsr_view_file_finalize;
}

static void
dsr_view_file_init (DsrViewFile *self)
{
  self->imports = g_ptr_array_new_with_free_func ((GDestroyNotify) view_data_free);
  self->bundled = g_new0 (char *, 1);
}

/* A saved view of @view (copied), with no data listed yet. */
DsrViewFile *
dsr_view_file_new (const DsrView *view)
{
  DsrViewFile *self = g_object_new (DSR_TYPE_VIEW_FILE, NULL);

  self->view = view ? dsr_view_copy (view) : dsr_view_new ();
  return self;
}

/* Reading ------------------------------------------------------------------ */

typedef struct
{
  const char *file;  /* the display name, for messages */
  GError    **error;
} Reader;

G_GNUC_PRINTF (3, 4) static gboolean
fail (Reader     *reader,
      const char *field,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a saved view's problem: the file, the field (a JSON path such as $.year), the problem */
  g_set_error (reader->error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: %s: %s"), reader->file, field, message);
  return FALSE;
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_INT64
             || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* A string member (NULL when absent, or null and @nullable). */
static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            const char  *field,
            gboolean     nullable,
            const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  if (!is_string (node))
    return fail (reader, field, _("expected a string, found %s"), node_type_name (node));
  *out = json_node_get_string (node);
  if (**out == '\0' || strlen (*out) > 256)
    return fail (reader, field, _("expected a name of 1 to 256 characters"));
  return TRUE;
}

static gboolean
get_int (Reader     *reader,
         JsonObject *object,
         const char *member,
         const char *field,
         int         min,
         int         max,
         int        *out)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, field, _("expected a whole number, found %s"), node_type_name (node));
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);

      return fail (reader, field, _("%s is not from %d to %d"), number, min, max);
    }
  *out = (int) value;
  return TRUE;
}

/* A year: 0 (the default) or MIN_YEAR..MAX_YEAR. */
static gboolean
get_year (Reader     *reader,
          JsonObject *object,
          const char *member,
          const char *field,
          int        *out)
{
  int year = *out;

  if (!get_int (reader, object, member, field, 0, MAX_YEAR, &year))
    return FALSE;
  if (year != 0 && year < MIN_YEAR)
    return fail (reader, field, _("%d is not a year from %d to %d (or 0 for the default)"), year,
                 MIN_YEAR, MAX_YEAR);
  *out = year;
  return TRUE;
}

static gboolean
get_double (Reader     *reader,
            JsonObject *object,
            const char *member,
            const char *field,
            double      min,
            double      max,
            double     *out)
{
  JsonNode *node = json_object_get_member (object, member);
  double value;

  if (node == NULL)
    return TRUE;
  if (!is_number (node))
    return fail (reader, field, _("expected a number, found %s"), node_type_name (node));
  value = json_node_get_double (node);
  if (!(value >= min && value <= max))
    return fail (reader, field, _("%g is not from %g to %g"), value, min, max);
  *out = value;
  return TRUE;
}

static gboolean
get_boolean (Reader     *reader,
             JsonObject *object,
             const char *member,
             const char *field,
             gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (reader, field, _("expected true or false, found %s"), node_type_name (node));
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* An object member (NULL when absent). */
static gboolean
get_object (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            const char  *field,
            JsonObject **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (reader, field, _("expected an object, found %s"), node_type_name (node));
  *out = json_node_get_object (node);
  return TRUE;
}

/* A list of ids (or null, when @nullable): *out is NULL for null or absent. */
static gboolean
get_ids (Reader      *reader,
         JsonObject  *object,
         const char  *member,
         const char  *field,
         gboolean     nullable,
         GStrv       *out)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  *out = NULL;
  if (node == NULL || (nullable && JSON_NODE_HOLDS_NULL (node)))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, field, _("expected a list of names, found %s"), node_type_name (node));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_IDS)
    return fail (reader, field, _("more than %d names"), MAX_IDS);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *item_field = g_strdup_printf ("%s[%u]", field, i);
      const char *id;

      if (!is_string (item))
        return fail (reader, item_field, _("expected a string, found %s"), node_type_name (item));
      id = json_node_get_string (item);
      if (*id == '\0' || strlen (id) > 256)
        return fail (reader, item_field, _("expected a name of 1 to 256 characters"));
      g_strv_builder_add (builder, id);
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* A string member naming one of a fixed set of values. */
#define GET_ENUM(reader, object, member, field, from_string, out, choices)                 \
  G_STMT_START {                                                                           \
    const char *str_;                                                                      \
    if (!get_string ((reader), (object), (member), (field), FALSE, &str_))                 \
      return NULL;                                                                         \
    if (str_ != NULL && !from_string (str_, (out)))                                        \
      {                                                                                    \
        g_autofree char *quoted_ = dsr_format_quote (str_);                                \
        fail ((reader), (field), _("unknown value “%s”; the values are: %s"), quoted_,     \
              (choices));                                                                  \
        return NULL;                                                                       \
      }                                                                                    \
  } G_STMT_END

static gboolean
is_hex_sha256 (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

/* A plain file name: no folder, not "." or "..". */
static gboolean
is_plain_name (const char *name)
{
  return *name != '\0' && strcmp (name, ".") != 0 && strcmp (name, "..") != 0
         && strchr (name, '/') == NULL && strchr (name, '\\') == NULL;
}

static gboolean
is_language (const char *text)
{
  if (*text == '\0' || strlen (text) > 32)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("_-@.", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
read_version (Reader     *reader,
              JsonObject *root)
{
  const char *format, *version;
  guint64 major = 0, minor = 0;
  g_auto(GStrv) parts = NULL;

  if (!get_string (reader, root, "format", "$.format", FALSE, &format))
    return FALSE;
  if (format == NULL)
    return fail (reader, "$.format", _("missing: this is not a saved view of the atlas"));
  if (strcmp (format, DSR_VIEW_FILE_FORMAT) != 0)
    {
      g_autofree char *quoted = dsr_format_quote (format);

      return fail (reader, "$.format", _("“%s” is not a saved view of the atlas (expected “%s”)"),
                   quoted, DSR_VIEW_FILE_FORMAT);
    }
  if (!get_string (reader, root, "version", "$.version", FALSE, &version))
    return FALSE;
  if (version == NULL)
    return fail (reader, "$.version", _("missing"));
  parts = g_strsplit (version, ".", -1);
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, 9999, &major, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 0, 9999, &minor, NULL))
    {
      g_autofree char *quoted = dsr_format_quote (version);

      return fail (reader, "$.version", _("“%s” is not a version MAJOR.MINOR such as “1.0”"), quoted);
    }
  if (major > DSR_VIEW_FILE_VERSION_MAJOR)
    return fail (reader, "$.version",
                 _("the file is of version %s, made by a newer atlas; this one reads versions "
                   "up to %d.x: update the atlas to open it"),
                 version, DSR_VIEW_FILE_VERSION_MAJOR);
  if (major < 1)
    return fail (reader, "$.version", _("version %s does not exist; the first is 1.0"), version);
  return TRUE;
}

static gboolean
read_data (Reader      *reader,
           DsrViewFile *self,
           JsonObject  *root)
{
  JsonObject *data;
  JsonNode *node;
  JsonArray *imports;
  GStrv bundled = NULL;

  if (!get_object (reader, root, "data", "$.data", &data))
    return FALSE;
  if (data == NULL)
    return TRUE;
  if (!get_ids (reader, data, "bundled", "$.data.bundled", FALSE, &bundled))
    return FALSE;
  if (bundled != NULL)
    {
      g_strfreev (self->bundled);
      self->bundled = bundled;
    }
  node = json_object_get_member (data, "imports");
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, "$.data.imports", _("expected a list of files, found %s"), node_type_name (node));
  imports = json_node_get_array (node);
  if (json_array_get_length (imports) > MAX_IDS)
    return fail (reader, "$.data.imports", _("more than %d names"), MAX_IDS);
  for (guint i = 0; i < json_array_get_length (imports); i++)
    {
      JsonNode *item = json_array_get_element (imports, i);
      g_autofree char *field = g_strdup_printf ("$.data.imports[%u]", i);
      g_autofree char *name_field = g_strdup_printf ("%s.name", field);
      g_autofree char *hash_field = g_strdup_printf ("%s.sha256", field);
      g_autofree char *ind_field = g_strdup_printf ("%s.indicators", field);
      DsrViewData *entry;
      JsonObject *object;
      const char *name, *hash;
      GStrv indicators = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return fail (reader, field, _("expected an object, found %s"), node_type_name (item));
      object = json_node_get_object (item);
      if (!get_string (reader, object, "name", name_field, FALSE, &name)
          || !get_string (reader, object, "sha256", hash_field, FALSE, &hash))
        return FALSE;
      if (name == NULL)
        return fail (reader, name_field, _("missing"));
      if (!is_plain_name (name))
        {
          g_autofree char *quoted = dsr_format_quote (name);

          return fail (reader, name_field, _("“%s” is not a file name without a folder"), quoted);
        }
      if (hash == NULL)
        return fail (reader, hash_field, _("missing"));
      if (!is_hex_sha256 (hash))
        return fail (reader, hash_field, _("not a SHA-256 (64 lower-case hexadecimal digits)"));
      if (!get_ids (reader, object, "indicators", ind_field, TRUE, &indicators))
        return FALSE;
      entry = g_new0 (DsrViewData, 1);
      entry->name = g_strdup (name);
      entry->sha256 = g_strdup (hash);
      entry->indicators = indicators;
      g_ptr_array_add (self->imports, entry);
    }
  return TRUE;
}

/* What json-glib reads but could not write back as JSON: strings that are
 * not UTF-8 (it reads escapes JSON does not have, "\222", an octal byte) and
 * numbers of 1e17 and more (it writes 1e17 as "1e+17.0"). No field of a
 * saved view needs more than MAX_NUMBER. */
#define MAX_NUMBER 1e15

typedef enum {
  BAD_TEXT,
  BAD_NUMBER,
} BadKind;

/* Returns the JSON path of the first string, member name or number json-glib
 * could not write back (its kind in @kind), or NULL. */
static char *
invalid_text_path (JsonNode   *node,
                   const char *path,
                   BadKind    *kind)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_autofree char *member_path = NULL;

          if (!g_utf8_validate (name, -1, NULL))
            {
              *kind = BAD_TEXT;
              return g_strdup (path);
            }
          member_path = g_strconcat (path, ".", name, NULL);
          {
            char *found = invalid_text_path (member, member_path, kind);

            if (found != NULL)
              return found;
          }
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);
          char *found = invalid_text_path (json_array_get_element (array, i), element_path, kind);

          if (found != NULL)
            return found;
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
      && !g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      *kind = BAD_TEXT;
      return g_strdup (path);
    }
  if (JSON_NODE_HOLDS_VALUE (node)
      && (json_node_get_value_type (node) == G_TYPE_DOUBLE || json_node_get_value_type (node) == G_TYPE_INT64)
      && !(fabs (json_node_get_double (node)) <= MAX_NUMBER))
    {
      *kind = BAD_NUMBER;
      return g_strdup (path);
    }
  return NULL;
}

static DsrViewFile *
read_root (Reader     *reader,
           JsonObject *root)
{
  g_autoptr(DsrViewFile) self = dsr_view_file_new (NULL);
  DsrView *view = self->view;
  JsonObject *years, *size;
  const char *indicator, *y_indicator, *grouping, *language;
  JsonNode *aggregation;

  if (!read_version (reader, root))
    return NULL;

  GET_ENUM (reader, root, "view", "$.view", dsr_view_kind_from_string, &view->kind,
            "map, bars, trend, table");
  if (!get_string (reader, root, "indicator", "$.indicator", TRUE, &indicator)
      || !get_string (reader, root, "y_indicator", "$.y_indicator", TRUE, &y_indicator)
      || !get_string (reader, root, "grouping", "$.grouping", TRUE, &grouping)
      || !get_year (reader, root, "year", "$.year", &view->year)
      || !get_object (reader, root, "years", "$.years", &years))
    return NULL;
  view->indicator_id = g_strdup (indicator);
  view->y_indicator_id = g_strdup (y_indicator);
  view->grouping_id = g_strdup (grouping);
  if (years != NULL
      && (!get_year (reader, years, "from", "$.years.from", &view->year_from)
          || !get_year (reader, years, "to", "$.years.to", &view->year_to)))
    return NULL;
  if (view->year_from != 0 && view->year_to != 0 && view->year_from > view->year_to)
    {
      fail (reader, "$.years", _("%d is after %d"), view->year_from, view->year_to);
      return NULL;
    }
  if (!get_ids (reader, root, "regions", "$.regions", TRUE, &view->regions))
    return NULL;
  GET_ENUM (reader, root, "compare", "$.compare", dsr_compare_from_string, &view->compare,
            "absolute, world-diff");

  aggregation = json_object_get_member (root, "aggregation");
  if (aggregation != NULL && !JSON_NODE_HOLDS_NULL (aggregation))
    {
      DsrAggregation rule = DSR_AGGREGATION_MEAN; /* set below: the member is a string here */

      GET_ENUM (reader, root, "aggregation", "$.aggregation", dsr_aggregation_from_string, &rule,
                "mean, weighted-mean, sum, none, null");
      view->aggregation = rule;
    }
  if (!get_double (reader, root, "min_coverage", "$.min_coverage", 0, 1, &view->min_coverage)
      || !get_int (reader, root, "tolerance", "$.tolerance", 0, DSR_MAX_TOLERANCE, &view->tolerance))
    return NULL;
  GET_ENUM (reader, root, "membership", "$.membership", dsr_membership_from_string, &view->membership,
            "fixed, as-of-year");
  if (!get_boolean (reader, root, "map_regions", "$.map_regions", &view->map_regions)
      || !get_boolean (reader, root, "show_fit", "$.show_fit", &view->show_fit)
      || !get_boolean (reader, root, "size_by_population", "$.size_by_population",
                       &view->size_by_population)
      || !get_object (reader, root, "size", "$.size", &size))
    return NULL;
  if (size != NULL
      && (!get_int (reader, size, "width", "$.size.width", MIN_SIZE, MAX_SIZE, &view->width)
          || !get_int (reader, size, "height", "$.size.height", MIN_SIZE, MAX_SIZE, &view->height)
          || !get_double (reader, size, "scale", "$.size.scale", MIN_SCALE, MAX_SCALE, &view->scale)))
    return NULL;
  GET_ENUM (reader, root, "theme", "$.theme", dsr_scheme_from_string, &view->scheme, "light, dark");
  if (!get_string (reader, root, "language", "$.language", TRUE, &language))
    return NULL;
  if (language != NULL && !is_language (language))
    {
      g_autofree char *quoted = dsr_format_quote (language);

      fail (reader, "$.language", _("“%s” is not a language such as “en” or “zh_CN”"), quoted);
      return NULL;
    }
  self->language = g_strdup (language);
  if (!read_data (reader, self, root))
    return NULL;

  self->original = json_object_ref (root);
  return g_steal_pointer (&self);
}

/* The line on which @data nests lists and objects deeper than MAX_DEPTH,
 * outside strings; 0 when it does not. */
static guint
too_deep (const char *data,
          gsize       length)
{
  gboolean in_string = FALSE;
  guint depth = 0, line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            return line;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return 0;
}

/* Reads a saved view from @data; @display_name names it in messages. Checks
 * the format and every field's type and range, not whether the indicator or
 * the data exist (dsr_view_file_check, dsr_view_file_locate_import). */
DsrViewFile *
dsr_view_file_load_from_data (const char  *data,
                              gsize        length,
                              const char  *display_name,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  Reader reader = { display_name, error };
  JsonNode *root;
  DsrViewFile *self;
  guint line;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > DSR_VIEW_FILE_MAX_SIZE)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_TOO_LARGE,
                   _("%s: not a saved view: the file is larger than %d bytes"),
                   display_name, DSR_VIEW_FILE_MAX_SIZE);
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_ENCODING,
                   _("%s: not a saved view: the file is not UTF-8 text"), display_name);
      return NULL;
    }
  {
    gsize i = 0;

    while (i < length && g_ascii_isspace (data[i]))
      i++;
    if (i == length)
      {
        g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: not a saved view: the file is empty"),
                     display_name);
        return NULL;
      }
  }
  if ((line = too_deep (data, length)) != 0)
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_TOO_LARGE,
                   _("%s:%u: not a saved view: lists and objects nested more than %d deep"),
                   display_name, line, MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local))
    {
      g_autofree char *escaped = dsr_format_escape (local->message);

      /* json-glib's message gives the line and the column, after "<data>:". */
      if (g_str_has_prefix (escaped, "<data>:"))
        g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s:%s (not a saved view: not JSON)"),
                     display_name, escaped + strlen ("<data>:"));
      else
        g_set_error (error, DSR_ERROR, DSR_ERROR_PARSE, _("%s: not a saved view: not JSON (%s)"),
                     display_name, escaped);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&reader, "$", _("expected an object, found %s"), node_type_name (root));
      return NULL;
    }
  {
    BadKind kind = BAD_TEXT;
    g_autofree char *bad = invalid_text_path (root, "$", &kind);

    if (bad != NULL)
      {
        g_autofree char *escaped = dsr_format_escape (bad);

        if (kind == BAD_TEXT)
          fail (&reader, escaped, _("the text is not UTF-8 (an escape such as \\222 that JSON does not have)"));
        else
          /* Translators: %s the largest number allowed, e.g. 1e+15 */
          fail (&reader, escaped, _("the number is larger than a saved view allows (%s)"), "1e15");
        return NULL;
      }
  }
  self = read_root (&reader, json_node_get_object (root));
  if (self != NULL)
    self->display_name = g_strdup (display_name);
  return self;
}

DsrViewFile *
dsr_view_file_load (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GError) local = NULL;
  DsrViewFile *self;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  display = dsr_format_escape (path);
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID, _("%s: a folder, not a saved view"), display);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error_literal (error, local->domain, local->code, local->message);
      return NULL;
    }
  self = dsr_view_file_load_from_data (contents, length, display, error);
  if (self != NULL)
    self->path = g_strdup (path);
  return self;
}

/* Writing ------------------------------------------------------------------ */

static JsonNode *
string_or_null (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_NULL);

  if (text != NULL)
    json_node_init_string (node, text);
  return node;
}

static JsonArray *
strv_array (const char * const *items)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    json_array_add_string_element (array, items[i]);
  return array;
}

/* Adds to @to every member of @from it lacks (a newer version's fields),
 * and does so inside the objects both have. */
static void
keep_unknown (JsonObject *to,
              JsonObject *from)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *old = json_object_get_member (from, name);
      JsonNode *now = json_object_get_member (to, name);

      if (now == NULL)
        json_object_set_member (to, name, json_node_copy (old));
      else if (JSON_NODE_HOLDS_OBJECT (now) && JSON_NODE_HOLDS_OBJECT (old))
        keep_unknown (json_node_get_object (now), json_node_get_object (old));
    }
}

static JsonObject *
build_root (DsrViewFile *self)
{
  const DsrView *view = self->view;
  JsonObject *root = json_object_new ();
  JsonObject *years = json_object_new ();
  JsonObject *size = json_object_new ();
  JsonObject *data = json_object_new ();
  JsonArray *imports = json_array_new ();
  g_autofree char *version = g_strdup_printf ("%d.%d", DSR_VIEW_FILE_VERSION_MAJOR,
                                              DSR_VIEW_FILE_VERSION_MINOR);

  json_object_set_string_member (root, "format", DSR_VIEW_FILE_FORMAT);
  json_object_set_string_member (root, "version", version);
  json_object_set_string_member (root, "view", dsr_view_kind_to_string (view->kind));
  json_object_set_member (root, "indicator", string_or_null (view->indicator_id));
  json_object_set_member (root, "y_indicator", string_or_null (view->y_indicator_id));
  json_object_set_int_member (root, "year", view->year);
  json_object_set_int_member (years, "from", view->year_from);
  json_object_set_int_member (years, "to", view->year_to);
  json_object_set_object_member (root, "years", years);
  json_object_set_member (root, "grouping", string_or_null (view->grouping_id));
  if (view->regions != NULL)
    json_object_set_array_member (root, "regions", strv_array ((const char * const *) view->regions));
  else
    json_object_set_null_member (root, "regions");
  json_object_set_string_member (root, "compare", dsr_compare_to_string (view->compare));
  json_object_set_member (root, "aggregation",
                          string_or_null (view->aggregation >= 0
                                          ? dsr_aggregation_to_string (view->aggregation) : NULL));
  json_object_set_double_member (root, "min_coverage", view->min_coverage);
  json_object_set_int_member (root, "tolerance", view->tolerance);
  json_object_set_string_member (root, "membership", dsr_membership_to_string (view->membership));
  json_object_set_boolean_member (root, "map_regions", view->map_regions);
  json_object_set_boolean_member (root, "show_fit", view->show_fit);
  json_object_set_boolean_member (root, "size_by_population", view->size_by_population);
  json_object_set_int_member (size, "width", view->width);
  json_object_set_int_member (size, "height", view->height);
  json_object_set_double_member (size, "scale", view->scale);
  json_object_set_object_member (root, "size", size);
  json_object_set_string_member (root, "theme", dsr_scheme_to_string (view->scheme));
  json_object_set_member (root, "language", string_or_null (self->language));

  json_object_set_array_member (data, "bundled", strv_array ((const char * const *) self->bundled));
  for (guint i = 0; i < self->imports->len; i++)
    {
      const DsrViewData *entry = g_ptr_array_index (self->imports, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "name", entry->name);
      json_object_set_string_member (object, "sha256", entry->sha256);
      json_object_set_array_member (object, "indicators",
                                    strv_array ((const char * const *) entry->indicators));
      json_array_add_object_element (imports, object);
    }
  json_object_set_array_member (data, "imports", imports);
  json_object_set_object_member (root, "data", data);

  if (self->original != NULL)
    keep_unknown (root, self->original);
  return root;
}

/* The file's text: pretty-printed JSON, ending with a line break. */
char *
dsr_view_file_to_data (DsrViewFile *self,
                       gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(GString) text = NULL;
  JsonObject *root;

  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), NULL);

  root = build_root (self);
  json_node_take_object (node, root);
  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  if (length != NULL)
    *length = text->len;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Writes the file (under a temporary name, renamed into place). */
gboolean
dsr_view_file_save (DsrViewFile *self,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;

  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = dsr_view_file_to_data (self, &length);
  if (!g_file_set_contents_full (path, text, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error_literal (error, local->domain, local->code, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Accessors ---------------------------------------------------------------- */

const char *
dsr_view_file_get_path (DsrViewFile *self)
{
  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), NULL);
  return self->path;
}

/* The file's name for messages (escaped), or "view" for one not read. */
const char *
dsr_view_file_get_display_name (DsrViewFile *self)
{
  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), NULL);
  return self->display_name ? self->display_name : "view";
}

const DsrView *
dsr_view_file_get_view (DsrViewFile *self)
{
  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), NULL);
  return self->view;
}

void
dsr_view_file_set_view (DsrViewFile   *self,
                        const DsrView *view)
{
  g_return_if_fail (DSR_IS_VIEW_FILE (self));
  g_return_if_fail (view != NULL);

  {
    DsrView *copy = dsr_view_copy (view); /* @view may share the old one's strings */

    dsr_view_free (self->view);
    self->view = copy;
  }
}

const char *
dsr_view_file_get_language (DsrViewFile *self)
{
  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), NULL);
  return self->language;
}

void
dsr_view_file_set_language (DsrViewFile *self,
                            const char  *language)
{
  g_return_if_fail (DSR_IS_VIEW_FILE (self));

  g_free (self->language);
  self->language = language && is_language (language) ? g_strdup (language) : NULL;
}

const char * const *
dsr_view_file_get_bundled (DsrViewFile *self)
{
  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), NULL);
  return (const char * const *) self->bundled;
}

void
dsr_view_file_set_bundled (DsrViewFile        *self,
                           const char * const *indicator_ids)
{
  g_return_if_fail (DSR_IS_VIEW_FILE (self));

  g_strfreev (self->bundled);
  self->bundled = indicator_ids ? g_strdupv ((char **) indicator_ids) : g_new0 (char *, 1);
}

guint
dsr_view_file_get_n_imports (DsrViewFile *self)
{
  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), 0);
  return self->imports->len;
}

const DsrViewData *
dsr_view_file_get_import (DsrViewFile *self,
                          guint        index)
{
  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), NULL);
  g_return_val_if_fail (index < self->imports->len, NULL);
  return g_ptr_array_index (self->imports, index);
}

void
dsr_view_file_clear_imports (DsrViewFile *self)
{
  g_return_if_fail (DSR_IS_VIEW_FILE (self));
  g_ptr_array_set_size (self->imports, 0);
}

/* Lists the file at @path (its name and SHA-256) as data the view needs;
 * the same name twice is listed once. */
gboolean
dsr_view_file_add_import (DsrViewFile        *self,
                          const char         *path,
                          const char * const *indicators,
                          GError            **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  DsrViewData *entry;

  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  hash = dsr_view_file_sha256 (path, error);
  if (hash == NULL)
    return FALSE;
  name = g_path_get_basename (path);
  for (guint i = 0; i < self->imports->len; i++)
    if (strcmp (((DsrViewData *) g_ptr_array_index (self->imports, i))->name, name) == 0)
      return TRUE;
  entry = g_new0 (DsrViewData, 1);
  entry->name = g_steal_pointer (&name);
  entry->sha256 = g_steal_pointer (&hash);
  entry->indicators = indicators ? g_strdupv ((char **) indicators) : NULL;
  g_ptr_array_add (self->imports, entry);
  return TRUE;
}

/* Lists the view's indicators that @store has from the bundled data (no
 * import's origin) as the bundled data it needs. */
void
dsr_view_file_describe_data (DsrViewFile *self,
                             DsrStore    *store)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *ids[] = { self->view->indicator_id, self->view->y_indicator_id };

  g_return_if_fail (DSR_IS_VIEW_FILE (self));
  g_return_if_fail (DSR_IS_STORE (store));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (ids[i] != NULL && dsr_store_get_indicator (store, ids[i]) != NULL
        && dsr_store_get_indicator_origin (store, ids[i]) == NULL
        && (i == 0 || g_strcmp0 (ids[0], ids[i]) != 0))
      g_strv_builder_add (builder, ids[i]);
  g_strfreev (self->bundled);
  self->bundled = g_strv_builder_end (builder);
}

/* Data and checks ---------------------------------------------------------- */

/* The SHA-256 of a file's contents, in lower-case hexadecimal. */
char *
dsr_view_file_sha256 (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gssize n;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024, NULL, error)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Finds the import @index names: among @candidates (paths the user gave,
 * matched by their name: one of that name must be the file), then in @dirs,
 * the first file of that name whose SHA-256 is the one saved. Returns its path; else an error naming the view file, the
 * field and whether the file is missing or has changed. */
char *
dsr_view_file_locate_import (DsrViewFile        *self,
                             guint               index,
                             const char * const *candidates,
                             const char * const *dirs,
                             GError            **error)
{
  const DsrViewData *entry;
  g_autofree char *changed = NULL;
  g_autofree char *field = NULL;
  g_autofree char *quoted = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_candidates;

  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), NULL);
  g_return_val_if_fail (index < self->imports->len, NULL);

  entry = g_ptr_array_index (self->imports, index);
  for (guint i = 0; candidates != NULL && candidates[i] != NULL; i++)
    {
      g_autofree char *base = g_path_get_basename (candidates[i]);

      if (strcmp (base, entry->name) == 0)
        g_ptr_array_add (paths, g_strdup (candidates[i]));
    }
  n_candidates = paths->len;
  for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
    g_ptr_array_add (paths, g_build_filename (dirs[i], entry->name, NULL));

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *hash = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      hash = dsr_view_file_sha256 (path, NULL);
      if (hash == NULL)
        continue;
      if (strcmp (hash, entry->sha256) == 0)
        return g_strdup (path);
      if (changed == NULL)
        changed = g_strdup (path);
      /* A file given by the user (--data) of that name is the one meant:
       * changed, it is an error, not a reason to look further. */
      if (i < n_candidates)
        break;
    }

  field = g_strdup_printf ("$.data.imports[%u]", index);
  quoted = dsr_format_quote (entry->name);
  if (changed != NULL)
    {
      g_autofree char *where = dsr_format_escape (changed);

      g_set_error (error, DSR_ERROR, DSR_ERROR_INVALID,
                   _("%s: %s: the data file “%s” has changed since the view was saved (%s has "
                     "another SHA-256); import the file the view was made with"),
                   dsr_view_file_get_display_name (self), field, quoted, where);
    }
  else
    g_set_error (error, DSR_ERROR, DSR_ERROR_NO_DATA,
                 _("%s: %s: the data file “%s” is missing; give it with --data, put it beside the "
                   "view file or import it"),
                 dsr_view_file_get_display_name (self), field, quoted);
  return NULL;
}

/* Checks that @store has what the view names: its indicators (and the
 * bundled ones it lists) and its grouping. Its regions are checked when the
 * figure is drawn, with the grouping's list. */
gboolean
dsr_view_file_check (DsrViewFile *self,
                     DsrStore    *store,
                     GError     **error)
{
  Reader reader;
  const DsrView *view;

  g_return_val_if_fail (DSR_IS_VIEW_FILE (self), FALSE);
  g_return_val_if_fail (DSR_IS_STORE (store), FALSE);

  reader.file = dsr_view_file_get_display_name (self);
  reader.error = error;
  view = self->view;
  if (view->indicator_id != NULL && dsr_store_get_indicator (store, view->indicator_id) == NULL)
    {
      g_autofree char *quoted = dsr_format_quote (view->indicator_id);

      return fail (&reader, "$.indicator", _("unknown indicator “%s” (see --list-indicators)"), quoted);
    }
  if (view->y_indicator_id != NULL && dsr_store_get_indicator (store, view->y_indicator_id) == NULL)
    {
      g_autofree char *quoted = dsr_format_quote (view->y_indicator_id);

      return fail (&reader, "$.y_indicator", _("unknown indicator “%s” (see --list-indicators)"), quoted);
    }
  if (view->grouping_id != NULL && dsr_store_get_grouping (store, view->grouping_id) == NULL)
    {
      g_autofree char *quoted = dsr_format_quote (view->grouping_id);

      return fail (&reader, "$.grouping", _("unknown grouping “%s” (see --list-groupings)"), quoted);
    }
  for (guint i = 0; self->bundled[i] != NULL; i++)
    if (dsr_store_get_indicator (store, self->bundled[i]) == NULL)
      {
        g_autofree char *quoted = dsr_format_quote (self->bundled[i]);
        g_autofree char *field = g_strdup_printf ("$.data.bundled[%u]", i);

        return fail (&reader, field, _("unknown indicator “%s”: this atlas does not bundle it"), quoted);
      }
  return TRUE;
}

/* The language of the messages now (e.g. "zh_CN", "en"), for a view file's
 * "language". */
char *
dsr_view_file_current_language (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = NULL;
  char *cut;

  if (language != NULL && *language != '\0' && locale != NULL && strcmp (locale, "C") != 0
      && strcmp (locale, "POSIX") != 0)
    locale = language;
  if (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0
      || g_str_has_prefix (locale, "C."))
    return g_strdup ("en");
  name = g_strdup (locale);
  if ((cut = strpbrk (name, ":.@")) != NULL)
    *cut = '\0';
  return is_language (name) ? g_steal_pointer (&name) : g_strdup ("en");
}
