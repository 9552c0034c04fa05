'use client';

/** Opens the browser's print dialog (the report has an A4 print stylesheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 print:hidden"
    >
      {label}
    </button>
  );
}
