import { canTransition, type TLifecycleEvent, type TLifecycleStage } from "@/lib/domain/approvals/lifecycle";
import type { TPrecondition } from "@/lib/domain/approvals/policy";
import { Conflict, InvalidInput, Unprocessable } from "../errors";

/**
 * The stage an event leads to, or the refusal as a typed error: unmet preconditions are a 422
 * listing each (code, message, link) for the submitter's checklist; a missing environment or
 * reason is a 400 on that field; everything else (wrong stage, retired, overdue) is a 409.
 */
export function transitionOrThrow(stage: string, event: TLifecycleEvent, unmet: readonly TPrecondition[] = []): TLifecycleStage {
  const transition = canTransition(stage as TLifecycleStage, event);
  if (transition.ok) return transition.next;
  switch (transition.code) {
    case "preconditions_unmet":
      throw new Unprocessable(transition.message, { code: transition.code, preconditions: unmet });
    case "environment_required":
      throw new InvalidInput("Some fields need attention.", { fields: { environment: transition.message } });
    case "reason_required":
      throw new InvalidInput("Some fields need attention.", { fields: { reason: transition.message } });
    default:
      throw new Conflict(transition.message, { code: transition.code });
  }
}
