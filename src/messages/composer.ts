import type { MessageKind } from '../db/schema.ts';
import { CATEGORY_NAMES, CATEGORY_OF, FOOTER, MAIL_LANGS, TEMPLATES, WORDS, type MailLang } from './templates.ts';

export interface Composition {
  kind: MessageKind;
  lang: MailLang;
  vars: Record<string, string | number>;
  /** The items of `{list}` (a reminder's agenda). */
  list?: string[];
  /** Where the message's button leads. */
  actionUrl?: string;
  unsubscribeUrl?: string;
}

export interface Composed {
  subject: string;
  text: string;
  html: string;
}

/** The reader's language for messages: the first of theirs we write in, else English. */
export function mailLang(languages: readonly string[]): MailLang {
  return (languages.find((l) => (MAIL_LANGS as readonly string[]).includes(l)) as MailLang | undefined) ?? 'en';
}

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A value on one line: names and texts travel into the Subject header, where a line break starts a new header. */
const oneLine = (value: string) => value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();

function fill(template: string, vars: Record<string, string | number>, escapeValue: (v: string) => string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? escapeValue(String(vars[name])) : whole));
}

/** A word from WORDS with its values filled in. */
export function word(key: keyof typeof WORDS, lang: MailLang, vars: Record<string, string> = {}): string {
  return fill(WORDS[key][lang], vars, (v) => v);
}

/** A time in the reader's zone and language, with the zone named (people meet across UTC+8 and UTC+9). */
export function formatWhen(iso: string, timeZone: string, lang: MailLang): string {
  const text = new Intl.DateTimeFormat(lang === 'mn' ? 'mn-MN' : lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

/**
 * A message as plain text and HTML, from its template in the reader's language. A line whose value
 * is empty (no message with the request, no interpreter) is left out; every value is escaped in HTML.
 */
export function compose(c: Composition): Composed {
  const template = TEMPLATES[c.kind][c.lang];
  const footer = FOOTER[c.lang];
  const category = CATEGORY_NAMES[CATEGORY_OF[c.kind]][c.lang];
  const used = template.lines.filter((line) => !/^\{(\w+)\}$/.test(line) || line === '{list}' || String(c.vars[line.slice(1, -1)] ?? '').trim() !== '');
  const list = c.list ?? [];

  const text = [
    ...used.flatMap((line) => (line === '{list}' ? list.map((item) => `- ${item}`) : [fill(line, c.vars, (v) => v)])),
    ...(c.actionUrl ? ['', `${template.action ?? ''}: ${c.actionUrl}`] : []),
    '',
    '--',
    footer.signature,
    ...(c.unsubscribeUrl ? [`${fill(footer.unsubscribe, { category }, (v) => v)}${c.unsubscribeUrl}`] : []),
  ].join('\n');

  const html = [
    `<!doctype html><html lang="${c.lang}"><head><meta charset="utf-8"></head><body style="font-family: sans-serif; line-height: 1.5">`,
    ...used.map((line) =>
      line === '{list}' ? `<ul>${list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : `<p>${fill(escapeHtml(line), c.vars, escapeHtml)}</p>`,
    ),
    ...(c.actionUrl
      ? [
          `<p><a href="${escapeHtml(c.actionUrl)}" style="display:inline-block;padding:.5em 1em;background:#0172ad;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(template.action ?? c.actionUrl)}</a></p>`,
        ]
      : []),
    `<hr><p style="color:#555;font-size:small">${escapeHtml(footer.signature)}`,
    ...(c.unsubscribeUrl
      ? [
          `<br>${escapeHtml(fill(footer.unsubscribe, { category }, (v) => v))}<a href="${escapeHtml(c.unsubscribeUrl)}">${escapeHtml(footer.unsubscribeAction)}</a>`,
        ]
      : []),
    '</p></body></html>',
  ].join('\n');

  return { subject: oneLine(fill(template.subject, c.vars, oneLine)), text, html };
}
