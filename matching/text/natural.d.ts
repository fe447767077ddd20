// natural's package types cover only its root export; importing the root pulls in database clients
// (~1 s, ~100 MB, see STACK.md), so the engine imports these files directly.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
declare module 'natural/lib/natural/tokenizers/index.js' {
  export class WordTokenizer {
    tokenize(text: string): string[];
  }
}
