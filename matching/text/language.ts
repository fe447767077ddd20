import type { LanguageCode, LocalizedText, TextInput } from '../profile.ts';
import { isLatinMongolian } from './mn/latin-detect.ts';

/**
 * Guesses the language of a text from its script, for the three languages Musubi is built for.
 *
 * - kana, or kanji without Hangul → `ja` (kanji-only text in this product is Japanese, not Chinese);
 * - Cyrillic → `mn`, unless it is clearly Russian: Mongolian profiles are far more common here, and
 *   short Mongolian names ("Монгол Кашемир ХХК") carry no tell-tale letters, so Russian must be proven;
 * - Latin → `en`, unless it reads as Mongolian typed in Latin letters ("Manai kompani nooson utas
 *   uildverledeg": Mongolian words, suffixes and letter patterns, no English function words) → `mn`.
 * Mixed text goes to the script with the most weight; a CJK character carries about as much as two
 * Latin letters, so "AIを活用したDX推進" stays Japanese.
 */
export function detectLanguage(text: string): LanguageCode {
  const counts = countScripts(text.normalize('NFKC'));
  const cjk = (counts.kana + counts.han) * CJK_WEIGHT;
  if (cjk === 0 && counts.cyrillic === 0 && counts.latin === 0) return counts.hangul > 0 ? 'ko' : 'und';
  if (counts.hangul * CJK_WEIGHT > Math.max(cjk, counts.cyrillic, counts.latin)) return 'ko';
  if (cjk >= counts.cyrillic && cjk >= counts.latin) return 'ja';
  if (counts.cyrillic >= counts.latin) return isClearlyRussian(text) ? 'ru' : 'mn';
  return isLatinMongolian(text) ? 'mn' : 'en';
}

const CJK_WEIGHT = 2;

interface ScriptCounts {
  kana: number;
  han: number;
  hangul: number;
  cyrillic: number;
  latin: number;
}

// Each character has one script, so each is counted once; one pass of the regex engine per script
// (a test per character was most of the time an import spent validating its rows).
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

function countScripts(text: string): ScriptCounts {
  const count = (script: RegExp) => text.match(script)?.length ?? 0;
  return { kana: count(KANA), han: count(HAN), hangul: count(HANGUL), cyrillic: count(CYRILLIC), latin: count(LATIN) };
}

// Letters of the Mongolian alphabet that Russian does not have.
const MONGOLIAN_LETTERS = /[өүӨҮ]/u;

// Frequent Russian function words that are not Mongolian words. Mongolian shares the alphabet,
// so the decision rests on these words and on Russian-only endings, never on letters alone.
const RUSSIAN_WORDS = new Set([
  'и',
  'в',
  'во',
  'не',
  'на',
  'что',
  'с',
  'со',
  'по',
  'для',
  'это',
  'как',
  'из',
  'от',
  'к',
  'ко',
  'о',
  'об',
  'мы',
  'вы',
  'они',
  'он',
  'она',
  'наш',
  'наша',
  'наши',
  'нашей',
  'наших',
  'ваш',
  'также',
  'или',
  'при',
  'до',
  'за',
  'под',
  'над',
  'без',
  'через',
  'который',
  'которая',
  'которые',
  'компания',
  'компании',
  'является',
  'мы',
  'ищем',
  'предлагаем',
  'год',
  'года',
  'лет',
  'более',
  'у',
  'но',
  'а',
  'же',
  'бы',
  'так',
  'все',
  'всех',
  'его',
  'их',
  'её',
  'ее',
  'был',
  'была',
  'быть',
]);

const MONGOLIAN_WORDS = new Set([
  'ба',
  'болон',
  'нь',
  'юм',
  'бол',
  'байна',
  'байгаа',
  'энэ',
  'тэр',
  'бид',
  'манай',
  'танай',
  'хийх',
  'хамтран',
  'буюу',
  'эсвэл',
  'мөн',
  'бас',
  'зэрэг',
  'гэх',
  'гэж',
  'хайж',
  'чиглэлээр',
  'ххк',
  'хк',
  'тбб',
  'улсын',
  'их',
  'сургууль',
  'компани',
]);

const RUSSIAN_ENDINGS = /(ость|остью|ения|ением|ание|ания|ский|ская|ское|ских|ться|ются|ого|его|ыми|ими)$/u;

function isClearlyRussian(text: string): boolean {
  if (MONGOLIAN_LETTERS.test(text)) return false;
  const words = text.toLowerCase().match(/\p{Script=Cyrillic}+/gu) ?? [];
  let russian = 0;
  let mongolian = 0;
  for (const word of words) {
    if (MONGOLIAN_WORDS.has(word)) mongolian++;
    else if (RUSSIAN_WORDS.has(word) || RUSSIAN_ENDINGS.test(word)) russian++;
  }
  // Two pieces of evidence at least: a single "и" or "-ого" can turn up in a Mongolian name.
  return russian >= 2 && russian > mongolian * 2;
}

/**
 * Turns a text as clients send it into the stored form: a plain string is filed under its detected
 * language; a language map keeps each version it was given (blank ones dropped).
 */
export function toLocalizedText(input: TextInput): LocalizedText {
  if (typeof input === 'string') {
    const text = input.normalize('NFC').trim();
    return { [detectLanguage(text)]: text };
  }
  const out: LocalizedText = {};
  for (const [lang, value] of Object.entries(input)) {
    const text = value?.normalize('NFC').trim();
    if (text) out[lang] = text;
  }
  return out;
}

/** The languages a set of texts was written in, in first-seen order. */
export function languagesOf(texts: Iterable<LocalizedText>): LanguageCode[] {
  const seen = new Set<LanguageCode>();
  for (const text of texts) for (const lang of Object.keys(text)) seen.add(lang);
  return [...seen];
}
