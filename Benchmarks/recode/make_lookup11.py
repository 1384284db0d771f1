#!/usr/bin/env python3
"""An LSOA 2011 → ICB lookup for the recode benchmark, from the bridge and the LSOA 2021 → ICB lookup.

Each zone of 2011 goes to the ICB holding most of its 2021 pieces' population: over the 2021
zones the bridge pairs it with, the population of each piece (the 2021 zone's, whole) is summed
per ICB and the largest wins, ties to the lower ICB code. Unchanged (U) and merged (M) zones have
one piece, so they simply take its ICB; a split (S) or complex (X) zone whose pieces straddle an
ICB boundary goes where most of them live — the rule of ONS's best-fit lookups, with pieces in
place of population-weighted centroids. The 2021 population is the data folder's
`population_lsoa_mid2022.csv` when there is one, otherwise the registered patients per zone
(SEX=ALL rows when any, else all rows) — for the benchmark only the assignment's shape matters.

Writes LSOA11CD,LSOA11NM,ICB23CD,ICB23NM (one row per 2011 zone, code order).

Usage: make_lookup11.py BRIDGE LOOKUP_LSOA21 WEIGHTS OUTPUT
  WEIGHTS: a population file ("Area Codes", "All Ages") or registrations (LSOA_CODE, NUMBER_OF_PATIENTS)
"""
import sys

import pandas as pd

from recode_lib import column, header


def zone_weights(path: str) -> pd.Series:
    names = header(path)
    lower = {n.lower() for n in names}
    if "area codes" in lower:
        code, value = column(names, "Area Codes"), column(names, "All Ages")
        p = pd.read_csv(path, dtype="string", usecols=[code, value], encoding="utf-8-sig")
        return pd.Series(p[value].str.replace(",", "").astype("float64").to_numpy(), index=p[code].str.strip())
    zone, count = column(names, "LSOA_CODE", "LSOA21CD"), column(names, "NUMBER_OF_PATIENTS", "Number.of.Patients")
    sex = [n for n in names if n.lower() == "sex"]
    r = pd.read_csv(path, engine="pyarrow", usecols=[zone, count] + sex, dtype={zone: "string", count: "float64"})
    if sex:
        s = r[sex[0]].str.upper()
        r = r[s == "ALL"] if (s == "ALL").any() else r
    return r.groupby(zone)[count].sum()


def main(bridge_path: str, lookup_path: str, weights_path: str, out: str) -> None:
    bn = header(bridge_path)
    b11, b11nm, b21 = column(bn, "LSOA11CD"), column(bn, "LSOA11NM"), column(bn, "LSOA21CD")
    bridge = pd.read_csv(bridge_path, dtype="string", usecols=[b11, b11nm, b21], encoding="utf-8-sig")
    ln = header(lookup_path)
    z21, icb, icbnm = column(ln, "LSOA21CD"), column(ln, "ICB23CD", "ICB22CD", "ICB24CD"), column(ln, "ICB23NM", "ICB22NM", "ICB24NM")
    lk = pd.read_csv(lookup_path, dtype="string", usecols=[z21, icb, icbnm], encoding="utf-8-sig").drop_duplicates(z21)
    w = zone_weights(weights_path)

    pieces = bridge.merge(lk, left_on=b21, right_on=z21, how="inner")
    pieces["w"] = pieces[b21].map(w).fillna(0.0).astype("float64")
    per_icb = pieces.groupby([b11, icb], as_index=False)["w"].sum()
    per_icb = per_icb.sort_values([b11, "w", icb], ascending=[True, False, True], kind="stable")
    best = per_icb.drop_duplicates(b11)
    names = lk.drop_duplicates(icb).set_index(icb)[icbnm]
    name11 = bridge.drop_duplicates(b11).set_index(b11)[b11nm]
    result = pd.DataFrame(
        {"LSOA11CD": best[b11].to_numpy(), "LSOA11NM": best[b11].map(name11).to_numpy(),
         "ICB23CD": best[icb].to_numpy(), "ICB23NM": best[icb].map(names).to_numpy()}
    )
    result.to_csv(out, index=False)
    straddle = int((per_icb.groupby(b11).size() > 1).sum())
    print(f"make_lookup11.py: {len(result)} zones of 2011 → {result['ICB23CD'].nunique()} ICBs "
          f"({straddle} with pieces in more than one ICB) → {out}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__.split("Usage: ")[1])
    main(*sys.argv[1:])
