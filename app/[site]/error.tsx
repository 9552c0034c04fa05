'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { startTransition, useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';

const RETRY_SECONDS = 10;

/**
 * Shown when a page fails to render – most often because the database is unreachable. It retries
 * by itself, so the page comes back without anyone pressing reload once the database returns.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  const router = useRouter();
  const [seconds, setSeconds] = useState(RETRY_SECONDS);

  useEffect(() => {
    console.error(error);
  }, [error]);

  useEffect(() => {
    const timer = setInterval(() => {
      setSeconds((left) => {
        if (left > 1) return left - 1;
        startTransition(() => {
          router.refresh();
          reset();
        });
        return RETRY_SECONDS;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [router, reset]);

  return (
    <div className="max-w-2xl space-y-4" role="alert">
      <h1>{t('unavailableTitle')}</h1>
      <p>{t('body')}</p>
      <p aria-live="off">{t('unavailableBody', { seconds })}</p>
      {error.digest ? <p className="text-sm text-muted">ID: {error.digest}</p> : null}
      <Button
        type="button"
        onClick={() =>
          startTransition(() => {
            router.refresh();
            reset();
          })
        }
      >
        {t('retry')}
      </Button>
    </div>
  );
}
