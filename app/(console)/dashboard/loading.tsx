/** The dashboard's shape while its numbers load: the same grid, in grey, announced once. */
export default function DashboardLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading the dashboard…</span>
      <div aria-hidden className="mb-8 space-y-3">
        <div className="h-3 w-20 rounded bg-slate-200" />
        <div className="h-7 w-72 rounded bg-slate-200" />
        <div className="h-4 w-96 max-w-full rounded bg-slate-100" />
      </div>
      <div aria-hidden className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="h-[6.5rem] rounded-lg border border-line bg-white p-5">
            <div className="h-3 w-32 rounded bg-slate-100" />
            <div className="mt-4 h-7 w-16 rounded bg-slate-200" />
          </div>
        ))}
      </div>
      <div aria-hidden className="mt-6 h-40 rounded-lg border border-line bg-white" />
      <div aria-hidden className="mt-10 grid gap-6 lg:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="rounded-lg border border-line bg-white p-5">
            <div className="h-4 w-48 rounded bg-slate-200" />
            <div className="mt-2 h-3 w-72 max-w-full rounded bg-slate-100" />
            <div className="mt-5 space-y-3">
              {[80, 55, 35, 65, 20].map((w) => (
                <div key={w} className="flex items-center gap-3">
                  <div className="h-3 w-24 rounded bg-slate-100" />
                  <div className="h-4 rounded bg-slate-200" style={{ width: `${w}%` }} />
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
