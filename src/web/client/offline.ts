/**
 * The last answers a page needs when the network drops (venue Wi-Fi): kept in this browser only,
 * dropped at sign-out, and shown marked as possibly outdated. The service worker (/sw.js) keeps the
 * page itself; this keeps the data.
 */
import { ApiError, get, type Query } from './api.ts';

const PREFIX = 'musubi.kept.';

export interface Kept<T> {
  data: T;
  /** When the copy was loaded; null when `data` is fresh from the server. */
  savedAt: string | null;
}

/** GET with a fallback: on a network failure, the last copy kept under `key` (if any). */
export async function getKept<T>(key: string, path: string, query?: Query): Promise<Kept<T>> {
  try {
    const data = await get<T>(path, query);
    try {
      localStorage.setItem(PREFIX + key, JSON.stringify({ data, savedAt: new Date().toISOString() }));
    } catch {
      // A full storage only loses the offline copy.
    }
    return { data, savedAt: null };
  } catch (error) {
    const kept = error instanceof ApiError && error.status === 0 ? localStorage.getItem(PREFIX + key) : null;
    if (!kept) throw error;
    return JSON.parse(kept) as Kept<T>;
  }
}

export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

/** Forgets every kept copy (at sign-out: the next person on this device must not see them). */
export function forgetKept(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
}

export function registerServiceWorker(): void {
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
