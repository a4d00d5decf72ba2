const list = (value: string | null) => (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/**
 * The upload's query string, as pipelines send it:
 * ?name=N&label=COL&prediction=COL&score=COL&sensitive=A,B&positive=V&reference=A:GROUP&intersections=A*B&latencyMs=12
 * (reference and intersections may repeat or be comma-separated).
 */
export function evaluationQuery(params: URLSearchParams) {
  const references: Record<string, string> = {};
  for (const entry of params.getAll("reference").flatMap(list)) {
    const at = entry.indexOf(":");
    if (at > 0) references[entry.slice(0, at)] = entry.slice(at + 1);
    else references[entry] = "";
  }
  const latency = params.get("latencyMs");
  return {
    name: params.get("name") ?? "",
    mapping: {
      label: params.get("label") ?? "",
      prediction: params.get("prediction") ?? "",
      score: params.get("score") || null,
      sensitive: list(params.get("sensitive")),
      positive: params.get("positive") ?? "1",
      intersections: params.getAll("intersections").flatMap(list).map((key) => key.split("*")),
    },
    references,
    latencyMs: latency === null || latency === "" ? null : Number(latency),
  };
}
