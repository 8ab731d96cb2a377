/** Worker thread of `stats` and `meanMap`: opens the dataset itself and reduces its share of the units (whole passes). */
import { parentPort, workerData } from 'node:worker_threads';
import { mapUnits } from './maps';
import { open } from './open';
import { reduceUnits } from './stats';
import type { ReductionJob } from './workers';

async function run(job: ReductionJob): Promise<void> {
  const ds = await open(job.target);
  const onBlock = () => parentPort!.postMessage({ block: true });
  try {
    const result =
      job.kind === 'map'
        ? await mapUnits(ds, job.variable, job.grid, job.spans, onBlock)
        : await reduceUnits(ds, job.variable, job.by, job.spans, onBlock);
    parentPort!.postMessage({ result });
  } finally {
    ds.close();
  }
}

run(workerData as ReductionJob).catch(error => {
  parentPort!.postMessage({ error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
});
