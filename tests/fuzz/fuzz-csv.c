/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the streaming CSV reader, the column lookup and the
 * number parsers that every importer runs first. */
#include "config.h"

#include "dsr-csv.h"
#include "dsr-fuzz.h"

typedef struct
{
  const char * const *names;
  int index[3];
  DsrCsvColumns columns;
} State;

static gboolean
row_cb (const DsrCsvRow *row,
        gpointer         user_data,
        GError         **error)
{
  State *state = user_data;
  gboolean is_header;
  double d;
  int i;

  if (!dsr_csv_columns_take_row (&state->columns, row, &is_header, NULL))
    return TRUE; /* keep reading: the reader itself is under test */
  for (guint f = 0; f < row->n_fields; f++)
    {
      dsr_csv_parse_double (row->fields[f], &d, NULL);
      dsr_csv_parse_int (row->fields[f], -99999, 99999, &i, NULL);
    }
  return row->line < 100000;
}

void
dsr_fuzz_csv_one (const guint8 *data,
                  gsize         size)
{
  static const char * const names[] = { "id", "value", NULL };
  State state = { names };
  GError *error = NULL;

  state.columns.names = names;
  state.columns.index = state.index;
  dsr_csv_parse_data ((const char *) data, size, "fuzz.csv", row_cb, &state, &error);
  g_clear_error (&error);
}

DSR_FUZZ_MAIN (dsr_fuzz_csv_one)
