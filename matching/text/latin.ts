import type { JapaneseTokenizer } from './ja.ts';
import { romanize } from './romanize.ts';

/**
 * The Latin form of a name for a reader of the other script (print sheets, live views), or null when
 * the name is already in Latin letters (nothing to add). One romaniser for the whole service:
 * Japanese by reading, Mongolian Cyrillic by MNS 5217:2012 (romanize.ts).
 */
export function latinName(name: string, tokenizer: JapaneseTokenizer): string | null {
  const out = romanize(tokenizer, name);
  return out === name.normalize('NFKC').trim() ? null : out;
}
