import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { DIGITAL_OMNIBUS, formatLegalDate, KEY_DATES, type TIsoDate } from "@/lib/domain/risk/dates";

/** The Act's application dates beside the dates the 2026 omnibus set, each with its legal status. */
export function KeyDates({ today }: { today: TIsoDate }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-ink-muted">
        The {DIGITAL_OMNIBUS.title} ({DIGITAL_OMNIBUS.proposal}) was adopted by the Council on {formatLegalDate(DIGITAL_OMNIBUS.councilAdoptionOn)} and is{" "}
        {DIGITAL_OMNIBUS.officialJournalPublicationOn ? `published (${formatLegalDate(DIGITAL_OMNIBUS.officialJournalPublicationOn)})` : "awaiting publication in the Official Journal"}.
        Attest applies its dates where it changed one.
      </p>
      <Table caption="Key dates of the AI Act and the 2026 omnibus">
        <thead>
          <tr>
            <Th>What applies</Th>
            <Th>AI Act as published</Th>
            <Th>2026 omnibus</Th>
            <Th>Today</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {KEY_DATES.map((d) => {
            const effective = d.omnibus?.date ?? d.act.date;
            const past = effective !== null && effective <= today;
            return (
              <tr key={d.key}>
                <Td className="min-w-64">
                  <p>{d.provision}</p>
                  {d.note && <p className="mt-0.5 text-xs text-ink-muted">{d.note}</p>}
                </Td>
                <Td className="min-w-40">
                  <p className="font-medium tabular-nums">{d.act.date ? formatLegalDate(d.act.date) : "—"}</p>
                  <p className="text-xs text-ink-muted">{d.act.citation}</p>
                  {/* The Act as published is the law until the omnibus is published, even where the ruleset uses the omnibus date. */}
                  {d.act.date && <Badge tone="success" className="mt-1">in force</Badge>}
                </Td>
                <Td className="min-w-56">
                  {d.omnibus ? (
                    <>
                      <p className="font-medium tabular-nums">{d.omnibus.date ? formatLegalDate(d.omnibus.date) : "Date unchanged"}</p>
                      <p className="text-xs text-ink-muted">{d.omnibus.change}</p>
                      <Badge tone="warning" className="mt-1">{d.omnibus.status}</Badge>
                    </>
                  ) : (
                    <span className="text-ink-muted">No change</span>
                  )}
                </Td>
                <Td className="whitespace-nowrap">
                  {effective === null ? "—" : past ? <Badge tone="accent">Applies now</Badge> : <span className="text-ink-muted">From {formatLegalDate(effective)}</span>}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
