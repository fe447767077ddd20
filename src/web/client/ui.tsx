import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { FIELD_LABELS, fieldMessage, isAboutAField, LANGUAGE_NAMES, problemTitle, translate, type MessageKey, type Vars } from './i18n.ts';
import type { Strength } from '../../../matching/score.ts';
import { readableName, readablePerson, readablePersonName } from '../../../matching/text/names.ts';
import { useSession, useT } from './session.ts';
import type { Lang, Localized } from './types.ts';

/** Loads data for a page; `reload` runs it again (after a change). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: unknown; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Runs an action (a button's), keeping its error and a busy flag. */
export function useAction(): { busy: boolean; error: unknown; run: (action: () => Promise<void>) => Promise<void>; clear: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(null) };
}

/** The text in the reader's language when the profile has it; otherwise the original, marked with its language. */
export function pick(text: Localized | undefined, lang: Lang): { text: string; lang: string; original: boolean } {
  if (!text) return { text: '', lang, original: false };
  if (text[lang]) return { text: text[lang]!, lang, original: false };
  for (const other of ['en', 'ja', 'mn'] as const) if (text[other]) return { text: text[other]!, lang: other, original: true };
  const [first] = Object.entries(text);
  return first ? { text: first[1], lang: first[0], original: true } : { text: '', lang, original: false };
}

export function LangMark({ lang }: { lang: string }) {
  const { lang: reader } = useSession();
  const name = LANGUAGE_NAMES[lang]?.[reader] ?? lang;
  return (
    <small class="lang-mark" title={name} aria-label={name}>
      {lang.toUpperCase()}
    </small>
  );
}

export function LText({ text }: { text: Localized | undefined }) {
  const { lang } = useSession();
  const shown = pick(text, lang);
  return (
    <span lang={shown.lang}>
      {shown.text}
      {shown.original && (
        <>
          {' '}
          <LangMark lang={shown.lang} />
        </>
      )}
    </span>
  );
}

/** A phrase with the words that carry the evidence marked. */
export function Marked({ text, spans, lang }: { text: string; spans: number[][]; lang: string }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start = 0, end = 0] of spans) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <span lang={lang}>{parts}</span>;
}

/** A field's label in the reader's language (`offers.1` → What you offer 2); never a path. */
export function fieldLabel(field: string, lang: Lang): string {
  const parts = field.split('.').filter((p) => p !== 'body' && p !== 'querystring' && p !== 'params');
  const named = [...parts].reverse().find((p) => !/^\d+$/.test(p));
  const index = parts.length > 1 && /^\d+$/.test(parts[parts.length - 1] ?? '') ? ` ${Number(parts[parts.length - 1]) + 1}` : '';
  const key = named ? FIELD_LABELS[named] : undefined;
  return key ? `${translate(lang, key)}${index}` : (named ?? '');
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** How the page words a problem's times: local time in `zone` (the session's, or the browser's). */
export function wordingFor(lang: Lang, zone = browserZone()) {
  return { time: (iso: string) => `${formatTime(iso, zone, lang)} (${zoneLabel(zone)})` };
}

/** One field problem: the field's label and what is wrong with it, or the service's sentence. */
export function problemLine(lang: Lang, e: { field: string; message: string; code?: string; params?: Record<string, unknown> }, zone?: string): string {
  const text = fieldMessage(lang, e, wordingFor(lang, zone));
  const label = isAboutAField(e.code) || !e.code ? fieldLabel(e.field, lang) : '';
  return label ? `${label}: ${text}` : text;
}

/**
 * A problem from the service, all in the reader's language: a heading from its code (or status)
 * and each field problem worded by its code, times in `zone`. The service's English detail is
 * shown only when the page has no words for the code.
 */
export function ProblemBox({ error, zone }: { error: unknown; zone?: string }) {
  const t = useT();
  const { lang } = useSession();
  if (!error) return null;
  if (!(error instanceof ApiError))
    return (
      <p role="alert" class="problem">
        {t('unexpectedError')}: {String(error)}
      </p>
    );
  const { problem } = error;
  const rows = problem.errors?.filter((e) => e.row === undefined) ?? [];
  const wording = wordingFor(lang, zone);
  const title = problem.status === 0 ? t('networkError') : problemTitle(lang, problem, wording);
  // A heading that already says what the one field problem says needs no list.
  const lines = rows.map((e) => problemLine(lang, e, zone)).filter((line) => line !== title);
  const unworded = !problem.code || title === problem.title;
  return (
    <div role="alert" class="problem" data-code={problem.code}>
      <strong>{title}</strong>
      {unworded && problem.detail && <span lang="en"> — {problem.detail}</span>}
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A name as the reader can read it: in their language when the organisation has it, else the
 * original with its Latin form beside it (西田商事 · Nishida Shōji).
 */
export function Name({ text, latin }: { text: Localized | undefined; latin?: string | null | undefined }) {
  const { lang } = useSession();
  const shown = readableName(text, latin, lang);
  return (
    <span class="name">
      <span lang={shown.lang}>{shown.text}</span>
      {shown.latin && (
        <>
          {' '}
          <small class="latin" lang={`${shown.lang}-Latn`}>
            {shown.latin}
          </small>
        </>
      )}
    </span>
  );
}

/** A person's name with its Latin form unless the reader writes in the name's script (matching/text/names.ts). */
export function PersonName({ name, latin }: { name: string; latin?: string | null | undefined }) {
  const { lang } = useSession();
  const shown = readablePerson(name, latin, lang);
  return (
    <span class="name">
      <span lang={shown.lang}>{shown.text}</span>
      {shown.latin && (
        <>
          {' '}
          <small class="latin" lang={`${shown.lang}-Latn`}>
            ({shown.latin})
          </small>
        </>
      )}
    </span>
  );
}

/** The same as one line of text (in an option, a title, a list joined by commas). */
export function usePersonText(): (name: string, latin?: string | null) => string {
  const { lang } = useSession();
  return (name, latin) => readablePersonName(name, latin, lang);
}

export function Loading({ when, error }: { when: boolean; error?: unknown }) {
  const t = useT();
  if (error) return <ProblemBox error={error} />;
  return when ? <p aria-busy="true">{t('loading')}</p> : null;
}

/** A polite live region: screen readers hear what just happened. */
/**
 * What a notice says: a message key with its values, worded in the language the page is read in when
 * it is shown (so switching language afterwards words it again), or a text as it is.
 */
export type Said = { key: MessageKey; vars?: Vars } | string | null;

export const say = (key: MessageKey, vars?: Vars): Said => ({ key, vars });

/** A notice's state: set it with what was said, read it as text in the reader's language now. */
export function useNotice(): [string | null, (said: Said) => void] {
  const t = useT();
  const [said, setSaid] = useState<Said>(null);
  return [said === null || typeof said === 'string' ? said : t(said.key, said.vars), setSaid];
}

export function Notice({ text }: { text: string | null }) {
  return (
    <p role="status" aria-live="polite" class="notice">
      {text}
    </p>
  );
}

const LOCALES: Record<Lang, string> = { ja: 'ja-JP', mn: 'mn-MN', en: 'en-GB' };
// Browsers often ship no Mongolian calendar names (Chromium falls back to English), so they are here.
const MN_WEEKDAYS = ['Ням', 'Даваа', 'Мягмар', 'Лхагва', 'Пүрэв', 'Баасан', 'Бямба'];

/** A time in the given zone, written the reader's way: 12月8日(火) 10:00 · 12 сарын 8, Мягмар 10:00 · Tue 8 Dec, 10:00. */
export function formatTime(iso: string, zone: string, lang: Lang, withDate = true): string {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  if (lang === 'mn') {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { ...options, month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(date).map((p) => [p.type, p.value]),
    );
    const time = `${parts.hour}:${parts.minute}`;
    const weekday = MN_WEEKDAYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '')] ?? '';
    return withDate ? `${parts.month} сарын ${parts.day}, ${weekday} ${time}` : time;
  }
  if (withDate) Object.assign(options, { month: 'short', day: 'numeric', weekday: 'short' });
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(date);
}

export function zoneLabel(zone: string): string {
  return zone.split('/').pop()!.replace(/_/g, ' ');
}

const STRENGTH_WORDS = { strong: 'strengthStrong', good: 'strengthGood', weak: 'strengthWeak' } as const;

/** The score, and beside it in words how strong the pair is (the service says which). */
export function Score({ value, strength }: { value: number; strength?: Strength }) {
  const t = useT();
  return (
    <span class="score">
      {value.toFixed(2)}
      {strength && ` (${t(STRENGTH_WORDS[strength])})`}
    </span>
  );
}

/** How strong a pair is, in a word: the strength the service sends (the engine's scale, matching/score.ts). */
const FIT_WORDS = { strong: 'fitStrong', good: 'fitGood', weak: 'fitWeak' } as const;
export function StrengthWord({ strength }: { strength: Strength }) {
  const t = useT();
  const key = FIT_WORDS[strength];
  return <span class={`strength ${key}`}>{t(key)}</span>;
}

/** A box that scrolls sideways on a narrow screen (wide tables); focusable so the keyboard can scroll it. */
export function ScrollBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable from the keyboard (WCAG 2.1.1; axe: scrollable-region-focusable)
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** Previous / next over a list served in pages of `size`. */
export function Pager({ offset, size, total, onOffset }: { offset: number; size: number; total: number; onOffset: (offset: number) => void }) {
  const t = useT();
  return (
    <nav class="row pager" aria-label={t('pages')}>
      <button type="button" class="outline" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - size))}>
        ← {t('previous')}
      </button>
      <button type="button" class="outline" disabled={offset + size >= total} onClick={() => onOffset(offset + size)}>
        {t('next')} →
      </button>
    </nav>
  );
}
