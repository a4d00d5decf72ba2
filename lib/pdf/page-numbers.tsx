import { Text, View } from "@react-pdf/renderer";
import type { TStyle } from "./components";

/*
 * Page numbers in the table of contents. react-pdf knows on which page an element lands only
 * during layout, after the contents page has been laid out. Each heading therefore carries an
 * invisible <PageMark>: its render prop, which react-pdf calls with the page number of the page
 * the element ends up on, records that number. Each contents entry is a <PageRef> whose render
 * prop prints the recorded number and remembers what it printed.
 *
 * With react-pdf's current paginator the contents page's render props run after every page has
 * been split, so one pass prints the right numbers. That order is not a documented guarantee,
 * so renderWithPageNumbers (render.ts) compares what was printed with where the headings
 * landed, and renders again, seeded with the landed numbers, when they differ. Numbers sit in
 * a fixed-width cell, so printing them never moves anything else: the second pass converges.
 *
 * react-pdf 4.9 draws nothing for a render-prop <Text> with a lineHeight, its own or inherited
 * (diegomura/react-pdf#3402): the contents must not be under one (see components.tsx).
 */
export class PageNumbers {
  private readonly landed = new Map<string, number>();
  private readonly printed = new Map<string, number | null>();

  /** `known`: where the headings landed in an earlier pass. */
  constructor(private readonly known: ReadonlyMap<string, number> = new Map()) {}

  mark(id: string, pageNumber: number): void {
    this.landed.set(id, pageNumber);
  }

  lookup(id: string): number | null {
    const page = this.landed.get(id) ?? this.known.get(id) ?? null;
    this.printed.set(id, page);
    return page;
  }

  /** Where each heading landed in this pass. */
  pages(): ReadonlyMap<string, number> {
    return new Map(this.landed);
  }

  /** Every number printed is the page its heading landed on. */
  settled(): boolean {
    for (const [id, page] of this.printed) if (page === null || this.landed.get(id) !== page) return false;
    return true;
  }
}

export function PageMark({ id, numbers }: { id: string; numbers: PageNumbers }) {
  return (
    <View
      render={({ pageNumber }) => {
        numbers.mark(id, pageNumber);
        return null;
      }}
    />
  );
}

export function PageRef({ id, numbers, style }: { id: string; numbers: PageNumbers; style?: TStyle }) {
  return <Text style={style} render={() => String(numbers.lookup(id) ?? "")} />;
}
