/// <reference lib="dom" />
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, testApp } from '../helpers.ts';
import { accessibilityProblems, journey as runJourney, launch, matchmakerApi, screenshots, setLanguage, openPage } from './browser.ts';

/**
 * Issue 12's rules in real Chromium against the service with the demo data: an attendee asks for a
 * meeting in the morning, moves it to the afternoon and marks slots they cannot attend; a
 * matchmaker keeps a pair to the morning and pins it, vetoes another, finds it under "Vetoed"; and
 * marks a slot unavailable for an attendee who has a meeting then (refused, naming it, until the
 * meeting is cancelled with it). Each new view is saved in ja, mn and en; axe-core finds nothing.
 */

const JOURNEY = 120_000;
let app: FastifyInstance;
let browser: Browser;
let base: string;
const errors: string[] = [];
const api = matchmakerApi(() => app, admin);

interface Attendee {
  id: number;
  organizationId: number;
  name: string;
  unavailable: string[];
}
interface Slot {
  start: string;
  local: string;
}

async function open(token: string, hash = '#/'): Promise<Page> {
  return (await openPage(browser, base, { token, hash: hash === '#/' ? '' : hash, errors })).page;
}

function journey(page: Page, steps: () => Promise<void>): Promise<void> {
  return runJourney(page, steps).finally(() => page.context().close());
}

beforeAll(async () => {
  // A week before the demo sessions, so no request expires and nothing is on the day yet.
  ({ app } = await testApp({ seed: 'demo', now: new Date('2026-12-01T00:00:00Z') }));
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  expect(errors).toEqual([]);
});

describe('scheduling rules in the web app (issue 12)', () => {
  it(
    'an attendee asks for a morning meeting, moves it to the afternoon and marks slots they cannot attend',
    async () => {
      const attendees = (await api<{ items: Attendee[] }>('GET', '/api/events/1/attendees')).items;
      const attending = new Set(attendees.map((a) => a.organizationId));
      // Someone whose suggestions include an organisation at the session that nobody has asked yet.
      let found: { asker: Attendee; partner: number } | null = null;
      for (const a of attendees) {
        const items = (
          await api<{ items: { organization: { id: number }; relation: object }[] }>('GET', `/api/organizations/${a.organizationId}/suggestions?limit=10`)
        ).items;
        const s = items.find((x) => attending.has(x.organization.id) && Object.keys(x.relation).length === 0);
        if (s) {
          found = { asker: a, partner: s.organization.id };
          break;
        }
      }
      expect(found).not.toBeNull();
      const { asker, partner } = found!;
      const token = (await api<{ token: string }>('POST', `/api/attendees/${asker.id}/tokens`, {})).token;
      const event = await api<{ slots: Slot[] }>('GET', '/api/events/1');

      const page = await open(token);
      await journey(page, async () => {
        const card = page.locator('article.suggestion', { has: page.locator(`#org-${partner}`) });
        await card.waitFor();
        await card.getByRole('button', { name: 'Request a meeting' }).click();
        await card.getByLabel('Part of the day').selectOption('morning');
        expect(await accessibilityProblems(page)).toEqual([]);
        await card.getByRole('button', { name: 'Send the request' }).click();
        await card.getByText('Request sent').waitFor();
        const sent = () =>
          api<{ items: { id: number; toOrganizationId: number; part: string }[] }>('GET', '/api/events/1/requests?limit=500').then(
            (r) => r.items.find((x) => x.toOrganizationId === partner)!,
          );
        expect((await sent()).part).toBe('morning');

        // The request is listed under "Your requests" after a reload; its part can change there.
        await page.reload();
        const mine = page.locator(`li[data-request="${(await sent()).id}"]`);
        await mine.getByLabel('Part of the day').selectOption('afternoon');
        await page.getByText('Part of the day changed').waitFor();
        expect((await sent()).part).toBe('afternoon');

        // Two slots of the first day marked unavailable.
        await page.locator('details.my-unavailable summary').click();
        const [first, second] = event.slots;
        await page.locator(`input[name="unavailable-${first!.start}"]`).check();
        await page.locator(`input[name="unavailable-${second!.start}"]`).check();
        await page.getByRole('button', { name: 'Save unavailable slots' }).click();
        await page.getByText('Saved 2 unavailable slots (0 meetings cancelled)').waitFor();
        const stored = (await api<{ items: Attendee[] }>('GET', '/api/events/1/attendees')).items.find((a) => a.id === asker.id)!;
        expect(stored.unavailable).toEqual([first!.start, second!.start]);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'attendee-unavailable');
      });
    },
    JOURNEY,
  );

  it(
    'a matchmaker keeps a pair to the morning and pins it, vetoes another, and finds it under Vetoed',
    async () => {
      const page = await open(ADMIN_TOKEN, '#/review');
      await journey(page, async () => {
        await page.getByRole('heading', { name: 'Review queue' }).waitFor();
        await page.locator('.queue li').nth(1).waitFor();
        const [pinId, vetoId] = await page.locator('.queue li').evaluateAll((lis) => lis.slice(0, 2).map((li) => Number(li.getAttribute('data-match'))));
        const rules = page.locator('fieldset.pair-rules');
        await rules.getByLabel('Part of the day').selectOption('morning');
        await page.getByText('Part of the day set to “Morning”').waitFor();
        await rules.getByRole('button', { name: 'Pin: must meet' }).click();
        await page.locator(`.queue li[data-match="${pinId}"] .badge.rule-pinned`).waitFor();
        expect(await api('GET', `/api/matches/${pinId}`)).toMatchObject({ status: 'approved', rule: 'pinned', part: 'morning' });
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'review-rules');

        await page.locator(`.queue li[data-match="${vetoId}"] button.pair`).click();
        await rules.getByRole('button', { name: 'Veto: never meet' }).click();
        await page.locator(`.queue li[data-match="${vetoId}"] .badge.rule-vetoed`).waitFor();
        expect(await api('GET', `/api/matches/${vetoId}`)).toMatchObject({ status: 'rejected', rule: 'vetoed' });

        // Vetoed pairs leave the queue; the rule filter finds them.
        await page.getByLabel('Status').selectOption('');
        await page.locator('select[name="rule"]').selectOption('vetoed');
        await expect.poll(async () => page.locator('.queue li').evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-match'))))).toEqual([vetoId]);
        expect(await accessibilityProblems(page)).toEqual([]);
      });
    },
    JOURNEY,
  );

  it(
    'a matchmaker marks a slot unavailable for an attendee with a meeting then: refused with the meeting named, then cancelled with it',
    async () => {
      const attendees = (await api<{ items: Attendee[] }>('GET', '/api/events/1/attendees')).items;
      const event = await api<{ slots: Slot[] }>('GET', '/api/events/1');
      // A meeting between two attendees who are free at the session's last slot.
      const slot = event.slots.at(-1)!;
      let meeting: { id: number; attendees: { attendeeId: number }[] } | null = null;
      for (let i = 1; i < attendees.length && !meeting; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/events/1/meetings',
          headers: admin,
          payload: { attendeeIds: [attendees[0]!.id, attendees[i]!.id], slotStart: slot.start },
        });
        if (res.statusCode === 201) meeting = res.json();
      }
      expect(meeting).not.toBeNull();
      const who = attendees[0]!;
      const before = (await api<{ items: Attendee[] }>('GET', '/api/events/1/attendees')).items.find((a) => a.id === who.id)!.unavailable;

      const page = await open(ADMIN_TOKEN, '#/events/1');
      await journey(page, async () => {
        await page.getByText('List of attendees').click();
        await page.locator(`tr[data-attendee="${who.id}"]`).getByRole('button', { name: 'Unavailable slots' }).click();
        const form = page.locator('form.unavailable');
        // What is stored shows ticked (the first journey's attendee may be this one).
        for (const start of before) expect(await form.locator(`input[name="unavailable-${start}"]`).isChecked()).toBe(true);
        await form.locator(`input[name="unavailable-${slot.start}"]`).check();
        await form.getByRole('button', { name: 'Save unavailable slots' }).click();
        const refusal = form.locator('[role=alert]');
        await refusal.waitFor();
        expect(await refusal.innerText()).toContain(`meetings ${meeting!.id}`);
        expect((await api<{ items: Attendee[] }>('GET', '/api/events/1/attendees')).items.find((a) => a.id === who.id)!.unavailable).toEqual(before);
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'event-unavailable-refused');
        await setLanguage(page, 'en');

        await form.getByLabel('Cancel the meetings booked in those slots').check();
        await form.getByRole('button', { name: 'Save unavailable slots' }).click();
        await form.getByText(`Saved ${before.length + 1} unavailable slots (1 meetings cancelled)`).waitFor();
        expect((await api('GET', `/api/meetings/${meeting!.id}`)).status).toBe('cancelled');
        expect(await accessibilityProblems(page)).toEqual([]);
      });
    },
    JOURNEY,
  );
});
