import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ModelNotFound() {
  return (
    <NotFoundPanel title="No model has this slug" backHref="/models" backLabel="Back to the inventory">
      Check the address, or find the model in the inventory. Slugs are lower-case words joined by hyphens, e.g. retail-credit-scoring.
    </NotFoundPanel>
  );
}
