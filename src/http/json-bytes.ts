const ITEMS_OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

/** A list answer, `{"items":[…],"total":…,…}`, from items already serialised (kept bytes) and the page's figures. */
export function listAnswer(items: readonly Buffer[], page: Record<string, number>): Buffer {
  const parts: Buffer[] = [ITEMS_OPEN];
  for (const [i, item] of items.entries()) {
    if (i) parts.push(COMMA);
    parts.push(item);
  }
  const tail = Object.entries(page)
    .map(([key, value]) => `,${JSON.stringify(key)}:${value}`)
    .join('');
  parts.push(Buffer.from(`]${tail}}`));
  return Buffer.concat(parts);
}
