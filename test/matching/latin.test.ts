import { beforeAll, describe, expect, it } from 'vitest';
import { loadMatchingToolkit, type MatchingToolkit } from '../../matching/index.ts';
import { detectLanguage } from '../../matching/text/language.ts';
import { isLatinMongolian } from '../../matching/text/mn/latin-detect.ts';
import { MongolianVocabulary } from '../../matching/text/mn/latin.ts';
import { COMMON_MONGOLIAN_WORDS } from '../../matching/text/mn/common-words.ts';
import { MONGOLIAN_STOPWORDS } from '../../matching/text/mn/stopwords.ts';

let toolkit: MatchingToolkit;
beforeAll(async () => {
  toolkit = await loadMatchingToolkit();
});

const concepts = (text: string, lang = detectLanguage(text)) => toolkit.lexicon.match(toolkit.analyzer.analyze(text, lang).tokens).map((m) => m.conceptId);
const tokens = (text: string, lang = detectLanguage(text), hints = {}) => toolkit.analyzer.analyze(text, lang, hints).tokens;

describe('Latin-typed Mongolian: detection', () => {
  it.each([
    'Manai kompani temeenii nooson utas uildverledeg',
    'Manai kompani 2015 ondoos nuurs tuleh zuuh uildverledeg',
    'Yapon hel suraltsah oyutnuud',
    'Uul uurhain tonog tohooromj niiluulne',
    'Mal emnelgiin uilchilgee heregtei',
    'Programm hangamj hugjuulegch bagtai',
    'Khuvtsas oyodog jijig uildver',
  ])('reads %j as Mongolian', (text) => {
    expect(isLatinMongolian(text)).toBe(true);
    expect(detectLanguage(text)).toBe('mn');
  });

  it.each([
    'We produce cashmere yarn and knitwear for export.',
    'Offshore software development with Japanese-speaking engineers',
    'Looking for a distributor of organic food in Ulaanbaatar',
    'Solar panel installation',
    'Hotel booking system',
    'IT outsourcing',
    'Mongolian cashmere',
    'Data center',
  ])('does not flag the English %j', (text) => {
    expect(isLatinMongolian(text)).toBe(false);
    expect(detectLanguage(text)).toBe('en');
  });
});

describe('Latin-typed Mongolian: transliteration on real words', () => {
  const vocabulary = new MongolianVocabulary([...MONGOLIAN_STOPWORDS, ...COMMON_MONGOLIAN_WORDS]);
  it.each([
    ['uildverledeg', 'үйлдвэрлэдэг'], // u for ү, e for э
    ['vildver', 'үйлдвэр'], // v for ү, no й typed
    ['hugjuulelt', 'хөгжүүлэлт'], // u for ө and ү
    ['khögjüülelt', 'хөгжүүлэлт'], // kh, ö, ü
    ['temeenii', 'тэмээний'], // ii for ий, by harmony
    ['nooson', 'ноосон'],
    ['surguuliin', 'сургуулийн'], // the soft sign gives way to the suffix
    ['ondoos', 'ондоос'], // a known word plus a suffix beats part of another word (өндөр)
    ['tsahim', 'цахим'],
    ['oyun', 'оюун'],
    ['baiguullaga', 'байгууллага'],
    ['manai', 'манай'],
    ['niiluulne', 'нийлүүлнэ'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(vocabulary.toCyrillic(latin)).toBe(cyrillic);
  });

  it('spells unknown words by vowel harmony', () => {
    expect(vocabulary.toCyrillic('gulgeh')).toBe('гүлгэх'); // e makes a front-vowel word
    expect(vocabulary.toCyrillic('davhar')).toBe('давхар');
  });
});

describe('Latin-typed Mongolian through the analyzer', () => {
  it('gives the same terms and concepts as the Cyrillic text', () => {
    expect(tokens('Manai kompani temeenii nooson utas uildverledeg')).toEqual(tokens('Манай компани тэмээний ноосон утас үйлдвэрлэдэг'));
    expect(concepts('Manai kompani temeenii nooson utas uildverledeg')).toEqual(['camel-wool', 'manufacturing']);
  });

  it("matches the lexicon's Mongolian terms through their Latin spellings", () => {
    expect(concepts('Hiimel oyun uhaan')).toEqual(['ai']);
    expect(concepts('Uul uurhain tonog tohooromj niiluulne')).toEqual(['mining-equipment', 'supply']);
    expect(concepts('Ayalal juulchlalyn kompani')).toEqual(concepts('Аялал жуулчлалын компани'));
  });

  it('keeps English words and abbreviations inside it English', () => {
    expect(tokens('Software hugjuulelt, AI, mobile app hugjuulegch heregtei', 'mn')).toEqual([
      'en:softwar',
      'mn:хөгж',
      'en:ai',
      'en:mobil',
      'en:app',
      'mn:хөгж',
    ]);
  });

  it('reads a short Latin line as Mongolian when the same profile types Mongolian in Latin', () => {
    expect(tokens('Zam barilga', 'en')).toEqual(['en:zam', 'en:barilga']);
    expect(tokens('Zam barilga', 'en', { latinMongolianTypist: true })).toEqual(['mn:зам', 'mn:барилг']);
    expect(tokens('Solar panel installation', 'en', { latinMongolianTypist: true })).toEqual(['en:solar', 'en:panel', 'en:instal']);
  });
});

describe('Unicode as typed (NFKC)', () => {
  it('reads half-width katakana as katakana', () => {
    expect(tokens('ｼｽﾃﾑ開発', 'ja')).toEqual(tokens('システム開発', 'ja'));
    expect(tokens('ｶﾞｲﾄﾞ', 'ja')).toEqual(tokens('ガイド', 'ja'));
  });

  it('reads full-width letters and digits as ASCII', () => {
    expect(tokens('ＩｏＴセンサー', 'ja')).toEqual(tokens('IoTセンサー', 'ja'));
    expect(concepts('ＰＭ２．５対策', 'ja')).toEqual(concepts('PM2.5対策', 'ja'));
    expect(detectLanguage('ＩｏＴ')).toBe('en');
  });
});

describe('Latin-typed Mongolian: case endings typed alike', () => {
  const vocabulary = new MongolianVocabulary([...MONGOLIAN_STOPWORDS, ...COMMON_MONGOLIAN_WORDS, 'адуу', 'байдал']);
  it.each([
    ['Yaponii', 'японы'],
    ['aduunii', 'адууны'],
    ['kompaniin', 'компанийн'],
    ['temeenii', 'тэмээний'],
  ])('%s → %s', (latin, cyrillic) => {
    expect(vocabulary.toCyrillic(latin)).toBe(cyrillic);
  });
});
