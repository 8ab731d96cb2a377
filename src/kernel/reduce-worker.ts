/** Worker thread of `stats` and `meanMap`: opens the dataset itself and reduces its share of lines. */
import { parentPort, workerData } from 'node:worker_threads';
import { mapLines } from './maps';
import { open } from './open';
import { reduceLines } from './stats';
import type { ReductionJob } from './workers';

async function run(job: ReductionJob): Promise<void> {
  const ds = await open(job.target);
  const onBlock = () => parentPort!.postMessage({ block: true });
  try {
    const result =
      job.kind === 'map'
        ? await mapLines(ds, job.variable, job.grid, job.start, job.stop, onBlock)
        : await reduceLines(ds, job.variable, job.by, job.start, job.stop, onBlock);
    parentPort!.postMessage({ result });
  } finally {
    ds.close();
  }
}

run(workerData as ReductionJob).catch(error => {
  parentPort!.postMessage({ error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
});
