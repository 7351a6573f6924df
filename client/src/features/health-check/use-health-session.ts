import type { HealthCheckScope } from '@chungtay/model';
import { useClub } from '../../data/club/club-context';
import { type HealthSession, openHealthSession } from '../../data/health/health-session';
import {
  type ScreenSession,
  type ScreenSessionOptions,
  useScreenSession,
} from '../../data/session/use-screen-session';

export type HealthOpening = ScreenSession<HealthSession>;

/**
 * Opens the club's private health doc for the screen that calls it, and closes it when the screen goes:
 * the header's undo acts on it while open, and leaving waits for its writes. The caller checks
 * `canOpenHealth` first (committee keys only). A screen that edits the club too puts the undo `beside`. A
 * screen of one meeting or one member passes its `scope`, so only those checks are read.
 */
export function useHealthSession(
  options: ScreenSessionOptions = {},
  scope?: HealthCheckScope,
): HealthOpening {
  const club = useClub();
  return useScreenSession(
    () =>
      openHealthSession(club.clubId, club.author, {
        canEditClub: club.canEdit,
        accessChanges: club.onAccessChange,
        ...(scope ? { scope } : {}),
      }),
    options,
  );
}
