import type { Db } from "@/db/client";
import type { Actor, RequestMeta } from "@/lib/auth/actor";
import { allows, type Permission } from "@/lib/auth/permissions";
import { Forbidden } from "./errors";

export type ServiceContext = { db: Db; actor: Actor; request: RequestMeta };

/** The first line of every verb: does this actor hold the permission (and its token the scope)? */
export function authorize(ctx: ServiceContext, permission: Permission): void {
  const { actor } = ctx;
  if (actor.kind === "system") return;
  if (actor.kind === "anonymous") throw new Forbidden();
  if (!allows(actor.roles, permission, actor.token?.scopes)) throw new Forbidden();
}

/** Runs the change and its audit event in one transaction: if either fails, neither happened. */
export function withTransaction<T>(ctx: ServiceContext, fn: (tx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn(tx as unknown as Db));
}

export const NO_REQUEST: RequestMeta = { requestId: null, ip: null, userAgent: null };
