/** A text progress bar: one line rewritten with "\r" (notebook cells and terminals both honour it). */
export type Progress = (done: number, total: number) => void;

export function progressBar(label: string, write: (text: string) => void = t => void process.stdout.write(t)): Progress {
  let last = -1;
  return (done, total) => {
    const fraction = total > 0 ? done / total : 1;
    const percent = Math.floor(fraction * 100);
    if (percent === last && done !== total) {
      return;
    }
    last = percent;
    const width = 30;
    const filled = Math.round(fraction * width);
    write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent}% (${done}/${total})${done === total ? '\n' : ''}`);
  };
}

export function resolveProgress(option: boolean | Progress | undefined, label: string): Progress | undefined {
  return option === true ? progressBar(label) : typeof option === 'function' ? option : undefined;
}
