import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Sign in" };

const REASONS: Record<string, string> = {
  "signed-out": "Your session has ended. Sign in again to continue.",
  throttled: "Too many failed attempts. Wait a few minutes and try again.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const notice = REASONS[params.reason ?? ""] ?? REASONS[params.error ?? ""];
  const callbackUrl = params.callbackUrl?.startsWith("/") ? params.callbackUrl : "/dashboard";
  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <section className="hidden flex-col justify-between bg-brand-strong p-12 text-indigo-100 lg:flex">
        <div className="flex items-center gap-3 text-white">
          <Logo className="h-9 w-9" />
          <span className="text-xl font-semibold">Attest</span>
        </div>
        <div className="max-w-md">
          <h1 className="text-3xl font-semibold leading-tight text-white">Evidence your AI models are governed — and prove it.</h1>
          <p className="mt-4 text-indigo-200">
            Model cards, EU AI Act risk classification, fairness evidence and approvals, recorded in an audit log nobody can rewrite.
          </p>
        </div>
        <p className="text-xs text-indigo-300">Regulation (EU) 2024/1689 · Annex IV technical documentation</p>
      </section>
      <section className="flex items-center justify-center px-6 py-12">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex items-center gap-3 lg:hidden">
            <Logo />
            <span className="text-lg font-semibold">Attest</span>
          </div>
          <h2 className="text-2xl font-semibold">Sign in</h2>
          <p className="mt-1 text-sm text-ink-muted">Use the email and password your administrator gave you.</p>
          <div className="mt-8">
            <LoginForm callbackUrl={callbackUrl} notice={notice} />
          </div>
        </div>
      </section>
    </main>
  );
}
