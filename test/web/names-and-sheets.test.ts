/// <reference lib="dom" />
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, testApp } from '../helpers.ts';
import { accessibilityProblems, journey as runJourney, launch, matchmakerApi, screenshots, setLanguage, openPage } from './browser.ts';

/**
 * Issue 14, what was left: the printable sheet of sign-in links and the cancelled meetings, saved in
 * ja, mn and en; an interpreter's name as each reader reads it; an organisation going back to the
 * Latin name made from its name; a CSV from Japanese Excel recognised by the service. Real Chromium
 * against the service with the demo data; axe-core finds nothing on any page.
 */

const JOURNEY = 120_000;
const ENCODINGS = join(import.meta.dirname, '..', 'fixtures', 'encodings');
let app: FastifyInstance;
let browser: Browser;
let base: string;
const errors: string[] = [];
const api = matchmakerApi(() => app, admin);

async function open(token: string, lang: 'ja' | 'mn' | 'en' = 'en', path = ''): Promise<Page> {
  return (await openPage(browser, base, { token, lang, hash: path ? `#/${path}` : '', errors })).page;
}

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

interface Session {
  id: number;
  slots: { start: string }[];
}
interface Interpreter {
  id: number;
  name: string;
  nameLatin: string;
}

describe('names everyone can read, on sheets too (issue 14)', () => {
  it(
    'a matchmaker prints the sign-in links of everyone listed: the sheet alone, names as the reader reads them',
    async () => {
      const attendees = (await api<{ items: { name: string; nameLatin: string }[] }>('GET', '/api/events/1/attendees')).items;
      const japanese = attendees.find((a) => /\p{Script=Han}/u.test(a.name) && a.nameLatin)!;
      const mongolian = attendees.find((a) => /\p{Script=Cyrillic}/u.test(a.name) && a.nameLatin)!;
      expect(japanese && mongolian, 'a Japanese and a Mongolian name among the attendees').toBeTruthy();
      const page = await open(ADMIN_TOKEN, 'ja', 'events/1');
      await journey(page, async () => {
        await page.getByRole('button', { name: '表示中の全員のログイン用トークンを発行' }).click();
        const sheet = page.locator('.token-sheet');
        await expect.poll(() => sheet.locator('tbody tr').count(), { timeout: 30_000 }).toBe(attendees.length);
        // A Japanese reader: Japanese names as written, Mongolian ones with their Latin form.
        const text = await sheet.innerText();
        expect(text).toContain(japanese.name);
        expect(text).not.toContain(`${japanese.name} (${japanese.nameLatin})`);
        expect(text).toContain(`${mongolian.name} (${mongolian.nameLatin})`);
        expect(await sheet.locator('code.secret').first().innerText()).toMatch(/#\/sign-in\/\S{20,}$/);
        expect(await accessibilityProblems(page)).toEqual([]);

        // Print: only the sheet goes to paper (the dialog itself is not opened here).
        await page.evaluate(() => {
          window.print = () => {
            document.body.dataset.printedWith = document.documentElement.className;
          };
        });
        await sheet.getByRole('button', { name: '印刷' }).click();
        expect(await page.evaluate(() => document.body.dataset.printedWith)).toContain('print-tokens');
        await page.evaluate(() => document.documentElement.classList.add('print-tokens'));
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.grid-table').isVisible()).toBe(false);
        expect(await page.locator('header').first().isVisible()).toBe(false);
        expect(await sheet.locator('tbody tr').first().isVisible()).toBe(true);
        await page.emulateMedia({ media: 'screen' });
        await screenshots(page, 'token-sheet', { media: 'print' });
      });
    },
    JOURNEY,
  );

  it(
    'a Mongolian organisation sees its interpreter’s name in Latin letters and its cancelled meetings, in ja, mn and en',
    async () => {
      const session = await api<Session>('GET', '/api/events/1');
      const attending = (await api<{ items: { organizationId: number }[] }>('GET', '/api/events/1/attendees')).items;
      const orgs = (await api<{ items: { id: number; country: string }[] }>('GET', '/api/organizations?limit=500')).items;
      const mnOrg = orgs.find((o) => o.country === 'MN' && attending.some((a) => a.organizationId === o.id))!;
      const jpOrg = orgs.find((o) => o.country === 'JP' && attending.some((a) => a.organizationId === o.id))!;
      // Two people who share no language: the meeting needs an interpreter, the demo's 佐藤 明子.
      const mnPerson = await api<{ id: number }>('POST', '/api/events/1/attendees', { organizationId: mnOrg.id, name: 'Должин', languages: ['mn'] });
      const jpPerson = await api<{ id: number }>('POST', '/api/events/1/attendees', { organizationId: jpOrg.id, name: '西村 京子', languages: ['ja'] });
      const sato = (await api<{ items: Interpreter[] }>('GET', '/api/events/1/interpreters')).items.find((i) => i.name === '佐藤 明子')!;
      expect(sato.nameLatin).toBe('Satō Akiko');
      const pair = [mnPerson.id, jpPerson.id];
      // One booked and cancelled (it stays in view, marked), then the one that stands.
      const dropped = await api<{ id: number }>('POST', '/api/events/1/meetings', {
        attendeeIds: pair,
        slotStart: session.slots.at(-2)!.start,
        interpreterId: sato.id,
      });
      await api('POST', `/api/meetings/${dropped.id}/cancel`);
      const booked = await api<{ id: number }>('POST', '/api/events/1/meetings', {
        attendeeIds: pair,
        slotStart: session.slots.at(-1)!.start,
        interpreterId: sato.id,
      });
      const token = (await api<{ token: string }>('POST', `/api/organizations/${mnOrg.id}/tokens`, { label: 'names journey' })).token;

      const page = await open(token, 'mn', 'meetings');
      await journey(page, async () => {
        const row = page.locator(`tr[data-meeting="${booked.id}"], li[data-meeting="${booked.id}"]`).first();
        await row.waitFor();
        expect(await row.innerText()).toContain('佐藤 明子 (Satō Akiko)');
        const cancelled = page.locator('details.cancelled-meetings');
        await cancelled.locator('summary').click();
        await cancelled.locator(`li[data-meeting="${dropped.id}"]`).waitFor();
        expect(await cancelled.locator(`li[data-meeting="${dropped.id}"]`).innerText()).toMatch(/Цуцлагдсан/);
        expect(await accessibilityProblems(page)).toEqual([]);
        // A Japanese reader reads her name as written.
        await setLanguage(page, 'ja');
        expect(await row.innerText()).toContain('佐藤 明子');
        expect(await row.innerText()).not.toContain('Satō');
        await screenshots(page, 'cancelled-meetings');
      });
    },
    JOURNEY,
  );

  it(
    'an organisation goes back from its own Latin name to the one made from its name',
    async () => {
      const orgs = (await api<{ items: { id: number; country: string; name: Record<string, string> }[] }>('GET', '/api/organizations?country=JP&limit=500'))
        .items;
      const jp = orgs.find((o) => o.name.ja)!;
      const generated = (await api<{ nameLatin: string }>('GET', `/api/organizations/${jp.id}`)).nameLatin;
      await api('PATCH', `/api/organizations/${jp.id}`, { nameLatin: 'Our Own Spelling Co.' });
      const token = (await api<{ token: string }>('POST', `/api/organizations/${jp.id}/tokens`, { label: 'latin journey' })).token;
      const page = await open(token, 'en', 'profile');
      await journey(page, async () => {
        const field = page.getByLabel('Name in Latin letters');
        await expect.poll(() => field.inputValue()).toBe('Our Own Spelling Co.');
        await page.getByText('Written by the organisation.').waitFor();
        expect(await accessibilityProblems(page)).toEqual([]);
        await page.getByRole('button', { name: 'Back to the one made from the name' }).click();
        await page.getByText(`The Latin name is back to “${generated}”, made from the name.`).waitFor();
        expect(await field.inputValue()).toBe(generated);
        await page.getByText('Made from the name (it follows the name when the name changes).').waitFor();
        expect(await api('GET', `/api/organizations/${jp.id}`)).toMatchObject({ nameLatin: generated, nameLatinOwn: false });
        expect(await accessibilityProblems(page)).toEqual([]);
      });
    },
    JOURNEY,
  );

  it(
    'a CSV from Japanese Excel is recognised by the service; a file in another code page is refused in the reader’s language',
    async () => {
      const page = await open(ADMIN_TOKEN, 'ja', 'import');
      await journey(page, async () => {
        await page.locator('input[type=file]').setInputFiles(join(ENCODINGS, 'profiles-windows-1251.csv'));
        await page.getByRole('button', { name: 'インポート' }).click();
        const refusal = page.locator('[role=alert]').first();
        await refusal.waitFor();
        expect(await refusal.innerText()).toContain('UTF-8 でも Shift_JIS でもありません');

        // The box is left unticked: the service recognises Shift_JIS and says so.
        expect(await page.locator('input[name=shiftJis]').isChecked()).toBe(false);
        await page.locator('input[type=file]').setInputFiles(join(ENCODINGS, 'profiles-shift_jis.csv'));
        await page.getByRole('button', { name: 'インポート' }).click();
        await page.getByText('2 件を追加、0 件を更新しました').waitFor();
        await page.getByText('Shift_JIS(日本語版 Excel の CSV)と判別し').waitFor();
        const found = await api<{ items: { name: Record<string, string> }[] }>('GET', `/api/organizations?q=${encodeURIComponent('髙橋製作所')}`);
        expect(found.items.map((o) => o.name.ja)).toContain('株式会社髙橋製作所');
        expect(await accessibilityProblems(page)).toEqual([]);
      });
    },
    JOURNEY,
  );

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
