#!/usr/bin/env python3
"""Generated inputs of the national review benchmark, at the real LSOA 2011 zones of England.

The boundaries, lookups, centroids and population come from the real published files in REAL
(read in place by the study, never copied); this script writes only what no real national file
exists for, the way Benchmarks/peers/make_national.py generates the flows benchmark's
registrations (numpy, fixed seed, the published layouts):

  gp_reg_pat_prac_lsoa.csv   NHS "Patients Registered at a GP Practice", LSOA level: ~6,500
                             practices placed in the April-2020 CCGs by their LSOA counts, each
                             drawing patients from LSOAs near its home LSOA (lookup order), with
                             a few pseudo residence codes; ~1.2 million rows
  gp_reg_pat_prac_map.csv    the practice map in the CCG-era layout (Sep 2020: ONS_CCG_CODE,
                             CCG_CODE, CCG_NAME, ONS_STP_CODE, ...), a few practices left out
  trust_activity.csv         OHID-style trust catchment activity at the same LSOAs:
                             catchment_year, admission_type, lsoa11cd, trust_code, patients,
                             total_patients, proportion; each LSOA's admissions go to the 2-5
                             nearest open trusts (ODS 2022 points, population-weighted
                             centroids), two catchment years and three admission types
  proposal_councils_whole.csv  block_id,footprint_id,footprint_name: each April-2020 council
                             (LAD20) wholly in the CCG holding most of its LSOAs

Usage: python make_inputs.py REAL_DIR OUTPUT_DIR
"""
import json
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peers"))
from registrations_model import practice_codes, practice_registrations  # noqa: E402

N_PRACTICE = 6_500
TARGET_ROWS = 1_200_000
SEED = 20240401


def main(real: str, out: str) -> None:
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(SEED)
    lookup = pd.read_csv(os.path.join(real, "lookups/LSOA11_CCG20_LAD20_EN_LU.csv"), dtype=str)
    stp = pd.read_csv(os.path.join(real, "lookups/CCG20_STP20_EN_LU.csv"), dtype=str).set_index("CCG20CD")
    n_lsoa = len(lookup)
    lsoa_codes = lookup["LSOA11CD"].to_numpy()

    # The lookup is ordered by area, so neighbours in its row order are mostly neighbours on the
    # ground: a practice's patients are drawn from rows near its home LSOA's row.
    ccg_codes, ccg_index = np.unique(lookup["CCG20CD"].to_numpy(), return_inverse=True)
    ccg_sizes = np.bincount(ccg_index)
    ccg_row = lookup.drop_duplicates("CCG20CD").set_index("CCG20CD")

    # Practices: placed in CCGs by their LSOA counts, each with a home LSOA inside its CCG.
    prac_ccg = np.sort(rng.choice(ccg_codes.size, N_PRACTICE, p=ccg_sizes / ccg_sizes.sum()))
    members = [np.flatnonzero(ccg_index == c) for c in range(ccg_codes.size)]
    prac_home = np.array([members[c][rng.integers(0, members[c].size)] for c in prac_ccg])
    prac_codes, prac_names = practice_codes(N_PRACTICE)
    registrations = practice_registrations(rng, prac_home, lsoa_codes, TARGET_ROWS, "01APR2020")
    registrations.to_csv(os.path.join(out, "gp_reg_pat_prac_lsoa.csv"), index=False)

    # Practice map (CCG era): every practice but a few (closed or merged between vintages).
    missing = rng.choice(N_PRACTICE, 12, replace=False)
    keep = np.setdiff1d(np.arange(N_PRACTICE), missing)
    ccg = ccg_codes[prac_ccg[keep]]
    pcn = keep // 7
    practice_map = pd.DataFrame(
        {
            "PUBLICATION": "GP_PRAC_PAT_LIST",
            "EXTRACT_DATE": "01-Apr-20",
            "PRACTICE_CODE": prac_codes[keep],
            "PRACTICE_NAME": prac_names[keep],
            "PRACTICE_POSTCODE": [f"ZZ{k % 99 + 1} {k % 9 + 1}AA" for k in keep],
            "PCN_CODE": [f"U{10000 + p:05d}" for p in pcn],
            "PCN_NAME": [f"SYNTHETIC PCN {p + 1}" for p in pcn],
            "ONS_CCG_CODE": ccg,
            "CCG_CODE": ccg_row.loc[ccg, "CCG20CDH"].to_numpy(),
            "CCG_NAME": ccg_row.loc[ccg, "CCG20NM"].to_numpy(),
            "ONS_STP_CODE": stp.loc[ccg, "STP20CD"].to_numpy(),
            "STP_CODE": stp.loc[ccg, "STP20CDH"].to_numpy(),
            "STP_NAME": stp.loc[ccg, "STP20NM"].to_numpy(),
        }
    )
    practice_map.to_csv(os.path.join(out, "gp_reg_pat_prac_map.csv"), index=False)

    # Trust activity: each LSOA's admissions to its nearest open trusts, by distance between the
    # LSOA's population-weighted centroid and the trust's point (km on a local flat earth).
    pwc = pd.read_csv(os.path.join(real, "lookups/LSOA11_PWC_Dec2011_ONS.csv"), encoding="utf-8-sig")
    pwc = pwc.set_index("lsoa11cd").loc[lsoa_codes]
    with open(os.path.join(real, "ods/geographr_points_nhs_trusts22.geojson"), encoding="utf-8") as f:
        trusts = [t for t in json.load(f)["features"] if t["properties"]["status"] == "open"]
    trust_codes = np.array([t["properties"]["nhs_trust22_code"] for t in trusts])
    trust_xy = np.array([t["geometry"]["coordinates"] for t in trusts])
    lon, lat = pwc["X"].to_numpy(), pwc["Y"].to_numpy()
    km_x = (lon[:, None] - trust_xy[None, :, 0]) * 111.32 * np.cos(np.radians(lat))[:, None]
    km_y = (lat[:, None] - trust_xy[None, :, 1]) * 110.57
    km = np.hypot(km_x, km_y)
    nearest = np.argsort(km, axis=1)[:, :5]
    frames = []
    for year in (2019, 2020):
        for admission in ("All", "Elective", "Emergency"):
            k = rng.integers(2, 6, n_lsoa)
            d = np.take_along_axis(km, nearest, axis=1)
            w = np.exp(-d / 12.0) * rng.gamma(2.0, 1.0, d.shape)
            w[np.arange(5)[None, :] >= k[:, None]] = 0
            w = w / w.sum(axis=1, keepdims=True)
            total = np.maximum(20, np.round(rng.lognormal(5.3, 0.35, n_lsoa))).astype(np.int64)
            if admission != "All":
                total = np.maximum(5, total // 2)
            counts = np.round(w * total[:, None]).astype(np.int64)
            rows, cols = np.nonzero(counts)
            totals = counts.sum(axis=1)
            frames.append(
                pd.DataFrame(
                    {
                        "catchment_year": year,
                        "admission_type": admission,
                        "lsoa11cd": lsoa_codes[rows],
                        "trust_code": trust_codes[nearest[rows, cols]],
                        "patients": counts[rows, cols],
                        "total_patients": totals[rows],
                        "proportion": np.round(counts[rows, cols] / totals[rows], 12),
                    }
                )
            )
    activity = pd.concat(frames, ignore_index=True)
    activity.to_csv(os.path.join(out, "trust_activity.csv"), index=False)

    # Proposal: every council wholly in the CCG holding most of its LSOAs.
    most = lookup.groupby(["LAD20CD", "CCG20CD", "CCG20NM"]).size().reset_index(name="n")
    most = most.sort_values(["LAD20CD", "n", "CCG20CD"], ascending=[True, False, True]).drop_duplicates("LAD20CD")
    most.rename(columns={"LAD20CD": "block_id", "CCG20CD": "footprint_id", "CCG20NM": "footprint_name"})[
        ["block_id", "footprint_id", "footprint_name"]
    ].to_csv(os.path.join(out, "proposal_councils_whole.csv"), index=False)

    print(
        f"make_inputs.py: {n_lsoa} LSOAs in {ccg_codes.size} CCGs, {len(practice_map)} mapped practices, "
        f"{len(registrations)} registration rows ({int(registrations.NUMBER_OF_PATIENTS.sum())} patients), "
        f"{len(activity)} activity rows for {trust_codes.size} trusts, {len(most)} councils in the proposal → {out}"
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
