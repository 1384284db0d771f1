"""Recoding a zone-keyed table through a crosswalk in pandas + numpy, written from the issue's rules
(issue 12, "catchment recode"; the quota as LargestRemainder documents it), in code of its own.

- Each row whose zone the crosswalk knows is spread over the zone's targets (including a target
  `UNALLOCATED`, which stands for a zone's unallocated share): a column of whole numbers is split
  by largest remainder within the row — quotas q_b = n·w_b / Σw (Σw = 1 up to rounding, summed
  in target-code order), every target first gets floor(q_b), then the n − Σ floor(q_b) units left
  go one each to the targets with the largest fractional parts q_b − floor(q_b), equal fractions
  going to the lower target code (byte order) first — so every row's total is kept exactly; a
  column with fractions is multiplied (n·w_b).
- Rows in zones the crosswalk does not know (other vintages, nations, pseudo codes) keep their zone.
- The pieces are then summed per (zone, kept columns).

Also: the LSOA 2021 → 2011 crosswalk from ONS's bridge read in reverse with population split
weights, weight(a→b) = pop(b) / Σ pop over a's targets, equal shares for a zone where any target
has population 0 or no population row (the rule of the issue's §1).
"""
from __future__ import annotations

import csv
import sys

import numpy as np
import pandas as pd

UNALLOCATED = "UNALLOCATED"


def header(path: str) -> list[str]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return next(csv.reader(f))


def column(names: list[str], *candidates: str) -> str:
    """The file's own spelling of the first candidate present, matched case-insensitively."""
    lower = {n.strip().lower(): n for n in names}
    for c in candidates:
        if c.lower() in lower:
            return lower[c.lower()]
    raise SystemExit(f"none of the columns {candidates} in header {names}")


def read_table(path: str, value_columns: list[str]) -> pd.DataFrame:
    """Every column as text, the value columns as numbers (int64 when all are whole)."""
    names = header(path)
    dtype = {c: "string" for c in names if c not in value_columns}
    dtype.update({c: "float64" for c in value_columns})
    df = pd.read_csv(path, engine="pyarrow", dtype=dtype, encoding="utf-8-sig")
    for c in value_columns:
        v = df[c].to_numpy()
        if np.all(np.isfinite(v)) and np.all(v == np.floor(v)):
            df[c] = v.astype(np.int64)
    return df


def read_crosswalk(path: str) -> pd.DataFrame:
    cw = pd.read_csv(path, engine="pyarrow", usecols=["zone_id", "footprint_id", "weight"],
                     dtype={"zone_id": "string", "footprint_id": "string", "weight": "float64"})
    cw["zone_id"] = cw["zone_id"].str.strip()
    cw["footprint_id"] = cw["footprint_id"].str.strip()
    return cw


def largest_remainder(row: np.ndarray, total: np.ndarray, w: np.ndarray, target_rank: np.ndarray) -> np.ndarray:
    """Whole parts of each row's total over its pieces (one entry per piece).

    row: the piece's row id (0..len(total)-1); total: each row's whole count; w: the piece's
    weight; target_rank: the piece's target code rank in byte order (ties go to the lower code).
    The quota is n·w / Σw with Σw summed over the row's pieces in target-code order, so that a
    zone's weights that sum to 1 only up to rounding still split n exactly as if they did.
    """
    by_target = np.lexsort((target_rank, row))
    wsum = np.bincount(row[by_target], weights=w[by_target], minlength=len(total))  # sequential, code order
    q = total[row].astype(np.float64) * w / wsum[row]
    f = np.floor(q)
    frac = q - f
    parts = f.astype(np.int64)
    deficit = total - np.bincount(row, weights=f, minlength=len(total)).astype(np.int64)
    pieces = np.bincount(row, minlength=len(total))
    odd = (deficit < 0) | ((deficit >= pieces) & (deficit > 0))
    if odd.any():  # only when rounding moves a floor across a whole number (counts near 2**53)
        print(f"recode_lib: {int(odd.sum())} rows whose floors miss their count by a piece or more", file=sys.stderr)
    # Within each row: largest fraction first, then the lower target code.
    order = np.lexsort((target_rank, -frac, row))
    r_sorted = row[order]
    position = np.arange(len(order)) - np.searchsorted(r_sorted, r_sorted, side="left")
    parts[order[position < deficit[r_sorted]]] += 1
    return parts


def recode(df: pd.DataFrame, zone: str, values: list[str], keep: list[str], cw: pd.DataFrame) -> pd.DataFrame:
    """The table re-keyed through the crosswalk, summed per (kept columns, zone), in the input's
    column order (kept columns, zone and values only). Rows: first appearance of each key."""
    codes = df[zone].str.strip()
    known = codes.isin(pd.Index(cw["zone_id"].unique())).to_numpy()

    passed = df.loc[~known, keep + values].copy()
    passed[zone] = codes[~known]

    left = df.loc[known, keep + values].copy()
    left[zone] = codes[known]
    left["_row"] = np.arange(len(left))
    m = left.merge(cw, left_on=zone, right_on="zone_id", how="inner", sort=False)
    # Each piece's target code rank in byte order (sorting the distinct codes, not every piece).
    codes_of_piece, distinct = pd.factorize(m["footprint_id"])
    rank_of_distinct = np.empty(len(distinct), dtype=np.int64)
    rank_of_distinct[np.argsort(np.asarray(distinct, dtype=str), kind="stable")] = np.arange(len(distinct))
    rank = rank_of_distinct[codes_of_piece]
    row = m["_row"].to_numpy()
    w = m["weight"].to_numpy()
    for c in values:
        v = left[c].to_numpy()
        if v.dtype.kind in "iu":
            m[c] = largest_remainder(row, v, w, rank)
        else:
            m[c] = v[row] * w
    m[zone] = m["footprint_id"]
    m = m.iloc[np.lexsort((rank, row))]  # source row order, then target code
    out = pd.concat([m[keep + [zone] + values], passed[keep + [zone] + values]], ignore_index=True)
    out = out.groupby(keep + [zone], sort=False, dropna=False)[values].sum().reset_index()
    return out


def reverse_bridge_crosswalk(bridge: pd.DataFrame, old: str, new: str, population: pd.Series) -> pd.DataFrame:
    """new-vintage zone → old-vintage zones with population weights (see the module's docstring).

    bridge: one row per (old, new) pair; population: old-vintage population by code.
    """
    pairs = bridge[[new, old]].drop_duplicates().rename(columns={new: "zone_id", old: "footprint_id"})
    pairs = pairs.sort_values(["zone_id", "footprint_id"]).reset_index(drop=True)
    pop = pairs["footprint_id"].map(population).astype("float64")
    bad = (pop.isna() | (pop <= 0)).groupby(pairs["zone_id"]).transform("any")
    total = pop.groupby(pairs["zone_id"]).transform("sum")
    k = pairs.groupby("zone_id")["footprint_id"].transform("size")
    pairs["weight"] = np.where(bad, 1.0 / k, pop / total)
    pairs["equal_fallback"] = bad.to_numpy()
    return pairs
