/**
 * Text as people type it, in one form: NFKC. Japanese forms arrive with half-width katakana
 * (ｼｽﾃﾑ → システム, ｶﾞ → ガ) and full-width letters and digits (ＩｏＴ → IoT, ＰＭ２．５ → PM2.5);
 * NFKC folds both, composes Cyrillic й/ё typed as letter + mark, and leaves kanji, kana and
 * Mongolian ө/ү as they are.
 */
export function normalizeTyped(text: string): string {
  return text.normalize('NFKC');
}

/** Mostly Latin letters: a text in Latin letters (Mongolian ones included) rather than another script. */
export function isMostlyLatin(text: string): boolean {
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const other = text.match(/[\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return latin > 0 && latin > 2 * other;
}
