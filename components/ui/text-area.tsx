import type { TextareaHTMLAttributes } from "react";
import { cx } from "./cx";
import { inputClass } from "./field";

export function TextArea({ id, error, className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; error?: string }) {
  return <textarea id={id} name={props.name ?? id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `${id}-help`} className={cx(inputClass, "min-h-20", className)} {...props} />;
}
