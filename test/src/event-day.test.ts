import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { admin, dbSnapshot, profile, snapshotDiff, testApp } from '../helpers.ts';

let app: FastifyInstance;
let db: Db;
let clock: Date;
let call: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
let org: Record<string, number>;

// Ulaanbaatar, 8 December 2026, 09:00–12:00 local (UTC+8): six 30-minute slots, three tables.
const SESSION = {
  name: 'Event day, Ulaanbaatar',
  city: 'Ulaanbaatar',
  timeZone: 'Asia/Ulaanbaatar',
  slotMinutes: 30,
  tables: ['A1', 'A2', 'A3'],
  days: [{ date: '2026-12-08', open: '09:00', close: '12:00' }],
  freezeMinutes: 30,
};
const at = (local: string) => `2026-12-08T${local}:00+08:00`;
const utc = (local: string) => new Date(at(local)).toISOString();

beforeEach(async () => {
  clock = new Date('2026-12-01T00:00:00Z');
  ({ app, db } = await testApp({ now: () => clock }));
  call = (opts) => app.inject({ ...opts, headers: { ...admin, ...opts.headers } });
  org = {};
  for (const [externalId, country] of [
    ['jp-a', 'JP'],
    ['jp-b', 'JP'],
    ['mn-a', 'MN'],
    ['mn-b', 'MN'],
    ['mn-c', 'MN'],
  ] as const) {
    org[externalId] = (await call({ method: 'POST', url: '/api/organizations', payload: profile({ externalId, country, languages: ['en'] }) })).json().id;
  }
});
afterEach(() => app.close());

async function ok(opts: InjectOptions, status = 200) {
  const res = await call(opts);
  expect(res.statusCode, `${opts.method} ${opts.url}: ${res.body}`).toBe(status);
  return res.json();
}

/**
 * Five people: Aiko (jp-a), Bunta (jp-b), Munkh (mn-a), Bat (mn-b), Tsetseg (mn-c). Booked:
 * Bunta–Munkh 10:00, Aiko–Bat 10:30, Aiko–Munkh 11:00, Bunta–Bat 11:30. Tsetseg accepted requests
 * from Aiko and from Bunta but has no meeting: she is on standby.
 */
async function day() {
  const event = await ok({ method: 'POST', url: '/api/events', payload: SESSION }, 201);
  const person = async (key: string, name: string) =>
    ok(
      {
        method: 'POST',
        url: `/api/events/${event.id}/attendees`,
        payload: { organizationId: org[key], name, languages: key === 'mn-a' ? ['mn', 'en'] : ['en'], email: `${key}@example.test` },
      },
      201,
    );
  const p = {
    aiko: await person('jp-a', 'Aiko'),
    bunta: await person('jp-b', 'Bunta'),
    munkh: await person('mn-a', 'Мөнх'),
    bat: await person('mn-b', 'Bat'),
    tsetseg: await person('mn-c', 'Tsetseg'),
  };
  const book = (a: { id: number }, b: { id: number }, local: string) =>
    ok({ method: 'POST', url: `/api/events/${event.id}/meetings`, payload: { attendeeIds: [a.id, b.id], slotStart: at(local) } }, 201);
  const m = {
    buntaMunkh: await book(p.bunta, p.munkh, '10:00'),
    aikoBat: await book(p.aiko, p.bat, '10:30'),
    aikoMunkh: await book(p.aiko, p.munkh, '11:00'),
    buntaBat: await book(p.bunta, p.bat, '11:30'),
  };
  for (const from of [p.aiko, p.bunta]) {
    const request = await ok(
      { method: 'POST', url: `/api/events/${event.id}/requests`, payload: { fromAttendeeId: from.id, toOrganizationId: org['mn-c'] } },
      201,
    );
    await ok({ method: 'POST', url: `/api/requests/${request.id}/accept`, payload: { attendeeId: p.tsetseg.id } });
  }
  return { event, p, m };
}

describe('check-in', () => {
  it('checks people in by the code on their agenda, any case, with or without the dash, per session day', async () => {
    const { event, p } = await day();
    clock = new Date(utc('08:40'));
    const list = await ok({ method: 'GET', url: `/api/events/${event.id}/check-ins` });
    expect(list.date).toBe('2026-12-08');
    expect(list.items.map((i: { status: unknown }) => i.status)).toEqual([null, null, null, null, null]);
    const code: string = list.items.find((i: { attendee: { id: number } }) => i.attendee.id === p.aiko.id).attendee.checkInCode;
    expect(code).toMatch(/^[0-9A-F]{8}$/);

    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
    const checked = await ok({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { code: typed, status: 'present' } });
    expect(checked).toMatchObject({
      attendee: { id: p.aiko.id, name: 'Aiko' },
      date: '2026-12-08',
      status: 'present',
      at: utc('08:40'),
      cancelled: [],
      notices: [],
    });
    const after = await ok({ method: 'GET', url: `/api/events/${event.id}/check-ins?date=2026-12-08` });
    expect(after.items.find((i: { attendee: { id: number } }) => i.attendee.id === p.aiko.id)).toMatchObject({
      status: 'present',
      organization: expect.any(String),
    });
  });

  it('refuses an unknown code or a day that is not the session’s, naming the field and storing nothing', async () => {
    const { event } = await day();
    clock = new Date(utc('08:40'));
    const before = dbSnapshot(db);
    const unknown = await call({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { code: '0000-0000', status: 'present' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.json().errors).toEqual([{ field: 'code', message: 'is not the check-in code of an attendee of this session', code: 'unknown-code' }]);
    const otherDay = await call({
      method: 'POST',
      url: `/api/events/${event.id}/check-ins`,
      payload: { attendeeId: 1, status: 'present', date: '2026-12-09' },
    });
    expect([otherDay.statusCode, otherDay.json().errors[0].field, otherDay.json().errors[0].code]).toEqual([422, 'date', 'not-a-session-day']);
    const nobody = await call({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { status: 'present' } });
    expect([nobody.statusCode, nobody.json().errors[0].field]).toEqual([422, 'code']);
    expect(snapshotDiff(before, dbSnapshot(db))).toEqual([]);
  });
});

describe('absent → meetings cancelled → standby offers', () => {
  it('cancels the absent person’s remaining meetings, offers each partner a standby meeting beyond the freeze (the freed slot first), and moves nothing else', async () => {
    const { event, p, m } = await day();
    clock = new Date(utc('09:50'));
    const absent = await ok({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { attendeeId: p.munkh.id, status: 'absent' } });
    expect(absent.cancelled.map((x: { id: number; status: string; sequence: number; dayReason: string }) => [x.id, x.status, x.sequence, x.dayReason])).toEqual(
      [
        [m.buntaMunkh.id, 'cancelled', 1, 'no-show'],
        [m.aikoMunkh.id, 'cancelled', 1, 'no-show'],
      ],
    );
    // The hook for messages: each partner is to be told, never the absent person.
    expect(absent.notices).toEqual([
      { type: 'meeting.cancelled', reason: 'no-show', meetingId: m.buntaMunkh.id, notify: [p.bunta.id] },
      { type: 'meeting.cancelled', reason: 'no-show', meetingId: m.aikoMunkh.id, notify: [p.aiko.id] },
    ]);
    // …and is told, in their language, why (the absent person gets no message).
    const told = (await ok({ method: 'GET', url: `/api/messages?kind=meeting-cancelled&eventId=${event.id}` })).items;
    expect(told.map((x: { attendeeId: number }) => x.attendeeId).sort()).toEqual([p.bunta.id, p.aiko.id].sort());
    const toAiko = await ok({ method: 'GET', url: `/api/messages/${told.find((x: { attendeeId: number }) => x.attendeeId === p.aiko.id).id}` });
    expect(toAiko.text).toContain('Your partner could not come today');
    // The partner's calendar feed drops it (same UID, SEQUENCE + 1).
    const ics = (await call({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${p.aiko.id}&format=ics` })).body;
    expect(ics).toMatch(new RegExp(`UID:${m.aikoMunkh.uid}[\\s\\S]*?SEQUENCE:1[\\s\\S]*?STATUS:CANCELLED`));
    // …and the partner's page sees why.
    const aikoAgenda = await ok({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${p.aiko.id}&withCancelled=true` });
    expect(aikoAgenda.items.find((x: { id: number }) => x.id === m.aikoMunkh.id)).toMatchObject({ status: 'cancelled', dayReason: 'no-show' });

    // Bunta's 10:00 starts within the 30-minute freeze from 09:50: nothing goes there, he is offered
    // the first later slot where he and the standby partner are both free; Aiko gets her freed 11:00.
    const preview = await ok({ method: 'GET', url: `/api/events/${event.id}/standby` });
    expect(preview.frozenUntil).toBe(utc('10:20'));
    expect(preview.freed.map((x: { id: number }) => x.id)).toEqual([m.buntaMunkh.id, m.aikoMunkh.id]);
    expect(preview.proposals).toEqual([
      {
        attendeeIds: [p.bunta.id, p.tsetseg.id],
        slotStart: utc('10:30'),
        slotEnd: utc('11:00'),
        local: '2026-12-08T10:30',
        tableId: expect.any(Number),
        interpreterId: null,
        online: false,
        score: 1,
        replaces: m.buntaMunkh.id,
      },
      {
        attendeeIds: [p.aiko.id, p.tsetseg.id],
        slotStart: utc('11:00'),
        slotEnd: utc('11:30'),
        local: '2026-12-08T11:00',
        tableId: expect.any(Number),
        interpreterId: null,
        online: false,
        score: 1,
        replaces: m.aikoMunkh.id,
      },
    ]);
    expect(preview.proposals.every((x: { slotStart: string }) => x.slotStart >= preview.frozenUntil)).toBe(true);
    // The preview stored nothing.
    expect((await ok({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${p.tsetseg.id}` })).items).toEqual([]);

    const untouched = async () =>
      (await ok({ method: 'GET', url: `/api/events/${event.id}/agenda` })).items
        .filter((x: { id: number }) => [m.aikoBat.id, m.buntaBat.id].includes(x.id))
        .map((x: { id: number; start: string; table: { id: number }; sequence: number; uid: string }) => [x.id, x.start, x.table.id, x.sequence, x.uid]);
    const before = await untouched();
    const applied = await ok({
      method: 'POST',
      url: `/api/events/${event.id}/standby`,
      payload: { proposals: preview.proposals.map(({ attendeeIds, slotStart, tableId }: Record<string, unknown>) => ({ attendeeIds, slotStart, tableId })) },
    });
    expect(applied.meetings).toHaveLength(2);
    expect(applied.meetings[1]).toMatchObject({
      status: 'scheduled',
      dayReason: 'standby',
      start: utc('11:00'),
      sequence: 0,
      attendees: [{ name: 'Aiko' }, { name: 'Tsetseg' }],
    });
    expect(applied.notices[1]).toEqual({ type: 'meeting.booked', reason: 'standby', meetingId: applied.meetings[1].id, notify: [p.aiko.id, p.tsetseg.id] });
    // Both sides of a standby meeting are told it was booked on the day, and why.
    const booked = (await ok({ method: 'GET', url: `/api/messages?kind=meeting-booked&eventId=${event.id}&limit=100` })).items.filter(
      (x: { attendeeId: number }) => x.attendeeId === p.tsetseg.id,
    );
    expect(booked).toHaveLength(2);
    expect((await ok({ method: 'GET', url: `/api/messages/${booked[0].id}` })).text).toContain('freed by a cancellation');
    // Minimal change: the meetings nobody touched keep slot, table, SEQUENCE and UID.
    expect(await untouched()).toEqual(before);
    expect(before.every((row: unknown[]) => row[3] === 0)).toBe(true);
    // Nothing left to offer.
    expect((await ok({ method: 'GET', url: `/api/events/${event.id}/standby` })).proposals).toEqual([]);
  });

  it('refuses to book into a slot within the freeze, or with someone marked absent, and stores nothing', async () => {
    const { event, p } = await day();
    clock = new Date(utc('09:50'));
    await ok({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { attendeeId: p.munkh.id, status: 'absent' } });
    const before = dbSnapshot(db);
    const frozen = await call({
      method: 'POST',
      url: `/api/events/${event.id}/standby`,
      payload: { proposals: [{ attendeeIds: [p.bunta.id, p.tsetseg.id], slotStart: utc('10:00') }] },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().errors).toEqual([
      { field: 'proposals.0.slotStart', message: `starts before ${utc('10:20')}`, code: 'frozen', params: { minutes: 30 } },
    ]);
    const withAbsent = await call({
      method: 'POST',
      url: `/api/events/${event.id}/standby`,
      payload: {
        proposals: [
          { attendeeIds: [p.aiko.id, p.tsetseg.id], slotStart: utc('11:00') },
          { attendeeIds: [p.munkh.id, p.bunta.id], slotStart: utc('11:00') },
        ],
      },
    });
    expect([withAbsent.statusCode, withAbsent.json().errors[0].field, withAbsent.json().errors[0].code]).toEqual([422, 'proposals.1.attendeeIds.0', 'absent']);
    const clash = await call({
      method: 'POST',
      url: `/api/events/${event.id}/standby`,
      payload: { proposals: [{ attendeeIds: [p.aiko.id, p.tsetseg.id], slotStart: utc('10:30') }] },
    });
    expect([clash.statusCode, clash.json().errors[0].field]).toEqual([409, 'proposals.0.attendeeIds']);
    expect(snapshotDiff(before, dbSnapshot(db))).toEqual([]);
  });

  it('re-plans the scheduler’s meetings during the day without moving those that start within N minutes', async () => {
    const { event, p } = await day();
    // The scheduler places the two accepted requests (Aiko–Tsetseg, Bunta–Tsetseg).
    const plan = await ok({ method: 'POST', url: `/api/events/${event.id}/schedule`, payload: {} });
    expect(plan.placed).toBe(2);
    const ofScheduler = async () =>
      (await ok({ method: 'GET', url: `/api/events/${event.id}/agenda?attendeeId=${p.tsetseg.id}` })).items.map(
        (x: { id: number; start: string; sequence: number }) => [x.id, x.start, x.sequence],
      );
    const placed = await ofScheduler();
    // The morning is under way: one minute before the first of them starts, a re-plan leaves it alone.
    const first = placed[0][1] as string;
    clock = new Date(Date.parse(first) - 60_000);
    await ok({ method: 'POST', url: `/api/events/${event.id}/schedule`, payload: { replan: true } });
    const after = await ofScheduler();
    expect(after.find((x: unknown[]) => x[0] === placed[0][0])).toEqual(placed[0]);
    // The other, beyond the freeze, was planned again (same row and UID, a higher SEQUENCE).
    expect(after.find((x: unknown[]) => x[0] === placed[1][0])?.[2]).toBeGreaterThan(0);
  });
});

describe('attendance', () => {
  it('marks a meeting partly held with who was missing, once it has started, and counts it', async () => {
    const { event, p, m } = await day();
    clock = new Date(utc('09:50'));
    await ok({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { attendeeId: p.munkh.id, status: 'absent' } });
    const early = await call({ method: 'POST', url: `/api/meetings/${m.aikoBat.id}/attendance`, payload: { outcome: 'held' } });
    expect([early.statusCode, early.json().errors[0].code]).toEqual([409, 'not-started']);

    clock = new Date(utc('10:45'));
    const stranger = await call({
      method: 'POST',
      url: `/api/meetings/${m.aikoBat.id}/attendance`,
      payload: { outcome: 'partly', missingAttendeeIds: [p.tsetseg.id] },
    });
    expect([stranger.statusCode, stranger.json().errors[0].field]).toEqual([422, 'missingAttendeeIds.0']);
    // Either side marks it, with its own token.
    const token = (await ok({ method: 'POST', url: `/api/attendees/${p.aiko.id}/tokens`, payload: {} }, 201)).token;
    const marked = await app.inject({
      method: 'POST',
      url: `/api/meetings/${m.aikoBat.id}/attendance`,
      headers: { authorization: `Bearer ${token}` },
      payload: { outcome: 'partly', missingAttendeeIds: [p.bat.id] },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ attendance: 'partly', missingAttendeeIds: [p.bat.id], sequence: 0 });
    const other = (await ok({ method: 'POST', url: `/api/attendees/${p.tsetseg.id}/tokens`, payload: {} }, 201)).token;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/meetings/${m.aikoBat.id}/attendance`,
          headers: { authorization: `Bearer ${other}` },
          payload: { outcome: 'held' },
        })
      ).statusCode,
    ).toBe(403);

    const figures = await ok({ method: 'GET', url: `/api/events/${event.id}/attendance` });
    expect(figures).toMatchObject({
      held: 0,
      partly: 1,
      notHeld: 0,
      noShowMeetings: 2,
      standbyMeetings: 0,
      noShowsBySide: { MN: 3 },
      checkIns: [{ date: '2026-12-08', present: 0, absent: 1, unknown: 4 }],
    });
    expect(figures.byHour).toEqual([
      { hour: '2026-12-08T10', held: 0, partly: 1, notHeld: 0, unmarked: 0, noShow: 1 },
      { hour: '2026-12-08T11', held: 0, partly: 0, notHeld: 0, unmarked: 0, noShow: 1 },
    ]);
  });
});

describe('live views and printed sheets', () => {
  it('shows now and next per table, names in both scripts, empty tables and who is late', async () => {
    const { event, p, m } = await day();
    clock = new Date(utc('09:50'));
    await ok({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { attendeeId: p.aiko.id, status: 'present' } });
    await ok({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { attendeeId: p.bunta.id, status: 'present' } });
    await ok({ method: 'POST', url: `/api/events/${event.id}/check-ins`, payload: { attendeeId: p.munkh.id, status: 'present' } });
    clock = new Date(utc('10:05'));
    const live = await ok({ method: 'GET', url: `/api/events/${event.id}/live` });
    expect(live.current).toEqual({ start: utc('10:00'), end: utc('10:30'), local: '2026-12-08T10:00' });
    const table = live.tables.find((t: { now: { id: number } | null }) => t.now?.id === m.buntaMunkh.id);
    expect(table.now.people.map((x: { name: string; latin: string | null; checkIn: string | null }) => [x.name, x.latin, x.checkIn])).toEqual([
      ['Bunta', null, 'present'],
      ['Мөнх', 'Mönkh', 'present'],
    ]);
    // Every meeting took the first free table, so A1's next pair is the 10:30 one.
    expect(table.next).toMatchObject({ id: m.aikoBat.id, local: '2026-12-08T10:30', table: 'A1' });
    expect(live.emptyTables).toHaveLength(2);
    expect(live.late).toEqual([]);
    clock = new Date(utc('10:35'));
    // Bat has a meeting now and has not checked in.
    expect((await ok({ method: 'GET', url: `/api/events/${event.id}/live` })).late).toEqual([
      { attendeeId: p.bat.id, name: 'Bat', latin: null, meetingId: m.aikoBat.id, table: expect.any(String) },
    ]);
  });

  it('gives an attendee their own sheets with their QR check-in code, and no one else’s code', async () => {
    const { event, p } = await day();
    const token = (await ok({ method: 'POST', url: `/api/attendees/${p.aiko.id}/tokens`, payload: {} }, 201)).token;
    const res = await app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/sheets?attendeeId=${p.aiko.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const sheets = res.json();
    const aiko = sheets.attendees.find((a: { id: number }) => a.id === p.aiko.id);
    expect(aiko.checkInCode).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(aiko.qr).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(aiko.qr.split(',')[1], 'base64').toString()).toContain('<svg');
    const partners = sheets.attendees.filter((a: { id: number }) => a.id !== p.aiko.id);
    expect(partners.map((a: { name: string }) => a.name).sort()).toEqual(['Bat', 'Мөнх']);
    expect(partners.every((a: { checkInCode: unknown; qr: unknown }) => a.checkInCode === null && a.qr === null)).toBe(true);
    expect(sheets.meetings).toHaveLength(2);
    expect(sheets.checkIns).toEqual([]);
    const other = await app.inject({
      method: 'GET',
      url: `/api/events/${event.id}/sheets?attendeeId=${p.bat.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(other.statusCode).toBe(403);
  });
});
