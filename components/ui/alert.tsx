import type { ReactNode } from 'react';

const tones = {
  error: 'border-danger bg-red-50 text-red-900',
  success: 'border-brand-600 bg-brand-50 text-brand-800',
  info: 'border-sky-700 bg-sky-50 text-sky-900',
} as const;

/** A message box; errors are announced at once (role=alert), the rest politely (role=status). */
export function Alert({ tone = 'info', children, id }: { tone?: keyof typeof tones; children: ReactNode; id?: string }) {
  return (
    <div id={id} role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md border-l-4 px-4 py-3 ${tones[tone]}`}>
      {children}
    </div>
  );
}
