import type { TPrecondition } from "@/lib/domain/approvals/policy";

/** Where a precondition is fixed: the version's card, the model's risk tab (obligations live there) or the model's evaluations tab. */
export function preconditionHref(slug: string, version: string, link: TPrecondition["link"]): string {
  const versionPath = `/models/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version)}`;
  const hash = link.anchor ? `#${encodeURIComponent(link.anchor)}` : "";
  switch (link.tab) {
    case "card":
      return `${versionPath}/card${hash}`;
    case "evaluations":
      // The model's Evaluations tab lists every version's evaluations; the version's own URL only redirects there, and a redirect may drop the anchor.
      return `/models/${encodeURIComponent(slug)}/evaluations${hash}`;
    case "risk":
    case "obligations":
      return `/models/${encodeURIComponent(slug)}/risk${hash}`;
  }
}

export function versionApi(slug: string, version: string): string {
  return `/api/v1/models/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version)}`;
}
