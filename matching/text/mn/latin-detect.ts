import { defaultVocabulary, latinKey, type MongolianVocabulary } from './latin.ts';

/**
 * Telling Latin-typed Mongolian from English, word by word and for a whole text: everyday
 * Mongolian words (as folding keys), Mongolian endings and letter patterns against English words
 * and patterns. The spelling back into Cyrillic is latin.ts.
 */

/**
 * Everyday Mongolian words in Latin spelling (keys), for telling Latin-typed Mongolian from English
 * without any lexicon: pronouns, particles, light verbs, and the words every profile uses.
 */
const COMMON_KEYS = new Set([
  'manai',
  'bid',
  'bidnii',
  'ba',
  'bolon',
  'baina',
  'baigaa',
  'baidag',
  'bolno',
  'boloh',
  'bol',
  'ni',
  'yum',
  'ym',
  'hiideg',
  'hiih',
  'hiine',
  'hiij',
  'heregtei',
  'shaardlagatai',
  'hamtran',
  'hamtarch',
  'hamtyn',
  'hamtiin',
  'ajillah',
  'ajilladag',
  'ajillana',
  'ajil',
  'kompani',
  'kompanii',
  'baiguullaga',
  'baiguullagiin',
  'hugjuuleh',
  'hogjuuleh',
  'uildverleh',
  'uildverledeg',
  'uildver',
  'uildverlel',
  'tuslah',
  'tusaltsaa',
  'sanal',
  'bolgono',
  'hudaldaa',
  'hudaldah',
  'niiluuleh',
  'niiluulne',
  'niiluulegch',
  'zah',
  'zeel',
  'mongol',
  'mongoliin',
  'mongolyn',
  'yapon',
  'yaponii',
  'yaponiin',
  'ulaanbaatar',
  'ulsyn',
  'ulsiin',
  'ih',
  'surguuli',
  'surguuliin',
  'oyutan',
  'oyutnuud',
  'mergejilten',
  'mergejiltnii',
  'tehnologi',
  'tehnologiin',
  'sistem',
  'uilchilgee',
  'uilchilgeenii',
  'hereglegch',
  'hariltsagch',
  'zahialga',
  'bagts',
  'hamt',
  'tulguur',
  'mal',
  'malchid',
  'nooluur',
  'noos',
  'mah',
  'suu',
  'heden',
  'olon',
  'shine',
  'sain',
  'ondor',
  'undur',
  'chanar',
  'chanartai',
  'tsahim',
  'onlain',
  'surgalt',
  'erdem',
  'shinjilgee',
  'tusul',
  'tosol',
  'horongo',
  'hurungu',
  'oruulalt',
  'oruulagch',
  'export',
  'import',
  'hiisen',
  'bolson',
  'baisan',
  'ene',
  'ter',
  'tend',
  'end',
  'mon',
  'bas',
  'esvel',
  'buyu',
  'zereg',
  'tuhai',
  'deer',
  'dotor',
  'hoorond',
  'hurtel',
  'dagavar',
  'uchraas',
  'tul',
  'tiimees',
  'odoo',
  'ondoos',
  'ond',
  'on',
  'jil',
  'jiliin',
  'sar',
  'udur',
  'odor',
  'hun',
  'hund',
  'huvi',
  'tur',
  'toriin',
  'turiin',
  'salbar',
  'salbart',
  'chiglel',
  'chiglelt',
  'chiglelээр',
  'chiglelеer',
  'chigleleer',
  'gadaad',
  'dotood',
  'zasag',
  'aj',
  'ahui',
]);

/** Mongolian endings (case, plural, verb) in Latin spelling; none is a usual English ending. */
const MONGOLIAN_ENDING =
  /(?:iin|iig|yn|yg|aas|ees|oos|aar|eer|oor|tai|tei|toi|uud|vvd|nuud|deg|dag|dog|laa|lee|loo|lsan|lson|lsen|uulah|uuleh|uulna|uulne|gch|lt|ldag|ldeg|lah|leh|loh|iaa|uulj|aj|ej|oj|chin|tsaa|tsee|hgui|guu|gui|ruu|luu|ch|na|ne|no)$/;

/** Letter patterns common in Latin-typed Mongolian and rare in English. */
const MONGOLIAN_PATTERN = /kh|ts[aeiou]|^[hz]|uu|ii|aa|ui|ai[a-z]|[^aeiou]h[aeiou]|g[ae]l|zh|[aeiou]j|j[aeiou]|ö|ü|^ye|yn$|^vi|^v[^aeiou]/;

/** Letter patterns common in English and rare in Latin-typed Mongolian. */
const ENGLISH_PATTERN = /th|wh|ck|ph|qu|w|x|c(?!h)|tion$|sion$|ing$|ment$|ness$|ous$|ity$|ly$|ed$|[^aeiou]e$|ies$|ive$|ies$|ers$|ful$/;

/**
 * Frequent English words (function words and profile words), so a short English phrase is never
 * taken for Mongolian.
 */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'with',
  'by',
  'from',
  'at',
  'as',
  'is',
  'are',
  'be',
  'we',
  'our',
  'us',
  'you',
  'your',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'can',
  'will',
  'would',
  'need',
  'needs',
  'offer',
  'offers',
  'looking',
  'seek',
  'seeking',
  'want',
  'who',
  'which',
  'company',
  'partner',
  'partners',
  'business',
  'service',
  'services',
  'product',
  'products',
  'market',
  'japan',
  'japanese',
  'mongolia',
  'mongolian',
  'development',
  'support',
  'training',
  'supply',
  'sales',
  'new',
  'high',
  'quality',
  'small',
  'local',
  'global',
  'system',
  'systems',
  'data',
  'online',
  'digital',
  'software',
  'app',
  'apps',
  'mobile',
  'web',
  'cloud',
  'team',
  'engineers',
  'engineer',
  'students',
  'student',
  'university',
  'joint',
  'research',
  'project',
  'projects',
  'production',
  'export',
  'import',
  'trade',
  'into',
  'about',
  'all',
  'more',
  'other',
  'not',
  'have',
  'has',
  'also',
  'such',
  'than',
  'their',
  'them',
  'up',
  'out',
  'per',
  'via',
  'including',
  'based',
  'led',
  'year',
  'years',
  'since',
  'over',
  'under',
]);

/**
 * How a Latin word looks: Mongolian, English or neither. A known Mongolian word (vocabulary or
 * common list) outweighs patterns; an English function word decides for English.
 */
export function latinWordEvidence(word: string, vocabulary?: MongolianVocabulary): { mn: number; en: number } {
  const lower = word.toLowerCase();
  if (ENGLISH_WORDS.has(lower)) return { mn: 0, en: 2 };
  const key = latinKey(lower);
  let mn = 0;
  let en = 0;
  if (COMMON_KEYS.has(key) || COMMON_KEYS.has(lower)) mn += 2;
  else if (vocabulary && key.length >= 3 && vocabulary.knows(lower)) mn += 1;
  if (key.length >= 4 && MONGOLIAN_ENDING.test(key)) mn += 1;
  if (MONGOLIAN_PATTERN.test(lower)) mn += 1;
  if (ENGLISH_PATTERN.test(lower)) en += 1;
  return { mn, en };
}

const LATIN_WORD = /\p{Script=Latin}+/gu;

/**
 * Whether a Latin text is Mongolian typed in Latin letters rather than English. Decided over the
 * whole text: each word adds its evidence; English function words (the, and, of, for…) are strong
 * evidence the other way, so English prose never qualifies. Without a vocabulary, the everyday
 * words and the stopwords are the known words.
 */
export function isLatinMongolian(text: string, vocabulary: MongolianVocabulary = defaultVocabulary(), relaxed = false): boolean {
  const words = text.normalize('NFKC').match(LATIN_WORD) ?? [];
  let mn = 0;
  let en = 0;
  let counted = 0;
  for (const word of words) {
    if (word.length < 2) continue;
    // All-capital abbreviations (AI, ERP, LLC, HHK) say nothing about the language.
    if (word.length <= 5 && word === word.toUpperCase()) continue;
    const e = latinWordEvidence(word, vocabulary);
    mn += e.mn;
    en += e.en;
    counted++;
  }
  if (counted === 0) return false;
  // Relaxed: another text of the same profile is Latin-typed Mongolian, so one clear word will do.
  return relaxed ? mn >= 1 && mn > en : mn >= 2 && mn > en * 1.5;
}
