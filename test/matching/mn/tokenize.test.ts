import { describe, expect, it } from 'vitest';
import { normalizeMongolian, repairMixedScript, tokenizeMongolian } from '../../../matching/text/mn/tokenize.ts';

describe('tokenizeMongolian', () => {
  it('keeps words with ө and ү whole (a [А-Яа-я] pattern would cut "хөгжүүлэлт" into х / гж / лэлт)', () => {
    expect(tokenizeMongolian('Программ хангамжийн хөгжүүлэлт')).toEqual(['программ', 'хангамжийн', 'хөгжүүлэлт']);
  });

  it('lower-cases Mongolian capitals Ө, Ү and Ё', () => {
    expect(tokenizeMongolian('ӨРГӨДӨЛ ҮЙЛДВЭРЛЭЛ Ёс')).toEqual(['өргөдөл', 'үйлдвэрлэл', 'ёс']);
  });

  it('splits a profile sentence on spaces and punctuation', () => {
    expect(tokenizeMongolian('Манай компани Япон улсад ноолуурын бүтээгдэхүүн экспортлох түнш хайж байна.')).toEqual([
      'манай',
      'компани',
      'япон',
      'улсад',
      'ноолуурын',
      'бүтээгдэхүүн',
      'экспортлох',
      'түнш',
      'хайж',
      'байна',
    ]);
  });

  it('keeps hyphenated names and compounds as one token', () => {
    expect(tokenizeMongolian('Улаан-Үдэ хотод онлайн-сургалт зохион байгуулна')).toEqual(['улаан-үдэ', 'хотод', 'онлайн-сургалт', 'зохион', 'байгуулна']);
  });

  it('treats a lone hyphen, an en dash and an em dash as separators', () => {
    expect(tokenizeMongolian('мах - сүү – ноос—ноолуур')).toEqual(['мах', 'сүү', 'ноос', 'ноолуур']);
  });

  it('does not glue words across a doubled or trailing hyphen', () => {
    expect(tokenizeMongolian('мах--сүү ноос-')).toEqual(['мах', 'сүү', 'ноос']);
  });

  it('writes typographic hyphens (U+2010, U+2011) as a plain hyphen', () => {
    expect(tokenizeMongolian('Улаан\u2010Үдэ, онлайн\u2011сургалт')).toEqual(['улаан-үдэ', 'онлайн-сургалт']);
  });

  it('passes Latin words and numbers through lower-cased', () => {
    expect(tokenizeMongolian('AI, ERP болон IT шийдэл 2024 онд 5G')).toEqual(['ai', 'erp', 'болон', 'it', 'шийдэл', '2024', 'онд', '5g']);
  });

  it('keeps a Latin-Cyrillic hyphenated compound with each part in its own script', () => {
    expect(tokenizeMongolian('IT-компаниуд')).toEqual(['it-компаниуд']);
  });

  it('strips quotation marks of every kind', () => {
    expect(tokenizeMongolian('«Монгол Шуудан» ХХК, “Тэсо” групп, „Гоёл“, "Говь"')).toEqual(['монгол', 'шуудан', 'ххк', 'тэсо', 'групп', 'гоёл', 'говь']);
  });

  it('deletes apostrophes inside a word instead of splitting it', () => {
    expect(tokenizeMongolian("ОХУ’ын зах зээл, don't")).toEqual(['охуын', 'зах', 'зээл', 'dont']);
  });

  it('composes decomposed й and ё (NFC) so they match typed text', () => {
    const decomposed = 'ба\u0438\u0306на \u0435\u0308с';
    expect(tokenizeMongolian(decomposed)).toEqual(['байна', 'ёс']);
  });

  it('removes soft hyphens, zero-width spaces and stress marks left inside words', () => {
    expect(tokenizeMongolian('хөгжүү\u00ADлэлт ба\u0301йна ком\u200Bпани')).toEqual(['хөгжүүлэлт', 'байна', 'компани']);
  });

  it('repairs Latin look-alike letters typed inside a Cyrillic word', () => {
    expect(tokenizeMongolian('Улаанбаатap хотын cургууль')).toEqual(['улаанбаатар', 'хотын', 'сургууль']);
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenizeMongolian('')).toEqual([]);
    expect(tokenizeMongolian(' — , . ! ? « » ')).toEqual([]);
  });
});

describe('normalizeMongolian', () => {
  it('returns NFC lower-case text without invisible characters', () => {
    expect(normalizeMongolian('ӨӨРИЙН\u200B Ү')).toBe('өөрийн ү');
  });
});

describe('repairMixedScript', () => {
  it('leaves mostly-Latin words alone', () => {
    expect(repairMixedScript('google')).toBe('google');
    expect(repairMixedScript('erp')).toBe('erp');
  });

  it('maps look-alikes only when Cyrillic letters are the majority', () => {
    expect(repairMixedScript('мaл')).toBe('мал');
  });
});
