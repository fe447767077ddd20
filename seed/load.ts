import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../src/db/client.ts';
import { prepareImport, rowsFromJson } from '../src/organizations/import.ts';
import { createOrganizationsRepository } from '../src/organizations/repository.ts';

const HERE = dirname(fileURLToPath(import.meta.url));

export function demoOrganizations(): unknown {
  return JSON.parse(readFileSync(join(HERE, 'organizations.json'), 'utf8'));
}

/**
 * Loads the demo organisations into an empty database, through the same validation as an import.
 * Returns how many were loaded; 0 when the database already has organisations (never overwrite work).
 */
export function loadDemoData(db: Db, opts: { force?: boolean } = {}): number {
  const repo = createOrganizationsRepository(db);
  if (!opts.force && repo.count() > 0) return 0;
  return repo.upsertMany(prepareImport(rowsFromJson(demoOrganizations()))).length;
}
