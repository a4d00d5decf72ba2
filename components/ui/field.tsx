import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cx } from "./cx";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-ink shadow-xs placeholder:text-slate-400 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/20 aria-[invalid=true]:border-danger";

/** A labelled form control with help text and a field-level error, wired for screen readers. */
export function Field({ id, label, help, error, children }: { id: string; label: string; help?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-ink">{label}</label>
      {children}
      {help && !error && <p id={`${id}-help`} className="text-xs text-ink-muted">{help}</p>}
      {error && <p id={`${id}-error`} className="text-xs font-medium text-danger">{error}</p>}
    </div>
  );
}

export function TextInput({ id, error, className, ...props }: InputHTMLAttributes<HTMLInputElement> & { id: string; error?: string }) {
  return <input id={id} name={props.name ?? id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `${id}-help`} className={cx(inputClass, className)} {...props} />;
}

export function Select({ id, error, className, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { id: string; error?: string }) {
  return (
    <select id={id} name={props.name ?? id} aria-invalid={error ? true : undefined} className={cx(inputClass, "pr-8", className)} {...props}>
      {children}
    </select>
  );
}
