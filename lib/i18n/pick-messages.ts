import type { Messages } from './messages';

/** A top-level namespace ("forum") or one group inside it ("forum.quota"). */
export type ClientNamespace = {
  [K in keyof Messages & string]: K | (Messages[K] extends Record<string, unknown> ? `${K}.${keyof Messages[K] & string}` : never);
}[keyof Messages & string];

/** The part of a catalogue that client components need: whole namespaces, or groups of one. */
export function pickMessages(all: Messages, wanted: readonly string[]): Record<string, Record<string, unknown>> {
  const catalogue = all as unknown as Record<string, Record<string, unknown>>;
  const picked: Record<string, Record<string, unknown>> = {};
  for (const path of wanted) {
    const [namespace, group] = path.split('.') as [string, string | undefined];
    if (group === undefined) picked[namespace] = catalogue[namespace]!;
    else picked[namespace] = { ...picked[namespace], [group]: catalogue[namespace]![group] };
  }
  return picked;
}
