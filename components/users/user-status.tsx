import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import type { UserSummary } from "@/lib/services/users/queries";

/** Whether the account works today, and when auditor access lapses by itself. */
export function UserStatus({ user, now }: { user: UserSummary; now: Date }) {
  const expiry = user.roles.includes("auditor") ? user.auditorExpiresAt : null;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {user.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}
      {user.active && user.mustChangePassword && <Badge tone="warning">One-time password</Badge>}
      {expiry &&
        (expiry <= now ? (
          <Badge tone="warning">Auditor access expired {formatDate(expiry)}</Badge>
        ) : (
          <span className="text-xs text-ink-muted">Auditor access expires {formatDate(expiry)}</span>
        ))}
    </div>
  );
}
