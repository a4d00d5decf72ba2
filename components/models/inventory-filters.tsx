import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { GetForm } from "@/components/ui/get-form";
import { Field, Select, TextInput } from "@/components/ui/field";
import { COMPLETENESS_BANDS, EVALUATION_STATUSES, STAGES, type TInventoryQuery } from "@/lib/services/models/inventory";
import { BAND_LABELS } from "./completeness-meter";
import { inventoryHref } from "./inventory-url";
import { TIERS } from "./risk-tier-badge";
import { stageLabel } from "./stage-badge";

const BAND_RANGES = { complete: "100%", nearly: "75–99%", partial: "25–74%", empty: "under 25%" } as const;
export const EVALUATION_FILTER_LABELS = { pass: "A passing evaluation", fail: "A failing evaluation", waived: "A waived evaluation" } as const;

const weekOf = (monday: string) => new Date(`${monday}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

type Facets = { businessUnits: string[]; owners: { email: string; name: string }[] };

/**
 * A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and
 * shared. Sorting survives a new filter; the page does not (page 3 of other results means nothing).
 * "Clear filters" shows here only while there are results; an empty result offers its own.
 */
export function InventoryFilters({ query, facets, clearable }: { query: TInventoryQuery; facets: Facets; clearable: boolean }) {
  return (
    <GetForm action="/models" role="search" aria-label="Filter the inventory" className="mb-4 rounded-lg border border-line bg-surface p-4 shadow-xs">
      {query.sort !== "name" && <input type="hidden" name="sort" value={query.sort} />}
      {query.dir !== "asc" && <input type="hidden" name="dir" value={query.dir} />}
      {query.pageSize !== 25 && <input type="hidden" name="pageSize" value={query.pageSize} />}
      {query.decidedWeek && <input type="hidden" name="decidedWeek" value={query.decidedWeek} />}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(14rem,2fr)_repeat(3,minmax(0,1fr))]">
        <Field id="q" label="Search models">
          <TextInput id="q" type="search" defaultValue={query.q} placeholder="Name, slug, purpose or tag" aria-describedby={undefined} />
        </Field>
        <Field id="tier" label="Risk tier">
          <Select id="tier" defaultValue={query.tier ?? ""}>
            <option value="">All tiers</option>
            {(["prohibited", "high", "limited", "minimal", "unclassified"] as const).map((tier) => (
              <option key={tier} value={tier}>{TIERS[tier].label}</option>
            ))}
          </Select>
        </Field>
        <Field id="stage" label="Stage">
          <Select id="stage" defaultValue={query.stage ?? ""}>
            <option value="">Any stage</option>
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>{stageLabel(stage)}</option>
            ))}
          </Select>
        </Field>
        <Field id="owner" label="Owner">
          <Select id="owner" defaultValue={query.owner ?? ""}>
            <option value="">All owners</option>
            {facets.owners.map((owner) => (
              <option key={owner.email} value={owner.email}>{owner.name}</option>
            ))}
          </Select>
        </Field>
        <Field id="businessUnit" label="Business unit">
          <Select id="businessUnit" defaultValue={query.businessUnit ?? ""}>
            <option value="">All units</option>
            {facets.businessUnits.map((unit) => (
              <option key={unit} value={unit}>{unit}</option>
            ))}
          </Select>
        </Field>
        <Field id="completeness" label="Documentation">
          <Select id="completeness" defaultValue={query.completeness ?? ""}>
            <option value="">Any</option>
            {COMPLETENESS_BANDS.map((band) => (
              <option key={band} value={band}>{`${BAND_LABELS[band]} (${BAND_RANGES[band]})`}</option>
            ))}
          </Select>
        </Field>
        <Field id="evaluation" label="Evaluations">
          <Select id="evaluation" defaultValue={query.evaluation ?? ""}>
            <option value="">Any</option>
            {EVALUATION_STATUSES.map((status) => (
              <option key={status} value={status}>{EVALUATION_FILTER_LABELS[status]}</option>
            ))}
          </Select>
        </Field>
        <Field id="review" label="Periodic review">
          <Select id="review" defaultValue={query.review ?? ""}>
            <option value="">Any</option>
            <option value="overdue">Overdue</option>
          </Select>
        </Field>
      </div>
      {query.decidedWeek && (
        // Set only by the dashboard's decisions chart; shown, and removable, so the list is never filtered unseen.
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-ink">
          <span>Only models with a review decision in the week of {weekOf(query.decidedWeek)}.</span>
          <Link href={inventoryHref(query, { decidedWeek: undefined, page: 1 })} className="font-medium text-brand hover:underline">Remove this filter</Link>
        </p>
      )}
      <div className="mt-3 flex items-center gap-2">
        <button type="submit" className={buttonClass("primary", "sm")}>Apply filters</button>
        {clearable && <Link href="/models" className={buttonClass("ghost", "sm")}>Clear filters</Link>}
      </div>
    </GetForm>
  );
}
