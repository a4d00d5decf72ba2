import { eq } from "drizzle-orm";
import { z } from "zod";
import { deployments, modelVersions } from "@/db/schema";
import { actorEmail } from "@/lib/auth/actor";
import { authorize, withTransaction, type ServiceContext } from "../context";
import { Conflict } from "../errors";
import { auditOnCommit } from "../audit/emit";
import { parseInput } from "../parse";
import { assertCanEditModel } from "../models/access";
import { loadModelVersion } from "../models/load";
import { gateOfVersion } from "./gate";
import { transitionOrThrow } from "./refusals";

export const DEPLOYMENT_STRATEGIES = ["direct", "canary", "blue-green", "shadow"] as const;

const ZDeploySchema = z.object({
  slug: z.string(),
  version: z.string(),
  environment: z.string().trim().min(1, "Name the environment the version is deployed to.").max(200, "An environment name has at most 200 characters."),
  strategy: z.enum(DEPLOYMENT_STRATEGIES, { message: `A strategy is one of ${DEPLOYMENT_STRATEGIES.join(", ")}.` }).default("direct"),
});

/**
 * Records a deployment by the model's owner or a maintainer, or a pipeline acting with their
 * token. Refused with 409 and the gate's reasons when the gate says no.
 */
export async function deployVersion(ctx: ServiceContext, input: z.input<typeof ZDeploySchema>) {
  authorize(ctx, "deployments.write");
  const data = parseInput(ZDeploySchema, input);
  return withTransaction(ctx, async (tx) => {
    const { model, version } = await loadModelVersion(tx, data.slug, data.version, { lock: true });
    await assertCanEditModel(tx, ctx, model);
    const gate = await gateOfVersion(tx, model, version);
    if (!gate.deployable) throw new Conflict(`Version ${version.version} may not be deployed. ${gate.reasons.map((r) => r.message).join(" ")}`, { gate });
    const stage = transitionOrThrow(version.stage, { type: "deploy", environment: data.environment, reviewOverdue: false });
    const tokenId = ctx.actor.kind === "user" ? (ctx.actor.token?.id ?? null) : null;
    const [deployment] = await tx
      .insert(deployments)
      .values({
        versionId: version.id,
        environment: data.environment,
        strategy: data.strategy,
        deployedBy: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        deployedByEmail: actorEmail(ctx.actor),
        tokenId,
        dossierHash: gate.dossierHash,
      })
      .returning();
    if (stage !== version.stage) await tx.update(modelVersions).set({ stage }).where(eq(modelVersions.id, version.id));
    await auditOnCommit(tx, ctx, {
      action: "version.deployed",
      entityType: "model_version",
      entityId: version.id,
      data: { slug: model.slug, version: version.version, deploymentId: deployment!.id, environment: data.environment, strategy: data.strategy, tokenId, dossierHash: gate.dossierHash, stageBefore: version.stage },
    });
    return { deployment: deployment!, stage };
  });
}
