import { createContext, type JSX, useContext } from 'solid-js';
import type { ClubSession } from './club-session';

const ClubContext = createContext<ClubSession>();

export function ClubProvider(props: { session: ClubSession; children: JSX.Element }): JSX.Element {
  return <ClubContext.Provider value={props.session}>{props.children}</ClubContext.Provider>;
}

export function useClub(): ClubSession {
  const session = useContext(ClubContext);
  if (!session) throw new Error('useClub must be used inside <ClubProvider> (an open club)');
  return session;
}
