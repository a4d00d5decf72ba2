import type { CheckboxOption } from "@/components/ui/checkbox-group";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/permissions";

const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Accounts, roles and API tokens; does not approve models.",
  model_owner: "Registers models and versions, fills model cards.",
  compliance_officer: "Classifies risk, reviews and approves.",
  auditor: "Reads everything and the audit log; can be time-limited.",
};

export const ROLE_OPTIONS: CheckboxOption[] = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], description: ROLE_DESCRIPTIONS[role] }));

/** A date input's day, as the instant access ends: the close of that day in UTC. */
export function endOfDayUtc(day: string): string {
  return `${day}T23:59:59.999Z`;
}
