import { HttpProblem } from './problem.ts';

const SUPPORTED = new Set(['utf-8', 'utf8', 'shift_jis', 'shift-jis', 'sjis', 'windows-31j', 'cp932', 'utf-16le', 'utf-16']);

/** The charset a Content-Type declares, lower case, or null when it declares none. */
function declaredCharset(contentType: string | undefined): string | null {
  return /charset\s*=\s*"?([\w-]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? null;
}

/**
 * Decodes a request body strictly: invalid bytes are refused, never turned into U+FFFD and stored.
 * UTF-8 is the default (a BOM is dropped); Japanese Excel still saves CSV as Shift_JIS, which a
 * client may declare with `charset=shift_jis`.
 */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  const charset = declaredCharset(contentType) ?? 'utf-8';
  if (!SUPPORTED.has(charset)) {
    throw new HttpProblem(415, 'unsupported-charset', `charset=${charset} is not supported; send UTF-8 (or shift_jis, utf-16le)`, undefined, undefined, {
      charset,
    });
  }
  // Node's decoder (full ICU) follows the WHATWG Encoding Standard, whose Shift_JIS is Windows-31J (CP932):
  // NEC and IBM extensions (①, ㈱, 髙, 﨑) included.
  const label = ['sjis', 'windows-31j', 'cp932', 'shift-jis'].includes(charset) ? 'shift_jis' : charset === 'utf-16' ? 'utf-16le' : charset;
  try {
    return new TextDecoder(label, { fatal: true }).decode(body);
  } catch {
    throw new HttpProblem(
      400,
      'invalid-encoding',
      `The body is not valid ${label.toUpperCase()}. A CSV saved by Japanese Excel is usually Shift_JIS: send it with "Content-Type: text/csv; charset=shift_jis", or save it as "CSV UTF-8".`,
      undefined,
      undefined,
      { charset: label },
    );
  }
}

export type SheetEncoding = 'utf-8' | 'shift_jis' | 'utf-16le';

/** A spreadsheet export as text, and how it was read: as declared, or recognised from its bytes. */
export interface DecodedSheet {
  text: string;
  encoding: SheetEncoding;
  /** True when no charset was declared and the encoding was recognised from the bytes. */
  recognised: boolean;
}

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const HALF_WIDTH_KANA = /[\uFF61-\uFF9F]/gu;
const PRIVATE_USE = /[\uE000-\uF8FF]/u;

/**
 * Whether bytes that are not UTF-8 read as Shift_JIS *and* the result looks like Japanese: some
 * kana or kanji, no private-use characters (Shift_JIS lead bytes F0–F9), and no more half-width kana
 * than full-width Japanese. Text in a Western or Cyrillic code page (é, ü, я…) rarely decodes as
 * Shift_JIS at all, and when it does it turns into private-use characters and half-width kana.
 */
function readsAsJapanese(body: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(body);
  } catch {
    return null;
  }
  const halfWidth = text.match(HALF_WIDTH_KANA)?.length ?? 0;
  const fullWidth = [...text].filter((c) => JAPANESE.test(c)).length;
  return fullWidth > 0 && halfWidth <= fullWidth && !PRIVATE_USE.test(text) ? text : null;
}

/**
 * Decodes a spreadsheet export (CSV or TSV). A declared charset is obeyed strictly (decodeBody).
 * Without one: a UTF-16 byte-order mark (Excel's "Unicode text"), else UTF-8 when the bytes are valid
 * UTF-8, else Shift_JIS when they read as Japanese (a CSV saved by Japanese Excel). Anything else is
 * refused with `unknown-encoding`: the user is asked to save as "CSV UTF-8" or to say it is Shift_JIS.
 */
export function decodeSheet(body: Buffer, contentType: string | undefined): DecodedSheet {
  const declared = declaredCharset(contentType);
  if (declared) {
    const text = decodeBody(body, contentType);
    const encoding: SheetEncoding = ['utf-8', 'utf8'].includes(declared) ? 'utf-8' : declared.startsWith('utf-16') ? 'utf-16le' : 'shift_jis';
    return { text, encoding, recognised: false };
  }
  if (body[0] === 0xff && body[1] === 0xfe) return { text: decodeBody(body, 'charset=utf-16le'), encoding: 'utf-16le', recognised: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', recognised: false };
  } catch {
    // not UTF-8: perhaps Japanese Excel's Shift_JIS
  }
  const japanese = readsAsJapanese(body);
  if (japanese !== null) return { text: japanese, encoding: 'shift_jis', recognised: true };
  throw new HttpProblem(
    400,
    'unknown-encoding',
    'The file is neither UTF-8 nor Japanese Shift_JIS. Save it from the spreadsheet as "CSV UTF-8", or declare its encoding (Content-Type: text/csv; charset=shift_jis).',
  );
}
