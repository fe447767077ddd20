import { describe, expect, it } from 'vitest';
import {
  canonicalStem,
  stemMongolian,
  stripActionNoun,
  stripCase,
  stripCausative,
  stripPlural,
  stripReflexive,
  stripVerbEnding,
} from '../../../matching/text/mn/stem.ts';

/**
 * Inflected forms that must share one stem, with the stem they share. Vocabulary from the profiles
 * Musubi matches: organisations, education, industries, trade. Each row is one word (or one word
 * family: a verb with its -лт action noun and -гч agent) in nominative, genitive, accusative,
 * dative, ablative, instrumental, comitative, plural and stacked forms.
 */
const SAME_STEM: ReadonlyArray<readonly [stem: string, forms: readonly string[]]> = [
  [
    'компан',
    ['компани', 'компанийн', 'компанийг', 'компанид', 'компаниас', 'компаниар', 'компанитай', 'компаниуд', 'компаниудын', 'компаниудад', 'компаниасаа'],
  ],
  [
    'байгуул',
    ['байгууллага', 'байгууллагын', 'байгууллагыг', 'байгууллагад', 'байгууллагаас', 'байгууллагаар', 'байгууллагатай', 'байгууллагууд', 'байгууллагуудын'],
  ],
  ['сургуул', ['сургууль', 'сургуулийн', 'сургуулийг', 'сургуульд', 'сургуулиас', 'сургуулиар', 'сургуультай', 'сургуулиуд', 'сургуулиудад', 'сургуульдаа']],
  ['оюут', ['оюутан', 'оюутны', 'оюутныг', 'оюутанд', 'оюутнаас', 'оюутантай', 'оюутнууд', 'оюутнуудын']],
  ['инженер', ['инженер', 'инженерийн', 'инженерт', 'инженерүүд', 'инженерүүдийг', 'инженертэй']],
  ['программ', ['программ', 'программын', 'программд', 'программууд']],
  ['хангамж', ['хангамж', 'хангамжийн', 'хангамжид', 'хангамжаар']],
  ['технолог', ['технологи', 'технологийн', 'технологийг', 'технологид', 'технологиос', 'технологиор', 'технологиуд', 'технологитой']],
  ['ноолуур', ['ноолуур', 'ноолуурын', 'ноолуурыг', 'ноолуурт', 'ноолуураас', 'ноолуураар', 'ноолууран']],
  ['ноос', ['ноос', 'ноосны', 'ноосон', 'ноосоор', 'ноосноос']],
  ['мал', ['мал', 'малын', 'малыг', 'малд', 'малаас', 'малтай']],
  ['малч', ['малчин', 'малчны', 'малчид', 'малчдын', 'малчинд', 'малчидтай']],
  ['эмнэлг', ['эмнэлэг', 'эмнэлгийн', 'эмнэлэгт', 'эмнэлгүүд', 'эмнэлгээс']],
  ['мэнд', ['мэнд', 'мэндийн', 'мэндэд']],
  ['уурхай', ['уурхай', 'уурхайн', 'уурхайд', 'уурхайгаас', 'уурхайг']],
  ['хүч', ['хүч', 'хүчний', 'хүчин', 'хүчээр']],
  ['агаар', ['агаар', 'агаарын', 'агаарт', 'агаараар']],
  ['бохирд', ['бохирдол', 'бохирдлын', 'бохирдлыг', 'бохирдолд', 'бохирдлоос']],
  ['аял', ['аялал', 'аяллын', 'аялалд', 'аялах']],
  ['жуулч', ['жуулчлал', 'жуулчлалын', 'жуулчин', 'жуулчид', 'жуулчдын']],
  ['тээвр', ['тээвэр', 'тээврийн', 'тээвэрт', 'тээврээр', 'тээвэрлэлт']],
  ['барилг', ['барилга', 'барилгын', 'барилгад', 'барилгууд', 'барилгаар']],
  ['ахуй', ['ахуй', 'ахуйн', 'ахуйд']],
  ['сүү', ['сүү', 'сүүний', 'сүүгээр', 'сүүн', 'сүүг']],
  ['мах', ['мах', 'махны', 'махан', 'махыг', 'махаар']],
  ['санхүү', ['санхүү', 'санхүүгийн', 'санхүүд', 'санхүүгээр']],
  ['хөрөнг', ['хөрөнгө', 'хөрөнгийн', 'хөрөнгөөр', 'хөрөнгөө']],
  ['оруул', ['оруулалт', 'оруулалтын', 'оруулах', 'оруулагч']],
  ['ажиллагаа', ['ажиллагаа', 'ажиллагааны', 'ажиллагааг', 'ажиллагаатай']],
  ['сург', ['сургалт', 'сургалтын', 'сургалтад', 'сургалтууд', 'сургах']],
  ['дадлг', ['дадлага', 'дадлагын', 'дадлагад']],
  ['түнш', ['түнш', 'түншийн', 'түншид', 'түншүүд', 'түнштэй', 'түншээр']],
  ['зээл', ['зээл', 'зээлийн', 'зээлд']],
  ['экспорт', ['экспорт', 'экспортын', 'экспортод', 'экспортлох', 'экспортлогч']],
  ['импорт', ['импорт', 'импортын', 'импортлогч']],
  ['үйлдвр', ['үйлдвэрлэл', 'үйлдвэрлэлийн', 'үйлдвэрлэх', 'үйлдвэрлэгч']],
  ['борл', ['борлуулалт', 'борлуулалтын', 'борлуулах', 'борлуулагч']],
  ['хөгж', ['хөгжүүлэлт', 'хөгжүүлэлтийн', 'хөгжүүлэлтэд', 'хөгжүүлэлтээр', 'хөгжүүлэх', 'хөгжүүлэгч', 'хөгжүүлэгчид', 'хөгжил', 'хөгжлийн']],
  ['бүтээгдэхүү', ['бүтээгдэхүүн', 'бүтээгдэхүүний', 'бүтээгдэхүүнийг', 'бүтээгдэхүүнд']],
  ['япон', ['япон', 'японы', 'японд', 'японоос', 'японтой']],
  ['монгол', ['монгол', 'монголын', 'монголд', 'монголчууд']],
  ['хүүх', ['хүүхэд', 'хүүхдийн', 'хүүхдүүд']],
  ['ирг', ['иргэн', 'иргэд', 'иргэдийн']],
  ['гэрээ', ['гэрээ', 'гэрээний', 'гэрээг']],
  ['үйлчилг', ['үйлчилгээ', 'үйлчилгээний', 'үйлчилгээг']],
  ['хот', ['хот', 'хотын', 'хотод', 'хотоос']],
  ['улс', ['улс', 'улсын', 'улсад', 'улсаас']],
  ['төсл', ['төсөл', 'төслийн', 'төслүүд']],
  ['газр', ['газар', 'газрын', 'газарт', 'газраас']],
  ['ажл', ['ажил', 'ажлын', 'ажилд', 'ажлаас']],
  ['хөтөлбр', ['хөтөлбөр', 'хөтөлбөрийн', 'хөтөлбөрт']],
  ['судалг', ['судалгаа', 'судалгааны', 'судалгаагаар']],
  ['улаанбаатр', ['улаанбаатар', 'улаанбаатарт', 'улаанбаатараас', 'улаанбаатарын']],
  ['мэдээл', ['мэдээлэл', 'мэдээллийн', 'мэдээлэх']],
  ['хэрг', ['хэрэглэгч', 'хэрэглэгчид', 'хэрэглэгчийн', 'хэрэглэх']],
  ['эрдэмт', ['эрдэмтэн', 'эрдэмтэд', 'эрдэмтдийн']],
  ['стартап', ['стартап', 'стартапууд', 'стартапын']],
  ['зөвлг', ['зөвлөгөө', 'зөвлөгөөний', 'зөвлөгөөг']],
  ['хамтр', ['хамтарсан', 'хамтрах', 'хамтарч']],
  ['хят', ['хятад', 'хятадын', 'хятадад', 'хятадаас']],
  ['солонгс', ['солонгос', 'солонгосын', 'солонгост']],
  ['хувцс', ['хувцас', 'хувцасны', 'хувцсыг']],
  ['цахилг', ['цахилгаан', 'цахилгааны', 'цахилгаанаар']],
  ['үндс', ['үндэс', 'үндэсний']],
  ['бизнес', ['бизнес', 'бизнесийн', 'бизнест']],
  ['банк', ['банк', 'банкны', 'банкууд']],
  ['засг', ['засаг', 'засгийн']],
  ['хурл', ['хурал', 'хурлын', 'хуралд']],
  ['боловср', ['боловсрол', 'боловсролын', 'боловсролд']],
  ['сонирх', ['сонирхол', 'сонирхолтой', 'сонирхох']],
  ['шаард', ['шаардлага', 'шаардлагын', 'шаардлагатай', 'шаардах']],
  ['туршлг', ['туршлага', 'туршлагатай', 'туршлагын']],
  ['мэргж', ['мэргэжил', 'мэргэжлийн', 'мэргэжилтэй']],
  ['зах', ['зах', 'захын', 'захад']],
];

/** Different words that must keep different stems, though one looks like a suffixed form of the other. */
const DIFFERENT_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['мал', 'малгай'], // livestock / hat
  ['ноос', 'ноолуур'], // wool / cashmere
  ['мал', 'малчин'], // livestock / herder: an agent noun keeps its own stem
  ['сургууль', 'сургалт'], // school / training
  ['сан', 'санал'], // fund / proposal
  ['гэр', 'гэрээ'], // home / contract
  ['бар', 'бараа'], // tiger / goods
  ['хор', 'хороо'], // poison / committee
  ['мэдээ', 'мэдээлэл'], // news / information
  ['байгаль', 'байгууллага'], // nature / organisation
  ['тайлан', 'тайланд'], // report / Thailand
  ['ажил', 'ажиллагаа'], // work / activity
  ['оюутан', 'оюун'], // student / intellect
  ['экспорт', 'импорт'],
  ['сүү', 'сүүдэр'], // milk / shadow
  ['уул', 'уурхай'], // mountain / mine
  ['дадлага', 'дадал'], // internship / habit
  ['тээвэр', 'тээрэм'], // transport / mill
  ['хүүхэд', 'хүү'], // child / son
  ['зөвлөгөө', 'зөв'], // advice / correct
  ['туршлага', 'туршилт'], // experience / experiment
  ['хөрөнгө', 'хөрөө'], // capital / saw
  ['эмнэлэг', 'эмч'], // hospital / doctor
  ['шуудан', 'шууд'], // post / direct
  ['мэнд', 'мэндчилгээ'], // health / greeting
  ['хүн', 'хүнс'], // person / food
  ['зах', 'зээл'], // market / loan
  ['хэлтэс', 'хэл'], // department / language
  ['гэр', 'гэрч'], // home / witness: -ч is a converb only on longer stems
  ['дээж', 'дээд'], // sample / upper
];

describe('stemMongolian: inflected forms conflate', () => {
  it.each(SAME_STEM)('%s ← %j', (stem, forms) => {
    expect(forms.map(stemMongolian)).toEqual(forms.map(() => stem));
  });

  it('uses more than 100 real word forms', () => {
    expect(SAME_STEM.flatMap(([, forms]) => forms).length).toBeGreaterThan(100);
  });

  it('gives every word family in the table its own stem', () => {
    const stems = SAME_STEM.map(([stem]) => stem);
    expect(new Set(stems).size).toBe(stems.length);
  });
});

describe('stemMongolian: different words stay apart', () => {
  it.each(DIFFERENT_WORDS)('%s ≠ %s', (first, second) => {
    expect(stemMongolian(first)).not.toBe(stemMongolian(second));
  });
});

describe('stemMongolian: inputs it leaves alone', () => {
  it('returns words of three letters or fewer unchanged', () => {
    expect(['мал', 'мах', 'сүү', 'хот', 'ус', 'би'].map(stemMongolian)).toEqual(['мал', 'мах', 'сүү', 'хот', 'ус', 'би']);
  });

  it('keeps nouns that only end like a suffix', () => {
    const nouns = ['онлайн', 'дизайн', 'семинар', 'экспорт', 'турист', 'эмэгтэй', 'агаар', 'ноос', 'хангамж'];
    expect(nouns.map(stemMongolian)).toEqual(nouns);
  });

  it('passes Latin words and numbers through lower-cased', () => {
    expect(['AI', 'ERP', 'IoT', '2024', '5g'].map(stemMongolian)).toEqual(['ai', 'erp', 'iot', '2024', '5g']);
  });

  it('stems only the last part of a hyphenated compound', () => {
    expect(stemMongolian('онлайн-сургалтын')).toBe('онлайн-сург');
    expect(stemMongolian('Улаан-Үдэд')).toBe('улаан-үдэ');
    expect(stemMongolian('IT-компаниудын')).toBe('it-компан');
  });

  it('accepts capitalised and decomposed input', () => {
    expect(stemMongolian('КОМПАНИУДЫН')).toBe('компан');
    expect(stemMongolian('уурха\u0438\u0306н')).toBe('уурхай');
  });
});

describe('stages', () => {
  it('stripReflexive removes -аа/-ээ and -гаа but keeps long-vowel nouns', () => {
    expect(stripReflexive('сургуульдаа')).toEqual({ stem: 'сургуульд', stripped: true });
    expect(stripReflexive('санхүүгээ')).toEqual({ stem: 'санхүү', stripped: true });
    expect(stripReflexive('гэрээ')).toEqual({ stem: 'гэрээ', stripped: false });
  });

  it('stripCase picks the harmony variant and the linking consonant', () => {
    expect(stripCase('компанийн').stem).toBe('компан');
    expect(stripCase('санхүүгийн').stem).toBe('санхүү');
    expect(stripCase('ажиллагааны').stem).toBe('ажиллагаа');
    expect(stripCase('японы').stem).toBe('япон');
    expect(stripCase('уурхайн').stem).toBe('уурхай');
    expect(stripCase('хотод').stem).toBe('хот');
    expect(stripCase('ноолуурт').stem).toBe('ноолуур');
    expect(stripCase('эмнэлгээс').stem).toBe('эмнэлг');
    expect(stripCase('технологиор').stem).toBe('технолог');
    expect(stripCase('түнштэй').stem).toBe('түнш');
    expect(stripCase('японруу').stem).toBe('япон');
  });

  it('stripCase leaves nouns that only end like a case suffix', () => {
    expect(stripCase('экспорт')).toEqual({ stem: 'экспорт', stripped: false });
    expect(stripCase('агаар')).toEqual({ stem: 'агаар', stripped: false });
    expect(stripCase('ноос')).toEqual({ stem: 'ноос', stripped: false });
    expect(stripCase('эмнэлэг')).toEqual({ stem: 'эмнэлэг', stripped: false });
  });

  it('stripCase reads -ууд after a consonant as the plural, not a dative', () => {
    expect(stripCase('түншүүд')).toEqual({ stem: 'түншүүд', stripped: false });
    expect(stripCase('санхүүд').stem).toBe('санхүү');
  });

  it('stripPlural handles -ууд, -нууд, -уд after и and -чууд', () => {
    expect(stripPlural('оюутнууд').stem).toBe('оюутн');
    expect(stripPlural('компаниуд').stem).toBe('компани');
    expect(stripPlural('монголчууд').stem).toBe('монгол');
    expect(stripPlural('хөгжүүлэгчүүд').stem).toBe('хөгжүүлэгч');
  });

  it('stripVerbEnding removes infinitive, participles and converbs', () => {
    expect(stripVerbEnding('экспортлох').stem).toBe('экспортло');
    expect(stripVerbEnding('хамтарсан').stem).toBe('хамтар');
    expect(stripVerbEnding('хөгжүүлж').stem).toBe('хөгжүүл');
    expect(stripVerbEnding('хангамж')).toEqual({ stem: 'хангамж', stripped: false });
  });

  it('stripActionNoun removes -лт and -гч after the verb stem vowel', () => {
    expect(stripActionNoun('борлуулалт').stem).toBe('борлуула');
    expect(stripActionNoun('хөгжүүлэгч').stem).toBe('хөгжүүлэ');
    expect(stripActionNoun('алт')).toEqual({ stem: 'алт', stripped: false });
  });

  it('stripCausative keeps four letters', () => {
    expect(stripCausative('хөгжүүл')).toBe('хөгж');
    expect(stripCausative('оруул')).toBe('оруул');
  });

  it('canonicalStem drops the fleeting vowel, the soft sign and the hidden н', () => {
    expect(canonicalStem('тээвэр')).toBe('тээвр');
    expect(canonicalStem('сургууль')).toBe('сургуул');
    expect(canonicalStem('махн')).toBe('мах');
    expect(canonicalStem('үйлдвэрлэл')).toBe('үйлдвр');
  });
});
