/**
 * A rule-based suffix stripper for Khalkha Mongolian (Cyrillic script).
 *
 * Goal for search: the inflected forms of one word share one stem, and different words rarely
 * do. Stems are index keys, not dictionary words ("компани" → "компан", "тээвэр" → "тээвр").
 *
 * The pipeline, outermost suffix first, the way Mongolian stacks them
 * (stem + derivation + plural + case + reflexive possessive):
 *   1. reflexive possessive    -аа/-ээ/-оо/-өө, -гаа…      сургуульдаа → сургуульд
 *   2. case                    -ын/-ийн, -ыг, -д/-т, -аас, -аар, -тай, -руу…
 *   3. plural                  -ууд/-үүд, -нууд, -чууд     компаниуд → компани
 *   4. verb endings (only when no case or plural came off, since those make a noun)
 *                              -х, -сан, -даг, -ж/-ч
 *   5. derivation              -лт, -гч (then causative -уул/-үүл), or -лага/-лэг
 *   6. canonical form          final vowel and soft sign, fleeting vowel, hidden н, …
 * A short list of exceptions catches words that the rules would fold onto another word.
 *
 * Vowel harmony gives most suffixes four shapes (а/э/о/ө); every table lists all of them.
 */

/** Every letter that is, or contains, a vowel; the iotated е ё ю я count because they carry one. */
const VOWELS = new Set('аэиоуөүыеёюя');

/**
 * Short vowels that Khalkha drops from a stem's last syllable when a vowel-initial suffix follows
 * (тээвэр → тээврийн, оюутан → оюутны, хөгжил → хөгжлийн). у and ү do not alternate this way.
 */
const FLEETING_VOWELS = new Set('аэоөи');

/**
 * Letters that occur in loanwords only (п ф к щ ъ, and е after the first letter; native words spell
 * that sound э). Loanwords keep their vowels under suffixes (инженерийн, компанийн, Японы), so the
 * fleeting-vowel rule must leave them alone.
 */
const LOANWORD_LETTERS = /[пфкщъ]|.е/u;

/** Below this a stem is too short to tell words apart ("мал", "хот", "хүн" are already 3). */
const MIN_STEM = 3;

/**
 * Words whose stems the rules would get wrong, keyed by the form left after inflection is removed.
 * Kept short on purpose: each entry says which rule it escapes.
 */
const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  // "байгаль" (nature) would lose its last syllable like a deverbal -л noun and meet "байгаа".
  ['байгаль', 'байгаль'],
  ['байгал', 'байгаль'],
  // "ажиллагаа" (activity, as in "хамтын ажиллагаа") would lose -лага and fall onto "ажил" (job).
  ['ажиллагаа', 'ажиллагаа'],
  // Country and people names keep their vowels (Монголын, not Монглын); without this the
  // fleeting-vowel rule turns "монгол" into "монг".
  ['монгол', 'монгол'],
  // "мэнд" (health, as in "эрүүл мэнд") ends like a dative -д after н.
  ['мэнд', 'мэнд'],
  // Country names in -ланд end like a dative: "Тайланд" would become "тайлан" (report).
  ['тайланд', 'тайланд'],
  ['финланд', 'финланд'],
  ['ирланд', 'ирланд'],
  ['голланд', 'голланд'],
  ['шотланд', 'шотланд'],
  ['зеланд', 'зеланд'],
  // Nouns ending in -гт would lose their т as if it were the dative -т.
  ['хүснэгт', 'хүснэгт'],
  ['тэмдэгт', 'тэмдэгт'],
  // Loanwords in -йн end like a genitive -н after a diphthong (уурхайн): онлайн ≠ онлай.
  ['онлайн', 'онлайн'],
  ['офлайн', 'офлайн'],
  ['дизайн', 'дизайн'],
  // Nouns in -ан/-эн whose vowel stays and whose case forms add г (шуудангийн, хүрээлэнгийн);
  // the fleeting-vowel and hidden-н rules would make "шуудан" (post) into "шууд" (direct).
  ['шуудан', 'шуудан'],
  ['шууданг', 'шуудан'],
  ['хүрээлэн', 'хүрээлэн'],
  ['хүрээлэнг', 'хүрээлэн'],
  // "эмэгтэй" (woman) ends like the comitative -тэй.
  ['эмэгтэй', 'эмэгтэй'],
]);

// ---------------------------------------------------------------------------------------------
// Letter tests
// ---------------------------------------------------------------------------------------------

function isVowel(letter: string | undefined): boolean {
  return letter !== undefined && VOWELS.has(letter);
}

/** A consonant in the sense the rules need: not a vowel, not й (a glide), not a sign. */
function isConsonant(letter: string | undefined): boolean {
  return letter !== undefined && /\p{Script=Cyrillic}/u.test(letter) && !VOWELS.has(letter) && !'йьъ'.includes(letter);
}

function lastLetter(stem: string): string | undefined {
  return stem[stem.length - 1];
}

function hasVowel(stem: string): boolean {
  return [...stem].some((letter) => VOWELS.has(letter));
}

/** Long vowels and diphthongs: suffixes after them take a linking г or н (санхүүгийн, ажиллагааны). */
function endsInLongVowel(stem: string): boolean {
  return /(?:[аэоөуүыи][аэоөуүи]|[аэоөуүыи]й)$/u.test(stem);
}

function endsInVowel(stem: string): boolean {
  return isVowel(lastLetter(stem)) || lastLetter(stem) === 'й';
}

function endsInConsonant(stem: string): boolean {
  return isConsonant(lastLetter(stem));
}

function isLoanword(stem: string): boolean {
  return LOANWORD_LETTERS.test(stem);
}

/** Whether a remainder is long enough, and vowel-bearing enough, to stand as a stem. */
function isViableStem(stem: string, minLength = MIN_STEM): boolean {
  return stem.length >= minLength && hasVowel(stem);
}

// ---------------------------------------------------------------------------------------------
// Suffix tables
// ---------------------------------------------------------------------------------------------

/** A suffix and the condition the remaining stem must meet for the suffix to be removed. */
interface SuffixRule {
  readonly suffix: string;
  readonly when: (stem: string) => boolean;
}

function rules(suffixes: readonly string[], when: (stem: string) => boolean): SuffixRule[] {
  return suffixes.map((suffix) => ({ suffix, when }));
}

const viable = (stem: string): boolean => isViableStem(stem);
const afterLongVowel = (stem: string): boolean => isViableStem(stem) && endsInLongVowel(stem);
const afterVowel = (stem: string): boolean => isViableStem(stem) && endsInVowel(stem);
const afterConsonant = (stem: string): boolean => isViableStem(stem) && endsInConsonant(stem);
const afterN = (stem: string): boolean => isViableStem(stem) && stem.endsWith('н');
const afterGlide = (stem: string): boolean => isViableStem(stem) && stem.endsWith('й');

/**
 * Removes the longest suffix whose rule accepts the remaining stem. Longest first so that
 * "-гаас" wins over "-аас" and "-ийн" over "-н".
 */
function stripLongest(word: string, table: readonly SuffixRule[]): string | null {
  let best: string | null = null;
  let bestLength = 0;
  for (const { suffix, when } of table) {
    if (suffix.length <= bestLength || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (when(stem)) {
      best = stem;
      bestLength = suffix.length;
    }
  }
  return best;
}

/**
 * Reflexive possessive ("one's own"): -аа/-ээ/-оо/-өө, -гаа… after a long vowel. It is the
 * outermost suffix (сургуульдаа, компаниасаа, түнштэйгээ). The stem must keep four letters so
 * that nouns ending in a long vowel keep it: гэрээ (contract) must not become гэр (home),
 * бараа (goods) not бар.
 */
const REFLEXIVE_RULES: readonly SuffixRule[] = [
  ...rules(['гаа', 'гээ', 'гоо', 'гөө'], (stem) => afterLongVowel(stem) && stem.length >= 4),
  ...rules(['аа', 'ээ', 'оо', 'өө'], (stem) => isViableStem(stem, 4)),
];

/**
 * The dative -т follows г, в, р (эмнэлэгт, ноолуурт, тээвэрт) and с in longer stems (Солонгост,
 * бизнест). Some nouns end in those letters + т themselves: "экспорт", "импорт", "спорт" (-порт),
 * "турист", "журналист" (-ист), and short ones like "тест", "текст".
 */
function takesDativeT(stem: string): boolean {
  if (!isViableStem(stem)) return false;
  if (/[гвр]$/u.test(stem)) return !stem.endsWith('пор');
  return stem.endsWith('с') && stem.length >= 5 && !stem.endsWith('ис');
}

/**
 * Nouns ending in a consonant + уу/үү. Few nouns do, so "-ууд" after a consonant (түншүүд,
 * оюутнууд) and "-уд" after и (компаниуд) are read as the plural; these nouns are the exceptions
 * that take the dative -д (санхүүд).
 */
const LONG_U_NOUNS: ReadonlySet<string> = new Set(['санхүү', 'хуруу']);

function looksPlural(stem: string): boolean {
  if (/и[уү]$/u.test(stem)) return true; // компаниуд: -уд after и is always the plural
  return /(?:уу|үү)$/u.test(stem) && isConsonant(stem[stem.length - 3]) && !LONG_U_NOUNS.has(stem);
}

/**
 * The dative -д follows vowels and sonorants (компанид, Японд, малд, сургуульд, уурхайд), but
 * "-ууд" after a consonant is the plural, handled later.
 */
function takesDativeD(stem: string): boolean {
  return isViableStem(stem) && (endsInVowel(stem) || /[лмнрвь]$/u.test(stem)) && !looksPlural(stem);
}

/**
 * Case endings (Apertium "Morphology of Khalkha", checked against real words):
 * - genitive: -ын/-ийн after consonants, -ны/-ний after long vowels (ажиллагааны, сүүний) but
 *   not diphthongs,
 *   -ы/-ий after н (Японы, оюутны, хүний), -гийн after long vowels (санхүүгийн), -н after
 *   diphthongs (уурхайн);
 * - accusative: -ыг/-ийг, -г after long vowels and diphthongs (санхүүг, уурхайг);
 * - dative-locative: -д after vowels and sonorants, -т after г/в/р/с (see below); -ад/-эд/-од/-өд
 *   after other consonants (хотод, улсад, сургалтад); -ид after ж/ч/ш (түншид);
 * - ablative: -аас/-ээс/-оос/-өөс; -гаас… after long vowels; -наас… for hidden-н stems after long
 *   vowels; -иас/-иос after и and ь (компаниас, сургуулиас, технологиос);
 * - instrumental: -аар/-ээр/-оор/-өөр, -гаар…, -иар/-иор;
 * - comitative: -тай/-тэй/-той;
 * - directional: -руу/-рүү/-луу/-лүү.
 * The short accusative -г is only taken after a long vowel, because many nouns end in a short
 * vowel + г (эмнэлэг, зураг, бүлэг).
 */
const CASE_RULES: readonly SuffixRule[] = [
  // genitive
  ...rules(['гийн'], afterLongVowel),
  ...rules(['ийн', 'ын'], viable),
  ...rules(['ний', 'ны'], (stem) => afterLongVowel(stem) && !stem.endsWith('й')),
  ...rules(['ий', 'ы'], afterN),
  ...rules(['н'], afterGlide),
  // accusative
  ...rules(['ийг', 'ыг'], viable),
  ...rules(['г'], afterLongVowel),
  // dative-locative
  ...rules(['ид'], (stem) => isViableStem(stem) && /[жчшщ]$/u.test(stem)),
  ...rules(['ад', 'эд', 'од', 'өд'], afterConsonant),
  ...rules(['д'], takesDativeD),
  ...rules(['т'], takesDativeT),
  // ablative
  ...rules(['гаас', 'гээс', 'гоос', 'гөөс'], afterLongVowel),
  ...rules(['наас', 'нээс', 'ноос', 'нөөс'], afterLongVowel),
  ...rules(['иас', 'иос', 'иэс', 'иөс'], viable),
  ...rules(['аас', 'ээс', 'оос', 'өөс'], viable),
  // instrumental
  ...rules(['гаар', 'гээр', 'гоор', 'гөөр'], afterLongVowel),
  ...rules(['иар', 'иор', 'иэр', 'иөр'], viable),
  ...rules(['аар', 'ээр', 'оор', 'өөр'], viable),
  // comitative
  ...rules(['тай', 'тэй', 'той'], viable),
  // directional
  ...rules(['руу', 'рүү', 'луу', 'лүү'], viable),
];

/**
 * Plural: -ууд/-үүд after consonants, -нууд/-нүүд after long vowels (бараанууд), -уд/-үд after и
 * (компаниуд, сургуулиуд), -чууд/-чүүд for peoples (монголчууд). The -д plural of -н/-чин nouns
 * (иргэд, малчид) looks like the dative: on a bare word the case stage takes it, and here it is
 * taken again when a case ending followed it (иргэдийн, малчдын). The -чууд rule skips stems in г so
 * that agent nouns in -гч keep their ч (хөгжүүлэгчүүд). The plural word "нар" is written apart
 * (багш нар) and is a stopword; it is not stripped here because "семинар" ends in it.
 */
const PLURAL_RULES: readonly SuffixRule[] = [
  ...rules(['нууд', 'нүүд'], afterVowel),
  // -д plural of -н nouns once a case ending has come off: иргэдийн → иргэд → ирг, малчдын.
  ...rules(['ад', 'эд', 'од', 'өд'], afterConsonant),
  ...rules(['ид'], (stem) => isViableStem(stem) && /[жчшщ]$/u.test(stem)),
  // The same plural with its и dropped before a case ending: хэрэглэгчдэд, малчдын, эрдэмтдийн.
  ...rules(['д'], (stem) => isViableStem(stem) && /[чт]$/u.test(stem)),
  ...rules(['чууд', 'чүүд'], (stem) => isViableStem(stem) && !stem.endsWith('г')),
  ...rules(['ууд', 'үүд'], (stem) => isViableStem(stem) && !endsInVowel(stem)),
  ...rules(['уд', 'үд'], (stem) => isViableStem(stem) && stem.endsWith('и')),
];

/**
 * Verb endings, used only on words that carried no case or plural ending:
 * - infinitive / future participle -х after the stem vowel (хөгжүүлэх, экспортлох, хийх);
 * - past participle -сан/-сэн/-сон/-сөн (хамтарсан), but not after a long vowel or ь: there the
 *   word is a noun in -с with the "made of" adjective -ан/-он (ноосон, цаасан, арьсан);
 * - habitual participle -даг/-дэг/-дог/-дөг; four letters must stay, or "тэмдэг" loses its
 *   ending;
 * - converbs -ж and -ч (хайж, хөгжүүлж, хамтарч), except where nouns end the same way: -ж
 *   after м, н or a long vowel (хангамж, боломж, шинж, дээж "sample"); -ч only after р, в, с
 *   and with four letters left (гэрч "witness" ≠ гэр).
 */
const VERB_RULES: readonly SuffixRule[] = [
  ...rules(['х'], afterVowel),
  ...rules(['сан', 'сэн', 'сон', 'сөн'], (stem) => isViableStem(stem) && !endsInLongVowel(stem) && !stem.endsWith('ь')),
  ...rules(['даг', 'дэг', 'дог', 'дөг'], (stem) => isViableStem(stem, 4)),
  ...rules(['ж'], (stem) => isViableStem(stem) && !/[мн]$/u.test(stem) && !/(?:аа|ээ|оо|өө|уу|үү)$/u.test(stem)),
  ...rules(['ч'], (stem) => isViableStem(stem, 4) && /[рвс]$/u.test(stem)),
];

/** Length of a stem once a final short vowel is ignored: "эмнэ" counts as "эмн". */
function coreLength(stem: string): number {
  return FLEETING_VOWELS.has(lastLetter(stem) ?? '') ? stem.length - 1 : stem.length;
}

/**
 * Deverbal nouns that name the activity or its agent, so that they meet their verb:
 * - -лт (сургалт, борлуулалт, хөгжүүлэлт, хөрөнгө оруулалт) after the verb stem's vowel;
 * - -гч agents (хөгжүүлэгч, хэрэглэгч, экспортлогч) after the verb stem's vowel.
 * Agents in -чин (малчин, жуулчин) are not stripped to their base noun: a herder is not
 * livestock. Their plural -чид and their forms without the fleeting vowel still meet them (see
 * the canonical form).
 */
const ACTION_RULES: readonly SuffixRule[] = [
  ...rules(['лт'], (stem) => afterVowel(stem) && coreLength(stem) >= MIN_STEM),
  ...rules(['гч'], (stem) => afterVowel(stem) && coreLength(stem) >= MIN_STEM),
];

/**
 * -лага/-лэг result nouns (байгууллага, шаардлага), including forms without the last vowel
 * (байгууллагын → байгууллаг, эмнэлгийн → эмнэлг). The stem must keep five letters so that short
 * nouns that only look derived keep their ending (дадлага ≠ дадал, туршлага ≠ туршилт, эмнэлэг,
 * мэдлэг). No causative is removed after them: байгууллага stays apart from байгаль and байгаа.
 */
const RESULT_RULES: readonly SuffixRule[] = rules(['лага', 'лэг', 'лог', 'лөг', 'лаг', 'лг'], (stem) => isViableStem(stem) && coreLength(stem) >= 5);

// ---------------------------------------------------------------------------------------------
// Stages
// ---------------------------------------------------------------------------------------------

/** Result of one stripping stage: the stem, and whether anything came off. */
export interface StripResult {
  readonly stem: string;
  readonly stripped: boolean;
}

function applyRules(word: string, table: readonly SuffixRule[]): StripResult {
  const stem = stripLongest(word, table);
  return stem === null ? { stem: word, stripped: false } : { stem, stripped: true };
}

export function stripReflexive(word: string): StripResult {
  return applyRules(word, REFLEXIVE_RULES);
}

export function stripCase(word: string): StripResult {
  return applyRules(word, CASE_RULES);
}

export function stripPlural(word: string): StripResult {
  return applyRules(word, PLURAL_RULES);
}

export function stripVerbEnding(word: string): StripResult {
  return applyRules(word, VERB_RULES);
}

/** -лт and -гч: the activity and the agent of a verb (борлуулалт, борлуулагч ← борлуулах). */
export function stripActionNoun(word: string): StripResult {
  return applyRules(word, ACTION_RULES);
}

/** -лага/-лэг: the result of a verb (байгууллага ← байгуулах, шаардлага ← шаардах). */
export function stripResultNoun(word: string): StripResult {
  return applyRules(word, RESULT_RULES);
}

/** The short vowel that ends a verb stem (хөгжүүлэ-х) or a noun (байгууллага) carries no meaning. */
function dropFinalShortVowel(stem: string): string {
  const last = lastLetter(stem);
  if (last === undefined || !FLEETING_VOWELS.has(last)) return stem;
  if (isVowel(stem[stem.length - 2])) return stem; // part of a long vowel: санхүү, гэрээ
  const shorter = stem.slice(0, -1);
  return isViableStem(shorter) ? shorter : stem;
}

/**
 * Causative -уул/-үүл (хөгжих → хөгжүүлэх, зохицох → зохицуулах), removed only after a verb or
 * deverbal ending came off, so that nouns ending in -уул (сургууль, ноолуур is -уур) stay whole.
 * Four letters must remain: "оруулах" keeps its -уул rather than becoming "ор" (bed).
 */
export function stripCausative(stem: string): string {
  const match = /^(.*)(?:уул|үүл)$/u.exec(stem);
  if (match === null) return stem;
  const base = match[1] ?? '';
  return isViableStem(base, 4) ? base : stem;
}

/**
 * The vowel of a stem's last syllable when it is short and sits between two consonants: it
 * disappears before vowel-initial suffixes (тээвэр/тээврийн, эмнэлэг/эмнэлгийн,
 * хүүхэд/хүүхдийн, газар/газрын, ажил/ажлын), so the canonical stem never has it. Loanwords keep
 * their vowels and are left alone.
 */
function dropFleetingVowel(stem: string): string {
  // A loanword's own vowels stay, but -ол/-эл before a consonant in one is the Mongolian
  // denominal verb suffix (экспортолж = экспортлох) and alternates like a native vowel.
  if (stem.length < 4 || (isLoanword(stem) && !stem.endsWith('л'))) return stem;
  const [before, vowel, after] = [stem[stem.length - 3], stem[stem.length - 2], stem[stem.length - 1]];
  if (!isConsonant(before) || !isConsonant(after) || vowel === undefined || !FLEETING_VOWELS.has(vowel)) {
    return stem;
  }
  const shorter = stem.slice(0, -2) + after;
  return hasVowel(shorter.slice(0, -1)) ? shorter : stem;
}

/**
 * One pass of the canonical-form rules; `canonicalStem` repeats it until nothing changes, because
 * removing one letter can expose the next rule (үйлдвэрлэл → үйлдвэрлл → үйлдвэрл → үйлдвэр → үйлдвр).
 */
function canonicalPass(stem: string): string {
  let s = stem;
  // Soft sign: "сургууль" / "сургуулийн" / "сургуульд" differ only in it.
  if (s.endsWith('ь') && isViableStem(s.slice(0, -1))) s = s.slice(0, -1);
  // Final long vowel а/э/о/ө: the nominative "үйлчилгээ" already lost it as a reflexive -ээ, so
  // "үйлчилгээний" → "үйлчилгээ" must lose it too. Kept where under four letters would remain
  // (гэрээ, бараа, хороо, мэдээ).
  if (/(?:аа|ээ|оо|өө)$/u.test(s) && isViableStem(s.slice(0, -2), 4)) s = s.slice(0, -2);
  // Final short vowel: компани / компанид / компанийн → компан.
  s = dropFinalShortVowel(s);
  // -лал/-лэл nouns from -лах verbs: аялал → аялл → аял = аялах → аял.
  if (s.endsWith('лл')) s = s.slice(0, -1);
  s = dropFleetingVowel(s);
  // Deverbal -л / denominal -л- after a consonant: хөгжлийн → хөгжл → хөгж (= хөгжих),
  // экспортлох → экспортл → экспорт. Four letters must stay: санал ≠ сан, хурал, төсөл, ажил.
  if (/[^аэиоуөүыеёюяйь]л$/u.test(s) && isViableStem(s.slice(0, -1), 4)) s = s.slice(0, -1);
  // Hidden or fleeting н: махны → махн → мах, ноосон → ноос, оюутан → оюутн → оюут (= оюутны),
  // малчин → малч (= малчид, малчдын).
  if (/[^аэиоуөүыеёюяйь]н$/u.test(s) && isViableStem(s.slice(0, -1))) s = s.slice(0, -1);
  // н after a long vowel: the genitive of a long-vowel stem (сүү → сүүний) and of a noun in
  // long vowel + н (бүтээгдэхүүн → бүтээгдэхүүний) look alike, so both lose the н:
  // сүүн (dairy) = сүү (milk), бүтээгдэхүүн = бүтээгдэхүү.
  if (/(?:аа|ээ|оо|өө|уу|үү)н$/u.test(s) && isViableStem(s.slice(0, -1))) s = s.slice(0, -1);
  // Plural -д on an agent stem, and fleeting-vowel -эд: малчдын → малчд → малч, хүүхдийн → хүүхд → хүүх.
  if (/[бгжзкпстфхцчш]д$/u.test(s) && isViableStem(s.slice(0, -1), 4)) s = s.slice(0, -1);
  return s;
}

export function canonicalStem(stem: string): string {
  let current = stem;
  for (let pass = 0; pass < 6; pass += 1) {
    const next = canonicalPass(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

function exceptionFor(stem: string): string | undefined {
  return EXCEPTIONS.get(stem) ?? EXCEPTIONS.get(`${stem}ь`);
}

/** Stems one hyphen-free Cyrillic word. */
function stemWord(word: string): string {
  const direct = exceptionFor(word);
  if (direct !== undefined) return direct;

  const reflexive = stripReflexive(word);
  const caseless = stripCase(reflexive.stem);
  const singular = stripPlural(caseless.stem);
  const inflectionFree = singular.stem;
  const exception = exceptionFor(inflectionFree) ?? exceptionFor(caseless.stem) ?? exceptionFor(reflexive.stem);
  if (exception !== undefined) return exception;

  const isNoun = caseless.stripped || singular.stripped;
  const verb = isNoun ? { stem: inflectionFree, stripped: false } : stripVerbEnding(inflectionFree);
  const action = stripActionNoun(verb.stem);
  if (verb.stripped || action.stripped) {
    // Only verbs carry the causative; a noun that merely ends in -уул (сургууль) must keep it.
    return canonicalStem(stripCausative(dropFinalShortVowel(action.stem)));
  }
  return canonicalStem(stripResultNoun(verb.stem).stem);
}

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}]+$/u;

/**
 * Stems one Mongolian token (any case; the result is lower-case NFC). Latin words, numbers and
 * words of three letters or fewer come back unchanged. In a hyphenated compound only the last part is stemmed, since the case
 * ending attaches there ("онлайн-сургалтын" → "онлайн-сург").
 */
export function stemMongolian(word: string): string {
  const lower = word.normalize('NFC').toLowerCase();
  const hyphen = lower.lastIndexOf('-');
  if (hyphen > 0 && hyphen < lower.length - 1) {
    return `${lower.slice(0, hyphen + 1)}${stemMongolian(lower.slice(hyphen + 1))}`;
  }
  if (!CYRILLIC_WORD.test(lower) || lower.length <= MIN_STEM) return lower;
  return stemWord(lower);
}
