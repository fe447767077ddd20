/// <reference lib="dom" />
/**
 * Dragging meetings in the session grid with a real mouse path, and finding (in the browser) a row
 * where a drag is possible: used by the matchmaker's journey.
 */
import type { Page } from 'playwright-core';

/** The middle of an element on the screen. */
export async function centre(target: ReturnType<Page['locator']>): Promise<{ x: number; y: number }> {
  const box = (await target.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A drag with the mouse, as a person makes it: press on the source, move in steps, release on the target. */
export async function mouseDrag(page: Page, source: string, target: string): Promise<void> {
  await page.locator(source).scrollIntoViewIfNeeded();
  const from = await centre(page.locator(source));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const to = await centre(page.locator(target));
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/**
 * In the browser, over the grid's scrolling box: a row with a movable meeting (at a table, without an
 * interpreter) and a free table, and the sideways scroll that shows both. With `twoMeetings`, a second
 * movable meeting to its right that a scroll by `shift` brings exactly under the first one's place,
 * the free table still in view after that scroll.
 */
export function planDrag(box: HTMLElement, { twoMeetings }: { twoMeetings: boolean }) {
  const width = box.clientWidth;
  const max = box.scrollWidth - width;
  const origin = box.getBoundingClientRect().left - box.scrollLeft;
  const span = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { left: r.left - origin, right: r.right - origin };
  };
  const fits = (els: Element[], left: number) => els.every((el) => span(el).left >= left && span(el).right <= left + width);
  for (const row of box.querySelectorAll('tbody tr')) {
    const meetings = [...row.querySelectorAll('td:not([data-table="0"]) > button.meeting')].filter((b) => !b.querySelector('.interp'));
    const free = [...row.querySelectorAll('td.free:not([data-table="0"])')];
    for (const [i, m] of meetings.entries()) {
      for (const cell of free) {
        const pick = {
          dragged: Number(m.getAttribute('data-meeting')),
          slot: cell.getAttribute('data-slot')!,
          tableId: Number(cell.getAttribute('data-table')),
        };
        if (!twoMeetings) {
          const left = Math.max(0, Math.min(max, Math.min(span(m).left, span(cell).left) - 8));
          if (fits([m, cell], left)) return { ...pick, scrollLeft: left, shift: 0, other: 0 };
          continue;
        }
        for (const other of meetings.slice(i + 1)) {
          const shift = span(other).left - span(m).left;
          for (let left = 0; left + shift <= max; left += 8) {
            if (shift > 0 && fits([m], left) && fits([other, cell], left + shift)) {
              return { ...pick, scrollLeft: left, shift, other: Number(other.getAttribute('data-meeting')) };
            }
          }
        }
      }
    }
  }
  return null;
}
