'use client';

/**
 * Last resort when even the root layout fails: no catalogue is available here, so the text is in
 * both languages. It reloads the page by itself every 15 seconds.
 */
import { useEffect } from 'react';

export default function GlobalError() {
  useEffect(() => {
    const timer = setTimeout(() => window.location.reload(), 15_000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <html lang="pl">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '3rem auto', padding: '0 1rem' }}>
        <main>
          <h1>Usługa chwilowo niedostępna</h1>
          <p>Strona spróbuje wczytać się ponownie za kilkanaście sekund.</p>
          <p lang="en">Service temporarily unavailable. The page will reload by itself in a few seconds.</p>
          <button type="button" onClick={() => window.location.reload()}>
            Odśwież / Reload
          </button>
        </main>
      </body>
    </html>
  );
}
