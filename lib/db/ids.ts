// Time-ordered ids (UUID version 7, RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows keyed by
// them are appended at the right edge of their indexes instead of dirtying a random index page each, which
// keeps the WAL written per quiz attempt small (docs/decisions/067-attempt-write-volume.md).
import { randomFillSync } from "node:crypto";

const POOL_SIZE = 16 * 256;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** A UUIDv7 string such as "0193a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b"; ids made in later milliseconds sort after. */
export function uuidv7(now: number = Date.now()): string {
  if (offset + 10 > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const r = offset;
  offset += 10;
  const ms = Math.max(0, Math.floor(now));
  const hi = Math.floor(ms / 2 ** 16); // the top 32 of the 48 timestamp bits
  const lo = ms % 2 ** 16;
  const h = (n: number) => HEX[n & 0xff];
  return (
    h(hi >>> 24) + h(hi >>> 16) + h(hi >>> 8) + h(hi) + "-" +
    h(lo >>> 8) + h(lo) + "-" +
    h(0x70 | (pool[r] & 0x0f)) + h(pool[r + 1]) + "-" +
    h(0x80 | (pool[r + 2] & 0x3f)) + h(pool[r + 3]) + "-" +
    h(pool[r + 4]) + h(pool[r + 5]) + h(pool[r + 6]) + h(pool[r + 7]) + h(pool[r + 8]) + h(pool[r + 9])
  );
}
