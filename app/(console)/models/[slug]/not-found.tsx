"use client";

import { useParams } from "next/navigation";
import { NotFoundPanel } from "@/components/ui/not-found-panel";

// Rendered inside the model's layout: the model exists, the version or revision asked for does not.
export default function VersionNotFound() {
  const { slug } = useParams<{ slug: string }>();
  return (
    <NotFoundPanel title="This model has no such version" backHref={`/models/${slug}`} backLabel="Back to the model's versions">
      Check the version label in the address. The Overview tab lists every version of this model.
    </NotFoundPanel>
  );
}
