import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

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
    // Gives each error its schema, so a schema's `x-message` can replace Ajv's wording.
    verbose: true,
    // OpenAPI keywords that fastify-swagger reads and the validator must tolerate.
    keywords: ['example', 'x-message'],
  });
  addFormats.default(ajv, ['email', 'uri', 'date-time', 'date']);
  ajv.addFormat('country', { type: 'string', validate: isCountryCode });
  ajv.addFormat('language', { type: 'string', validate: isLanguageCode });
  ajv.addFormat('time-zone', { type: 'string', validate: isTimeZone });
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

export interface FieldProblem {
  /** Dotted path of the field, e.g. `offers.1` or `contact.email`; empty for the whole value. */
  field: string;
  message: string;
}

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
    const path = error.keyword === 'required'
      ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
      : error.keyword === 'additionalProperties'
        ? `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`
        : error.instancePath;
    const field = joinField(prefix, pointerToField(path));
    const message = messageFor(error);
    const key = `${field}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, message });
  }
  return out;
}

function messageFor(error: ErrorObject): string {
  const custom = (error.parentSchema as { 'x-message'?: string } | undefined)?.['x-message'];
  switch (error.keyword) {
    case 'anyOf':
      return custom ?? 'does not match any allowed form';
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field';
    case 'format':
      return formatMessage((error.params as { format: string }).format);
    case 'enum':
      return `must be one of: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'pattern':
      return custom ?? `must match ${(error.params as { pattern: string }).pattern}`;
    case 'maxLength':
      return `must be at most ${(error.params as { limit: number }).limit} characters`;
    default:
      return error.message ?? 'is invalid';
  }
}

function formatMessage(format: string): string {
  switch (format) {
    case 'country': return 'must be an ISO 3166-1 alpha-2 country code such as JP or MN';
    case 'language': return 'must be an ISO 639-1 language code such as ja, mn or en';
    case 'time-zone': return 'must be an IANA time zone such as Asia/Tokyo';
    case 'uri': return 'must be an absolute URL such as https://example.com';
    case 'email': return 'must be an e-mail address';
    default: return `must be a valid ${format}`;
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
