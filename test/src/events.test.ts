import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admin, profile, testApp } from '../helpers.ts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

let app: FastifyInstance;
let clock: Date;
let call: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
let org: Record<string, number>;

// An Ulaanbaatar session on 8 December 2026: 09:00–12:00 local (01:00–04:00 UTC), lunch 10:00–10:30.
const UB_SESSION = {
  name: 'IT Business Matching Ulaanbaatar',
  city: 'Ulaanbaatar',
  timeZone: 'Asia/Ulaanbaatar',
  days: [{ date: '2026-12-08', open: '09:00', close: '12:00', breaks: [{ start: '10:00', end: '10:30' }] }],
  slotMinutes: 30,
  tables: ['A1'],
  allowOnline: true,
  requestTtlHours: 24,
};

beforeEach(async () => {
  clock = new Date('2026-12-01T00:00:00Z');
  ({ app } = await testApp({ now: () => clock }));
  call = (opts) => app.inject({ ...opts, headers: { ...admin, ...opts.headers } });
  org = {};
  for (const [externalId, country] of [
    ['jp-a', 'JP'],
    ['jp-b', 'JP'],
    ['mn-a', 'MN'],
    ['mn-b', 'MN'],
  ] as const) {
    org[externalId] = (await call({ method: 'POST', url: '/api/organizations', payload: profile({ externalId, country }) })).json().id;
  }
});
afterEach(() => app.close());

async function createEvent(overrides: Record<string, unknown> = {}) {
  const res = await call({ method: 'POST', url: '/api/events', payload: { ...UB_SESSION, ...overrides } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function attendee(eventId: number, organizationId: number, extra: Record<string, unknown> = {}) {
  const res = await call({
    method: 'POST',
    url: `/api/events/${eventId}/attendees`,
    payload: { organizationId, name: `Person of ${organizationId}`, languages: ['mn'], ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const book = (eventId: number, payload: Record<string, unknown>) => call({ method: 'POST', url: `/api/events/${eventId}/meetings`, payload });

describe('matching sessions', () => {
  it('generates slots with the break, shown in UTC and in Ulaanbaatar time', async () => {
    const event = await createEvent();
    expect(event.slots.map((s: { local: string }) => s.local)).toEqual([
      '2026-12-08T09:00',
      '2026-12-08T09:30',
      '2026-12-08T10:30',
      '2026-12-08T11:00',
      '2026-12-08T11:30',
    ]);
    expect(event.slots[0].start).toBe('2026-12-08T01:00:00.000Z');
    expect(event.tables).toEqual([{ id: expect.any(Number), name: 'A1' }]);
  });

  it('refuses opening hours that make no sense, naming the field', async () => {
    const res = await call({
      method: 'POST',
      url: '/api/events',
      payload: { ...UB_SESSION, days: [{ date: '2026-12-08', open: '12:00', close: '09:00' }], timeZone: 'Mars/Base' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'timeZone', message: 'must be an IANA time zone such as Asia/Tokyo', code: 'format', params: { format: 'time-zone' } },
    ]);
    const hours = await call({ method: 'POST', url: '/api/events', payload: { ...UB_SESSION, days: [{ date: '2026-12-08', open: '12:00', close: '09:00' }] } });
    expect(hours.json().errors).toEqual([{ field: 'days.0.close', message: 'must be after open', code: 'close-before-open' }]);
  });

  it('books a cross-city online meeting in a slot valid for a Tokyo attendee and an Ulaanbaatar one', async () => {
    const event = await createEvent();
    // Free 11:00–12:30 Tokyo = 10:00–11:30 Ulaanbaatar: only the 10:30 and 11:00 slots fit.
    const tokyo = await attendee(event.id, org['jp-a']!, {
      languages: ['ja', 'mn'],
      timeZone: 'Asia/Tokyo',
      online: true,
      availability: [{ start: '2026-12-08T11:00:00+09:00', end: '2026-12-08T12:30:00+09:00' }],
    });
    const ub = await attendee(event.id, org['mn-a']!, { languages: ['mn'] });
    const early = await book(event.id, { attendeeIds: [tokyo.id, ub.id], slotStart: '2026-12-08T09:00:00+08:00' });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('Person of 1 is not available at 2026-12-08T09:00');
    const ok = await book(event.id, { attendeeIds: [tokyo.id, ub.id], slotStart: '2026-12-08T10:30:00+08:00' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ online: true, table: null, interpreter: null, localStart: '2026-12-08T10:30', start: '2026-12-08T02:30:00.000Z' });

    const agenda = await call({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${tokyo.id}&format=csv` });
    expect(agenda.headers['content-type']).toMatch(/^text\/csv/);
    const [header, row] = agenda.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    // In the attendee's first language (ja), names with their Latin form.
    expect(header).toContain('開始 (Asia/Ulaanbaatar),終了 (Asia/Ulaanbaatar),開始 (Asia/Tokyo)');
    expect(row).toContain('2026-12-08T10:30,2026-12-08T11:00,2026-12-08T11:30,2026-12-08T02:30:00.000Z,オンライン');
    const english = await call({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${tokyo.id}&format=csv&lang=en` });
    expect(english.body).toContain('start (Asia/Ulaanbaatar),end (Asia/Ulaanbaatar),start (Asia/Tokyo)');
  });

  it('needs an interpreter when two people share no language, and says so when none is free', async () => {
    const event = await createEvent({ tables: ['A1', 'A2'] });
    const interp = await call({ method: 'POST', url: `/api/events/${event.id}/interpreters`, payload: { name: 'Oyuna', pairs: [['ja', 'mn']] } });
    expect(interp.statusCode).toBe(201);
    const ja1 = await attendee(event.id, org['jp-a']!, { languages: ['ja'] });
    const ja2 = await attendee(event.id, org['jp-b']!, { languages: ['ja'] });
    const mn1 = await attendee(event.id, org['mn-a']!, { languages: ['mn'] });
    const mn2 = await attendee(event.id, org['mn-b']!, { languages: ['mn', 'en'] });
    const slot = '2026-12-08T09:00:00+08:00';
    const first = await book(event.id, { attendeeIds: [ja1.id, mn1.id], slotStart: slot });
    expect(first.statusCode).toBe(201);
    expect(first.json().interpreter).toEqual({ id: interp.json().id, name: 'Oyuna', nameLatin: 'Oyuna' });
    const second = await book(event.id, { attendeeIds: [ja2.id, mn2.id], slotStart: slot });
    expect(second.statusCode).toBe(409);
    expect(second.json().errors).toEqual([
      {
        field: 'interpreterId',
        message: 'no ja–mn/ja–en interpreter is free at 2026-12-08T09:00',
        code: 'no-interpreter',
        params: { languages: 'ja–mn/ja–en', start: '2026-12-08T01:00:00.000Z' },
      },
    ]);
    const later = await book(event.id, { attendeeIds: [ja2.id, mn2.id], slotStart: '2026-12-08T09:30:00+08:00' });
    expect(later.statusCode).toBe(201);

    const figures = (await call({ method: 'GET', url: `/api/events/${event.id}/figures` })).json();
    expect(figures).toMatchObject({ meetingsNeedingInterpreter: 2, withoutMeetings: [], interpreters: [{ name: 'Oyuna', meetings: 2 }] });
    expect(figures.tableUse).toBe(0.2); // 2 of 5 slots × 2 tables

    // Dropped on the other table of the same slot (the grid names the slot it already has), the
    // meeting keeps its one interpreter instead of competing with itself for one.
    const table2 = event.tables.find((t: { name: string }) => t.name === 'A2').id;
    const moved = await call({ method: 'PATCH', url: `/api/meetings/${first.json().id}`, payload: { slotStart: slot, tableId: table2 } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ table: { id: table2, name: 'A2' }, interpreter: { name: 'Oyuna' }, sequence: 1 });
  });

  it('offers, for an accepted request, only the slots a booking would take', async () => {
    const event = await createEvent();
    // a is free 09:00–11:00 only; b meets c at 09:00; the one table is taken at 10:30 by d and c.
    const a = await attendee(event.id, org['jp-a']!, { availability: [{ start: '2026-12-08T09:00:00+08:00', end: '2026-12-08T11:00:00+08:00' }] });
    const b = await attendee(event.id, org['mn-a']!);
    const c = await attendee(event.id, org['mn-b']!);
    const d = await attendee(event.id, org['jp-b']!);
    expect((await book(event.id, { attendeeIds: [b.id, c.id], slotStart: '2026-12-08T09:00:00+08:00' })).statusCode).toBe(201);
    expect((await book(event.id, { attendeeIds: [d.id, c.id], slotStart: '2026-12-08T10:30:00+08:00' })).statusCode).toBe(201);
    const req = (
      await call({ method: 'POST', url: `/api/events/${event.id}/requests`, payload: { fromAttendeeId: a.id, toOrganizationId: org['mn-a'] } })
    ).json();

    const early = await call({ method: 'GET', url: `/api/requests/${req.id}/slots` });
    expect([early.statusCode, early.json().errors]).toEqual([
      422,
      [{ field: 'id', message: `request ${req.id} is requested`, code: 'not-accepted', params: { requestId: req.id, status: 'requested' } }],
    ]);
    await call({ method: 'POST', url: `/api/requests/${req.id}/accept`, payload: { attendeeId: b.id } });
    const token = (await call({ method: 'POST', url: `/api/attendees/${b.id}/tokens`, payload: {} })).json().token;
    const open = await app.inject({ method: 'GET', url: `/api/requests/${req.id}/slots`, headers: { authorization: `Bearer ${token}` } });
    expect(open.statusCode, open.body).toBe(200);
    // 09:00 b is busy; 10:30 no table; 11:00 and 11:30 a is away.
    expect(open.json().items.map((slot: { local: string }) => slot.local)).toEqual(['2026-12-08T09:30']);
    const booked = await app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/meetings`,
      headers: { authorization: `Bearer ${token}` },
      payload: { requestId: req.id, slotStart: open.json().items[0].start },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect((await call({ method: 'GET', url: `/api/requests/${req.id}/slots` })).json().items).toEqual([]);
  });

  it('refuses a double booking of a person and of a table with 409 naming it', async () => {
    const event = await createEvent();
    const [a, b, c, d] = [
      await attendee(event.id, org['jp-a']!),
      await attendee(event.id, org['mn-a']!),
      await attendee(event.id, org['jp-b']!),
      await attendee(event.id, org['mn-b']!),
    ];
    const slot = '2026-12-08T09:00:00+08:00';
    expect((await book(event.id, { attendeeIds: [a.id, b.id], slotStart: slot })).statusCode).toBe(201);
    const samePerson = await book(event.id, { attendeeIds: [a.id, d.id], slotStart: slot });
    expect(samePerson.statusCode).toBe(409);
    const tableTaken = await book(event.id, { attendeeIds: [c.id, d.id], slotStart: slot, tableId: event.tables[0].id });
    expect(tableTaken.statusCode).toBe(409);
    expect(tableTaken.json().errors).toEqual([
      {
        field: 'tableId',
        message: 'table A1 is taken at 2026-12-08T01:00:00.000Z',
        code: 'table-taken',
        params: { table: 'A1', start: '2026-12-08T01:00:00.000Z' },
      },
    ]);
    const noTable = await book(event.id, { attendeeIds: [c.id, d.id], slotStart: slot });
    expect(noTable.json().detail).toBe('No table is free at 2026-12-08T09:00');
    const notASlot = await book(event.id, { attendeeIds: [c.id, d.id], slotStart: '2026-12-08T10:00:00+08:00' });
    expect(notASlot.statusCode).toBe(422);
  });
});

describe('meeting requests', () => {
  it('goes from request to accepted to booked, and an unanswered request expires', async () => {
    const event = await createEvent();
    const a = await attendee(event.id, org['jp-a']!);
    const b = await attendee(event.id, org['mn-a']!);
    const c = await attendee(event.id, org['mn-b']!);
    const req = await call({
      method: 'POST',
      url: `/api/events/${event.id}/requests`,
      payload: { fromAttendeeId: a.id, toOrganizationId: org['mn-a'], message: 'Cashmere?' },
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({ status: 'requested', expiresAt: '2026-12-02T00:00:00.000Z' });
    const dup = await call({ method: 'POST', url: `/api/events/${event.id}/requests`, payload: { fromAttendeeId: b.id, toOrganizationId: org['jp-a'] } });
    expect(dup.statusCode).toBe(409);

    const accepted = await call({ method: 'POST', url: `/api/requests/${req.json().id}/accept`, payload: { attendeeId: b.id } });
    expect(accepted.json()).toMatchObject({ status: 'accepted', respondedBy: b.id });
    // The requester books the accepted request into a free slot with their own attendee token.
    const token = (await call({ method: 'POST', url: `/api/attendees/${a.id}/tokens`, payload: {} })).json().token;
    const asA = { authorization: `Bearer ${token}` };
    const direct = await app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/meetings`,
      headers: asA,
      payload: { attendeeIds: [a.id, c.id], slotStart: '2026-12-08T09:30:00+08:00' },
    });
    expect(direct.statusCode).toBe(403);
    const booked = await app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/meetings`,
      headers: asA,
      payload: { requestId: req.json().id, slotStart: '2026-12-08T09:30:00+08:00' },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const agenda = await app.inject({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${a.id}&format=ics`, headers: asA });
    expect(agenda.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);

    const stale = await call({ method: 'POST', url: `/api/events/${event.id}/requests`, payload: { fromAttendeeId: a.id, toOrganizationId: org['mn-b'] } });
    clock = new Date('2026-12-02T00:00:01Z');
    const late = await call({ method: 'POST', url: `/api/requests/${stale.json().id}/accept`, payload: { attendeeId: c.id } });
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe(`Request ${stale.json().id} is expired and can no longer be accepted`);
    const list = await call({ method: 'GET', url: `/api/events/${event.id}/requests?status=expired` });
    expect(list.json().items.map((r: { id: number }) => r.id)).toEqual([stale.json().id]);
    // An expired request no longer blocks a new one between the same organisations.
    expect(
      (await call({ method: 'POST', url: `/api/events/${event.id}/requests`, payload: { fromAttendeeId: c.id, toOrganizationId: org['jp-a'] } })).statusCode,
    ).toBe(201);
    expect((await call({ method: 'GET', url: `/api/events/${event.id}/figures` })).json().requests).toEqual({
      requested: 1,
      accepted: 1,
      declined: 0,
      cancelled: 0,
      expired: 1,
    });
  });
});

describe('agendas', () => {
  it('keeps the calendar UID and raises SEQUENCE when a meeting is moved, and marks a cancelled one', async () => {
    const event = await createEvent();
    const a = await attendee(event.id, org['jp-a']!, { languages: ['ja', 'mn'], timeZone: 'Asia/Tokyo' });
    const b = await attendee(event.id, org['mn-a']!);
    const meeting = (await book(event.id, { attendeeIds: [a.id, b.id], slotStart: '2026-12-08T09:00:00+08:00' })).json();
    const ics = async () => (await call({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${a.id}&format=ics` })).body;
    const before = await ics();
    expect(before).toContain(`UID:${meeting.uid}`);
    expect(before).toContain('SEQUENCE:0');
    expect(before).toContain('DTSTART:20261208T010000Z');

    const moved = await call({ method: 'PATCH', url: `/api/meetings/${meeting.id}`, payload: { slotStart: '2026-12-08T11:00:00+08:00' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ uid: meeting.uid, sequence: 1, localStart: '2026-12-08T11:00' });
    const after = await ics();
    expect(after).toContain(`UID:${meeting.uid}`);
    expect(after).toContain('SEQUENCE:1');
    expect(after).toContain('DTSTART:20261208T030000Z');
    expect(after.match(/BEGIN:VEVENT/g)).toHaveLength(1);

    // The old slot is free again: someone else can take it.
    const c = await attendee(event.id, org['jp-b']!);
    const d = await attendee(event.id, org['mn-b']!);
    expect((await book(event.id, { attendeeIds: [c.id, d.id], slotStart: '2026-12-08T09:00:00+08:00' })).statusCode).toBe(201);

    await call({ method: 'POST', url: `/api/meetings/${meeting.id}/cancel` });
    const cancelled = await ics();
    expect(cancelled).toContain('STATUS:CANCELLED');
    expect(cancelled).toContain('SEQUENCE:2');
    expect((await call({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${a.id}` })).json().items).toEqual([]);
  });
});
