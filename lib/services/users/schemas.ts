import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { ZEmailSchema } from "@/lib/domain/email";

// Input is any list of strings (from a form, the API or the command line); output is roles.
export const ZRolesSchema = z
  .array(z.string())
  .min(1, "Choose at least one role.")
  .pipe(z.array(z.enum(ROLES, { message: `A role is one of ${ROLES.join(", ")}.` })))
  .transform((roles) => [...new Set(roles)].sort());

export const ZCreateUserSchema = z.object({
  email: ZEmailSchema,
  name: z.string().trim().min(1, "Enter the person's name.").max(120, "A name has at most 120 characters."),
  roles: ZRolesSchema,
  auditorExpiresAt: z.coerce.date().nullable().optional(),
  // Omitted: a one-time password is generated, shown once, and must be changed at first sign-in.
  password: z.string().min(12, "A password has at least 12 characters.").max(256).optional(),
});
export type TCreateUserInput = z.input<typeof ZCreateUserSchema>;
