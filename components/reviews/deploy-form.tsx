"use client";

import { useState } from "react";
import { FormError } from "@/components/forms/form-error";
import { useApiMutation } from "@/components/forms/use-api-mutation";
import { Button } from "@/components/ui/button";
import { Field, Select, TextInput } from "@/components/ui/field";
import { postReviewApi } from "./api";

const STRATEGIES = [
  { value: "direct", label: "Direct" },
  { value: "canary", label: "Canary" },
  { value: "blue-green", label: "Blue-green" },
  { value: "shadow", label: "Shadow" },
] as const;

/** Records a deployment of an approved version (the server asks the gate first). */
export function DeployForm({ api }: { api: string }) {
  const [environment, setEnvironment] = useState("");
  const [strategy, setStrategy] = useState("direct");
  const mutation = useApiMutation((body: { environment: string; strategy: string }) => postReviewApi(`${api}/deployments`, body), () => setEnvironment(""));
  return (
    <form
      className="space-y-3"
      aria-label="Record deployment"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ environment, strategy });
      }}
    >
      <FormError error={mutation.error} shownFields={["environment", "strategy"]} />
      {mutation.isSuccess && <p role="status" className="text-sm font-medium text-success">Deployment recorded.</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="deploy-environment" label="Environment" help="Where it runs, e.g. production-eu." error={mutation.fieldErrors.environment}>
          <TextInput id="deploy-environment" value={environment} onChange={(e) => setEnvironment(e.target.value)} required maxLength={200} error={mutation.fieldErrors.environment} />
        </Field>
        <Field id="deploy-strategy" label="Strategy" error={mutation.fieldErrors.strategy}>
          <Select id="deploy-strategy" value={strategy} onChange={(e) => setStrategy(e.target.value)} error={mutation.fieldErrors.strategy}>
            {STRATEGIES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </Select>
        </Field>
      </div>
      <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Recording…" : "Record deployment"}</Button>
    </form>
  );
}
