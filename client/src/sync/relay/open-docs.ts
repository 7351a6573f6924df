/**
 * Secondary docs (minutes, health, money) open on a screen of this tab, by relay name. The background sync leaves
 * them to their screen, and goes over them again when a screen closes (it may have left edits unsent).
 * Apart from doc-relay.ts so that the club session can ask without loading the sync code.
 */
const openHere = new Map<string, number>();
const closedListeners = new Set<() => void>();

export function isOpenHere(documentName: string): boolean {
  return (openHere.get(documentName) ?? 0) > 0;
}

/** Calls `listener` whenever a screen closes its doc. */
export function onLinkClosed(listener: () => void): () => void {
  closedListeners.add(listener);
  return () => closedListeners.delete(listener);
}

export function markOpen(documentName: string): void {
  openHere.set(documentName, (openHere.get(documentName) ?? 0) + 1);
}

export function markClosed(documentName: string): void {
  openHere.set(documentName, (openHere.get(documentName) ?? 1) - 1);
  for (const listener of [...closedListeners]) listener();
}
