#!/usr/bin/env python3
"""The recode job in pandas + numpy: what an analyst would write today (the peer of `catchment recode`).

read the table (pyarrow CSV engine) · read the crosswalk · merge each row with its zone's
crosswalk rows · split whole-number columns by largest remainder per source row (numpy: floor,
then the rank of the fractional parts within the row, ties to the lower target code), fractions
multiplied · rows in zones the crosswalk does not know keep their code · group-by sum per
(kept columns, zone) · write the input's columns in the input's order (pyarrow's CSV writer).

  recode_pandas.py --table FILE --zone-column COL --value-column COL [--value-column COL …]
                   [--keep-column COL …] --crosswalk CW --output FILE
"""
import argparse
import csv

import pyarrow as pa
import pyarrow.csv as pacsv

from recode_lib import header, read_crosswalk, read_table, recode


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--table", required=True)
    p.add_argument("--zone-column", required=True)
    p.add_argument("--value-column", action="append", required=True)
    p.add_argument("--keep-column", action="append", default=[])
    p.add_argument("--crosswalk", required=True)
    p.add_argument("--output", required=True)
    a = p.parse_args()
    df = read_table(a.table, a.value_column)
    out = recode(df, a.zone_column, a.value_column, a.keep_column, read_crosswalk(a.crosswalk))
    wanted = set(a.keep_column) | {a.zone_column} | set(a.value_column)
    out = out[[c for c in header(a.table) if c in wanted]]
    # pyarrow's writer (DataFrame.to_csv takes several times longer on a million rows): no quotes
    # unless a value holds a comma, quote or line end (then pyarrow quotes every text value); the
    # header by the csv module (pyarrow quotes every header name).
    table = pa.Table.from_pandas(out, preserve_index=False)
    for quoting in ("none", "needed"):
        with open(a.output, "w", newline="") as f:
            csv.writer(f, lineterminator="\n").writerow(out.columns)
        try:
            with open(a.output, "ab") as f:
                pacsv.write_csv(table, f, write_options=pacsv.WriteOptions(include_header=False, quoting_style=quoting))
            break
        except pa.ArrowInvalid:
            continue


if __name__ == "__main__":
    main()
