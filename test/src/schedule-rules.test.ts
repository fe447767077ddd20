import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/client.ts';
import { admin, dbSnapshot, snapshotDiff, testApp } from '../helpers.ts';

/**
 * The scheduling rules of real events through the real service, on the demo data a week before its
 * Ulaanbaatar session (09:00–12:00 and 13:00–17:00 local, UTC+8): a part of the day on a request
 * and on a pair, pins and vetoes from the review queue, unavailable slots edited after
 * registration, all obeyed by manual booking and by the scheduler.
 */
let app: FastifyInstance;
let db: Db;
const EVENT = 1;
interface Attendee {
  id: number;
  organizationId: number;
  name: string;
}
interface Pair {
  id: number;
  a: { id: number };
  b: { id: number };
  status: string;
}
let attendees: Attendee[];
let pairs: Pair[];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Record<string, string> = admin) =>
  app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const of = (orgId: number) => attendees.find((a) => a.organizationId === orgId)!;
/** Local Ulaanbaatar time on the first day → the slot start the API takes. */
const at = (hhmm: string, date = '2026-12-08') => `${date}T${hhmm}:00+08:00`;
const utc = (local: string) => new Date(local).toISOString();
const localHour = (iso: string) => (new Date(iso).getUTCHours() + 8) % 24;

beforeAll(async () => {
  ({ app, db } = await testApp({ seed: 'demo', now: new Date('2026-12-01T00:00:00Z') }));
  attendees = (await call('GET', `/api/events/${EVENT}/attendees`)).json().items;
  const here = new Set(attendees.map((a) => a.organizationId));
  const taken = new Set<number>();
  // Approved pairs whose organisations both attend, each organisation in one pair only (so the cases do not meet).
  pairs = ((await call('GET', '/api/matches?status=approved&limit=200')).json().items as Pair[]).filter((p) => {
    if (!here.has(p.a.id) || !here.has(p.b.id) || taken.has(p.a.id) || taken.has(p.b.id)) return false;
    taken.add(p.a.id).add(p.b.id);
    return true;
  });
  expect(pairs.length).toBeGreaterThanOrEqual(6);
});
afterAll(() => app.close());

describe('a part of the day on a request', () => {
  it('is set by the asker, kept by booking (a morning request refuses an afternoon slot) and offered only in its part', async () => {
    const [asker, asked] = [of(pairs[0]!.a.id), of(pairs[0]!.b.id)];
    const token = (await call('POST', `/api/attendees/${asker.id}/tokens`, {})).json().token;
    const made = await call(
      'POST',
      `/api/events/${EVENT}/requests`,
      { fromAttendeeId: asker.id, toOrganizationId: asked.organizationId, part: 'afternoon' },
      bearer(token),
    );
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().part).toBe('afternoon');
    const changed = await call('PUT', `/api/requests/${made.json().id}/part`, { part: 'morning' }, bearer(token));
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().part).toBe('morning');
    expect((await call('POST', `/api/requests/${made.json().id}/accept`, { attendeeId: asked.id })).statusCode).toBe(200);

    const slots = (await call('GET', `/api/requests/${made.json().id}/slots`)).json().items as { start: string }[];
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => localHour(s.start) < 12)).toBe(true);

    const before = dbSnapshot(db);
    const afternoon = await call('POST', `/api/events/${EVENT}/meetings`, { requestId: made.json().id, slotStart: at('14:00') });
    expect(afternoon.statusCode).toBe(409);
    expect(afternoon.json().errors[0]).toMatchObject({ field: 'slotStart', code: 'morning-only' });
    expect(snapshotDiff(before, dbSnapshot(db))).toEqual([]);
    const morning = await call('POST', `/api/events/${EVENT}/meetings`, { requestId: made.json().id, slotStart: at('10:00') });
    expect(morning.statusCode, morning.body).toBe(201);

    // Its meeting is in the morning now: asking for the afternoon would leave it in the wrong part.
    const late = await call('PUT', `/api/requests/${made.json().id}/part`, { part: 'afternoon' }, bearer(token));
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0]).toMatchObject({ code: 'booked-outside-part', params: { meetingId: morning.json().id } });
  });

  it('refuses a part that is not one, naming the field, and another organisation', async () => {
    const request = (await call('GET', `/api/events/${EVENT}/requests?limit=1`)).json().items[0];
    const bad = await call('PUT', `/api/requests/${request.id}/part`, { part: 'evening' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'part', code: 'enum' });
    const stranger = attendees.find((a) => a.organizationId !== request.toOrganizationId && a.id !== request.fromAttendeeId)!;
    const token = (await call('POST', `/api/attendees/${stranger.id}/tokens`, {})).json().token;
    expect((await call('PUT', `/api/requests/${request.id}/part`, { part: 'morning' }, bearer(token))).statusCode).toBe(403);
  });
});

describe('pins and vetoes in the review queue', () => {
  it('a veto rejects the pair, takes it off the queue and the suggestions, and manual booking refuses it', async () => {
    const pair = pairs[1]!;
    const res = await call('PUT', `/api/matches/${pair.id}/rules`, { rule: 'vetoed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', rule: 'vetoed' });
    const queue = (await call('GET', `/api/matches?organizationId=${pair.a.id}&limit=200`)).json().items as Pair[];
    expect(queue.map((p) => p.id)).not.toContain(pair.id);
    const vetoed = (await call('GET', '/api/matches?rule=vetoed&limit=200')).json().items as (Pair & { rule: string })[];
    expect(vetoed.map((p) => [p.id, p.rule])).toContainEqual([pair.id, 'vetoed']);
    // Not even a matchmaker is offered a vetoed pair again.
    const suggestions = (await call('GET', `/api/organizations/${pair.a.id}/suggestions?limit=50`)).json().items as { organization: { id: number } }[];
    expect(suggestions.map((s) => s.organization.id)).not.toContain(pair.b.id);
    const booking = await call('POST', `/api/events/${EVENT}/meetings`, { attendeeIds: [of(pair.a.id).id, of(pair.b.id).id], slotStart: at('09:00') });
    expect(booking.statusCode).toBe(409);
    expect(booking.json().errors[0]).toMatchObject({ code: 'pair-vetoed' });
  });

  it('a pin approves the pair and keeps its part of the day; a veto of a pair that has a meeting is refused, naming it', async () => {
    const pair = pairs[2]!;
    const pin = await call('PUT', `/api/matches/${pair.id}/rules`, { rule: 'pinned', part: 'afternoon' });
    expect(pin.json()).toMatchObject({ status: 'approved', rule: 'pinned', part: 'afternoon' });
    const morning = await call('POST', `/api/events/${EVENT}/meetings`, { attendeeIds: [of(pair.a.id).id, of(pair.b.id).id], slotStart: at('09:30') });
    expect(morning.json().errors[0]).toMatchObject({ code: 'afternoon-only' });
    const met = (await call('POST', `/api/events/${EVENT}/meetings`, { attendeeIds: [of(pair.a.id).id, of(pair.b.id).id], slotStart: at('15:00') })).json();
    const before = dbSnapshot(db);
    const veto = await call('PUT', `/api/matches/${pair.id}/rules`, { rule: 'vetoed' });
    expect(veto.statusCode).toBe(409);
    expect(veto.json().errors[0]).toMatchObject({ field: 'rule', code: 'vetoed-pair-meets', params: { meetingIds: [met.id] } });
    expect(snapshotDiff(before, dbSnapshot(db))).toEqual([]);
    expect((await call('POST', `/api/meetings/${met.id}/cancel`, {})).statusCode).toBe(200);
  });

  it('refuses an unknown rule or an empty change and stores nothing', async () => {
    const before = dbSnapshot(db);
    for (const body of [{ rule: 'maybe' }, {}, { part: 'noon' }]) {
      const res = await call('PUT', `/api/matches/${pairs[3]!.id}/rules`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await call('PUT', '/api/matches/999999/rules', { rule: 'pinned' })).statusCode).toBe(404);
    expect(snapshotDiff(before, dbSnapshot(db))).toEqual([]);
  });
});

describe('unavailable slots, edited after registration', () => {
  it('the attendee marks a slot; booking refuses it; a slot with a meeting is refused with the meeting named unless it is cancelled', async () => {
    const pair = pairs[3]!;
    const [a, b] = [of(pair.a.id), of(pair.b.id)];
    const token = (await call('POST', `/api/attendees/${a.id}/tokens`, {})).json().token;
    const set = await call('PUT', `/api/attendees/${a.id}/unavailable`, { slots: [at('11:00'), at('11:00'), at('11:30')] }, bearer(token));
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ attendeeId: a.id, unavailable: [utc(at('11:00')), utc(at('11:30'))], cancelled: [] });
    const refused = await call('POST', `/api/events/${EVENT}/meetings`, { attendeeIds: [a.id, b.id], slotStart: at('11:00') });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0]).toMatchObject({ code: 'unavailable-slot', params: { name: a.name } });

    const meeting = (await call('POST', `/api/events/${EVENT}/meetings`, { attendeeIds: [a.id, b.id], slotStart: at('16:00') })).json();
    const before = dbSnapshot(db);
    const clash = await call('PUT', `/api/attendees/${a.id}/unavailable`, { slots: [at('16:00')] }, bearer(token));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors[0]).toMatchObject({ field: 'slots', code: 'meetings-in-unavailable', params: { count: 1, meetingIds: [meeting.id] } });
    expect(snapshotDiff(before, dbSnapshot(db))).toEqual([]);
    const cancelled = await call('PUT', `/api/attendees/${a.id}/unavailable`, { slots: [at('11:00'), at('16:00')], cancelMeetings: true }, bearer(token));
    expect(cancelled.json()).toMatchObject({ unavailable: [utc(at('11:00')), utc(at('16:00'))], cancelled: [meeting.id] });
    expect((await call('GET', `/api/meetings/${meeting.id}`)).json().status).toBe('cancelled');
    expect((await call('GET', `/api/events/${EVENT}/attendees`)).json().items.find((x: Attendee) => x.id === a.id).unavailable).toHaveLength(2);
  });

  it('refuses a time that is not a slot (naming it), another attendee’s token, and stores nothing', async () => {
    const [a, other] = [of(pairs[4]!.a.id), of(pairs[4]!.b.id)];
    const before = dbSnapshot(db);
    const bad = await call('PUT', `/api/attendees/${a.id}/unavailable`, { slots: [at('10:00'), at('10:10')] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'slots.1', code: 'not-slot' })]);
    expect(snapshotDiff(before, dbSnapshot(db))).toEqual([]);
    const token = (await call('POST', `/api/attendees/${other.id}/tokens`, {})).json().token;
    expect((await call('PUT', `/api/attendees/${a.id}/unavailable`, { slots: [at('09:00')] }, bearer(token))).statusCode).toBe(403);
    expect((await call('GET', `/api/events/${EVENT}/attendees`)).json().items.find((x: Attendee) => x.id === a.id).unavailable).toEqual([]);
  });
});

describe('the scheduler honours the rules through the service', () => {
  it('places the pinned pair in its part, never the vetoed one, nobody in an unavailable slot, and reports idle time', async () => {
    const [vetoed, pinned, busy] = [pairs[1]!, pairs[5]!, of(pairs[4]!.a.id)];
    expect((await call('PUT', `/api/matches/${pinned.id}/rules`, { rule: 'pinned', part: 'morning' })).statusCode).toBe(200);
    // The busy one cannot do the first day at all.
    const firstDay = (await call('GET', `/api/events/${EVENT}`)).json().slots.filter((s: { local: string }) => s.local.startsWith('2026-12-08')) as {
      start: string;
    }[];
    expect((await call('PUT', `/api/attendees/${busy.id}/unavailable`, { slots: firstDay.map((s) => s.start) })).statusCode).toBe(200);

    // Both sides of the vetoed pair ask to meet anyway: the veto stands, and the plan says so.
    const asked = (await call('POST', `/api/events/${EVENT}/requests`, { fromAttendeeId: of(vetoed.a.id).id, toOrganizationId: vetoed.b.id })).json();
    expect((await call('POST', `/api/requests/${asked.id}/accept`, { attendeeId: of(vetoed.b.id).id })).statusCode).toBe(200);

    const res = await call('POST', `/api/events/${EVENT}/schedule`, {});
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.pinned).toEqual({ total: 2, placed: 2 });
    expect(plan.unplaced).toContainEqual(expect.objectContaining({ organizations: [vetoed.a.id, vetoed.b.id], reason: 'vetoed', pinned: false }));
    expect(typeof plan.metBefore).toBe('number');

    const agenda = (await call('GET', `/api/events/${EVENT}/agenda`)).json().items as {
      start: string;
      attendees: { organizationId: number; attendeeId: number }[];
    }[];
    const between = (p: Pair) =>
      agenda.filter((m) => m.attendees.some((x) => x.organizationId === p.a.id) && m.attendees.some((x) => x.organizationId === p.b.id));
    expect(between(vetoed)).toEqual([]);
    expect(between(pinned).map((m) => localHour(m.start) < 12)).toEqual([true]);
    expect(between(pairs[2]!).map((m) => localHour(m.start) >= 13)).toEqual([true]);
    const firstDayStarts = new Set(firstDay.map((s) => s.start));
    expect(agenda.filter((m) => m.attendees.some((x) => x.attendeeId === busy.id) && firstDayStarts.has(m.start))).toEqual([]);

    const figures = (await call('GET', `/api/events/${EVENT}/figures`)).json();
    expect(figures.idle.attendees.length).toBeGreaterThan(0);
    expect(figures.idle.breaks).toBe(figures.idle.attendees.reduce((n: number, x: { breaks: number }) => n + x.breaks, 0));
    const someone = figures.idle.attendees[0];
    const mine = (await call('GET', `/api/events/${EVENT}/agenda?attendeeId=${someone.attendeeId}`)).json();
    expect(mine.idle).toEqual({ breaks: someone.breaks, idleMinutes: someone.idleMinutes, days: someone.days });
    expect(mine.idle.days.reduce((n: number, d: { meetings: number }) => n + d.meetings, 0)).toBe(mine.items.length);
  });
});
