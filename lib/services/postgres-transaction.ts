import type { SQL } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import type { PgDialect } from "drizzle-orm/pg-core";
import { DatabaseError, type Pool, type PoolClient } from "pg";
import { queryRows, type Db } from "@/db/client";
import { OutcomeUnknown } from "./errors";

/*
 * A transaction on PostgreSQL whose last statement can travel with its COMMIT in one round trip.
 * drizzle's db.transaction sends COMMIT on its own after the callback returns, so the audit head
 * row, locked by the append, would stay locked while the append's result travels to the app and
 * the COMMIT travels back: with many writers, that round trip (the app and the database sharing
 * two cores) is most of the time the lock is held. Here the transaction runs on a connection of
 * the pool wrapped in drizzle's own transaction object, and ends with one simple-protocol query:
 * the final statement, its parameters inlined as escaped literals, then COMMIT.
 */

/** The root database's drizzle internals a transaction object is built from (drizzle-orm 0.45). */
type TRootSession = { session: { client: Pool; dialect: PgDialect; schema: ConstructorParameters<typeof NodePgSession>[2]; options: ConstructorParameters<typeof NodePgSession>[3] } };

export type TFinalStatement = { query: SQL; check: (row: Record<string, unknown> | undefined) => void };

/** The statement as text, its parameters (strings or nulls) as escaped literals; null if one cannot be inlined. */
function inline(dialect: PgDialect, client: PoolClient, query: SQL): string | null {
  const { sql: text, params } = dialect.sqlToQuery(query);
  // A simple query is a C string: a NUL would end it early. Such a value goes as a parameter.
  if (params.some((p) => (p !== null && typeof p !== "string") || (typeof p === "string" && p.includes("\u0000")))) return null;
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1] as string | null;
    return value === null ? "NULL" : client.escapeLiteral(value);
  });
}

/**
 * Did a query fail because the session ended (a reset socket, the server ending the connection
 * or failing) rather than on its own? By SQLSTATE class, not by severity: the severity text is
 * translated when the server's lc_messages is not English.
 */
function connectionLost(error: unknown): boolean {
  if (!(error instanceof DatabaseError)) return true;
  return /^(08|57P|58|XX)/.test(error.code ?? "");
}

/**
 * Runs `body` in a transaction (BEGIN and `setup` in one round trip), then sends `final()`'s
 * statement, if any, with the COMMIT: the statement itself must check what has to hold before the
 * COMMIT runs (`check` reads its row only when it cannot be inlined and runs on its own first).
 * A database error anywhere means nothing was committed; a
 * connection lost during the final round trip leaves the outcome unknown, and the caller is told so.
 */
export async function postgresTransaction<T>(db: Db, setup: string, body: (tx: Db) => Promise<T>, final: (tx: Db) => TFinalStatement | null): Promise<T> {
  const { client: pool, dialect, schema, options } = (db as unknown as TRootSession).session;
  if (typeof pool?.connect !== "function" || !dialect) throw new Error("drizzle-orm's PostgreSQL session no longer has the shape postgres-transaction.ts expects (drizzle-orm 0.45)");
  const client = await pool.connect();
  const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, schema, options), schema) as unknown as Db;
  // A connection that failed mid-transaction goes back to the pool only to be closed. A checked-out
  // client has no error listener of the pool's: a session ended by the server while idle in this
  // transaction would otherwise be an unhandled 'error' event, which ends the process.
  let discard: Error | undefined;
  const onError = (error: Error) => (discard = error);
  client.on("error", onError);
  const abandon = async (error: unknown) => {
    await client.query("ROLLBACK").catch((e: Error) => (discard = e));
    return error;
  };
  try {
    let result: T;
    let text: string | null = null;
    try {
      // The final statement is sent with its values as literals: they must be read as UTF-8, the
      // encoding they are escaped in, whatever the role's or database's default client_encoding.
      await client.query(`BEGIN; SET LOCAL client_encoding = 'UTF8'; ${setup}`);
      result = await body(tx);
      const last = final(tx);
      text = last && inline(dialect, client, last.query);
      if (last && text === null) last.check((await queryRows<Record<string, unknown>>(tx, last.query))[0]);
    } catch (error) {
      throw await abandon(error);
    }
    // The server ended the session while the verb worked: no COMMIT was sent, nothing changed.
    if (discard) throw discard;
    try {
      await client.query(text ? `${text}; COMMIT` : "COMMIT");
    } catch (error) {
      if (!connectionLost(error)) throw await abandon(error);
      discard = error as Error;
      throw new OutcomeUnknown("The connection to the database was lost while the change was being committed: it may or may not have taken effect. Check before trying again.");
    }
    return result;
  } finally {
    client.removeListener("error", onError);
    client.release(discard);
  }
}
