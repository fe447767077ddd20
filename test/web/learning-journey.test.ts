/// <reference lib="dom" />
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, testApp } from '../helpers.ts';
import { accessibilityProblems, journey, launch, matchmakerApi, overflowsWidth, screenshots, watchErrors } from './browser.ts';

/**
 * The weights page in Chromium (demo data): a matchmaker whose decisions favour pairs with alike
 * descriptions fits the weights, sees the fit rank the latest decisions better than the weights in
 * use, adopts it (every pair re-ranked, decisions kept), and goes back to the defaults.
 */
const JOURNEY = 180_000;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let clock = Date.parse('2027-01-10T00:00:00Z');
const api = matchmakerApi(() => app, admin);

interface Pair {
  id: number;
  score: number;
  status: string;
  signals: { about: number };
}

beforeAll(async () => {
  ({ app } = await testApp({ seed: 'demo', now: () => new Date(clock) }));
  await app.matching.idle();
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launch();
  // The matchmaker's decisions: the seed's approvals undone, then pairs with alike descriptions
  // approved and pairs with none rejected, in turn, a minute apart.
  const seeded = (await api('GET', '/api/matches?status=approved&limit=500')).items as Pair[];
  await api('POST', '/api/matches/decisions', { ids: seeded.map((p) => p.id), status: 'pending' });
  const all = (await api('GET', '/api/matches?limit=500')).items as Pair[];
  const approve = all.filter((p) => p.signals.about > 0).sort((a, b) => b.signals.about - a.signals.about);
  const reject = all.filter((p) => p.signals.about === 0).sort((a, b) => b.score - a.score);
  for (let i = 0; i < 20; i++) {
    for (const [p, status] of [
      [approve[i]!, 'approved'],
      [reject[i]!, 'rejected'],
    ] as const) {
      clock += 60_000;
      await api('PATCH', `/api/matches/${p.id}`, { status });
    }
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the weights page in Chromium', () => {
  it(
    'matchmaker: fits the weights, adopts the better fit, resets to the defaults; the page is accessible in ja/mn/en',
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await journey(page, async () => {
        await page.goto(base);
        await page.getByLabel('Token').fill(ADMIN_TOKEN);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('link', { name: 'Weights' }).click();
        await page.getByRole('heading', { name: "The score's weights, learned from decisions" }).waitFor();
        await page.getByText('The defaults are in use.').waitFor();
        await page.getByText(/Decisions to learn from: 40 approved or rejected, 0 meeting outcomes/).waitFor();
        await expect.poll(() => page.getByRole('button', { name: 'Reset to defaults' }).isDisabled()).toBe(true);

        await page.getByRole('button', { name: 'Fit on the decisions now' }).click();
        await page.getByText(/Fit #1 ranks the latest decisions better than the weights in use/).waitFor();
        const row = page.locator('tr[data-fit="1"]');
        await row.getByText('28 / 12 (40 reviewed, 0 outcomes)').waitFor();
        await row.getByText('(better)').waitFor();
        expect(await accessibilityProblems(page)).toEqual([]);
        await screenshots(page, 'learning');

        await row.getByRole('button', { name: 'Adopt fit #1' }).click();
        await page.getByText('Fit #1 adopted; every pair was re-ranked.').waitFor();
        await page.getByText(/Fit #1 is in use/).waitFor();
        await row.getByText('In use').waitFor();
        const state = await api('GET', '/api/matching/weights');
        expect(state.inUse).toMatchObject({ source: 'fitted', fitId: 1 });
        expect((await api('GET', '/api/matches?status=approved&limit=500')).total).toBe(20);
        expect((await api('GET', '/api/matches?status=rejected&limit=500')).total).toBe(20);
        expect(await accessibilityProblems(page)).toEqual([]);

        await page.getByRole('button', { name: 'Reset to defaults' }).click();
        await page.getByText('Back to the defaults; every pair was re-ranked.').waitFor();
        await page.getByText('The defaults are in use.').waitFor();
        expect((await api('GET', '/api/matching/weights')).inUse.source).toBe('defaults');

        // On a phone the tables scroll inside their boxes.
        await page.setViewportSize({ width: 390, height: 844 });
        expect(await overflowsWidth(page)).toBe(false);
        expect(await accessibilityProblems(page)).toEqual([]);
      });
      expect(errors).toEqual([]);
      await context.close();
    },
    JOURNEY,
  );
});
