import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IndexDump } from '../../matching/inverted-index.ts';

/**
 * The matching index's documents in one binary file beside the database, so that a restart builds
 * the index from typed arrays instead of parsing every profile's features (JSON) and rebuilding
 * each document. It is only a cache: each document carries the texts hash it was analysed from,
 * and the service takes it only for an organisation whose texts (and the analysis code, by the
 * fingerprint) still hash the same; anything else is loaded from organization_features or analysed
 * again, as without a snapshot. Written when the service stops, and after a start that had to
 * load much without one.
 *
 * Layout: "MSX1", the header's length (uint32 LE), the header (JSON: fingerprint, feature and
 * language names, keys, hashes, three field lengths per document), padded to 8 bytes; then every
 * feature id (int32), every count (uint16), every source (uint16), document after document.
 */
const MAGIC = 'MSX1';
const FIELDS = ['offers', 'needs', 'about'] as const;

export interface Snapshot {
  features: string[];
  langs: string[];
  docs: Map<number, { hash: string; fields: IndexDump['docs'][number]['fields'] }>;
}

interface Header {
  fingerprint: string;
  features: string[];
  langs: string[];
  keys: number[];
  hashes: string[];
  lengths: number[];
}

export function writeSnapshot(file: string, fingerprint: string, dump: IndexDump, hashOf: (key: number) => string | undefined): number {
  const docs = dump.docs.filter((d) => hashOf(d.key) !== undefined);
  const lengths: number[] = [];
  let total = 0;
  for (const { fields } of docs) {
    for (const field of FIELDS) {
      lengths.push(fields[field].ids.length);
      total += fields[field].ids.length;
    }
  }
  const header: Header = {
    fingerprint,
    features: dump.features,
    langs: dump.langs,
    keys: docs.map((d) => d.key),
    hashes: docs.map((d) => hashOf(d.key)!),
    lengths,
  };
  const json = Buffer.from(JSON.stringify(header));
  const headerEnd = align8(8 + json.length);
  const out = Buffer.alloc(headerEnd + total * 8);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  const ids = new Int32Array(out.buffer, out.byteOffset + headerEnd, total);
  const counts = new Uint16Array(out.buffer, out.byteOffset + headerEnd + total * 4, total);
  const sources = new Uint16Array(out.buffer, out.byteOffset + headerEnd + total * 6, total);
  let at = 0;
  for (const { fields } of docs) {
    for (const field of FIELDS) {
      const f = fields[field];
      ids.set(f.ids, at);
      counts.set(f.counts, at);
      sources.set(f.sources, at);
      at += f.ids.length;
    }
  }
  const staging = `${file}.${process.pid}.tmp`;
  writeFileSync(staging, out);
  renameSync(staging, file);
  return docs.length;
}

/** The snapshot in `file`, or null when there is none, it is unreadable, or another analysis made it. */
export function readSnapshot(file: string, fingerprint: string): Snapshot | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  try {
    if (bytes.toString('latin1', 0, 4) !== MAGIC) return null;
    const headerLength = bytes.readUInt32LE(4);
    const header = JSON.parse(bytes.toString('utf8', 8, 8 + headerLength)) as Header;
    if (header.fingerprint !== fingerprint) return null;
    const headerEnd = align8(8 + headerLength);
    const total = header.lengths.reduce((a, b) => a + b, 0);
    if (bytes.length !== headerEnd + total * 8) return null;
    // Typed arrays need aligned offsets: a copy when the file's buffer does not give them.
    const body = (bytes.byteOffset + headerEnd) % 8 === 0 ? bytes : Buffer.from(bytes);
    const ids = new Int32Array(body.buffer, body.byteOffset + headerEnd, total);
    const counts = new Uint16Array(body.buffer, body.byteOffset + headerEnd + total * 4, total);
    const sources = new Uint16Array(body.buffer, body.byteOffset + headerEnd + total * 6, total);
    const docs: Snapshot['docs'] = new Map();
    let at = 0;
    let l = 0;
    for (let d = 0; d < header.keys.length; d++) {
      const fields = {} as IndexDump['docs'][number]['fields'];
      for (const field of FIELDS) {
        const n = header.lengths[l++]!;
        fields[field] = { ids: ids.subarray(at, at + n), counts: counts.subarray(at, at + n), sources: sources.subarray(at, at + n) };
        at += n;
      }
      docs.set(header.keys[d]!, { hash: header.hashes[d]!, fields });
    }
    return { features: header.features, langs: header.langs, docs };
  } catch {
    return null;
  }
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;
