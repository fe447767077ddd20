import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, testApp } from '../helpers.ts';
import {
  accessibilityProblems,
  downloaded,
  glyphsRender,
  journey,
  launch,
  matchmakerApi,
  overflowsWidth,
  screenshots,
  SCREENSHOTS,
  setLanguage,
  openPage,
} from './browser.ts';
import { centre, mouseDrag, planDrag } from './grid-drag.ts';

/**
 * One journey per role in real Chromium against the real service on a port (demo data, real
 * SQLite, real migrations): a matchmaker imports a CSV, approves pairs and schedules a session; an
 * organisation sees its suggestions and requests a meeting; the other side's attendee accepts it,
 * books a slot and downloads the .ics. Screenshots of every main page in ja, mn and en go to
 * test-results/screenshots/.
 */

const FIXTURES = join(import.meta.dirname, 'fixtures');
const JOURNEY = 120_000;

let app: FastifyInstance;
let browser: Browser;
let base: string;
const errors: string[] = [];

const api = matchmakerApi(() => app, admin);

const open = (token: string | null, viewport = { width: 1280, height: 900 }) => openPage(browser, base, { token, typed: true, viewport, errors });

const notice = (page: Page) => page.locator('.notice[role=status]');

beforeAll(async () => {
  ({ app } = await testApp({ seed: 'demo' }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

// Filled in by one journey and used by the next.
let organizationToken = '';
let requestedOrganizationId = 0;
let requesterName = '';

describe('the web app in Chromium', () => {
  it(
    'signs in with a token, in Japanese, Mongolian or English, and draws both scripts',
    async () => {
      const { context, page } = await open(null);
      await screenshots(page, 'sign-in');
      const rendered = await glyphsRender(page);
      expect(rendered.ok, rendered.detail).toBe(true);
      await page.getByLabel('Token').fill('not-a-real-token-at-all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.locator('[role=alert]').innerText()).toMatch(/^The token is not valid/);
      // Problems are worded in the reader's language from their code; the service's English stays out.
      await setLanguage(page, 'ja');
      expect(await page.locator('[role=alert]').innerText()).toMatch(/^トークンが無効です/);
      await setLanguage(page, 'en');
      expect(await accessibilityProblems(page)).toEqual([]);
      await context.close();
    },
    JOURNEY,
  );

  it(
    'matchmaker: imports a CSV (row errors first, nothing stored), approves pairs, sets up and schedules a session',
    async () => {
      const { context, page } = await open(ADMIN_TOKEN);
      await page.getByRole('heading', { name: 'Review queue' }).waitFor();

      // Import: a file with a bad row is refused whole, with a row-by-row table.
      const before = (await api('GET', '/api/organizations?limit=1')).total;
      await page.getByRole('link', { name: 'Import' }).click();
      await page.getByLabel('File').setInputFiles(join(FIXTURES, 'import-bad.csv'));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const errorRows = page.locator('table.row-errors tbody tr');
      await errorRows.first().waitFor();
      const table = await page.locator('table.row-errors').innerText();
      expect(table).toContain('mn-web-1');
      // Fields by their label, never their path.
      expect(table).toMatch(/Country/);
      expect(table).toMatch(/Kind/);
      expect(table).toMatch(/City/);
      expect((await api('GET', '/api/organizations?limit=1')).total).toBe(before);
      // The problems are worded in the reader's language (from their codes).
      await setLanguage(page, 'ja');
      expect(await page.locator('table.row-errors').innerText()).toMatch(
        /必須です[\s\S]*次のいずれかにしてください: company, startup, ngo, education[\s\S]*JP や MN のような国コード/,
      );
      await setLanguage(page, 'mn');
      expect(await page.locator('table.row-errors').innerText()).toContain('заавал бөглөнө');
      await setLanguage(page, 'en');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshots(page, 'import-errors');

      await page.getByLabel('File').setInputFiles(join(FIXTURES, 'import-good.csv'));
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByText('2 created, 0 updated').waitFor();
      expect((await api('GET', '/api/organizations?limit=1')).total).toBe(before + 2);
      // The template the page offers imports as it is.
      const template = await downloaded(page, () => page.getByRole('link', { name: 'Download a CSV template' }).click());
      expect(template.name).toBe('musubi-profiles.csv');
      await page.getByLabel('File').setInputFiles({ name: template.name, mimeType: 'text/csv', buffer: Buffer.from(template.text) });
      const [imported2] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/organizations/import')),
        page.getByRole('button', { name: 'Import', exact: true }).click(),
      ]);
      expect(imported2.status()).toBe(200);
      expect((await api('GET', '/api/organizations?limit=1')).total).toBe(before + 4);
      const imported = (await api('GET', '/api/organizations?q=Haskap')).items[0];
      // The new profiles are ranked in the background; their pair reaches the queue.
      await expect.poll(async () => (await api('GET', `/api/matches?organizationId=${imported.id}`)).total, { timeout: 30_000 }).toBeGreaterThan(0);

      // The directory finds the new Japanese farm by a Japanese word; its best partner is the
      // Mongolian-only sea buckthorn grower (no word in common), whose pair is approved from there.
      await page.getByRole('link', { name: 'Organisations' }).click();
      await page.getByLabel('Words (any language)').fill('ハスカップ');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('1 organisations').waitFor();
      await page.getByRole('link', { name: /Hokkaido Haskap Farm|北海道ハスカップ農園/ }).click();
      const best = page.locator('article.suggestion').first();
      await best.waitFor();
      expect(await best.locator('h2').innerText()).toMatch(/Seabuckthorn Urguu|Чацаргана Өргөө/);
      expect(await best.locator('.concept').first().innerText()).toBe('sea buckthorn');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshots(page, 'organization');
      await page.getByRole('button', { name: 'Review this organisation’s pairs' }).click();
      await page.locator('.queue li').first().waitFor();
      const pairId = Number(await page.locator('.queue li.selected').getAttribute('data-match'));
      expect(await page.locator('.queue li.selected').innerText()).toMatch(/Seabuckthorn Urguu|Чацаргана Өргөө/);
      await page.keyboard.press('a');
      await expect.poll(() => page.locator('.queue li').first().locator('.badge').innerText()).toBe('Approved');
      expect((await api('GET', `/api/matches/${pairId}`)).status).toBe('approved');
      await page.getByRole('link', { name: 'Show all' }).click();
      await page.getByText(/^Only pairs of/).waitFor({ state: 'detached' });

      // Review: the keyboard approves the three best pending pairs; a note and a button reject the fourth.
      await page.getByRole('link', { name: 'Review' }).click();
      const rows = page.locator('.queue li');
      await rows.first().waitFor();
      const ids = await rows.evaluateAll((els) => els.slice(0, 4).map((el) => Number(el.getAttribute('data-match'))));
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('a');
        await expect.poll(() => rows.nth(i).locator('.badge').innerText()).toBe('Approved');
      }
      await expect.poll(() => page.locator('.queue li.selected').getAttribute('data-match')).toBe(String(ids[3]));
      await page.keyboard.press('n');
      await page.keyboard.type('Same products; not this year');
      await page.getByRole('button', { name: /^Reject/ }).click();
      await expect.poll(() => rows.nth(3).locator('.badge').innerText()).toBe('Rejected');
      for (const id of ids.slice(0, 3)) expect((await api('GET', `/api/matches/${id}`)).status).toBe('approved');
      const rejected = await api('GET', `/api/matches/${ids[3]}`);
      expect([rejected.status, rejected.note]).toEqual(['rejected', 'Same products; not this year']);
      // The filter shows what it says.
      await page.getByLabel('Status').selectOption('approved');
      await expect.poll(async () => new Set(await page.locator('.queue .badge').allInnerTexts())).toEqual(new Set(['Approved']));
      // Marked evidence in the detail pane.
      expect(await page.locator('.detail mark').count()).toBeGreaterThan(0);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshots(page, 'review');

      // A new session: set up, attendees from the approved pairs, an interpreter, the scheduler.
      await page.getByRole('link', { name: 'Sessions' }).click();
      await page.getByText('Set up a new session').click();
      await page.getByLabel('Name', { exact: true }).fill('Web test session, Ulaanbaatar');
      await page.getByLabel('First day').fill('2026-12-10');
      await page.getByLabel('Tables', { exact: true }).fill('6');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByRole('heading', { name: 'Web test session, Ulaanbaatar' }).waitFor();
      const eventId = Number(new URL(page.url()).hash.split('/')[2]);
      expect(eventId).toBeGreaterThan(2);

      // Two more tables, from the session's settings.
      await page.getByText('Change the session’s settings').click();
      await page.getByLabel('Tables to add').fill('2');
      await page.locator('form[aria-label="Change the session’s settings"]').getByRole('button', { name: 'Save' }).click();
      await page.getByText('Settings saved').waitFor();
      expect((await api('GET', `/api/events/${eventId}`)).tables.map((tb: { name: string }) => tb.name)).toEqual([
        'T1',
        'T2',
        'T3',
        'T4',
        'T5',
        'T6',
        'T7',
        'T8',
      ]);

      await page.getByRole('button', { name: 'Register every organisation with an approved pair' }).click();
      await expect.poll(() => notice(page).innerText(), { timeout: 30_000 }).toMatch(/^\d+ attendees registered$/);
      const attendees = (await api('GET', `/api/events/${eventId}/attendees`)).items;
      expect(attendees.length).toBeGreaterThan(20);
      // One more person, free only 09:00–11:00 Ulaanbaatar time.
      const addForm = page.locator('form[aria-label="Add an attendee"]');
      await addForm.getByLabel('Organisation').selectOption({ label: 'Hokkaido Haskap Farm Co.' });
      await addForm.getByLabel('Person').fill('Sato Ken');
      await addForm.getByLabel(/^Free from/).fill('09:00');
      await addForm.getByLabel('Free until').fill('11:00');
      await addForm.getByRole('button', { name: 'Add an attendee' }).click();
      await expect
        .poll(async () => (await api('GET', `/api/events/${eventId}/attendees`)).items.find((a: { name: string }) => a.name === 'Sato Ken')?.availability)
        .toEqual([{ start: '2026-12-10T01:00:00.000Z', end: '2026-12-10T03:00:00.000Z' }]);

      await page.getByLabel('Interpreter’s name').fill('Туяа Б.');
      await page.getByLabel('Language pairs').fill('ja-mn');
      await page.getByRole('button', { name: 'Add an interpreter' }).click();
      await page.getByRole('heading', { name: '1 interpreters' }).waitFor();

      await page.getByRole('button', { name: 'Run the scheduler' }).click();
      await expect.poll(() => notice(page).innerText(), { timeout: 30_000 }).toMatch(/^\d+ placed, 0 kept, \d+ not placed$/);
      const meetings = page.locator('.grid-table button.meeting');
      await meetings.first().waitFor();
      const scheduled = (await api('GET', `/api/events/${eventId}/agenda`)).items;
      expect(await meetings.count()).toBe(scheduled.filter((m: { start: string }) => m.start.startsWith('2026-12-10')).length);
      expect(await page.locator('.grid-table .interp').count()).toBe(scheduled.filter((m: { interpreter: unknown }) => m.interpreter).length);
      expect(await page.locator('.grid-table .interp').count()).toBeGreaterThan(0);

      // Drag a meeting to a free table cell of its row with the mouse; the service moves it (same UID,
      // SEQUENCE + 1). As a person does it on a grid wider than the screen: scrolled sideways until the
      // meeting and the free cell are both in view, then pressed, carried and dropped.
      // (One without an interpreter: the only one is busy in every slot, so moving hers is refused.)
      const grid = page.getByRole('region', { name: 'Schedule' });
      expect(await grid.evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);
      const drag = await grid.evaluate(planDrag, { twoMeetings: false });
      expect(drag, 'a movable meeting and a free table in one row, both in view at once').not.toBeNull();
      const { dragged, slot, tableId } = drag!;
      await grid.evaluate((box, left) => box.scrollTo({ left }), drag!.scrollLeft);
      await mouseDrag(page, `.grid-table button.meeting[data-meeting="${dragged}"]`, `.grid-table td[data-slot="${slot}"][data-table="${tableId}"]`);
      await page.getByText('Meeting moved').waitFor();
      const moved = await api('GET', `/api/meetings/${dragged}`);
      expect([moved.start, moved.table.id, moved.sequence]).toEqual([slot, tableId, 1]);

      // The grid scrolls sideways under a pressed mouse (a wheel, a touchpad): Chromium then starts
      // the drag from whatever meeting has come under the pointer. Only the pressed one may move,
      // so nothing moves, and the other meeting stays where it was.
      const slip = await grid.evaluate(planDrag, { twoMeetings: true });
      expect(slip, 'two movable meetings and a free table in one row').not.toBeNull();
      await grid.evaluate((box, left) => box.scrollTo({ left }), slip!.scrollLeft);
      const pressedMeeting = page.locator(`.grid-table button.meeting[data-meeting="${slip!.dragged}"]`);
      await pressedMeeting.scrollIntoViewIfNeeded();
      const standing = (await api('GET', `/api/events/${eventId}/agenda`)).items.map((m: { id: number; start: string; table: unknown }) => [
        m.id,
        m.start,
        m.table,
      ]);
      const at = await centre(pressedMeeting);
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      await grid.evaluate((box, left) => box.scrollTo({ left }), slip!.scrollLeft + slip!.shift);
      expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-meeting]')?.getAttribute('data-meeting'), [at.x, at.y])).toBe(
        String(slip!.other),
      );
      const cell = await centre(page.locator(`.grid-table td[data-slot="${slip!.slot}"][data-table="${slip!.tableId}"]`));
      await page.mouse.move(cell.x, cell.y, { steps: 12 });
      await page.mouse.up();
      await page.waitForTimeout(500);
      const after = (await api('GET', `/api/events/${eventId}/agenda`)).items.map((m: { id: number; start: string; table: unknown }) => [
        m.id,
        m.start,
        m.table,
      ]);
      expect(after).toEqual(standing);

      // Or pick it from the keyboard and choose another slot in the form (which takes the focus).
      await page.locator(`.grid-table button.meeting[data-meeting="${dragged}"]`).focus();
      await page.keyboard.press('Enter');
      const slotSelect = page.locator('.move-form select[name=slot]');
      await expect.poll(() => slotSelect.evaluate((el) => el === document.activeElement)).toBe(true);
      const options = await slotSelect.locator('option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
      let picked: string | null = null;
      for (const option of options.reverse()) {
        if (option === slot) continue;
        // A slot where one of the two is busy is refused (409, shown on the page); try the next one.
        await slotSelect.selectOption(option);
        const [answer] = await Promise.all([
          page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/api/meetings/${dragged}`)),
          page.locator('.move-form').getByRole('button', { name: 'Save' }).click(),
        ]);
        if (answer.status() === 200) {
          picked = option;
          await page.locator('.move-form').waitFor({ state: 'detached' });
          break;
        }
        expect(answer.status()).toBe(409);
        // Worded by its code (who or what is taken, at a local time), never a UTC instant or a field path.
        const clash = page.locator('[role=alert][data-code]');
        await clash.waitFor();
        expect(await clash.innerText()).not.toMatch(/\d{4}-\d\d-\d\dT|attendeeIds/);
      }
      expect(picked).not.toBeNull();
      expect((await api('GET', `/api/meetings/${dragged}`)).start).toBe(picked);

      // Figures with a chart, and the whole agenda as CSV.
      expect(Number(await page.locator('dd[data-figure=meetings]').innerText())).toBe(scheduled.length);
      expect(await page.locator('.chart canvas').count()).toBe(1);
      const csv = await downloaded(page, () => page.getByRole('button', { name: 'Whole agenda (CSV)' }).click());
      expect(csv.name).toBe(`musubi-event-${eventId}.csv`);
      expect(csv.text.split('\n').length).toBeGreaterThan(scheduled.length);

      // An attendee who cancelled is removed, after a confirmation.
      await page.getByText('List of attendees').click();
      const firstRow = page.locator('table.attendees tbody tr').first();
      const removedId = Number(await firstRow.getAttribute('data-attendee'));
      page.once('dialog', (dialog) => void dialog.accept());
      await firstRow.getByRole('button', { name: 'Remove' }).click();
      await expect.poll(async () => (await api('GET', `/api/events/${eventId}/attendees`)).items.some((a: { id: number }) => a.id === removedId)).toBe(false);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshots(page, 'event');

      // Hand a sign-in token to the organisation that will ask for a meeting (demo session 1).
      await page.goto(`${base}/#/events/1`);
      await page.getByText('List of attendees').click();
      const row = page.locator('table.attendees tr', { hasText: 'ミナトアパレル' }).first();
      await row.getByRole('button', { name: 'Organisation' }).click();
      organizationToken = (await page.locator('code.secret').first().innerText()).trim();
      expect(await page.locator('code.secret').nth(1).innerText()).toBe(`${base}/#/sign-in/${organizationToken}`);
      expect(organizationToken.length).toBeGreaterThan(20);
      await context.close();
    },
    JOURNEY,
  );

  it(
    'organisation: sees suggestions with the evidence marked in the reader’s language, requests a meeting, edits its profile',
    async () => {
      const { context, page } = await open(organizationToken);
      await page.getByRole('heading', { name: 'Suggested partners' }).waitFor();
      const cards = page.locator('article.suggestion');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThan(3);
      // Both sides of a reason have their matching words marked.
      const bothMarked = await page
        .locator('.reasons > li')
        .evaluateAll((items) => items.filter((li) => [...li.querySelectorAll('blockquote')].every((q) => q.querySelector('mark'))).length);
      expect(bothMarked).toBeGreaterThan(0);
      // Concept labels follow the reader: Japanese script in ja, Cyrillic in mn.
      await setLanguage(page, 'ja');
      expect((await page.locator('article.suggestion').first().locator('.concept').allInnerTexts()).join('')).toMatch(
        /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u,
      );
      await setLanguage(page, 'mn');
      expect((await page.locator('article.suggestion').first().locator('.concept').allInnerTexts()).join('')).toMatch(/\p{Script=Cyrillic}/u);
      await setLanguage(page, 'en');
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshots(page, 'suggestions');
      // A card shows its strongest reasons; one that has more links to the partner's page, which shows them.
      const card = cards.filter({ has: page.locator('.more-reasons a') }).first();
      const more = card.locator('.more-reasons a');
      expect(await card.locator('.reasons > li').count()).toBe(4);
      const moreCount = Number((await more.innerText()).match(/\d+/)![0]);
      await more.click();
      await page.locator('section.partner').waitFor();
      expect(await page.locator('section.partner .reasons > li').count()).toBe(Math.min(8, 4 + moreCount));
      await page.goBack();
      await cards.first().waitFor();

      const first = cards.first();
      await first.getByRole('button', { name: 'Request a meeting' }).click();
      await first.getByLabel('Session').selectOption('1');
      await first.getByLabel('Message (optional)').fill('Could we talk about supply for next season?');
      await first.getByRole('button', { name: 'Send the request' }).click();
      await first.getByText('Request sent').waitFor();
      const requests = (await api('GET', '/api/events/1/requests')).items;
      const sent = requests[requests.length - 1];
      expect(sent.message).toBe('Could we talk about supply for next season?');
      requestedOrganizationId = sent.toOrganizationId;
      requesterName = sent.from.organization;

      await page.getByRole('link', { name: 'Meetings' }).click();
      await page.getByText('Awaiting their answer').first().waitFor();
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshots(page, 'organization-meetings');

      await page.getByRole('link', { name: 'Profile' }).click();
      await page.getByRole('tab', { name: /English/ }).click();
      const offers = page.getByLabel('What you offer');
      await offers.fill(`${await offers.inputValue()}\nSmall-lot knitwear design consulting`.trim());
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved. Your suggestions are being updated.').waitFor();
      const me = await api(
        'GET',
        `/api/organizations/${(await api('GET', '/api/events/1/attendees')).items.find((a: { name: string; organizationId: number }) => a.organizationId === sent.from.organizationId).organizationId}`,
      );
      expect(me.offers.some((o: { en?: string }) => o.en === 'Small-lot knitwear design consulting')).toBe(true);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshots(page, 'profile');

      // On a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('link', { name: 'Suggestions' }).click();
      await cards.first().waitFor();
      expect(await overflowsWidth(page)).toBe(false);
      await page.screenshot({ path: join(SCREENSHOTS, 'suggestions-phone-en.png'), fullPage: false });
      await context.close();
    },
    JOURNEY,
  );

  it(
    'attendee: accepts the request, books a free slot in their own time zone and downloads the .ics',
    async () => {
      const attendee = (await api('GET', '/api/events/1/attendees')).items.find(
        (a: { organizationId: number }) => a.organizationId === requestedOrganizationId,
      );
      const token = (await api('POST', `/api/attendees/${attendee.id}/tokens`, { label: 'browser test' })).token;
      // Signed in by the link a matchmaker hands over; the token leaves the address bar at once.
      const { context, page } = await open(null, { width: 390, height: 844 });
      await journey(page, async () => {
        await page.goto(`${base}/#/sign-in/${token}`);
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        expect(page.url()).not.toContain(token);
        await page.getByRole('heading', { name: `Meetings of ${attendee.name}` }).waitFor();
        const request = page.locator('.requests li', { hasText: requesterName });
        await request.getByText('Needs your answer').waitFor();
        await screenshots(page, 'attendee-request');

        await request.getByRole('button', { name: 'Accept' }).click();
        await page.getByText('Accepted. Now pick a slot.').waitFor();
        const slot = await request.locator('select').inputValue();
        await request.getByRole('button', { name: 'Book this slot' }).click();
        await page.getByText('Meeting booked.').waitFor();
        const row = page.locator('tr[data-meeting]', { hasText: requesterName });
        await row.waitFor();
        await expect.poll(() => request.locator('.badge').innerText()).toBe('Confirmed');
        // The time is shown in the attendee's own zone.
        const local = new Intl.DateTimeFormat('en-GB', { timeZone: attendee.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
          new Date(slot),
        );
        expect(await row.locator('td').first().innerText()).toContain(local);
        expect(await overflowsWidth(page)).toBe(false);

        const ics = await downloaded(page, () => page.getByRole('button', { name: 'Download my calendar (.ics)' }).click());
        expect(ics.name).toMatch(/\.ics$/);
        expect(ics.text).toContain('BEGIN:VCALENDAR');
        expect(ics.text).toMatch(/UID:meeting-/);
        expect(ics.text).toContain(`DTSTART:${slot.replace(/[-:]/g, '').replace(/\.\d+/, '')}`);

        // Below the meetings, the organisation's suggested partners: the attendee asks one in their own name.
        const card = page.locator('article.suggestion').filter({ hasNotText: requesterName }).first();
        await card.getByRole('button', { name: 'Request a meeting' }).click();
        await expect.poll(() => card.getByLabel('Who attends').locator('option').allInnerTexts()).toEqual([attendee.name]);
        await card.getByRole('button', { name: 'Send the request' }).click();
        await card.getByText('Request sent').waitFor();
        const mine = (await api('GET', '/api/events/1/requests')).items.filter((r: { fromAttendeeId: number }) => r.fromAttendeeId === attendee.id);
        expect(mine).toHaveLength(1);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'attendee-meetings');
      });
      await context.close();
    },
    JOURNEY,
  );

  it('logged no errors in the browser', () => {
    expect(errors).toEqual([]);
  });
});
