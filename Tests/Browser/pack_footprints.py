"""The footprints each map of a report should draw, read from the review pack's own files.

Independent of the Swift code that draws the maps: the footprint codes come from the pack's
GeoJSON (`footprints_<layer>.geojson`, `proposal_<name>.geojson`: one feature per footprint,
`footprint_id` property) and, for a layer, also from its population table
(`population_<layer>.csv`: one row per footprint, plus the UNALLOCATED row of residents in no
footprint, which no map draws).

Which file a map draws is read from its SVG id, as the report names them:
  map-<layer>-<measure>, map-<layer>  footprints_<layer>.geojson (the Maps section)
  flowmap-<layer>                     footprints_<layer>.geojson (the Flows section)
  proposal-<name>-baseline            footprints_<baseline>.geojson (the Proposals section)
  proposal-<name>-proposal            proposal_<name>.geojson
"""

import csv
import json
import os

MEASURES = ("population", "retention", "net")


def geojson_footprints(path):
    """The `footprint_id` (any case) of every feature with a non-empty geometry, in file order."""
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    codes = []
    for feature in collection.get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("coordinates"):
            # Matched as the report's reader matches it, whatever the case: `propose` writes
            # FOOTPRINT_ID.
            properties = {k.lower(): v for k, v in (feature.get("properties") or {}).items()}
            codes.append(str(properties.get("footprint_id", "")))
    return codes


def table_footprints(path):
    """The `footprint_id` column of a pack table, UNALLOCATED left out."""
    with open(path, encoding="utf-8", newline="") as f:
        return [row["footprint_id"] for row in csv.DictReader(f) if row["footprint_id"] != "UNALLOCATED"]


class Pack:
    """A review pack's folder: its layers with footprints, its proposals and its baseline."""

    def __init__(self, folder):
        self.folder = folder
        names = sorted(os.listdir(folder))
        self.layers = [n[len("footprints_"):-len(".geojson")] for n in names
                       if n.startswith("footprints_") and n.endswith(".geojson")]
        self.proposals = [n[len("proposal_"):-len(".geojson")] for n in names
                          if n.startswith("proposal_") and n.endswith(".geojson")]
        self.baseline = None
        manifest = os.path.join(folder, "manifest.json")
        if os.path.exists(manifest):
            with open(manifest, encoding="utf-8") as f:
                self.baseline = (json.load(f).get("options") or {}).get("review.baseline")

    def path(self, name):
        return os.path.join(self.folder, name)

    def source(self, svg_id):
        """(file the map `svg_id` draws, layer or None) or None when the id follows no rule."""
        if svg_id.startswith("flowmap-") and svg_id[len("flowmap-"):] in self.layers:
            layer = svg_id[len("flowmap-"):]
            return f"footprints_{layer}.geojson", layer
        if svg_id.startswith("map-"):
            rest = svg_id[len("map-"):]
            # The longest layer name that fits: layers "icb" and "icb_bestfit" both exist.
            for layer in sorted(self.layers, key=len, reverse=True):
                if rest == layer or any(rest == f"{layer}-{m}" for m in MEASURES):
                    return f"footprints_{layer}.geojson", layer
        if svg_id.startswith("proposal-"):
            rest = svg_id[len("proposal-"):]
            if rest.endswith("-baseline") and self.baseline in self.layers:
                return f"footprints_{self.baseline}.geojson", self.baseline
            if rest.endswith("-proposal") and rest[:-len("-proposal")] in self.proposals:
                return f"proposal_{rest[:-len('-proposal')]}.geojson", None
        return None

    def expected(self, svg_id):
        """The footprint codes map `svg_id` must draw, each from every file that lists them:
        a list of (file, codes)."""
        source = self.source(svg_id)
        if source is None:
            return []
        file, layer = source
        lists = [(file, geojson_footprints(self.path(file)))]
        if layer is not None and os.path.exists(self.path(f"population_{layer}.csv")):
            lists.append((f"population_{layer}.csv", table_footprints(self.path(f"population_{layer}.csv"))))
        return lists
