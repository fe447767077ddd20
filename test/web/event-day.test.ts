/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, profile, testApp } from '../helpers.ts';
import { accessibilityProblems, journey, launch, matchmakerApi, overflowsWidth, screenshots, SCREENSHOTS, setLanguage, openPage } from './browser.ts';

/**
 * The event day in Chromium against the service on a port, with the service's clock set to the
 * morning of the session: a volunteer on a phone checks two people in by the codes on their agendas
 * and marks a third absent; the matchmaker reviews the standby meeting proposed for the freed slot
 * and applies it; the table's page shows the new pair; the attendee's printed agenda (a PDF from
 * Chromium, read back with pdftotext) shows the change. Screenshots in ja, mn and en.
 */

const JOURNEY = 150_000;
const PHONE = { width: 390, height: 844 };
let app: FastifyInstance;
let browser: Browser;
let base: string;
let clock = new Date('2026-12-01T00:00:00Z');
const errors: string[] = [];
const at = (local: string) => `2026-12-08T${local}:00+08:00`;
const ids: Record<string, number> = {};

const api = matchmakerApi(() => app, admin);

const open = (token: string, viewport = { width: 1280, height: 900 }, hash = '', watch = true) =>
  // The browser's clock agrees with the service's (the morning of the session). Offline, the browser
  // logs every refused connection: those are what the test is about, so that page is not watched.
  openPage(browser, base, { token, viewport, hash, clock, ...(watch ? { errors } : {}) });

/** Prints the page to A4 as Chromium does, and reads the PDF back: its page count and its text. */
async function printed(page: Page, name: string): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const file = join(SCREENSHOTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }) };
}

beforeAll(async () => {
  ({ app } = await testApp({ now: () => clock }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launch();
  const org = async (externalId: string, country: string, name: Record<string, string>) =>
    (await api('POST', '/api/organizations', profile({ externalId, country, name, languages: ['en'] }))).id as number;
  const orgs = {
    sakura: await org('jp-sakura', 'JP', { ja: '株式会社サクラ繊維' }),
    fuji: await org('jp-fuji', 'JP', { ja: '富士ソフト株式会社', en: 'Fuji Soft' }),
    cashmere: await org('mn-cashmere', 'MN', { mn: 'Монгол Кашемир ХХК' }),
    gobi: await org('mn-gobi', 'MN', { mn: 'Говь Софт ХХК', en: 'Gobi Soft LLC' }),
    nomin: await org('mn-nomin', 'MN', { mn: 'Номин Трейд ХХК' }),
  };
  const event = await api('POST', '/api/events', {
    name: 'Event day, Ulaanbaatar',
    city: 'Ulaanbaatar',
    timeZone: 'Asia/Ulaanbaatar',
    slotMinutes: 30,
    tables: ['A1', 'A2', 'A3'],
    days: [{ date: '2026-12-08', open: '09:00', close: '12:00' }],
    freezeMinutes: 30,
  });
  ids.event = event.id;
  const person = async (organizationId: number, name: string) =>
    (await api('POST', `/api/events/${event.id}/attendees`, { organizationId, name, languages: ['en'] })).id as number;
  ids.yumi = await person(orgs.sakura, '中村 由美');
  ids.ken = await person(orgs.fuji, '高橋 健');
  ids.bat = await person(orgs.cashmere, 'Батбаяр');
  ids.oyun = await person(orgs.gobi, 'Оюун');
  ids.saraa = await person(orgs.nomin, 'Сараа');
  const book = async (a: number, b: number, local: string) =>
    (await api('POST', `/api/events/${event.id}/meetings`, { attendeeIds: [a, b], slotStart: at(local) })).id as number;
  ids.kenBat = await book(ids.ken, ids.bat, '10:00');
  ids.yumiOyun = await book(ids.yumi, ids.oyun, '10:30');
  ids.yumiBat = await book(ids.yumi, ids.bat, '11:00');
  // Saraa's organisation accepted a request from Yumi but has no meeting: she is on standby.
  const request = await api('POST', `/api/events/${event.id}/requests`, { fromAttendeeId: ids.yumi, toOrganizationId: orgs.nomin });
  await api('POST', `/api/requests/${request.id}/accept`, { attendeeId: ids.saraa });
  clock = new Date(at('09:40'));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the event day in Chromium', () => {
  it(
    'a volunteer on a phone checks two people in by code and marks one absent; their meetings are cancelled',
    async () => {
      const codes = new Map(
        (await api('GET', `/api/events/${ids.event}/check-ins`)).items.map((i: { attendee: { id: number; checkInCode: string } }) => [
          i.attendee.id,
          i.attendee.checkInCode,
        ]),
      );
      const { context, page } = await open(ADMIN_TOKEN, PHONE, `#/events/${ids.event}/check-in`);
      await journey(page, async () => {
        await page.getByRole('heading', { name: /^Check-in · 2026-12-08/ }).waitFor();
        const code = page.getByLabel('Check-in code');
        // As a scanner or a person types it: lower case, with the dash.
        const typed = (id: number) => {
          const c = codes.get(id) as string;
          return `${c.slice(0, 4).toLowerCase()}-${c.slice(4).toLowerCase()}`;
        };
        await code.fill(typed(ids.yumi!));
        await page.getByRole('button', { name: 'Check in', exact: true }).click();
        await page.getByText('中村 由美 checked in').waitFor();
        await code.fill(typed(ids.oyun!));
        await code.press('Enter');
        await page.getByText('Оюун checked in').waitFor();
        await code.fill(typed(ids.bat!));
        await page.getByRole('button', { name: 'Mark absent', exact: true }).click();
        await page.getByText('Батбаяр marked absent; 2 meetings cancelled').waitFor();
        await page.getByText('2 present · 1 absent · 2 not yet').waitFor();
        // A volunteer who cannot read Japanese finds 中村 由美 by her Latin name, shown beside it.
        await page.getByLabel('Find by name or organisation').fill('nakamura');
        await expect.poll(() => page.locator('.check-in-list li').count()).toBe(1);
        expect(await page.locator('.check-in-list li').first().innerText()).toMatch(/中村 由美\s*\(Nakamura Yumi\)/);
        await page.getByLabel('Find by name or organisation').fill('');
        expect((await api('GET', `/api/meetings/${ids.yumiBat}`)).status).toBe('cancelled');
        expect(await overflowsWidth(page)).toBe(false);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'event-day-check-in');
      });
      await context.close();
    },
    JOURNEY,
  );

  it(
    'the matchmaker reviews the standby meeting proposed for the freed slot and applies it; the table page shows the new pair',
    async () => {
      const { context, page } = await open(ADMIN_TOKEN, { width: 1280, height: 900 }, `#/events/${ids.event}/standby`);
      await journey(page, async () => {
        await page.getByRole('heading', { name: 'Re-planning the day' }).waitFor();
        // Ken lost his 10:00 too, but nobody is on standby for his organisation.
        await page.getByRole('heading', { name: '2 meetings lost to no-shows' }).waitFor();
        const proposal = page.locator('.proposals li');
        expect(await proposal.innerText()).toMatch(/中村 由美 ⇄ Сараа[\s\S]*instead of the meeting with Батбаяр/);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'event-day-standby');
        await page.getByRole('button', { name: 'Apply the proposed meetings' }).click();
        await page.getByText('1 meetings booked').waitFor();
        await page.getByText('No standby pair fits.').waitFor();
      });
      const booked = (await api('GET', `/api/events/${ids.event}/agenda?attendeeId=${ids.saraa}`)).items[0];
      expect(booked).toMatchObject({ dayReason: 'standby', localStart: '2026-12-08T11:00', sequence: 0 });
      // Untouched: Yumi and Oyun still meet at 10:30 at the same table, SEQUENCE 0.
      expect(await api('GET', `/api/meetings/${ids.yumiOyun}`)).toMatchObject({ status: 'scheduled', localStart: '2026-12-08T10:30', sequence: 0 });

      // At the table, on a phone, during the 10:30 slot: now Yumi and Oyun, next the new pair.
      clock = new Date(at('10:40'));
      await page.setViewportSize(PHONE);
      await page.goto(`${base}/#/events/${ids.event}/live/table/${booked.table.id}`);
      await journey(page, async () => {
        const next = page.locator('.live-slot', { has: page.getByRole('heading', { name: /^Next · 11:00/ }) });
        await next.waitFor();
        // An organisation as on every page (ui.tsx Name): its name, then its Latin form in small letters.
        expect(await next.innerText()).toMatch(/中村 由美 \(Nakamura Yumi\)[\s\S]*Сараа \(Saraa\)[\s\S]*Номин Трейд ХХК Nomin Tryeid KHKHK/);
        expect(await overflowsWidth(page)).toBe(false);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'event-day-table');

        // The room at a glance: empty tables, who is late, the day's figures.
        await page.getByRole('link', { name: '← Now and next' }).click();
        await page.getByRole('heading', { name: 'Attendance' }).waitFor();
        expect(await page.getByText(/^Empty tables: /).innerText()).toBe('Empty tables: A2, A3');
        const lost = page.locator('.numbers div', { hasText: 'Lost to no-shows' }).locator('dd');
        expect(await lost.innerText()).toBe('2');
        expect(await page.locator('.numbers div', { hasText: 'From the standby list' }).locator('dd').innerText()).toBe('1');
        expect(await page.getByText(/^No-shows by side:/).innerText()).toBe('No-shows by side: MN 2');
        expect(await overflowsWidth(page)).toBe(false);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'event-day-live');
      });
      await context.close();
    },
    JOURNEY,
  );

  it(
    'the attendee sees the change and prints an agenda (PDF) that shows it, with the QR check-in code',
    async () => {
      const token = (await api('POST', `/api/attendees/${ids.yumi}/tokens`, {})).token;
      const { context, page } = await open(token, PHONE);
      await journey(page, async () => {
        const changes = page.locator('.day-changes');
        await changes.waitFor();
        expect(await changes.innerText()).toMatch(/Cancelled: partner absent[\s\S]*Батбаяр[\s\S]*New \(from the standby list\)[\s\S]*Сараа/);
        // Her 10:30 meeting has started: she says it took place.
        const started = page.locator(`li[data-meeting="${ids.yumiOyun}"]`);
        await started.getByRole('button', { name: 'Held', exact: true }).click();
        await started.getByText('Held').waitFor();
        expect((await api('GET', `/api/meetings/${ids.yumiOyun}`)).attendance).toBe('held');
        await page.getByRole('link', { name: 'Print my agenda' }).click();
        const sheet = page.locator('article.sheet');
        await sheet.waitFor();
        await page.locator('.qr img').evaluate((img) => (img as HTMLImageElement).decode());
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'event-day-agenda');
        const code = (await page.locator('.qr strong.code').innerText()).trim();
        for (const lang of ['en', 'ja', 'mn'] as const) {
          await setLanguage(page, lang);
          const pdf = await printed(page, `event-day-agenda-${lang}`);
          expect(pdf.pages, `pages of the ${lang} agenda`).toBe(1);
          // Table cells wrap lines where they like: compare without white space.
          const flat = pdf.text.replace(/\s+/g, '');
          const has = (words: string) => expect(flat, `${lang}: ${pdf.text}`).toContain(words.replace(/\s+/g, ''));
          has(code);
          // Names as the reader reads them (matching/text/names.ts): the Latin form beside a Mongolian
          // name for a Japanese or English reader, not for a Mongolian one.
          if (lang === 'mn') {
            has('Сараа');
            has('Батбаяр');
            expect(flat).not.toContain('(Saraa)');
          } else {
            has('Сараа (Saraa)');
            has('Батбаяр (Batbayar)');
          }
          has({ en: 'Cancelled: partner absent', ja: '取消: 相手が欠席', mn: 'Цуцлагдсан: түнш ирээгүй' }[lang]);
          has({ en: 'New (from the standby list)', ja: '新規(待機リストから)', mn: 'Шинэ (нөөцөөс)' }[lang]);
        }
        await setLanguage(page, 'en');
      });
      await context.close();
    },
    JOURNEY,
  );

  it(
    'prints every agenda in one document, the landscape grid and the check-in list',
    async () => {
      const { context, page } = await open(ADMIN_TOKEN, { width: 1280, height: 900 }, `#/events/${ids.event}/print/agendas`);
      await journey(page, async () => {
        await page.locator('article.sheet').first().waitFor();
        await page.locator('.qr img').evaluateAll((imgs) => Promise.all(imgs.map((img) => (img as HTMLImageElement).decode())));
        const agendas = await printed(page, 'event-day-all-agendas');
        expect(agendas.pages).toBe(5);
        for (const name of ['中村 由美', '高橋 健', 'Батбаяр', 'Оюун', 'Сараа']) expect(agendas.text).toContain(name);
        expect(await accessibilityProblems(page)).toEqual([]);

        await page.getByRole('link', { name: 'Whole grid (landscape)' }).click();
        await page.locator('article.sheet.landscape').waitFor();
        const grid = await printed(page, 'event-day-grid');
        expect(grid.pages).toBe(1);
        expect(execFileSync('pdfinfo', [join(SCREENSHOTS, 'event-day-grid.pdf')], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 59\d\.\d+/);
        expect(grid.text).toMatch(/A1[\s\S]*A2[\s\S]*A3/);

        await page.getByRole('link', { name: 'Check-in list' }).click();
        await page.getByRole('heading', { name: 'Check-in list · 2026-12-08' }).waitFor();
        const list = await printed(page, 'event-day-check-in-list');
        expect(list.pages).toBe(1);
        expect(list.text).toMatch(/Present/);
        expect(list.text).toMatch(/Absent/);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'event-day-check-in-list');
      });
      await context.close();
    },
    JOURNEY,
  );

  it(
    'keeps the attendee’s agenda working from its last copy when the network drops, marked as possibly outdated',
    async () => {
      const token = (await api('POST', `/api/attendees/${ids.yumi}/tokens`, {})).token;
      const { context, page } = await open(token, PHONE, '#/print', false);
      await journey(page, async () => {
        await page.locator('article.sheet').waitFor();
        // The service worker has installed and kept the page and its files.
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await page.goto(`${base}/#/`);
        await page.locator('.day-changes').waitFor();
        // The venue's network drops: the service stops answering.
        const closed = new Promise((resolve) => app.server.close(resolve));
        app.server.closeAllConnections();
        await closed;
        await page.reload();
        await page.locator('.offline-banner').waitFor();
        expect(await page.locator('.offline-banner').innerText()).toMatch(/^Offline: showing the copy loaded at .*\d\d:\d\d; it may be out of date\.$/);
        const sheet = page.locator('article.sheet');
        expect(await sheet.innerText()).toMatch(/Сараа \(Saraa\)[\s\S]*New \(from the standby list\)/);
        expect(await overflowsWidth(page)).toBe(false);
        await screenshots(page, 'event-day-offline');
      });
      await context.close();
    },
    JOURNEY,
  );

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
