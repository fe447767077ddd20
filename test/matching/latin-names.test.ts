import { beforeAll, describe, expect, it } from 'vitest';
import { loadJapaneseTokenizer, type JapaneseTokenizer } from '../../matching/text/ja.ts';
import { cyrillicToLatin, latinName } from '../../matching/text/latin.ts';

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await loadJapaneseTokenizer();
}, 60_000);

describe('names in Latin letters, for a reader of the other script', () => {
  it('writes Mongolian names as Mongolians write them in Latin (ө → ö, ү → ü, х → kh)', () => {
    expect(cyrillicToLatin('Өлзий Ганхуяг')).toBe('Ölzii Gankhuyag');
    expect(latinName('Энхжаргал Д.', tokenizer)).toBe('Enkhjargal D.');
    expect(latinName('Цагаан Сүрэг', tokenizer)).toBe('Tsagaan Süreg');
    expect(cyrillicToLatin('Номин Трейд, Ерөөлт')).toBe('Nomin Treid, Yeröölt');
  });

  it('reads Japanese names with the dictionary and writes them in romaji, word by word', () => {
    expect(latinName('高橋 健', tokenizer)).toBe('Takahashi Ken');
    expect(latinName('中村 由美', tokenizer)).toBe('Nakamura Yumi');
    expect(latinName('株式会社ミナトアパレル', tokenizer)).toBe('Kabushikigaisha Minatoapareru');
  });

  it('adds nothing to a name already in Latin letters', () => {
    expect(latinName('Yumi Nakamura', tokenizer)).toBeNull();
  });
});
