"use client";

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import { cx } from "./cx";

/**
 * A box that scrolls sideways when its content is wider than the screen (a table, a chart, a
 * heatmap). Only while it overflows is it in the tab order, so that keyboard users can scroll it
 * (WCAG 2.1.1); content that fits adds no tab stop. It is then a named region, unless it is an
 * image (a chart), which keeps its role and its summary as its name.
 */
export function ScrollBox({ label, role, className, style, children }: { label: string; role?: "img"; className?: string; style?: CSSProperties; children: ReactNode }) {
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

  const named = role === "img" ? { role, "aria-label": label } : overflows ? { role: "region", "aria-label": label } : {};
  return (
    <div ref={box} style={style} className={cx("overflow-x-auto", className)} {...named} {...(overflows ? { tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}

/**
 * The bordered box a table sits in. `relative` keeps sr-only cell text inside the scroll box, or
 * it widens the page.
 */
export function TableFrame({ label, style, children }: { label: string; style?: CSSProperties; children: ReactNode }) {
  return (
    <ScrollBox label={label} style={style} className="relative rounded-lg border border-line bg-surface shadow-xs">
      {children}
    </ScrollBox>
  );
}
