import { Document, Page, Text, View } from "@react-pdf/renderer";
import { Fragment, type ReactElement, type ReactNode } from "react";
import { completeness } from "@/lib/domain/model-card/completeness";
import { ADDITIONAL_FIELDS, ANNEX_IV, CHAPTER_III_SOLUTIONS, type TAnnexIVPoint, type TAnnexIVRecord, type TAnnexIVSection } from "./annex-iv";
import {
  COLORS,
  Field,
  KeepWithNext,
  PAGE_MARGIN,
  pageChrome,
  KeyValues,
  NotProvided,
  Paragraphs,
  Plain,
  PointHeading,
  SectionHeading,
  styles,
  SigningKeyDetails,
  Table,
  TableOfContents,
  type TTocEntry,
} from "./components";
import { FairnessThresholds, GroupAccuracy, OverallAccuracy, TestReports } from "./evaluation-blocks";
import { registerFonts } from "./fonts";
import { formatCount, formatDate, formatInstant, humanise, shortHash, tierLabel } from "./format";
import { PageNumbers } from "./page-numbers";
import {
  documentTier,
  evidenceManifest,
  fieldEntry,
  missingInformation,
  missingRecords,
  notifiedBodyRequired,
} from "./technical-documentation-content";
import type { TTechnicalDocumentationData } from "./technical-documentation-data";
import { codePointLabel, codePointsShownAsLabels } from "./text";

/*
 * The EU AI Act technical documentation (Art. 11, Annex IV) of one model version, as a PDF
 * document: a pure function of its data. Layout: cover; contents with page numbers; the
 * completeness summary (everything printed "Not provided"); Annex IV points 1–9 (annex-iv.ts
 * decides which card fields and records answer each point); additional information; the
 * evidence manifest. Render it with renderTechnicalDocumentation (render.ts), which makes sure
 * the page numbers in the contents are right.
 */

export interface TTechnicalDocumentationOptions {
  /** Collects and prints the contents' page numbers; see page-numbers.tsx. */
  pageNumbers?: PageNumbers;
}

interface TContext {
  data: TTechnicalDocumentationData;
  numbers: PageNumbers;
  /** The running header and footer of every page after the cover. */
  chrome: ReturnType<typeof pageChrome>;
}

const anchor = (prefix: string, ref: string) => `${prefix}-${ref.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "")}`;
const sectionId = (s: TAnnexIVSection) => anchor("section", String(s.number));
const pointId = (p: TAnnexIVPoint) => anchor("point", p.ref);
const SUMMARY_ID = "completeness-summary";
const ADDITIONAL_ID = "additional-information";
const MANIFEST_ID = "evidence-manifest";

export function tableOfContents(): TTocEntry[] {
  return [
    { id: SUMMARY_ID, title: "Completeness summary", level: 1 },
    ...ANNEX_IV.flatMap((s): TTocEntry[] => [
      { id: sectionId(s), number: String(s.number), title: s.title, level: 1 },
      ...(s.points.length > 1 ? s.points.map((p): TTocEntry => ({ id: pointId(p), number: p.ref, title: p.title, level: 2 })) : []),
    ]),
    { id: ADDITIONAL_ID, title: "Additional information", level: 1 },
    { id: MANIFEST_ID, title: "Evidence manifest", level: 1 },
  ];
}

export function TechnicalDocumentation(data: TTechnicalDocumentationData, options: TTechnicalDocumentationOptions = {}): ReactElement {
  registerFonts();
  const numbers = options.pageNumbers ?? new PageNumbers();
  const chrome = pageChrome({
    header: { left: `${data.system.name}  ·  version ${data.system.version}`, right: "Technical documentation  ·  EU AI Act Annex IV" },
    documentId: data.documentId,
    numbers,
  });
  const ctx: TContext = { data, numbers, chrome };
  const issued = new Date(data.generatedAt);
  return (
    <Document
      title={`Technical documentation: ${data.system.name} ${data.system.version}`}
      author={data.system.provider ?? undefined}
      subject="EU AI Act technical documentation (Article 11, Annex IV)"
      keywords={`Annex IV; ${data.documentId}`}
      creator="Attest"
      producer="Attest"
      creationDate={issued}
      modificationDate={issued}
      language="en"
      pageMode="useOutlines"
    >
      <Cover data={data} />
      <ContentPage ctx={ctx} bookmark="Contents" lineSpacing={false}>
        <TableOfContents entries={tableOfContents()} numbers={ctx.numbers} />
      </ContentPage>
      <ContentPage ctx={ctx} bookmark="Completeness summary">
        <CompletenessSummary ctx={ctx} />
      </ContentPage>
      {ANNEX_IV.map((section) => (
        <ContentPage key={section.number} ctx={ctx} bookmark={`${section.number}  ${section.title}`}>
          <AnnexIVSection ctx={ctx} section={section} />
        </ContentPage>
      ))}
      <ContentPage ctx={ctx} bookmark="Additional information">
        <SectionHeading id={ADDITIONAL_ID} title="Additional information" basis="Recorded in the model card outside the Annex IV points" />
        {ADDITIONAL_FIELDS.map((ref) => (
          <CardField key={ref.join(".")} ctx={ctx} fieldRef={ref} />
        ))}
      </ContentPage>
      <ContentPage ctx={ctx} bookmark="Evidence manifest">
        <EvidenceManifest ctx={ctx} />
      </ContentPage>
    </Document>
  );
}

/**
 * Running text gets its line spacing from a wrapper View, never from the Page: react-pdf 4.9
 * draws nothing for a render-prop <Text> under any lineHeight (diegomura/react-pdf#3402,
 * #3566), which would blank the footer's page numbers and the contents' page numbers.
 */
function ContentPage({ ctx, bookmark, lineSpacing = true, children }: { ctx: TContext; bookmark: string; lineSpacing?: boolean; children: ReactNode }) {
  return (
    <Page size="A4" style={styles.page} bookmark={{ title: bookmark, fit: true }} layout={ctx.chrome}>
      {lineSpacing ? <View style={styles.flow}>{children}</View> : children}
    </Page>
  );
}

function Cover({ data }: { data: TTechnicalDocumentationData }) {
  const c = data.classification;
  return (
    <Page size="A4" style={[styles.page, { paddingTop: 72 }]} bookmark={{ title: "Cover", fit: true }} layout={pageChrome({ documentId: data.documentId })}>
      <View style={styles.flow}>
        <Text style={{ fontSize: 9, fontWeight: 700, letterSpacing: 1.6, color: COLORS.accent, lineHeight: 1.3 }}>TECHNICAL DOCUMENTATION</Text>
        <Text style={{ fontSize: 8.5, color: COLORS.muted, marginTop: 3, lineHeight: 1.3 }}>Regulation (EU) 2024/1689 (Artificial Intelligence Act), Article 11 and Annex IV</Text>
        <View style={{ marginTop: 110, borderTopWidth: 2, borderTopColor: COLORS.ink, paddingTop: 14 }}>
          <Plain style={{ fontSize: 24, fontWeight: 700, lineHeight: 1.2 }}>{data.system.name}</Plain>
          <Plain style={{ fontSize: 13, color: COLORS.muted, marginTop: 6, lineHeight: 1.3 }}>{`Version ${data.system.version}`}</Plain>
          <View style={{ flexDirection: "row", marginTop: 16 }}>
            <View style={{ borderWidth: 1, borderColor: c ? COLORS.accent : COLORS.missing, paddingVertical: 4, paddingHorizontal: 8 }}>
              <Text style={{ fontSize: 8.5, lineHeight: 1.3, fontWeight: 700, letterSpacing: 1, color: c ? COLORS.accent : COLORS.missing }}>
                {c ? `${tierLabel(c.tier).toUpperCase()} AI SYSTEM` : "RISK TIER NOT PROVIDED"}
              </Text>
            </View>
          </View>
        </View>
        <View style={{ marginTop: 40 }}>
          <KeyValues
            rows={[
              { label: "Provider", value: data.system.provider },
              { label: "Risk tier", value: c ? tierLabel(c.tier) : null },
              { label: "Legal basis", value: c ? <LegalBasis legalBasis={c.legalBasis} /> : null },
              { label: "Lifecycle stage", value: humanise(data.system.lifecycleStage) },
              { label: "Document ID", value: data.documentId, mono: true },
              { label: "Generated", value: `${formatInstant(data.generatedAt)} by ${data.generatedBy}` },
              { label: "Dossier SHA-256", value: data.dossierSha256, mono: true },
              { label: "Audit signing key", value: data.signingKey ? <SigningKeyDetails signingKey={data.signingKey} summary /> : null },
            ]}
          />
        </View>
      </View>
      <View style={{ position: "absolute", bottom: 64, left: PAGE_MARGIN, right: PAGE_MARGIN }}>
        <Text style={{ fontSize: 7.5, color: COLORS.muted, lineHeight: 1.45 }}>
          Generated by Attest from the records held for this model version at the time stated above. Statements attributed to the model card are the provider’s own;
          absent information is marked “Not provided” and listed in the completeness summary. The evidence manifest gives the SHA-256 of every record this document
          rests on. Attest records the SHA-256 of this file when it is issued: a copy can be checked against that record (Verify a document).
        </Text>
      </View>
    </Page>
  );
}

function LegalBasis({ legalBasis }: { legalBasis: NonNullable<TTechnicalDocumentationData["classification"]>["legalBasis"] }) {
  if (legalBasis.length === 0) return <Text>No provision of the Act places this system in a higher tier.</Text>;
  return (
    <View>
      {legalBasis.map((b, i) => (
        <View key={i} style={{ marginBottom: 2 }}>
          <Plain style={{ fontWeight: 700 }}>{[b.article, b.point].filter(Boolean).join(", ")}</Plain>
          <Plain>{b.legalStatus ? `${b.text} (${b.legalStatus})` : b.text}</Plain>
        </View>
      ))}
    </View>
  );
}

function CompletenessSummary({ ctx }: { ctx: TContext }) {
  const { data } = ctx;
  const tier = documentTier(data);
  const missing = missingInformation(data);
  const card = completeness(data.card?.content ?? null, tier);
  const codePoints = codePointsShownAsLabels(data);
  const titles = new Map(ANNEX_IV.flatMap((s) => s.points.map((p) => [p.ref, p.title] as const)));
  return (
    <View>
      <SectionHeading id={SUMMARY_ID} title="Completeness summary" basis="What this document lacks" />
      <Text>
        Everything Annex IV asks for that Attest does not hold for this version is printed as “Not provided” where it belongs and listed below. Nothing is inferred or filled in.
      </Text>
      <Text style={{ marginTop: 6 }}>
        {`Model card: ${card.overall.filled} of ${card.overall.required} fields required for ${tier ? tierLabel(tier).toLowerCase() : "unclassified (held to high-risk)"} systems are filled (${card.overall.percent}%).`}
      </Text>
      {missing.length === 0 ? (
        <Text style={{ marginTop: 10, fontWeight: 700, color: COLORS.pass }}>Nothing required is missing.</Text>
      ) : (
        <View style={{ marginTop: 8 }}>
          <Text style={styles.subheading}>{`Not provided (${missing.length})`}</Text>
          <Table
            columns={[
              { title: "Where", width: "38%" },
              { title: "Missing information", width: "62%" },
            ]}
            rows={missing.map((m) => [titles.has(m.where) ? `${m.where}  ${titles.get(m.where)}` : m.where, m.what])}
          />
        </View>
      )}
      {codePoints.length > 0 ? (
        <View style={{ marginTop: 8 }}>
          <Text style={styles.subheading}>Characters shown as code points</Text>
          <Text>
            {`The document’s fonts cannot draw these characters, or they are invisible formatting characters; each occurrence is printed as its Unicode code point in brackets, e.g. [${codePointLabel(codePoints[0]!.codePoint)}]:`}
          </Text>
          <Text style={[styles.mono, { marginTop: 3 }]}>{codePoints.map((c) => `${codePointLabel(c.codePoint)} (${c.count}×)`).join(", ")}</Text>
        </View>
      ) : null}
    </View>
  );
}

function AnnexIVSection({ ctx, section }: { ctx: TContext; section: TAnnexIVSection }) {
  const single = section.points.length === 1 ? section.points[0]! : null;
  return (
    <View>
      <SectionHeading id={sectionId(section)} number={String(section.number)} title={section.title} basis={section.basis} />
      {single ? (
        <>
          <Text style={[styles.requirement, { marginLeft: 30, marginTop: 0, marginBottom: 4 }]}>{`Annex IV point ${single.ref}: ${single.requirement}`}</Text>
          <PointBody ctx={ctx} point={single} />
        </>
      ) : (
        section.points.map((p) => (
          <Fragment key={p.ref}>
            <PointHeading id={pointId(p)} reference={p.ref} title={p.title} requirement={p.requirement} />
            <PointBody ctx={ctx} point={p} />
          </Fragment>
        ))
      )}
    </View>
  );
}

function PointBody({ ctx, point }: { ctx: TContext; point: TAnnexIVPoint }) {
  return (
    <>
      {point.fields.map((ref) => (
        <CardField key={ref.join(".")} ctx={ctx} fieldRef={ref} />
      ))}
      {point.records.map((record) => (
        <View key={record} style={[styles.body, { marginTop: 8 }]}>
          <RecordBlock ctx={ctx} record={record} />
        </View>
      ))}
    </>
  );
}

function CardField({ ctx, fieldRef }: { ctx: TContext; fieldRef: readonly [string, string] }) {
  const entry = fieldEntry(ctx.data, fieldRef as Parameters<typeof fieldEntry>[1]);
  const tier = documentTier(ctx.data);
  return (
    <Field
      label={entry.field.label}
      source={entry.sectionTitle}
      value={entry.value}
      optionalNote={entry.required ? undefined : `optional for ${tierLabel(tier ?? "high").toLowerCase()} systems`}
    />
  );
}

function RecordTitle({ children }: { children: string }) {
  return (
    <KeepWithNext ahead={50}>
      <Text style={styles.minorHeading}>{children}</Text>
    </KeepWithNext>
  );
}

function RecordBlock({ ctx, record }: { ctx: TContext; record: TAnnexIVRecord }) {
  const { data } = ctx;
  switch (record) {
    case "versionRecord":
      return (
        <View>
          <RecordTitle>Model version record</RecordTitle>
          <KeyValues
            rows={[
              { label: "Model", value: data.system.slug, mono: true },
              { label: "Version", value: data.system.version },
              { label: "Lifecycle stage", value: humanise(data.system.lifecycleStage) },
              { label: "Artifact URI", value: data.system.artifactUri },
              { label: "Framework", value: data.system.framework ?? <NotProvided note="optional" /> },
              { label: "Training run", value: data.system.experimentRef ?? <NotProvided note="optional" /> },
            ]}
          />
        </View>
      );
    case "productIllustrations":
      if (missingRecords(data, record).length > 0) {
        return (
          <View>
            <NotProvided />
            <Text style={styles.note}>Attest does not hold product photographs or illustrations; attach them as evidence of the Art. 11 obligation.</Text>
          </View>
        );
      }
      return <Text>Not applicable: the risk classification records that the system is not a product, or a safety component of a product, covered by Annex I.</Text>;
    case "datasets":
      return <Datasets ctx={ctx} />;
    case "testReports":
      return (
        <View>
          <RecordTitle>Validation and test datasets</RecordTitle>
          <DatasetTable datasets={data.datasets.filter((d) => d.role === "validation" || d.role === "test")} />
          <RecordTitle>Test reports</RecordTitle>
          <TestReports evaluations={data.evaluations} />
        </View>
      );
    case "overallAccuracy":
      return (
        <View>
          <RecordTitle>Measured overall accuracy</RecordTitle>
          <OverallAccuracy evaluations={data.evaluations} />
        </View>
      );
    case "groupAccuracy":
      return <GroupAccuracy evaluations={data.evaluations} />;
    case "fairnessThresholds":
      return (
        <View>
          <RecordTitle>Fairness thresholds applied</RecordTitle>
          <FairnessThresholds evaluations={data.evaluations} />
        </View>
      );
    case "classification":
      return <Classification ctx={ctx} />;
    case "obligations":
      return <Obligations ctx={ctx} />;
    case "cardRevisions":
      return <CardRevisions ctx={ctx} />;
    case "versions":
      return (
        <Table
          columns={[
            { title: "Version", width: "22%" },
            { title: "Stage", width: "18%" },
            { title: "Created", width: "28%" },
            { title: "Created by", width: "32%" },
          ]}
          rows={data.versions.map((v) => [
            v.version === data.system.version ? `${v.version} (this document)` : v.version,
            humanise(v.stage),
            formatInstant(v.createdAt),
            v.createdBy ?? "",
          ])}
        />
      );
    case "approvals":
      return <Approvals ctx={ctx} />;
    case "standards":
      return <Standards ctx={ctx} />;
    case "chapterIIISolutions":
      return <ChapterIIISolutions ctx={ctx} />;
    case "declaration":
      return <Declaration ctx={ctx} />;
    case "reviewSchedule":
      return <KeyValues rows={[{ label: "Next review of this version", value: data.system.nextReviewDate ? formatDate(data.system.nextReviewDate) : null }]} />;
  }
}

function DatasetTable({ datasets }: { datasets: TTechnicalDocumentationData["datasets"] }) {
  if (datasets.length === 0) return <NotProvided />;
  return (
    <Table
      columns={[
        { title: "Role", width: "12%" },
        { title: "Dataset", width: "22%" },
        { title: "Version", width: "12%" },
        { title: "Location", width: "30%" },
        { title: "SHA-256", width: "24%", mono: true },
      ]}
      rows={datasets.map((d) => [humanise(d.role), d.name, d.version ?? <NotProvided note="optional" />, d.uri, d.contentSha256 ? shortHash(d.contentSha256) : null])}
    />
  );
}

function Datasets({ ctx }: { ctx: TContext }) {
  return (
    <View>
      <RecordTitle>Dataset references</RecordTitle>
      <Text style={styles.note}>The datasets this version was built and tested on, as registered with the version. Full digests are in the evidence manifest.</Text>
      <DatasetTable datasets={ctx.data.datasets} />
      {missingRecords(ctx.data, "datasets").includes("Reference to the training dataset") && ctx.data.datasets.length > 0 ? (
        <Text style={styles.note}>
          Training dataset: <NotProvided />
        </Text>
      ) : null}
    </View>
  );
}

const STATUS_LABELS: Record<string, string> = { not_started: "Not started", in_progress: "In progress", met: "Met", not_applicable: "Not applicable" };

function Classification({ ctx }: { ctx: TContext }) {
  const c = ctx.data.classification;
  if (!c) return <NotProvided note="the model has not been classified" />;
  const flags = [
    c.flags.gpai ? "general-purpose AI model" : null,
    c.flags.gpaiSystemicRisk ? "systemic risk (Art. 51)" : null,
    c.flags.transparency.length > 0 ? `transparency: Art. ${c.flags.transparency.join(", ")}` : null,
    c.flags.derogationApplied ? "Art. 6(3) derogation applied" : null,
  ].filter((f): f is string => f !== null);
  return (
    <KeyValues
      rows={[
        { label: "Risk tier", value: tierLabel(c.tier) },
        ...(c.computedTier !== c.tier ? [{ label: "Tier computed by the ruleset", value: tierLabel(c.computedTier) }] : []),
        { label: "Status", value: humanise(c.status) },
        { label: "Ruleset", value: c.rulesetVersion, mono: true },
        { label: "Legal basis", value: <LegalBasis legalBasis={c.legalBasis} /> },
        { label: "Flags", value: flags.length > 0 ? flags.join("; ") : "None" },
        { label: "Rationale", value: <Paragraphs text={c.rationale} /> },
        ...(c.status === "overridden" || c.overrideJustification ? [{ label: "Override justification", value: c.overrideJustification }] : []),
        { label: "Proposed", value: `${formatInstant(c.proposedAt)} by ${c.proposedBy}` },
        { label: "Decided", value: c.decidedBy && c.decidedAt ? `${formatInstant(c.decidedAt)} by ${c.decidedBy}` : null },
      ]}
    />
  );
}

function Obligations({ ctx }: { ctx: TContext }) {
  const { obligations } = ctx.data;
  if (obligations.length === 0) return <NotProvided />;
  return (
    <Table
      columns={[
        { title: "Article", width: "11%" },
        { title: "Obligation", width: "31%" },
        { title: "Status", width: "12%" },
        { title: "Applies from", width: "12%" },
        { title: "Evidence", width: "34%" },
      ]}
      rows={obligations.map((o) => [
        o.article,
        <View key="o">
          <Plain>{o.title}</Plain>
          {o.note ? <Plain style={{ fontSize: 7.5, color: COLORS.muted, marginTop: 1, lineHeight: 1.3 }}>{o.note}</Plain> : null}
          {o.owner || o.dueDate ? (
            <Plain style={{ fontSize: 7.5, color: COLORS.muted, lineHeight: 1.3 }}>{[o.owner ? `Owner: ${o.owner}` : "", o.dueDate ? `Due: ${o.dueDate}` : ""].filter(Boolean).join("  ·  ")}</Plain>
          ) : null}
        </View>,
        STATUS_LABELS[o.status] ?? humanise(o.status),
        o.appliesFrom ?? "",
        o.evidence.length === 0 ? (
          o.status === "met" ? <NotProvided key="e" /> : <Text key="e" style={{ color: COLORS.muted }}>None recorded</Text>
        ) : (
          <View key="e">
            {o.evidence.map((ev, i) => (
              <View key={i} style={{ marginBottom: 2 }}>
                <Plain>{`${humanise(ev.kind)}: ${ev.name}`}</Plain>
                {ev.url ? <Plain style={{ fontSize: 7, color: COLORS.muted, lineHeight: 1.3 }}>{ev.url}</Plain> : null}
                {ev.sha256 ? <Plain style={[styles.mono, { fontSize: 6.5, color: COLORS.muted, lineHeight: 1.3 }]}>{`SHA-256 ${shortHash(ev.sha256)}`}</Plain> : null}
              </View>
            ))}
          </View>
        ),
      ])}
    />
  );
}

function CardRevisions({ ctx }: { ctx: TContext }) {
  const { cardRevisions } = ctx.data;
  if (cardRevisions.length === 0) return <NotProvided />;
  return (
    <Table
      columns={[
        { title: "Rev.", width: "7%", align: "right" },
        { title: "Saved", width: "17%" },
        { title: "Author", width: "24%" },
        { title: "Summary of changes", width: "32%" },
        { title: "Content SHA-256", width: "20%", mono: true },
      ]}
      rows={cardRevisions.map((r) => [String(r.revision), formatInstant(r.at), r.author, r.summary || "(no summary)", shortHash(r.contentSha256)])}
    />
  );
}

function Approvals({ ctx }: { ctx: TContext }) {
  const { approvals } = ctx.data;
  if (approvals.length === 0) return <Text>No review decision has been recorded for any version of this model.</Text>;
  return (
    <Table
      columns={[
        { title: "Decided", width: "15%" },
        { title: "Version", width: "9%" },
        { title: "Decision", width: "12%" },
        { title: "By", width: "18%" },
        { title: "Dossier SHA-256", width: "16%", mono: true },
        { title: "Comment", width: "16%" },
        { title: "Still valid?", width: "14%" },
      ]}
      rows={approvals.map((a) => [
        formatInstant(a.at),
        a.version,
        humanise(a.decision),
        a.by,
        shortHash(a.dossierSha256),
        a.comment,
        a.invalidation ? `No: invalidated ${formatInstant(a.invalidation.at)}, ${a.invalidation.reason}` : "Yes",
      ])}
    />
  );
}

function Standards({ ctx }: { ctx: TContext }) {
  const { standards } = ctx.data;
  if (standards.length === 0) {
    return (
      <Text>
        No harmonised standard or common specification is recorded as applied. The solutions adopted to meet the requirements of Chapter III, Section 2 are described in
        the parts of this document listed below.
      </Text>
    );
  }
  return (
    <Table
      columns={[
        { title: "Reference", width: "25%" },
        { title: "Title", width: "45%" },
        { title: "Kind", width: "18%" },
        { title: "Applied", width: "12%" },
      ]}
      rows={standards.map((s) => [s.reference, s.title, s.harmonised ? "Harmonised standard" : "Other specification", s.extent === "full" ? "In full" : "In part"])}
    />
  );
}

function ChapterIIISolutions({ ctx }: { ctx: TContext }) {
  const statusOf = (article: string) => {
    const o = ctx.data.obligations.find((x) => x.article === article);
    return o ? STATUS_LABELS[o.status] ?? humanise(o.status) : "No obligation recorded";
  };
  return (
    <View>
      <RecordTitle>Requirements of Chapter III, Section 2 and where this document answers them</RecordTitle>
      <Table
        columns={[
          { title: "Article", width: "12%" },
          { title: "Requirement", width: "38%" },
          { title: "Described in", width: "28%" },
          { title: "Obligation status", width: "22%" },
        ]}
        rows={CHAPTER_III_SOLUTIONS.map((s) => [s.article, s.requirement, s.answeredIn.join(", "), statusOf(s.article)])}
      />
    </View>
  );
}

function Declaration({ ctx }: { ctx: TContext }) {
  const { data } = ctx;
  const d = data.declaration;
  const art47 = data.obligations.find((o) => o.article === "Art. 47");
  const card = data.card?.content.modelDetails;
  const nbRequired = notifiedBodyRequired(data);
  const rows: [string, string, ReactNode][] = [
    [
      "1",
      "AI system name and type, and any additional unambiguous reference allowing its identification and traceability",
      <Plain key="1">
        {[
          `${data.system.name}, version ${data.system.version}`,
          card?.modelType ? `type: ${card.modelType}` : null,
          `model identifier: ${data.system.slug}`,
          data.system.artifactUri ? `artifact: ${data.system.artifactUri}` : null,
          `technical documentation: ${data.documentId}`,
        ]
          .filter(Boolean)
          .join("; ")}
      </Plain>,
    ],
    [
      "2",
      "Name and address of the provider or, where applicable, of its authorised representative",
      <View key="2">
        {data.system.provider ? <Plain>{data.system.provider}</Plain> : <NotProvided note="name" />}
        {d.providerAddress ? <Plain>{d.providerAddress}</Plain> : <NotProvided note="address" />}
        {d.authorisedRepresentative ? <Plain>{`Authorised representative: ${d.authorisedRepresentative}`}</Plain> : null}
      </View>,
    ],
    ["3", "Statement that the declaration is issued under the sole responsibility of the provider", <Text key="3">“This EU declaration of conformity is issued under the sole responsibility of the provider.”</Text>],
    [
      "4",
      "Statement that the AI system is in conformity with the AI Act and, if applicable, other relevant Union law",
      <Text key="4">
        “The AI system identified in point 1 is in conformity with Regulation (EU) 2024/1689 and, where applicable, with other relevant Union law that provides for the issuing of
        an EU declaration of conformity.”
      </Text>,
    ],
    [
      "5",
      "Where personal data are processed, a statement of compliance with Regulations (EU) 2016/679 and 2018/1725 and Directive (EU) 2016/680",
      d.processesPersonalData === false ? (
        <Text key="5">Not applicable: recorded as processing no personal data.</Text>
      ) : d.processesPersonalData && d.dataProtectionStatement ? (
        <Plain key="5">{d.dataProtectionStatement}</Plain>
      ) : (
        <NotProvided key="5" />
      ),
    ],
    [
      "6",
      "References to the harmonised standards or common specifications used",
      // Annex V 6 names harmonised standards and common specifications only; other specifications are in point 7.
      data.standards.some((s) => s.harmonised) ? (
        <Plain key="6">{data.standards.filter((s) => s.harmonised).map((s) => s.reference).join("; ")}</Plain>
      ) : (
        <Text key="6">None recorded; see point 7 of this document.</Text>
      ),
    ],
    [
      "7",
      "Where applicable, the notified body, its number, the conformity assessment procedure and the certificate",
      <View key="7">
        {d.assessmentProcedure ? <Plain>{`Procedure: ${d.assessmentProcedure}`}</Plain> : <NotProvided note="conformity assessment procedure" />}
        {d.notifiedBody ? (
          <>
            {d.notifiedBody.name ? <Plain>{`Notified body: ${d.notifiedBody.name}`}</Plain> : <NotProvided note="notified body" />}
            {d.notifiedBody.number ? <Plain>{`Notified body number: ${d.notifiedBody.number}`}</Plain> : <NotProvided note="notified body number" />}
            {d.notifiedBody.certificate ? <Plain>{`Certificate: ${d.notifiedBody.certificate}`}</Plain> : <NotProvided note="certificate" />}
          </>
        ) : nbRequired ? (
          <NotProvided note="notified body" />
        ) : (
          <Text>No notified body recorded; none is required for this system (Art. 43(2)).</Text>
        )}
      </View>,
    ],
    [
      "8",
      "Place and date of issue, name and function of the person who signed it, on whose behalf, and signature",
      <View key="8">
        {d.place ? <Plain>{`Place: ${d.place}`}</Plain> : <NotProvided note="place" />}
        {d.date ? <Plain>{`Date: ${d.date}`}</Plain> : <NotProvided note="date" />}
        {d.signatory?.name && d.signatory.function ? (
          <Plain>{`Signed by ${d.signatory.name}, ${d.signatory.function}, for and on behalf of ${d.signatory.onBehalfOf}`}</Plain>
        ) : (
          <>
            {d.signatory?.name ? <Plain>{`Signed by ${d.signatory.name}, for and on behalf of ${d.signatory.onBehalfOf}`}</Plain> : <NotProvided note="signatory" />}
            {d.signatory?.function ? <Plain>{`Signatory's function: ${d.signatory.function}`}</Plain> : d.signatory ? <NotProvided note="signatory's function" /> : null}
          </>
        )}
      </View>,
    ],
  ];
  return (
    <View>
      <Text>
        {`The content Annex V requires of the EU declaration of conformity, as far as Attest holds it. It is a declaration only once signed by the provider (point 8). Status of the Art. 47 obligation: ${
          art47 ? STATUS_LABELS[art47.status] ?? art47.status : "no obligation recorded"
        }.`}
      </Text>
      <Table
        columns={[
          { title: "Annex V", width: "9%" },
          { title: "Content required", width: "38%" },
          { title: "As recorded", width: "53%" },
        ]}
        rows={rows}
      />
    </View>
  );
}

function EvidenceManifest({ ctx }: { ctx: TContext }) {
  const { data } = ctx;
  const entries = evidenceManifest(data);
  return (
    <View>
      <SectionHeading id={MANIFEST_ID} title="Evidence manifest" basis="SHA-256 digests of the records this document rests on" />
      <Text>
        Each digest is the SHA-256 of the record as Attest stores it: the canonical JSON of a card revision, the uploaded evaluation input, the attached evidence file, the
        registered dataset, and the dossier that approvals bind to. Recomputing a digest from the original shows whether it has changed since this document was issued.
      </Text>
      {entries.length === 0 ? (
        <View style={{ marginTop: 6 }}>
          <NotProvided note="no digests recorded" />
        </View>
      ) : (
        <Table
          columns={[
            { title: "Record", width: "39%" },
            { title: "SHA-256", width: "61%" },
          ]}
          rows={entries.map((e) => [
            <View key="r">
              <Text style={{ fontSize: 6.5, fontWeight: 700, color: COLORS.muted, lineHeight: 1.3 }}>{e.group.toUpperCase()}</Text>
              <Plain>{e.item}</Plain>
            </View>,
            <Text key="h" style={[styles.mono, { fontSize: 7, lineHeight: 1.3 }]}>
              {e.sha256}
            </Text>,
          ])}
        />
      )}
      <Text style={styles.subheading}>Audit chain at issue</Text>
      <KeyValues
        rows={[
          {
            label: "Audit chain head",
            value: data.auditHead ? (
              <View>
                <Text>{`Event ${formatCount(data.auditHead.seq)}`}</Text>
                <Plain style={styles.mono}>{data.auditHead.hash}</Plain>
              </View>
            ) : null,
          },
          { label: "Signing key and checkpoint", value: data.signingKey ? <SigningKeyDetails signingKey={data.signingKey} /> : null },
        ]}
      />
      <Text style={styles.note}>
        The head is the latest audit event when this document was issued; the checkpoint is Attest’s Ed25519 signature over the canonical JSON of {"{headHash, keyId, seq, signedAt}"}.
        The issue is itself an audit event, covered by a later checkpoint. Check the log with this key: npm run audit:verify -- --key {"<public key>"} export.jsonl.
      </Text>
    </View>
  );
}
