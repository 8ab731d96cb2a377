/**
 * Recognise an HDF5 (netCDF4) file from its first bytes, before handing it to
 * the HDF5 library: HDF5 does not fail cleanly on foreign or truncated files
 * (it prints a diagnostic stack and returns an invalid handle), so we check the
 * signature and the end-of-file address recorded in the superblock ourselves.
 *
 * Layout: HDF5 File Format Specification v3, section II.A ("Superblock").
 */

import { NotNetcdfError, TruncatedFileError, UnsupportedFormatError } from '../../errors';

const HDF5_SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bytes to read from the start of a file to run {@link checkHdf5Header}. */
export const HDF5_HEADER_BYTES = 4096;

export interface Hdf5Header {
  /** Where the superblock starts (0 or a power of two >= 512 when a user block precedes it). */
  superblockOffset: number;
  superblockVersion: number;
  /** Absolute file length the superblock records, or undefined if it is "undefined address". */
  endOfFile?: number;
}

function hasSignatureAt(bytes: Uint8Array, offset: number): boolean {
  if (offset + HDF5_SIGNATURE.length > bytes.length) {
    return false;
  }
  return HDF5_SIGNATURE.every((b, i) => bytes[offset + i] === b);
}

function readUint(view: DataView, offset: number, size: number): number | undefined {
  let value = 0;
  let allOnes = true;
  for (let i = size - 1; i >= 0; i--) {
    const byte = view.getUint8(offset + i);
    allOnes = allOnes && byte === 0xff;
    value = value * 256 + byte;
  }
  return allOnes ? undefined : value;
}

function describeStart(bytes: Uint8Array): string {
  if (bytes.length === 0) {
    return 'the file is empty';
  }
  const head = Array.from(bytes.subarray(0, 8));
  const printable = head.every(b => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f));
  if (printable) {
    return 'it starts with text, not the HDF5 signature';
  }
  const hex = head.map(b => b.toString(16).padStart(2, '0')).join(' ');
  return `no HDF5 signature; first bytes ${hex}`;
}

/**
 * Parse the superblock found in `head` (the first bytes of the file).
 * Returns undefined when there is no HDF5 signature.
 */
export function parseHdf5Header(head: Uint8Array): Hdf5Header | undefined {
  let offset = -1;
  for (let candidate = 0; candidate + 8 <= head.length; candidate = candidate === 0 ? 512 : candidate * 2) {
    if (hasSignatureAt(head, candidate)) {
      offset = candidate;
      break;
    }
  }
  if (offset < 0) {
    return undefined;
  }
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const version = view.getUint8(offset + 8);
  let sizeOfOffsets: number;
  let eofField: number;
  if (version === 0 || version === 1) {
    sizeOfOffsets = view.getUint8(offset + 13);
    // signature 8, versions 5, reserved 1... then K values and flags: 24 bytes (v1: +4),
    // followed by base, free-space, end-of-file addresses.
    const addresses = offset + 24 + (version === 1 ? 4 : 0);
    eofField = addresses + 2 * sizeOfOffsets;
  } else if (version === 2 || version === 3) {
    sizeOfOffsets = view.getUint8(offset + 9);
    // signature 8, version 1, sizes 2, flags 1, then base and extension addresses.
    eofField = offset + 12 + 2 * sizeOfOffsets;
  } else {
    return { superblockOffset: offset, superblockVersion: version };
  }
  if (![2, 4, 8].includes(sizeOfOffsets) || eofField + sizeOfOffsets > head.length) {
    return { superblockOffset: offset, superblockVersion: version };
  }
  const eof = readUint(view, eofField, sizeOfOffsets);
  // Addresses are relative to the base address, which is the superblock offset
  // for files written by the HDF5 library.
  return {
    superblockOffset: offset,
    superblockVersion: version,
    endOfFile: eof === undefined ? undefined : eof + offset
  };
}

/**
 * Check that `head` (the first {@link HDF5_HEADER_BYTES} bytes of a file of
 * `fileSize` bytes) is a complete HDF5 file, or throw a typed error naming `source`.
 *
 * @throws NotNetcdfError, UnsupportedFormatError, TruncatedFileError
 */
export function checkHdf5Header(source: string, head: Uint8Array, fileSize: number): Hdf5Header {
  const header = parseHdf5Header(head);
  if (header === undefined) {
    const magic = String.fromCharCode(...Array.from(head.subarray(0, 3)));
    if (magic === 'CDF') {
      throw new UnsupportedFormatError(
        source,
        'netCDF-3 (classic) file: this reader reads netCDF4/HDF5; convert it with `nccopy -k nc4`'
      );
    }
    throw new NotNetcdfError(source, describeStart(head));
  }
  if (header.endOfFile !== undefined && fileSize < header.endOfFile) {
    throw new TruncatedFileError(source, header.endOfFile, fileSize);
  }
  return header;
}
