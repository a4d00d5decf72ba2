import type { Role } from "../../lib/auth/permissions";

/** The demo logins the seed creates (db/seed.ts); the README lists the same. */
export const DEMO: Record<Role, { email: string; password: string }> = {
  admin: { email: "admin@attest.demo", password: "attest-admin-demo" },
  model_owner: { email: "owner@attest.demo", password: "attest-owner-demo" },
  compliance_officer: { email: "officer@attest.demo", password: "attest-officer-demo" },
  auditor: { email: "auditor@attest.demo", password: "attest-auditor-demo" },
};

export const storageStatePath = (role: Role) => `e2e/.auth/${role}.json`;
