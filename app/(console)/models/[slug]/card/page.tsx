import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentModel } from "@/components/models/current-model";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireActor } from "@/lib/auth/session";

export const metadata = { title: "Model card" };

/** The Model card tab opens the latest version's card: a card belongs to a version. */
export default async function ModelCardTab({ params }: { params: Promise<{ slug: string }> }) {
  await requireActor("models.read");
  const model = await currentModel((await params).slug);
  if (!model) notFound();
  const latest = model.versions.at(-1);
  if (latest) redirect(`/models/${model.slug}/versions/${encodeURIComponent(latest.version)}/card`);
  return (
    <EmptyState title="No model card yet" action={<Link href={`/models/${model.slug}`} className={buttonClass("secondary", "sm")}>Go to the versions</Link>}>
      A model card documents one version of the model. Once the first version is added on the Overview tab, its card opens here.
    </EmptyState>
  );
}
