/** Runs of consecutive selected indices: what hyperslab reads are made of. */

export function runsOf(mask: Uint8Array): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] && start < 0) {
      start = i;
    } else if (!mask[i] && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  if (start >= 0) {
    runs.push([start, mask.length]);
  }
  return runs;
}

export function countRuns(runs: Array<[number, number]>): number {
  return runs.reduce((n, [a, b]) => n + b - a, 0);
}

/**
 * Runs of lines that belong to one pass: cycle and pass numbers constant
 * (per line, as collections and stores carry them). Without them, all the
 * lines are one run. Derivatives, spectra and per-pass statistics never cross
 * these boundaries.
 */
export function passRuns(
  lines: number,
  cycle?: ArrayLike<number | bigint>,
  pass?: ArrayLike<number | bigint>
): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= lines; i++) {
    if (i === lines || cycle?.[i] !== cycle?.[i - 1] || pass?.[i] !== pass?.[i - 1]) {
      runs.push([start, i]);
      start = i;
    }
  }
  return runs;
}
