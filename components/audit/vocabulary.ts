import { ZAuditEventInputSchema } from "@/lib/domain/audit-events";

/** Every entity type an audit event can name, read from the event schemas so none is forgotten. */
export const AUDIT_ENTITY_TYPES = [...new Set(ZAuditEventInputSchema.options.map((o) => o.shape.entityType.value))];

const LABELS: Record<string, string> = {
  user: "User",
  api_token: "API token",
  audit_log: "Audit log",
  model: "Model",
  model_version: "Model version",
};

export function entityTypeLabel(type: string): string {
  return LABELS[type] ?? type.replace(/_/g, " ");
}

/** Stored data that no longer parses as its action's schema is an error to show, not to hide. */
export function matchesEventSchema(event: { action: string; entityType: string; entityId: string | null; data: unknown }): boolean {
  return ZAuditEventInputSchema.safeParse({ action: event.action, entityType: event.entityType, entityId: event.entityId, data: event.data }).success;
}
