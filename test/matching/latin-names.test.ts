import { beforeAll, describe, expect, it } from 'vitest';
import { loadJapaneseTokenizer, type JapaneseTokenizer } from '../../matching/text/ja.ts';
import { latinName } from '../../matching/text/latin.ts';

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await loadJapaneseTokenizer();
}, 60_000);

describe('names in Latin letters, for a reader of the other script', () => {
  it('writes Mongolian names by MNS 5217 (ө → ö, ү → ü, х → kh)', () => {
    expect(latinName('Өлзий Ганхуяг', tokenizer)).toBe('Ölzii Gankhuyag');
    expect(latinName('Энхжаргал Д.', tokenizer)).toBe('Enkhjargal D.');
    expect(latinName('Цагаан Сүрэг', tokenizer)).toBe('Tsagaan Süreg');
  });

  it('reads Japanese names with the dictionary, word by word', () => {
    expect(latinName('高橋 健', tokenizer)).toBe('Takahashi Ken');
    expect(latinName('中村 由美', tokenizer)).toBe('Nakamura Yumi');
  });

  it('adds nothing to a name already in Latin letters', () => {
    expect(latinName('Yumi Nakamura', tokenizer)).toBeNull();
  });
});
