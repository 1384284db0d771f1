"""The synthetic GP registrations model shared by the national benchmark generators.

`make_national.py` (LSOA 2021-style codes) and `../review/make_inputs.py` (the real LSOA 2011
codes) both call `practice_registrations`, so the two national registrations files come from one
model: practices with a home zone, each drawing its patients from zones near home (neighbours in
the zone list's order), counts falling with that distance, and a small share of rows at pseudo
residence codes and other nations' zones, as NHS England's files have them.
"""
import numpy as np
import pandas as pd

LETTERS = "ABCDEFGHJKLMNPY"
PSEUDO_CODES = np.array(["NO2011", "L99999999", "M99999999", "W01000123", "S01006789", "CLOSED", "EMPTY"])


def practice_codes(n_practice: int) -> tuple[np.ndarray, np.ndarray]:
    """ODS-style practice codes and names, one per practice."""
    codes = np.array([f"{LETTERS[i % len(LETTERS)]}{81001 + i:05d}" for i in range(n_practice)])
    names = np.array([f"SYNTHETIC MEDICAL PRACTICE {i + 1:04d}" for i in range(n_practice)])
    return codes, names


def practice_registrations(
    rng: np.random.Generator, prac_home: np.ndarray, zone_codes: np.ndarray, target_rows: int, extract_date: str
) -> pd.DataFrame:
    """The registrations file (NHS 'Patients Registered at a GP Practice' LSOA layout).

    Rows per practice are lognormal around target_rows / practices; each row's zone is the home
    zone's index plus a Student-t offset scaled by a per-practice spread (20–90 rows of the zone
    list); patients ~ lognormal(4.25, 1) / (1 + distance / 25), at least 1.
    """
    n_practice = prac_home.size
    n_zone = zone_codes.size
    codes, names = practice_codes(n_practice)
    per = rng.lognormal(0.0, 0.45, n_practice)
    per = np.maximum(5, np.round(per / per.sum() * target_rows * 1.9)).astype(int)
    prac_idx = np.repeat(np.arange(n_practice), per)
    spread = np.repeat(rng.uniform(20, 90, n_practice), per)
    offset = np.round(rng.standard_t(3, prac_idx.size) * spread).astype(np.int64)
    zone_idx = np.clip(prac_home[prac_idx] + offset, 0, n_zone - 1)
    pairs = np.unique(prac_idx.astype(np.int64) * n_zone + zone_idx)
    prac_idx = pairs // n_zone
    zone_idx = pairs % n_zone
    dist = np.abs(zone_idx - prac_home[prac_idx])
    patients = np.maximum(1, np.round(rng.lognormal(4.25, 1.0, pairs.size) / (1 + dist / 25.0))).astype(np.int64)
    zone = zone_codes[zone_idx].astype(object)

    # Pseudo residence codes and other nations: a small share of rows, never dropped by the tools.
    pseudo = rng.random(pairs.size) < 0.004
    zone[pseudo] = PSEUDO_CODES[rng.integers(0, PSEUDO_CODES.size, pseudo.sum())]

    registrations = pd.DataFrame(
        {
            "PUBLICATION": "GP_PRAC_PAT_LIST",
            "EXTRACT_DATE": extract_date,
            "PRACTICE_CODE": codes[prac_idx],
            "PRACTICE_NAME": names[prac_idx],
            "LSOA_CODE": zone,
            "SEX": "ALL",
            "NUMBER_OF_PATIENTS": patients,
        }
    )
    # Pseudo codes can collide with a real row of the same practice: merge them as NHS files do.
    return (
        registrations.groupby(
            ["PUBLICATION", "EXTRACT_DATE", "PRACTICE_CODE", "PRACTICE_NAME", "LSOA_CODE", "SEX"], sort=True
        )["NUMBER_OF_PATIENTS"]
        .sum()
        .reset_index()
    )
