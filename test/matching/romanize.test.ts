import { beforeAll, describe, expect, it } from 'vitest';
import { loadJapaneseTokenizer, type JapaneseTokenizer } from '../../matching/text/ja.ts';
import { romanize, romanizeMongolian, romanizeName } from '../../matching/text/romanize.ts';

let tokenizer: JapaneseTokenizer;
beforeAll(async () => {
  tokenizer = await loadJapaneseTokenizer();
}, 30_000);

describe('Japanese names by their reading (Hepburn)', () => {
  it.each([
    ['西田 和夫', 'Nishida Kazuo'],
    ['佐藤 健一', "Satō Ken'ichi"],
    ['鈴木 一郎', 'Suzuki Ichirō'],
    ['高橋翔太', 'Takahashi Shōta'],
    ['中村 由美', 'Nakamura Yumi'],
    ['大阪', 'Ōsaka'],
    ['新潟', 'Niigata'],
    ['東京大学', 'Tōkyōdaigaku'],
    ['ＩｏＴ推進機構', 'IoT Suishin Kikō'],
    ['札幌・北海道ITソリューションズ', 'Sapporo Hokkaidō IT Soryūshonzu'],
    ['株式会社ミナトアパレル', 'Kabushikigaisha Minatoapareru'],
  ])('%s → %s', (name, latin) => expect(romanize(tokenizer, name)).toBe(latin));
});

describe('Mongolian names by MNS 5217:2012', () => {
  it.each([
    ['Батбаяр', 'Batbayar'],
    ['Өлзийбат', 'Ölziibat'],
    ['Үүрийн Гэгээ', 'Üüriin Gegee'],
    ['Ёндон', 'Yondon'],
    ['Ерөөлт', 'Yeröölt'],
    ['Цэцэгмаа', 'Tsetsegmaa'],
    ['Чингис Хаан', 'Chingis Khaan'],
    ['Хөгжүүлэлт', 'Khögjüülelt'],
    ['Улаанбаатар', 'Ulaanbaatar'],
    ['Цагаан Сүрэг Ноолуур ХХК', 'Tsagaan Süreg Nooluur KHKHK'],
    ['Шинжлэх Ухаан Технологийн Их Сургууль', 'Shinjlekh Ukhaan Tyekhnologiin Ikh Surguuli'], // е is ye in the standard's table, after consonants too,
    ['Юу-Эн Жи ХК', 'Yuu-En Ji KHK'],
  ])('%s → %s', (name, latin) => expect(romanizeMongolian(name)).toBe(latin));
});

describe('romanizeName', () => {
  it('reads the original, not the English name', () => {
    expect(romanizeName(tokenizer, { mn: 'Цагаан Сүрэг Ноолуур ХХК', en: 'White Herd Cashmere LLC' })).toBe('Tsagaan Süreg Nooluur KHKHK');
    expect(romanizeName(tokenizer, { ja: '西田 和夫', en: 'Kazuo Nishida' })).toBe('Nishida Kazuo');
  });
  it('keeps a Latin name as it is', () => expect(romanizeName(tokenizer, { en: 'Sakura Textiles' })).toBe('Sakura Textiles'));
});
