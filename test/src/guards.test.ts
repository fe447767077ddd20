import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profile, testApp, type TestApp } from '../helpers.ts';

let t: TestApp;
const id: Record<string, number> = {};
let clock = new Date('2026-12-01T00:00:00Z');
beforeAll(async () => {
  t = await testApp({ now: () => clock });
  const post = async (url: string, payload: object) => {
    const res = await t.call({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  id.jp = (
    await post(
      '/api/organizations',
      profile({ externalId: 'jp', name: 'サクラ繊維', country: 'JP', languages: ['ja'], offers: ['日本の百貨店への販路'], needs: ['カシミヤ糸'] }),
    )
  ).id;
  id.mn = (
    await post('/api/organizations', profile({ externalId: 'mn', languages: ['mn'], offers: ['Ноолууран утас нийлүүлнэ'], needs: ['Японы худалдааны сүлжээ'] }))
  ).id;
  id.event = (
    await post('/api/events', {
      name: 'UB',
      city: 'Ulaanbaatar',
      timeZone: 'Asia/Ulaanbaatar',
      slotMinutes: 30,
      tables: ['A1', 'A2'],
      days: [{ date: '2026-12-08', open: '09:00', close: '12:00' }],
    })
  ).id;
  id.jpA = (await post(`/api/events/${id.event}/attendees`, { organizationId: id.jp, name: '西田 和夫', languages: ['ja'] })).id;
  id.mnA = (await post(`/api/events/${id.event}/attendees`, { organizationId: id.mn, name: 'Батбаяр', languages: ['mn'] })).id;
  await post(`/api/events/${id.event}/interpreters`, { name: 'Оюуна', pairs: [['ja', 'mn']] });
}, 60_000);
afterAll(() => t.app.close());

describe('guards against duplicates', () => {
  it('refuses a second request with already-requested, either way round, and marks the suggestion', async () => {
    const first = await t.call({ method: 'POST', url: `/api/events/${id.event}/requests`, payload: { fromAttendeeId: id.jpA, toOrganizationId: id.mn } });
    expect(first.statusCode).toBe(201);
    const again = await t.call({ method: 'POST', url: `/api/events/${id.event}/requests`, payload: { fromAttendeeId: id.jpA, toOrganizationId: id.mn } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      type: 'urn:musubi:problem:already-requested',
      code: 'already-requested',
      params: { requestId: first.json().id, status: 'requested', direction: 'sent' },
    });
    const back = await t.call({ method: 'POST', url: `/api/events/${id.event}/requests`, payload: { fromAttendeeId: id.mnA, toOrganizationId: id.jp } });
    expect(back.json()).toMatchObject({ code: 'already-requested', params: { direction: 'received' } });

    await t.app.matching.idle();
    const seenByJp = (await t.call({ method: 'GET', url: `/api/organizations/${id.jp}/suggestions` })).json().items;
    expect(seenByJp.find((s: { organization: { id: number } }) => s.organization.id === id.mn).relation).toEqual({
      requested: { requestId: first.json().id, eventId: id.event, status: 'requested' },
    });
    const seenByMn = (await t.call({ method: 'GET', url: `/api/organizations/${id.mn}/suggestions` })).json().items;
    expect(seenByMn.find((s: { organization: { id: number } }) => s.organization.id === id.jp).relation).toMatchObject({
      received: { requestId: first.json().id },
    });
  });

  it('refuses a request between organisations that already meet with already-meeting, naming the time', async () => {
    const requestId = (await t.call({ method: 'GET', url: `/api/events/${id.event}/requests` })).json().items[0].id;
    await t.call({ method: 'POST', url: `/api/requests/${requestId}/accept`, payload: {} });
    const booked = await t.call({ method: 'POST', url: `/api/events/${id.event}/meetings`, payload: { requestId, slotStart: '2026-12-08T10:00:00+08:00' } });
    expect(booked.statusCode, booked.body).toBe(201);
    await t.call({ method: 'POST', url: `/api/events/${id.event}/attendees`, payload: { organizationId: id.jp, name: '佐藤 健一', languages: ['ja'] } });
    const second = (await t.call({ method: 'GET', url: `/api/events/${id.event}/attendees` }))
      .json()
      .items.find((a: { name: string }) => a.name === '佐藤 健一');
    const dup = await t.call({ method: 'POST', url: `/api/events/${id.event}/requests`, payload: { fromAttendeeId: second.id, toOrganizationId: id.mn } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'already-meeting', params: { meetingId: booked.json().id, start: '2026-12-08T02:00:00.000Z' } });
    const seen = (await t.call({ method: 'GET', url: `/api/organizations/${id.jp}/suggestions` })).json().items;
    expect(seen.find((s: { organization: { id: number } }) => s.organization.id === id.mn).relation.meeting).toEqual({
      meetingId: booked.json().id,
      eventId: id.event,
      start: '2026-12-08T02:00:00.000Z',
    });
  });

  it('keeps a cancelled meeting in the agenda when asked, marked cancelled', async () => {
    const meeting = (await t.call({ method: 'GET', url: `/api/events/${id.event}/agenda?attendeeId=${id.jpA}` })).json().items[0];
    await t.call({ method: 'POST', url: `/api/meetings/${meeting.id}/cancel` });
    expect((await t.call({ method: 'GET', url: `/api/events/${id.event}/agenda?attendeeId=${id.jpA}` })).json().items).toEqual([]);
    const all = (await t.call({ method: 'GET', url: `/api/events/${id.event}/agenda?attendeeId=${id.jpA}&withCancelled=true` })).json().items;
    expect(all).toMatchObject([{ id: meeting.id, status: 'cancelled' }]);
    // The suggestions (whose relations are kept per organisation) no longer show it.
    const seen = (await t.call({ method: 'GET', url: `/api/organizations/${id.jp}/suggestions` })).json().items;
    expect(seen.find((s: { organization: { id: number } }) => s.organization.id === id.mn).relation.meeting).toBeUndefined();
  });

  it('drops an open request from the suggestions when it expires, with no write in between', async () => {
    const mn2 = await t.call({
      method: 'POST',
      url: '/api/organizations',
      payload: profile({ externalId: 'mn2', languages: ['mn'], offers: ['Ноолууран утас нийлүүлнэ'], needs: ['Японы худалдааны сүлжээ'] }),
    });
    const mnB = await t.call({
      method: 'POST',
      url: `/api/events/${id.event}/attendees`,
      payload: { organizationId: mn2.json().id, name: 'Сарангэрэл', languages: ['mn'] },
    });
    const sent = await t.call({ method: 'POST', url: `/api/events/${id.event}/requests`, payload: { fromAttendeeId: mnB.json().id, toOrganizationId: id.jp } });
    expect(sent.statusCode, sent.body).toBe(201);
    const relationOf = async () =>
      (await t.call({ method: 'GET', url: `/api/organizations/${id.jp}/suggestions` }))
        .json()
        .items.find((s: { organization: { id: number } }) => s.organization.id === mn2.json().id).relation;
    expect(await relationOf()).toEqual({ received: { requestId: sent.json().id, eventId: id.event, status: 'requested' } });
    clock = new Date(Date.parse(sent.json().expiresAt) + 1);
    expect(await relationOf()).toEqual({});
    // A clock set back brings it back (the cached relations are not trusted for an earlier time).
    clock = new Date(Date.parse(sent.json().expiresAt) - 1);
    expect(await relationOf()).toEqual({ received: { requestId: sent.json().id, eventId: id.event, status: 'requested' } });
    clock = new Date('2026-12-01T00:00:00Z');
  });
});
