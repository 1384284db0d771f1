#!/usr/bin/env python3
"""Checks two recoded tables against each other and against their input: same header, same rows
(as a set of rows: every column's text equal, the value columns as whole numbers), and each value
column's total equal to the input's (recoding conserves counts exactly). Rows whose values are all
zero are set aside on both sides (one tool may write them, the other not) and counted. Row order
is not compared (the issue asks for "a stable order", not a particular one).

  check_recode.py --input TABLE --zone-column COL --value-column COL [...] A.csv B.csv [--json OUT]

Prints a summary; exit status 1 when they differ.
"""
import argparse
import json
import sys

import pandas as pd

from recode_lib import header


def load(path: str, values: list[str]) -> pd.DataFrame:
    names = header(path)
    df = pd.read_csv(path, dtype="string", keep_default_na=False, encoding="utf-8-sig")
    for c in values:
        if c not in names:
            raise SystemExit(f"check_recode.py: {path} has no column {c}")
        df[c] = pd.to_numeric(df[c]).astype("int64") if df[c].str.fullmatch(r"-?\d+").all() else pd.to_numeric(df[c])
    return df


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--input", required=True)
    p.add_argument("--zone-column", required=True)
    p.add_argument("--value-column", action="append", required=True)
    p.add_argument("--json")
    p.add_argument("a")
    p.add_argument("b")
    args = p.parse_args()
    values = args.value_column
    result = {"a": args.a, "b": args.b, "problems": []}
    ha, hb = header(args.a), header(args.b)
    result["header_a"], result["header_b"] = ha, hb
    if ha != hb:
        result["problems"].append(f"headers differ: {ha} vs {hb}")
    a, b = load(args.a, values), load(args.b, values)
    src = pd.read_csv(args.input, engine="pyarrow", usecols=values, dtype={c: "float64" for c in values})
    result["rows_a"], result["rows_b"] = len(a), len(b)
    tables = {"a": a, "b": b}
    for name, df in list(tables.items()):
        zero = (df[values] == 0).all(axis=1)
        result[f"zero_rows_{name}"] = int(zero.sum())
        df = tables[name] = df[~zero]
        keys = [c for c in df.columns if c not in values]
        dup = int(df.duplicated(keys).sum())
        result[f"repeated_keys_{name}"] = dup
        if dup:
            result["problems"].append(f"{name}: {dup} rows repeat a (zone, kept columns) key")
    for c in values:
        t_in, t_a, t_b = float(src[c].sum()), float(a[c].sum()), float(b[c].sum())
        result[f"total_{c}"] = {"input": t_in, "a": t_a, "b": t_b}
        for name, t in (("a", t_a), ("b", t_b)):
            if t != t_in:
                result["problems"].append(f"{name}: {c} totals {t:,.0f}, the input {t_in:,.0f}")
    a, b = tables["a"], tables["b"]
    common = [c for c in ha if c in hb]
    m = a[common].merge(b[common], how="outer", on=common, indicator=True)
    only_a, only_b = m[m["_merge"] == "left_only"], m[m["_merge"] == "right_only"]
    result["rows_only_a"], result["rows_only_b"] = len(only_a), len(only_b)
    result["rows_equal"] = int((m["_merge"] == "both").sum())
    if len(only_a) or len(only_b):
        result["problems"].append(f"{len(only_a)} rows only in a, {len(only_b)} only in b")
        result["examples_only_a"] = only_a[common].head(10).astype(str).to_dict("records")
        result["examples_only_b"] = only_b[common].head(10).astype(str).to_dict("records")
    result["identical"] = not result["problems"]
    print(f"check_recode.py: {args.a} vs {args.b}: {result['rows_equal']:,} rows equal, "
          f"{len(only_a):,} only in the first, {len(only_b):,} only in the second; zero rows set aside "
          f"{result['zero_rows_a']:,} / {result['zero_rows_b']:,}")
    for c in values:
        t = result[f"total_{c}"]
        print(f"  {c}: input {t['input']:,.0f}, first {t['a']:,.0f}, second {t['b']:,.0f}")
    for problem in result["problems"]:
        print(f"  DIFFERENCE: {problem}")
    for k in ("examples_only_a", "examples_only_b"):
        for r in result.get(k, [])[:5]:
            print(f"    {k[9:]}: {r}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    sys.exit(0 if result["identical"] else 1)


if __name__ == "__main__":
    main()
