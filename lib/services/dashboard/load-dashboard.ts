import type { Db } from "@/db/client";
import { allows, type Role } from "@/lib/auth/permissions";
import { auditHeadState, listAuditEvents } from "../audit/queries";
import { classificationsAwaitingOfficers } from "../risk/queries";
import {
  completenessDistribution,
  decisionsPerWeek,
  draftReadiness,
  evaluationResults,
  modelsByTier,
  newSince,
  officerTasks,
  overdueReviewsByTier,
  ownerTasks,
  portfolioTotals,
  previousSignIn,
  timeToDecision,
  versionsByStage,
} from "./queries";

/** How far back an auditor's "new since" reaches when they have not signed in before. */
export const NEWS_WINDOW_DAYS = 30;

/**
 * Everything the dashboard shows this user, as the page issues it: the portfolio charts for
 * everyone, then the task lists their roles call for (each null when the role has none), all at
 * once. bench:dashboard times this same function for each role.
 */
export async function loadDashboard(db: Db, actor: { userId: string; email: string; roles: readonly Role[] }, now = new Date()) {
  const owns = allows(actor.roles, "models.write");
  const readsAudit = allows(actor.roles, "audit.read");
  const isAuditor = actor.roles.includes("auditor");
  const [portfolio, tasks] = await Promise.all([
    Promise.all([
      portfolioTotals(db),
      modelsByTier(db),
      versionsByStage(db),
      completenessDistribution(db),
      evaluationResults(db, now),
      decisionsPerWeek(db, now),
      timeToDecision(db, now),
      overdueReviewsByTier(db, now),
    ]),
    Promise.all([
      allows(actor.roles, "risk.decide") ? classificationsAwaitingOfficers(db) : null,
      allows(actor.roles, "reviews.decide") ? officerTasks(db, now) : null,
      owns ? ownerTasks(db, actor.userId, now) : null,
      owns ? draftReadiness(db, actor.userId) : null,
      readsAudit ? listAuditEvents(db, {}, { limit: 8 }).then((r) => r.events) : [],
      readsAudit ? auditHeadState(db) : null,
      isAuditor ? previousSignIn(db, actor.email) : null,
    ]),
  ]);
  const [totals, tiers, stages, bands, evaluations, weeks, decisionTime, overdue] = portfolio;
  const [classificationTasks, officer, owner, drafts, recent, head, lastVisit] = tasks;
  const since = lastVisit ?? new Date(now.getTime() - NEWS_WINDOW_DAYS * 86_400_000);
  const news = isAuditor ? await newSince(db, since) : null;
  return { totals, tiers, stages, bands, evaluations, weeks, decisionTime, overdue, classificationTasks, officer, owner, drafts, recent, head, lastVisit, since, news };
}
