import type { TGate } from "@/lib/services/reviews/gate";

/** What the deployment gate answers for this version right now. */
export function GateStatus({ gate }: { gate: Pick<TGate, "deployable" | "reasons"> }) {
  if (gate.deployable) {
    return (
      <p className="flex items-center gap-2 text-sm font-medium text-success">
        <span aria-hidden className="inline-block h-2 w-2 rounded-full bg-success" />
        Deployable: the gate answers 200 to a pipeline.
      </p>
    );
  }
  return (
    <div className="text-sm">
      <p className="flex items-center gap-2 font-medium text-danger">
        <span aria-hidden className="inline-block h-2 w-2 rounded-full bg-danger" />
        Not deployable: the gate answers 409, for these reasons:
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-ink">
        {gate.reasons.map((r, i) => <li key={`${r.code}-${i}`}>{r.message}</li>)}
      </ul>
    </div>
  );
}
