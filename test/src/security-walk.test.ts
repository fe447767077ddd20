/**
 * The front door, walked as an attacker would: every route of the OpenAPI document, under many
 * spellings of its path (percent-encoded letters, double slashes, trailing slash, dot segments,
 * upper case, absolute-form request lines), without a token and with a token of the wrong role; then
 * request bodies and query strings generated from each route's schema. Nothing may answer 5xx, a
 * stranger gets only 401 or 404, and a refused request stores nothing.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { ADMIN_TOKEN, dbSnapshot, profile, snapshotDiff, testApp } from '../helpers.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  public: boolean;
  body?: Schema;
  query?: Schema;
}
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  example?: unknown;
  anyOf?: Schema[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
}

let app: FastifyInstance;
let db: Db;
const routes: Route[] = [];
const ids: Record<string, number> = {};
const tokens: Record<'org' | 'attendee', string> = { org: '', attendee: '' };
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

beforeAll(async () => {
  ({ app, db } = await testApp({ backupDir: '/tmp/musubi-walk-backups' }));
  const mm = async (method: Method, url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  ids.org = (await mm('POST', '/api/organizations', profile({ externalId: 'walk-jp', country: 'JP', languages: ['ja', 'en'] }))).id;
  ids.partner = (await mm('POST', '/api/organizations', profile({ externalId: 'walk-mn', country: 'MN', languages: ['mn', 'en'] }))).id;
  const event = await mm('POST', '/api/events', {
    name: 'Walk',
    city: 'Ulaanbaatar',
    timeZone: 'Asia/Ulaanbaatar',
    slotMinutes: 30,
    tables: ['A1', 'A2'],
    days: [{ date: '2026-12-10', open: '09:00', close: '12:00' }],
  });
  ids.event = event.id;
  ids.attendee = (await mm('POST', `/api/events/${event.id}/attendees`, { organizationId: ids.org, name: 'Yumi', languages: ['ja', 'en'] })).id;
  ids.partnerAttendee = (await mm('POST', `/api/events/${event.id}/attendees`, { organizationId: ids.partner, name: 'Bat', languages: ['mn', 'en'] })).id;
  ids.request = (await mm('POST', `/api/events/${event.id}/requests`, { fromAttendeeId: ids.attendee, toOrganizationId: ids.partner })).id;
  ids.meeting = (
    await mm('POST', `/api/events/${event.id}/meetings`, { attendeeIds: [ids.attendee, ids.partnerAttendee], slotStart: '2026-12-10T09:00:00+08:00' })
  ).id;
  const orgToken = await mm('POST', `/api/organizations/${ids.org}/tokens`, {});
  tokens.org = orgToken.token;
  ids.token = orgToken.id;
  tokens.attendee = (await mm('POST', `/api/attendees/${ids.attendee}/tokens`, {})).token;
  await app.matching.idle();
  ids.match = (await mm('GET', '/api/matches?limit=1')).items[0]?.id ?? 1;

  const doc = app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        { security?: unknown[]; requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: { in: string; name: string; schema: Schema }[] }
      >
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      routes.push({
        method: method.toUpperCase() as Method,
        path,
        public: Array.isArray(op.security) && op.security.length === 0,
        body: op.requestBody?.content?.['application/json']?.schema,
        query: query.length ? { type: 'object', properties: Object.fromEntries(query.map((p) => [p.name, p.schema])) } : undefined,
      });
    }
  }
}, 60_000);
afterAll(() => app?.close());

/** The id that fits each path: an organisation's under /organizations, a meeting's under /meetings… */
function concrete(path: string): string {
  const kind = /^\/api\/(\w+)\/\{id\}/.exec(path)?.[1];
  const id =
    { organizations: ids.org, events: ids.event, attendees: ids.attendee, requests: ids.request, meetings: ids.meeting, matches: ids.match, tokens: ids.token }[
      kind ?? ''
    ] ?? 1;
  return path.replace('{id}', String(id));
}

/** One way of writing a path that a router might still match. */
interface Spelling {
  encode: number[];
  upper: number[];
  doubleSlash: number | null;
  dot: number | null;
  dotDot: number | null;
  trailing: boolean;
  absolute: boolean;
}

const spelling: fc.Arbitrary<Spelling> = fc.record({
  encode: fc.uniqueArray(fc.nat(40), { maxLength: 4 }),
  upper: fc.uniqueArray(fc.nat(40), { maxLength: 3 }),
  doubleSlash: fc.option(fc.nat(6)),
  dot: fc.option(fc.nat(6)),
  dotDot: fc.option(fc.nat(6)),
  trailing: fc.boolean(),
  absolute: fc.boolean(),
});

/** Writes `path` with the spelling: letters %-encoded or upper-cased, `//`, `/./`, `/x/../`, `/` at the end, `http://host` in front. */
function spell(path: string, s: Spelling): string {
  const letters = [...path].map((_ch, i) => i).filter((i) => /[a-z]/.test(path[i]!));
  const chars = [...path];
  for (const n of s.upper) if (letters.length) chars[letters[n % letters.length]!] = chars[letters[n % letters.length]!]!.toUpperCase();
  for (const n of s.encode) {
    if (!letters.length) continue;
    const i = letters[n % letters.length]!;
    const code = path.charCodeAt(i).toString(16);
    chars[i] = `%${n % 2 ? code.toUpperCase() : code}`;
  }
  const segments = chars.join('').split('/');
  const at = (n: number) => 1 + (n % Math.max(1, segments.length - 1));
  if (s.dot !== null) segments.splice(at(s.dot), 0, '.');
  if (s.dotDot !== null) segments.splice(at(s.dotDot), 0, 'x', '..');
  if (s.doubleSlash !== null) segments.splice(at(s.doubleSlash), 0, '');
  let out = segments.join('/');
  if (s.trailing && !out.endsWith('/')) out += '/';
  return s.absolute ? `http://evil.example${out}` : out;
}

/** Every single trick alone, then fast-check's mixtures of them. */
const SINGLE: Spelling[] = [
  { encode: [0], upper: [], doubleSlash: null, dot: null, dotDot: null, trailing: false, absolute: false },
  { encode: [1, 2], upper: [], doubleSlash: null, dot: null, dotDot: null, trailing: false, absolute: false },
  { encode: [], upper: [0, 1, 2, 3], doubleSlash: null, dot: null, dotDot: null, trailing: false, absolute: false },
  { encode: [], upper: [], doubleSlash: 0, dot: null, dotDot: null, trailing: false, absolute: false },
  { encode: [], upper: [], doubleSlash: null, dot: 1, dotDot: null, trailing: false, absolute: false },
  { encode: [], upper: [], doubleSlash: null, dot: null, dotDot: 1, trailing: false, absolute: false },
  { encode: [], upper: [], doubleSlash: null, dot: null, dotDot: null, trailing: true, absolute: false },
  { encode: [], upper: [], doubleSlash: null, dot: null, dotDot: null, trailing: false, absolute: true },
];

async function inject(method: Method, url: string, headers: Record<string, string> = {}, payload?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
}

/** A raw HTTP/1.1 request on a real socket: the request line is sent exactly as written. */
function raw(port: number, method: string, target: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      if (method !== 'GET' && method !== 'DELETE') lines.push('Content-Type: application/json', 'Content-Length: 2');
      socket.write(`${lines.join('\r\n')}\r\n\r\n${method !== 'GET' && method !== 'DELETE' ? '{}' : ''}`);
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

describe('the route walk: every route × path spellings × no token or the wrong token', () => {
  it('finds the routes in the OpenAPI document, and only /health and the links in messages are public there', () => {
    expect(routes.length).toBeGreaterThan(40);
    // The links carry their own token (256 random bits, one person, one purpose): tested in messages and outcomes tests.
    expect(
      routes
        .filter((r) => r.public)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(['GET /api/feedback/{token}', 'GET /health', 'POST /api/unsubscribe/{token}', 'PUT /api/feedback/{token}']);
  });

  it('answers a stranger 401 or 404 on every route, however its path is spelled (every trick alone)', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.public)) {
      for (const s of [null, ...SINGLE]) {
        const url = s ? spell(concrete(route.path), s) : concrete(route.path);
        const res = await inject(route.method, url, {}, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        if (res.statusCode !== 401 && res.statusCode !== 404) wrong.push(`${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers a stranger 401 or 404 under mixed spellings (fast-check)', async () => {
    const closed = routes.filter((r) => !r.public);
    await fc.assert(
      fc.asyncProperty(fc.nat(closed.length - 1), spelling, async (n, s) => {
        const route = closed[n]!;
        const url = spell(concrete(route.path), s);
        const res = await inject(route.method, url, {}, route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
        expect([401, 404], `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`).toContain(res.statusCode);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 600, seed: 20261207 },
    );
  });

  it('never lets an organisation or attendee token through a matchmaker-only route, however spelled', async () => {
    // Matchmaker-only: what an organisation token is refused on its plain spelling.
    const matchmakerOnly: Route[] = [];
    for (const route of routes.filter((r) => !r.public)) {
      const res = await inject(
        route.method,
        concrete(route.path),
        { authorization: `Bearer ${tokens.org}` },
        route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      );
      if (res.statusCode === 403) matchmakerOnly.push(route);
    }
    expect(matchmakerOnly.length).toBeGreaterThan(15);
    await fc.assert(
      fc.asyncProperty(fc.nat(matchmakerOnly.length - 1), spelling, fc.constantFrom('org' as const, 'attendee' as const), async (n, s, who) => {
        const route = matchmakerOnly[n]!;
        const url = spell(concrete(route.path), s);
        const res = await inject(
          route.method,
          url,
          { authorization: `Bearer ${tokens[who]}` },
          route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        );
        expect([403, 404], `${who} ${route.method} ${url} → ${res.statusCode}`).toContain(res.statusCode);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('over a real socket too: absolute-form, encoded and dot-segment request lines get 401 or 404', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.public)) {
      const path = concrete(route.path);
      for (const target of [
        `http://evil.example${path}`,
        path.replace('/api/', '/%61pi/'),
        path.replace('/api/', '/api/./'),
        path.replace('/api/', '/x/../api/'),
        `//${path.slice(1)}`,
      ]) {
        const status = await raw(port, route.method, target);
        if (status !== 401 && status !== 404 && status !== 400) wrong.push(`${route.method} ${target} → ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    // The public routes stay open over the same socket.
    expect(await raw(port, 'GET', '/health')).toBe(200);
    expect(await raw(port, 'GET', '/docs/json')).toBe(200);
    expect(await raw(port, 'GET', '/')).toBe(200);
  });
});

/** Values that have broken services before: control characters, lone surrogates, huge numbers, formulas, deep nesting. */
const NASTY: unknown[] = [
  '',
  ' ',
  '\u200b\u200b',
  'a\r\nb',
  'x\u0000y',
  '\ud800',
  '=HYPERLINK("x")',
  '＝1+1',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  'x'.repeat(10_000),
  -1,
  0,
  2 ** 53 + 1,
  1e308,
  -1e308,
  1.5,
  true,
  null,
  [],
  {},
  [[[[[]]]]],
  { ja: '' },
  { xx: 'y' },
  '2026-02-30T25:00:00Z',
  'http://',
  'javascript:alert(1)',
];

/** A body shaped like the route's example, with one field (or one item) replaced by something nasty. */
function mutated(example: unknown): fc.Arbitrary<unknown> {
  if (example === null || typeof example !== 'object') return fc.constantFrom(...NASTY);
  const keys = Object.keys(example as object);
  return fc
    .record({ key: keys.length ? fc.constantFrom(...keys) : fc.constant('x'), value: fc.constantFrom(...NASTY), inner: fc.boolean() })
    .map(({ key, value, inner }) => {
      const copy = structuredClone(example) as Record<string, unknown>;
      const current = copy[key];
      if (inner && current && typeof current === 'object') {
        const innerKeys = Object.keys(current);
        if (innerKeys.length) (current as Record<string, unknown>)[innerKeys[0]!] = value;
        else copy[key] = value;
      } else copy[key] = value;
      return copy;
    });
}

function exampleOf(schema: Schema | undefined): unknown {
  if (!schema) return {};
  if (schema.example !== undefined) return schema.example;
  if (schema.$ref) return exampleOf((app.swagger() as { components: { schemas: Record<string, Schema> } }).components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.properties) return Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, exampleOf(v)]));
  return {};
}

describe('fuzzing bodies and query strings from the schemas', () => {
  it('answers every generated body below 500, problem+json when refused, and stores nothing on refusal', async () => {
    // DELETE takes no body and would remove the fixtures; backups write files: both are tested elsewhere.
    const writable = routes.filter((r) => !r.public && r.method !== 'GET' && r.method !== 'DELETE' && r.path !== '/api/backups');
    expect(writable.length).toBeGreaterThan(15);
    const failures: string[] = [];
    for (const route of writable) {
      const example = exampleOf(route.body);
      await fc.assert(
        fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: mutated(example) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }), async (body) => {
          await app.matching.idle();
          const before = dbSnapshot(db);
          const res = await inject(route.method, concrete(route.path), admin, body === undefined ? null : body);
          await app.matching.idle();
          if (res.statusCode >= 500) failures.push(`${route.method} ${route.path} ${JSON.stringify(body).slice(0, 120)} → ${res.statusCode}`);
          if (res.statusCode >= 400) {
            if (!/^application\/problem\+json/.test(String(res.headers['content-type'])))
              failures.push(`${route.method} ${route.path} → ${res.statusCode} not problem+json`);
            const changed = snapshotDiff(before, dbSnapshot(db));
            if (changed.length) failures.push(`${route.method} ${route.path} refused (${res.statusCode}) but changed ${changed.join(', ')}`);
          }
        }),
        { numRuns: 25, seed: 42 },
      );
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers every generated query string below 500, and 4xx as problem+json', async () => {
    const readable = routes.filter((r) => !r.public && r.method === 'GET');
    const value = fc.oneof(
      fc.constantFrom(
        '%00',
        '%ff',
        '-1',
        '0',
        '99999999999999999999',
        '9223372036854775808',
        '1e3',
        '0x10',
        ' 1',
        'true',
        '',
        '%E0%A4%A',
        '..%2F',
        '%u0041',
        '\u200b',
      ),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
      fc.integer().map(String),
    );
    const failures: string[] = [];
    for (const route of readable) {
      const names = Object.keys(route.query?.properties ?? {});
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.tuple(names.length ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 5 }).map(encodeURIComponent)) : fc.constant('x'), value),
            { maxLength: 4 },
          ),
          async (pairs) => {
            const url = `${concrete(route.path)}?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`;
            const res = await inject('GET', url, admin);
            if (res.statusCode >= 500) failures.push(`GET ${url} → ${res.statusCode} ${res.body.slice(0, 100)}`);
            if (res.statusCode >= 400 && !/^application\/problem\+json/.test(String(res.headers['content-type'])))
              failures.push(`GET ${url} → ${res.statusCode} not problem+json`);
          },
        ),
        { numRuns: 40, seed: 99 },
      );
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
