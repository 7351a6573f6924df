import { createContext, type JSX, useContext } from 'solid-js';
import type { CareSession } from '../../data/care/care-session';

const CareContext = createContext<CareSession>();

export function CareProvider(props: { session: CareSession; children: JSX.Element }): JSX.Element {
  return <CareContext.Provider value={props.session}>{props.children}</CareContext.Provider>;
}

/** The open home-care log of this club; only inside the care section. */
export function useCare(): CareSession {
  const value = useContext(CareContext);
  if (!value) throw new Error('useCare must be used inside <CareProvider>');
  return value;
}
