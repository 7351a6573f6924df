import type { Meeting } from '@chungtay/model';
import { type Accessor, createSignal, onCleanup, onMount } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { type MinutesSession, openMinutesSession } from '../../data/minutes/minutes-session';

export interface MeetingApproval {
  readonly approved: boolean;
  /** The moment the minutes were approved, for what prints "as approved". */
  readonly approvedAt: string | null;
}

/**
 * Whether a meeting's minutes are approved (issue 12 §4: what belongs to an approved meeting locks with
 * its minutes). The approval lives in the meeting's minutes document, so the meeting-day money screen
 * holds it open beside the book while it shows; undefined until it has opened (the screen stays usable
 * meanwhile: a meeting being held has no approved minutes yet).
 */
export function useMeetingApproval(meeting: Meeting): Accessor<MeetingApproval | undefined> {
  const club = useClub();
  const [minutes, setMinutes] = createSignal<MinutesSession>();
  let disposed = false;
  onMount(() => {
    openMinutesSession({
      clubId: club.clubId,
      meeting,
      author: club.author,
      canEditClub: club.canEdit,
      accessChanges: club.onAccessChange,
    })
      .then((session) => {
        if (disposed) return void session.close();
        setMinutes(() => session);
      })
      .catch(() => undefined);
  });
  onCleanup(() => {
    disposed = true;
    void minutes()?.close();
  });
  return () => {
    const approval = minutes()?.view.approval;
    return approval === undefined
      ? undefined
      : { approved: approval.status === 'approved', approvedAt: approval.approvedAt };
  };
}
