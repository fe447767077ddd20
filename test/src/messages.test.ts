import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { profile, testApp, type TestApp } from '../helpers.ts';
import { startMailServer, type MailServer } from '../mail-server.ts';

/**
 * Messages travel through a real SMTP server (smtp-server on a loopback port) and are parsed back
 * with mailparser: language, the .ics attachment, the unsubscribe link, retries, crashes.
 */

let clock = new Date('2026-12-01T00:00:00Z');
const now = () => clock;
const dir = mkdtempSync(join(tmpdir(), 'musubi-mail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let smtp: MailServer;
let t: TestApp;
const ids: Record<string, number> = {};

// biome-ignore lint/suspicious/noExplicitAny: a test reads answers of many shapes; each use names the fields it checks
async function ok<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object): Promise<T> {
  const res = await t.call({ method, url, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json() as T;
}

/** Two organisations, one session, one attendee each: Yumi reads Japanese, Батбаяр Mongolian. */
async function setUp(app: TestApp): Promise<void> {
  t = app;
  ids.jp = (
    await ok(
      'POST',
      '/api/organizations',
      profile({ externalId: 'jp', name: { ja: '株式会社ミナトアパレル', en: 'Minato Apparel' }, country: 'JP', languages: ['ja'] }),
    )
  ).id;
  ids.mn = (
    await ok(
      'POST',
      '/api/organizations',
      profile({ externalId: 'mn', name: { mn: 'Цагаан Сүрэг Ноолуур ХХК', en: 'White Herd Cashmere' }, country: 'MN', languages: ['mn'] }),
    )
  ).id;
  ids.event = (
    await ok('POST', '/api/events', {
      name: 'UB Matching',
      city: 'Ulaanbaatar',
      timeZone: 'Asia/Ulaanbaatar',
      slotMinutes: 30,
      tables: ['A1', 'A2'],
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
    await ok('POST', `/api/events/${ids.event}/attendees`, {
      organizationId: ids.mn,
      name: 'Батбаяр',
      email: 'bat@cashmere.example.mn',
      languages: ['mn', 'en'],
    })
  ).id;
  await ok('POST', `/api/events/${ids.event}/interpreters`, { name: 'Сараа', pairs: [['ja', 'mn']] });
}

const to = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
const ics = (mail: ParsedMail) => mail.attachments.find((a) => a.filename?.endsWith('.ics'))?.content.toString('utf8') ?? '';

describe('e-mail through a real SMTP server', () => {
  beforeEach(async () => {
    clock = new Date('2026-12-01T00:00:00Z');
    smtp = await startMailServer();
    await setUp(await testApp({ now, mail: { smtpUrl: smtp.url, publicUrl: 'https://musubi.example.org', from: 'Musubi <musubi@example.org>' } }));
  });
  afterEach(async () => {
    await t.app.close();
    await smtp.close();
  });

  it('tells each side in its own language: request, acceptance, booking, move and cancellation, with the updated .ics', async () => {
    const request = await ok('POST', `/api/events/${ids.event}/requests`, {
      fromAttendeeId: ids.yumi,
      toOrganizationId: ids.mn,
      message: 'カシミヤ糸の調達について',
    });
    await t.app.mail.tick();
    const [received] = await smtp.waitFor(1);
    expect(to(received!)).toBe('bat@cashmere.example.mn');
    expect(received!.subject).toBe('UB Matching: Minato Apparel (中村 由美, Nakamura Yumi) уулзалт хүсэж байна');
    expect(received!.headers.get('content-language')).toBe('mn');
    expect(received!.text).toContain('Сайн байна уу, Батбаяр');
    expect(received!.text).toContain('カシミヤ糸の調達について');
    expect(received!.html).toContain('<html lang="mn">');

    await ok('POST', `/api/requests/${request.id}/accept`, {});
    await t.app.mail.tick();
    const accepted = (await smtp.waitFor(2))[1]!;
    expect(to(accepted)).toBe('yumi@minato.example.jp');
    // Names as the reader reads them: the Mongolian company by its English name for a Japanese reader.
    expect(accepted.subject).toBe('【UB Matching】White Herd Cashmere (Батбаяр, Batbayar) が商談を承諾しました');

    const meeting = await ok('POST', `/api/events/${ids.event}/meetings`, { requestId: request.id, slotStart: '2026-12-10T09:00:00+08:00' });
    await t.app.mail.tick();
    const booked = (await smtp.waitFor(4)).slice(2);
    const forYumi = booked.find((m) => to(m) === 'yumi@minato.example.jp')!;
    const forBat = booked.find((m) => to(m) === 'bat@cashmere.example.mn')!;
    // Times in each reader's own zone: 09:00 in Ulaanbaatar is 10:00 in Tokyo.
    expect(forYumi.text).toContain('10:00 (Asia/Tokyo)');
    expect(forBat.text).toContain('09:00 (Asia/Ulaanbaatar)');
    expect(forYumi.text).toContain('通訳: Сараа');
    expect(ics(forYumi)).toContain(`UID:${meeting.uid}`);
    expect(ics(forYumi)).toContain('SEQUENCE:0');

    await ok('PATCH', `/api/meetings/${meeting.id}`, { slotStart: '2026-12-10T10:00:00+08:00' });
    await t.app.mail.tick();
    const moved = (await smtp.waitFor(6)).slice(4).find((m) => to(m) === 'bat@cashmere.example.mn')!;
    expect(moved.subject).toMatch(/^UB Matching: уулзалт өөрчлөгдлөө/);
    expect(moved.text).toMatch(/10:00 \(Asia\/Ulaanbaatar\) \(өмнө нь: .*09:00/);
    expect(ics(moved)).toContain(`UID:${meeting.uid}`);
    expect(ics(moved)).toContain('SEQUENCE:1');

    await ok('POST', `/api/meetings/${meeting.id}/cancel`);
    await t.app.mail.tick();
    const cancelled = (await smtp.waitFor(8)).slice(6).find((m) => to(m) === 'yumi@minato.example.jp')!;
    expect(cancelled.subject).toMatch(/商談が取り消されました/);
    expect(ics(cancelled)).toContain(`UID:${meeting.uid}`);
    expect(ics(cancelled)).toContain('SEQUENCE:2');
    expect(ics(cancelled)).toContain('STATUS:CANCELLED');
    expect(smtp.received).toHaveLength(8);
  });

  it('carries a one-click unsubscribe: after it, that kind of message is kept back, others still go', async () => {
    const request = await ok('POST', `/api/events/${ids.event}/requests`, { fromAttendeeId: ids.yumi, toOrganizationId: ids.mn });
    await ok('POST', `/api/requests/${request.id}/accept`, {});
    await t.app.mail.tick();
    const [first] = await smtp.waitFor(2);
    const line = (name: string) => first!.headerLines.find((h) => h.key === name)?.line ?? '';
    const header = line('list-unsubscribe');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const oneClick = /<https:\/\/musubi\.example\.org(\/api\/unsubscribe\/[\w-]+)>/.exec(header)![1]!;
    // The link in the text opens the web page that does the same.
    expect(first!.text).toMatch(/https:\/\/musubi\.example\.org\/#\/unsubscribe\/[\w-]+/);
    // A mail client's one-click POST (RFC 8058) is a form body, without a token.
    const res = await t.app.inject({
      method: 'POST',
      url: oneClick,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ category: 'requests' });

    // Bat turned off request messages: a new request is kept in the outbox, not sent; a booking still goes.
    await ok('POST', `/api/events/${ids.event}/requests`, { fromAttendeeId: ids.yumi, toOrganizationId: ids.mn }).catch(() => undefined);
    const other = (await ok('POST', '/api/organizations', profile({ externalId: 'jp2', name: '株式会社サクラ', country: 'JP', languages: ['ja'] }))).id;
    const sakura = (
      await ok('POST', `/api/events/${ids.event}/attendees`, { organizationId: other, name: '佐藤', email: 'sato@sakura.example.jp', languages: ['ja'] })
    ).id;
    await ok('POST', `/api/events/${ids.event}/requests`, { fromAttendeeId: sakura, toOrganizationId: ids.mn });
    await ok('POST', `/api/events/${ids.event}/meetings`, { requestId: request.id, slotStart: '2026-12-10T09:00:00+08:00' });
    await t.app.mail.tick();
    await smtp.waitFor(4);
    await new Promise((r) => setTimeout(r, 200));
    expect(
      smtp.received
        .map((m) => `${to(m)} ${m.headers.get('x-musubi-kind')}`)
        .slice(2)
        .sort(),
    ).toEqual(['bat@cashmere.example.mn meeting-booked', 'yumi@minato.example.jp meeting-booked']);
    const kept = (await ok('GET', '/api/messages?status=suppressed')).items;
    expect(kept.map((m: { kind: string; recipientEmail: string }) => `${m.recipientEmail} ${m.kind}`)).toEqual(['bat@cashmere.example.mn request-received']);
    // The link is the authorisation: a made-up one is refused.
    expect((await t.app.inject({ method: 'POST', url: '/api/unsubscribe/not-a-real-token-000000000000000000000000', payload: {} })).statusCode).toBe(404);
  });

  it('retries when the server refuses, with backoff, and then delivers once', async () => {
    smtp.refuseNext(1);
    await ok('POST', `/api/events/${ids.event}/requests`, { fromAttendeeId: ids.yumi, toOrganizationId: ids.mn });
    expect((await t.app.mail.tick()).delivered).toMatchObject({ sent: 0, retrying: 1 });
    const [waiting] = (await ok('GET', '/api/messages')).items;
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting.lastError).toMatch(/451/);
    // Not before its time comes.
    expect((await t.app.mail.tick()).delivered.sent).toBe(0);
    clock = new Date(clock.getTime() + 31_000);
    expect((await t.app.mail.tick()).delivered).toMatchObject({ sent: 1 });
    await smtp.waitFor(1);
    expect(await ok('GET', `/api/messages/${waiting.id}`)).toMatchObject({ status: 'sent', attempts: 2 });
    await t.app.mail.tick();
    expect(smtp.received).toHaveLength(1);
  });

  it('sends every attendee of a session a sign-in link of their own, in their language; the link signs in', async () => {
    const other = (
      await ok(
        'POST',
        '/api/organizations',
        profile({ externalId: 'jp3', name: '株式会社ノーメール', country: 'JP', languages: ['ja'], contact: { name: 'x' } }),
      )
    ).id;
    const silentOne = (await ok('POST', `/api/events/${ids.event}/attendees`, { organizationId: other, name: '無記入', languages: ['ja'] })).id;
    const result = await ok('POST', `/api/events/${ids.event}/sign-in-links`, {});
    expect(result.sent.map((s: { attendeeId: number }) => s.attendeeId).sort()).toEqual([ids.yumi, ids.bat].sort());
    expect(result.skipped).toEqual([{ attendeeId: silentOne, name: '無記入', reason: 'no-email' }]);
    await t.app.mail.tick();
    const mails = await smtp.waitFor(2);
    const forYumi = mails.find((m) => to(m) === 'yumi@minato.example.jp')!;
    expect(forYumi.subject).toBe('【UB Matching】Musubi へのログイン用リンク');
    const token = /https:\/\/musubi\.example\.org\/#\/sign-in\/([\w-]+)/.exec(forYumi.text!)![1]!;
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ role: 'attendee', attendeeId: ids.yumi });
    // Once delivered, the stored copy no longer holds the secret.
    const stored = await ok('GET', `/api/messages/${result.sent.find((s: { attendeeId: number }) => s.attendeeId === ids.yumi).messageId}`);
    expect(stored.text).not.toContain(token);
    // Naming someone who does not attend is refused, and nothing is issued or stored.
    const before = (await ok('GET', '/api/messages')).total;
    const bad = await t.call({ method: 'POST', url: `/api/events/${ids.event}/sign-in-links`, payload: { attendeeIds: [ids.yumi, 999] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'attendeeIds.1', code: 'not-attending' })]);
    expect((await ok('GET', '/api/messages')).total).toBe(before);
  });

  it('stores nothing for a change that was refused', async () => {
    const before = (await ok('GET', '/api/messages')).total;
    const res = await t.call({
      method: 'POST',
      url: `/api/events/${ids.event}/meetings`,
      payload: { attendeeIds: [ids.yumi, ids.bat], slotStart: '2026-12-10T08:00:00+08:00' },
    });
    expect(res.statusCode).toBe(422);
    expect((await ok('GET', '/api/messages')).total).toBe(before);
  });
});

describe('a crash between the change and the send', () => {
  it('loses nothing and sends nothing twice: another process on the same database delivers it once', async () => {
    const database = join(dir, 'crash.db');
    smtp = await startMailServer();
    // The first process makes the change and dies before sending (no mail server reachable from it).
    const first = await testApp({ now, databasePath: database });
    await setUp(first);
    await ok('POST', `/api/events/${ids.event}/requests`, { fromAttendeeId: ids.yumi, toOrganizationId: ids.mn });
    // It even claimed the message for itself (a lease) before dying mid-send.
    const claimed = first.app.outbox.claim('dead-process', new Date(clock.getTime() + 120_000).toISOString(), 10);
    expect(claimed).toHaveLength(1);
    first.db.$client.close();

    const second = await testApp({ now, databasePath: database, mail: { smtpUrl: smtp.url } });
    try {
      // The dead process's lease holds for its two minutes, then the message is the second's.
      expect((await second.app.mail.tick()).delivered.sent).toBe(0);
      clock = new Date(clock.getTime() + 121_000);
      expect((await second.app.mail.tick()).delivered.sent).toBe(1);
      expect((await second.app.mail.tick()).delivered.sent).toBe(0);
      await smtp.waitFor(1);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.messageId).toBe(claimed[0]!.messageId);
      // The same change enqueued again (a retried call) finds its idempotency key taken.
      expect(
        second.app.outbox.enqueue({
          key: claimed[0]!.idempotencyKey,
          kind: 'request-received',
          recipient: { email: 'x@example.org', name: 'x', lang: 'en' },
          subject: 's',
          text: 't',
          html: 'h',
        }),
      ).toBeNull();
    } finally {
      await second.app.close();
      await smtp.close();
    }
  });

  it('two processes sharing the database never send one message twice', async () => {
    const database = join(dir, 'two.db');
    smtp = await startMailServer();
    const a = await testApp({ now, databasePath: database, mail: { smtpUrl: smtp.url } });
    await setUp(a);
    const b = await testApp({ now, databasePath: database, mail: { smtpUrl: smtp.url } });
    try {
      const request = await ok('POST', `/api/events/${ids.event}/requests`, { fromAttendeeId: ids.yumi, toOrganizationId: ids.mn });
      await ok('POST', `/api/requests/${request.id}/accept`, {});
      await ok('POST', `/api/events/${ids.event}/meetings`, { requestId: request.id, slotStart: '2026-12-10T09:00:00+08:00' });
      // Both claim at the same moment, twice over.
      const rounds = [...(await Promise.all([a.app.mail.tick(), b.app.mail.tick()])), ...(await Promise.all([b.app.mail.tick(), a.app.mail.tick()]))];
      expect(rounds.reduce((n, r) => n + r.delivered.sent, 0)).toBe(4);
      await smtp.waitFor(4);
      await new Promise((r) => setTimeout(r, 200));
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(4);
      expect(smtp.received).toHaveLength(4);
    } finally {
      await a.app.close();
      await b.app.close();
      await smtp.close();
    }
  });
});
