"""Pixel variety of a screenshot region: is there a picture in it, or only the page's white?"""

from PIL import Image

# A colour counts when it covers at least this share of the region: anti-aliased edges and
# text make hundreds of colours of a few pixels each, which say nothing about a picture.
SIGNIFICANT_SHARE = 0.002


def variety(image):
    """Colours in `image` (a PIL image): all distinct ones, the significant ones (each covering
    ≥ 0.2 % of the pixels), and the share of pixels that are not white."""
    rgb = image.convert("RGB")
    total = rgb.width * rgb.height
    if total == 0:
        return {"colours": 0, "significant": 0, "non_white": 0.0}
    counts = rgb.getcolors(maxcolors=total) or []
    white = sum(n for n, colour in counts if colour == (255, 255, 255))
    return {
        "colours": len(counts),
        "significant": sum(1 for n, _ in counts if n >= total * SIGNIFICANT_SHARE),
        "non_white": round(1 - white / total, 4),
    }


def crop(image, box):
    """`image` cut to `box` = [x, y, width, height] (page pixels), clamped to the image; None
    when nothing of the box is inside it."""
    x, y, w, h = box
    left, top = max(0, int(round(x))), max(0, int(round(y)))
    right, bottom = min(image.width, int(round(x + w))), min(image.height, int(round(y + h)))
    if right <= left or bottom <= top:
        return None
    return image.crop((left, top, right, bottom))


def open_png(path):
    return Image.open(path)
