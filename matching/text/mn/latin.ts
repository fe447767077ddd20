import { COMMON_MONGOLIAN_WORDS } from './common-words.ts';
import { MONGOLIAN_STOPWORDS } from './stopwords.ts';

/**
 * Mongolian typed in Latin letters, as most Mongolians write on a phone ("Manai kompani temeenii
 * nooson utas uildverledeg"): detect it, and turn it back into Cyrillic so that it goes through the
 * same tokenizer, stopwords, stemmer and lexicon as Cyrillic Mongolian.
 *
 * There is no standard: х is typed h, kh or x; ө and ү are typed o, u, ö, ü, or v and y for ү;
 * э and е are both e; й, и and ы are i (and ы also y). The letters themselves are therefore
 * ambiguous, and two mechanisms resolve them:
 *
 * 1. a folding KEY that both scripts reduce to (ө → o, ү → u, э/е → e, й/ы → i, х → h, ц → ts…),
 *    and a trie of known Cyrillic words under that key (common words, stopwords, and the words of
 *    the lexicon's Mongolian terms, given by the analyzer). A Latin word walks the trie as far as
 *    it can; the Cyrillic letters of the deepest known prefix are taken as they are spelled in the
 *    known word (tekhnologiin → технологи + йн), so the lexicon's Mongolian terms match their Latin
 *    spellings without anyone writing them twice;
 * 2. vowel harmony for the rest: a word with e is a front-vowel word, so its o and u are ө and ү
 *    (uildverledeg → үйлдвэрлэдэг); a word with a is a back-vowel word (o, u stay о, у).
 */

/**
 * Cyrillic letter → key letters. Lossy on purpose: it forgets what Latin typing forgets (э/е, и/й/ы,
 * щ/ш), but keeps ө (q) and ү (w) apart from о and у, because a Latin o or u may stand for either
 * and the walk below tries both.
 */
const CYRILLIC_KEY: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  ө: 'q',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'w',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: 'i',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** The folding key of a Cyrillic word. */
export function cyrillicKey(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += CYRILLIC_KEY[ch] ?? ch;
  return out;
}

/**
 * The key of a Latin word, with its common spellings merged: kh and x are х, c is ц, w is в, q is к,
 * and the rare typed ö and ü are ө (q) and ү (w). The ambiguous o, u, v and y stay as they are:
 * the walk resolves them against the known words.
 */
export function latinKey(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFC')
    .replace(/kh/g, 'h')
    .replace(/x/g, 'h')
    .replace(/c(?!h)/g, 'ts')
    .replace(/w/g, 'v')
    .replace(/q/g, 'k')
    .replace(/ö/g, 'q')
    .replace(/ü/g, 'w')
    .replace(/[^a-z]/g, '');
}

/**
 * How each Cyrillic letter may be typed, as letters of a Latin key (after `latinKey`), with a small
 * cost for the less usual spellings, so that among equally long readings the usual one wins.
 */
const SPELLINGS: Readonly<Record<string, readonly (readonly [latin: string, cost: number])[]>> = {
  а: [['a', 0]],
  б: [['b', 0]],
  в: [['v', 0]],
  г: [['g', 0]],
  д: [['d', 0]],
  е: [
    ['e', 0],
    ['ye', 0],
  ],
  ё: [
    ['yo', 0],
    ['o', 0.3],
    ['e', 0.3],
  ],
  ж: [
    ['j', 0],
    ['zh', 0],
  ],
  з: [['z', 0]],
  и: [
    ['i', 0],
    ['y', 0.2],
  ],
  й: [
    ['i', 0],
    ['y', 0.1],
  ],
  к: [['k', 0]],
  л: [['l', 0]],
  м: [['m', 0]],
  н: [['n', 0]],
  о: [['o', 0]],
  ө: [
    ['o', 0.05],
    ['q', 0],
    ['u', 0.2],
  ],
  п: [['p', 0]],
  р: [['r', 0]],
  с: [['s', 0]],
  т: [['t', 0]],
  у: [['u', 0]],
  ү: [
    ['u', 0.05],
    ['w', 0],
    ['v', 0.1],
    ['y', 0.1],
  ],
  ф: [['f', 0]],
  х: [['h', 0]],
  ц: [['ts', 0]],
  ч: [['ch', 0]],
  ш: [['sh', 0]],
  щ: [
    ['sh', 0],
    ['sch', 0],
  ],
  ъ: [['', 0]],
  ы: [
    ['y', 0],
    ['i', 0.1],
  ],
  ь: [
    ['i', 0],
    ['', 0.05],
  ],
  э: [['e', 0]],
  ю: [
    ['yu', 0],
    ['u', 0.3],
  ],
  я: [
    ['ya', 0],
    ['a', 0.3],
  ],
};

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A known word ends here. */
  word: boolean;
}

interface Walk {
  cyrillic: string;
  /** Latin key letters read. */
  depth: number;
  word: boolean;
  cost: number;
  /** Latin letters the last Cyrillic letter read (to give back a soft sign's i to the suffix). */
  last: string;
}

/**
 * Known Mongolian words, letter by letter in Cyrillic. A Latin word is read along them: at each
 * letter every Cyrillic letter it may stand for is tried (o: о or ө; u: у, ү or ө; y: ы, й or ү…),
 * so a Latin word that follows a known word for a while and then adds a suffix still gets the known
 * word's ө, ү, э and й.
 */
export class MongolianVocabulary {
  private readonly root: TrieNode = { next: new Map(), word: false };
  private readonly cache = new Map<string, string>();
  /** `knows` per Latin word: a walk tries every spelling along the trie (thousands of steps), and words repeat. */
  private readonly known = new Map<string, boolean>();

  constructor(words: Iterable<string> = []) {
    this.add(words);
  }

  add(words: Iterable<string>): void {
    for (const raw of words) {
      const word = raw.normalize('NFC').toLowerCase();
      if (!/^[\p{Script=Cyrillic}]+$/u.test(word)) continue;
      let node = this.root;
      for (const ch of word) {
        let child = node.next.get(ch);
        if (!child) {
          child = { next: new Map(), word: false };
          node.next.set(ch, child);
        }
        node = child;
      }
      node.word = true;
    }
    this.cache.clear();
    this.known.clear();
  }

  /** Whether a whole Latin word reads as a known word. */
  knows(latinWord: string): boolean {
    const cached = this.known.get(latinWord);
    if (cached !== undefined) return cached;
    const key = latinKey(latinWord);
    const best = this.walk(key);
    const known = best !== null && best.depth === key.length && best.word;
    if (this.known.size > 50_000) this.known.clear();
    this.known.set(latinWord, known);
    return known;
  }

  /**
   * The best reading of a Latin key along the known words: the most Latin letters read, a whole
   * known word counting two letters more (a word plus a suffix beats a longer part of another
   * word), then the cheapest spellings.
   */
  walk(key: string): Walk | null {
    let best: Walk | null = null;
    const score = (w: Walk) => w.depth + (w.word ? 2 : 0) - w.cost;
    let steps = 0;
    const visit = (node: TrieNode, at: number, cyrillic: string, cost: number, last: string) => {
      if (++steps > 4000) return;
      if (cyrillic) {
        const here: Walk = { cyrillic, depth: at, word: node.word, cost, last };
        if (!best || score(here) > score(best)) best = here;
      }
      for (const [letter, child] of node.next) {
        // "оюун" is typed oyun: the у after ю is often not typed again.
        const spellings =
          letter === 'у' && cyrillic.endsWith('ю') ? [...SPELLINGS[letter]!, ['', 0.1] as const] : (SPELLINGS[letter] ?? [[letter, 0] as const]);
        for (const [latin, extra] of spellings) {
          if (latin === '' ? cyrillic === '' : !key.startsWith(latin, at)) continue;
          visit(child, at + latin.length, cyrillic + letter, cost + extra, latin);
        }
      }
    };
    visit(this.root, 0, '', 0, '');
    return best;
  }

  /** A Latin word → Cyrillic: the known part as the vocabulary spells it, the rest by vowel harmony. */
  toCyrillic(latinWord: string): string {
    const cached = this.cache.get(latinWord);
    if (cached !== undefined) return cached;
    const key = latinKey(latinWord);
    const match = key.length >= 2 ? this.walk(key) : null;
    // A known part counts when it is a whole known word, or long enough not to be chance.
    const usable = match !== null && (match.word ? match.depth >= 2 : match.depth >= 4);
    let prefix = usable ? match.cyrillic : '';
    let rest = usable ? key.slice(match.depth) : key;
    // A soft sign before a suffix gives way to the suffix's vowel: сургууль + iin → сургуулийн.
    const soft = prefix.endsWith('ь') && rest !== '';
    if (soft) {
      prefix = prefix.slice(0, -1);
      rest = match!.last + rest;
    }
    const harmony = harmonyOf(prefix, key);
    let out: string;
    const stemInI = prefix.endsWith('и') && rest.startsWith('i');
    if (stemInI) {
      // A stem ending in и takes the genitive -йн, typed -iin: компани + in → компанийн.
      out = `${prefix}й${transliterateKey(rest.slice(1), harmony, true)}`;
    } else {
      out = prefix + transliterateKey(rest, harmony, prefix.length > 0);
    }
    // Typists write the genitive and accusative -ын/-ыг (back vowels) and -ийн/-ийг (front) alike,
    // as -iin, -ii, -yn, -iig: Yaponii → Японы, baidliin → байдлын, aduunii → адууны.
    // (Stems in и and ь keep -ийн: компанийн, сургуулийн.)
    if (rest && !soft && !stemInI)
      out = out.replace(/([бвгджзклмнпрстфхцчшщ])(?:ии|ий|ыи|ыы|иы)([нг]?)$/u, (_, c: string, end: string) => c + (harmony === 'back' ? 'ы' : 'ий') + end);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(latinWord, out);
    return out;
  }
}

type Harmony = 'front' | 'back';

/** Front (э ө ү) or back (а о у) vowel word, from the Cyrillic prefix if any, else from the Latin key. */
function harmonyOf(prefix: string, key: string): Harmony {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const ch = prefix[i]!;
    if ('эөүе'.includes(ch)) return 'front';
    if ('аоуяё'.includes(ch)) return 'back';
  }
  if (/[eqw]/.test(key)) return 'front';
  return 'back';
}

const SIMPLE: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  d: 'д',
  f: 'ф',
  g: 'г',
  h: 'х',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  z: 'з',
};
const VOWEL_KEYS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'q', 'w']);

/**
 * Key letters → Cyrillic by rule: ts ч ш я ё ю; o/u by harmony; e → э; i after a vowel → й
 * (ai, ii, ui), else и; y after a back consonant → ы, else ү; v → ү between consonants or at the
 * start before a consonant (vildver), else в.
 */
function transliterateKey(key: string, harmony: Harmony, afterPrefix: boolean): string {
  let out = '';
  const isVowel = (c: string | undefined) => c !== undefined && VOWEL_KEYS.has(c);
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    const two = key.slice(i, i + 2);
    const prev = i > 0 ? key[i - 1] : afterPrefix ? 'x' : undefined;
    if (two === 'ts') {
      out += 'ц';
      i++;
      continue;
    }
    if (two === 'ch') {
      out += 'ч';
      i++;
      continue;
    }
    if (two === 'sh') {
      out += 'ш';
      i++;
      continue;
    }
    if (ch === 'y' && (prev === undefined || isVowel(prev)) && isVowel(key[i + 1])) {
      const next = key[i + 1]!;
      const iotated = next === 'a' ? 'я' : next === 'o' ? 'ё' : next === 'u' ? 'ю' : next === 'e' ? 'е' : null;
      if (iotated) {
        out += iotated;
        i++;
        continue;
      }
    }
    switch (ch) {
      case 'o':
        out += harmony === 'front' ? 'ө' : 'о';
        break;
      case 'u':
        out += harmony === 'front' ? 'ү' : 'у';
        break;
      case 'q':
        out += 'ө';
        break;
      case 'w':
        out += 'ү';
        break;
      case 'e':
        out += 'э';
        break;
      case 'i':
        out += isVowel(prev) && prev !== 'i' ? 'й' : prev === 'i' && out.endsWith('и') ? 'й' : 'и';
        break;
      case 'y':
        out += isVowel(prev) ? 'й' : harmony === 'back' ? 'ы' : 'ү';
        break;
      case 'v':
        out += !isVowel(key[i + 1]) && !isVowel(prev) ? 'ү' : 'в';
        break;
      default:
        out += SIMPLE[ch] ?? ch;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Detection

let everyday: MongolianVocabulary | null = null;

/** The everyday words and stopwords, for detecting the language of a text without the lexicon. */
export function defaultVocabulary(): MongolianVocabulary {
  everyday ??= new MongolianVocabulary([...MONGOLIAN_STOPWORDS, ...COMMON_MONGOLIAN_WORDS]);
  return everyday;
}
