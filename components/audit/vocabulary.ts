import { ZAuditEventInputSchema } from "@/lib/domain/audit-events";

/** Every entity type an audit event can name, read from the event schemas so none is forgotten. */
export const AUDIT_ENTITY_TYPES = [...new Set(ZAuditEventInputSchema.options.map((o) => o.shape.entityType.value))];

// Only what sentence case of the type's words would get wrong.
const LABELS: Record<string, string> = { api_token: "API token" };

/** "model_version" → "Model version": every type in the same sentence case in lists and filters. */
export function entityTypeLabel(type: string): string {
  const words = type.replace(/_/g, " ");
  return LABELS[type] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/** Stored data that no longer parses as its action's schema is an error to show, not to hide. */
export function matchesEventSchema(event: { action: string; entityType: string; entityId: string | null; data: unknown }): boolean {
  return ZAuditEventInputSchema.safeParse({ action: event.action, entityType: event.entityType, entityId: event.entityId, data: event.data }).success;
}
