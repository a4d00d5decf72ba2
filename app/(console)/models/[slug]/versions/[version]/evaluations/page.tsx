import { redirect } from "next/navigation";

type Params = { params: Promise<{ slug: string; version: string }> };

/** A version's evaluations are listed, with the other versions', on the model's Evaluations tab. */
export default async function VersionEvaluationsPage({ params }: Params) {
  const { slug } = await params;
  redirect(`/models/${encodeURIComponent(slug)}/evaluations`);
}
