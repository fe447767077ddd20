/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Download, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium (`apt-get install chromium fonts-noto-cjk`); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium fonts-noto-cjk" (or set CHROMIUM_PATH)`);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Collects what the page logs as errors and its uncaught exceptions; a journey ends with none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // A 4xx the page shows as a message is expected; anything else logged as an error is not.
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

const LANGUAGE_BUTTONS = { ja: '日本語', mn: 'Монгол', en: 'English' } as const;

export async function setLanguage(page: Page, lang: keyof typeof LANGUAGE_BUTTONS): Promise<void> {
  await page.getByRole('button', { name: LANGUAGE_BUTTONS[lang], exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/**
 * Saves the page in Japanese, Mongolian and English (test-results/screenshots/<name>-<lang>.png),
 * checking on the way that its headings and labels change language, and returns to English. With
 * `media: 'print'` each is taken as the page prints (the language is switched on screen first).
 */
export async function screenshots(page: Page, name: string, { media = 'screen' }: { media?: 'screen' | 'print' } = {}): Promise<void> {
  const headings: string[] = [];
  for (const lang of ['ja', 'mn', 'en'] as const) {
    await setLanguage(page, lang);
    await page.emulateMedia({ media });
    await page.evaluate(() => document.fonts.ready);
    headings.push((await page.locator('main :is(h1, h2, h3, label, th)').allInnerTexts()).join(' | '));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }
  expect(new Set(headings).size, `the headings and labels of ${name} in ja/mn/en: ${headings.join(' ‖ ')}`).toBe(3);
}

/**
 * Whether Japanese and Mongolian letters are drawn as real glyphs in the page's fonts: each drawn
 * letter must differ from the others and from the box drawn for a code point no font has.
 */
export async function glyphsRender(page: Page): Promise<{ ok: boolean; detail: string }> {
  return page.evaluate(() => {
    const draw = (text: string, family: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const ctx = canvas.getContext('2d')!;
      ctx.font = `36px ${family}`;
      ctx.fillText(text, 4, 38);
      return canvas.toDataURL();
    };
    const probe = document.createElement('span');
    probe.lang = 'ja';
    document.body.append(probe);
    const jaFont = getComputedStyle(probe).fontFamily;
    probe.remove();
    const bodyFont = getComputedStyle(document.body).fontFamily;
    const missing = draw('\u{10FFFD}', bodyFont);
    const samples = [...['日', '本', 'モ', 'ン', 'ゴ', 'ル'].map((c) => draw(c, jaFont)), ...['ө', 'ү', 'Ө', 'Ү', 'ж', 'л'].map((c) => draw(c, bodyFont))];
    const distinct = new Set(samples).size === samples.length;
    const noBoxes = samples.every((s) => s !== missing);
    return { ok: distinct && noBoxes, detail: `distinct=${distinct} noBoxes=${noBoxes} ja=${jaFont} body=${bodyFont}` };
  });
}

/**
 * What axe-core finds against WCAG 2.1 A and AA on the page as it stands (labels, names, contrast,
 * landmarks, keyboard-reachable controls…), one line per problem.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

/** The page fits a phone: nothing wider than the screen except inside scrolling boxes. */
export async function overflowsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Runs a journey's steps; when one fails, the error says what the page showed at that moment. */
export async function journey(page: Page, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (error) {
    const shown = await page
      .locator('main')
      .innerText({ timeout: 2_000 })
      .catch(() => '(no page)');
    (error as Error).message += `\n--- the page showed (${page.url()}):\n${shown.slice(0, 3_000)}`;
    throw error;
  }
}

/**
 * A matchmaker's API call beside the browser, for setting up and checking what the pages did;
 * anything but 2xx fails the test with the answer. `app` is read at call time (built in beforeAll).
 */
export function matchmakerApi(app: () => FastifyInstance, headers: Record<string, string>) {
  // biome-ignore lint/suspicious/noExplicitAny: a test reads answers of many shapes; each use names the fields it checks
  return async function api<T = any>(method: string, url: string, payload?: object): Promise<T> {
    const res = await app().inject({ method: method as 'GET', url, headers, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
}

/** The file a click downloads: its suggested name and its text. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, undefined];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

export interface OpenOptions {
  /** Signed in with this token, by the sign-in link a matchmaker hands over (or typed into the form with `typed`); none: the sign-in page. */
  token?: string | null;
  typed?: boolean;
  viewport?: { width: number; height: number };
  /** The language chosen after signing in (the browser's locale is en-GB). */
  lang?: 'ja' | 'mn' | 'en';
  /** Where to go once signed in, e.g. `#/events/1`. */
  hash?: string;
  /** The browser's clock, fixed. */
  clock?: Date;
  /** Where the page's errors go when it closes (a journey file ends with none); none: not watched. */
  errors?: string[];
}

/** A new browser context and page on the service at `base`, as a person opens it. */
export async function openPage(browser: Browser, base: string, o: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: o.viewport ?? { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  if (o.clock) await page.clock.setFixedTime(o.clock);
  const seen = watchErrors(page);
  const errors = o.errors;
  if (errors) page.on('close', () => errors.push(...seen));
  if (o.token && !o.typed) {
    await page.goto(`${base}/#/sign-in/${o.token}`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  } else {
    await page.goto(base);
    if (o.token) {
      await page.getByLabel('Token').fill(o.token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    }
  }
  if (o.lang && o.lang !== 'en') await setLanguage(page, o.lang);
  if (o.hash) await page.goto(`${base}/${o.hash}`);
  return { context, page };
}
