"use client";

import { useEffect, useId, useRef, useState, type MouseEvent } from "react";
import { Icon } from "./icons";
import type { NavItem } from "./nav";
import { Sidebar } from "./sidebar";

/**
 * The navigation on screens too narrow for the sidebar (below md): a Menu button in the header
 * that opens the same navigation over the page. Following a link or pressing Escape closes it;
 * Escape hands the focus back to the button.
 */
export function MobileNav({ items }: { items: NavItem[] }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  const closeOnLink = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest("a")) setOpen(false);
  };

  return (
    <div className="mr-auto md:hidden">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
        className="flex items-center gap-2 rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-slate-50"
      >
        <Icon name={open ? "close" : "menu"} />
        Menu
      </button>
      {open && (
        // Below the header, over the page: the header keeps the button that closes it.
        <div id={id} onClick={closeOnLink} className="fixed inset-x-0 bottom-0 top-16 z-40 overflow-y-auto bg-brand-strong">
          <Sidebar items={items} />
        </div>
      )}
    </div>
  );
}
