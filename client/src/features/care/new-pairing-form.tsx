import type { MemberId } from '@chungtay/model';
import { useNavigate } from '@solidjs/router';
import { createMemo, createSignal, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { feedback } from '../shared/command-feedback';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { useCare } from './care-context';
import { activeMembers } from './care-names';

/** Pairs a volunteer with a member to visit; opens the new pairing's log. */
export function NewPairingForm(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const care = useCare();
  const navigate = useNavigate();
  const options = createMemo(() => [{ value: '', label: t('care.choose') }, ...activeMembers(club.club)]);
  const [memberId, setMemberId] = createSignal('');
  const [volunteerId, setVolunteerId] = createSignal('');
  const [start, setStart] = createSignal(formatDate(club.today()));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const submit = (event: Event) => {
    event.preventDefault();
    const iso = parseDisplayDate(start());
    if (iso === null) return setErrors({ start: 'dateFormat' });
    const result = care.commands.startPairing({
      memberId: memberId() as MemberId,
      volunteerId: volunteerId() as MemberId,
      start: iso,
    });
    const found = feedback(i18n, result, t('care.paired'));
    setErrors(found ?? {});
    if (result.ok) navigate(`/club/${club.clubId}/care/${result.value}`);
  };
  return (
    <form class="card care-form" onSubmit={submit} aria-labelledby="care-new-title" data-testid="new-pairing">
      <h2 id="care-new-title">{t('care.newPairing')}</h2>
      <SelectField label={t('care.member')} options={options()} value={memberId()} onChange={setMemberId} />
      <Show when={fieldMessage(i18n, errors(), 'memberId')}>
        {(message) => <p class="field-error">{message()}</p>}
      </Show>
      <SelectField
        label={t('care.volunteer')}
        options={options()}
        value={volunteerId()}
        onChange={setVolunteerId}
      />
      <Show when={fieldMessage(i18n, errors(), 'volunteerId')}>
        {(message) => <p class="field-error">{message()}</p>}
      </Show>
      <TextField
        label={t('care.start')}
        value={start()}
        onChange={setStart}
        inputMode="numeric"
        error={fieldMessage(i18n, errors(), 'start')}
      />
      <Button type="submit" variant="primary">
        {t('care.pair')}
      </Button>
    </form>
  );
}
