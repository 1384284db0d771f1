#!/usr/bin/env python3
"""The flows job in pandas (engine="pyarrow"): what an analyst would write today.

read lookup (zone → footprint) · read registrations · SEX rule (ALL rows only if any, else
MALE + FEMALE) · residence footprint via the lookup, registration footprint via the practice
map, unknowns → UNALLOCATED · group-by sum · long CSV sorted by residence then registration
code with UNALLOCATED last, non-zero cells only.
"""
import pandas as pd

from common_args import UNALLOCATED, header, column, parse_args, registration_columns


def main() -> None:
    a = parse_args("pandas")
    rc = registration_columns(a.registrations)
    usecols = [c for c in (rc["unit"], rc["zone"], rc["count"], rc["sex"]) if c]
    reg = pd.read_csv(
        a.registrations,
        engine="pyarrow",
        usecols=usecols,
        dtype={rc["unit"]: "string", rc["zone"]: "string", rc["count"]: "float64"},
    )
    if rc["sex"]:
        sex = reg[rc["sex"]].str.upper()
        keep = sex == "ALL" if (sex == "ALL").any() else sex.isin(["MALE", "FEMALE"])
        reg = reg[keep]

    lk_names = header(a.lookup)
    zone = column(lk_names, a.lookup_zone)
    fp = column(lk_names, a.lookup_footprint)
    lookup = pd.read_csv(a.lookup, engine="pyarrow", usecols=[zone, fp], dtype="string")
    lookup = lookup.drop_duplicates(subset=[zone]).set_index(zone)[fp]

    pm_names = header(a.practice_map)
    code = column(pm_names, "PRACTICE_CODE")
    pfp = column(pm_names, a.practice_footprint)
    pmap = pd.read_csv(a.practice_map, engine="pyarrow", usecols=[code, pfp], dtype="string")
    pmap = pmap.drop_duplicates(subset=[code]).set_index(code)[pfp]

    flows = pd.DataFrame(
        {
            "residence_footprint": reg[rc["zone"]].map(lookup).replace("", pd.NA).fillna(UNALLOCATED),
            "registration_footprint": reg[rc["unit"]].map(pmap).replace("", pd.NA).fillna(UNALLOCATED),
            "patients": reg[rc["count"]],
        }
    )
    out = flows.groupby(["residence_footprint", "registration_footprint"], sort=False)["patients"].sum().reset_index()
    out = out[out["patients"] != 0]
    out["_ra"] = out["residence_footprint"] == UNALLOCATED
    out["_rb"] = out["registration_footprint"] == UNALLOCATED
    out = out.sort_values(["_ra", "residence_footprint", "_rb", "registration_footprint"])
    # Whole numbers without a decimal point, as catchment writes them.
    if (out["patients"] % 1 == 0).all():
        out["patients"] = out["patients"].astype("int64")
    out[["residence_footprint", "registration_footprint", "patients"]].to_csv(a.output, index=False)


if __name__ == "__main__":
    main()
