import {
  flagHealthCheck,
  type HealthCheck,
  listHealthChecks,
  type Meeting,
  type MemberId,
} from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, onCleanup, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import type { HealthSession } from '../../data/health/health-session';
import { stickBelowHeader } from '../shared/below-header';
import { filterByName } from '../shared/name-search';
import { HealthCheckRow, type MeasurePatch, type RowCommands } from './health-check-row';
import { useHealthI18n } from './health-i18n';
import { MEASURES } from './measure-text';

/** The search, the counts and one row per member present, in register order (by given name). */
export function HealthCheckSheet(props: { meeting: Meeting; health: HealthSession }): JSX.Element {
  const i18n = useHealthI18n();
  const { t } = i18n;
  const club = useClub();
  const [query, setQuery] = createSignal('');
  const present = createMemo(() =>
    club.club.members.filter((member) => props.meeting.attendance[member.id] === 'present'),
  );
  const shown = createMemo(() => filterByName(present(), query()));
  const checks = createMemo(() => {
    const byMember = new Map<string, HealthCheck>();
    for (const check of listHealthChecks(props.health.view, props.meeting.id))
      byMember.set(check.memberId, check);
    return byMember;
  });
  const measured = () => present().filter((m) => checks().has(m.id)).length;
  const flagged = () =>
    present().filter((m) => {
      const check = checks().get(m.id);
      return check !== undefined && flagHealthCheck(check, props.health.view.thresholds).length > 0;
    }).length;
  const commandsFor = (memberId: MemberId): RowCommands => ({
    record: (patch: MeasurePatch) =>
      props.health.commands.record({
        meetingId: props.meeting.id,
        memberId,
        takenAt: props.meeting.date,
        ...patch,
      }),
    keep: (field, writeId) =>
      props.health.commands.resolveConflict({ meetingId: props.meeting.id, memberId, field, writeId }),
  });
  // The meeting's minutes are approved: its numbers are the approved ones, shown and not typed into.
  const lock = () => props.health.view.locks?.[props.meeting.id];
  const readOnly = () => lock() !== undefined || !props.health.canEdit();
  let list: HTMLOListElement | undefined;
  // The next field in screen order, across rows; the last one lets go of the keypad.
  const next = (from: HTMLInputElement) => {
    const inputs = [...(list?.querySelectorAll<HTMLInputElement>('input[data-measure]') ?? [])];
    const after = inputs[inputs.indexOf(from) + 1];
    if (after) after.focus();
    else from.blur();
  };
  return (
    <div class="health-check-sheet">
      <div class="health-check-tools">
        <label class="field health-check-search">
          <span class="field-label">{t('healthCheck.search')}</span>
          <input
            class="field-input"
            type="search"
            autocomplete="off"
            placeholder={t('healthCheck.searchPlaceholder')}
            value={query()}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </label>
        <p class="health-check-counts" data-testid="health-check-counts">
          <span>{t('healthCheck.measured', { done: measured(), present: present().length })}</span>
          <Show when={flagged() > 0}>
            <span class="warning-text">{t('healthCheck.flagged', { count: flagged() })}</span>
          </Show>
        </p>
        <Show when={lock()} fallback={<p class="muted health-check-help">{t('healthCheck.help')}</p>}>
          {(locked) => (
            <p class="banner health-check-locked" role="status" data-testid="health-check-locked">
              {i18n.h('locked.line', { date: i18n.date(locked().approvedAt.slice(0, 10)) })}
            </p>
          )}
        </Show>
      </div>
      <Show when={present().length > 0} fallback={<p class="card">{t('healthCheck.noPresent')}</p>}>
        <div class="health-check-head" aria-hidden="true" ref={(el) => onCleanup(stickBelowHeader(el))}>
          <span>{t('healthCheck.column.name')}</span>
          <For each={MEASURES}>{(measure) => <span>{t(`healthCheck.column.${measure}`)}</span>}</For>
        </div>
        <ol class="health-check-list" ref={list}>
          <For each={shown()}>
            {(member) => (
              <HealthCheckRow
                member={member}
                check={checks().get(member.id)}
                thresholds={props.health.view.thresholds}
                commands={commandsFor(member.id)}
                readOnly={readOnly()}
                onNext={next}
              />
            )}
          </For>
        </ol>
        <Show when={shown().length === 0}>
          <p class="empty">{t('healthCheck.noMatch', { query: query() })}</p>
        </Show>
      </Show>
    </div>
  );
}
