import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { toCycloneDx } from "@/lib/domain/interchange/cyclonedx";
import { toHuggingFaceCard } from "@/lib/domain/interchange/huggingface";
import { ZModelCardSchema } from "@/lib/domain/model-card/schema";
import type { TModelCard } from "@/lib/domain/model-card/template";
import { InvalidInput } from "../errors";
import type { versionDetail } from "../models/queries";

type VersionDetail = NonNullable<Awaited<ReturnType<typeof versionDetail>>>;

export const CARD_EXPORT_FORMATS = ["huggingface", "cyclonedx"] as const;

/**
 * The card of a version in an interchange format, as a download. Evaluation results join these
 * exports once evaluations exist for the version (the evaluations issue); until then the
 * model-index and quantitative analysis carry only what the card says.
 */
export async function cardExport(_db: Db, detail: VersionDetail, format: string): Promise<Response> {
  const { model, version, datasets } = detail;
  const card = ZModelCardSchema.parse(detail.card?.content ?? {}) as TModelCard;
  const refs = datasets.map((d) => ({ role: d.role, name: d.name, version: d.datasetVersion, uri: d.uri, contentHash: d.contentHash }));
  const base = `${model.slug}-${version.version}`;
  if (format === "huggingface") {
    const markdown = toHuggingFaceCard({ card, model, version, datasets: refs, latestEvaluation: null });
    return new Response(markdown, { headers: { "Content-Type": "text/markdown; charset=utf-8", "Content-Disposition": `attachment; filename="${base}-README.md"`, "Cache-Control": "no-store" } });
  }
  if (format === "cyclonedx") {
    const bom = toCycloneDx({ card, model, version, datasets: refs, evaluations: [], serialNumber: `urn:uuid:${randomUUID()}`, timestamp: new Date() });
    return new Response(JSON.stringify(bom, null, 2), {
      headers: { "Content-Type": "application/vnd.cyclonedx+json; charset=utf-8; version=1.6", "Content-Disposition": `attachment; filename="${base}.cdx.json"`, "Cache-Control": "no-store" },
    });
  }
  throw new InvalidInput(`Unknown export format “${format}”.`, { fields: { format: `Use one of ${CARD_EXPORT_FORMATS.join(", ")}.` } });
}
