import { describe, expect, it } from 'vitest';
import { detectLanguage, toLocalizedText } from '../../matching/text/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['当社はカシミヤ製品の輸入と販売を行っています。', 'ja'],
    ['モンゴルのIT企業とオフショア開発で協業したい', 'ja'],
    ['高専教育の経験を活かし、カリキュラム開発を支援します', 'ja'],
    ['大気汚染対策技術', 'ja'],
    ['株式会社サクラシステムズ', 'ja'],
  ])('reads Japanese: %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it.each([
    ['Бид ноолууран утас, сүлжмэл эдлэл үйлдвэрлэдэг.', 'mn'],
    ['Манай компани Япон улсад экспорт хийх түнш хайж байна', 'mn'],
    ['Монгол Кашемир ХХК', 'mn'],
    ['Програм хангамж хөгжүүлэлт', 'mn'],
    ['Шинжлэх Ухаан Технологийн Их Сургууль', 'mn'],
    ['Малын эмч нарын сургалт', 'mn'],
  ])('reads Mongolian: %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it.each([
    ['Мы ищем партнёров для экспорта кашемира в Японию и предлагаем качественную пряжу.', 'ru'],
    ['Наша компания является ведущим поставщиком программного обеспечения в Монголии.', 'ru'],
  ])('tells Russian from Mongolian: %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it.each([
    ['We produce cashmere yarn and knitwear for export.', 'en'],
    ['Offshore software development with Japanese-speaking engineers', 'en'],
  ])('reads English: %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it.each([
    ['AIを活用したDX推進', 'ja'],
    ['ERP систем нэвтрүүлэх, AI шийдэл', 'mn'],
    ['We build ERP for 日本 clients', 'en'],
    ['Cashmere ноолуур exporter from Mongolia, Улаанбаатар', 'en'],
  ])('gives mixed text to its main script: %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it('marks text with no letters as undetermined', () => {
    expect(detectLanguage('2026 / 12 / 05')).toBe('und');
  });
});

describe('toLocalizedText', () => {
  it('files a plain string under its detected language', () => {
    expect(toLocalizedText('  繊維の輸入  ')).toEqual({ ja: '繊維の輸入' });
  });

  it('keeps every language version it was given, dropping blank ones', () => {
    expect(toLocalizedText({ ja: 'カシミヤ', mn: 'ноолуур', en: ' ' })).toEqual({ ja: 'カシミヤ', mn: 'ноолуур' });
  });

  it('normalises to NFC so that decomposed letters compare equal', () => {
    const decomposed = 'й'.normalize('NFD');
    expect(toLocalizedText({ mn: `Сайн ${decomposed}` }).mn).toBe('Сайн й');
  });
});
