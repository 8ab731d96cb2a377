/** Worker thread of `stats`: opens the dataset itself and reduces its share of lines. */
import { parentPort, workerData } from 'node:worker_threads';
import { open } from './open';
import { reduceLines, StatsBy } from './stats';

interface Job {
  target: string | string[];
  variable: string;
  by?: StatsBy;
  start: number;
  stop: number;
}

async function run(job: Job): Promise<void> {
  const ds = await open(job.target);
  try {
    const result = await reduceLines(ds, job.variable, job.by, job.start, job.stop, () => parentPort!.postMessage({ block: true }));
    parentPort!.postMessage({ result });
  } finally {
    ds.close();
  }
}

run(workerData as Job).catch(error => {
  parentPort!.postMessage({ error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
});
