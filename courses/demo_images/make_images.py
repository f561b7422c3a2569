"""Draw the demo course images (flat illustrations, no text) with Pillow.

    .venv/bin/python courses/demo_images/make_images.py

writes one <course-address>.jpg per course next to this file, the same bytes every time
(no randomness). They are the academy's own work, dedicated to the public domain (CC0
1.0, see README.md here).
"""

import math
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
W, H = 1200, 675
NAVY, BLUE, SKY = (29, 63, 114), (44, 90, 160), (214, 228, 246)
RUST, SAND, GREEN = (163, 54, 27), (242, 183, 5), (30, 107, 52)
CREAM, INK, LEAF = (251, 246, 236), (33, 37, 41), (88, 160, 90)
SKIN = [(141, 85, 36), (198, 134, 66), (224, 172, 105), (241, 194, 125), (92, 56, 30)]
SHIRTS = [RUST, BLUE, GREEN, SAND, NAVY, (122, 37, 18), (90, 111, 143)]


def canvas(top, bottom):
    image = Image.new("RGB", (W, H), top)
    draw = ImageDraw.Draw(image)
    for y in range(H):
        t = y / (H - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (W, y)], fill=colour)
    return image, draw


def person(draw, x, y, size, i, arm_up=False):
    """A person standing with their feet at (x, y)."""
    head = size * 0.22
    body_top = y - size * 0.78
    draw.rounded_rectangle([x - size * 0.22, body_top, x + size * 0.22, y], radius=size * 0.16,
                           fill=SHIRTS[i % len(SHIRTS)])
    draw.ellipse([x - head, body_top - head * 2.1, x + head, body_top - head * 0.1],
                 fill=SKIN[i % len(SKIN)])
    if arm_up:
        shoulder = (x + size * 0.18, body_top + size * 0.1)
        hand = (x + size * 0.38, body_top - size * 0.4)
        draw.line([shoulder, hand], fill=SHIRTS[i % len(SHIRTS)], width=max(4, round(size * 0.1)))


def house(draw, x, y, w, h, wall, roof):
    draw.rectangle([x, y - h, x + w, y], fill=wall)
    roof_points = [(x - w * 0.08, y - h), (x + w / 2, y - h - w * 0.45), (x + w * 1.08, y - h)]
    draw.polygon(roof_points, fill=roof)
    for wx in (x + w * 0.18, x + w * 0.6):
        draw.rectangle([wx, y - h * 0.75, wx + w * 0.22, y - h * 0.5], fill=SKY)
    draw.rectangle([x + w * 0.4, y - h * 0.38, x + w * 0.6, y], fill=NAVY)


def tree(draw, x, y, size):
    draw.rectangle([x - size * 0.06, y - size * 0.5, x + size * 0.06, y], fill=(110, 72, 40))
    draw.ellipse([x - size * 0.35, y - size * 1.15, x + size * 0.35, y - size * 0.4], fill=LEAF)


def civic_building(draw, x, y, w, h):
    draw.rectangle([x, y - h, x + w, y], fill=CREAM)
    draw.polygon([(x - 20, y - h), (x + w / 2, y - h - w * 0.28), (x + w + 20, y - h)], fill=CREAM)
    columns = 6
    for c in range(columns):
        cx = x + w * (c + 0.5) / columns
        draw.rectangle([cx - 10, y - h + 20, cx + 10, y - 14], fill=(225, 218, 204))
    draw.rectangle([x - 30, y - 14, x + w + 30, y], fill=(200, 192, 178))


def governing(path):
    image, draw = canvas(SKY, (245, 248, 252))
    draw.ellipse([300, 330, 900, 560], fill=(139, 94, 60))  # the table
    draw.ellipse([320, 340, 880, 540], fill=(166, 117, 78))
    for k in range(10):
        angle = math.pi * (0.08 + 0.84 * k / 9)
        x = 600 + 380 * math.cos(angle)
        y = 470 - 150 * math.sin(angle)
        person(draw, x, y, 150, k)
    for k in range(4):
        person(draw, 360 + k * 160, 675, 190, k + 3, arm_up=k == 1)
    image.save(path, quality=82, optimize=True)


def housing(path):
    image, draw = canvas((255, 224, 170), SKY)
    draw.ellipse([880, 60, 1020, 200], fill=SAND)
    walls = [(196, 90, 60), (90, 111, 143), (230, 200, 150), (120, 150, 110), (180, 120, 150)]
    for k in range(5):
        house(draw, 40 + k * 235, 560, 190, 170 + (k % 2) * 60, walls[k], NAVY if k % 2 else RUST)
    draw.rectangle([0, 560, W, H], fill=(120, 120, 120))
    for k in range(6):
        person(draw, 120 + k * 190, 660, 110, k, arm_up=k == 2)
    image.save(path, quality=82, optimize=True)


def workers(path):
    image, draw = canvas((250, 232, 214), (255, 247, 235))
    civic_building(draw, 330, 430, 540, 250)
    draw.rectangle([0, 430, W, H], fill=(205, 196, 182))
    for row, (y, size) in enumerate(((560, 130), (675, 170))):
        for k in range(8 - row):
            person(draw, 90 + k * (150 + row * 20) + row * 40, y, size, k + row * 3,
                   arm_up=(k + row) % 3 == 0)
    image.save(path, quality=82, optimize=True)


def safety(path):
    image, draw = canvas((190, 215, 240), (236, 244, 236))
    draw.rectangle([0, 470, W, H], fill=(150, 190, 130))
    draw.rectangle([0, 540, W, 600], fill=(170, 170, 170))
    for k in range(4):
        house(draw, 60 + k * 300, 470, 170, 150, [(230, 200, 150), (196, 90, 60)][k % 2], NAVY)
    for x in (250, 560, 870, 1150):
        tree(draw, x, 470, 170)
    for k in range(7):
        person(draw, 110 + k * 165, 660 - (k % 2) * 30, 120, k, arm_up=k == 4)
    image.save(path, quality=82, optimize=True)


def budgets(path):
    image, draw = canvas((245, 248, 252), SKY)
    heights = [180, 260, 220, 340, 300, 420]
    colors = [BLUE, RUST, GREEN, SAND, NAVY, (122, 37, 18)]
    for k, (h, c) in enumerate(zip(heights, colors, strict=True)):
        draw.rectangle([110 + k * 110, 560 - h, 190 + k * 110, 560], fill=c)
    draw.line([(80, 560), (800, 560)], fill=INK, width=6)
    slices = [(0, 130, RUST), (130, 220, GREEN), (220, 300, SAND), (300, 360, BLUE)]
    for start, end, c in slices:
        draw.pieslice([840, 150, 1140, 450], start, end, fill=c)
    for k in range(5):
        person(draw, 880 + k * 70, 660, 110, k)
    image.save(path, quality=82, optimize=True)


def climate(path):
    image, draw = canvas((255, 214, 150), (214, 236, 246))
    draw.ellipse([70, 60, 250, 240], fill=SAND)
    for k, x in enumerate((820, 1000)):
        draw.line([(x, 460), (x, 190)], fill=(245, 245, 245), width=12)
        for a in range(3):
            angle = math.radians(90 + a * 120 + k * 20)
            draw.line([(x, 190), (x + 120 * math.cos(angle), 190 - 120 * math.sin(angle))],
                      fill=(245, 245, 245), width=10)
    for x in (380, 480, 590, 700):
        tree(draw, x, 470, 200)
    draw.rectangle([0, 460, W, 540], fill=(120, 170, 100))
    for band in range(3):
        y = 540 + band * 45
        points = [(x, y + 12 * math.sin(x / 60 + band)) for x in range(0, W + 20, 20)]
        draw.polygon(points + [(W, H), (0, H)], fill=(40 + band * 20, 110 + band * 20, 170))
    for k in range(5):
        person(draw, 150 + k * 200, 640, 110, k + 2, arm_up=k == 3)
    image.save(path, quality=82, optimize=True)


IMAGES = {
    "governing-as-an-organizer": governing,
    "housing-justice-from-the-dais": housing,
    "worker-power-in-local-government": workers,
    "reimagining-public-safety": safety,
    "peoples-budgets": budgets,
    "climate-justice-resilient-neighborhoods": climate,
}


if __name__ == "__main__":
    for slug, draw_it in IMAGES.items():
        draw_it(HERE / f"{slug}.jpg")
        print(HERE / f"{slug}.jpg")
