#!/usr/bin/env python3
"""The flows job in polars (lazy, multi-threaded): what an analyst would write today.

read lookup (zone → footprint) · read registrations · SEX rule (ALL rows only if any, else
MALE + FEMALE) · residence footprint via the lookup, registration footprint via the practice
map, unknowns → UNALLOCATED · group-by sum · long CSV sorted by residence then registration
code with UNALLOCATED last, non-zero cells only.
"""
import polars as pl

from common_args import UNALLOCATED, header, column, parse_args, registration_columns


def main() -> None:
    a = parse_args("polars")
    rc = registration_columns(a.registrations)
    reg = pl.scan_csv(a.registrations, infer_schema=False).select(
        pl.col(rc["unit"]).alias("unit"),
        pl.col(rc["zone"]).alias("zone"),
        pl.col(rc["count"]).cast(pl.Float64).alias("patients"),
        *([pl.col(rc["sex"]).str.to_uppercase().alias("sex")] if rc["sex"] else []),
    )
    if rc["sex"]:
        is_all = pl.col("sex") == "ALL"
        reg = reg.filter(pl.when(is_all.any()).then(is_all).otherwise(pl.col("sex").is_in(["MALE", "FEMALE"])))

    lk_names = header(a.lookup)
    lookup = (
        pl.scan_csv(a.lookup, infer_schema=False)
        .select(
            pl.col(column(lk_names, a.lookup_zone)).alias("zone"),
            pl.col(column(lk_names, a.lookup_footprint)).alias("residence_footprint"),
        )
        .unique(subset="zone", keep="first")
    )
    pm_names = header(a.practice_map)
    pmap = (
        pl.scan_csv(a.practice_map, infer_schema=False)
        .select(
            pl.col(column(pm_names, "PRACTICE_CODE")).alias("unit"),
            pl.col(column(pm_names, a.practice_footprint)).alias("registration_footprint"),
        )
        .unique(subset="unit", keep="first")
    )

    def known(name: str) -> pl.Expr:
        c = pl.col(name)
        return pl.when(c.is_null() | (c == "")).then(pl.lit(UNALLOCATED)).otherwise(c).alias(name)

    out = (
        reg.join(lookup, on="zone", how="left")
        .join(pmap, on="unit", how="left")
        .with_columns(known("residence_footprint"), known("registration_footprint"))
        .group_by("residence_footprint", "registration_footprint")
        .agg(pl.col("patients").sum())
        .filter(pl.col("patients") != 0)
        .sort(
            pl.col("residence_footprint") == UNALLOCATED,
            "residence_footprint",
            pl.col("registration_footprint") == UNALLOCATED,
            "registration_footprint",
        )
        .collect()
    )
    # Whole numbers without a decimal point, as catchment writes them.
    if (out["patients"] % 1 == 0).all():
        out = out.with_columns(pl.col("patients").cast(pl.Int64))
    out.write_csv(a.output)


if __name__ == "__main__":
    main()
