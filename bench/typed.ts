import { mulberry32 } from '../matching/random.ts';
import type { TextInput } from '../matching/profile.ts';

/**
 * A clean labelled set rewritten the way people type on phones and forms, to measure the engine on
 * text it was not written for (`npm run eval` prints it as "<set> typed"). Deterministic (seeded):
 *
 * - every Mongolian Cyrillic text of a Mongolian organisation is retyped in Latin letters, each
 *   word as one person might: ө as o, u or ö; ү as u, v, y or ü; х as h or kh; э and е as e; й and
 *   ы as i or y; ц as ts or c; ж as j or zh; case kept; English and Japanese versions dropped, so
 *   the Latin text is all the engine gets;
 * - every third Japanese text has its katakana in half-width (ｼｽﾃﾑ) and its Latin letters and
 *   digits in full-width (ＩｏＴ, ２０２５).
 *
 * The labels do not change: the same pairs should still find each other.
 */
export interface TypedOrg {
  country: string;
  description?: TextInput;
  offers: TextInput[];
  needs: TextInput[];
}

const CHOICES: Record<string, [string, number][]> = {
  ө: [
    ['o', 0.6],
    ['u', 0.3],
    ['ö', 0.1],
  ],
  ү: [
    ['u', 0.6],
    ['v', 0.2],
    ['y', 0.1],
    ['ü', 0.1],
  ],
  х: [
    ['h', 0.8],
    ['kh', 0.2],
  ],
  й: [
    ['i', 0.8],
    ['y', 0.2],
  ],
  ы: [
    ['y', 0.7],
    ['i', 0.3],
  ],
  ц: [
    ['ts', 0.8],
    ['c', 0.2],
  ],
  ж: [
    ['j', 0.85],
    ['zh', 0.15],
  ],
  ь: [
    ['i', 0.5],
    ['', 0.5],
  ],
};
const FIXED: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export function latinTyped(text: string, random: () => number): string {
  return text.replace(/\p{Script=Cyrillic}+/gu, (word) => {
    // One typist spells one word consistently: draw each letter's habit once per word.
    const habit = new Map<string, string>();
    let out = '';
    for (const ch of word) {
      const lower = ch.toLowerCase();
      let latin = FIXED[lower];
      if (latin === undefined) {
        if (!habit.has(lower)) {
          const options = CHOICES[lower];
          let x = random();
          let pick = options?.[0]?.[0] ?? lower;
          for (const [o, p] of options ?? []) {
            x -= p;
            if (x < 0) {
              pick = o;
              break;
            }
          }
          habit.set(lower, pick);
        }
        latin = habit.get(lower)!;
      }
      out += ch !== lower && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
    }
    return out;
  });
}

/** Half-width katakana and full-width ASCII letters and digits, as some Japanese forms send them. */
export function formTyped(text: string): string {
  return text.replace(/[\u30a1-\u30f6ー]/gu, (ch) => HALF_WIDTH.get(ch) ?? ch).replace(/[A-Za-z0-9]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

const HALF_WIDTH = (() => {
  const full = 'ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー';
  const half = 'ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ';
  const map = new Map<string, string>();
  for (let i = 0; i < full.length; i++) map.set(full[i]!, half[i]!);
  const voiced = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
  const base = 'ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ';
  for (let i = 0; i < voiced.length; i++) map.set(voiced[i]!, `${base[i]}ﾞ`);
  const semi = 'パピプペポ';
  for (let i = 0; i < semi.length; i++) map.set(semi[i]!, `${'ﾊﾋﾌﾍﾎ'[i]}ﾟ`);
  return map;
})();

function versions(text: TextInput | undefined): Record<string, string> {
  if (text === undefined) return {};
  if (typeof text === 'string') return { und: text };
  return text as Record<string, string>;
}

export function typedVariant<T extends TypedOrg>(orgs: readonly T[], seed = 13): T[] {
  const random = mulberry32(seed);
  let japanese = 0;
  const retype = (org: T, text: TextInput | undefined): TextInput | undefined => {
    if (text === undefined) return text;
    const v = versions(text);
    if (org.country === 'MN') {
      const cyrillic = Object.values(v).find((t) => /[\p{Script=Cyrillic}]/u.test(t) && (/[өү]/u.test(t) || !v.en || t !== v.en));
      return cyrillic ? latinTyped(cyrillic, random) : text;
    }
    const ja = Object.values(v).find((t) => /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(t));
    if (ja && japanese++ % 3 === 0) return formTyped(ja);
    return text;
  };
  return orgs.map((org) => ({
    ...org,
    ...(org.description !== undefined ? { description: retype(org, org.description) } : {}),
    offers: org.offers.map((t) => retype(org, t)!),
    needs: org.needs.map((t) => retype(org, t)!),
  }));
}
