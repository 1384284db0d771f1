"""Arguments and column resolution shared by the pandas and polars peers (same job as catchment flows)."""
import argparse
import csv

UNALLOCATED = "UNALLOCATED"


def parse_args(tool: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=f"Flows with {tool}: registrations × LSOA lookup × practice map → long CSV "
        "residence_footprint,registration_footprint,patients (the same job as `catchment flows`)."
    )
    p.add_argument("--registrations", required=True)
    p.add_argument("--lookup", required=True)
    p.add_argument("--lookup-zone", required=True)
    p.add_argument("--lookup-footprint", required=True)
    p.add_argument("--practice-map", required=True)
    p.add_argument("--practice-footprint", required=True)
    p.add_argument("--output", required=True)
    return p.parse_args()


def header(path: str) -> list[str]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return next(csv.reader(f))


def column(names: list[str], *candidates: str, required: bool = True) -> str | None:
    """The file's own spelling of the first candidate found, matched case-insensitively."""
    lower = {n.strip().lower(): n for n in names}
    for c in candidates:
        if c.lower() in lower:
            return lower[c.lower()]
    if required:
        raise SystemExit(f"none of the columns {candidates} in header {names}")
    return None


def registration_columns(path: str) -> dict[str, str | None]:
    names = header(path)
    return {
        "unit": column(names, "PRACTICE_CODE"),
        "zone": column(names, "LSOA_CODE", "LSOA21CD", "LSOA11CD"),
        "count": column(names, "NUMBER_OF_PATIENTS", "Number.of.Patients", "Number of Patients"),
        "sex": column(names, "SEX", required=False),
    }
