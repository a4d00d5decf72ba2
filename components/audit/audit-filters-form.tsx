import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { AUDIT_ACTIONS, AUDIT_ACTION_LABELS } from "@/lib/domain/audit-events";
import { AUDIT_ENTITY_TYPES, entityTypeLabel } from "./vocabulary";

export type AuditFilterValues = Partial<Record<"actor" | "action" | "entityType" | "entityId" | "from" | "to", string>>;

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFiltersForm({ values, errors }: { values: AuditFilterValues; errors: AuditFilterValues }) {
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter the audit log" className="rounded-lg border border-line bg-surface p-5 shadow-xs">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="actor" label="Actor email" error={errors.actor}>
          <TextInput id="actor" type="email" defaultValue={values.actor} placeholder="name@bank.eu" error={errors.actor} />
        </Field>
        <Field id="action" label="Action" error={errors.action}>
          <Select id="action" defaultValue={values.action ?? ""} error={errors.action}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>{AUDIT_ACTION_LABELS[action]}</option>
            ))}
          </Select>
        </Field>
        <Field id="entityType" label="Entity type" error={errors.entityType}>
          <Select id="entityType" defaultValue={values.entityType ?? ""} error={errors.entityType}>
            <option value="">All entity types</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>{entityTypeLabel(type)}</option>
            ))}
          </Select>
        </Field>
        <Field id="entityId" label="Entity id" error={errors.entityId}>
          <TextInput id="entityId" defaultValue={values.entityId} className="font-mono" error={errors.entityId} />
        </Field>
        <Field id="from" label="From (UTC)" error={errors.from}>
          <TextInput id="from" type="datetime-local" defaultValue={values.from} error={errors.from} />
        </Field>
        <Field id="to" label="To (UTC)" error={errors.to}>
          <TextInput id="to" type="datetime-local" defaultValue={values.to} error={errors.to} />
        </Field>
      </div>
      <div className="mt-5 flex items-center gap-3">
        <button type="submit" className={buttonClass("primary")}>Apply filters</button>
        <Link href="/audit" className={buttonClass("ghost")}>Clear filters</Link>
      </div>
    </form>
  );
}
