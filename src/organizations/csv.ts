import { parse } from 'csv-parse/sync';
import { invalid, malformed, type FieldError as ProblemField } from '../domain/errors.ts';
import type { ImportRow } from './import.ts';

/**
 * Reads a spreadsheet export (one organisation per row) into profile-shaped objects for the same
 * validation JSON imports go through. Spreadsheets are messy, so cells are trimmed, codes are
 * upper/lower-cased as the format wants, and "1,200" employees reads as 1200; anything still wrong
 * is left for the validator to name. Row numbers are the spreadsheet's: the header is row 1.
 */
export function readProfilesCsv(text: string): ImportRow[] {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    });
  } catch (error) {
    throw malformed('malformed-csv', `The CSV could not be read: ${(error as Error).message}`, [
      { field: '', message: (error as Error).message, code: 'malformed-csv', params: { line: (error as { lines?: number }).lines } },
    ]);
  }
  const [header, ...body] = records;
  if (!header) throw invalid('The CSV is empty', [{ row: 1, field: '', message: 'a header row is required', code: 'header-required' }]);

  const columns = header.map((name) => COLUMN_ALIASES[normalizeHeader(name)] ?? null);
  const problems: ProblemField[] = [];
  header.forEach((name, i) => {
    if (columns[i] === null && name.trim() !== '')
      problems.push({
        row: 1,
        field: name,
        message: `is not a known column (known: ${KNOWN_COLUMNS.join(', ')})`,
        code: 'unknown-column',
        params: { column: name, known: KNOWN_COLUMNS },
      });
  });
  if (!columns.includes('externalId'))
    problems.push({ row: 1, field: 'externalId', message: 'the column is required', code: 'column-required', params: { column: 'externalId' } });
  if (problems.length) throw invalid('The CSV header has problems', problems);

  const rows: ImportRow[] = [];
  body.forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      const value = record[i]?.trim();
      if (column && value) cells[column] = value;
    });
    rows.push({ row: index + 2, value: profileFromCells(cells), problems: rowProblems(cells, record.length > header.length) });
  });
  return rows;
}

const TEXT_FIELDS = ['name', 'description'] as const;
const LIST_TEXT_FIELDS = ['offers', 'needs'] as const;
const LANGS = ['ja', 'mn', 'en'] as const;

const KNOWN_COLUMNS = [
  'externalId',
  'name',
  'name_ja',
  'name_mn',
  'name_en',
  'name_latin',
  'kind',
  'country',
  'city',
  'website',
  'employees',
  'founded',
  'languages',
  'sectors',
  'description',
  'description_ja',
  'description_mn',
  'description_en',
  'offers',
  'offers_ja',
  'offers_mn',
  'offers_en',
  'needs',
  'needs_ja',
  'needs_mn',
  'needs_en',
  'sdgs',
  'contact_name',
  'contact_email',
  'contact_phone',
] as const;
type Column = (typeof KNOWN_COLUMNS)[number];

const COLUMN_ALIASES: Record<string, Column> = Object.fromEntries([
  ...KNOWN_COLUMNS.map((c) => [normalizeHeader(c), c]),
  ['external_id', 'externalId'],
  ['id', 'externalId'],
  ['email', 'contact_email'],
  ['phone', 'contact_phone'],
  ['sdg', 'sdgs'],
  ['sector', 'sectors'],
  ['language', 'languages'],
]);

function normalizeHeader(name: string): string {
  return name
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');
}

/** Tab-separated when the header has tabs and no commas (a paste from a spreadsheet), else comma. */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

/** Multi-valued cells: one value per line, or separated by ; (also the full-width ；). */
function splitList(cell: string | undefined, alsoComma = false): string[] {
  if (!cell) return [];
  const separator = alsoComma ? /[;；\r\n,、]+/u : /[;；\r\n]+/u;
  return cell
    .split(separator)
    .map((v) => v.trim())
    .filter(Boolean);
}

function toNumber(cell: string): number | string {
  const compact = cell.replace(/[,\s_]/g, '');
  return /^-?\d+$/.test(compact) ? Number(compact) : cell;
}

function profileFromCells(cells: Partial<Record<Column, string>>): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  if (cells.externalId) profile.externalId = cells.externalId;
  for (const field of TEXT_FIELDS) {
    const versions = Object.fromEntries(LANGS.flatMap((l) => (cells[`${field}_${l}`] ? [[l, cells[`${field}_${l}`]]] : [])));
    if (Object.keys(versions).length) profile[field] = versions;
    else if (cells[field]) profile[field] = cells[field];
  }
  for (const field of LIST_TEXT_FIELDS) {
    // Item i of offers_ja, offers_mn and offers_en is one text in several languages.
    const byLang = LANGS.map((l) => [l, splitList(cells[`${field}_${l}`])] as const);
    const length = Math.max(0, ...byLang.map(([, items]) => items.length));
    const aligned = Array.from({ length }, (_, i) => Object.fromEntries(byLang.flatMap(([l, items]) => (items[i] ? [[l, items[i]]] : []))));
    profile[field] = [...aligned, ...splitList(cells[field])];
  }
  if (cells.name_latin) profile.nameLatin = cells.name_latin;
  if (cells.kind) profile.kind = cells.kind.toLowerCase();
  if (cells.country) profile.country = cells.country.toUpperCase();
  if (cells.city) profile.city = cells.city;
  if (cells.website) profile.website = cells.website;
  if (cells.employees) profile.employees = toNumber(cells.employees);
  if (cells.founded) profile.founded = toNumber(cells.founded);
  profile.languages = splitList(cells.languages, true).map((l) => l.toLowerCase());
  if (cells.sectors) profile.sectors = splitList(cells.sectors);
  if (cells.sdgs) profile.sdgs = splitList(cells.sdgs, true).map((v) => toNumber(v.replace(/^sdgs?\s*/i, '')));
  const contact = {
    ...(cells.contact_name ? { name: cells.contact_name } : {}),
    ...(cells.contact_email ? { email: cells.contact_email } : {}),
    ...(cells.contact_phone ? { phone: cells.contact_phone } : {}),
  };
  if (Object.keys(contact).length) profile.contact = contact;
  return profile;
}

/** Problems only a spreadsheet can have; the rest is the validator's job. */
function rowProblems(cells: Partial<Record<Column, string>>, tooManyCells: boolean): ProblemField[] {
  const problems: ProblemField[] = [];
  if (tooManyCells) problems.push({ field: '', message: 'the row has more cells than the header has columns', code: 'too-many-cells' });
  for (const field of TEXT_FIELDS) {
    const hasVersions = LANGS.some((l) => cells[`${field}_${l}`]);
    const plain = cells[field];
    if (hasVersions && plain && !LANGS.some((l) => cells[`${field}_${l}`] === plain)) {
      problems.push({
        field,
        message: `give the text either in ${field} or in ${field}_ja / ${field}_mn / ${field}_en, not both`,
        code: 'text-twice',
        params: { column: field },
      });
    }
  }
  return problems;
}
