import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConceptEntry } from './lexicon.ts';

/** The glossary shipped in this folder (concepts.json); see README.md here to extend it. */
export function loadConcepts(path = join(dirname(fileURLToPath(import.meta.url)), 'concepts.json')): ConceptEntry[] {
  return JSON.parse(readFileSync(path, 'utf8')) as ConceptEntry[];
}
