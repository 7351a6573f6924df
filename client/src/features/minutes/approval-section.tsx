import {
  APPROVAL_ROLES,
  type AttendanceStatus,
  listLateMarks,
  type MemberId,
  type MinutesChange,
  type SignatureStatus,
  type TabletKey,
} from '@chungtay/model';
import { createResource, createSignal, For, type JSX, onCleanup, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { trustedTabletKeys } from '../../device/key-pins';
import { onTabletPersonChange, readTabletPerson, switchTabletPerson } from '../../device/person';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { useMeetingLockI18n } from '../meetings/meeting-lock-i18n';
import { createPinPrompt } from '../shared/person-switch/pin-prompt';
import { changeLabels, describeLateChange } from './change-words';
import { firstError, formatInstant, minutesFeedback } from './minutes-feedback';
import { registeredSigner } from './registered-signer';

/**
 * Chair and secretary sign, each as the person using this tablet, with the tablet's key; every tablet
 * checks the signatures; approved minutes reopen only as a recorded, signed action; late edits listed.
 */
export function ApprovalSection(props: {
  session: MinutesSession;
  nameOf: (id: string | null) => string;
}): JSX.Element {
  const i18n = useMeetingLockI18n();
  const { t } = i18n;
  const [reason, setReason] = createSignal('');
  const [reasonError, setReasonError] = createSignal<string>();
  const view = () => props.session.view;
  const approved = () => view().approval.status === 'approved';
  const roleLabel = (role: 'chair' | 'secretary') =>
    t(role === 'chair' ? 'minutes.roleChair' : 'minutes.roleSecretary');
  const signerOf = (role: 'chair' | 'secretary') =>
    role === 'chair' ? view().header.chairId : view().header.secretaryId;
  const club = useClub();
  const [person, setPerson] = createSignal<MemberId | null>(readTabletPerson(club.clubId));
  // The header's switch and this section follow each other.
  onCleanup(onTabletPersonChange(club.clubId, () => setPerson(readTabletPerson(club.clubId))));
  // When the club requires it (issue 12 §4), a person enters their PIN to become the tablet's user and to sign.
  const pin = createPinPrompt(club.clubId);
  const pinPassed = async (id: MemberId | null) =>
    id !== null && (!club.commands.pinRequired() || (await pin.confirm(id, props.nameOf(id))));
  const afterPin = async (act: () => Promise<void>) => {
    if (await pinPassed(person())) await act();
  };
  const choosePerson = async (id: string) => {
    const next = id === '' ? null : (id as MemberId);
    if (next !== null && !(await pinPassed(next))) return;
    switchTabletPerson(club.clubId, next);
  };
  // The committee, and whoever these minutes name as signers.
  const people = () =>
    club.club.members
      .filter(
        (m) => m.role !== 'none' || m.id === view().header.chairId || m.id === view().header.secretaryId,
      )
      .map((m) => ({ value: m.id as string, label: m.fullName }));
  const signerFor = (by: MemberId) => registeredSigner(club, i18n, by);
  const sign = async (role: 'chair' | 'secretary') => {
    const by = person();
    const signer = by === null ? null : await signerFor(by);
    if (by && signer) minutesFeedback(i18n, await props.session.commands.approve(role, by, signer));
  };
  const reopen = async () => {
    const by = person();
    const signer = by === null ? null : await signerFor(by);
    if (!by || !signer) return;
    const result = await props.session.commands.reopen(by, reason(), signer);
    const problem = firstError(i18n, minutesFeedback(i18n, result));
    setReasonError(problem);
    if (problem === undefined) setReason('');
  };
  const [changedKeys, setChangedKeys] = createSignal<readonly TabletKey[]>([]);
  // Rechecked whenever a signature, a reopening or the key register changes (any tablet, after sync).
  const [statuses] = createResource(
    () => ({
      approval: JSON.stringify(view().approval),
      reopenings: view().reopenings.length,
      keys: club.club.members.length,
    }),
    () => {
      // Checked against the keys this tablet first saw (trust on first use), not the register as it is now.
      const trusted = trustedTabletKeys(club.clubId, club.commands.tabletKeys());
      setChangedKeys([...trusted.changed].map((id) => trusted.keys.get(id)).filter((k) => k !== undefined));
      return props.session.verifySignatures(trusted.keys);
    },
  );
  const statusText = (status: SignatureStatus | null | undefined) =>
    status === undefined || status === null ? t('signatures.checking') : t(`signatures.${status}`);
  const roleStatus = (role: 'chair' | 'secretary') => statuses()?.[role];
  const mayPress = (role: 'chair' | 'secretary') => person() !== null && person() === signerOf(role);
  const setAside = () => {
    props.session.commands.captureVersion(t('minutes.setAsideLabel'));
    const result = props.session.commands.setAsideLateChanges();
    minutesFeedback(i18n, result, result.ok ? t('minutes.setAsideDone', { count: result.value }) : undefined);
  };
  // Marks made on the meeting page by a tablet that had not heard of the approval (attendance-lock.ts).
  const lateMarks = () => {
    const meeting = club.club.meetings.find((m) => m.id === props.session.meetingId);
    return meeting === undefined ? [] : listLateMarks(meeting);
  };
  const markWord = (status: AttendanceStatus | null) =>
    status === null ? i18n.l('late.unmarked') : t(`attendance.${status}`);
  const describe = (change: MinutesChange) =>
    describeLateChange(change, {
      labels: changeLabels(i18n.locale()),
      section: (section) => t(`sections.${section}`),
      verb: (kind) => t(`minutes.${kind}`),
      nameOf: props.nameOf,
    });
  return (
    <section class="minutes-section card" aria-labelledby="minutes-approval" data-testid="approval">
      {pin.view()}
      <h2 id="minutes-approval">{t('minutes.approval')}</h2>
      <div class="tablet-person" data-testid="tablet-person">
        <SelectField
          label={t('signatures.person')}
          options={[{ value: '', label: t('signatures.choosePerson') }, ...people()]}
          value={person() ?? ''}
          onChange={choosePerson}
        />
        <p class="muted">{t('signatures.personHint')}</p>
      </div>
      <ul class="signatures">
        <For each={APPROVAL_ROLES}>
          {(role) => (
            <li class="actions-row">
              <span data-testid={`signature-${role}`}>
                {view().approval[role]
                  ? t('signatures.signedBy', {
                      role: roleLabel(role),
                      name: props.nameOf(view().approval[role]?.by ?? null),
                      at: formatInstant(view().approval[role]?.at ?? ''),
                    })
                  : t('minutes.notSigned', { role: roleLabel(role) })}
                <Show when={view().approval[role]}>
                  {' · '}
                  <strong
                    class={roleStatus(role) === 'invalid' ? 'warning-text' : 'ok-text'}
                    data-signature={roleStatus(role) ?? 'checking'}
                  >
                    {statusText(roleStatus(role))}
                  </strong>
                </Show>
              </span>
              <Show when={!approved()}>
                <Button
                  variant="primary"
                  disabled={
                    !props.session.canEdit() ||
                    !mayPress(role) ||
                    (!!view().approval[role] && !view().approval.pendingSeal)
                  }
                  onClick={() => afterPin(() => sign(role))}
                >
                  {t('minutes.approveAs', { role: roleLabel(role) })}
                </Button>
              </Show>
              <Show when={!approved() && !view().approval[role] && signerOf(role) && !mayPress(role)}>
                <span class="muted">
                  {t('signatures.notYou', {
                    name: props.nameOf(person()) || t('signatures.choosePerson'),
                    signer: props.nameOf(signerOf(role)),
                    role: roleLabel(role),
                  })}
                </span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <For each={changedKeys()}>
        {(key) => (
          <p class="warning-text" data-testid="key-changed">
            {t('tablets.keyChanged', { tablet: key.tablet, person: props.nameOf(key.person) })}
          </p>
        )}
      </For>
      <Show when={!approved() && (!view().header.chairId || !view().header.secretaryId)}>
        <p class="muted">{t('minutes.needSigner')}</p>
      </Show>
      <Show when={view().approval.pendingSeal}>
        <p class="warning-text">{t('minutes.pendingSeal')}</p>
      </Show>
      <Show when={approved()}>
        <p class="ok-text" data-testid="approved-at">
          {t('minutes.approvedAt', { at: formatInstant(view().approval.approvedAt ?? '') })}
        </p>
        <div class="actions-row">
          <TextField
            label={t('minutes.reopenReason')}
            value={reason()}
            onChange={setReason}
            error={reasonError()}
            readOnly={!props.session.canEdit()}
          />
          <Button
            variant="secondary"
            disabled={
              !props.session.canEdit() ||
              person() === null ||
              (person() !== view().header.chairId && person() !== view().header.secretaryId)
            }
            onClick={() => afterPin(reopen)}
          >
            {t('minutes.reopen')}
          </Button>
        </div>
        <Show when={props.session.changesAfterApproval().length > 0}>
          <div class="banner banner-warning late-changes" data-testid="late-changes">
            <h3>{t('minutes.changesTitle')}</h3>
            <p>{t('minutes.changesHint')}</p>
            <ul>
              <For each={props.session.changesAfterApproval()}>{(change) => <li>{describe(change)}</li>}</For>
            </ul>
            <Button variant="secondary" disabled={!props.session.canEdit()} onClick={setAside}>
              {t('minutes.setAside')}
            </Button>
          </div>
        </Show>
        <Show when={lateMarks().length > 0}>
          <div class="banner banner-warning late-changes" data-testid="late-marks">
            <h3>{i18n.l('late.title')}</h3>
            <ul>
              <For each={lateMarks()}>
                {(mark) => (
                  <li>
                    {i18n.l('late.item', {
                      name: props.nameOf(mark.memberId),
                      approved: markWord(mark.approved),
                      current: markWord(mark.current),
                    })}
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
      </Show>
      <ul class="reopenings">
        <For each={view().reopenings}>
          {(r, index) => (
            <li>
              {t('signatures.reopenedBy', {
                at: formatInstant(r.at),
                name: props.nameOf(r.by),
                reason: r.reason,
              })}
              {' · '}
              <strong data-signature={statuses()?.reopenings[index()] ?? 'checking'}>
                {statusText(statuses()?.reopenings[index()])}
              </strong>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
