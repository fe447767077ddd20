import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeEnglish } from '../../matching/text/en.ts';
import { analyzeJapanese, loadJapaneseTokenizer, type JapaneseTokenizer } from '../../matching/text/ja.ts';
import { createTextAnalyzer, scriptRuns, type TextAnalyzer } from '../../matching/text/analyze.ts';

let kuromoji: JapaneseTokenizer;
let analyzer: TextAnalyzer;
beforeAll(async () => {
  kuromoji = await loadJapaneseTokenizer();
  analyzer = createTextAnalyzer(kuromoji);
});

describe('Japanese pipeline (kuromoji)', () => {
  it('keeps content words in base form and drops particles and auxiliaries', () => {
    expect(analyzeJapanese(kuromoji, 'モンゴル産カシミヤ糸を安定調達したい。').tokens).toEqual(['モンゴル', '産', 'カシミヤ', '糸', '安定', '調達']);
  });

  it('turns inflected verbs and adjectives into their dictionary forms', () => {
    expect(analyzeJapanese(kuromoji, '新しい製品を開発し、海外へ輸出しました').tokens).toEqual(['新しい', '製品', '開発', '海外', '輸出']);
    expect(analyzeJapanese(kuromoji, '安く売られていた').tokens).toEqual(['安い', '売る']);
  });

  it('gives katakana loanwords a romanised form as well', () => {
    expect(analyzeJapanese(kuromoji, 'オフショア開発とソフトウェアのテスト')).toEqual({
      tokens: ['オフショア', '開発', 'ソフトウェア', 'テスト'],
      romanised: ['ofushoa', 'sofutouea', 'tesuto'],
    });
  });

  it('shares one tokenizer per process', async () => {
    expect(await loadJapaneseTokenizer()).toBe(kuromoji);
  });
});

describe('English pipeline (natural)', () => {
  it('stems with Porter and drops stopwords and profile boilerplate', () => {
    expect(analyzeEnglish('We are looking for partners in offshore software development')).toEqual(['offshor', 'softwar', 'develop']);
    expect(analyzeEnglish('Developers developing developed')).toEqual(['develop', 'develop', 'develop']);
  });
});

describe('script runs', () => {
  it('sends each script of a mixed text to its own pipeline', () => {
    expect(scriptRuns('AIを活用したDX推進').map((r) => [r.script, r.text])).toEqual([
      ['latin', 'AI'],
      ['cjk', 'を活用した'],
      ['latin', 'DX'],
      ['cjk', '推進'],
    ]);
    expect(analyzer.analyze('ERP систем нэвтрүүлэх, AIを活用', 'mn').tokens).toEqual(['en:erp', 'mn:систем', 'mn:нэвтр', 'en:ai', 'ja:活用']);
  });

  it('keeps Mongolian ө and ү inside words', () => {
    const { tokens } = analyzer.analyze('Програм хангамж хөгжүүлэлт', 'mn');
    expect(tokens).toEqual(['mn:програм', 'mn:хангамж', 'mn:хөгж']);
  });

  it('does not stem Russian text with Mongolian rules', () => {
    expect(analyzer.analyze('Поставка оборудования', 'ru').tokens).toEqual(['ru:поставка', 'ru:оборудования']);
  });
});
