import { Link, StyleSheet, Text, View, type Styles } from "@react-pdf/renderer";
import { Children, isValidElement, type ReactNode } from "react";
import { MONO, SANS } from "./fonts";
import { formatCount } from "./format";
import { PageRef, type PageNumbers } from "./page-numbers";
import type { TSigningKeyData } from "./technical-documentation-data";
import { printable } from "./text";

/*
 * The building blocks shared by the PDF templates. Every string that may come from a user goes
 * through printable() here (Field, Cell, Plain, Paragraphs), so templates pass strings, not
 * pre-rendered text.
 */

export type TStyle = Styles[string];

export const COLORS = {
  ink: "#1b1f24",
  muted: "#5b6470",
  rule: "#c9ced6",
  hairline: "#e1e4e9",
  fill: "#eef1f5",
  accent: "#1f3a5f",
  missing: "#8a1c1c",
  pass: "#1e5631",
  fail: "#8a1c1c",
  waived: "#7a5a00",
} as const;

export const PAGE_MARGIN = 56;

export const styles = StyleSheet.create({
  page: {
    paddingTop: 64,
    paddingBottom: 60,
    paddingHorizontal: PAGE_MARGIN,
    fontFamily: SANS,
    fontSize: 9.5,
    color: COLORS.ink,
  },
  // Line spacing for running text, on a wrapper View and never on the page: a render-prop
  // <Text> under any lineHeight draws nothing (react-pdf#3402). react-pdf resolves a unitless lineHeight against the fontSize of the element that declares it and
  // inherits the result in points, so the size is declared here too, and every style with
  // its own fontSize declares its own lineHeight.
  flow: { fontSize: 9.5, lineHeight: 1.4 },
  runningHeader: {
    position: "absolute",
    top: 28,
    left: PAGE_MARGIN,
    right: PAGE_MARGIN,
    flexDirection: "row",
    justifyContent: "space-between",
    borderBottomWidth: 0.5,
    borderBottomColor: COLORS.rule,
    paddingBottom: 4,
    fontSize: 7.5,
    color: COLORS.muted,
  },
  footer: {
    position: "absolute",
    bottom: 26,
    left: PAGE_MARGIN,
    right: PAGE_MARGIN,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.5,
    borderTopColor: COLORS.rule,
    paddingTop: 4,
    fontSize: 7.5,
    color: COLORS.muted,
  },
  sectionHeading: { marginBottom: 10, paddingBottom: 6, borderBottomWidth: 1, borderBottomColor: COLORS.ink },
  sectionTitleRow: { flexDirection: "row" },
  sectionNumber: { width: 30, fontSize: 16, fontWeight: 700, color: COLORS.accent, lineHeight: 1.2 },
  sectionTitle: { flex: 1, fontSize: 16, fontWeight: 700, lineHeight: 1.2 },
  sectionBasis: { marginTop: 4, marginLeft: 30, fontSize: 7.5, color: COLORS.muted, letterSpacing: 0.4, lineHeight: 1.3 },
  pointHeading: { marginTop: 16, marginBottom: 2 },
  pointTitleRow: { flexDirection: "row" },
  pointRef: { width: 34, fontSize: 10.5, fontWeight: 700, color: COLORS.accent, lineHeight: 1.3 },
  pointTitle: { flex: 1, fontSize: 10.5, fontWeight: 700, lineHeight: 1.3 },
  requirement: { marginTop: 2, marginLeft: 34, fontSize: 7.5, lineHeight: 1.35, color: COLORS.muted, fontStyle: "italic" },
  subheading: { marginTop: 12, marginBottom: 4, fontSize: 9.5, fontWeight: 700, lineHeight: 1.3 },
  minorHeading: { marginTop: 8, marginBottom: 3, fontSize: 8.5, fontWeight: 700, color: COLORS.accent, lineHeight: 1.3 },
  body: { marginLeft: 34 },
  field: { marginTop: 8 },
  fieldLabelRow: { marginBottom: 2, lineHeight: 1.3 },
  fieldLabel: { fontSize: 8, fontWeight: 700, lineHeight: 1.3 },
  fieldSource: { fontSize: 7, color: COLORS.muted, lineHeight: 1.3 },
  fieldValue: { borderLeftWidth: 1.5, borderLeftColor: COLORS.hairline, paddingLeft: 7 },
  paragraph: { marginBottom: 3 },
  bulletRow: { flexDirection: "row", marginBottom: 1.5 },
  bullet: { width: 10 },
  notProvided: { fontWeight: 700, color: COLORS.missing },
  optionalNote: { fontWeight: 400, color: COLORS.muted },
  note: { fontSize: 8, color: COLORS.muted, marginTop: 3, lineHeight: 1.3 },
  mono: { fontFamily: MONO, fontSize: 7.5, lineHeight: 1.3 },
  monoCell: { fontFamily: MONO, fontSize: 6.5, lineHeight: 1.45 },
  table: { marginTop: 4, marginBottom: 6, borderTopWidth: 0.75, borderTopColor: COLORS.ink },
  tableHeader: { flexDirection: "row", backgroundColor: COLORS.fill, borderBottomWidth: 0.75, borderBottomColor: COLORS.ink },
  tableHeaderCell: { paddingVertical: 3, paddingHorizontal: 4, fontSize: 7.5, fontWeight: 700, lineHeight: 1.25 },
  tableRow: { flexDirection: "row", borderBottomWidth: 0.4, borderBottomColor: COLORS.rule },
  tableCell: { paddingVertical: 2.5, paddingHorizontal: 4, fontSize: 8, lineHeight: 1.3 },
  kvRow: { flexDirection: "row", borderBottomWidth: 0.4, borderBottomColor: COLORS.hairline, paddingVertical: 2.5 },
  kvLabel: { width: "30%", paddingRight: 8, fontSize: 8, fontWeight: 700, color: COLORS.muted, lineHeight: 1.3 },
  kvValue: { width: "70%", fontSize: 8.5, lineHeight: 1.3 },
  tocTitle: { fontSize: 16, fontWeight: 700, marginBottom: 14, paddingBottom: 6, borderBottomWidth: 1, borderBottomColor: COLORS.ink },
  tocRow: { flexDirection: "row", alignItems: "flex-end" },
  tocLeader: { flexGrow: 1, marginHorizontal: 4, marginBottom: 3, borderBottomWidth: 0.5, borderBottomColor: COLORS.rule, borderBottomStyle: "dotted" },
  tocPage: { width: 24, textAlign: "right" },
  link: { color: COLORS.ink, textDecoration: "none" },
});

/**
 * Keeps a heading on the same page as the first `ahead` points of what follows it. Both PDFs
 * have page layouts (pageChrome), which switch react-pdf to its newer pagination engine; it reads
 * minPresenceAhead as "no page break within `ahead` points after this", among its siblings
 * only: a container that follows may still break inside the window, so what must stay with a
 * heading should be its sibling (see Field). Windows of consecutive short siblings chain into
 * one block that cannot break, so keep `ahead` short. (The default paginator honours
 * minPresenceAhead only for an element with an earlier sibling, which took an empty View
 * first; the newer engine does not need one.)
 *
 * What it holds is one unbreakable block, and react-pdf draws what runs past the foot of a page
 * from such a block off the page: keep only headings and labels in it, never text whose length
 * the data decides.
 */
export function KeepWithNext({ ahead, style, children }: { ahead: number; style?: TStyle | TStyle[]; children: ReactNode }) {
  return (
    <View wrap={false} minPresenceAhead={ahead} style={style}>
      {children}
    </View>
  );
}

/** User text as one Text, every character printed (see text.ts). */
export function Plain({ children, style }: { children: string; style?: TStyle | TStyle[] }) {
  return <Text style={style}>{printable(children)}</Text>;
}

/** Longer user text: blank lines separate paragraphs; single line breaks are kept. */
export function Paragraphs({ text, style }: { text: string; style?: TStyle }) {
  const paragraphs = text.split(/\n[ \t]*\n+/).filter((p) => p.trim() !== "");
  return (
    <View style={style}>
      {paragraphs.map((p, i) => (
        <Text key={i} style={styles.paragraph}>
          {printable(p)}
        </Text>
      ))}
    </View>
  );
}

export function Bullets({ items }: { items: readonly string[] }) {
  return (
    <View>
      {items.map((item, i) => (
        <View key={i} style={styles.bulletRow} wrap={false}>
          <Text style={styles.bullet}>•</Text>
          <Text style={{ flex: 1 }}>{printable(item)}</Text>
        </View>
      ))}
    </View>
  );
}

/** Printed wherever something the documentation needs is absent. */
export function NotProvided({ note }: { note?: string }) {
  return (
    <Text style={styles.notProvided}>
      Not provided
      {note ? <Text style={styles.optionalNote}>{` (${note})`}</Text> : null}
    </Text>
  );
}

/**
 * One card field, indented as a point's body. `optionalNote` says why an empty field is not a gap
 * ("optional for …"). A fragment, not a View: label and value are siblings of the heading before
 * them, so that its keep-with-next window covers them (see KeepWithNext).
 */
export function Field({ label, source, value, optionalNote }: { label: string; source: string; value: string | readonly string[] | null; optionalNote?: string }) {
  return (
    <>
      <KeepWithNext ahead={12} style={[styles.field, styles.body]}>
        <Text style={styles.fieldLabelRow}>
          <Text style={styles.fieldLabel}>{label}</Text>
          <Text style={styles.fieldSource}>{`  ·  ${source}`}</Text>
        </Text>
      </KeepWithNext>
      <View style={[styles.fieldValue, styles.body]}>
        {value === null ? <NotProvided note={optionalNote} /> : typeof value === "string" ? <Paragraphs text={value} /> : <Bullets items={value} />}
      </View>
    </>
  );
}

/** A label–value list. A null value prints "Not provided". */
export function KeyValues({ rows }: { rows: readonly { label: string; value: string | ReactNode | null; mono?: boolean }[] }) {
  return (
    <View style={{ marginTop: 4, marginBottom: 4 }}>
      {rows.map((row, i) => (
        <View key={i} style={styles.kvRow} wrap={typeof row.value === "string" && row.value.length > 600}>
          <Text style={styles.kvLabel}>{row.label}</Text>
          {typeof row.value === "string" ? (
            <Text style={row.mono ? [styles.kvValue, styles.mono] : styles.kvValue}>{printable(row.value)}</Text>
          ) : (
            <View style={styles.kvValue}>{row.value === null ? <NotProvided /> : row.value}</View>
          )}
        </View>
      ))}
    </View>
  );
}

export interface TColumn {
  title: string;
  /** A percentage of the table width, e.g. "20%". */
  width: string;
  align?: "left" | "right";
  mono?: boolean;
}

export type TCell = string | null | ReactNode;

/**
 * A table whose header row repeats on every page it spans (a `fixed` row inside the table's
 * View). Rows are kept whole on a page unless they hold long text, which may then break.
 */
export function Table({ columns, rows }: { columns: readonly TColumn[]; rows: readonly (readonly TCell[])[] }) {
  return (
    <>
      {/* Start the table on the next page rather than leave its header alone at the bottom. */}
      <KeepWithNext ahead={40}>{null}</KeepWithNext>
      <TableBody columns={columns} rows={rows} />
    </>
  );
}

function TableBody({ columns, rows }: { columns: readonly TColumn[]; rows: readonly (readonly TCell[])[] }) {
  return (
    <View style={styles.table}>
      <View style={styles.tableHeader} fixed>
        {columns.map((c, i) => (
          <Text key={i} style={[styles.tableHeaderCell, { width: c.width, textAlign: c.align ?? "left" }]}>
            {c.title}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => {
        const textLength = row.reduce<number>((sum, cell) => sum + (typeof cell === "string" ? cell.length : 0), 0);
        return (
          <View key={r} style={styles.tableRow} wrap={textLength > 500}>
            {row.map((cell, i) => {
              const column = columns[i]!;
              const cellStyle = [styles.tableCell, { width: column.width, textAlign: column.align ?? "left" }];
              if (cell === null) return <View key={i} style={cellStyle}><NotProvided /></View>;
              if (typeof cell === "string") {
                return (
                  <Text key={i} style={column.mono ? [...cellStyle, styles.monoCell] : cellStyle}>
                    {printable(cell)}
                  </Text>
                );
              }
              return <View key={i} style={cellStyle}>{cell}</View>;
            })}
          </View>
        );
      })}
    </View>
  );
}

/**
 * A <Page layout> template: the running header and footer around a page's content. `layout`
 * opts the document into react-pdf's newer pagination engine, which measures the content once
 * and packs it into pages (the default one lays out the rest of a long <Page> again after every
 * page break, and every page again for a render prop). The template is instantiated per output
 * page with its number and the total, so "Page x of y" is plain text, not a render prop; with
 * `numbers`, it also records the page each heading landed on (PageNumbers.markContents).
 */
export function pageChrome({ header, documentId, numbers }: { header?: { left: string; right: string }; documentId: string; numbers?: PageNumbers }) {
  return function PageChrome({ children, pageNumber, totalPages, subPageNumber }: { children?: ReactNode; pageNumber?: number; totalPages?: number; subPageNumber?: number }) {
    // react-pdf (4.9) instantiates a page layout
    // 1. around all of a <Page>'s content before splitting it, and around a probe to validate the
    //    template (pageNumber 1, no subPageNumber): the content is measured once, at the width this gives it;
    // 2. around a probe, to measure each output page's content region;
    // 3. around each output page's content in a first pagination round, which only counts the
    //    pages (no totalPages yet) and is then discarded;
    // 4. around each output page's content in the last round, with the total: the printed pages.
    // The header and footer are absolutely positioned, so they never change the content region:
    // only the printed pages draw them. The first round's pages are built empty: laying their
    // content out again was most of what that round cost (its page count comes from the probe
    // measurements and the packing, not from the built pages). Should a later react-pdf print a
    // page without the total, it would print it empty: the tests check every page's footer.
    const outputPage = pageNumber !== undefined && subPageNumber !== undefined && !isRegionProbe(children);
    const printed = outputPage && totalPages !== undefined;
    if (outputPage) numbers?.markContents(pageNumber, children, printed);
    if (!printed) return outputPage ? null : <>{children}</>;
    return (
      <>
        {header ? (
          <View style={styles.runningHeader}>
            {/* The left side (a model's name and version, 120 characters and more) wraps in the room the right
                leaves. flex, not flexShrink: react-pdf keeps the lines of a text's first measure, at its full width. */}
            <Text style={{ flex: 1, marginRight: 16 }}>{printable(header.left)}</Text>
            <Text style={{ flexShrink: 0 }}>{header.right}</Text>
          </View>
        ) : null}
        {children}
        <View style={styles.footer}>
          <Text>{`Attest  ·  Document ${printable(documentId)}`}</Text>
          <Text>{`Page ${pageNumber} of ${totalPages}`}</Text>
        </View>
      </>
    );
  };
}

/**
 * Whether a page layout is being measured: react-pdf then hands it, as its only child, a
 * stand-in for the content (a node with the `__probe` prop) whose box becomes the page's content region.
 */
function isRegionProbe(children: ReactNode): boolean {
  const nodes = Children.toArray(children);
  const node = nodes.length === 1 && isValidElement<{ node?: { props?: Record<string, unknown> } }>(nodes[0]) ? nodes[0].props.node : undefined;
  return node?.props?.__probe === true;
}

/** A heading whose page the contents print: its `id` is what PageNumbers.markContents finds. */
export function SectionHeading({ id, number, title, basis }: { id: string; number?: string; title: string; basis?: string }) {
  return (
    <View id={id} style={styles.sectionHeading} minPresenceAhead={40}>
      <View style={styles.sectionTitleRow}>
        {number ? <Text style={styles.sectionNumber}>{number}</Text> : null}
        <Text style={styles.sectionTitle}>{title}</Text>
      </View>
      {basis ? <Text style={[styles.sectionBasis, number ? {} : { marginLeft: 0 }]}>{basis.toUpperCase()}</Text> : null}
    </View>
  );
}

/** An Annex IV point's heading; render it as a sibling of its body (see KeepWithNext). */
export function PointHeading({ id, reference, title, requirement }: { id: string; reference: string; title: string; requirement?: string }) {
  return (
    <KeepWithNext ahead={30}>
      <View id={id} style={styles.pointHeading} {...outlineEntry(`${reference}  ${title}`)}>
        <View style={styles.pointTitleRow}>
          <Text style={styles.pointRef}>{reference}</Text>
          <Text style={styles.pointTitle}>{title}</Text>
        </View>
        {requirement ? <Text style={styles.requirement}>{requirement}</Text> : null}
      </View>
    </KeepWithNext>
  );
}

/**
 * An entry in the PDF outline (bookmarks pane) at this element. react-pdf supports `bookmark`
 * on every element, nested by the element tree, but types it only on <Page>.
 */
export function outlineEntry(title: string): object {
  return { bookmark: { title, fit: true } };
}

export interface TTocEntry {
  id: string;
  number?: string;
  title: string;
  level: 1 | 2;
}

export function TableOfContents({ entries, numbers }: { entries: readonly TTocEntry[]; numbers: PageNumbers }) {
  return (
    <View>
      <Text style={styles.tocTitle}>Contents</Text>
      {/* One unbreakable block (the entries are Annex IV's, a page's worth): react-pdf lays a block
          holding page numbers out again on the page it lands on, once for the whole list this way
          rather than once per entry. */}
      <View wrap={false}>
      {entries.map((entry) => {
        const top = entry.level === 1;
        const rowStyle = top ? { marginTop: 7, fontWeight: 700 as const, fontSize: 9.5 } : { marginTop: 1.5, fontSize: 8.5, marginLeft: 30 };
        return (
          <Link key={entry.id} src={`#${entry.id}`} style={styles.link}>
            <View style={[styles.tocRow, rowStyle]} wrap={false}>
              <Text style={{ width: top ? 30 : 34 }}>{entry.number ?? ""}</Text>
              <Text style={{ flexShrink: 1 }}>{entry.title}</Text>
              <View style={styles.tocLeader} />
              <PageRef id={entry.id} numbers={numbers} style={styles.tocPage} />
            </View>
          </Link>
        );
      })}
      </View>
    </View>
  );
}

/**
 * The audit signing key and the checkpoint it signed over the chain head at issue, for the
 * evidence manifest (and `summary` for a cover): enough to check the log later with the key
 * published at /api/v1/audit/public-key, or with this printed copy if that key were ever replaced.
 */
export function SigningKeyDetails({ signingKey, summary = false }: { signingKey: TSigningKeyData; summary?: boolean }) {
  const { checkpoint } = signingKey;
  const line = (label: string, value: string) => (
    <View style={{ marginTop: 2 }}>
      <Text style={{ fontSize: 7, color: COLORS.muted }}>{label}</Text>
      <Text style={styles.mono}>{value}</Text>
    </View>
  );
  return (
    <View>
      <Text>{`${signingKey.algorithm}, key id ${signingKey.keyId}`}</Text>
      {line("Public key (raw 32 bytes, base64)", signingKey.publicKey)}
      {!summary && checkpoint && (
        <View style={{ marginTop: 4 }}>
          <Text>{`Checkpoint at event ${formatCount(checkpoint.seq)}, signed ${checkpoint.signedAt}`}</Text>
          {line("Head hash (SHA-256)", checkpoint.headHash)}
          {line("Signature (base64)", checkpoint.signature)}
        </View>
      )}
    </View>
  );
}
