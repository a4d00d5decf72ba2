import { count } from "drizzle-orm";
import type { Db } from "./client";
import { users } from "./schema";
import type { ServiceContext } from "@/lib/services/context";
import { NO_REQUEST } from "@/lib/services/context";
import { createUser } from "@/lib/services/users/create-user";
import { createModel } from "@/lib/services/models/create-model";
import { createModelVersion } from "@/lib/services/models/create-version";
import type { Role } from "@/lib/auth/permissions";

/** The demo organisation's accounts; the README lists the same logins. */
export const DEMO_USERS: { email: string; name: string; roles: Role[]; password: string }[] = [
  { email: "admin@attest.demo", name: "Ada Admin", roles: ["admin"], password: "attest-admin-demo" },
  { email: "owner@attest.demo", name: "Omar Owner", roles: ["model_owner"], password: "attest-owner-demo" },
  { email: "officer@attest.demo", name: "Chloé Compliance", roles: ["compliance_officer"], password: "attest-officer-demo" },
  { email: "auditor@attest.demo", name: "Aurelio Auditor", roles: ["auditor"], password: "attest-auditor-demo" },
];

const DEMO_MODELS = [
  {
    name: "Retail credit scoring",
    purpose: "Scores consumer loan applications for creditworthiness; decisions above €5,000 go to an underwriter.",
    businessUnit: "Retail Lending",
    tags: ["credit", "tabular", "gradient-boosting"],
    riskTier: "high" as const,
    versions: [{ version: "2.3.0", framework: "xgboost 2.1", artifactUri: "s3://models/credit-scoring/2.3.0/model.ubj" }],
  },
  {
    name: "CV screening assistant",
    purpose: "Ranks applications for graduate roles so recruiters read the most relevant CVs first.",
    businessUnit: "People & HR",
    tags: ["recruitment", "nlp"],
    riskTier: "high" as const,
    versions: [{ version: "1.0.0", framework: "transformers 4.46", artifactUri: "mlflow:/models/cv-ranker/7" }],
  },
  {
    name: "Customer service assistant",
    purpose: "Answers customers' questions about accounts and cards in the mobile app chat, handing over to staff on request.",
    businessUnit: "Digital Channels",
    tags: ["chatbot", "llm"],
    riskTier: "limited" as const,
    versions: [{ version: "0.9.2", framework: "vLLM 0.6", artifactUri: "registry.internal/assist:0.9.2" }],
  },
  {
    name: "Card fraud detection",
    purpose: "Flags card transactions likely to be fraudulent for review by the fraud operations team.",
    businessUnit: "Financial Crime",
    tags: ["fraud", "streaming"],
    riskTier: "minimal" as const,
    versions: [
      { version: "4.1.0", framework: "lightgbm 4.5", artifactUri: "s3://models/fraud/4.1.0/model.txt" },
      { version: "4.2.0", framework: "lightgbm 4.5", artifactUri: "s3://models/fraud/4.2.0/model.txt" },
    ],
  },
  {
    name: "Branch cash demand forecast",
    purpose: "Forecasts daily cash demand per branch to plan deliveries.",
    businessUnit: "Operations",
    tags: ["forecasting", "time-series"],
    riskTier: null,
    versions: [{ version: "1.4.0", framework: "prophet 1.1", artifactUri: "s3://models/cash-forecast/1.4.0" }],
  },
];

/** Seeds the demo organisation into an empty database. Returns the logins it created, or null. */
export async function seedDemo(db: Db): Promise<typeof DEMO_USERS | null> {
  const [row] = await db.select({ n: count() }).from(users);
  if (Number(row?.n ?? 0) > 0) return null;
  const ctx: ServiceContext = { db, actor: { kind: "system", name: "seed" }, request: NO_REQUEST };
  for (const user of DEMO_USERS) await createUser(ctx, user, "seed");
  const owner = DEMO_USERS.find((u) => u.roles.includes("model_owner"))!;
  for (const { versions, ...model } of DEMO_MODELS) {
    const created = await createModel(ctx, { ...model, ownerEmail: owner.email });
    for (const version of versions) await createModelVersion(ctx, { slug: created.slug, ...version });
  }
  return DEMO_USERS;
}
