import { Text, View } from "@react-pdf/renderer";
import type { TAttributeMetrics } from "@/lib/domain/fairness/attribute-metrics";
import { intersectionGroupLabel } from "@/lib/domain/fairness/intersections";
import type { TFairnessFailure } from "@/lib/domain/fairness/judge";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import { COLORS, KeepWithNext, KeyValues, NotProvided, Plain, styles, Table, type TCell } from "./components";
import { formatCount, formatInstant, formatInterval, formatMetric } from "./format";
import { SelectionRateChart, type TChartGroup } from "./selection-rate-chart";
import type { TDocumentedEvaluation } from "./technical-documentation-data";
import { printable } from "./text";

/*
 * The evaluations in the technical documentation: the dated, signed-off test reports (Annex IV
 * 2(g)), overall accuracy (3.1), accuracy per group with the selection-rate charts (3.2) and
 * the fairness thresholds the reports were judged against (4).
 */

const STATUS_COLORS = { pass: COLORS.pass, fail: COLORS.fail, waived: COLORS.waived } as const;
const STATUS_LABELS = { pass: "PASS", fail: "FAIL", waived: "WAIVED (failed, waiver in force)" } as const;

const METRIC_NAMES: Record<TFairnessFailure["metric"], string> = {
  demographicParityRatio: "demographic parity ratio",
  demographicParityDifference: "demographic parity difference",
  equalOpportunityDifference: "equal opportunity difference",
  equalizedOddsDifference: "equalized odds difference",
  judgedGroups: "groups large enough to judge",
};

export function failureText(f: TFairnessFailure): string {
  const bound = f.metric === "demographicParityRatio" || f.metric === "judgedGroups" ? "minimum" : "maximum";
  const value = f.metric === "judgedGroups" ? String(f.value) : f.value === null ? "not defined" : formatMetric(f.value);
  const groups = f.groups.length > 0 ? `; groups ${f.groups.map(groupLabel(f.attribute)).join(", ")}` : "";
  return `${attributeLabel(f.attribute)}: ${METRIC_NAMES[f.metric]} ${value} (${bound} ${f.metric === "judgedGroups" ? f.threshold : formatMetric(f.threshold)})${groups}`;
}

const isIntersection = (attribute: string) => attribute.includes("*");
const attributeLabel = (attribute: string) => (isIntersection(attribute) ? attribute.split("*").join(" × ") : attribute);

/** Intersection groups are keyed by JSON arrays; people read "a × b". */
const groupLabel = (attribute: string) => (key: string) => {
  if (!isIntersection(attribute)) return key;
  try {
    return intersectionGroupLabel(key);
  } catch {
    return key;
  }
};

function StatusText({ status }: { status: TDocumentedEvaluation["status"] }) {
  return <Text style={{ fontWeight: 700, color: STATUS_COLORS[status] }}>{STATUS_LABELS[status]}</Text>;
}

export function thresholdsText(t: TFairnessThresholds): string {
  return [
    `demographic parity ratio ≥ ${formatMetric(t.minDemographicParityRatio, 2)}`,
    `demographic parity difference ≤ ${formatMetric(t.maxDemographicParityDifference, 2)}`,
    `equal opportunity difference ≤ ${formatMetric(t.maxEqualOpportunityDifference, 2)}`,
    `equalized odds difference ≤ ${formatMetric(t.maxEqualizedOddsDifference, 2)}`,
    `groups of at least ${formatCount(t.minGroupSize)} rows judged`,
  ].join("; ");
}

const SOURCE_LABELS: Record<string, string> = { csv: "Predictions file (CSV)", counts: "Confusion counts posted by a pipeline" };

export function TestReports({ evaluations }: { evaluations: readonly TDocumentedEvaluation[] }) {
  if (evaluations.length === 0) return <NotProvided note="no evaluation recorded" />;
  return (
    <View>
      {evaluations.map((e, i) => (
        <View key={e.id} style={{ marginTop: 6 }}>
          <KeepWithNext ahead={80}>
            <Text style={styles.minorHeading}>{`Test report ${i + 1} of ${evaluations.length}`}</Text>
          </KeepWithNext>
          <KeyValues
            rows={[
              { label: "Evaluation", value: e.name },
              { label: "Identifier", value: e.id, mono: true },
              { label: "Dated", value: `${formatInstant(e.createdAt)}, recorded by ${e.createdBy}` },
              { label: "Input", value: `${SOURCE_LABELS[e.source] ?? e.source}, ${formatCount(e.rows)} rows` },
              { label: "Input SHA-256", value: e.inputSha256, mono: true },
              { label: "Thresholds applied", value: thresholdsText(e.thresholds) },
              { label: "Result", value: <StatusText status={e.status} /> },
              ...(e.judgement.failures.length > 0
                ? [{ label: "Failures", value: <View>{e.judgement.failures.map((f, k) => <Plain key={k}>{`• ${failureText(f)}`}</Plain>)}</View> }]
                : []),
              ...(e.waiver
                ? [{
                    label: "Waiver",
                    value: `${e.waiver.justification} (granted by ${e.waiver.waivedBy} on ${formatInstant(e.waiver.waivedAt)}, ${e.waiver.active ? "in force until" : "lapsed on"} ${formatInstant(e.waiver.expiresAt)})`,
                  }]
                : []),
              {
                label: "Signed off by",
                value:
                  e.approvers.length === 0 ? null : (
                    <View>{e.approvers.map((a, k) => <Plain key={k}>{`${a.email}, ${formatInstant(a.at)}`}</Plain>)}</View>
                  ),
              },
            ]}
          />
        </View>
      ))}
    </View>
  );
}

export function OverallAccuracy({ evaluations }: { evaluations: readonly TDocumentedEvaluation[] }) {
  if (evaluations.length === 0) return <NotProvided note="no evaluation recorded" />;
  return (
    <View>
      <Text style={styles.note}>Measured overall, on every row of each evaluation (newest first). n/d: not defined for these data.</Text>
      <Table
        columns={[
          { title: "Evaluation", width: "25%" },
          { title: "Dated", width: "13%" },
          { title: "Rows", width: "11%", align: "right" },
          { title: "Accuracy", width: "10%", align: "right" },
          { title: "Precision", width: "10%", align: "right" },
          { title: "Recall", width: "10%", align: "right" },
          { title: "F1", width: "10%", align: "right" },
          { title: "ROC AUC", width: "11%", align: "right" },
        ]}
        rows={evaluations.map((e) => [
          e.name,
          e.createdAt.slice(0, 10),
          formatCount(e.overall.n),
          formatMetric(e.overall.accuracy),
          formatMetric(e.overall.precision),
          formatMetric(e.overall.recall),
          formatMetric(e.overall.f1),
          formatMetric(e.overall.rocAuc),
        ])}
      />
    </View>
  );
}

export function GroupAccuracy({ evaluations }: { evaluations: readonly TDocumentedEvaluation[] }) {
  if (evaluations.length === 0) return <NotProvided note="no evaluation recorded" />;
  return (
    <View>
      <Text style={styles.note}>
        Per group: counts and rates with their 95% Wilson intervals. TPR: true positive rate (recall); FPR: false positive rate. Disparities are computed between all groups;
        the pass/fail judgement uses only groups with enough rows.
      </Text>
      {evaluations.map((e) => (
        <View key={e.id}>
          <KeepWithNext ahead={120}>
            <Text style={styles.subheading}>{`Evaluation “${printable(e.name)}”, ${e.createdAt.slice(0, 10)}`}</Text>
          </KeepWithNext>
          {[...Object.entries(e.attributes), ...Object.entries(e.intersections)].map(([attribute, metrics]) => (
            <AttributeBlock key={attribute} attribute={attribute} metrics={metrics} evaluation={e} />
          ))}
        </View>
      ))}
    </View>
  );
}

function AttributeBlock({ attribute, metrics, evaluation }: { attribute: string; metrics: TAttributeMetrics; evaluation: TDocumentedEvaluation }) {
  const label = groupLabel(attribute);
  const failing = new Set(metrics.fourFifths.failingGroups);
  const highest = metrics.fourFifths.highestGroup;
  const failures = evaluation.judgement.failures.filter((f) => f.attribute === attribute);
  const entries = Object.entries(metrics.groups);
  const rows: TCell[][] = entries.map(([key, g]) => {
    const notes = [key === metrics.reference ? "reference" : "", g.insufficientSample ? "too few rows" : "", failing.has(key) ? "below 4/5" : ""].filter(Boolean);
    return [
      label(key),
      formatCount(g.n),
      `${formatMetric(g.selectionRate)} (${formatInterval(g.ci.selectionRate)})`,
      formatMetric(g.accuracy),
      formatMetric(g.tpr),
      formatMetric(g.fpr),
      formatMetric(g.precision),
      notes.join(", "),
    ];
  });
  const chart: TChartGroup[] = entries.map(([key, g]) => ({
    label: label(key),
    rate: g.selectionRate,
    interval: g.ci.selectionRate,
    insufficient: g.insufficientSample,
    failsFourFifths: failing.has(key),
  }));
  const highestRate = highest !== null ? metrics.groups[highest]?.selectionRate ?? null : null;
  const summary = [
    metrics.reference ? `Reference group: ${label(metrics.reference)}.` : "No reference group.",
    metrics.fourFifths.passes === null
      ? "Four-fifths screen: no group large enough."
      : metrics.fourFifths.passes
        ? `Four-fifths screen: passes (highest selection rate: ${label(highest!)}).`
        : `Four-fifths screen: fails for ${metrics.fourFifths.failingGroups.map(label).join(", ")} (highest: ${label(highest!)}).`,
    `Demographic parity ratio ${formatMetric(metrics.demographicParityRatio)}, difference ${formatMetric(metrics.demographicParityDifference)}; equal opportunity difference ${formatMetric(
      metrics.equalOpportunityDifference,
    )}; equalized odds difference ${formatMetric(metrics.equalizedOddsDifference)}.`,
  ].join(" ");
  return (
    <View style={{ marginTop: 4 }}>
      {/* Only the heading is kept whole: the summary and judgement name groups, as many as the data has. */}
      <KeepWithNext ahead={130}>
        <Text style={styles.minorHeading}>{`${isIntersection(attribute) ? "Intersection" : "Sensitive attribute"}: ${printable(attributeLabel(attribute))}`}</Text>
      </KeepWithNext>
      <Plain style={{ fontSize: 8, lineHeight: 1.3 }}>{summary}</Plain>
      <Text style={{ fontSize: 8, marginTop: 1, color: failures.length > 0 ? COLORS.fail : COLORS.pass, fontWeight: 700, lineHeight: 1.3 }}>
        {failures.length === 0 ? "Judgement: within the thresholds." : `Judgement: ${printable(failures.map(failureText).join("; "))}.`}
      </Text>
      <Table
        columns={[
          { title: "Group", width: "22%" },
          { title: "n", width: "9%", align: "right" },
          { title: "Selection rate (95% CI)", width: "21%", align: "right" },
          { title: "Accuracy", width: "9%", align: "right" },
          { title: "TPR", width: "8%", align: "right" },
          { title: "FPR", width: "8%", align: "right" },
          { title: "Precision", width: "9%", align: "right" },
          { title: "Note", width: "14%" },
        ]}
        rows={rows}
      />
      <SelectionRateChart groups={chart} fourFifthsOf={highestRate} />
    </View>
  );
}

const THRESHOLD_PURPOSES: readonly [keyof TFairnessThresholds, string, string][] = [
  ["minDemographicParityRatio", "Demographic parity ratio (minimum)", "Lowest group selection rate over the highest: the four-fifths rule of thumb for adverse impact in selection decisions."],
  ["maxDemographicParityDifference", "Demographic parity difference (maximum)", "Gap between the highest and lowest group selection rates, in absolute terms."],
  ["maxEqualOpportunityDifference", "Equal opportunity difference (maximum)", "Gap in true positive rate: whether people who merit a positive outcome get it equally across groups."],
  ["maxEqualizedOddsDifference", "Equalized odds difference (maximum)", "The larger of the gaps in true and false positive rates: errors spread equally across groups."],
  ["minGroupSize", "Minimum group size", "Smaller groups are reported with their intervals but not judged: their rates are too uncertain."],
];

export function FairnessThresholds({ evaluations }: { evaluations: readonly TDocumentedEvaluation[] }) {
  if (evaluations.length === 0) return <NotProvided note="no evaluation recorded" />;
  const latest = evaluations[0]!;
  const others = evaluations.filter((e) => JSON.stringify(e.thresholds) !== JSON.stringify(latest.thresholds));
  return (
    <View>
      <Text style={styles.note}>{`The fairness policy the latest evaluation (“${printable(latest.name)}”) was judged against, and what each measure shows:`}</Text>
      <Table
        columns={[
          { title: "Measure", width: "32%" },
          { title: "Threshold", width: "13%", align: "right" },
          { title: "Why it is measured", width: "55%" },
        ]}
        rows={THRESHOLD_PURPOSES.map(([key, name, why]) => [name, key === "minGroupSize" ? formatCount(latest.thresholds[key]) : formatMetric(latest.thresholds[key], 2), why])}
      />
      {others.map((e) => (
        <Plain key={e.id} style={styles.note}>{`“${e.name}” (${e.createdAt.slice(0, 10)}) was judged against a different policy: ${thresholdsText(e.thresholds)}.`}</Plain>
      ))}
    </View>
  );
}
