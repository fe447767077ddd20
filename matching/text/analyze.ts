import type { LanguageCode } from '../profile.ts';
import { analyzeEnglish } from './en.ts';
import { analyzeJapanese, type JapaneseTokenizer } from './ja.ts';
import { analyzeMongolian } from './mn/index.ts';

/**
 * The terms of a text, each prefixed with the language pipeline that made it (`ja:開発`,
 * `mn:хөгжүүл`, `en:develop`), so that the same letters in two languages never collide.
 */
export interface AnalyzedText {
  /** Terms in text order; the lexicon matches concepts on runs of them. */
  tokens: string[];
  /** Extra index terms that are not part of the running text (romanised katakana: `ro:ofushoa`). */
  extra: string[];
}

export interface TextAnalyzer {
  analyze(text: string, language: LanguageCode): AnalyzedText;
}

type Script = 'cjk' | 'cyrillic' | 'latin';

/**
 * Splits text into runs of one script. Profiles mix scripts inside a sentence ("AIを活用したDX推進",
 * "ERP систем нэвтрүүлэх"); each run goes to the pipeline for its script, so "DX" is an English
 * term wherever it appears. Spaces, digits and punctuation stay with the run they are in.
 */
export function scriptRuns(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  let current: { script: Script; text: string } | null = null;
  for (const ch of text.normalize('NFC')) {
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

/**
 * One analyzer for every language: a text tagged `ru` sends its Cyrillic through the Mongolian
 * tokenizer without stemming (Khalkha suffix rules would mangle Russian words).
 */
export function createTextAnalyzer(japanese: JapaneseTokenizer): TextAnalyzer {
  return {
    analyze(text, language) {
      const tokens: string[] = [];
      const extra: string[] = [];
      for (const run of scriptRuns(text)) {
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
        } else {
          for (const t of analyzeEnglish(run.text)) tokens.push(`en:${t}`);
        }
      }
      return { tokens, extra };
    },
  };
}
