/**
 * How a name is shown to a reader: in the reader's language when the name has it; otherwise in the
 * original (Japanese, then Mongolian, then any other language, English last) with its Latin form
 * beside it, so a Mongolian reader can say "Nishida Kazuo" and still match 西田 和夫 on a name card.
 * Shared by the service (agendas, calendars) and the web app. No dependencies.
 */
export interface ReadableName {
  text: string;
  /** The language `text` is in. */
  lang: string;
  /** The Latin form to show beside it, or null when `text` is already in the reader's language or in Latin letters. */
  latin: string | null;
}

const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{S}\s]*$/u;

export function readableName(name: Record<string, string> | undefined, latin: string | null | undefined, lang: string): ReadableName {
  if (!name) return { text: latin ?? '', lang: 'en', latin: null };
  const own = name[lang];
  if (own) return { text: own, lang, latin: null };
  const [originalLang, text] =
    (['ja', 'mn'] as const).flatMap((l) => (name[l] ? [[l, name[l]] as const] : []))[0] ??
    Object.entries(name).find(([l]) => l !== 'en') ??
    (['en', name.en ?? ''] as const);
  return { text, lang: originalLang, latin: latin && !LATIN_ONLY.test(text) && latin !== text ? latin : null };
}

/** The same as one line of text: 西田 和夫 (Nishida Kazuo). */
export function readableNameText(name: Record<string, string> | undefined, latin: string | null | undefined, lang: string): string {
  const shown = readableName(name, latin, lang);
  return shown.latin ? `${shown.text} (${shown.latin})` : shown.text;
}

/** The language a person's name (one string) is written in, by its script: ja, mn, en for Latin letters, else und. */
function scriptLangOf(name: string): string {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(name)) return 'ja';
  if (/\p{Script=Cyrillic}/u.test(name)) return 'mn';
  return LATIN_ONLY.test(name) ? 'en' : 'und';
}

/** A person's name (one string) for a reader: the Latin form beside it unless the reader writes in that script. */
export function readablePerson(name: string, latin: string | null | undefined, lang: string): ReadableName {
  return readableName({ [scriptLangOf(name)]: name }, latin, lang);
}

/** The same as one line of text: 佐藤 明子 (Satō Akiko), or 佐藤 明子 for a Japanese reader. */
export function readablePersonName(name: string, latin: string | null | undefined, lang: string): string {
  return readableNameText({ [scriptLangOf(name)]: name }, latin, lang);
}
