import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uuid, bigserial } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stored lower-cased; the unique index makes "Ana@Bank.eu" and "ana@bank.eu" one account.
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
  active: boolean("active").notNull().default(true),
  // Auditor access lapses by itself after this instant (other roles are unaffected).
  auditorExpiresAt: timestamp("auditor_expires_at", { withTimezone: true }),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type TUser = typeof users.$inferSelect;

// Failed sign-ins feed the throttle; kept in PostgreSQL so every app instance sees the same count.
export const loginFailures = pgTable(
  "login_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The throttle asks "how many failures for this email / this address since T".
    index("login_failures_email_at_idx").on(t.email, t.at),
    index("login_failures_ip_at_idx").on(t.ip, t.at),
  ],
);
