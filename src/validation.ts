import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ProblemField } from './http/problem.ts';

/**
 * The JSON Schema validators of the service. Bodies are validated strictly (no coercion, unknown
 * fields refused, every problem reported); query strings and the environment arrive as strings, so
 * their validator coerces "20" to 20 and "a" to ["a"].
 */
function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    strict: true,
    // Gives each error its schema, so a schema's `x-message` (and `x-code`) can replace Ajv's wording.
    verbose: true,
    // OpenAPI keywords that fastify-swagger reads and the validator must tolerate.
    keywords: ['example', 'x-message', 'x-code'],
  });
  addFormats.default(ajv, ['email', 'uri', 'date-time', 'date']);
  ajv.addFormat('country', { type: 'string', validate: isCountryCode });
  ajv.addFormat('language', { type: 'string', validate: isLanguageCode });
  ajv.addFormat('time-zone', { type: 'string', validate: isTimeZone });
  ajv.addFormat('line', { type: 'string', validate: isOneLine });
  ajv.addFormat('http-url', { type: 'string', validate: isHttpUrl });
  ajv.addFormat('text', { type: 'string', validate: isPlainText });
  return ajv;
}

export const bodyAjv = createAjv(false);
export const queryAjv = createAjv(true);

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** ISO 3166-1 alpha-2, checked against the ICU region list Node ships with (no code list to keep). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false; // DisplayNames.of throws on malformed codes
  const name = regionNames.of(code);
  return name !== code && name !== 'Unknown Region';
}

/** No control characters, no line or paragraph separators: safe in a calendar line, a CSV cell, a header. */
export function isOneLine(value: string): boolean {
  return !/[\p{Cc}\u2028\u2029]/u.test(value);
}

/** A web address someone can open: http or https, a host name, no spaces, no user:password@. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+/i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Tabs and line breaks allowed; other control characters (NUL, escape, …) are not. */
export function isPlainText(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return !/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.test(value);
}

/** ISO 639-1: two lower-case letters that ICU knows as a language. */
export function isLanguageCode(code: string): boolean {
  return /^[a-z]{2}$/.test(code) && languageNames.of(code) !== code;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/**
 * A field problem as validation finds it; the `code` values it gives are required, unknown-field,
 * format, enum, max-length, min-length, minimum, maximum, type, min-items, max-items, unique-items,
 * or a schema's own `x-code` (text, blank, clock, phone, http-url, edge-spaces).
 */
export type FieldProblem = Omit<ProblemField, 'row' | 'externalId'>;

/**
 * Turns Ajv errors into one readable problem per field. A failed `anyOf` (a text that is neither a
 * string nor a language map) would otherwise also report each branch's complaint at the same path;
 * the schema's `x-message` says in one sentence what was expected instead (used for `anyOf` and
 * `pattern`, whose own wording means nothing to a matchmaker).
 */
export function fieldProblems(errors: readonly ErrorObject[] | null | undefined, prefix = ''): FieldProblem[] {
  if (!errors) return [];
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (anyOfPaths.has(error.instancePath) && error.keyword !== 'anyOf') continue;
    const path =
      error.keyword === 'required'
        ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
        : error.keyword === 'additionalProperties'
          ? `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`
          : error.instancePath;
    const field = joinField(prefix, pointerToField(path));
    const described = describe(error);
    const key = `${field}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, ...described });
  }
  return out;
}

type Described = { message: string; code: string; params?: Record<string, unknown> };

const LIMITS: Record<string, [code: string, words: (limit: number) => string]> = {
  maxLength: ['max-length', (n) => `must be at most ${n} characters`],
  minLength: ['min-length', (n) => `must be at least ${n} characters`],
  maximum: ['maximum', (n) => `must be at most ${n}`],
  minimum: ['minimum', (n) => `must be at least ${n}`],
  maxItems: ['max-items', (n) => `must have at most ${n} items`],
  minItems: ['min-items', (n) => `must have at least ${n} items`],
};

function describe(error: ErrorObject): Described {
  const schema = error.parentSchema as { 'x-message'?: string; 'x-code'?: string; anyOf?: { const?: unknown }[] } | undefined;
  const custom = schema?.['x-message'];
  const params = error.params as Record<string, unknown>;
  // A choice between fixed words (a union of literals) is an enum, whatever the schema calls it.
  const choices = schema?.anyOf?.every((branch) => 'const' in branch) ? schema.anyOf.map((branch) => branch.const) : null;
  if (custom && (error.keyword === 'anyOf' || error.keyword === 'pattern')) {
    return choices ? { message: custom, code: 'enum', params: { values: choices } } : { message: custom, code: schema?.['x-code'] ?? error.keyword };
  }
  const limit = LIMITS[error.keyword];
  if (limit) return { message: limit[1](params.limit as number), code: limit[0], params: { limit: params.limit } };
  switch (error.keyword) {
    case 'anyOf':
      return { message: 'does not match any allowed form', code: 'anyOf' };
    case 'required':
      return { message: 'is required', code: 'required' };
    case 'additionalProperties':
      return { message: 'is not a known field', code: 'unknown-field' };
    case 'format':
      return { message: formatMessage(params.format as string), code: 'format', params: { format: params.format } };
    case 'enum':
      return { message: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}`, code: 'enum', params: { values: params.allowedValues } };
    case 'pattern':
      return { message: `must match ${params.pattern as string}`, code: 'pattern' };
    case 'type':
      return { message: error.message ?? 'has the wrong type', code: 'type', params: { type: params.type } };
    case 'uniqueItems':
      return { message: error.message ?? 'must not repeat an item', code: 'unique-items' };
    default:
      return { message: error.message ?? 'is invalid', code: error.keyword };
  }
}

function formatMessage(format: string): string {
  switch (format) {
    case 'country':
      return 'must be an ISO 3166-1 alpha-2 country code such as JP or MN';
    case 'language':
      return 'must be an ISO 639-1 language code such as ja, mn or en';
    case 'time-zone':
      return 'must be an IANA time zone such as Asia/Tokyo';
    case 'uri':
      return 'must be an absolute URL such as https://example.com';
    case 'email':
      return 'must be an e-mail address';
    case 'http-url':
      return 'must be a web address starting with http:// or https://, such as https://example.com';
    case 'line':
      return 'must be one line, without line breaks or control characters';
    case 'text':
      return 'must not hold control characters';
    default:
      return `must be a valid ${format}`;
  }
}

function pointerToField(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function joinField(prefix: string, field: string): string {
  if (!prefix) return field;
  return field ? `${prefix}.${field}` : prefix;
}

export type { ValidateFunction };
