import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES, fieldMessage, PROBLEM_TITLES, problemTitle } from '../../src/web/client/i18n.ts';

/**
 * Every code the service can send, found in its source: `code: '…'` and `'x-code': '…'` literals,
 * the slugs of HttpProblem, malformed() and DomainError, the fallbacks of the error handler, the
 * validator's limit codes and formats. The web app must word each in Japanese, Mongolian and English.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith(join('web', 'client')) ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function codesTheServiceSends(): Set<string> {
  const codes = new Set<string>();
  const add = (text: string, pattern: RegExp, prefix = '') => {
    for (const m of text.matchAll(pattern)) codes.add(prefix + m[1]);
  };
  for (const file of sourceFiles(join(import.meta.dirname, '..', '..', 'src'))) {
    const text = readFileSync(file, 'utf8');
    add(text, /\bcode: '([a-z][a-z0-9:-]*)'/g);
    add(text, /'x-code': '([a-z][a-z0-9-]*)'/g);
    add(text, /new HttpProblem\(\s*\d+,\s*'([a-z][a-z0-9-]*)'/g);
    add(text, /malformed\(\s*'([a-z][a-z0-9-]*)'/g);
    add(text, /new DomainError\([^;]*?,\s*'([a-z][a-z0-9-]*)'\)/gs);
    add(text, /problemType\('([a-z][a-z0-9-]*)'\)/g);
    add(text, /\b(?:invalid|conflict)\([^\n]*?,\s*'([a-z][a-z0-9-]*)',\s*\{/g);
    add(text, /\bslug: '([a-z][a-z0-9-]*)'/g);
    add(text, /case '[A-Z_]+': return '([a-z][a-z0-9-]*)'/g);
    if (file.endsWith('validation.ts')) {
      add(text, /\['([a-z][a-z-]*)', \(n\) =>/g);
      add(text, /addFormat\('([a-z][a-z-]*)'/g, 'format:');
      for (const f of /addFormats\.default\(ajv, \[([^\]]*)\]/.exec(text)?.[1]?.match(/[a-z-]+/g) ?? []) codes.add(`format:${f}`);
    }
  }
  // Ajv keywords whose errors pass through under their own name (validation.ts, describe: default).
  for (const keyword of ['minProperties', 'pattern', 'anyOf']) codes.add(keyword);
  return codes;
}

const worded = (code: string) => FIELD_MESSAGES[code] ?? PROBLEM_TITLES[code];

describe('every problem the service sends is worded in ja, mn and en', () => {
  const codes = [...codesTheServiceSends()].sort();

  it('finds the codes in the source', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'already-requested',
        'already-meeting',
        'person-taken',
        'import-rows',
        'invalid-encoding',
        'format:line',
        'max-length',
        'not-found',
        'validation',
      ]),
    );
  });

  it.each(codes)('%s', (code) => {
    const words = worded(code);
    expect(words, `no wording for the code "${code}" in src/web/client/i18n.ts`).toBeDefined();
    for (const lang of ['ja', 'mn', 'en'] as const) expect(words?.[lang], `${code} in ${lang}`).toMatch(/\S/);
  });

  it('fills in local times, names and counts instead of UTC instants', () => {
    const time = (iso: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ulaanbaatar', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
    const taken = {
      field: 'attendeeIds',
      message: 'already has a meeting at 2026-12-08T02:00:00.000Z',
      code: 'person-taken',
      params: { start: '2026-12-08T02:00:00.000Z' },
    };
    expect(fieldMessage('ja', taken, { time })).toBe('どちらかの方は 10:00 に別の商談があります');
    expect(fieldMessage('mn', taken, { time })).toContain('10:00');
    expect(fieldMessage('en', taken, { time })).not.toContain('2026-12-08T02:00');
    expect(problemTitle('mn', { code: 'import-rows', params: { rows: 1, total: 5 }, status: 422, title: '' })).toBe(
      '5 мөрөөс 1 нь алдаатай тул юу ч хадгалаагүй',
    );
    expect(
      fieldMessage('mn', { field: 'toOrganizationId', message: '', code: 'already-requested', params: { status: 'requested', direction: 'sent' } }),
    ).toMatch(/хүсэлт/);
  });
});
