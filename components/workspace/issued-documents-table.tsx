import Link from "next/link";
import { DOCUMENT_KIND_LABELS } from "@/components/documents/document-kinds";
import { formatDateTime } from "@/components/ui/format";
import { Table, Td, Th } from "@/components/ui/table";

export type IssuedDocumentRow = { documentId: string; kind: string; model: string | null; version: string | null; sha256: string; issuedAt: string; issuedBy: string; auditSeq: number };

/** The register of issued documents, newest first: each can be checked on the verify page. */
export function IssuedDocumentsTable({ documents }: { documents: IssuedDocumentRow[] }) {
  return (
    <Table caption="Documents issued by Attest, newest first">
      <thead>
        <tr>
          <Th>Document</Th>
          <Th>Kind</Th>
          <Th>For</Th>
          <Th>SHA-256</Th>
          <Th>Issued by</Th>
          <Th>Issued</Th>
          <Th><span className="sr-only">Verify</span></Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-line">
        {documents.map((d) => (
          <tr key={d.documentId}>
            <Td className="whitespace-nowrap font-mono">{d.documentId}</Td>
            <Td>{DOCUMENT_KIND_LABELS[d.kind] ?? d.kind}</Td>
            <Td>{d.model ? <span className="font-mono">{d.version ? `${d.model} ${d.version}` : d.model}</span> : <span className="text-ink-muted">All models</span>}</Td>
            <Td>
              <code className="font-mono text-xs" title={d.sha256}>{`${d.sha256.slice(0, 16)}…`}</code>
            </Td>
            <Td className="break-all">{d.issuedBy}</Td>
            <Td className="whitespace-nowrap">
              <Link href={`/audit/${d.auditSeq}`} className="hover:underline" title={`Audit event #${d.auditSeq}`}>{formatDateTime(d.issuedAt)}</Link>
            </Td>
            <Td className="text-right">
              <Link href={`/documents/verify?sha256=${d.sha256}`} className="font-medium text-brand hover:underline" aria-label={`Verify document ${d.documentId}`}>Verify</Link>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
