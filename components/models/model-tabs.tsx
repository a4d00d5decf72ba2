"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";

const TABS = [
  { label: "Overview", path: "" },
  { label: "Model card", path: "/card" },
  { label: "Risk", path: "/risk" },
  { label: "Evaluations", path: "/evaluations" },
  { label: "Reviews", path: "/reviews" },
  { label: "History", path: "/history" },
] as const;

/** Which tab a page under the model belongs to: a version's card and revisions are "Model card", its lineage "Overview". */
function activeTab(rest: string): string {
  if (/^\/versions\/[^/]+\/(card|revisions)(\/|$)/.test(rest)) return "/card";
  if (/^\/versions\/[^/]+\/evaluations(\/|$)/.test(rest)) return "/evaluations";
  if (rest.startsWith("/versions/")) return "";
  return rest;
}

export function ModelTabs({ slug }: { slug: string }) {
  const base = `/models/${slug}`;
  const active = activeTab(usePathname().slice(base.length));
  return (
    <nav aria-label="Model sections" className="border-b border-line">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((tab) => {
          const current = tab.path === active;
          return (
            <li key={tab.path}>
              <Link
                href={base + tab.path}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "inline-block whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium transition-colors",
                  current ? "border-brand text-brand" : "border-transparent text-ink-muted hover:border-slate-300 hover:text-ink",
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
