import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbSnapshot, profile, snapshotDiff, testApp, type TestApp } from '../helpers.ts';

/**
 * What happens after a meeting: the reminder the day before, feedback right after (by the link in
 * the message or in the app), follow-ups months later, and the outcome report that counts it all.
 * Without SMTP_URL the messages stay in the outbox, where these tests read them.
 */

let clock = new Date('2026-12-01T00:00:00Z');
let t: TestApp;
const ids: Record<string, number> = {};

// biome-ignore lint/suspicious/noExplicitAny: a test reads answers of many shapes; each use names the fields it checks
async function ok<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object, headers?: Record<string, string>): Promise<T> {
  const res = await t.app.inject({
    method,
    url,
    headers: headers ?? { authorization: 'Bearer test-matchmaker-token-0123456789' },
    ...(payload ? { payload } : {}),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return (String(res.headers['content-type']).includes('json') ? res.json() : res.body) as T;
}

const messages = (kind: string) => t.app.outbox.list({ kind: kind as never, limit: 100, offset: 0 }).rows;
const linkIn = (text: string) => /#\/feedback\/([\w-]+)/.exec(text)![1]!;

beforeEach(async () => {
  clock = new Date('2026-12-01T00:00:00Z');
  t = await testApp({ now: () => clock, mail: { publicUrl: 'https://musubi.example.org' } });
  ids.jp = (
    await ok(
      'POST',
      '/api/organizations',
      profile({
        externalId: 'jp',
        name: { ja: '株式会社ミナトアパレル', en: 'Minato Apparel' },
        kind: 'company',
        country: 'JP',
        languages: ['ja'],
        sectors: ['apparel'],
        sdgs: [8],
      }),
    )
  ).id;
  ids.mn = (
    await ok(
      'POST',
      '/api/organizations',
      profile({
        externalId: 'mn',
        name: { mn: 'Цагаан Сүрэг Ноолуур ХХК', en: 'White Herd Cashmere' },
        kind: 'startup',
        country: 'MN',
        languages: ['mn'],
        sectors: ['textiles'],
        sdgs: [8, 12],
      }),
    )
  ).id;
  ids.event = (
    await ok('POST', '/api/events', {
      name: 'UB Matching',
      city: 'Ulaanbaatar',
      timeZone: 'Asia/Ulaanbaatar',
      slotMinutes: 30,
      tables: ['A1'],
      programme: 'Mongolia IT Mission 2026',
      days: [{ date: '2026-12-10', open: '09:00', close: '12:00' }],
    })
  ).id;
  ids.yumi = (
    await ok('POST', `/api/events/${ids.event}/attendees`, {
      organizationId: ids.jp,
      name: '中村 由美',
      email: 'yumi@minato.example.jp',
      languages: ['ja'],
      timeZone: 'Asia/Tokyo',
    })
  ).id;
  ids.bat = (
    await ok('POST', `/api/events/${ids.event}/attendees`, { organizationId: ids.mn, name: 'Батбаяр', email: 'bat@cashmere.example.mn', languages: ['mn'] })
  ).id;
  await ok('POST', `/api/events/${ids.event}/interpreters`, { name: 'Сараа', pairs: [['ja', 'mn']] });
  const request = await ok('POST', `/api/events/${ids.event}/requests`, { fromAttendeeId: ids.yumi, toOrganizationId: ids.mn });
  await ok('POST', `/api/requests/${request.id}/accept`, {});
  ids.meeting = (await ok('POST', `/api/events/${ids.event}/meetings`, { requestId: request.id, slotStart: '2026-12-10T09:00:00+08:00' })).id;
});
afterEach(() => t.app.close());

describe('after the meeting', () => {
  it('reminds the day before with the whole agenda, then asks each side for feedback once, in its language', async () => {
    expect((await t.app.mail.tick()).due.reminders).toBe(0);
    clock = new Date('2026-12-09T02:00:00Z');
    expect((await t.app.mail.tick()).due).toMatchObject({ reminders: 2, feedback: 0 });
    const reminder = messages('reminder').find((m) => m.recipientEmail === 'bat@cashmere.example.mn')!;
    expect(reminder.subject).toBe('UB Matching: маргаашийн 1 уулзалт');
    expect(reminder.text).toContain('Minato Apparel (中村 由美, Nakamura Yumi)');
    expect(reminder.attachments[0]!.content).toContain('BEGIN:VEVENT');
    expect((await t.app.mail.tick()).due.reminders).toBe(0);

    // The meeting ends at 09:30 in Ulaanbaatar (01:30 UTC).
    clock = new Date('2026-12-10T01:31:00Z');
    expect((await t.app.mail.tick()).due.feedback).toBe(2);
    expect((await t.app.mail.tick()).due.feedback).toBe(0);
    const forBat = messages('feedback').find((m) => m.recipientEmail === 'bat@cashmere.example.mn')!;
    expect(forBat.subject).toBe('UB Matching: Minato Apparel (中村 由美, Nakamura Yumi)-тэй хийсэн уулзалт ямар байсан бэ?');
    const form = await ok('GET', `/api/feedback/${linkIn(forBat.text)}`, undefined, {});
    expect(form).toMatchObject({
      purpose: 'feedback',
      lang: 'mn',
      event: 'UB Matching',
      you: { name: 'Батбаяр' },
      partner: { name: '中村 由美', organization: { en: 'Minato Apparel' } },
      feedback: null,
    });
  });

  it('takes feedback by the link (the link is the authorisation), refuses an incomplete one naming the fields, and lets the other side answer in the app', async () => {
    clock = new Date('2026-12-10T01:31:00Z');
    await t.app.mail.tick();
    const token = linkIn(messages('feedback').find((m) => m.recipientEmail === 'bat@cashmere.example.mn')!.text);
    const before = dbSnapshot(t.db);
    const incomplete = await t.app.inject({ method: 'PUT', url: `/api/feedback/${token}`, payload: { tookPlace: true } });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(incomplete.json().errors.map((e: { field: string }) => e.field)).toEqual(['interest', 'cooperation']);
    expect(snapshotDiff(before, dbSnapshot(t.db))).toEqual([]);
    expect((await t.app.inject({ method: 'PUT', url: '/api/feedback/made-up-token-0000000000000000000000', payload: { tookPlace: false } })).statusCode).toBe(
      404,
    );

    await ok('PUT', `/api/feedback/${token}`, { tookPlace: true, interest: 'strong', cooperation: 'yes', nextSteps: 'Дээжээ 1-р сард илгээнэ' }, {});
    expect((await ok('GET', `/api/feedback/${token}`, undefined, {})).feedback).toMatchObject({ tookPlace: true, interest: 'strong', cooperation: 'yes' });

    const yumiToken = (await ok('POST', `/api/attendees/${ids.yumi}/tokens`, {})).token;
    const asYumi = { authorization: `Bearer ${yumiToken}` };
    // A token answers for its own side only.
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/meetings/${ids.meeting}/feedback`,
          headers: asYumi,
          payload: { tookPlace: true, interest: 'some', cooperation: 'maybe', organizationId: ids.mn },
        })
      ).statusCode,
    ).toBe(403);
    // Not before the meeting has started (the meeting starts at 09:00 in Ulaanbaatar, 01:00 UTC).
    clock = new Date('2026-12-10T00:59:00Z');
    const early = await t.app.inject({
      method: 'PUT',
      url: `/api/meetings/${ids.meeting}/feedback`,
      headers: asYumi,
      payload: { tookPlace: true, interest: 'some', cooperation: 'maybe' },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0]).toMatchObject({ field: 'id', code: 'not-started' });
    clock = new Date('2026-12-10T01:31:00Z');
    await ok('PUT', `/api/meetings/${ids.meeting}/feedback`, { tookPlace: true, interest: 'some', cooperation: 'maybe' }, asYumi);
    const report = await ok('GET', `/api/outcomes?eventId=${ids.event}`);
    expect(report.funnel).toMatchObject({ requested: 1, accepted: 1, held: 1, cooperation: 1, agreement: 0 });
    expect(report.responses.feedback).toEqual({ asked: 2, answered: 2 });
  });

  it('asks again 3 and 6 months later (per programme), and counts an MoU as an agreement in the report, the CSV and the labels', async () => {
    clock = new Date('2026-12-10T01:31:00Z');
    await t.app.mail.tick();
    await ok('PUT', `/api/feedback/${linkIn(messages('feedback')[0]!.text)}`, { tookPlace: true, interest: 'strong', cooperation: 'yes' }, {});

    clock = new Date('2027-03-10T02:00:00Z');
    expect((await t.app.mail.tick()).due.followUps).toBe(2);
    expect((await t.app.mail.tick()).due.followUps).toBe(0);
    const forYumi = messages('follow-up').find((m) => m.recipientEmail === 'yumi@minato.example.jp')!;
    expect(forYumi.subject).toBe('White Herd Cashmere (Батбаяр, Batbayar) との商談から 3 か月: その後いかがですか');
    const token = linkIn(forYumi.text);
    expect(await ok('GET', `/api/feedback/${token}`, undefined, {})).toMatchObject({ purpose: 'follow-up', months: 3, lang: 'ja' });
    const bad = await t.app.inject({ method: 'PUT', url: `/api/feedback/${token}`, payload: { outcomes: ['nothing', 'mou'] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'outcomes', code: 'nothing-and-more' });
    await ok(
      'PUT',
      `/api/feedback/${token}`,
      { outcomes: ['mou', 'investment'], investmentAmount: 5_000_000, investmentCurrency: 'JPY', note: '覚書を締結' },
      {},
    );

    const report = await ok('GET', '/api/outcomes?programme=Mongolia%20IT%20Mission%202026');
    expect(report.sessions).toEqual([{ id: ids.event, name: 'UB Matching', programme: 'Mongolia IT Mission 2026' }]);
    expect(report.funnel).toMatchObject({ requested: 1, accepted: 1, held: 1, cooperation: 1, agreement: 1 });
    expect(report.breakdown.country.map((c: { value: string; agreement: number }) => [c.value, c.agreement])).toEqual([
      ['JP', 1],
      ['MN', 1],
    ]);
    expect(report.breakdown.kind.map((c: { value: string }) => c.value)).toEqual(['company', 'startup']);
    expect(report.breakdown.sdg.find((s: { value: string }) => s.value === '12')).toMatchObject({ held: 1 });
    expect(report.responses.followUps).toEqual({ asked: 2, answered: 1 });
    expect(report.pairs[0].followUps[0]).toMatchObject({ months: 3, outcomes: ['mou', 'investment'], investmentAmount: 5_000_000, investmentCurrency: 'JPY' });

    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/outcomes?eventId=${ids.event}&format=csv`,
      headers: { authorization: 'Bearer test-matchmaker-token-0123456789' },
    });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain('Minato Apparel,White Herd Cashmere');
    expect(csv.body).toContain('3m: mou+investment');
    const breakdown = (
      await t.app.inject({
        method: 'GET',
        url: '/api/outcomes?format=csv&table=breakdown',
        headers: { authorization: 'Bearer test-matchmaker-token-0123456789' },
      })
    ).body;
    expect(breakdown).toContain('country,MN,');

    expect(t.app.reports.labels()).toEqual([
      { orgAId: ids.jp, orgBId: ids.mn, label: 'agreement', weight: 1, evidence: ['mou', 'investment'], at: '2026-12-10T01:00:00.000Z' },
    ]);
  });

  it('warns the asked side before a request expires, once', async () => {
    const other = (await ok('POST', '/api/organizations', profile({ externalId: 'jp2', name: '株式会社サクラ', country: 'JP', languages: ['ja'] }))).id;
    const sato = (
      await ok('POST', `/api/events/${ids.event}/attendees`, { organizationId: other, name: '佐藤', email: 'sato@sakura.example.jp', languages: ['ja'] })
    ).id;
    await ok('POST', `/api/events/${ids.event}/requests`, { fromAttendeeId: sato, toOrganizationId: ids.mn });
    expect((await t.app.mail.tick()).due.expiring).toBe(0);
    clock = new Date(clock.getTime() + 37 * 3_600_000);
    expect((await t.app.mail.tick()).due.expiring).toBe(1);
    expect((await t.app.mail.tick()).due.expiring).toBe(0);
    expect(messages('request-expiring')[0]).toMatchObject({ recipientEmail: 'bat@cashmere.example.mn', lang: 'mn' });
  });
});
