import Link from "next/link";
import { RiskTierBadge } from "@/components/models/risk-tier-badge";
import { StageBadge } from "@/components/models/stage-badge";
import { formatDateTime } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";

export type DocumentableVersion = { slug: string; name: string; riskTier: string | null; version: string; stage: string; lastIssuedAt: Date | null };

const documentationUrl = (v: DocumentableVersion) => `/api/v1/models/${encodeURIComponent(v.slug)}/versions/${encodeURIComponent(v.version)}/documentation.pdf`;

/** Every model version with a download of its Annex IV technical documentation, issued on request. */
export function DocumentationTable({ versions }: { versions: DocumentableVersion[] }) {
  return (
    <Table caption="Model versions and their technical documentation">
      <thead>
        <tr>
          <Th>Model</Th>
          <Th>Version</Th>
          <Th>Stage</Th>
          <Th>Risk tier</Th>
          <Th>Last issued</Th>
          <Th><span className="sr-only">Download</span></Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {versions.map((v) => (
          <tr key={`${v.slug}/${v.version}`}>
            <Td>
              <Link href={`/models/${v.slug}`} className="font-medium text-brand hover:underline">{v.name}</Link>
              <div className="font-mono text-xs text-ink-muted">{v.slug}</div>
            </Td>
            <Td>
              <Link href={`/models/${v.slug}/versions/${encodeURIComponent(v.version)}`} className="font-mono hover:underline">{v.version}</Link>
            </Td>
            <Td><StageBadge stage={v.stage} /></Td>
            <Td><RiskTierBadge tier={v.riskTier} /></Td>
            <Td className="whitespace-nowrap text-ink-muted">{v.lastIssuedAt ? formatDateTime(v.lastIssuedAt) : "Never"}</Td>
            <Td className="text-right">
              <a href={documentationUrl(v)} download className="whitespace-nowrap font-medium text-brand hover:underline" aria-label={`Download the technical documentation of ${v.name} version ${v.version} (PDF)`}>
                Download PDF
              </a>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
