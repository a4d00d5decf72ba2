import { Document, Page, Rect, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { RISK_TIERS, type TRiskTier } from "@/lib/domain/model-card/template";
import { COLORS, KeyValues, pageChrome, Plain, SigningKeyDetails, styles, Table, type TCell } from "./components";
import { registerFonts } from "./fonts";
import { formatCount, formatDate, formatInstant, humanise, tierLabel } from "./format";
import type { TPortfolioModel, TPortfolioReportData } from "./portfolio-report-data";

/*
 * The portfolio report for auditors: every model with its risk tier, lifecycle stage,
 * approvals, evaluation status, obligations coverage and review dates, on landscape pages.
 * Models are listed by tier, most severe first, then by name. Pure: data in, <Document> out.
 */

const TIER_ORDER: readonly (TRiskTier | null)[] = [...RISK_TIERS, null];
const TIER_COLORS: Record<string, string> = { prohibited: "#5c0f0f", high: COLORS.fail, limited: "#b07a12", minimal: "#4d7a5a", none: "#9aa2ad" };
const tierKey = (tier: TRiskTier | null) => tier ?? "none";

export const isOverdue = (model: TPortfolioModel, asOf: string) => model.nextReviewDate !== null && model.nextReviewDate < asOf;

export function sortedModels(models: readonly TPortfolioModel[]): TPortfolioModel[] {
  return [...models].sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function evaluationStatus(e: TPortfolioModel["evaluations"]): string {
  if (e.pass + e.fail + e.waived === 0) return "None";
  if (e.fail > 0) return `Failing (${e.fail} failed)`;
  if (e.waived > 0) return `Passing with waivers (${e.waived} waived)`;
  return `Passing (${e.pass})`;
}

export function PortfolioReport(data: TPortfolioReportData): ReactElement {
  registerFonts();
  const models = sortedModels(data.models);
  const overdue = models.filter((m) => isOverdue(m, data.asOf));
  const issued = new Date(data.generatedAt);
  const count = (predicate: (m: TPortfolioModel) => boolean) => models.filter(predicate).length;
  const tiles: [string, number, string?][] = [
    ["Models", models.length],
    ["High-risk", count((m) => m.tier === "high")],
    ["Not classified", count((m) => m.tier === null), count((m) => m.tier === null) > 0 ? COLORS.missing : undefined],
    ["With a valid approval", count((m) => m.approvals.valid > 0)],
    ["Failing evaluations", count((m) => m.evaluations.fail > 0), count((m) => m.evaluations.fail > 0) > 0 ? COLORS.fail : undefined],
    ["Overdue reviews", overdue.length, overdue.length > 0 ? COLORS.fail : undefined],
  ];
  // The running header and "Page x of y" footer as a page template: see pageChrome.
  const chrome = pageChrome({ header: { left: `${data.organisation ? `${data.organisation}  ·  ` : ""}AI model portfolio as of ${formatDate(data.asOf)}`, right: "Portfolio report" }, documentId: data.documentId });
  return (
    <Document title="AI model portfolio report" subject="Inventory of AI models with risk tier and compliance status" keywords={data.documentId} creator="Attest" producer="Attest" creationDate={issued} modificationDate={issued} language="en">
      <Page size="A4" orientation="landscape" style={[styles.page, { paddingTop: 56, paddingBottom: 56 }]} layout={chrome}>
        {/* Line spacing on a wrapper, not the page: see ContentPage in technical-documentation.tsx. */}
        <View style={styles.flow}>
        <View style={{ flexDirection: "row", justifyContent: "space-between", borderBottomWidth: 1, borderBottomColor: COLORS.ink, paddingBottom: 8 }}>
          <View>
            <Text style={{ fontSize: 8.5, fontWeight: 700, letterSpacing: 1.4, color: COLORS.accent, lineHeight: 1.3 }}>PORTFOLIO REPORT</Text>
            <Text style={{ fontSize: 18, fontWeight: 700, marginTop: 2, lineHeight: 1.15 }}>AI models and their compliance status</Text>
            {data.organisation ? <Plain style={{ fontSize: 9.5, color: COLORS.muted, lineHeight: 1.3 }}>{data.organisation}</Plain> : null}
          </View>
          <View style={{ width: 260 }}>
            <KeyValues
              rows={[
                { label: "As of", value: formatDate(data.asOf) },
                { label: "Generated", value: `${formatInstant(data.generatedAt)} by ${data.generatedBy}` },
                { label: "Document ID", value: data.documentId, mono: true },
              ]}
            />
          </View>
        </View>
        <View style={{ flexDirection: "row", marginTop: 12 }}>
          {tiles.map(([label, value, color], i) => (
            <View key={label} style={{ flex: 1, marginLeft: i === 0 ? 0 : 8, borderWidth: 0.75, borderColor: COLORS.rule, padding: 7 }}>
              <Text style={{ fontSize: 18, fontWeight: 700, color: color ?? COLORS.ink, lineHeight: 1.15 }}>{formatCount(value)}</Text>
              <Text style={{ fontSize: 7.5, color: COLORS.muted, lineHeight: 1.3 }}>{label}</Text>
            </View>
          ))}
        </View>
        <TierBar models={models} />
        <Table
          columns={[
            { title: "Model", width: "21%" },
            { title: "Risk tier", width: "11%" },
            { title: "Latest version", width: "10%" },
            { title: "Approvals", width: "13%" },
            { title: "Evaluations", width: "14%" },
            { title: "Obligations met", width: "11%" },
            { title: "Card", width: "7%", align: "right" },
            { title: "Next review", width: "13%" },
          ]}
          rows={models.map((m): TCell[] => [
            <View key="m">
              <Plain style={{ fontWeight: 700 }}>{m.name}</Plain>
              <Plain style={{ fontSize: 7, color: COLORS.muted, lineHeight: 1.3 }}>{`${m.slug}  ·  ${m.businessUnit || "no business unit"}  ·  ${m.owner}`}</Plain>
            </View>,
            <Text key="t" style={{ color: m.tier ? COLORS.ink : COLORS.missing, fontWeight: m.tier ? 400 : 700 }}>{m.tier ? tierLabel(m.tier) : "Not classified"}</Text>,
            m.latestVersion ? `${m.latestVersion}\n${humanise(m.stage ?? "")}` : "No version",
            m.approvals.valid + m.approvals.invalidated === 0
              ? "None"
              : `${m.approvals.valid} valid${m.approvals.invalidated ? `, ${m.approvals.invalidated} invalidated` : ""}${m.approvals.lastApprovedAt ? `\nlast ${formatDate(m.approvals.lastApprovedAt)}` : ""}`,
            <Text key="e" style={{ color: m.evaluations.fail > 0 ? COLORS.fail : COLORS.ink }}>{evaluationStatus(m.evaluations)}</Text>,
            <Coverage key="o" met={m.obligations.met} applicable={m.obligations.applicable} />,
            `${m.cardPercent}%`,
            <Text key="r" style={{ color: isOverdue(m, data.asOf) ? COLORS.fail : COLORS.ink, fontWeight: isOverdue(m, data.asOf) ? 700 : 400 }}>
              {m.nextReviewDate ? `${formatDate(m.nextReviewDate)}${isOverdue(m, data.asOf) ? "\nOVERDUE" : ""}` : "Not scheduled"}
            </Text>,
          ])}
        />
        <Text style={styles.subheading}>{`Overdue reviews (${overdue.length})`}</Text>
        {overdue.length === 0 ? (
          <Text>No model is past its next review date.</Text>
        ) : (
          overdue.map((m) => <Plain key={m.slug}>{`• ${m.name} (${m.slug}), version ${m.latestVersion ?? "none"}: review was due ${formatDate(m.nextReviewDate!)}; owner ${m.owner}.`}</Plain>)
        )}
        <Text style={[styles.note, { marginTop: 10 }]}>
          {`Approvals: decisions binding the dossier of a version; an approval is invalidated when the dossier changes afterwards. Evaluations: fairness evaluations of the latest version. Obligations met: obligations from the risk classification marked met, out of those applicable. Card: completeness of the latest model card against the tier's required fields. ${
            data.auditHead ? `Audit chain head at issue: event ${formatCount(data.auditHead.seq)}, ${data.auditHead.hash}.` : "Audit chain head at issue: not provided."
          }`}
        </Text>
        <View wrap={false} style={{ marginTop: 6 }}>
          <Text style={[styles.note, { fontWeight: 700 }]}>Audit signing key and the checkpoint of the head at issue</Text>
          {data.signingKey ? <SigningKeyDetails signingKey={data.signingKey} /> : <Text style={styles.note}>Not provided.</Text>}
        </View>
        </View>
      </Page>
    </Document>
  );
}

function Coverage({ met, applicable }: { met: number; applicable: number }) {
  if (applicable === 0) return <Text style={{ color: COLORS.muted }}>None applicable</Text>;
  const width = 60;
  return (
    <View>
      <Text>{`${met} of ${applicable} (${Math.floor((met * 100) / applicable)}%)`}</Text>
      <Svg width={width} height={4} viewBox={`0 0 ${width} 4`}>
        <Rect x={0} y={0} width={width} height={4} fill={COLORS.fill} />
        <Rect x={0} y={0} width={(met / applicable) * width} height={4} fill={met === applicable ? COLORS.pass : COLORS.accent} />
      </Svg>
    </View>
  );
}

/** Models by tier as one stacked bar, drawn as vector graphics. */
function TierBar({ models }: { models: readonly TPortfolioModel[] }) {
  if (models.length === 0) return <Text style={{ marginTop: 10 }}>No models are registered.</Text>;
  const width = 729;
  const counts = TIER_ORDER.map((tier) => ({ tier, n: models.filter((m) => m.tier === tier).length })).filter((c) => c.n > 0);
  let x = 0;
  return (
    <View style={{ marginTop: 12, marginBottom: 4 }} wrap={false}>
      <Text style={{ fontSize: 7.5, fontWeight: 700, color: COLORS.muted, marginBottom: 3, lineHeight: 1.3 }}>MODELS BY RISK TIER</Text>
      <Svg width={width} height={10} viewBox={`0 0 ${width} 10`}>
        {counts.map((c) => {
          const w = (c.n / models.length) * width;
          const rect = <Rect key={tierKey(c.tier)} x={x} y={0} width={Math.max(w - 1, 0.5)} height={10} fill={TIER_COLORS[tierKey(c.tier)]} />;
          x += w;
          return rect;
        })}
      </Svg>
      <View style={{ flexDirection: "row", marginTop: 3 }}>
        {counts.map((c) => (
          <View key={tierKey(c.tier)} style={{ flexDirection: "row", alignItems: "center", marginRight: 14 }}>
            <Svg width={7} height={7} viewBox="0 0 7 7">
              <Rect x={0} y={0} width={7} height={7} fill={TIER_COLORS[tierKey(c.tier)]} />
            </Svg>
            <Text style={{ fontSize: 7.5, marginLeft: 3, lineHeight: 1.3 }}>{`${c.tier ? tierLabel(c.tier) : "Not classified"}: ${c.n}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
