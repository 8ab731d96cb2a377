/**
 * Text layout for the static figure: widths, ellipses and line breaks in
 * DejaVu Sans (dejavu-widths.ts), the font resvg draws the PNG's text with
 * (src/kernel/display/figure-png.ts). Sizes are in pixels.
 */
import { DEJAVU_SANS_WIDTHS } from './dejavu-widths';

/** Width in pixels of `text` at `size` px (characters not in the table count as wide as "n"). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const c of text) w += DEJAVU_SANS_WIDTHS[c] ?? DEJAVU_SANS_WIDTHS.n;
  return w * size;
}

/** `text` cut with an ellipsis so that it fits in `width` pixels. */
export function fitText(text: string, width: number, size: number): string {
  if (textWidth(text, size) <= width) {
    return text;
  }
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '...', size) > width) {
    chars.pop();
  }
  return chars.join('') + '...';
}

/**
 * `text` broken at spaces into lines that fit in `width` pixels (a word too
 * long for a line is cut with an ellipsis); at most `maxLines`, the last one
 * ending with an ellipsis when text is left over.
 */
export function wrapText(text: string, width: number, size: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size) <= width || !line) {
      line = next;
    } else {
      lines.push(fitText(line, width, size));
      line = word;
    }
  }
  if (line) {
    lines.push(fitText(line, width, size));
  }
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = fitText(`${kept[maxLines - 1]} ${lines[maxLines]}`, width, size).replace(/(\.\.\.)?$/, '...');
    return kept;
  }
  return lines;
}
