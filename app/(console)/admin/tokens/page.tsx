import type { Metadata } from "next";
import { headers } from "next/headers";
import { getDb } from "@/db/instance";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireActor } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/services/tokens/queries";
import { listUsers } from "@/lib/services/users/queries";

export const metadata: Metadata = { title: "API tokens" };

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];

function tokenStatus(token: Token, now: Date) {
  if (token.revokedAt) return <Badge tone="danger">Revoked {formatDate(token.revokedAt)}</Badge>;
  if (token.expiresAt && token.expiresAt <= now) return <Badge tone="warning">Expired</Badge>;
  return <Badge tone="success">Active</Badge>;
}

export default async function TokensPage() {
  await requireActor("tokens.manage");
  const db = await getDb();
  const [tokens, users] = await Promise.all([listApiTokens(db), listUsers(db)]);
  const owners = users.filter((u) => u.active).map(({ email, name }) => ({ email, name }));
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  const now = new Date();

  return (
    <>
      <PageHeader
        eyebrow="Administration"
        title="API tokens"
        description="Tokens let pipelines call the Attest API. Each acts as its owner, limited to its scopes; the secret is shown once, when the token is created."
      />
      <Disclosure summary="New token" hint="Issue a token for a pipeline">
        <CreateTokenForm owners={owners} />
      </Disclosure>
      {tokens.length === 0 ? (
        <EmptyState title="No API tokens yet">
          Issue one token per pipeline that calls Attest, for example the CI job that registers model versions. Open “New token” above to create the first.
        </EmptyState>
      ) : (
        <Table caption="API tokens, newest first">
          <thead>
            <tr>
              <Th>Token</Th>
              <Th>Owner</Th>
              <Th>Scopes</Th>
              <Th>Created</Th>
              <Th>Expires</Th>
              <Th className="whitespace-nowrap">Last used</Th>
              <Th>Status</Th>
              <Th><span className="sr-only">Actions</span></Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-line">
            {tokens.map((token) => (
              <tr key={token.id}>
                <Td className="max-w-56">
                  <p className="truncate font-medium" title={token.name}>{token.name}</p>
                  <p className="font-mono text-xs text-ink-muted">{token.prefix}…</p>
                </Td>
                <Td className="max-w-56 truncate" title={token.ownerEmail}>{token.ownerEmail}</Td>
                <Td>
                  <ul className="flex max-w-64 flex-wrap gap-1">
                    {token.scopes.map((scope) => (
                      <li key={scope}><Badge tone="brand" className="font-mono">{scope}</Badge></li>
                    ))}
                  </ul>
                </Td>
                <Td className="whitespace-nowrap">
                  <p>{formatDate(token.createdAt)}</p>
                  <p className="text-xs text-ink-muted">by {token.createdBy}</p>
                </Td>
                <Td className="whitespace-nowrap">{token.expiresAt ? formatDate(token.expiresAt) : <span className="text-ink-muted">Never</span>}</Td>
                <Td className="whitespace-nowrap">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : <span className="text-ink-muted">Not yet</span>}</Td>
                <Td>{tokenStatus(token, now)}</Td>
                <Td className="text-right">{!token.revokedAt && <RevokeTokenButton tokenId={token.id} tokenName={token.name} />}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <section aria-labelledby="use-heading" className="mt-6 rounded-lg border border-line bg-surface px-5 py-4 shadow-xs">
        <h2 id="use-heading" className="text-sm font-semibold">Use it</h2>
        <p className="mt-0.5 text-sm text-ink-muted">Send the secret as a bearer token. Tokens cannot use the admin pages or change passwords.</p>
        <pre className="mt-3 overflow-x-auto rounded-md bg-ink px-3 py-2 font-mono text-xs text-white">{`curl -H "Authorization: Bearer att_…" ${origin}/api/v1/models`}</pre>
      </section>
    </>
  );
}
