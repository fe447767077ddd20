import { describe, expect, it } from 'vitest';
import { analyzeMongolian } from '../../../matching/text/mn/index.ts';
import { MONGOLIAN_STOPWORDS, isMongolianStopword } from '../../../matching/text/mn/stopwords.ts';
import { tokenizeMongolian } from '../../../matching/text/mn/tokenize.ts';

describe('MONGOLIAN_STOPWORDS', () => {
  it('holds at least 150 function words', () => {
    expect(MONGOLIAN_STOPWORDS.size).toBeGreaterThanOrEqual(150);
  });

  it('stores every entry exactly as the tokenizer emits it', () => {
    const misfits = [...MONGOLIAN_STOPWORDS].filter((word) => {
      const tokens = tokenizeMongolian(word);
      return tokens.length !== 1 || tokens[0] !== word;
    });
    expect(misfits).toEqual([]);
  });

  it('lists the legal and organisational forms in lower case', () => {
    for (const form of ['ххк', 'хк', 'тбб', 'төүг', 'онөаатүг', 'ббсб', 'хзх', 'төхк']) {
      expect(isMongolianStopword(form), form).toBe(true);
    }
  });

  it('lists pronouns with their case forms', () => {
    for (const word of ['би', 'миний', 'надад', 'бид', 'бидний', 'тэд', 'тэдний', 'энэ', 'үүнийг', 'тэр', 'түүний']) {
      expect(isMongolianStopword(word), word).toBe(true);
    }
    for (const word of ['манай', 'танай', 'өөр', 'өөрийн', 'өөрөө']) {
      expect(isMongolianStopword(word), word).toBe(true);
    }
  });

  it('lists postpositions, conjunctions and particles', () => {
    for (const word of ['тухай', 'дээр', 'доор', 'хойш', 'өмнө', 'хооронд', 'хамт', 'зориулсан', 'төлөө', 'дотор', 'гадна']) {
      expect(isMongolianStopword(word), word).toBe(true);
    }
    for (const word of ['ба', 'болон', 'буюу', 'эсвэл', 'нь', 'ч', 'л', 'юм', 'бол', 'гэж', 'гэсэн', 'харин', 'мөн', 'бас', 'үү', 'уу', 'вэ', 'бэ']) {
      expect(isMongolianStopword(word), word).toBe(true);
    }
  });

  it('lists auxiliary and light verbs, quantifiers and numerals', () => {
    for (const word of ['байна', 'байгаа', 'байсан', 'байх', 'болно', 'болох', 'хийх', 'бүх', 'олон', 'зарим', 'бүр', 'нэг', 'хоёр', 'гурван', 'мянга']) {
      expect(isMongolianStopword(word), word).toBe(true);
    }
  });

  it('leaves profile vocabulary and school-level adjectives to the ranking', () => {
    for (const word of ['компани', 'байгууллага', 'хамтын', 'ажиллагаа', 'сургууль', 'их', 'дунд', 'бага', 'дээд', 'хөгжүүлэх', 'экспорт']) {
      expect(isMongolianStopword(word), word).toBe(false);
    }
  });

  it('expects lower-case tokens: capitalised words are not looked up', () => {
    expect(isMongolianStopword('ХХК')).toBe(false);
    expect(isMongolianStopword('ххк')).toBe(true);
  });
});

describe('analyzeMongolian', () => {
  it('turns a partner search into the stems a Japanese buyer profile can match', () => {
    expect(analyzeMongolian('Манай компани Япон улсад ноолуурын бүтээгдэхүүн экспортлох түнш хайж байна')).toEqual([
      'компан',
      'япон',
      'улс',
      'ноолуур',
      'бүтээгдэхүү',
      'экспорт',
      'түнш',
      'хай',
    ]);
  });

  it('drops the legal form and the filler from an organisation name', () => {
    expect(analyzeMongolian('«Говь» ХК нь ноолуур боловсруулах үйлдвэр юм')).toEqual(['гов', 'ноолуур', 'боловср', 'үйлдвр']);
  });

  it('keeps Latin technology terms and hyphenated compounds', () => {
    expect(analyzeMongolian('AI болон ERP шийдлээр IT-компаниудад онлайн-сургалт хийх')).toEqual(['ai', 'erp', 'шийд', 'it-компан', 'онлайн-сург']);
  });

  it('gives the same stems to a university profile however its nouns are inflected', () => {
    expect(analyzeMongolian('Их сургуулийн оюутнууд инженерийн дадлагад хамрагдана')).toEqual(
      analyzeMongolian('их сургууль оюутан инженер дадлага хамрагдана'),
    );
  });

  it('drops one-letter stems and returns nothing for stopword-only text', () => {
    expect(analyzeMongolian('а б в')).toEqual([]);
    expect(analyzeMongolian('Бид энэ тухай ч бас мэдэж байгаа юм')).toEqual(['мэд']);
  });
});
