/**
 * The bad-input suite's fixtures and families of malformed values, shared by its case tables
 * (cases-*.ts) and its run (../bad-input.test.ts). Fixture ids are filled in by the run's beforeAll.
 */
import { profile } from '../../helpers.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** An exact status, one of several, or any 4xx where the exact code is debatable. */
export type Expected = number | readonly number[] | '4xx';

export interface Case {
  name: string;
  method: Method;
  /** `{jp}`, `{mn}`, `{event}`, `{table}`, `{attendeeJp}`, `{attendeeMn}`, `{interpreter}`, `{request}`, `{meeting}`, `{match}` are fixture ids. */
  url: string;
  headers?: Record<string, string>;
  /** An object (sent as JSON), a raw string or Buffer (give the content-type), or a thunk for either. */
  payload?: unknown;
  status: Expected;
  /** The field the problem's `errors` must name (`''` = the body as a whole). */
  field?: string;
}

// ---- fixtures (ids filled in by beforeAll) ----------------------------------------------------

export const F = { jp: 0, mn: 0, event: 0, table: 0, attendeeJp: 0, attendeeMn: 0, interpreter: 0, request: 0, meeting: 0, match: 0 };
export type FixtureKey = keyof typeof F;
export const NONE = 999_999; // an id no fixture has

export const JP_PROFILE = profile({
  externalId: 'jp-fixture',
  name: { ja: '株式会社サクラ繊維', en: 'Sakura Textiles' },
  country: 'JP',
  city: 'Tokyo',
  languages: ['ja', 'en'],
  sectors: ['繊維'],
  description: 'カシミヤ製品の輸入販売',
  offers: ['日本の百貨店への販路'],
  needs: ['高品質なカシミヤ糸'],
  contact: { name: '佐藤', email: 'sato@sakura.example.jp' },
});
export const MN_PROFILE = profile({ externalId: 'mn-fixture' });

// A profile that would be *new* if it were accepted, so a wrongly accepted request adds a row. Each
// case gets its own externalId, so one wrongly stored profile does not turn later cases into 409s.
let serial = 0;
export const newProfile = (over: Record<string, unknown> = {}) => profile({ externalId: `bad-input-${++serial}`, ...over });

export const SESSION = {
  name: 'IT Business Matching Ulaanbaatar',
  city: 'Ulaanbaatar',
  timeZone: 'Asia/Ulaanbaatar',
  days: [{ date: '2026-12-08', open: '09:00', close: '12:00', breaks: [{ start: '10:00', end: '10:30' }] }],
  slotMinutes: 30,
  tables: ['A1', 'A2'],
  allowOnline: true,
  requestTtlHours: 24,
};
export const SLOT_0900 = '2026-12-08T09:00:00+08:00';
export const SLOT_0930 = '2026-12-08T09:30:00+08:00';

export const attendeeBody =
  (over: Record<string, unknown> = {}) =>
  () => ({ organizationId: F.jp, name: 'Kenji Sato', languages: ['ja'], ...over });
export const interpreterBody = (over: Record<string, unknown> = {}) => ({ name: 'Oyuna B.', pairs: [['ja', 'mn']], ...over });
export const requestBody =
  (over: Record<string, unknown> = {}) =>
  () => ({ fromAttendeeId: F.attendeeMn, toOrganizationId: F.jp, ...over });
export const bookingBody =
  (over: Record<string, unknown> = {}) =>
  () => ({ attendeeIds: [F.attendeeJp, F.attendeeMn], slotStart: SLOT_0930, ...over });
export const without = (obj: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));

// ---- building blocks for the families -----------------------------------------------------------

export const INJECTIONS = [`' OR 1=1 --`, '<script>alert(1)</script>', 'DROP TABLE organizations;'];
export const HUGE = 'x'.repeat(100_000);
export const WRONG_STRINGS: [string, unknown][] = [
  ['a number', 42],
  ['an array', ['x']],
  ['null', null],
  ['an empty string', ''],
  ['only spaces', '   '],
  ['a 100,000-character string', HUGE],
];
export const q = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) search.append(k, one);
  return `?${search.toString()}`;
};
export const jsonRaw = (text: string | Buffer) => ({ headers: { 'content-type': 'application/json' }, payload: text });
export const csv = (text: string | Buffer, contentType = 'text/csv') => ({ headers: { 'content-type': contentType }, payload: text });

/** A value nested `depth` objects deep: {"a":{"a":…"x"…}}. */
export function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
export const DEEP_ARRAY_10K = '['.repeat(10_000) + ']'.repeat(10_000);
export const DEEP_OBJECT_10K = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
export const DEEP_ARRAY_100K = '['.repeat(100_000) + ']'.repeat(100_000);
/** Valid JSON around an invalid UTF-8 sequence (0xff 0xfe). */
export const badUtf8Json = (key: string) => Buffer.concat([Buffer.from(`{"${key}":"abc`), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
/** Just over the 1 MiB body limit of ordinary routes. */
export const overMiB = (key: string) => () => `{"${key}":"${'x'.repeat(1_100_000)}"}`;

/** Every route that takes a JSON body, with a body that is schema-valid (or close) for it. */
export const JSON_ROUTES: { method: Method; url: string; body: unknown; key: string }[] = [
  { method: 'POST', url: '/api/organizations', body: newProfile(), key: 'name' },
  { method: 'PUT', url: '/api/organizations/{jp}', body: JP_PROFILE, key: 'name' },
  { method: 'PATCH', url: '/api/organizations/{jp}', body: { city: 'Osaka' }, key: 'city' },
  { method: 'POST', url: '/api/organizations/{jp}/tokens', body: { label: 'laptop' }, key: 'label' },
  { method: 'PATCH', url: '/api/matches/{match}', body: { status: 'approved' }, key: 'note' },
  { method: 'POST', url: '/api/events', body: SESSION, key: 'name' },
  { method: 'PATCH', url: '/api/events/{event}', body: { name: 'Renamed' }, key: 'name' },
  { method: 'POST', url: '/api/events/{event}/tables', body: { names: ['B1'] }, key: 'names' },
  { method: 'POST', url: '/api/events/{event}/attendees', body: attendeeBody(), key: 'name' },
  { method: 'POST', url: '/api/events/{event}/interpreters', body: interpreterBody(), key: 'name' },
  { method: 'POST', url: '/api/events/{event}/requests', body: requestBody(), key: 'message' },
  { method: 'POST', url: '/api/requests/{request}/accept', body: {}, key: 'attendeeId' },
  { method: 'POST', url: '/api/requests/{request}/decline', body: {}, key: 'attendeeId' },
  { method: 'POST', url: '/api/events/{event}/meetings', body: bookingBody(), key: 'slotStart' },
  { method: 'PATCH', url: '/api/meetings/{meeting}', body: { slotStart: SLOT_0930 }, key: 'slotStart' },
  { method: 'POST', url: '/api/events/{event}/schedule', body: {}, key: 'replan' },
];

/** Routes with an `:id`, and a body to send with a bad id (params are validated before the body). */
export const ID_ROUTES: { method: Method; url: (id: string) => string; body?: unknown }[] = [
  { method: 'GET', url: (id) => `/api/organizations/${id}` },
  { method: 'PUT', url: (id) => `/api/organizations/${id}`, body: JP_PROFILE },
  { method: 'PATCH', url: (id) => `/api/organizations/${id}`, body: { city: 'Osaka' } },
  { method: 'DELETE', url: (id) => `/api/organizations/${id}` },
  { method: 'POST', url: (id) => `/api/organizations/${id}/tokens`, body: {} },
  { method: 'GET', url: (id) => `/api/organizations/${id}/suggestions` },
  { method: 'GET', url: (id) => `/api/matches/${id}` },
  { method: 'PATCH', url: (id) => `/api/matches/${id}`, body: { status: 'approved' } },
  { method: 'GET', url: (id) => `/api/events/${id}` },
  { method: 'PATCH', url: (id) => `/api/events/${id}`, body: { name: 'Renamed' } },
  { method: 'DELETE', url: (id) => `/api/events/${id}` },
  { method: 'POST', url: (id) => `/api/events/${id}/tables`, body: { names: ['B1'] } },
  { method: 'POST', url: (id) => `/api/events/${id}/attendees`, body: attendeeBody() },
  { method: 'POST', url: (id) => `/api/events/${id}/interpreters`, body: interpreterBody() },
  { method: 'POST', url: (id) => `/api/events/${id}/requests`, body: requestBody() },
  { method: 'POST', url: (id) => `/api/requests/${id}/accept`, body: {} },
  { method: 'POST', url: (id) => `/api/requests/${id}/decline`, body: {} },
  { method: 'POST', url: (id) => `/api/requests/${id}/cancel` },
  { method: 'POST', url: (id) => `/api/events/${id}/meetings`, body: bookingBody() },
  { method: 'PATCH', url: (id) => `/api/meetings/${id}`, body: { slotStart: SLOT_0930 } },
  { method: 'POST', url: (id) => `/api/meetings/${id}/cancel` },
  { method: 'DELETE', url: (id) => `/api/attendees/${id}` },
  { method: 'GET', url: (id) => `/api/events/${id}/agenda` },
  { method: 'POST', url: (id) => `/api/events/${id}/schedule`, body: {} },
];
export const BAD_IDS = ['abc', '0', '-1', '1.5', encodeURIComponent(`1' OR '1'='1`), encodeURIComponent('<script>alert(1)</script>')];

/** One CSV data row (with its header) from a valid profile, with some cells replaced. */
export function csvRow(over: Record<string, string>): string {
  const cells: Record<string, string> = {
    externalId: 'csv-1',
    name: 'Монгол Кашемир ХХК',
    kind: 'company',
    country: 'MN',
    city: 'Ulaanbaatar',
    languages: 'mn;en',
    description: 'Бид ноолууран утас үйлдвэрлэдэг.',
    offers: 'Ноолууран утас',
    needs: 'Japanese distribution partners',
    ...over,
  };
  const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${Object.keys(cells).join(',')}\n${Object.values(cells).map(quote).join(',')}\n`;
}
