import { notFound } from "next/navigation";
import { getDb } from "@/db/instance";
import { versionDetail } from "@/lib/services/models/queries";

export type VersionParams = { params: Promise<{ slug: string; version: string }> };

/** The version a /models/[slug]/versions/[version] page is about, or the version-not-found page. */
export async function loadVersion(params: VersionParams["params"]) {
  const { slug, version } = await params;
  const detail = await versionDetail(await getDb(), slug, decodeURIComponent(version));
  if (!detail) notFound();
  const path = `/models/${detail.model.slug}/versions/${encodeURIComponent(detail.version.version)}`;
  return { ...detail, path, cardApi: `/api/v1${path}/card` };
}
