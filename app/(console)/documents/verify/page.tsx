import type { Metadata } from "next";
import { VerifyDocumentForm } from "@/components/documents/verify-document-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Verify a document" };

export default async function VerifyDocumentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireActor("reports.read");
  // The register of issued documents links here with the hash to check filled in.
  const { sha256 } = await searchParams;
  const initialHash = typeof sha256 === "string" && /^[0-9a-fA-F]{64}$/.test(sha256) ? sha256.toLowerCase() : "";
  return (
    <>
      <PageHeader
        eyebrow="Evidence"
        title="Verify a document"
        description="Check whether Attest issued exactly this PDF: when, by whom and for what. Every technical documentation and portfolio report Attest issues is recorded by the SHA-256 of its bytes."
      />
      <Card className="p-5">
        <VerifyDocumentForm initialHash={initialHash} />
      </Card>
      <p className="mt-4 text-sm text-ink-muted">
        Pipelines and scripts can ask the same question: <code className="font-mono">GET /api/v1/documents/verify?sha256=…</code> (scope reports:read) answers 200 with the record or 404.
      </p>
    </>
  );
}
