import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getDb } from "@/db/instance";
import { AttributeSection } from "@/components/evaluations/attribute-section";
import { EvaluationStatus } from "@/components/evaluations/evaluation-status";
import { FailuresList } from "@/components/evaluations/failures-list";
import { attributeLabel, byName, formatCount } from "@/components/evaluations/format";
import { THRESHOLD_KEYS, THRESHOLD_INFO, thresholdText } from "@/components/evaluations/metric-info";
import { OverallMetrics } from "@/components/evaluations/overall-metrics";
import { WaivePanel } from "@/components/evaluations/waive-panel";
import { loadVersion } from "@/components/models/version-params";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { allows } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import type { TFairnessThresholds } from "@/lib/domain/fairness/thresholds";
import { evaluationOfVersion } from "@/lib/services/evaluations/queries";

type Params = { params: Promise<{ slug: string; version: string; id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(params: Params["params"]) {
  const { id } = await params;
  const detail = await loadVersion(params);
  if (!UUID.test(id)) notFound();
  const evaluation = await evaluationOfVersion(await getDb(), detail.version.id, id);
  if (!evaluation) notFound();
  return { ...detail, evaluation };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { evaluation, version } = await load(params);
  return { title: `${evaluation.name} · version ${version.version}` };
}

type Mapping = { label?: string; prediction?: string; score?: string | null; sensitive?: string[]; positive?: string; references?: Record<string, string> };

/** One evaluation: its status and provenance, why it fails, and every metric with its explanation. */
export default async function EvaluationPage({ params }: Params) {
  const actor = await requireActor("models.read");
  const { model, version, evaluation } = await load(params);
  const thresholds = evaluation.thresholds as TFairnessThresholds;
  const mapping = (evaluation.mapping ?? {}) as Mapping;
  const failures = evaluation.judgement.failures;
  const intersectionKeys = new Set(Object.keys(evaluation.intersections));
  const mayWaive = evaluation.status === "fail" && allows(actor.roles, "evaluations.waive");
  const sections = [
    ...Object.keys(evaluation.attributes).sort(byName).map((name) => ({ name, metrics: evaluation.attributes[name]!, intersection: false })),
    ...Object.keys(evaluation.intersections).sort(byName).map((name) => ({ name, metrics: evaluation.intersections[name]!, intersection: true })),
  ];

  return (
    <>
      <Link href={`/models/${model.slug}/evaluations`} className="mb-3 inline-block text-sm font-medium text-brand hover:underline">← Evaluations</Link>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-xs font-semibold uppercase tracking-wider text-accent">
            Evaluation of version <Link href={`/models/${model.slug}/versions/${encodeURIComponent(version.version)}`} className="font-mono normal-case hover:underline">{version.version}</Link>
          </p>
          <h2 className="mt-1 break-words text-xl font-semibold text-ink">{evaluation.name}</h2>
          <div className="mt-2">
            <EvaluationStatus status={evaluation.status} waiver={evaluation.waiver} />
          </div>
        </div>
      </div>

      <dl className="mb-6 grid gap-x-8 gap-y-4 rounded-lg border border-line bg-surface px-5 py-4 text-sm shadow-xs md:grid-cols-2 xl:grid-cols-4">
        <Fact label="Rows">{formatCount(evaluation.rows)}</Fact>
        <Fact label="Uploaded">
          {formatDateTime(evaluation.createdAt)}
          <span className="block text-xs text-ink-muted">by {evaluation.createdBy}{evaluation.source === "counts" ? " · counts posted by a pipeline" : " · from a predictions file"}</span>
        </Fact>
        <Fact label="Columns">
          {mapping.label ? (
            <span className="text-xs leading-5">
              true <code className="font-mono">{mapping.label}</code> · predicted <code className="font-mono">{mapping.prediction}</code>
              {mapping.score && <> · score <code className="font-mono">{mapping.score}</code></>} · positive <code className="font-mono">“{mapping.positive}”</code>
            </span>
          ) : (
            <span className="text-ink-muted">Counts posted directly</span>
          )}
        </Fact>
        <Fact label="Inference latency">{evaluation.latencyMs === null ? <span className="text-ink-muted">Not recorded</span> : `${evaluation.latencyMs} ms`}</Fact>
        <div className="md:col-span-2 xl:col-span-4">
          <dt className="text-ink-muted">Input SHA-256</dt>
          <dd className="mt-0.5 flex flex-wrap items-center gap-3">
            <code className="break-all font-mono text-xs text-ink select-all">{evaluation.inputSha256}</code>
            <CopyButton value={evaluation.inputSha256} label="Copy hash" />
          </dd>
        </div>
        <div className="md:col-span-2 xl:col-span-4">
          <dt className="text-ink-muted">Judged with these thresholds <span className="text-xs">(the policy when it was uploaded; later policy changes do not alter this result)</span></dt>
          <dd className="mt-1">
            <ul className="flex flex-wrap gap-2">
              {THRESHOLD_KEYS.map((key) => (
                <li key={key} className="rounded-md border border-line bg-canvas px-2.5 py-1 text-xs">
                  <span className="text-ink-muted">{THRESHOLD_INFO[key].label.replace(/^(Minimum|Maximum) /, "")}: </span>
                  <span className="font-medium text-ink">{thresholdText(thresholds, key)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      <div className="mb-6 space-y-4">
        {failures.length > 0 && (
          <FailuresList
            failures={failures}
            intersections={intersectionKeys}
            thresholds={thresholds}
            waived={evaluation.waiver?.active ? `Waived by ${evaluation.waiver.waivedBy} until ${formatDate(evaluation.waiver.expiresAt)}: the failures stand, and were accepted for that time.` : null}
          />
        )}
        {failures.length === 0 && (
          <p className="rounded-lg border border-green-200 bg-success-soft/50 px-5 py-3 text-sm text-success">
            Every fairness check passes for the judged groups of {sections.map((s) => attributeLabel(s.name, s.intersection)).join(", ")}. Passing the thresholds is evidence for the review, not a guarantee of fairness.
          </p>
        )}
        {mayWaive && <WaivePanel evaluationId={evaluation.id} />}
      </div>

      <section aria-labelledby="overall-heading" className="mb-8">
        <h3 id="overall-heading" className="mb-3 text-lg font-semibold">Overall performance</h3>
        <OverallMetrics overall={evaluation.overall} />
      </section>

      <div className="space-y-10">
        {sections.map((s) => (
          <AttributeSection
            key={`${s.intersection ? "i" : "a"}:${s.name}`}
            name={s.name}
            metrics={s.metrics}
            intersection={s.intersection}
            thresholds={thresholds}
            failures={failures.filter((f) => f.attribute === s.name)}
          />
        ))}
      </div>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-ink-muted">{label}</dt>
      <dd className="mt-0.5 font-medium text-ink">{children}</dd>
    </div>
  );
}
