import type { ReactNode } from "react";
import { cx } from "./cx";

export type CheckboxOption = { value: string; label: ReactNode; description?: ReactNode };

/** A labelled set of checkboxes (fieldset + legend) with a group-level error, controlled. */
export function CheckboxGroup({
  id,
  legend,
  options,
  value,
  onChange,
  error,
  help,
  columns = 2,
  legendClassName = "font-medium",
}: {
  id: string;
  legend: string;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string;
  help?: ReactNode;
  columns?: 1 | 2;
  legendClassName?: string;
}) {
  const toggle = (option: string, checked: boolean) => onChange(checked ? [...value, option] : value.filter((v) => v !== option));
  return (
    <fieldset aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined} aria-invalid={error ? true : undefined}>
      <legend className={cx("text-sm text-ink", legendClassName)}>{legend}</legend>
      <div className={cx("mt-2 grid gap-2", columns === 2 && "sm:grid-cols-2")}>
        {options.map((option) => {
          const optionId = `${id}-${option.value.replace(/[^a-z0-9]+/gi, "-")}`;
          return (
            <div key={option.value} className="flex items-start gap-2.5 rounded-md border border-line bg-white px-3 py-2 has-[:checked]:border-brand/40 has-[:checked]:bg-brand-soft/40">
              <input
                id={optionId}
                type="checkbox"
                className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-400 accent-brand"
                checked={value.includes(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
                aria-describedby={option.description ? `${optionId}-description` : undefined}
              />
              <div className="min-w-0 text-sm leading-5">
                <label htmlFor={optionId} className="font-medium text-ink">{option.label}</label>
                {option.description && <p id={`${optionId}-description`} className="text-xs text-ink-muted">{option.description}</p>}
              </div>
            </div>
          );
        })}
      </div>
      {help && !error && <p id={`${id}-help`} className="mt-1.5 text-xs text-ink-muted">{help}</p>}
      {error && <p id={`${id}-error`} className="mt-1.5 text-xs font-medium text-danger">{error}</p>}
    </fieldset>
  );
}
