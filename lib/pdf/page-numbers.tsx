import { Text } from "@react-pdf/renderer";
import { Children, isValidElement, type ReactNode } from "react";
import type { TStyle } from "./components";

/*
 * Page numbers in the table of contents. react-pdf knows on which page an element lands only
 * during pagination. The content pages of the technical documentation have a page layout
 * (pageChrome in components.tsx), which react-pdf instantiates around the laid-out content of
 * every output page; it hands that content to markContents, which records the page of every
 * element with an `id` (the headings). Each contents entry is a <PageRef> whose render prop
 * prints the recorded number and remembers what it printed. (Headings used to carry render-prop
 * markers; a render prop in the flow costs a re-measure on every page it is met.)
 *
 * react-pdf paginates twice when a page has a layout (the second round knows the total page
 * count), so the contents page's numbers print in the second round, after the first has placed
 * every heading. That order is not a documented guarantee, so renderTechnicalDocumentation
 * (render.ts) compares what was printed with where the headings landed, and renders again,
 * seeded with the landed numbers, when they differ. Numbers sit in a fixed-width cell, so
 * printing them never moves anything else: the second pass converges.
 *
 * react-pdf 4.9 draws nothing for a render-prop <Text> with a lineHeight, its own or inherited
 * (diegomura/react-pdf#3402): the contents must not be under one (see components.tsx).
 */
/** The part of a react-pdf layout node read here. */
interface TLaidOutNode {
  props?: { id?: unknown };
  children?: TLaidOutNode[];
}

export class PageNumbers {
  /** Where the headings landed in react-pdf's last pagination round. */
  private readonly landed = new Map<string, number>();
  /** Where they landed in the first of two rounds (before the total page count was known). */
  private readonly provisional = new Map<string, number>();
  private readonly printed = new Map<string, number | null>();

  /** `known`: where the headings landed in an earlier pass. */
  constructor(private readonly known: ReadonlyMap<string, number> = new Map()) {}

  /** `final`: in react-pdf's last pagination round. An element met on several pages (split) landed on the first. */
  mark(id: string, pageNumber: number, final = true): void {
    const map = final ? this.landed : this.provisional;
    const earlier = map.get(id);
    if (earlier === undefined || pageNumber < earlier) map.set(id, pageNumber);
  }

  lookup(id: string): number | null {
    const page = this.landed.get(id) ?? this.provisional.get(id) ?? this.known.get(id) ?? null;
    this.printed.set(id, page);
    return page;
  }

  /**
   * Marks every element with an `id` among a page's contents: what a page layout (pageChrome in
   * components.tsx) receives as children wraps react-pdf's laid-out nodes of that page.
   */
  markContents(pageNumber: number, contents: ReactNode, final: boolean): void {
    const visit = (node: TLaidOutNode) => {
      const id = node.props?.id;
      if (typeof id === "string") this.mark(id, pageNumber, final);
      for (const child of node.children ?? []) visit(child);
    };
    for (const child of Children.toArray(contents)) {
      if (isValidElement<{ node?: TLaidOutNode }>(child) && child.props.node) visit(child.props.node);
    }
  }

  /** Where each heading landed in this pass. */
  pages(): ReadonlyMap<string, number> {
    return new Map([...this.provisional, ...this.landed]);
  }

  /** Every number printed is the page its heading landed on. */
  settled(): boolean {
    const pages = this.pages();
    for (const [id, page] of this.printed) if (page === null || pages.get(id) !== page) return false;
    return true;
  }
}

export function PageRef({ id, numbers, style }: { id: string; numbers: PageNumbers; style?: TStyle }) {
  return <Text style={style} render={() => String(numbers.lookup(id) ?? "")} />;
}
