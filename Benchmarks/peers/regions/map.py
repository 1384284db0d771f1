"""Map flow-derived regions against the ICB boundaries of July 2022 (PNG).

    python map.py --crosswalk regions_crosswalk.csv --zones MSOA_FOLDER --icb ICB_FOLDER_OR_FILE --output map.png
                  [--title TEXT] [--zone-id MSOA11CD] [--summary regions_summary.csv]

Regions are the MSOAs of the crosswalk dissolved by footprint_id, filled in a qualitative palette coloured so
that neighbouring regions differ (greedy colouring of the region adjacency); the ICBs are drawn on top as black
outlines, so where a flow-derived boundary follows an ICB boundary the colour change sits on the black line.
Region labels: the region id (the trust receiving most of its residents' flow) at a point inside it. With
--summary, each label also gives the region's self-containment.
"""
import argparse
import glob
import os

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import adjacency_peer  # noqa: E402


def colours(regions):
    """Greedy colouring: regions sharing a boundary get different palette entries (largest first)."""
    # 'intersects' rather than 'touches': generalised boundaries of neighbours may overlap by a sliver.
    near = gpd.sjoin(regions[["geometry"]], regions[["geometry"]], predicate="intersects")
    near = near[near.index != near["index_right"]]
    nbrs = near.groupby(level=0)["index_right"].apply(set).to_dict()
    order = regions.geometry.area.sort_values(ascending=False).index
    colour = {}
    for r in order:
        used = {colour[n] for n in nbrs.get(r, ()) if n in colour}
        colour[r] = next(c for c in range(100) if c not in used)
    return regions.index.map(colour)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--crosswalk", required=True)
    p.add_argument("--zones", required=True)
    p.add_argument("--zone-id", default="MSOA11CD")
    p.add_argument("--icb", required=True)
    p.add_argument("--summary")
    p.add_argument("--title", default="Flow-derived regions vs ICBs (July 2022)")
    p.add_argument("--output", required=True)
    a = p.parse_args()
    zones = adjacency_peer.read_layer(a.zones, a.zone_id)
    x = pd.read_csv(a.crosswalk, dtype={"zone_id": str, "footprint_id": str})
    zones = zones.merge(x[["zone_id", "footprint_id"]], left_on=a.zone_id, right_on="zone_id")
    regions = zones.dissolve(by="footprint_id").reset_index()
    # Close the slivers between generalised MSOA boundaries so that only region boundaries are drawn.
    regions["geometry"] = regions.geometry.buffer(20).buffer(-20)
    regions["colour"] = colours(regions)
    icb = gpd.read_file(glob.glob(os.path.join(a.icb, "*.shp"))[0] if os.path.isdir(a.icb) else a.icb).to_crs(27700)
    fig, ax = plt.subplots(figsize=(11, 13), dpi=110)
    palette = plt.get_cmap("Pastel1").colors + plt.get_cmap("Set3").colors
    fill = [palette[c % len(palette)] for c in regions["colour"]]
    sc = {}
    if a.summary:
        s = pd.read_csv(a.summary, dtype={"region_id": str})
        sc = dict(zip(s["region_id"], s["self_containment"]))
    # London is too dense at the scale of England: an inset repeats it enlarged.
    inset = ax.inset_axes([0.0, 0.6, 0.36, 0.3])
    for axis, size in ((ax, 6.5), (inset, 7)):
        regions.plot(ax=axis, color=fill, edgecolor="#444444", linewidth=0.5)
        icb.boundary.plot(ax=axis, color="black", linewidth=1.2)
        for r in regions.itertuples():
            pt = r.geometry.representative_point()
            label = r.footprint_id + (f"\n{sc[r.footprint_id]:.2f}" if r.footprint_id in sc else "")
            axis.annotate(label, (pt.x, pt.y), ha="center", va="center", fontsize=size, color="#1a1a1a",
                          annotation_clip=True)
    inset.set_xlim(500000, 565000)
    inset.set_ylim(152000, 205000)
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_xlabel("")
    inset.set_ylabel("")
    inset.set_title("London", fontsize=8)
    ax.indicate_inset_zoom(inset, edgecolor="#888888")
    ax.set_title(f"{a.title}\n{len(regions)} regions (colours, grey edges; label = trust receiving most of the "
                 f"region's flow{', self-containment' if sc else ''}); black = ICB boundaries", fontsize=10)
    ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(a.output)
    print(f"map.py: {len(regions)} regions, {len(icb)} ICBs -> {a.output}")


if __name__ == "__main__":
    main()
