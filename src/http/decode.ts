import { HttpProblem } from './problem.ts';

const SUPPORTED = new Set(['utf-8', 'utf8', 'shift_jis', 'shift-jis', 'sjis', 'windows-31j', 'cp932', 'utf-16le', 'utf-16']);

/**
 * Decodes a request body strictly: invalid bytes are refused, never turned into U+FFFD and stored.
 * UTF-8 is the default (a BOM is dropped); Japanese Excel still saves CSV as Shift_JIS, which a
 * client may declare with `charset=shift_jis`.
 */
export function decodeBody(body: Buffer, contentType: string | undefined): string {
  const charset = /charset\s*=\s*"?([\w-]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase() ?? 'utf-8';
  if (!SUPPORTED.has(charset)) {
    throw new HttpProblem(415, 'unsupported-charset', `charset=${charset} is not supported; send UTF-8 (or shift_jis, utf-16le)`, undefined, undefined, {
      charset,
    });
  }
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
