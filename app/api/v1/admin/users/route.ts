import { apiRoute } from "@/lib/api/route";
import { createUser } from "@/lib/services/users/create-user";
import { ZCreateUserSchema } from "@/lib/services/users/schemas";

/** Creates an account; without a password the response carries a one-time password, once. */
export const POST = apiRoute({ permission: "users.manage", auth: "session", input: ZCreateUserSchema }, async (ctx, input) => {
  const { user, oneTimePassword } = await createUser(ctx, input);
  return Response.json({ user: { id: user.id, email: user.email, name: user.name, roles: user.roles }, oneTimePassword }, { status: 201 });
});
