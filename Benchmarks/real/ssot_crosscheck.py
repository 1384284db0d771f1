#!/usr/bin/env python3
"""Independent pandas cross-check of ssot_recode.sh's catchment runs, and the acceptance figures.

Computes on its own, from the real files (read in place):
- the LSOA 2021 → 2011 crosswalk from the bridge read in reverse with 2011 population weights
  (recode_lib.reverse_bridge_crosswalk), compared with catchment's crosswalk;
- the recode of the registrations (recode_lib.recode: largest remainder per row), compared with
  catchment's recoded file row for row (Benchmarks/recode/check_recode.py);
- the residence-ICB totals with and without recoding: each zone code through the LSOA 2011 → ICB
  2022 lookup, codes it does not know to UNALLOCATED — compared with catchment's flow tables;
and prints the acceptance figures (issue 12): patients with an English zone code counted (of
1,210,283), unknown zone codes (0 after recoding), whether a vintage warning appeared, the pseudo
codes (PROVENANCE.md: CLOSED 333, EMPTY 1,048, L99999999 4, M99999999 1) and how each ICB's
residence total moved. Written to OUT/acceptance.md too. Exit status 1 when a check fails.

Usage: ssot_crosscheck.py --real REAL_DIR --out OUT_DIR [--catchment-version TEXT]
"""
import argparse
import json
import os
import re
import subprocess
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "recode"))
from recode_lib import UNALLOCATED, read_crosswalk, read_table, recode, reverse_bridge_crosswalk  # noqa: E402

FILE_PATIENTS = 1_210_283
PSEUDO = {"CLOSED": 333, "EMPTY": 1_048, "L99999999": 4, "M99999999": 1}
KEEP = ["PRACTICE_CODE", "PRACTICE_NAME.x", "PCN_CODE", "PCN_NAME", "SUB_ICB_LOCATION_NAME", "ICB_CODE"]


def oneline(text: str) -> str:
    """A message on one line (reports may wrap)."""
    return re.sub(r"\s+", " ", text)


def residence_totals(flows_csv: str) -> pd.Series:
    f = pd.read_csv(flows_csv, dtype={"residence_footprint": "string"}, keep_default_na=False)
    return f.groupby("residence_footprint")["patients"].sum()


def tallies(report: dict, pattern: str) -> tuple[float, dict]:
    """Patients and codes of the report's exclusions and losses whose reason matches pattern."""
    amount, codes = 0.0, {}
    for t in report.get("exclusions", []) + report.get("losses", []):
        if re.search(pattern, t["reason"], re.I):
            amount += t["amount"]
            for c in t.get("codes", []):
                codes[c["code"]] = codes.get(c["code"], 0) + c["amount"]
    return amount, codes


def vintage_warnings(report: dict) -> list[str]:
    """Warnings about the zone codes' vintage (not, e.g., about footprint codes of another vintage)."""
    return [w for w in report.get("warnings", [])
            if re.search(r"vintage", w, re.I) and re.search(r"zone|LSOA|recode", w, re.I)]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--real", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--catchment-version", default="?")
    a = p.parse_args()
    real, out = a.real, a.out
    reg_path = f"{real}/gp_registrations/staffs_stoke_oct2025/SSOT_GP_Patients_Oct25_first8cols.csv"
    failures: list[str] = []
    lines: list[str] = []

    def say(s: str = "") -> None:
        lines.append(s)
        print(s)

    def check(ok: bool, what: str) -> str:
        if not ok:
            failures.append(what)
        return "ok" if ok else "FAILED"

    # --- inputs ------------------------------------------------------------------------------
    reg = read_table(reg_path, ["NUMBER_OF_PATIENTS"])
    n = reg["NUMBER_OF_PATIENTS"]
    zone = reg["LSOA_CODE"].str.strip()
    english = zone.str.fullmatch(r"E01\d{6}")
    bridge = pd.read_csv(f"{real}/lookups/geographr_converted/lookup_lsoa11_lsoa21_ltla22.csv", dtype="string")
    pop_t = pd.read_csv(f"{real}/population/SAPE20DT1_mid2017_LSOA_allages_EW_hsma.csv", dtype="string", encoding="utf-8-sig")
    pop = pd.Series(pop_t["All Ages"].str.replace(",", "").astype("float64").to_numpy(), index=pop_t["Area Codes"].str.strip())
    icb = pd.read_csv(f"{real}/lookups/geographr_converted/lookup_lsoa11_sicbl22_icb22_ltla22.csv", dtype="string")
    icb_of = icb.drop_duplicates("lsoa11_code").set_index("lsoa11_code")["icb22_code"]
    icb_name = icb.drop_duplicates("icb22_code").set_index("icb22_code")["icb22_name"]

    say("# Issue 12 acceptance: SSOT October 2025 registrations recoded LSOA 2021 → 2011")
    say()
    say(f"catchment {a.catchment_version}; files read in place from `{real}`; outputs in `{out}`.")
    say()
    say(f"- Registrations: {len(reg):,} rows, {int(n.sum()):,} patients "
        f"({check(int(n.sum()) == FILE_PATIENTS, 'file total')}: {FILE_PATIENTS:,} expected); "
        f"with an English zone code (E01…): {int(n[english].sum()):,} patients in {zone[english].nunique():,} codes.")
    pseudo_in_file = {c: int(n[zone == c].sum()) for c in PSEUDO}
    say(f"- Pseudo codes in the file: {', '.join(f'{c} {v:,}' for c, v in pseudo_in_file.items())} "
        f"({check(pseudo_in_file == PSEUDO, 'pseudo codes in the file')}: PROVENANCE.md)")

    # --- crosswalk ---------------------------------------------------------------------------
    own_cw = reverse_bridge_crosswalk(bridge, "lsoa11_code", "lsoa21_code", pop)
    cat_cw = read_crosswalk(f"{out}/crosswalk_lsoa21_lsoa11.csv")
    m = own_cw.merge(cat_cw, on=["zone_id", "footprint_id"], how="outer", suffixes=("_pandas", "_catchment"), indicator=True)
    diff = (m["weight_pandas"] - m["weight_catchment"]).abs().max()
    one_sided = int((m["_merge"] != "both").sum())
    cls = bridge.drop_duplicates(["lsoa11_code", "lsoa21_code"]).groupby("change_code")["lsoa21_code"].nunique()
    say(f"- Crosswalk 2021 → 2011: catchment {len(cat_cw):,} rows, pandas {len(own_cw):,}; pairs on one side only: {one_sided}; "
        f"largest weight difference {diff:.3g} ({check(one_sided == 0 and diff <= 1e-12, 'crosswalk')}); "
        f"2021 zones by change code {', '.join(f'{k} {v:,}' for k, v in cls.items())}; "
        f"zones given equal shares (a 2011 target with no or zero population): {int(own_cw.loc[own_cw.equal_fallback, 'zone_id'].nunique())}.")

    # --- recode ------------------------------------------------------------------------------
    checker = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "recode", "check_recode.py")

    def compare_recode(crosswalk: pd.DataFrame, tag: str) -> tuple[pd.DataFrame, subprocess.CompletedProcess, dict]:
        table = recode(reg, "LSOA_CODE", ["NUMBER_OF_PATIENTS"], KEEP, crosswalk)
        path = f"{out}/ssot_lsoa11_pandas{tag}.csv"
        table[[c for c in reg.columns if c in set(KEEP) | {"LSOA_CODE", "NUMBER_OF_PATIENTS"}]].to_csv(path, index=False)
        result = subprocess.run([sys.executable, checker, "--input", reg_path, "--zone-column", "LSOA_CODE",
                                 "--value-column", "NUMBER_OF_PATIENTS", "--json", f"{out}/check_recode{tag}.json",
                                 f"{out}/ssot_lsoa11.csv", path], capture_output=True, text=True)
        return table, result, json.load(open(f"{out}/check_recode{tag}.json"))

    own, r, chk = compare_recode(own_cw, "")
    ok = r.returncode == 0
    say(f"- Recoded file: catchment {chk['rows_a']:,} rows, pandas {chk['rows_b']:,}; {chk['rows_equal']:,} rows equal, "
        f"{chk['rows_only_a']:,} only in catchment's, {chk['rows_only_b']:,} only in pandas' "
        f"({'ok' if ok else 'different'}); patients {chk['total_NUMBER_OF_PATIENTS']['a']:,.0f}.")
    if not ok:
        say("  " + r.stdout.strip().replace("\n", "\n  "))
        # Weights equal to 1e-12 may still differ in their last bit, which can flip a tie of equal
        # fractional parts: recode again through catchment's own crosswalk to tell the two apart.
        _, r2, chk2 = compare_recode(cat_cw, "_catchment_crosswalk")
        say(f"  Through catchment's crosswalk: {chk2['rows_equal']:,} rows equal, {chk2['rows_only_a']:,} only in catchment's, "
            f"{chk2['rows_only_b']:,} only in pandas' ({check(r2.returncode == 0, 'recoded file against pandas')}).")
    same = open(f"{out}/flows_recoded.csv", "rb").read() == open(f"{out}/flows_recode_option.csv", "rb").read()
    say(f"- `flows --recode` against `recode` then `flows`: flow tables {'identical' if same else 'DIFFERENT'} byte for byte "
        f"({check(same, 'flows --recode = recode + flows')}).")

    # --- residence ICBs ----------------------------------------------------------------------
    def pandas_totals(codes: pd.Series, patients: pd.Series) -> pd.Series:
        res = codes.str.strip().map(icb_of).fillna(UNALLOCATED)
        return patients.groupby(res.to_numpy()).sum()

    runs = {}
    for name, flows_csv, report_json, table in (
        ("without recoding", "flows_2021.csv", "flows_2021.report.json", reg),
        ("recoded", "flows_recoded.csv", "flows_recoded.report.json", own),
    ):
        cat = residence_totals(f"{out}/{flows_csv}")
        pdt = pandas_totals(table["LSOA_CODE"], table["NUMBER_OF_PATIENTS"])
        report = json.load(open(f"{out}/{report_json}"))
        runs[name] = (cat, pdt, report)
        keys = sorted(set(cat.index) | set(pdt.index))
        agree = all(abs(cat.get(k, 0) - pdt.get(k, 0)) < 1e-6 for k in keys)
        counted = float(cat.drop(UNALLOCATED, errors="ignore").sum())
        unknown, unknown_codes = tallies(report, r"does not know|unrecognised")
        pseudo, pseudo_codes = tallies(report, r"pseudo")
        warnings = vintage_warnings(report)
        say()
        say(f"## Flows {name}")
        say()
        expect = name == "recoded"
        say(f"- Patients counted in a residence ICB: {counted:,.0f} of {FILE_PATIENTS:,} "
            f"(with an English zone code: {int(n[english].sum()):,})"
            + (f" ({check(round(counted) == int(n[english].sum()), 'every English patient counted')})" if expect else ""))
        say(f"- Unknown zone codes: {len(unknown_codes):,} codes, {unknown:,.0f} patients"
            + (f" ({check(unknown == 0, 'no unknown zone codes after recoding')})" if expect else ""))
        say(f"- Vintage warning: {'yes' if warnings else 'no'}"
            + (f" ({check(not warnings, 'no vintage warning after recoding')})" if expect else ""))
        for w in report.get("warnings", []):
            say(f"  - {'vintage warning' if w in warnings else 'other warning'}: {oneline(w)}")
        pc = {c: int(round(pseudo_codes.get(c, 0))) for c in PSEUDO}
        say(f"- Pseudo codes in catchment's report: {', '.join(f'{c} {v:,}' for c, v in pc.items())}, {pseudo:,.0f} patients "
            f"({check(pc == PSEUDO, f'pseudo codes reported ({name})')})")
        say(f"- Residence totals, catchment against pandas: {'identical' if agree else 'DIFFERENT'} over {len(keys)} footprints "
            f"({check(agree, f'ICB totals against pandas ({name})')})")

    before, after = runs["without recoding"][0], runs["recoded"][0]
    keys = sorted(set(before.index) | set(after.index), key=lambda k: (k == UNALLOCATED, k))
    say()
    say("## Residence ICB totals (catchment; pandas identical where marked ok above)")
    say()
    say("| ICB | name | without recoding | recoded | change | change % |")
    say("|---|---|---:|---:|---:|---:|")
    for k in keys:
        b, r_ = float(before.get(k, 0)), float(after.get(k, 0))
        pct = f"{(r_ - b) / b * 100:+.2f}" if b else "—"
        say(f"| {k} | {icb_name.get(k, '')} | {b:,.0f} | {r_:,.0f} | {r_ - b:+,.0f} | {pct} |")
    say(f"| total | | {before.sum():,.0f} | {after.sum():,.0f} | {after.sum() - before.sum():+,.0f} | |")
    say()
    say("## What catchment's crosswalk and recode reported")
    say()
    for step in ("crosswalk", "recode"):
        report = json.load(open(f"{out}/{step}.report.json"))
        say(f"- {step}: " + "; ".join(
            [f"{f['name']} {f['value']:,.10g}" for f in report.get("figures", [])]
            + [f"{t['reason']}: {t['rows']:,} rows, {t['amount']:,.10g} {t['unit']}" for t in report.get("exclusions", []) + report.get("losses", [])]))
        for kind in ("warnings", "notes"):
            for text in report.get(kind, []):
                say(f"  - {kind[:-1]}: {oneline(text)}")
    say()
    say("Result: " + ("all checks passed." if not failures else "FAILED: " + "; ".join(failures)))
    with open(f"{out}/acceptance.md", "w") as f:
        f.write("\n".join(lines) + "\n")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
