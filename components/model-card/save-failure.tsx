import type { Ref } from "react";
import { Alert } from "@/components/ui/alert";
import { fieldAnchor, sectionOf } from "@/lib/domain/model-card/template";
import { focusAnchor } from "./missing-fields";

/**
 * Why a save was refused, with each field's message as a link to that field. It takes focus
 * when it appears, so the refusal is noticed wherever the user had scrolled to.
 */
export function SaveFailure({ ref, message, fields, keptInBrowser }: { ref: Ref<HTMLDivElement>; message: string; fields: Record<string, string>; keptInBrowser: boolean }) {
  const entries = Object.entries(fields);
  return (
    <div ref={ref} tabIndex={-1} className="scroll-mt-32 rounded-md focus:outline-none">
      <Alert tone="danger" title="The card was not saved">
        <p>{message} Your changes are still here{keptInBrowser ? " and in this browser" : ""}.</p>
        {entries.length > 0 && (
          <ul className="mt-2 list-disc space-y-0.5 pl-5">
            {entries.map(([path, text]) => {
              const [section = "", field = ""] = path.split(".");
              const anchor = fieldAnchor(section, field);
              const known = sectionOf(section)?.fields.some((f) => f.key === field);
              return (
                <li key={path}>
                  {known ? <a href={`#${anchor}`} onClick={() => focusAnchor(anchor)} className="font-medium underline underline-offset-2">{text}</a> : text}
                </li>
              );
            })}
          </ul>
        )}
      </Alert>
    </div>
  );
}
