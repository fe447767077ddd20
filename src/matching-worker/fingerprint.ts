import { createHash, hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fieldTexts, type Profile } from '../../matching/index.ts';

const MATCHING = resolve(dirname(fileURLToPath(import.meta.url)), '../../matching');

/**
 * What analysed features depend on besides the texts: the code of the text pipelines, the
 * lexicon and the feature extraction, and kuromoji's version. When any of it changes, every stored
 * feature row stops matching and is analysed again on the next start: nobody has to remember to
 * bump a version when the analysis changes.
 */
export function analysisFingerprint(): string {
  computed ??= computeFingerprint();
  return computed;
}

let computed: string | undefined;

function computeFingerprint(): string {
  const sha = createHash('sha256');
  const files = [...walk(join(MATCHING, 'text')), ...walk(join(MATCHING, 'lexicon')), join(MATCHING, 'features.ts'), join(MATCHING, 'stored-features.ts')];
  for (const file of files.sort()) sha.update(file.slice(MATCHING.length)).update('\0').update(readFileSync(file)).update('\0');
  sha.update(kuromojiVersion());
  return sha.digest('base64url').slice(0, 16);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|json)$/.test(name) ? [path] : [];
  });
}

function kuromojiVersion(): string {
  try {
    const pkg = resolve(MATCHING, '../node_modules/kuromoji/package.json');
    return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * The hash a stored feature row is checked against: the analysis fingerprint and the profile's texts.
 * One-shot (`crypto.hash`, the same digest as a Hash object fed both): a start-up checks every profile.
 */
export function textsHash(fingerprint: string, profile: Profile): string {
  return hash('sha1', fingerprint + JSON.stringify(fieldTexts(profile)), 'base64url');
}
