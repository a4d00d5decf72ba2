import type { ReactNode } from "react";
import { cx } from "./cx";

export function Card({ children, className, title, description, actions }: { children: ReactNode; className?: string; title?: string; description?: string; actions?: ReactNode }) {
  return (
    <section className={cx("rounded-lg border border-line bg-surface shadow-xs", className)}>
      {title && (
        <header className="flex items-start justify-between gap-4 border-b border-line px-5 py-4">
          <div>
            <h2 className="text-base font-semibold">{title}</h2>
            {description && <p className="mt-0.5 text-sm text-ink-muted">{description}</p>}
          </div>
          {actions}
        </header>
      )}
      <div className={title ? "p-5" : ""}>{children}</div>
    </section>
  );
}
