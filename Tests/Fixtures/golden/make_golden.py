"""Golden flow and population tables for the bundled demo data, computed with pandas.

An independent implementation of the measures in Sources/CatchmentAnalysis/Documentation.docc
/Measures.md, written directly from their definitions with pandas joins and group-bys; it
shares no code with the Swift package. Regenerate after changing data/:

    python3 -m venv .venv && .venv/bin/pip install pandas
    .venv/bin/python Tests/Fixtures/golden/make_golden.py

The Swift test GoldenTests compares the package's output with these files, byte for byte.
Numbers are written by the rules of Sources/CatchmentAnalysis/Documentation.docc/NumbersInOutputs.md,
implemented here with Python's own correctly rounded formatting: people to 2 decimal places,
ratios to 10 significant digits, both in fixed notation with trailing zeros dropped; the
`_full` summaries hold the exact values (Python's repr, the shortest round-trip form) for
`--full-precision`.
"""

from decimal import Decimal
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


# The practice map's name column for each code column (the CLI infers it the same way).
NAME_COLUMN = {"ONS_ICB_CODE": "ICB_NAME", "ONS_SUB_ICB_LOCATION_CODE": "SUB_ICB_LOCATION_NAME"}


def footprint_names(column: str) -> dict:
    """Footprint code -> name from the practice map (first row of each code); the lookup crosswalk
    of the golden run has no names, so both sides take these."""
    table = pd.read_csv(DATA / "gp_reg_pat_prac_map.csv", dtype=str, keep_default_na=False)
    table = table.drop_duplicates(column)
    return {code: name for code, name in zip(table[column], table[NAME_COLUMN[column]]) if code and name}


def fixed(text: str) -> str:
    """A decimal in fixed notation, trailing zeros after the point dropped, never "-0"."""
    out = format(Decimal(text), "f")
    if "." in out:
        out = out.rstrip("0").rstrip(".")
    return "0" if out in ("-0", "") else out


def people(value) -> str:
    return "" if pd.isna(value) else fixed(format(float(value), ".2f"))


def ratio(value) -> str:
    return "" if pd.isna(value) else fixed(format(float(value), ".9e"))


def exact(value) -> str:
    return "" if pd.isna(value) else fixed(repr(float(value)))


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


def summary(long: pd.DataFrame) -> pd.DataFrame:
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


def written(table: pd.DataFrame, ratio_format) -> pd.DataFrame:
    """The summary as the CLI writes it: people columns (whole numbers here) and ratios."""
    out = table.copy()
    for column in ["resident_registered", "registered_list", "retained", "inflow", "outflow", "net"]:
        out[column] = out[column].map(people)
    for column in ["retention", "capture"]:
        out[column] = out[column].map(ratio_format)
    return out


def named(table: pd.DataFrame, names: dict, columns: list) -> pd.DataFrame:
    """Inserts `<column>_name` (or `footprint_name` after footprint_id) after each code column."""
    out = table.copy()
    for column in columns:
        label = "footprint_name" if column == "footprint_id" else f"{column}_name"
        out.insert(out.columns.get_loc(column) + 1, label, out[column].map(lambda c: names.get(c, "")))
    return out


for layer, column, name in [("ICB23CD", "ONS_ICB_CODE", "icb"), ("SICBL23CD", "ONS_SUB_ICB_LOCATION_CODE", "sicbl")]:
    names = footprint_names(column)
    long = flows(layer, column)
    shown = named(long, names, ["residence_footprint", "registration_footprint"])
    shown["patients"] = shown["patients"].map(people)
    shown.to_csv(OUT / f"demo_flows_{name}.csv", index=False, lineterminator="\n")
    table = named(summary(long), names, ["footprint_id"])
    written(table, ratio).to_csv(OUT / f"demo_summary_{name}.csv", index=False, lineterminator="\n")
    written(table, exact).to_csv(OUT / f"demo_summary_{name}_full.csv", index=False, lineterminator="\n")
    populations(layer).to_csv(OUT / f"demo_populations_{name}.csv", index=False, lineterminator="\n")
