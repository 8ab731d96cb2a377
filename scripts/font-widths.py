"""Writes src/core/render/dejavu-widths.ts: the advance widths of DejaVu Sans (the
font the static PNG is drawn with, npm package dejavu-fonts-ttf) for printable
ASCII and the few other characters the figures use, so that the isomorphic layout
code places labels without loading the font.

    .venv/bin/python scripts/font-widths.py
"""
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
font = TTFont(ROOT / "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf")
em = font["head"].unitsPerEm
cmap = font.getBestCmap()
hmtx = font["hmtx"]
chars = [chr(c) for c in range(32, 127)] + list("°µ−±²³·×÷…éèàçü")
widths = {c: round(hmtx[cmap[ord(c)]][0] / em, 4) for c in chars if ord(c) in cmap}
body = ", ".join(f"{c!r}: {w}" for c, w in widths.items())  # Python's repr is a valid TS string here
out = f'''/**
 * Advance widths of DejaVu Sans (the font of the static PNG, shipped in the npm
 * package dejavu-fonts-ttf), in ems, for the characters figures use; written
 * by scripts/font-widths.py from the font file (do not edit). Layout only
 * (text.ts): the glyphs are drawn by resvg from the font itself.
 */
export const DEJAVU_SANS_WIDTHS: Record<string, number> = {{ {body} }};
'''
(ROOT / "src/core/render/dejavu-widths.ts").write_text(out)
print(len(widths), "widths")
