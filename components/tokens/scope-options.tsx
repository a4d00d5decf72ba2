import type { CheckboxOption } from "@/components/ui/checkbox-group";
import { PERMISSIONS, SCOPES } from "@/lib/auth/permissions";

/** What each scope lets a token do, read from the permissions table so it cannot drift. */
export const SCOPE_OPTIONS: CheckboxOption[] = SCOPES.map((scope) => ({
  value: scope,
  label: <span className="font-mono">{scope}</span>,
  description: Object.values(PERMISSIONS)
    .filter((rule) => rule.scope === scope)
    .map((rule) => `${rule.description}.`)
    .join(" "),
}));
