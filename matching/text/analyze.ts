import type { LanguageCode } from '../profile.ts';
import { analyzeEnglish } from './en.ts';
import { analyzeJapanese, type JapaneseTokenizer } from './ja.ts';
import { analyzeMongolian, MONGOLIAN_STOPWORDS } from './mn/index.ts';
import { COMMON_MONGOLIAN_WORDS } from './mn/common-words.ts';
import { MongolianVocabulary } from './mn/latin.ts';
import { ENGLISH_WORDS, isLatinMongolian, latinWordEvidence } from './mn/latin-detect.ts';
import { loanwordKeys } from './loanword.ts';
import { isMostlyLatin, normalizeTyped } from './normalize.ts';

export { isMostlyLatin };

/**
 * The terms of a text, each prefixed with the language pipeline that made it (`ja:開発`,
 * `mn:хөгжүүл`, `en:develop`), so that the same letters in two languages never collide.
 */
export interface AnalyzedText {
  /** Terms in text order; the lexicon matches concepts on runs of them. */
  tokens: string[];
  /** Extra index terms that are not part of the running text (romanised katakana: `ro:ofushoa`). */
  extra: string[];
  /** Consonant skeletons of the loanwords in the text (katakana runs, Cyrillic loanwords): loanword.ts. */
  loanwords: string[];
}

export interface AnalyzeHints {
  /**
   * Another text of the same profile is Mongolian typed in Latin letters: a Latin text filed as
   * English is then read as Mongolian on less evidence (one typist, one habit; "Zam barilga").
   */
  latinMongolianTypist?: boolean;
}

export interface TextAnalyzer {
  analyze(text: string, language: LanguageCode, hints?: AnalyzeHints): AnalyzedText;
}

type Script = 'cjk' | 'cyrillic' | 'latin';

/**
 * Splits text into runs of one script. Profiles mix scripts inside a sentence ("AIを活用したDX推進",
 * "ERP систем нэвтрүүлэх"); each run goes to the pipeline for its script, so "DX" is an English
 * term wherever it appears. Spaces, digits and punctuation stay with the run they are in. Text is
 * NFKC-normalised first (normalize.ts): half-width ｼｽﾃﾑ is システム, full-width ＩｏＴ is IoT.
 */
export function scriptRuns(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  let current: { script: Script; text: string } | null = null;
  for (const ch of normalizeTyped(text)) {
    const script = scriptOf(ch);
    if (script === null) {
      if (current) current.text += ch;
      continue;
    }
    if (!current || current.script !== script) {
      current = { script, text: ch };
      runs.push(current);
    } else {
      current.text += ch;
    }
  }
  return runs;
}

function scriptOf(ch: string): Script | null {
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u.test(ch)) return 'cjk';
  if (/\p{Script=Cyrillic}/u.test(ch)) return 'cyrillic';
  if (/\p{Script=Latin}/u.test(ch)) return 'latin';
  return null;
}

export interface AnalyzerOptions {
  /**
   * Cyrillic Mongolian words the Latin-typed Mongolian reader should know how to spell (the words
   * of the lexicon's Mongolian terms): "tekhnologi" becomes технологи, "uildver" үйлдвэр.
   */
  mongolianWords?: Iterable<string>;
  /** English words that stay English inside Latin-typed Mongolian (the lexicon's English words). */
  englishWords?: Iterable<string>;
}

/**
 * One analyzer for every language: a text tagged `ru` sends its Cyrillic through the Mongolian
 * tokenizer without stemming (Khalkha suffix rules would mangle Russian words). Latin letters are
 * English, except Mongolian typed in Latin letters ("Manai kompani nooson utas uildverledeg"),
 * which is turned back into Cyrillic word by word and analysed as Mongolian (mn/latin.ts); English
 * words inside it ("software", "AI") stay English.
 */
export function createTextAnalyzer(japanese: JapaneseTokenizer, options: AnalyzerOptions = {}): TextAnalyzer {
  const vocabulary = new MongolianVocabulary([...MONGOLIAN_STOPWORDS, ...COMMON_MONGOLIAN_WORDS, ...(options.mongolianWords ?? [])]);
  const english = new Set([...ENGLISH_WORDS, ...[...(options.englishWords ?? [])].map((w) => w.toLowerCase())]);

  /** Which words of a Latin run are Mongolian: all but English words, abbreviations and numbers. */
  const latinRun = (text: string, tokens: string[]) => {
    let group: string[] = [];
    let groupIsMongolian = false;
    const flush = () => {
      if (!group.length) return;
      if (groupIsMongolian) for (const t of analyzeMongolian(group.map((w) => vocabulary.toCyrillic(w)).join(' '))) tokens.push(`mn:${t}`);
      else for (const t of analyzeEnglish(group.join(' '))) tokens.push(`en:${t}`);
      group = [];
    };
    for (const word of text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []) {
      const mongolian = isMongolianWord(word);
      if (mongolian !== groupIsMongolian) flush();
      groupIsMongolian = mongolian;
      group.push(word);
    }
    flush();
  };

  const isMongolianWord = (word: string): boolean => {
    if (/\d/u.test(word) || !/^\p{Script=Latin}+$/u.test(word)) return false;
    // Abbreviations (AI, ERP, IoT) are written the same in every language; the English pipeline knows them.
    if (word.length <= 6 && word === word.toUpperCase()) return false;
    if (/\p{Lu}/u.test(word.slice(1))) return false;
    const lower = word.toLowerCase();
    if (!english.has(lower)) return true;
    // A word both languages know ("import", "bank"): Mongolian when it looks Mongolian.
    const evidence = latinWordEvidence(lower, vocabulary);
    return evidence.mn >= 2 && evidence.mn > evidence.en + 1;
  };

  return {
    analyze(text, language, hints = {}) {
      const tokens: string[] = [];
      const extra: string[] = [];
      const runs = scriptRuns(text);
      // Latin-typed Mongolian is decided once for the whole text: a text tagged `mn` whose letters
      // are mostly Latin, or an untagged Latin text that reads as Mongolian.
      let latinIsMongolian: boolean | null = null;
      const latinMongolian = () => {
        if (latinIsMongolian === null) {
          const latin = runs.filter((r) => r.script === 'latin').reduce((n, r) => n + r.text.length, 0);
          const other = runs.filter((r) => r.script !== 'latin').reduce((n, r) => n + r.text.length, 0);
          if (language === 'mn')
            latinIsMongolian =
              latin > other
                ? isLatinMongolian(text, vocabulary) || latin > 3 * other
                : isLatinMongolian(
                    runs
                      .filter((r) => r.script === 'latin')
                      .map((r) => r.text)
                      .join(' '),
                    vocabulary,
                  );
          else if (language === 'en' && hints.latinMongolianTypist) latinIsMongolian = isLatinMongolian(text, vocabulary, true);
          else if (language === 'ja' || language === 'en' || language === 'ru') latinIsMongolian = false;
          else latinIsMongolian = isLatinMongolian(text, vocabulary);
        }
        return latinIsMongolian;
      };
      for (const run of runs) {
        if (run.script === 'cjk') {
          const ja = analyzeJapanese(japanese, run.text);
          for (const t of ja.tokens) tokens.push(`ja:${t}`);
          for (const r of ja.romanised) extra.push(`ro:${r}`);
        } else if (run.script === 'cyrillic') {
          if (language === 'ru') {
            for (const w of run.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (w.length > 2) tokens.push(`ru:${w}`);
          } else {
            for (const t of analyzeMongolian(run.text)) tokens.push(`mn:${t}`);
          }
        } else if (latinMongolian()) {
          latinRun(run.text, tokens);
        } else {
          for (const t of analyzeEnglish(run.text)) tokens.push(`en:${t}`);
        }
      }
      return { tokens, extra, loanwords: language === 'ru' ? [] : loanwordKeys(normalizeTyped(text)) };
    },
  };
}
