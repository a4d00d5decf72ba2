import type { ReactNode } from "react";
import { cx } from "./cx";

const TONES = {
  info: "border-indigo-200 bg-brand-soft text-brand-strong",
  success: "border-green-200 bg-success-soft text-success",
  warning: "border-amber-200 bg-warning-soft text-warning",
  danger: "border-red-200 bg-danger-soft text-danger",
};

export function Alert({ tone = "info", title, children, className }: { tone?: keyof typeof TONES; title?: string; children?: ReactNode; className?: string }) {
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={cx("rounded-md border px-4 py-3 text-sm", TONES[tone], className)}>
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={title ? "mt-0.5" : ""}>{children}</div>}
    </div>
  );
}
