// Transfer sizes: bytes gzipped the way the bench's server sends them.
import { constants, gzipSync } from 'node:zlib';

/** Size of the bytes gzipped at level 9 (what the bench's server sends; close to what a CDN sends). */
export function gzipSize(data: Buffer | string): number {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
}
