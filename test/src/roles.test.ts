import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ADMIN_TOKEN, profile, testApp } from '../helpers.ts';

type Role = 'public' | 'revoked' | 'matchmaker' | 'orgA' | 'orgB' | 'attendeeA' | 'attendeeB';
const ROLES: Role[] = ['public', 'revoked', 'matchmaker', 'orgA', 'orgB', 'attendeeA', 'attendeeB'];

let app: FastifyInstance;
const token: Partial<Record<Role, string>> = { matchmaker: ADMIN_TOKEN };
const id: Record<string, number> = {};

beforeAll(async () => {
  ({ app } = await testApp({ backupDir: mkdtempSync(join(tmpdir(), 'musubi-roles-')) }));
  const mm = async (method: 'POST' | 'GET', url: string, payload?: object) => {
    const res = await app.inject({ method, url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  id.orgA = (await mm('POST', '/api/organizations', profile({ externalId: 'a', country: 'JP', languages: ['en'] }))).id;
  id.orgB = (await mm('POST', '/api/organizations', profile({ externalId: 'b', country: 'MN', languages: ['en'] }))).id;
  token.orgA = (await mm('POST', `/api/organizations/${id.orgA}/tokens`, {})).token;
  token.orgB = (await mm('POST', `/api/organizations/${id.orgB}/tokens`, {})).token;
  const revoked = await mm('POST', `/api/organizations/${id.orgA}/tokens`, {});
  token.revoked = revoked.token;
  await app.inject({ method: 'DELETE', url: `/api/tokens/${revoked.id}`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const event = await mm('POST', '/api/events', {
    name: 'E',
    city: 'Tokyo',
    timeZone: 'Asia/Tokyo',
    slotMinutes: 30,
    tables: ['T1', 'T2'],
    days: [{ date: '2026-12-10', open: '09:00', close: '12:00' }],
  });
  id.event = event.id;
  id.attendeeA = (await mm('POST', `/api/events/${event.id}/attendees`, { organizationId: id.orgA, name: 'A', languages: ['en'] })).id;
  id.attendeeB = (await mm('POST', `/api/events/${event.id}/attendees`, { organizationId: id.orgB, name: 'B', languages: ['en'] })).id;
  token.attendeeA = (await mm('POST', `/api/attendees/${id.attendeeA}/tokens`, {})).token;
  token.attendeeB = (await mm('POST', `/api/attendees/${id.attendeeB}/tokens`, {})).token;
  id.request = (await mm('POST', `/api/events/${event.id}/requests`, { fromAttendeeId: id.attendeeA, toOrganizationId: id.orgB })).id;
  id.meeting = (await mm('POST', `/api/events/${event.id}/meetings`, { attendeeIds: [id.attendeeA, id.attendeeB], slotStart: '2026-12-10T09:00:00+09:00' })).id;
  await app.matching.idle();
  id.match = (await mm('GET', '/api/matches')).items[0]?.id ?? 1;
  // The request went to B's contact by e-mail: its unsubscribe link is what a stranger may use.
  const message = app.outbox.list({ limit: 1, offset: 0 }).rows[0]!;
  id.message = message.id;
  link.unsubscribe = /#\/unsubscribe\/([\w-]+)/.exec(message.text)![1]!;
  link.feedback = app.outbox.createLink({
    purpose: 'feedback',
    email: 'b@example.org',
    meetingId: id.meeting,
    attendeeId: id.attendeeB,
    organizationId: id.orgB,
    lang: 'en',
  });
});
const link: Record<string, string> = {};
afterAll(() => app.close());

/** Who may pass the sign-in and role checks of each route (the answer may still be 404, 409 or 422). */
const MM: Role[] = ['matchmaker'];
const ANY: Role[] = ['matchmaker', 'orgA', 'orgB', 'attendeeA', 'attendeeB'];
const SIDE_A: Role[] = ['matchmaker', 'orgA', 'attendeeA'];
const PARTIES: Role[] = ['matchmaker', 'orgA', 'orgB', 'attendeeA', 'attendeeB'];
const ORG_A: Role[] = ['matchmaker', 'orgA'];
const SIDE_B: Role[] = ['matchmaker', 'orgB', 'attendeeB'];

interface Case {
  route: string;
  url: () => string;
  body?: () => object;
  allowed: Role[] | 'public';
}
const cases: Case[] = [
  { route: 'GET /health', url: () => '/health', allowed: 'public' },
  { route: 'GET /api/me', url: () => '/api/me', allowed: ANY },
  { route: 'GET /api/organizations', url: () => '/api/organizations', allowed: MM },
  { route: 'POST /api/organizations', url: () => '/api/organizations', body: () => ({}), allowed: MM },
  { route: 'POST /api/organizations/import', url: () => '/api/organizations/import', body: () => [], allowed: MM },
  { route: 'GET /api/organizations/{id}', url: () => `/api/organizations/${id.orgA}`, allowed: SIDE_A },
  { route: 'PUT /api/organizations/{id}', url: () => `/api/organizations/${id.orgA}`, body: () => ({}), allowed: ORG_A },
  { route: 'PATCH /api/organizations/{id}', url: () => `/api/organizations/${id.orgA}`, body: () => ({}), allowed: ORG_A },
  { route: 'DELETE /api/organizations/{id}', url: () => '/api/organizations/99999', allowed: MM },
  { route: 'POST /api/organizations/{id}/tokens', url: () => '/api/organizations/99999/tokens', body: () => ({}), allowed: MM },
  { route: 'GET /api/organizations/{id}/suggestions', url: () => `/api/organizations/${id.orgA}/suggestions`, allowed: SIDE_A },
  { route: 'GET /api/tokens', url: () => '/api/tokens', allowed: MM },
  { route: 'DELETE /api/tokens/{id}', url: () => '/api/tokens/99999', allowed: MM },
  { route: 'GET /api/matches', url: () => '/api/matches', allowed: MM },
  { route: 'GET /api/matches/{id}', url: () => `/api/matches/${id.match}`, allowed: MM },
  { route: 'PATCH /api/matches/{id}', url: () => '/api/matches/99999', body: () => ({ status: 'approved' }), allowed: MM },
  { route: 'POST /api/matches/rerank', url: () => '/api/matches/rerank', allowed: MM },
  { route: 'GET /api/matching/weights', url: () => '/api/matching/weights', allowed: MM },
  { route: 'POST /api/matching/weights/fits', url: () => '/api/matching/weights/fits', allowed: MM },
  { route: 'POST /api/matching/weights/fits/{id}/adopt', url: () => '/api/matching/weights/fits/99999/adopt', allowed: MM },
  { route: 'POST /api/matching/weights/reset', url: () => '/api/matching/weights/reset', allowed: MM },
  { route: 'GET /api/organizations/{id}/partners/{partnerId}', url: () => `/api/organizations/${id.orgA}/partners/${id.orgB}`, allowed: SIDE_A },
  { route: 'POST /api/matches/decisions', url: () => '/api/matches/decisions', body: () => ({ ids: [99999], status: 'approved' }), allowed: MM },
  { route: 'GET /api/matches/export', url: () => '/api/matches/export', allowed: MM },
  { route: 'GET /api/matches/{id}/history', url: () => `/api/matches/${id.match}/history`, allowed: MM },
  { route: 'POST /api/events', url: () => '/api/events', body: () => ({}), allowed: MM },
  { route: 'GET /api/events', url: () => '/api/events', allowed: ANY },
  { route: 'GET /api/events/{id}', url: () => `/api/events/${id.event}`, allowed: ANY },
  { route: 'PATCH /api/events/{id}', url: () => `/api/events/${id.event}`, body: () => ({}), allowed: MM },
  { route: 'DELETE /api/events/{id}', url: () => '/api/events/99999', allowed: MM },
  { route: 'POST /api/events/{id}/tables', url: () => `/api/events/${id.event}/tables`, body: () => ({}), allowed: MM },
  {
    route: 'POST /api/events/{id}/attendees',
    url: () => `/api/events/${id.event}/attendees`,
    body: () => ({ organizationId: id.orgA, name: 'X', languages: ['ja'] }),
    allowed: ORG_A,
  },
  { route: 'GET /api/events/{id}/attendees', url: () => `/api/events/${id.event}/attendees`, allowed: ANY },
  { route: 'DELETE /api/attendees/{id}', url: () => '/api/attendees/99999', allowed: MM },
  { route: 'POST /api/attendees/{id}/tokens', url: () => '/api/attendees/99999/tokens', body: () => ({}), allowed: MM },
  { route: 'POST /api/events/{id}/interpreters', url: () => `/api/events/${id.event}/interpreters`, body: () => ({}), allowed: MM },
  { route: 'GET /api/events/{id}/interpreters', url: () => `/api/events/${id.event}/interpreters`, allowed: MM },
  {
    route: 'POST /api/events/{id}/requests',
    url: () => `/api/events/${id.event}/requests`,
    body: () => ({ fromAttendeeId: id.attendeeA, toOrganizationId: id.orgB }),
    allowed: SIDE_A,
  },
  { route: 'GET /api/events/{id}/requests', url: () => `/api/events/${id.event}/requests`, allowed: ANY },
  { route: 'POST /api/requests/{id}/accept', url: () => `/api/requests/${id.request}/accept`, body: () => ({}), allowed: SIDE_B },
  { route: 'POST /api/requests/{id}/decline', url: () => `/api/requests/${id.request}/decline`, body: () => ({}), allowed: SIDE_B },
  { route: 'GET /api/requests/{id}/slots', url: () => `/api/requests/${id.request}/slots`, allowed: PARTIES },
  { route: 'PUT /api/requests/{id}/part', url: () => `/api/requests/${id.request}/part`, body: () => ({ part: 'morning' }), allowed: PARTIES },
  { route: 'PUT /api/matches/{id}/rules', url: () => '/api/matches/99999/rules', body: () => ({ rule: 'pinned' }), allowed: MM },
  {
    route: 'PUT /api/attendees/{id}/unavailable',
    url: () => `/api/attendees/${id.attendeeA}/unavailable`,
    body: () => ({ slots: [] }),
    allowed: SIDE_A,
  },
  { route: 'POST /api/requests/{id}/cancel', url: () => `/api/requests/${id.request}/cancel`, allowed: SIDE_A },
  // Pairing two attendees directly is a matchmaker's act; the sides book from an accepted request (tested in events.test.ts).
  {
    route: 'POST /api/events/{id}/meetings',
    url: () => `/api/events/${id.event}/meetings`,
    body: () => ({ attendeeIds: [id.attendeeA, id.attendeeB], slotStart: '2026-12-10T13:00:00+09:00' }),
    allowed: MM,
  },
  { route: 'GET /api/meetings/{id}', url: () => `/api/meetings/${id.meeting}`, allowed: PARTIES },
  { route: 'PATCH /api/meetings/{id}', url: () => `/api/meetings/${id.meeting}`, body: () => ({ slotStart: '2026-12-10T13:00:00+09:00' }), allowed: PARTIES },
  { route: 'POST /api/meetings/{id}/cancel', url: () => `/api/meetings/${id.meeting}/cancel`, allowed: PARTIES },
  { route: 'GET /api/events/{id}/agenda', url: () => `/api/events/${id.event}/agenda?attendeeId=${id.attendeeA}`, allowed: SIDE_A },
  { route: 'GET /api/events/{id}/figures', url: () => `/api/events/${id.event}/figures`, allowed: MM },
  { route: 'POST /api/events/{id}/schedule', url: () => `/api/events/${id.event}/schedule`, body: () => ({}), allowed: MM },
  // The event day: check-in, standby and figures are a matchmaker's; either side marks attendance.
  { route: 'GET /api/events/{id}/check-ins', url: () => `/api/events/${id.event}/check-ins?date=2026-12-10`, allowed: MM },
  {
    route: 'POST /api/events/{id}/check-ins',
    url: () => `/api/events/${id.event}/check-ins`,
    body: () => ({ attendeeId: id.attendeeA, status: 'present', date: '2026-12-10' }),
    allowed: MM,
  },
  { route: 'POST /api/meetings/{id}/attendance', url: () => `/api/meetings/${id.meeting}/attendance`, body: () => ({ outcome: 'held' }), allowed: PARTIES },
  { route: 'GET /api/events/{id}/attendance', url: () => `/api/events/${id.event}/attendance`, allowed: MM },
  { route: 'GET /api/events/{id}/standby', url: () => `/api/events/${id.event}/standby?date=2026-12-10`, allowed: MM },
  {
    route: 'POST /api/events/{id}/standby',
    url: () => `/api/events/${id.event}/standby`,
    body: () => ({ date: '2026-12-10', proposals: [{ attendeeIds: [id.attendeeA, id.attendeeB], slotStart: '2026-12-10T11:00:00+09:00' }] }),
    allowed: MM,
  },
  { route: 'GET /api/events/{id}/live', url: () => `/api/events/${id.event}/live`, allowed: MM },
  { route: 'GET /api/events/{id}/sheets', url: () => `/api/events/${id.event}/sheets?attendeeId=${id.attendeeA}`, allowed: SIDE_A },
  { route: 'GET /api/audit', url: () => '/api/audit', allowed: MM },
  { route: 'POST /api/backups', url: () => '/api/backups', allowed: MM },
  { route: 'GET /api/messages', url: () => '/api/messages', allowed: MM },
  { route: 'GET /api/messages/{id}', url: () => `/api/messages/${id.message}`, allowed: MM },
  { route: 'POST /api/events/{id}/sign-in-links', url: () => `/api/events/${id.event}/sign-in-links`, body: () => ({}), allowed: MM },
  // Public: the link in the message, scoped to one address and one kind of message, is the authorisation.
  { route: 'POST /api/unsubscribe/{token}', url: () => `/api/unsubscribe/${link.unsubscribe}`, body: () => ({}), allowed: 'public' },
  { route: 'GET /api/feedback/{token}', url: () => `/api/feedback/${link.feedback}`, allowed: 'public' },
  { route: 'PUT /api/feedback/{token}', url: () => `/api/feedback/${link.feedback}`, body: () => ({ tookPlace: false }), allowed: 'public' },
  { route: 'PUT /api/meetings/{id}/feedback', url: () => `/api/meetings/${id.meeting}/feedback`, body: () => ({ tookPlace: false }), allowed: PARTIES },
  { route: 'GET /api/outcomes', url: () => '/api/outcomes', allowed: MM },
];

describe('access by role', () => {
  it('covers every route of the API', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json();
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(cases.map((c) => c.route).sort()).toEqual(routes.sort());
  });

  for (const c of cases) {
    it.each(ROLES)(`${c.route} as %s`, async (role) => {
      const [method] = c.route.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'];
      const headers = token[role as Role] ? { authorization: `Bearer ${token[role as Role]}` } : {};
      const res = await app.inject({ method, url: c.url(), headers, ...(c.body ? { payload: c.body() } : {}) });
      if (c.allowed === 'public') expect(res.statusCode).toBe(200);
      else if (role === 'public' || role === 'revoked') expect(res.statusCode).toBe(401);
      else if (c.allowed.includes(role as Role)) expect([401, 403], `${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
      else expect(res.statusCode, res.body).toBe(403);
      expect(res.statusCode).toBeLessThan(500);
    });
  }
});

describe('data isolation', () => {
  const as = (role: Role, method: 'GET' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token[role]}` }, ...(payload ? { payload } : {}) });

  it("keeps B's contacts, profile and meetings away from A", async () => {
    expect((await as('orgA', 'GET', `/api/organizations/${id.orgB}`)).statusCode).toBe(403);
    expect((await as('orgA', 'PATCH', `/api/organizations/${id.orgB}`, { city: 'Hacked' })).statusCode).toBe(403);
    expect((await as('attendeeA', 'GET', `/api/events/${id.event}/agenda?attendeeId=${id.attendeeB}`)).statusCode).toBe(403);
    const attendees = (await as('orgA', 'GET', `/api/events/${id.event}/attendees`)).json().items;
    expect(attendees.length).toBeGreaterThan(0);
    expect(attendees.every((a: { organizationId: number }) => a.organizationId === id.orgA)).toBe(true);
    const suggestions = await as('orgA', 'GET', `/api/organizations/${id.orgA}/suggestions`);
    expect(suggestions.body).not.toContain('sales@cashmere.example.mn');
  });
});
