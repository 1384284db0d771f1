"""Golden flow and population tables for the bundled demo data, computed with pandas.

An independent implementation of the measures in Sources/CatchmentAnalysis/Documentation.docc
/Measures.md, written directly from their definitions with pandas joins and group-bys; it
shares no code with the Swift package. Regenerate after changing data/:

    python3 -m venv .venv && .venv/bin/pip install pandas
    .venv/bin/python Tests/Fixtures/golden/make_golden.py

The Swift test GoldenTests compares the package's output with these files.
"""

from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "data"
OUT = Path(__file__).resolve().parent
UNALLOCATED = "UNALLOCATED"


def lookup(layer: str) -> pd.DataFrame:
    """Zone -> footprint from the ONS-style lookup (one row per LSOA, weight 1)."""
    table = pd.read_csv(DATA / "lsoa_sicbl_icb_lad_lookup.csv", dtype=str, encoding="utf-8-sig")
    table = table[["LSOA21CD", layer]].rename(columns={"LSOA21CD": "zone", layer: "footprint"})
    table["footprint"] = table["footprint"].fillna(UNALLOCATED)
    return table


def registrations() -> pd.DataFrame:
    table = pd.read_csv(DATA / "gp_reg_pat_prac_lsoa.csv", dtype=str)
    table["patients"] = table["NUMBER_OF_PATIENTS"].str.replace(",", "").astype("int64")
    # SEX rule: ALL rows when any exist, else MALE + FEMALE.
    if (table["SEX"] == "ALL").any():
        table = table[table["SEX"] == "ALL"]
    return table[["PRACTICE_CODE", "LSOA_CODE", "patients"]]


def practice_map(column: str) -> pd.DataFrame:
    table = pd.read_csv(DATA / "gp_reg_pat_prac_map.csv", dtype=str)
    return table[["PRACTICE_CODE", column]].rename(columns={column: "registration_footprint"})


def order(codes: pd.Series) -> pd.Series:
    """Byte order of codes with UNALLOCATED last."""
    return codes.map(lambda c: (c == UNALLOCATED, c.encode()))


def flows(layer: str, map_column: str) -> pd.DataFrame:
    rows = registrations().merge(lookup(layer), left_on="LSOA_CODE", right_on="zone", how="left")
    rows["residence_footprint"] = rows["footprint"].fillna(UNALLOCATED)
    rows = rows.merge(practice_map(map_column), on="PRACTICE_CODE", how="left")
    rows["registration_footprint"] = rows["registration_footprint"].fillna(UNALLOCATED)
    long = rows.groupby(["residence_footprint", "registration_footprint"], as_index=False)["patients"].sum()
    long = long[long["patients"] != 0]
    long = long.sort_values(["residence_footprint", "registration_footprint"], key=order)
    return long.reset_index(drop=True)


def summary(long: pd.DataFrame, map_column: str) -> pd.DataFrame:
    resident = long.groupby("residence_footprint")["patients"].sum()
    registered = long.groupby("registration_footprint")["patients"].sum()
    codes = sorted(set(resident.index) | set(registered.index), key=lambda c: (c == UNALLOCATED, c.encode()))
    same = long[long["residence_footprint"] == long["registration_footprint"]].set_index("residence_footprint")["patients"]
    table = pd.DataFrame({"footprint_id": codes})
    table["resident_registered"] = table["footprint_id"].map(resident).fillna(0).astype("int64")
    table["registered_list"] = table["footprint_id"].map(registered).fillna(0).astype("int64")
    table["retained"] = table["footprint_id"].map(same).fillna(0).astype("int64")
    table["retention"] = table["retained"] / table["resident_registered"].where(table["resident_registered"] > 0)
    table["capture"] = table["retained"] / table["registered_list"].where(table["registered_list"] > 0)
    table["inflow"] = table["registered_list"] - table["retained"]
    table["outflow"] = table["resident_registered"] - table["retained"]
    table["net"] = table["inflow"] - table["outflow"]
    # Practices the map puts in each footprint, and how many of them the registrations hold
    # (empty for UNALLOCATED and for footprints the map lacks).
    mapped = practice_map(map_column).dropna(subset=["registration_footprint"]).drop_duplicates("PRACTICE_CODE")
    in_file = mapped[mapped["PRACTICE_CODE"].isin(set(registrations()["PRACTICE_CODE"]))]
    table["practices_in_file"] = table["footprint_id"].map(in_file.groupby("registration_footprint").size()).astype("Int64")
    table["practices_in_map"] = table["footprint_id"].map(mapped.groupby("registration_footprint").size()).astype("Int64")
    # A footprint in the map none of whose practices is in the file: 0 of n, not empty.
    known = table["footprint_id"].isin(set(mapped["registration_footprint"]))
    table.loc[known, "practices_in_file"] = table.loc[known, "practices_in_file"].fillna(0)
    return table


def populations(layer: str) -> pd.DataFrame:
    pop = pd.read_csv(DATA / "population_lsoa_mid2022.csv", dtype=str)
    pop["population"] = pop["All Ages"].str.replace(",", "").astype("int64")
    joined = lookup(layer).merge(pop, left_on="zone", right_on="Area Codes", how="inner")
    totals = joined.groupby("footprint")["population"].sum()
    codes = sorted(lookup(layer)["footprint"].unique(), key=lambda c: (c == UNALLOCATED, c.encode()))
    table = pd.DataFrame({"footprint_id": codes})
    table["population"] = table["footprint_id"].map(totals).fillna(0).astype("int64")
    return table[(table["footprint_id"] != UNALLOCATED) | (table["population"] != 0)]


for layer, column, name in [("ICB23CD", "ONS_ICB_CODE", "icb"), ("SICBL23CD", "ONS_SUB_ICB_LOCATION_CODE", "sicbl")]:
    long = flows(layer, column)
    long.to_csv(OUT / f"demo_flows_{name}.csv", index=False, lineterminator="\n")
    summary(long, column).to_csv(OUT / f"demo_summary_{name}.csv", index=False, lineterminator="\n", float_format="%.17g")
    populations(layer).to_csv(OUT / f"demo_populations_{name}.csv", index=False, lineterminator="\n")
