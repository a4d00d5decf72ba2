import type { ChangeEvent, ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import { inputClass } from "@/components/ui/field";
import { fieldAnchor, type TCardField, type TModelCardValue } from "@/lib/domain/model-card/template";
import { CardValue } from "./card-value";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function FieldLabel({ htmlFor, field, required, filled, children }: { htmlFor?: string; field: TCardField; required: boolean; filled: boolean; children?: ReactNode }) {
  const Label = htmlFor ? "label" : "p";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Label htmlFor={htmlFor} className="text-sm font-medium text-ink">{field.label}</Label>
      {/* The control carries aria-required; the marker is for the eye. */}
      {required && (
        <span aria-hidden className={cx("rounded px-1.5 py-px text-[11px] font-semibold uppercase tracking-wide", filled ? "bg-success-soft text-success" : "bg-warning-soft text-warning")}>
          {filled ? "Required ✓" : "Required"}
        </span>
      )}
      {children}
    </div>
  );
}

/** One card field as a control: input or auto-growing text area by the field's type, with its help and error. */
export function CardFieldInput({ section, field, value, required, error, conflict, onChange }: {
  section: string;
  field: TCardField;
  value: string;
  required: boolean;
  error?: string;
  conflict: boolean;
  onChange: (text: string) => void;
}) {
  const id = fieldAnchor(section, field.key);
  const control = {
    id,
    name: id,
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(event.target.value),
    "aria-invalid": error ? true : undefined,
    "aria-required": required || undefined,
    "aria-describedby": error ? `${id}-error ${id}-help` : `${id}-help`,
    spellCheck: field.type === "text" || field.type === "longtext" || field.type === "list",
    className: cx(inputClass, "scroll-mt-40", conflict && "border-amber-400 ring-2 ring-amber-200"),
  };
  // A long value over its limit is shown as it is (never cut): the counter says by how much.
  const length = field.type === "list" ? Math.max(0, ...value.split("\n").map((line) => line.trim().length)) : value.trim().length;
  const nearLimit = length > field.maxLength * 0.9;

  return (
    <div>
      <FieldLabel htmlFor={id} field={field} required={required} filled={value.trim() !== ""}>
        {conflict && <Badge tone="warning">Changed by both</Badge>}
      </FieldLabel>
      <p id={`${id}-help`} className="mt-0.5 max-w-3xl text-xs text-ink-muted">{field.help}</p>
      <div className="mt-2">
        {field.type === "longtext" || field.type === "list" ? (
          <textarea
            {...control}
            rows={field.type === "list" ? 3 : 4}
            placeholder={field.type === "list" ? "One item per line" : undefined}
            className={cx(control.className, "field-sizing-content max-h-[36rem] resize-y", field.type === "list" ? "min-h-20" : "min-h-28")}
          />
        ) : (
          <input
            {...control}
            type={field.type === "url" ? "url" : field.type === "email" ? "email" : field.type === "date" && (value === "" || ISO_DATE.test(value)) ? "date" : "text"}
            placeholder={field.type === "url" ? "https://" : field.type === "date" ? "YYYY-MM-DD" : undefined}
            autoComplete="off"
            className={cx(control.className, field.type === "date" ? "max-w-48" : field.type === "text" ? "max-w-2xl" : "max-w-xl")}
          />
        )}
      </div>
      {nearLimit && (
        <p className={cx("mt-1 text-xs tabular-nums", length > field.maxLength ? "font-medium text-danger" : "text-ink-muted")}>
          {length.toLocaleString("en-GB")} of {field.maxLength.toLocaleString("en-GB")} characters{field.type === "list" ? " in the longest item" : ""}
        </p>
      )}
      {error && <p id={`${id}-error`} className="mt-1 text-xs font-medium text-danger">{error}</p>}
    </div>
  );
}

/** One card field as text, for readers; the anchor sits on the value so "missing" links still land. */
export function CardFieldValue({ section, field, value, required }: { section: string; field: TCardField; value: TModelCardValue | null; required: boolean }) {
  const id = fieldAnchor(section, field.key);
  return (
    <div>
      <FieldLabel field={field} required={required} filled={value !== null} />
      <div id={id} tabIndex={-1} className="mt-1.5 max-w-3xl scroll-mt-40 focus:outline-none">
        <CardValue value={value} type={field.type} empty={required ? "Missing" : "Not filled in"} />
      </div>
    </div>
  );
}
