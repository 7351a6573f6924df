import type { ClubId, IsoDate, MeetingId, MemberId } from '../ids/ids';
import type { AttendanceStatus } from '../schema/enums';
import type { ActionItemId, AgendaItemId, MoneyEntryId } from './minutes-layout';

/** Plain, readonly views of a minutes doc. `MinutesContent` is what is approved, printed and compared. */

export const MONEY_KINDS = ['contribution', 'repayment', 'other'] as const;
export type MoneyKind = (typeof MONEY_KINDS)[number];

export const APPROVAL_ROLES = ['chair', 'secretary'] as const;
export type ApprovalRole = (typeof APPROVAL_ROLES)[number];

/** An instant, 'yyyy-mm-ddThh:mm…' (ISO 8601, as `new Date().toISOString()` gives). */
export type IsoDateTime = string;

export interface MinutesHeader {
  /** The meeting's date, copied from the club's meeting so the minutes print on their own. */
  readonly date: IsoDate | null;
  /** 'HH:MM' or ''. */
  readonly startedAt: string;
  readonly closedAt: string;
  readonly place: string;
  readonly chairId: MemberId | null;
  readonly secretaryId: MemberId | null;
  /** 'Số: 05/BB-CLB'. */
  readonly number: string;
  /** "Nơi nhận", one recipient a line. */
  readonly recipients: string;
  /** The health checks were taken at this meeting; the values live in `<clubId>/health`. */
  readonly healthChecksTaken: boolean;
  /** The committee chose to print the health-check table with these minutes. */
  readonly printHealthChecks: boolean;
}

export interface AgendaItem {
  readonly id: AgendaItemId;
  readonly title: string;
  readonly decisions: string;
  /** The body as plain text (blocks separated by '\n'): for comparison and previews, not for editing. */
  readonly bodyText: string;
  /** Removed items keep their text; the UI hides them and can restore them. */
  readonly removed: boolean;
}

export interface ActionItem {
  readonly id: ActionItemId;
  readonly what: string;
  readonly responsibleId: MemberId | null;
  readonly due: IsoDate | null;
  readonly done: boolean;
}

export interface MoneyEntry {
  readonly id: MoneyEntryId;
  readonly kind: MoneyKind;
  readonly memberId: MemberId | null;
  /** Whole đồng. */
  readonly amount: number;
  readonly note: string;
}

export interface MinutesContent {
  readonly header: MinutesHeader;
  readonly attendance: Readonly<Record<string, AttendanceStatus>>;
  /** In meeting order, removed items included (flagged). */
  readonly agenda: readonly AgendaItem[];
  readonly actions: readonly ActionItem[];
  readonly money: readonly MoneyEntry[];
}

/** Where a person signed, and the tablet's signature (absent on minutes signed before issue 12 §4). */
export interface TabletSignature {
  readonly tablet?: string;
  readonly signature?: string;
}

export interface Signature extends TabletSignature {
  readonly by: MemberId;
  readonly at: IsoDateTime;
}

export interface MinutesApproval {
  readonly chair: Signature | null;
  readonly secretary: Signature | null;
  /** 'approved' once both signed and the approved state was stored; then every edit is refused. */
  readonly status: 'draft' | 'approved';
  readonly approvedAt: IsoDateTime | null;
  /**
   * Both signed on two offline tablets at once, so neither stored the state it approved: either signer
   * approves again (seeing the other's signature) to seal what they now see.
   */
  readonly pendingSeal: boolean;
}

export interface Reopening extends TabletSignature {
  readonly by: MemberId;
  readonly at: IsoDateTime;
  readonly reason: string;
  /** When the version that was reopened had been approved. */
  readonly approvedAt: IsoDateTime | null;
}

export interface MinutesVersion {
  readonly index: number;
  readonly by: string;
  readonly at: IsoDateTime;
  readonly label: string;
}

export interface MinutesView extends MinutesContent {
  readonly clubId: ClubId | null;
  readonly meetingId: MeetingId | null;
  readonly schemaVersion: number;
  readonly readOnly: boolean;
  readonly approval: MinutesApproval;
  readonly reopenings: readonly Reopening[];
  readonly versions: readonly MinutesVersion[];
}
