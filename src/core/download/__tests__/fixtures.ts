/** UMM-G records shaped as PO.DAAC publishes SWOT LR SSH granules (UMM-G 1.6). */

export const COLLECTION = 'SWOT_L2_LR_SSH_BASIC_2.0';
const ARCHIVE = 'https://archive.podaac.earthdata.nasa.gov/podaac-ops-cumulus-protected/SWOT_L2_LR_SSH_BASIC_2.0';
const PUBLIC = 'https://archive.podaac.earthdata.nasa.gov/podaac-ops-cumulus-public/SWOT_L2_LR_SSH_BASIC_2.0';

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');

/** A Basic granule of cycle `cycle`, pass `pass`; times from a fake but consistent clock. */
export function ummGranule(cycle: number, pass: number, options: { counter?: string; md5?: string; sizeInBytes?: number | null; track?: boolean } = {}) {
  const t0 = Date.UTC(2024, 11, 29, 16, 58, 6) + ((cycle - 26) * 584 + (pass - 165)) * 3086823;
  const t1 = t0 + 3087000;
  const ur = `SWOT_L2_LR_SSH_Basic_${String(cycle).padStart(3, '0')}_${String(pass).padStart(3, '0')}_${stamp(t0)}_${stamp(t1)}_${options.counter ?? 'PIC2_01'}`;
  const name = `${ur}.nc`;
  const md5 = options.md5 ?? (cycle * 1000 + pass).toString(16).padStart(32, '0');
  const info: Record<string, unknown> = {
    Name: name,
    Size: 45.0193,
    SizeUnit: 'MB',
    Checksum: { Value: md5.toUpperCase(), Algorithm: 'MD5' }
  };
  if (options.sizeInBytes !== null) info.SizeInBytes = options.sizeInBytes ?? 47205456 + pass;
  return {
    GranuleUR: ur,
    CollectionReference: { ShortName: COLLECTION, Version: '2.0' },
    TemporalExtent: { RangeDateTime: { BeginningDateTime: new Date(t0).toISOString(), EndingDateTime: new Date(t1).toISOString() } },
    SpatialExtent: {
      HorizontalSpatialDomain: {
        ...(options.track === false ? {} : { Track: { Cycle: cycle, Passes: [{ Pass: pass, Tiles: ['4L', '4R', '5L', '5R'] }] } }),
        Geometry: {
          GPolygons: [
            { Boundary: { Points: [{ Longitude: -61.2, Latitude: 30.1 }, { Longitude: -60.1, Latitude: 30.3 }, { Longitude: -58.9, Latitude: 44.7 }, { Longitude: -60.1, Latitude: 44.5 }, { Longitude: -61.2, Latitude: 30.1 }] } }
          ]
        }
      }
    },
    DataGranule: {
      DayNightFlag: 'Unspecified',
      ProductionDateTime: '2025-01-03T10:41:12.000Z',
      ArchiveAndDistributionInformation: [
        info,
        { Name: `${name}.md5`, SizeInBytes: 101, Size: 0.0001, SizeUnit: 'MB' }
      ]
    },
    RelatedUrls: [
      { URL: `s3://podaac-ops-cumulus-protected/SWOT_L2_LR_SSH_BASIC_2.0/${name}`, Type: 'GET DATA VIA DIRECT ACCESS', Description: 'This link provides direct download access via S3 to the granule' },
      { URL: `s3://podaac-ops-cumulus-protected/SWOT_L2_LR_SSH_BASIC_2.0/${name}`, Type: 'GET DATA', Description: 'S3 (same region only)' },
      { URL: `${PUBLIC}/${name}.md5`, Type: 'EXTENDED METADATA', Description: 'md5' },
      { URL: `${ARCHIVE}/${name}.md5`, Type: 'GET DATA', Description: 'checksum' },
      { URL: `${ARCHIVE}/${name}`, Type: 'GET DATA', Description: `Download ${name}` },
      { URL: `${PUBLIC}/${ur}.iso.xml`, Type: 'EXTENDED METADATA' },
      { URL: 'https://cmr.earthdata.nasa.gov/search/concepts/G3385637001-POCLOUD.xml', Type: 'EXTENDED METADATA' }
    ],
    MetadataSpecification: { URL: 'https://cdn.earthdata.nasa.gov/umm/granule/v1.6.5', Name: 'UMM-G', Version: '1.6.5' }
  };
}
