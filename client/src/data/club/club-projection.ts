import type { ClubView } from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import { fullReadProjection, type Projection } from '../session/projection';

/** The club doc as the screens read it. */
export function projectClub(doc: Y.Doc): Projection<ClubView> {
  return fullReadProjection(doc, model.readClub, { key: 'id' });
}
