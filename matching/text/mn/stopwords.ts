/**
 * Khalkha Mongolian stopwords: words that tell two organisation profiles nothing about each other.
 *
 * No stopword package on npm covers Mongolian (`stopword`, `stopwords-iso` lack it), so the list is
 * written here, grouped by why each word carries no matching signal. Entries are lower-case
 * surface forms as the tokenizer produces them, matched before stemming.
 *
 * Deliberately NOT stopwords:
 * - profile vocabulary such as "компани", "байгууллага", "хамтын ажиллагаа": they are frequent, but
 *   weighting them down is the ranking's job (idf), not the tokenizer's;
 * - "их" (big), "дунд" (middle), "бага" (small), "дээд" (high): they make "их сургууль"
 *   (university), "дунд сургууль" (secondary school) and "бага сургууль" (primary school) differ;
 * - content verbs ("хөгжүүлэх", "экспортлох", "судлах"); only light and auxiliary verbs are listed.
 */

/** Personal, demonstrative, reflexive and interrogative pronouns with their case forms. */
const PRONOUNS = [
  // би (I)
  'би', 'миний', 'надад', 'намайг', 'надаас', 'надтай', 'надаар', 'минь',
  // чи (you, familiar)
  'чи', 'чиний', 'чамд', 'чамайг', 'чамаас', 'чамтай', 'чинь',
  // та (you, polite)
  'та', 'таны', 'танд', 'таныг', 'танаас', 'тантай', 'тань',
  // тэр (he, she, that)
  'тэр', 'түүний', 'түүнд', 'түүнийг', 'түүнээс', 'түүнтэй', 'түүгээр',
  // энэ (this)
  'энэ', 'үүний', 'үүнд', 'үүнийг', 'үүнээс', 'үүнтэй', 'үүгээр',
  // бид (we)
  'бид', 'бидний', 'бидэнд', 'биднийг', 'биднээс', 'бидэнтэй', 'бидээр',
  // тэд (they), эд (these)
  'тэд', 'тэдний', 'тэдэнд', 'тэднийг', 'тэднээс', 'тэдэнтэй', 'эд',
  'эдгээр', 'тэдгээр', 'эдгээрийн', 'тэдгээрийн',
  // possessive ("our", "your")
  'манай', 'танай', 'маань',
  // reflexive and "other"
  'өөр', 'өөрөө', 'өөрийн', 'өөрийгөө', 'өөртөө', 'өөрсдөө', 'өөрсдийн', 'бусад', 'бусдын',
  'нөгөө',
  // interrogatives
  'хэн', 'хэний', 'хэнд', 'юу', 'юуг', 'юунд', 'юуны', 'ямар', 'хаана', 'хаашаа', 'хэзээ', 'яаж',
  'яагаад', 'аль', 'алин', 'хэд', 'хэдэн',
  // demonstratives of manner and place
  'ийм', 'тийм', 'ингэж', 'тэгж', 'энд', 'тэнд', 'эндээс', 'тэндээс', 'уг', 'тухайн',
] as const;

/** Postpositions: they mark relations that a bag of words cannot use. */
const POSTPOSITIONS = [
  'тухай', 'тухайд', 'дээр', 'дээрх', 'доор', 'доорх', 'дотор', 'доторх', 'гадна', 'хойно', 'хойш',
  'өмнө', 'өмнөх', 'хооронд', 'хоорондын', 'хамт', 'зориулсан', 'зориулж', 'төлөө', 'тулд', 'хүртэл',
  'болтол', 'руу', 'рүү', 'луу', 'лүү', 'дагуу', 'дундаас', 'дэх', 'дахь', 'талаар', 'шиг',
  'адил', 'мэт', 'орчим', 'гаруй', 'тутам', 'дэргэд', 'хажууд', 'эсрэг', 'оронд', 'үед', 'үеэр',
  'дараа', 'дараах', 'хүрээнд', 'дамжуулан', 'зэрэг', 'бүрийн',
] as const;

/** Conjunctions and sentence particles (question, emphasis, topic, quotation). */
const CONJUNCTIONS_AND_PARTICLES = [
  'ба', 'болон', 'буюу', 'эсвэл', 'эсхүл', 'юмуу', 'нь', 'ч', 'л', 'бол', 'харин', 'мөн', 'бас',
  'гэвч', 'гэхдээ', 'хэрэв', 'хэрвээ', 'хэдийгээр', 'учир', 'учраас', 'тиймээс', 'иймээс', 'иймд',
  'тул', 'тэгээд', 'ингээд', 'тэгвэл', 'тэгэхээр', 'улмаар', 'түүнчлэн', 'мөнхүү', 'ийнхүү',
  'үү', 'уу', 'юү', 'вэ', 'бэ', 'бил', 'билээ', 'шүү', 'даа', 'дээ', 'доо', 'дөө', 'биз', 'аа', 'ээ',
  'биш', 'үгүй', 'хэмээн', 'хэмээх',
] as const;

/**
 * Auxiliary and light verbs. "байх" (be), "болох" (become), "гэх" (say, quote) and "хийх" (do)
 * carry no topic of their own: in "экспорт хийх" (to export) or "судалгаа хийх" (to do research)
 * the meaning sits in the noun. Modal "чадах" (can), "ёстой" (must), "хэрэгтэй" (need) likewise.
 */
const LIGHT_VERBS = [
  'байна', 'байгаа', 'байсан', 'байх', 'байдаг', 'байж', 'байв', 'байлаа', 'байгаад', 'байвал',
  'байгаагийн',
  'болно', 'болох', 'болсон', 'болдог', 'болж', 'болов', 'болоод', 'болохоор',
  'юм', 'юмаа', 'юмсан', 'юмны',
  'гэж', 'гэх', 'гэсэн', 'гэдэг', 'гэнэ', 'гээд', 'гэхэд', 'гэвэл',
  'хийх', 'хийж', 'хийсэн', 'хийдэг', 'хийнэ', 'хийгээд',
  'чадна', 'чадах', 'ёстой', 'хэрэгтэй',
] as const;

/** Quantifiers and degree words. */
const QUANTIFIERS = [
  'бүх', 'бүгд', 'бүхий', 'бүхэн', 'олон', 'зарим', 'бүр', 'ихэнх', 'цөөн', 'цөөхөн', 'маш', 'тун',
  'илүү', 'хамгийн', 'нэлээд', 'нийт', 'аливаа', 'янз', 'төдий', 'болгон',
] as const;

/** Numerals in words (cardinal, attributive -н form, and common ordinals), and "он" (year) in dates. */
const NUMERALS = [
  'нэг', 'хоёр', 'гурав', 'дөрөв', 'тав', 'зургаа', 'долоо', 'найм', 'ес', 'арав',
  'нэгэн', 'гурван', 'дөрвөн', 'таван', 'зургаан', 'долоон', 'найман', 'есөн', 'арван',
  'хорь', 'хорин', 'гуч', 'гучин', 'дөч', 'дөчин', 'тавь', 'тавин', 'жар', 'жаран', 'дал', 'далан',
  'ная', 'наян', 'ер', 'ерэн', 'зуу', 'зуун', 'мянга', 'мянган', 'сая', 'тэрбум',
  'нэгдүгээр', 'хоёрдугаар', 'гуравдугаар', 'анхны',
  'он', 'оны', 'онд', 'оноос',
] as const;

/**
 * Legal and organisational forms, abbreviated and spelled out. Every company is an ХХК (LLC) and
 * every NGO a ТББ, so they only add noise:
 * ХХК limited liability company, ХК joint-stock company, ТББ non-governmental organisation,
 * ТӨҮГ / ТӨААТҮГ state-owned enterprises, ОНӨААТҮГ / ОНӨҮГ locally owned enterprises,
 * ТӨХК state-owned joint-stock company, ББСБ non-bank financial institution,
 * ХЗХ savings and credit cooperative.
 */
const LEGAL_FORMS = [
  'ххк', 'хк', 'тбб', 'төүг', 'төаатүг', 'онөаатүг', 'онөүг', 'төхк', 'ббсб', 'хзх',
  // Spelled-out forms. "хариуцлагатай" (of ХХК) is left out: it also means "responsible" as in
  // "хариуцлагатай аялал жуулчлал" (responsible tourism).
  'хязгаарлагдмал', 'хувьцаат', 'өмчит',
] as const;

/** The plural word "нар" (багш нар "teachers") is written apart from its noun. */
const PLURAL_WORDS = ['нар', 'нарын', 'нарт'] as const;

export const MONGOLIAN_STOPWORDS: ReadonlySet<string> = new Set<string>([
  ...PRONOUNS,
  ...POSTPOSITIONS,
  ...CONJUNCTIONS_AND_PARTICLES,
  ...LIGHT_VERBS,
  ...QUANTIFIERS,
  ...NUMERALS,
  ...LEGAL_FORMS,
  ...PLURAL_WORDS,
]);

/** Whether a token is a Mongolian stopword; expects the lower-case NFC form the tokenizer emits. */
export function isMongolianStopword(word: string): boolean {
  return MONGOLIAN_STOPWORDS.has(word);
}
