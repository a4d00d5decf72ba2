"use client";

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";

/**
 * The bordered box a table sits in, scrolling sideways when the table is wider than the screen.
 * Only while it overflows is it a named region in the tab order, so that keyboard users can
 * scroll it (WCAG 2.1.1); a table that fits adds no tab stop.
 * `relative` keeps sr-only cell text inside the scroll box, or it widens the page.
 */
export function TableFrame({ label, style, children }: { label: string; style?: CSSProperties; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={box}
      style={style}
      className="relative overflow-x-auto rounded-lg border border-line bg-surface shadow-xs"
      {...(overflows ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
