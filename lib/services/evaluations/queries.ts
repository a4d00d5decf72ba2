import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { evaluations, evaluationWaivers, modelVersions, type TEvaluation, type TEvaluationWaiver } from "@/db/schema";
import type { TEvaluationMetrics } from "@/lib/domain/fairness/evaluation";
import type { TJudgement } from "@/lib/domain/fairness/judge";

export type EvaluationStatus = "pass" | "fail" | "waived";

/** A failing evaluation counts as waived while its latest waiver has not lapsed. */
export function evaluationStatus(result: string, waiver: Pick<TEvaluationWaiver, "expiresAt"> | null, now = new Date()): EvaluationStatus {
  if (result === "pass") return "pass";
  return waiver && waiver.expiresAt > now ? "waived" : "fail";
}

/** The API's evaluation JSON (issue 5's contract), with the waiver and judgement alongside. */
export function evaluationResponse(evaluation: TEvaluation, waiver: TEvaluationWaiver | null) {
  const metrics = evaluation.metrics as TEvaluationMetrics;
  return {
    id: evaluation.id,
    name: evaluation.name,
    rows: evaluation.rows,
    inputSha256: evaluation.inputSha256,
    status: evaluationStatus(evaluation.result, waiver),
    thresholds: evaluation.thresholds,
    overall: metrics.overall,
    attributes: metrics.attributes,
    intersections: metrics.intersections,
    judgement: evaluation.judgement as TJudgement,
    mapping: evaluation.mapping,
    source: evaluation.source,
    latencyMs: evaluation.latencyMs,
    createdBy: evaluation.createdByEmail,
    createdAt: evaluation.createdAt.toISOString(),
    waiver: waiver && { justification: waiver.justification, expiresAt: waiver.expiresAt.toISOString(), waivedBy: waiver.waivedByEmail, waivedAt: waiver.waivedAt.toISOString(), active: waiver.expiresAt > new Date() },
  };
}
export type EvaluationResponse = ReturnType<typeof evaluationResponse>;

async function latestWaivers(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, TEvaluationWaiver>();
  const rows = await db.select().from(evaluationWaivers).where(inArray(evaluationWaivers.evaluationId, ids)).orderBy(asc(evaluationWaivers.waivedAt));
  return new Map(rows.map((w) => [w.evaluationId, w]));
}

/** A version's evaluations, newest first. */
export async function evaluationsOfVersion(db: Db, versionId: string) {
  const rows = await db.select().from(evaluations).where(eq(evaluations.versionId, versionId)).orderBy(desc(evaluations.createdAt));
  const waivers = await latestWaivers(db, rows.map((r) => r.id));
  return rows.map((r) => evaluationResponse(r, waivers.get(r.id) ?? null));
}

/** Every evaluation of every version of a model: what the comparison view lines up. */
export async function evaluationsOfModel(db: Db, modelId: string) {
  const rows = await db
    .select({ evaluation: evaluations, version: modelVersions.version })
    .from(evaluations)
    .innerJoin(modelVersions, eq(modelVersions.id, evaluations.versionId))
    .where(eq(modelVersions.modelId, modelId))
    .orderBy(asc(modelVersions.createdAt), desc(evaluations.createdAt));
  const waivers = await latestWaivers(db, rows.map((r) => r.evaluation.id));
  return rows.map((r) => ({ version: r.version, ...evaluationResponse(r.evaluation, waivers.get(r.evaluation.id) ?? null) }));
}

export async function evaluationOfVersion(db: Db, versionId: string, evaluationId: string) {
  const [row] = await db.select().from(evaluations).where(and(eq(evaluations.versionId, versionId), eq(evaluations.id, evaluationId)));
  if (!row) return null;
  const waivers = await latestWaivers(db, [row.id]);
  return evaluationResponse(row, waivers.get(row.id) ?? null);
}
