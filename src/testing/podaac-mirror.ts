/**
 * A PO.DAAC mirror on loopback (Node only) for the UI tests, the server-job
 * tests and the download benchmark: the SWOT product files of a folder (the
 * project's sample data) published as one CMR collection whose UMM-G records
 * carry each file's size and MD5, served by the granule server behind an
 * Earthdata bearer token, with Range. What `swot download --provider podaac`
 * meets at PO.DAAC, without the network.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseProductFileName } from '../core/product';
import { cmrHandler, CmrRecord, LoopbackServer, startLoopbackServer } from './cmr-thredds-server';
import { GranuleServer, startGranuleServer } from './granule-server';

export interface PodaacMirrorOptions {
  /** Folder whose SWOT product files (named as PO.DAAC names them) are published, recursively. */
  folder: string;
  /** The CMR short name they are published under, e.g. SWOT_L2_LR_SSH_BASIC_2.0. */
  collection: string;
  /** The bearer token the file host wants (EARTHDATA_TOKEN); none when undefined. */
  token?: string;
  /** Fixed port for the CMR (SWOT_CMR_URL known before it starts); a free one by default. */
  cmrPort?: number;
  /** Serve each file at about this many bytes per second (progress is then visible). */
  bytesPerSecond?: number;
}

export interface MirroredGranule {
  name: string;
  /** Path under the folder, '/' separated. */
  path: string;
  cycle: number;
  pass: number;
  size: number;
  md5: string;
}

export interface PodaacMirror {
  /** The CMR base URL (SWOT_CMR_URL). */
  cmrUrl: string;
  cmr: LoopbackServer;
  files: GranuleServer;
  granules: MirroredGranule[];
  close(): Promise<void>;
}

function md5Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('md5');
    createReadStream(path)
      .on('data', chunk => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/** The product files under `folder` that carry a cycle and a pass in their name, sorted by path. */
async function productFiles(folder: string): Promise<MirroredGranule[]> {
  const found: MirroredGranule[] = [];
  for (const entry of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = join(folder, entry);
    const id = parseProductFileName(entry);
    if (!id || id.cycle === undefined || id.pass === undefined || !statSync(full).isFile()) continue;
    found.push({ name: entry.split(sep).pop()!, path: relative(folder, full).split(sep).join('/'), cycle: id.cycle, pass: id.pass, size: statSync(full).size, md5: await md5Of(full) });
  }
  return found;
}

/** A UMM-G record as PO.DAAC publishes a SWOT LR SSH granule (the fields the engine reads). */
function ummRecord(g: MirroredGranule, collection: string, url: string): CmrRecord {
  const id = parseProductFileName(g.name)!;
  const ur = g.name.replace(/\.nc$/, '');
  return {
    shortName: collection,
    umm: {
      GranuleUR: ur,
      CollectionReference: { ShortName: collection, Version: collection.split('_').pop() },
      TemporalExtent: { RangeDateTime: { BeginningDateTime: id.timeStart, EndingDateTime: id.timeEnd } },
      SpatialExtent: { HorizontalSpatialDomain: { Track: { Cycle: g.cycle, Passes: [{ Pass: g.pass }] } } },
      DataGranule: {
        DayNightFlag: 'Unspecified',
        ArchiveAndDistributionInformation: [{ Name: g.name, SizeInBytes: g.size, Size: g.size / 1e6, SizeUnit: 'MB', Checksum: { Value: g.md5, Algorithm: 'MD5' } }]
      },
      RelatedUrls: [{ URL: url, Type: 'GET DATA', Description: `Download ${g.name}` }]
    }
  };
}

export async function startPodaacMirror(options: PodaacMirrorOptions): Promise<PodaacMirror> {
  const granules = await productFiles(options.folder);
  if (granules.length === 0) {
    throw new Error(`${options.folder}: no SWOT product file (named with its cycle and pass) to publish`);
  }
  const faults = options.bytesPerSecond ? Object.fromEntries(granules.map(g => [g.path, { bytesPerSecond: options.bytesPerSecond }])) : {};
  const files = await startGranuleServer({ root: options.folder, bearer: options.token, faults });
  const records = granules.map(g => ummRecord(g, options.collection, files.fileUrl(g.path)));
  let cmr: LoopbackServer;
  try {
    cmr = await startLoopbackServer(cmrHandler(records), options.cmrPort ?? 0);
  } catch (error) {
    await files.close();
    throw error;
  }
  return {
    cmrUrl: cmr.url,
    cmr,
    files,
    granules,
    close: async () => {
      await Promise.all([cmr.close(), files.close()]);
    }
  };
}
