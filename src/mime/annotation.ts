/** Text that goes into plotly: escaped, and the message of a figure with nothing to draw. */

/** plotly's text accepts a few HTML-like tags: file text is escaped as entities. */
export function plotlyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The message of a figure with nothing to draw, framed at the centre of the
 * map, as a plotly annotation (file text escaped).
 *
 * @example
 * layout.annotations = scene.empty ? [emptyAnnotation(scene.empty)] : [];
 */
export function emptyAnnotation(message: string) {
  // plotly breaks lines only at <br>: about 60 characters a line.
  const lines: string[] = [];
  for (const word of message.split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length < 60) {
      lines[last] += ` ${word}`;
    } else {
      lines.push(word);
    }
  }
  return {
    text: lines.map(plotlyText).join('<br>'),
    xref: 'paper',
    yref: 'paper',
    x: 0.5,
    y: 0.5,
    showarrow: false,
    align: 'left',
    bgcolor: 'rgba(255,255,255,0.92)',
    bordercolor: '#444',
    borderwidth: 1,
    borderpad: 8,
    font: { size: 13, color: '#222' }
  };
}

