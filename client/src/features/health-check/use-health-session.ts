import { type Accessor, createSignal, onCleanup, onMount } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { type HealthSession, openHealthSession } from '../../data/health/health-session';
import { usePendingWrites } from '../../data/session/pending-writes';
import { useScreenUndo } from '../../data/session/screen-undo';

export interface HealthOpening {
  readonly session: Accessor<HealthSession | undefined>;
  readonly failed: Accessor<boolean>;
  retry(): void;
}

/**
 * Opens the club's private health doc for the screen that calls it, and closes it when the screen goes:
 * the header's undo acts on it while open, and leaving waits for its writes. The caller checks
 * `canOpenHealth` first (committee keys only).
 */
export function useHealthSession(): HealthOpening {
  const club = useClub();
  const pending = usePendingWrites();
  const screenUndo = useScreenUndo();
  const [session, setSession] = createSignal<HealthSession>();
  const [failed, setFailed] = createSignal(false);
  const release: (() => void)[] = [];
  let disposed = false;
  const open = () => {
    setFailed(false);
    openHealthSession(club.clubId, club.author, {
      canEditClub: club.canEdit,
      accessChanges: club.onAccessChange,
    })
      .then((opened) => {
        if (disposed) return void opened.close();
        release.push(pending.register(opened.whenSaved), screenUndo.show(opened));
        setSession(() => opened);
      })
      .catch(() => setFailed(true));
  };
  onMount(open);
  onCleanup(() => {
    disposed = true;
    for (const stop of release) stop();
    void session()?.close();
  });
  return { session, failed, retry: open };
}
