import type {
  ActionItemId,
  ActionItemInput,
  AgendaItemId,
  AgendaItemInput,
  ApprovalRole,
  AttendanceStatus,
  LocalOrigin,
  Meeting,
  MemberId,
  MinutesHeaderPatch,
  MinutesTextField,
  MoneyEntryId,
  MoneyEntryInput,
} from '@chungtay/model';
import * as model from '@chungtay/model';
import type * as Y from 'yjs';
import type { TabletSigner } from '../../device/signing-key';

const now = () => new Date().toISOString();

/** Every change the minutes screen can make: model commands bound to this doc and author. */
export function bindMinutesCommands(doc: Y.Doc, origin: LocalOrigin) {
  return {
    updateHeader: (patch: MinutesHeaderPatch) => model.updateMinutesHeader(doc, patch, origin),
    setAttendance: (memberId: MemberId, status: AttendanceStatus | null) =>
      model.setMinutesAttendance(doc, { memberId, status }, origin),
    copyAttendance: (meeting: Meeting) => model.copyAttendanceFromMeeting(doc, meeting, origin),
    addAgendaItem: (title: string) => model.addAgendaItem(doc, { title }, origin),
    updateAgendaItem: (id: AgendaItemId, patch: Partial<AgendaItemInput>) =>
      model.updateAgendaItem(doc, id, patch, origin),
    moveAgendaItem: (itemId: AgendaItemId, toIndex: number) =>
      model.moveAgendaItem(doc, { itemId, toIndex }, origin),
    removeAgendaItem: (id: AgendaItemId) => model.removeAgendaItem(doc, id, origin),
    restoreAgendaItem: (id: AgendaItemId) => model.restoreAgendaItem(doc, id, origin),
    addActionItem: (input: ActionItemInput) => model.addActionItem(doc, input, origin),
    updateActionItem: (id: ActionItemId, patch: Partial<ActionItemInput>) =>
      model.updateActionItem(doc, id, patch, origin),
    setActionDone: (id: ActionItemId, done: boolean) => model.setActionDone(doc, id, done, origin),
    addMoneyEntry: (input: MoneyEntryInput) => model.addMoneyEntry(doc, input, origin),
    updateMoneyEntry: (id: MoneyEntryId, patch: Partial<MoneyEntryInput>) =>
      model.updateMoneyEntry(doc, id, patch, origin),
    removeMoneyEntry: (id: MoneyEntryId) => model.removeMoneyEntry(doc, id, origin),
    /**
     * Signs for `role` as `by`, the person using this tablet: the tablet signs what is on screen now, then
     * the command records it (signing is asynchronous, commands are not). The model refuses a person the
     * minutes do not name for the role.
     */
    approve: async (role: ApprovalRole, by: MemberId, signer: TabletSigner) => {
      const at = now();
      const view = model.readMinutes(doc);
      const statement = model.approvalStatement(view, role, { by, at, tablet: signer.tablet }, view);
      const signature = await signer.sign(model.canonicalStatement(statement));
      return model.approveMinutes(doc, { role, by, at, tablet: signer.tablet, signature }, origin);
    },
    /** Reopens as `by`, signing the approved content it reopens with the reason. */
    reopen: async (by: MemberId, reason: string, signer: TabletSigner) => {
      const at = now();
      const view = model.readMinutes(doc);
      const approved = model.getApprovedView(doc) ?? view;
      const signed = { by, at, reason: reason.trim(), tablet: signer.tablet };
      const signature = await signer.sign(
        model.canonicalStatement(model.reopeningStatement(view, signed, approved)),
      );
      return model.reopenMinutes(doc, { by, at, reason, tablet: signer.tablet, signature }, origin);
    },
    setAsideLateChanges: () => model.setAsideLateChanges(doc, origin),
    /** A free-text field for a collaborative text box: one edit per keystroke, merged with others'. */
    textField: (target: MinutesTextField) => model.openMinutesTextField(doc, target, origin),
    // Versions record the writer's name: it is what the history list shows.
    captureVersion: (label: string) =>
      model.captureVersion(doc, { by: origin.author.name, at: now(), label }, origin),
  };
}

export type MinutesCommands = ReturnType<typeof bindMinutesCommands>;
