/// <reference lib="dom" />
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, testApp } from '../helpers.ts';
import { accessibilityProblems, journey, launch, matchmakerApi, screenshots, openPage } from './browser.ts';

/**
 * Messages and outcomes in Chromium (demo data, no mail server: messages wait in the outbox): a
 * matchmaker e-mails sign-in links to every attendee of a session and reads them under Messages; after
 * a meeting, the Mongolian attendee answers the feedback form by the link in their message, in
 * Mongolian, without signing in; the outcome report shows the answer.
 */

const JOURNEY = 120_000;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let clock: Date | null = null;
const errors: string[] = [];

const api = matchmakerApi(() => app, admin);

const open = (token: string | null) => openPage(browser, base, { token, typed: true, errors });

beforeAll(async () => {
  ({ app } = await testApp({ seed: 'demo', now: () => clock ?? new Date(), mail: { publicUrl: 'http://musubi.test' } }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

let feedbackToken = '';
let pairLabel = '';
let japaneseAttendee: { id: number; name: string } | undefined;

describe('messages and outcomes in Chromium', () => {
  it(
    'matchmaker: e-mails every attendee of a session a sign-in link and reads them under Messages',
    async () => {
      const { context, page } = await open(ADMIN_TOKEN);
      await journey(page, async () => {
        await page.goto(`${base}/#/events/1`);
        await page.getByRole('button', { name: 'E-mail every attendee a sign-in link' }).click();
        await page.getByText(/sign-in links queued/).waitFor();
        const attendees = (await api('GET', '/api/events/1/attendees')).items;
        const withEmail = attendees.filter((a: { email: string | null }) => a.email).length;
        expect(withEmail).toBeGreaterThan(10);
        expect((await api('GET', '/api/messages?kind=sign-in&limit=500')).total).toBe(withEmail);

        await page.getByRole('link', { name: 'Messages' }).click();
        await page.getByRole('heading', { name: 'Outgoing messages' }).waitFor();
        await page.getByText(/No mail server \(SMTP_URL\) is configured/).waitFor();
        const first = page.locator('table.messages tbody tr').first();
        await first.getByText('Sign-in link').waitFor();
        await first.locator('button.link').click();
        await expect.poll(() => first.locator('pre').innerText()).toMatch(/http:\/\/musubi\.test\/#\/sign-in\/[\w-]+/);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'messages');
      });
      await context.close();
    },
    JOURNEY,
  );

  it(
    'attendee: answers the feedback form in Mongolian by the link in their message, without signing in',
    async () => {
      const attendees = (await api('GET', '/api/events/1/attendees')).items as {
        id: number;
        organizationId: number;
        name: string;
        email: string | null;
        languages: string[];
      }[];
      const organizations = new Map(
        ((await api('GET', '/api/organizations?limit=500')).items as { id: number; country: string; name: Record<string, string> }[]).map((o) => [o.id, o]),
      );
      const mongolian = attendees.find((a) => a.email && a.languages[0] === 'mn' && organizations.get(a.organizationId)?.country === 'MN')!;
      const japanese =
        attendees.find(
          (a) => a.email && organizations.get(a.organizationId)?.country === 'JP' && a.languages.includes('en') && mongolian.languages.includes('en'),
        ) ?? attendees.find((a) => a.email && organizations.get(a.organizationId)?.country === 'JP')!;
      await api('POST', '/api/events/1/meetings', { attendeeIds: [japanese.id, mongolian.id], slotStart: '2026-12-08T10:00:00+08:00' });
      japaneseAttendee = japanese;
      pairLabel = mongolian.name;
      // The meeting ends at 10:30 in Ulaanbaatar; a minute later, both sides are asked.
      clock = new Date('2026-12-08T02:31:00Z');
      expect((await app.mail.tick()).due.feedback).toBe(2);
      const message = app.outbox.list({ kind: 'feedback', limit: 10, offset: 0 }).rows.find((m) => m.attendeeId === mongolian.id)!;
      expect(message.lang).toBe('mn');
      feedbackToken = /#\/feedback\/([\w-]+)/.exec(message.text)![1]!;

      const { context, page } = await open(null);
      await journey(page, async () => {
        await page.goto(`${base}/#/feedback/${feedbackToken}`);
        // The page speaks the reader's language, taken from the link.
        await page.waitForFunction(() => document.documentElement.lang === 'mn');
        await page.getByRole('heading', { name: /уулзалтын тухай/ }).waitFor();
        await page.getByRole('group', { name: 'Уулзалт болсон уу?' }).getByLabel('Тийм').check();
        await page.getByRole('group', { name: 'Сонирхол' }).getByLabel('Их').check();
        await page.getByRole('group', { name: 'Хамтран ажиллах боломж' }).getByLabel('Тийм').check();
        await page.getByLabel(/Дараагийн алхам/).fill('Дээж 1-р сард илгээнэ');
        await page.getByRole('button', { name: 'Хариу илгээх' }).click();
        await page.getByText('Хариулсанд баярлалаа.').waitFor();
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'feedback');
      });
      const form = await (await app.inject({ method: 'GET', url: `/api/feedback/${feedbackToken}` })).json();
      expect(form.feedback).toMatchObject({ tookPlace: true, interest: 'strong', cooperation: 'yes', nextSteps: 'Дээж 1-р сард илгээнэ' });
      await context.close();
    },
    JOURNEY,
  );

  it(
    'matchmaker: the outcome report shows the meeting held, cooperation possible, and the answer',
    async () => {
      const { context, page } = await open(ADMIN_TOKEN);
      await journey(page, async () => {
        await page.getByRole('link', { name: 'Outcomes' }).click();
        await page.getByRole('heading', { name: 'Outcomes' }).waitFor();
        await page.getByLabel('Report on').selectOption('event:1');
        await expect.poll(() => page.locator('dd[data-stage=held]').innerText()).toBe('1');
        expect(await page.locator('dd[data-stage=cooperation]').innerText()).toBe('1');
        expect(Number(await page.locator('dd[data-stage=suggested]').innerText())).toBeGreaterThan(0);
        expect(await page.locator('[data-responses]').innerText()).toBe('Feedback answered 1 of 2; follow-ups answered 0 of 0');
        const row = page.locator('table.outcome-pairs tr', { hasText: 'Дээж 1-р сард илгээнэ' });
        await row.waitFor();
        expect(await row.innerText()).toContain('Cooperation possible');
        expect(pairLabel).not.toBe('');
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'outcomes');
      });
      await context.close();
    },
    JOURNEY,
  );

  it(
    'attendee: gives feedback in the app on a meeting that has ended (the other side of the same meeting)',
    async () => {
      const attendee = japaneseAttendee!;
      const token = (await api('POST', `/api/attendees/${attendee.id}/tokens`, { label: 'feedback in the app' })).token;
      const { context, page } = await open(null);
      await journey(page, async () => {
        // The browser's clock: just after the meeting (10:00–10:30 in Ulaanbaatar) ended.
        await page.clock.setFixedTime(new Date('2026-12-08T02:35:00Z'));
        await page.goto(`${base}/#/sign-in/${token}`);
        await page.getByRole('heading', { name: `Meetings of ${attendee.name}` }).waitFor();
        const row = page.locator('tr[data-meeting]', { hasText: pairLabel });
        await row.getByText('Give feedback').click();
        await row.getByRole('group', { name: 'Did the meeting take place?' }).getByLabel('Yes').check();
        await row.getByRole('group', { name: 'Your interest' }).getByLabel('Some').check();
        await row.getByRole('group', { name: 'Is cooperation possible?' }).getByLabel('Maybe').check();
        await row.getByLabel(/What next/).fill('Send a price list');
        await row.getByRole('button', { name: 'Send' }).click();
        await row.getByText('Thank you for your answer.').waitFor();
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'feedback-in-app');
      });
      await context.close();
      // Both sides have now answered, one by the link and one in the app.
      const report = await api('GET', '/api/outcomes?eventId=1');
      expect(report.responses.feedback).toMatchObject({ answered: 2, asked: 2 });
    },
    JOURNEY,
  );

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
