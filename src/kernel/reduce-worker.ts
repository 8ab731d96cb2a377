/**
 * Worker thread of `stats` and `meanMap` (opens the dataset itself and reduces
 * its share of the units, whole passes) and of `diagnostics` (computes the
 * passes it is sent).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { computeDiagnostics } from '../core';
import { serializeError } from '../core/error-transfer';
import { mapUnits } from './maps';
import { open } from './open';
import { reduceUnits } from './stats';
import type { ReductionJob } from './workers';

async function run(job: ReductionJob): Promise<void> {
  if (job.kind === 'diagnostics') {
    const result = job.inputs.map(input => computeDiagnostics(input));
    // The fields' buffers move to the caller (no copy back).
    parentPort!.postMessage({ result }, [...new Set(result.flatMap(r => Object.values(r).map(v => v.data.buffer as ArrayBuffer)))]);
    return;
  }
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
  parentPort!.postMessage({ error: serializeError(error) });
});
