# SPDX-License-Identifier: GPL-3.0-or-later
"""pandas' way to the same long form: read_csv, melt to one row a value,
drop the empty cells. Prints "RESULT seconds=S peak_kb=K values=V"."""
import resource
import sys
import time

import pandas as pd

start = time.monotonic()
wide = pd.read_csv(sys.argv[1])
ids = list(wide.columns[:4])
long = wide.melt(id_vars=ids, var_name="year", value_name="value").dropna(subset=["value"])
seconds = time.monotonic() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("pandas %s: %d values in %.2f s, peak RSS %.0f MB" % (pd.__version__, len(long), seconds, peak_kb / 1024))
print("RESULT seconds=%.3f peak_kb=%d values=%d" % (seconds, peak_kb, len(long)))
