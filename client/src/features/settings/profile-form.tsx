import { createSignal, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { TextField } from '../../ui/text-field/text-field';
import { feedback } from '../shared/command-feedback';
import { dateToText, textToDate } from '../shared/date-input';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { PlaceFields } from '../shared/place-fields';

export function ProfileForm(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const p = session.club.profile;
  const [form, setForm] = createStore({
    name: p.name,
    hamlet: p.hamlet,
    commune: p.commune,
    district: p.district,
    province: p.province,
    foundedOn: dateToText(p.foundedOn),
  });
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const founded = textToDate(form.foundedOn);
    if (!founded.ok) {
      setErrors({ foundedOn: 'dateFormat' });
      return;
    }
    const { foundedOn: _typed, ...rest } = form;
    setErrors(
      feedback(
        i18n,
        session.commands.updateProfile({ ...rest, foundedOn: founded.value }),
        t('settings.saved'),
      ) ?? {},
    );
  };
  const err = (f: string) => fieldMessage(i18n, errors(), f);
  return (
    <form class="form card" onSubmit={submit} novalidate>
      <TextField
        label={t('create.name')}
        value={form.name}
        onChange={(v) => setForm('name', v)}
        error={err('name')}
      />
      <div class="form-grid">
        <PlaceFields value={form} onChange={(field, v) => setForm(field, v)} />
        <TextField
          label={t('create.foundedOn')}
          placeholder={i18n.t('app.datePlaceholder')}
          value={form.foundedOn}
          onChange={(v) => setForm('foundedOn', v)}
          error={err('foundedOn')}
        />
      </div>
      <Button variant="primary" type="submit">
        {t('app.save')}
      </Button>
    </form>
  );
}
