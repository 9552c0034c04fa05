'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False in the server's HTML and until the page has hydrated, true after: for what only holds
 * with JavaScript running (a live counter, answers saved as they are given), which a page used
 * without JavaScript must not claim.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
