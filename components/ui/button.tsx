import type { ButtonHTMLAttributes } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger" | "destructive" | "ghost";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand text-white hover:bg-brand-strong border-transparent",
  secondary: "bg-white text-ink border-line hover:bg-slate-50",
  danger: "bg-white text-danger border-red-200 hover:bg-danger-soft",
  // The confirming click of an irreversible action: solid, so it cannot be mistaken for the first.
  destructive: "bg-danger text-white border-transparent hover:bg-red-800",
  ghost: "bg-transparent text-ink-muted border-transparent hover:bg-slate-100 hover:text-ink",
};

export function buttonClass(variant: ButtonVariant = "primary", size: "sm" | "md" = "md") {
  return cx(
    "inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md border font-medium shadow-xs transition-colors disabled:cursor-not-allowed disabled:opacity-60",
    size === "sm" ? "h-8 px-3 text-sm" : "h-10 px-4 text-sm",
    VARIANTS[variant],
  );
}

export function Button({ variant = "primary", size = "md", className, type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "sm" | "md" }) {
  return <button type={type} className={cx(buttonClass(variant, size), className)} {...props} />;
}
