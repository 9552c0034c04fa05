import type { ButtonHTMLAttributes } from 'react';

const variants = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 border-brand-700',
  secondary: 'bg-white text-brand-800 hover:bg-brand-50 border-brand-700',
  danger: 'bg-danger text-white hover:bg-red-800 border-danger',
  link: 'border-transparent bg-transparent text-brand-700 underline hover:text-brand-800 px-0',
} as const;

export type ButtonVariant = keyof typeof variants;

/** The one button style of the app; pending disables it and sets aria-busy. */
export function Button({
  variant = 'primary',
  pending = false,
  className = '',
  children,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; pending?: boolean }) {
  return (
    <button
      {...props}
      disabled={props.disabled || pending}
      aria-busy={pending || undefined}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-md border-2 px-4 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${variants[variant]} ${className}`}
    >
      {children}
    </button>
  );
}
