#!/usr/bin/env python3
"""Fallback generator of a national-size data set in the published layouts.

Used by compare.sh only when the project's own generator
(`catchment-demo-data --scale national`) is not available. Deterministic (fixed seed).
Shape follows England: 42 ICBs, 106 sub-ICB locations, 33,755 LSOAs (2021), ~6,500
practices and ~1.2 million practice × LSOA rows, a few pseudo residence codes
(NO2011, L99999999, M99999999, Welsh zones) and a few practices missing from the map.

Writes into OUTPUT:
  lsoa_sicbl_icb_lad_lookup.csv  ONS LSOA21 → SICBL23 → ICB23 → LAD23 (UTF-8 BOM, CRLF)
  gp_reg_pat_prac_lsoa.csv       NHS "Patients Registered at a GP Practice", LSOA level
  gp_reg_pat_prac_map.csv        NHS practice map, ICB-era columns

Usage: python make_national.py OUTPUT_DIR
"""
import os
import sys

import numpy as np
import pandas as pd

from registrations_model import practice_codes, practice_registrations

N_ICB = 42
N_SICBL = 106
N_LSOA = 33_755
N_PRACTICE = 6_500
TARGET_ROWS = 1_200_000
SEED = 20240401


def main(out: str) -> None:
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(SEED)

    # Sub-ICBs to ICBs: every ICB has at least one, the rest spread at random.
    sicbl_icb = np.concatenate([np.arange(N_ICB), rng.integers(0, N_ICB, N_SICBL - N_ICB)])
    sicbl_icb.sort()
    # LSOAs per sub-ICB, contiguous ranges in LSOA index order (neighbours share footprints).
    weights = rng.gamma(3.0, 1.0, N_SICBL)
    sizes = np.maximum(40, np.floor(weights / weights.sum() * N_LSOA)).astype(int)
    sizes[-1] += N_LSOA - sizes.sum()
    lsoa_sicbl = np.repeat(np.arange(N_SICBL), sizes)
    lsoa_icb = sicbl_icb[lsoa_sicbl]
    n_lad = 296
    lsoa_lad = np.minimum(n_lad - 1, (np.arange(N_LSOA) * n_lad) // N_LSOA)

    icb_codes = np.array([f"E54{i + 1:06d}" for i in range(N_ICB)])
    icb_ods = np.array([f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(N_ICB)])
    icb_names = np.array([f"NHS Synthetic Area {i + 1} Integrated Care Board" for i in range(N_ICB)])
    sicbl_codes = np.array([f"E38{i + 1:06d}" for i in range(N_SICBL)])
    sicbl_ods = np.array([f"{i // 26:02d}{chr(65 + i % 26)}" for i in range(N_SICBL)])
    sicbl_names = np.array([f"NHS Synthetic Area {sicbl_icb[i] + 1} ICB - {sicbl_ods[i]}" for i in range(N_SICBL)])
    lad_codes = np.array([f"E0{6 + i % 4}{i + 1:06d}" for i in range(n_lad)])
    lad_names = np.array([f"Synthetic District {i + 1}" for i in range(n_lad)])
    lsoa_codes = np.array([f"E01{i + 1:06d}" for i in range(N_LSOA)])
    lsoa_in_lad = np.arange(N_LSOA) - np.searchsorted(lsoa_lad, lsoa_lad)
    lsoa_names = np.char.add(
        np.char.add(lad_names[lsoa_lad], " "),
        np.char.add(np.char.zfill((lsoa_in_lad // 4 + 1).astype(str), 3), np.array(list("ABCD"))[lsoa_in_lad % 4]),
    )

    lookup = pd.DataFrame(
        {
            "LSOA21CD": lsoa_codes,
            "LSOA21NM": lsoa_names,
            "SICBL23CD": sicbl_codes[lsoa_sicbl],
            "SICBL23CDH": sicbl_ods[lsoa_sicbl],
            "SICBL23NM": sicbl_names[lsoa_sicbl],
            "ICB23CD": icb_codes[lsoa_icb],
            "ICB23CDH": icb_ods[lsoa_icb],
            "ICB23NM": icb_names[lsoa_icb],
            "LAD23CD": lad_codes[lsoa_lad],
            "LAD23NM": lad_names[lsoa_lad],
            "ObjectId": np.arange(1, N_LSOA + 1),
        }
    )
    with open(os.path.join(out, "lsoa_sicbl_icb_lad_lookup.csv"), "w", encoding="utf-8-sig", newline="") as f:
        lookup.to_csv(f, index=False, lineterminator="\r\n")

    # Practices: placed in sub-ICBs by size, each with a home LSOA inside its sub-ICB.
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    prac_sicbl = np.sort(rng.choice(N_SICBL, N_PRACTICE, p=sizes / sizes.sum()))
    prac_home = starts[prac_sicbl] + (rng.random(N_PRACTICE) * sizes[prac_sicbl]).astype(int)
    prac_codes, prac_names = practice_codes(N_PRACTICE)
    registrations = practice_registrations(rng, prac_home, lsoa_codes, TARGET_ROWS, "01APR2024")
    registrations.to_csv(os.path.join(out, "gp_reg_pat_prac_lsoa.csv"), index=False)

    # Practice map: every practice but a few (closed or merged between vintages).
    missing = rng.choice(N_PRACTICE, 12, replace=False)
    keep = np.setdiff1d(np.arange(N_PRACTICE), missing)
    s = prac_sicbl[keep]
    i = sicbl_icb[s]
    pcn = keep // 7
    practice_map = pd.DataFrame(
        {
            "PUBLICATION": "GP_PRAC_PAT_LIST",
            "EXTRACT_DATE": "01APR2024",
            "PRACTICE_CODE": prac_codes[keep],
            "PRACTICE_NAME": prac_names[keep],
            "PRACTICE_POSTCODE": [f"ZZ{k % 99 + 1} {k % 9 + 1}AA" for k in keep],
            "PCN_CODE": [f"U{10000 + p:05d}" for p in pcn],
            "PCN_NAME": [f"SYNTHETIC PCN {p + 1}" for p in pcn],
            "ONS_SUB_ICB_LOCATION_CODE": sicbl_codes[s],
            "SUB_ICB_LOCATION_CODE": sicbl_ods[s],
            "SUB_ICB_LOCATION_NAME": sicbl_names[s],
            "ONS_ICB_CODE": icb_codes[i],
            "ICB_CODE": icb_ods[i],
            "ICB_NAME": icb_names[i],
            "ONS_COMM_REGION_CODE": [f"E40{1 + k % 7:06d}" for k in i],
            "COMM_REGION_CODE": [f"Y{56 + k % 7}" for k in i],
            "COMM_REGION_NAME": [f"SYNTHETIC REGION {1 + k % 7}" for k in i],
        }
    )
    practice_map.to_csv(os.path.join(out, "gp_reg_pat_prac_map.csv"), index=False)
    print(
        f"make_national.py: {len(lookup)} LSOAs, {len(practice_map)} mapped practices, "
        f"{len(registrations)} registration rows, {int(registrations.NUMBER_OF_PATIENTS.sum())} patients → {out}"
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
