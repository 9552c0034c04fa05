'use client';

import { useEffect } from 'react';
import { isBuildAsset, WORKER_SCOPE, WORKER_URL } from '@/lib/surveys/device/offline-page';

/**
 * Registers the survey's service worker (worker/survey-sw.ts) once the page has loaded, so that
 * this questionnaire opens again on this phone without a connection. On the first visit the page
 * came before the worker, so the worker is handed the page's address and the build files it
 * loaded, to keep them (Serwist's CACHE_URLS message); later visits go through the worker anyway.
 * Production builds only: in development the files change under the same names.
 */
export function DeviceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const cameThroughWorker = navigator.serviceWorker.controller !== null;
    const start = async () => {
      try {
        await navigator.serviceWorker.register(WORKER_URL, { scope: WORKER_SCOPE });
        const registration = await navigator.serviceWorker.ready;
        if (cameThroughWorker) return;
        const loaded = performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name))
          .filter((url) => url.origin === location.origin && isBuildAsset(url.pathname))
          .map((url) => url.href);
        registration.active?.postMessage({ type: 'CACHE_URLS', payload: { urlsToCache: [location.href, ...loaded] } });
      } catch {
        // No worker (an old browser, a private window, storage off): the survey still works online.
      }
    };
    // After the page has loaded and the phone is idle: the questionnaire comes first.
    const whenIdle = () => (typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(() => void start(), { timeout: 3000 }) : setTimeout(() => void start(), 1000));
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
  }, []);
  return null;
}
