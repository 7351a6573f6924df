import { newGroupId } from '../ids/ids';

export type PairingId = string & { readonly __brand: 'PairingId' };
export type VisitId = string & { readonly __brand: 'VisitId' };

// The same 132-bit random generator as every other id (ids.ts); only the brand differs.
export function newPairingId(): PairingId {
  return newGroupId() as string as PairingId;
}

export function newVisitId(): VisitId {
  return newGroupId() as string as VisitId;
}
