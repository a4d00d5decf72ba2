import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ConsoleNotFound() {
  return (
    <NotFoundPanel title="We could not find that" backHref="/dashboard" backLabel="Go to the dashboard">
      It may never have existed, or the link may be wrong. Records in Attest are not deleted, so check the address.
    </NotFoundPanel>
  );
}
