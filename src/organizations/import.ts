import { bodyAjv, fieldProblems } from '../validation.ts';
import { invalid, type FieldError as ProblemField } from '../domain/errors.ts';
import { OrganizationInput } from '../schemas/organizations.ts';
import { addSharedSchemas } from '../schemas/index.ts';
import { normalizeInput, type StoredProfile } from './model.ts';

/** One row of a bulk import, numbered as the user sees it (JSON: 1-based item; CSV: spreadsheet row). */
export interface ImportRow {
  row: number;
  value: unknown;
  /** Problems the reader already found (e.g. a CSV row with too many cells). */
  problems?: ProblemField[];
}

addSharedSchemas(bodyAjv);
const validateProfile = bodyAjv.compile<OrganizationInput>(OrganizationInput);

export const MAX_IMPORT_ROWS = 20_000;

export function rowsFromJson(body: unknown): ImportRow[] {
  if (!Array.isArray(body)) throw invalid('The body must be a JSON array of profiles', [{ field: '', message: 'must be an array', code: 'json-array' }]);
  return body.map((value, i) => ({ row: i + 1, value }));
}

/**
 * Validates every row before anything is stored, so that one answer names every problem
 * (row number, externalId, field, message) and a bad file stores nothing.
 */
export function prepareImport(rows: readonly ImportRow[], onProgress?: (checked: number) => void): StoredProfile[] {
  if (rows.length > MAX_IMPORT_ROWS) {
    throw invalid(`At most ${MAX_IMPORT_ROWS} profiles per import`, [
      { field: '', message: `has ${rows.length} rows`, code: 'too-many-rows', params: { limit: MAX_IMPORT_ROWS, count: rows.length } },
    ]);
  }
  const problems: ProblemField[] = [];
  const profiles: StoredProfile[] = [];
  const firstRowOf = new Map<string, number>();
  for (const [index, { row, value, problems: readerProblems = [] }] of rows.entries()) {
    if (onProgress && index % 500 === 0) onProgress(index);
    const externalId = externalIdOf(value);
    const at = (p: ProblemField): ProblemField => ({ row, ...(externalId ? { externalId } : {}), ...p });
    problems.push(...readerProblems.map(at));
    if (!validateProfile(value)) {
      problems.push(...fieldProblems(validateProfile.errors).map(at));
      continue;
    }
    const profile = normalizeInput(value);
    const first = firstRowOf.get(profile.externalId);
    if (first !== undefined) {
      problems.push(at({ field: 'externalId', message: `repeats row ${first}`, code: 'repeated-id', params: { row: first } }));
      continue;
    }
    firstRowOf.set(profile.externalId, row);
    profiles.push(profile);
  }
  onProgress?.(rows.length);
  if (problems.length) {
    const badRows = new Set(problems.map((p) => p.row)).size;
    throw invalid(`${badRows} of ${rows.length} rows have problems; nothing was imported`, problems, 'import-rows', { rows: badRows, total: rows.length });
  }
  return profiles;
}

function externalIdOf(value: unknown): string | undefined {
  const id = (value as { externalId?: unknown } | null)?.externalId;
  return typeof id === 'string' ? id : undefined;
}
