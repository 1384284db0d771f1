#!/usr/bin/env python3
"""Fallback LSOA 2011 ↔ 2021 bridge over a national lookup's 2021 zones, with 2011 populations.

Used by run.sh only when the data folder has no `lsoa11_lsoa21_lookup.csv` and
`population_lsoa11_mid2020.csv` from the project's generator (`catchment-demo-data --scale
national`). Deterministic (fixed seed).

Shape: England's in ONS's LSOA11_LSOA21_LAD22 bridge (counted in geographr's conversion of it,
../shared/real/lookups/geographr_converted/lookup_lsoa11_lsoa21_ltla22.csv, England rows): of
33,755 LSOA 2021 zones, 31,810 unchanged (U), 1,842 split off 834 zones of 2011 (S: 704 into 2,
97 into 3, 27 into 4, 4 into 5, 1 into 6, 1 into 9), 97 merged from 2 zones each (M) and 6 in
two complex clusters (X: 2 zones of 2011 with 2 of 2021 in 3 rows, 4 with 4 in 6 rows) — 35,855
rows, 32,844 zones of 2011. For another number of 2021 zones the counts are scaled (at least one
of each class). The groups are laid over the 2021 codes in code order at random places, so a
group's zones are neighbours in code order (and so mostly in one sub-ICB and ICB).

Codes: an unchanged zone keeps its code; a split, merged or complex zone of 2011 gets a new code
numbered after the highest 2021 code (these are not ONS codes; in ONS's files the retired 2011
codes are the lower ones). Population of 2011 zones (SAPE layout, "Area Codes,Area Names,All
Ages" with thousands separators, an England row first): drawn at random around 1,700 (a zone
later split: about 1,500 per 2021 piece; a zone later merged: about 900).

Writes into OUTPUT_DIR:
  lsoa11_lsoa21_lookup.csv     ONS layout LSOA11CD,LSOA11NM,LSOA21CD,LSOA21NM,CHGIND,LAD22CD,LAD22NM,LAD22NMW,ObjectId
  population_lsoa11_mid2020.csv

Usage: make_bridge.py LOOKUP_LSOA21.csv OUTPUT_DIR
"""
import os
import sys

import numpy as np
import pandas as pd

from recode_lib import column, header

SEED = 20210321  # Census day 2021
ENGLAND_2021_ZONES = 33_755
SPLIT_SIZES = {2: 704, 3: 97, 4: 27, 5: 4, 6: 1, 9: 1}  # pieces of 2021 per split zone: count
MERGED = 97
# Complex clusters as in ONS's file: (2011 index, 2021 index) pairs.
COMPLEX = [[(0, 0), (1, 0), (0, 1)], [(0, 0), (1, 0), (2, 1), (3, 1), (3, 2), (1, 3)]]


def scaled(count: int, n: int) -> int:
    return max(1, round(count * n / ENGLAND_2021_ZONES))


def main(lookup_path: str, out: str) -> None:
    names = header(lookup_path)
    z21, nm21 = column(names, "LSOA21CD"), column(names, "LSOA21NM")
    lad, ladnm = column(names, "LAD23CD", "LAD22CD", "LAD24CD"), column(names, "LAD23NM", "LAD22NM", "LAD24NM")
    lk = pd.read_csv(lookup_path, dtype="string", usecols=[z21, nm21, lad, ladnm], encoding="utf-8-sig")
    lk = lk.drop_duplicates(subset=[z21]).sort_values(z21).reset_index(drop=True)
    n = len(lk)
    rng = np.random.default_rng(SEED)

    # Groups: (class, number of 2021 zones, pairs as (2011 index, 2021 index)).
    groups = []
    for size, count in SPLIT_SIZES.items():
        k = scaled(count, n) if size == 2 else round(count * n / ENGLAND_2021_ZONES)  # the rare sizes may vanish
        groups += [("S", size, [(0, j) for j in range(size)])] * k
    groups += [("M", 1, [(0, 0), (1, 0)])] * scaled(MERGED, n)
    for pairs in COMPLEX if n >= 2_000 else COMPLEX[:1]:
        groups.append(("X", 1 + max(j for _, j in pairs), pairs))
    used = sum(g[1] for g in groups)
    if used > n:
        raise SystemExit(f"make_bridge.py: {n} zones of 2021 are too few")
    groups += [("U", 1, [(0, 0)])] * (n - used)
    order = rng.permutation(len(groups))

    prefix = "E01"
    top = max(int(c[3:]) for c in lk[z21] if len(c) == 9 and c[3:].isdigit())
    next_code = top + 1
    rows = []  # (code11, name11, index21, class)
    pop11 = {}
    at = 0
    for gi in order:
        cls, width, pairs = groups[gi]
        if cls == "U":
            code = lk.at[at, z21]
            rows.append((code, lk.at[at, nm21], at, "U"))
            pop11[code] = int(rng.gamma(16.0, 1_700 / 16.0))
        else:
            k11 = 1 + max(i for i, _ in pairs)
            codes = [f"{prefix}{next_code + i:06d}" for i in range(k11)]
            next_code += k11
            for i, j in pairs:
                rows.append((codes[i], f"{lk.at[at, nm21]} (2011 {chr(65 + i)})", at + j, cls))
            for c in codes:
                mean = {"S": 1_500 * width, "M": 900, "X": 1_600}[cls]
                pop11[c] = int(rng.gamma(16.0, mean / 16.0))
        at += width

    idx = np.array([r[2] for r in rows])
    bridge = pd.DataFrame(
        {
            "LSOA11CD": [r[0] for r in rows],
            "LSOA11NM": [r[1] for r in rows],
            "LSOA21CD": lk[z21].to_numpy()[idx],
            "LSOA21NM": lk[nm21].to_numpy()[idx],
            "CHGIND": [r[3] for r in rows],
            "LAD22CD": lk[lad].to_numpy()[idx],
            "LAD22NM": lk[ladnm].to_numpy()[idx],
            "LAD22NMW": "",
        }
    ).sort_values(["LSOA11CD", "LSOA21CD"]).reset_index(drop=True)
    bridge["ObjectId"] = np.arange(1, len(bridge) + 1)
    os.makedirs(out, exist_ok=True)
    bridge.to_csv(os.path.join(out, "lsoa11_lsoa21_lookup.csv"), index=False)

    names11 = bridge.drop_duplicates("LSOA11CD").set_index("LSOA11CD")["LSOA11NM"]
    codes11 = sorted(pop11)
    values = [pop11[c] for c in codes11]
    pop = pd.DataFrame(
        {
            "Area Codes": ["E92000001"] + codes11,
            "Area Names": ["England"] + [names11[c] for c in codes11],
            "All Ages": [f"{v:,}" for v in [sum(values)] + values],
        }
    )
    pop.to_csv(os.path.join(out, "population_lsoa11_mid2020.csv"), index=False)
    counts = bridge["CHGIND"].value_counts().to_dict()
    print(
        f"make_bridge.py: {len(bridge)} bridge rows ({', '.join(f'{k} {counts.get(k, 0)}' for k in 'USMX')}), "
        f"{bridge['LSOA21CD'].nunique()} zones of 2021, {len(codes11)} of 2011, population {sum(values):,} → {out}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("Usage: ")[1])
    main(sys.argv[1], sys.argv[2])
