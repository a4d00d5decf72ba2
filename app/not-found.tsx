import type { Metadata } from "next";
import { Logo } from "@/components/ui/logo";
import { NotFoundPanel } from "@/components/ui/not-found-panel";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6">
      <div className="flex items-center gap-2.5">
        <Logo />
        <span className="text-lg font-semibold tracking-tight">Attest</span>
      </div>
      <NotFoundPanel title="This page does not exist" backHref="/dashboard" backLabel="Go to the dashboard">
        The address may be mistyped, or the page may have moved. Nothing you were working on has been lost.
      </NotFoundPanel>
    </main>
  );
}
