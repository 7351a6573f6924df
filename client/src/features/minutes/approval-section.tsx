import { APPROVAL_ROLES, type MinutesChange } from '@chungtay/model';
import { createSignal, For, type JSX, Show } from 'solid-js';
import type { MinutesSession } from '../../data/minutes/minutes-session';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { firstError, formatInstant, minutesFeedback } from './minutes-feedback';

/** Chair and secretary sign; approved minutes reopen only as a recorded action; late edits listed. */
export function ApprovalSection(props: {
  session: MinutesSession;
  nameOf: (id: string | null) => string;
}): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = createSignal('');
  const [reasonError, setReasonError] = createSignal<string>();
  const view = () => props.session.view;
  const approved = () => view().approval.status === 'approved';
  const roleLabel = (role: 'chair' | 'secretary') =>
    t(role === 'chair' ? 'minutes.roleChair' : 'minutes.roleSecretary');
  const signerOf = (role: 'chair' | 'secretary') =>
    role === 'chair' ? view().header.chairId : view().header.secretaryId;
  const sign = (role: 'chair' | 'secretary') => {
    const by = signerOf(role);
    if (by) minutesFeedback(i18n, props.session.commands.approve(role, by));
  };
  const reopen = () => {
    const by = view().header.chairId;
    if (!by) return;
    const problem = firstError(i18n, minutesFeedback(i18n, props.session.commands.reopen(by, reason())));
    setReasonError(problem);
    if (problem === undefined) setReason('');
  };
  const setAside = () => {
    props.session.commands.captureVersion(t('minutes.setAsideLabel'));
    const result = props.session.commands.setAsideLateChanges();
    minutesFeedback(i18n, result, result.ok ? t('minutes.setAsideDone', { count: result.value }) : undefined);
  };
  const describe = (change: MinutesChange) => {
    const item = view().agenda.find((a) => a.id === change.key);
    const key =
      change.section === 'attendance'
        ? props.nameOf(change.key)
        : (item?.title ?? (change.section === 'header' ? change.key : ''));
    return `${t(`sections.${change.section}`)} · ${key} · ${t(`minutes.${change.change}`)} ${change.fields.join(', ')}`;
  };
  return (
    <section class="minutes-section card" aria-labelledby="minutes-approval" data-testid="approval">
      <h2 id="minutes-approval">{t('minutes.approval')}</h2>
      <ul class="signatures">
        <For each={APPROVAL_ROLES}>
          {(role) => (
            <li class="actions-row">
              <span>
                {view().approval[role]
                  ? t('minutes.signed', {
                      role: roleLabel(role),
                      name: props.nameOf(view().approval[role]?.by ?? null),
                      at: formatInstant(view().approval[role]?.at ?? ''),
                    })
                  : t('minutes.notSigned', { role: roleLabel(role) })}
              </span>
              <Show when={!approved()}>
                <Button
                  variant="primary"
                  disabled={
                    !props.session.canEdit() ||
                    !signerOf(role) ||
                    (!!view().approval[role] && !view().approval.pendingSeal)
                  }
                  onClick={() => sign(role)}
                >
                  {t('minutes.approveAs', { role: roleLabel(role) })}
                </Button>
              </Show>
            </li>
          )}
        </For>
      </ul>
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
          <Button variant="secondary" disabled={!props.session.canEdit()} onClick={reopen}>
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
      </Show>
      <ul class="reopenings">
        <For each={view().reopenings}>
          {(r) => (
            <li>
              {t('minutes.reopened', { at: formatInstant(r.at), name: props.nameOf(r.by), reason: r.reason })}
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
