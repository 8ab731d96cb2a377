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
