/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRENGTH_THRESHOLDS } from '../../matching/score.ts';
import { admin, testApp } from '../helpers.ts';
import { accessibilityProblems, journey as runJourney, launch, matchmakerApi, screenshots, setLanguage, openPage } from './browser.ts';

/**
 * Issue 14 in real Chromium against the service with the demo data: a Mongolian organisation reads
 * a Japanese partner's page (its Latin name, the concepts in Mongolian) and is told in Mongolian that
 * it already asked; a matchmaker approves ten pairs at once, finds pairs by a Cyrillic name, compares
 * two profiles side by side and exports the queue; a clash when moving a meeting is worded in
 * Japanese with a local time. Each new page is saved in ja, mn and en; axe-core finds nothing.
 */

const JOURNEY = 120_000;
let app: FastifyInstance;
let browser: Browser;
let base: string;
const errors: string[] = [];

const api = matchmakerApi(() => app, admin);

async function open(token: string, lang: 'ja' | 'mn' | 'en' = 'en'): Promise<Page> {
  return (await openPage(browser, base, { token, lang, errors })).page;
}

/** A journey (the page's text in any failure), then its browser context closed. */
function journey(page: Page, steps: () => Promise<void>): Promise<void> {
  return runJourney(page, steps).finally(() => page.context().close());
}

beforeAll(async () => {
  ({ app } = await testApp({ seed: 'demo' }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

interface Attendee {
  id: number;
  organizationId: number;
  name: string;
  languages: string[];
  online: boolean;
}
interface Suggestion {
  organization: { id: number; name: Record<string, string>; nameLatin: string; country: string };
}

describe('every reader can read and act (issue 14)', () => {
  it(
    'a Mongolian organisation reads a Japanese partner’s page and is told in Mongolian it already asked',
    async () => {
      const attendees = (await api<{ items: Attendee[] }>('GET', '/api/events/1/attendees')).items;
      const attending = new Set(attendees.map((a) => a.organizationId));
      const orgs = (await api<{ items: { id: number; country: string }[] }>('GET', '/api/organizations?country=MN&limit=500')).items.filter((o) =>
        attending.has(o.id),
      );
      let pair: { mn: number; jp: Suggestion['organization'] } | null = null;
      for (const o of orgs) {
        const suggestions = (await api<{ items: Suggestion[] }>('GET', `/api/organizations/${o.id}/suggestions?limit=20`)).items;
        const jp = suggestions.find(
          (s) => s.organization.country === 'JP' && attending.has(s.organization.id) && !s.organization.name.mn && s.organization.name.ja,
        );
        if (jp) {
          pair = { mn: o.id, jp: jp.organization };
          break;
        }
      }
      expect(pair, 'a Mongolian organisation at session 1 with a Japanese-only partner there').not.toBeNull();
      const { mn, jp } = pair!;
      const token = (await api<{ token: string }>('POST', `/api/organizations/${mn}/tokens`, { label: 'readable journey' })).token;
      const asker = attendees.find((a) => a.organizationId === mn)!;
      await api('POST', '/api/events/1/requests', { fromAttendeeId: asker.id, toOrganizationId: jp.id });

      const page = await open(token, 'mn');
      await journey(page, async () => {
        const card = page.locator('article.suggestion', { has: page.locator(`#org-${jp.id}`) });
        await card.waitFor();
        // The suggestion says what already stands: a request was sent.
        await card.locator('.badge.relation', { hasText: 'Хүсэлт илгээсэн' }).waitFor();
        // A Japanese-only name is shown in the original with its Latin form beside it.
        expect(await card.locator('h2 .latin').innerText()).toBe(jp.nameLatin);

        // Asking again is refused in Mongolian, not as a booking clash in English.
        await card.getByRole('button', { name: 'Уулзалт хүсэх' }).click();
        await card.getByLabel('Арга хэмжээ').selectOption('1');
        await card.getByRole('button', { name: 'Хүсэлт илгээх' }).click();
        const refusal = card.locator('[role=alert][data-code="already-requested"]');
        await refusal.waitFor();
        expect(await refusal.innerText()).toMatch(/аль хэдийн хүсэлт илгээсэн/);
        expect(await refusal.innerText()).not.toMatch(/Request \d+|clashes|toOrganizationId/);
        expect(await accessibilityProblems(page)).toEqual([]);

        // The partner's page: Latin name, concepts in Mongolian, the reasons of the pair.
        await card.locator('h2 a').click();
        await page.locator('section.partner h1').waitFor();
        expect(await page.locator('section.partner h1 .latin').innerText()).toBe(jp.nameLatin);
        expect(jp.nameLatin).toMatch(/^[\p{Script=Latin}\s'’.,&()\d-]+$/u);
        const concepts = await page.locator('.concept-chip').allInnerTexts();
        expect(concepts.length).toBeGreaterThan(0);
        expect(concepts.join(' ')).toMatch(/\p{Script=Cyrillic}/u);
        expect(await page.locator('.reasons mark').count()).toBeGreaterThan(0);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'partner');
        await setLanguage(page, 'mn');
      });
    },
    JOURNEY,
  );

  it(
    'a matchmaker approves ten pairs at once, finds pairs by a Cyrillic name, compares both profiles and exports the queue',
    async () => {
      const page = await open('test-matchmaker-token-0123456789');
      await journey(page, async () => {
        await page.getByRole('heading', { name: 'Review queue' }).waitFor();
        await page.locator('.queue li').first().waitFor();
        // Weak pairs are hidden at first; the threshold can be moved.
        expect(await page.getByLabel('Minimum fit (0–1)').inputValue()).toBe(String(STRENGTH_THRESHOLDS.good));
        const shownTotal = async () => Number((await page.getByText(/ of \d+ pairs$/).innerText()).match(/of (\d+) pairs/)![1]);
        const aboveGood = await shownTotal();
        await page.getByLabel('Minimum fit (0–1)').fill('0');
        // The list reloads once the typing settles (and the selection with it): choose only from the new list.
        await expect.poll(shownTotal).toBeGreaterThan(aboveGood);
        await expect.poll(async () => await page.locator('.queue li').count()).toBe(25);
        const ids = await page.locator('.queue li').evaluateAll((lis) => lis.slice(0, 10).map((li) => Number(li.getAttribute('data-match'))));
        for (const id of ids) await page.locator(`.queue li[data-match="${id}"] input.choose`).check();
        await page.getByText('10 selected').waitFor();
        await page.getByRole('button', { name: 'Selected pairs: approve' }).click();
        await page.getByText('10 pairs now Approved').waitFor();
        for (const id of ids) expect((await api(`GET`, `/api/matches/${id}`)).status).toBe('approved');

        // By a Cyrillic name, any status.
        await page.getByLabel('Status').selectOption('');
        await page.getByLabel('Organisation name (any script)').fill('Цагаан Сүрэг');
        await expect
          .poll(async () => (await page.locator('.queue li').allInnerTexts()).every((text) => /Цагаан Сүрэг|White Herd/.test(text)), { timeout: 10_000 })
          .toBe(true);
        expect(await page.locator('.queue li').count()).toBeGreaterThan(0);

        await page.getByRole('button', { name: 'Both profiles side by side' }).click();
        const compare = page.locator('article.compare');
        await compare.locator('.side-by-side section').nth(1).waitFor();
        expect(await compare.locator('mark').count()).toBeGreaterThan(0);
        await page.getByRole('heading', { name: 'Notes and decisions' }).waitFor();
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'review-side-by-side');

        const [download] = (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export this queue (CSV)' }).click()])) as [
          Download,
          undefined,
        ];
        const csv = readFileSync((await download.path())!, 'utf8');
        expect(download.suggestedFilename()).toBe('review-queue.csv');
        const lines = csv
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\n');
        expect(lines[0]).toContain('pair,score,strength,status');
        expect(lines.slice(1).every((line) => line.includes('Цагаан Сүрэг'))).toBe(true);
      });
    },
    JOURNEY,
  );

  it(
    'a clash when moving a meeting is worded in Japanese with a local time',
    async () => {
      const event = await api<{ slots: { start: string; local: string }[]; timeZone: string }>('GET', '/api/events/1');
      const attendees = (await api<{ items: Attendee[] }>('GET', '/api/events/1/attendees')).items;
      // One person with two partners who share a language with them: two meetings, then one moved onto the other's slot.
      let trio: [Attendee, Attendee, Attendee] | null = null;
      const atTables = attendees.filter((x) => !x.online);
      for (const a of atTables) {
        const partners = atTables.filter((b) => b.organizationId !== a.organizationId && b.languages.some((l) => a.languages.includes(l)));
        const [b, c] = partners.filter((p, i) => partners.findIndex((q) => q.organizationId === p.organizationId) === i);
        if (b && c && b.organizationId !== c.organizationId) {
          trio = [a, b, c];
          break;
        }
      }
      expect(trio).not.toBeNull();
      const [a, b, c] = trio!;
      // Two slots of the first day in which all three are free.
      const day1 = event.slots.filter((s) => s.local.startsWith(event.slots[0]!.local.slice(0, 10)));
      let first: { start: string; local: string } | undefined;
      let moving: { id: number } | undefined;
      for (let i = 0; i + 1 < day1.length && !moving; i++) {
        const one = await app.inject({
          method: 'POST',
          url: '/api/events/1/meetings',
          headers: admin,
          payload: { attendeeIds: [a.id, b.id], slotStart: day1[i]!.start },
        });
        if (one.statusCode !== 201) continue;
        const two = await app.inject({
          method: 'POST',
          url: '/api/events/1/meetings',
          headers: admin,
          payload: { attendeeIds: [a.id, c.id], slotStart: day1[i + 1]!.start },
        });
        if (two.statusCode === 201) {
          first = day1[i];
          moving = two.json();
        } else await api('POST', `/api/meetings/${one.json().id}/cancel`);
      }
      expect(moving, 'two meetings of one person on the first day').toBeDefined();

      const page = await open('test-matchmaker-token-0123456789', 'ja');
      await journey(page, async () => {
        await page.goto(`${base}/#/events/1`);
        await page.locator(`.grid-table button.meeting[data-meeting="${moving!.id}"]`).click();
        await page.locator('.move-form select[name=slot]').selectOption(first!.start);
        await page.locator('.move-form').getByRole('button', { name: '保存' }).click();
        const clash = page.locator('[role=alert][data-code]').first();
        await clash.waitFor();
        const text = await clash.innerText();
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: event.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
          new Date(first!.start),
        );
        expect(text).toContain(local);
        expect(text).toMatch(/[\p{Script=Han}\p{Script=Hiragana}]/u);
        expect(text).not.toMatch(/\d{4}-\d\d-\d\dT|attendeeIds|slotStart/);
      });
    },
    JOURNEY,
  );

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
