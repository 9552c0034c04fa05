import { MB } from '@/lib/files/types';

/** "840 KB", "12,4 MB" — in the locale's number format (next-intl's formatter, server or client). */
export function formatFileSize(bytes: number, format: { number: (value: number, options?: { maximumFractionDigits?: number }) => string }): string {
  if (bytes < MB) return `${format.number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${format.number(bytes / MB, { maximumFractionDigits: 1 })} MB`;
}
