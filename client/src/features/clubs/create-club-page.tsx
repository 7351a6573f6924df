import { CLUB_KINDS, type ClubKind } from '@chungtay/model';
import { useNavigate } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { createClubOnTablet } from '../../data/club/create-club';
import { readDeviceUser, saveDeviceUser } from '../../device/device';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { textToDate } from '../shared/date-input';
import { currentErrors, type FieldErrors, fieldMessage } from '../shared/field-errors';
import { PlaceFields } from '../shared/place-fields';

export default function CreateClubPage(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [form, setForm] = createStore({
    yourName: readDeviceUser()?.name ?? '',
    name: '',
    kind: 'selfHelp' as ClubKind,
    hamlet: '',
    commune: '',
    district: '',
    province: '',
    foundedOn: '',
    hamlets: '',
  });
  const [checkedErrors, setCheckedErrors] = createSignal<FieldErrors>({});
  // The values the errors were found in: an error goes once its field changes.
  const [checked, setChecked] = createSignal<Record<string, unknown>>({});
  const setErrors = (found: FieldErrors) => {
    setChecked({ ...form });
    setCheckedErrors(found);
  };
  const errors = () => currentErrors(checkedErrors(), checked(), form);
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, 'required' | 'dateFormat'> = {};
    if (!form.yourName.trim()) found.yourName = 'required';
    const foundedOn = textToDate(form.foundedOn);
    if (!foundedOn.ok) found.foundedOn = 'dateFormat';
    if (!form.name.trim()) found.name = 'required';
    if (Object.keys(found).length > 0 || !foundedOn.ok) {
      setErrors(found);
      return;
    }
    setBusy(true);
    try {
      const author = saveDeviceUser(form.yourName);
      const created = await createClubOnTablet(
        {
          name: form.name,
          kind: form.kind,
          hamlet: form.hamlet,
          commune: form.commune,
          district: form.district,
          province: form.province,
          foundedOn: foundedOn.value,
          hamlets: form.hamlets
            .split(',')
            .map((h) => h.trim())
            .filter(Boolean),
        },
        author,
      );
      if (created.ok) navigate(`/club/${created.value}`, { replace: true });
      else setErrors(created.error.type === 'invalid' ? created.error.fields : {});
    } finally {
      setBusy(false);
    }
  };

  const err = (field: string) => fieldMessage(i18n, errors(), field);
  return (
    <main class="page narrow">
      <header class="top-bar">
        <Button variant="quiet" onClick={() => navigate('/')}>
          ← {t('app.back')}
        </Button>
      </header>
      <h1>{t('create.title')}</h1>
      <form class="form card" onSubmit={submit} novalidate>
        <TextField
          label={t('create.yourName')}
          description={t('create.yourNameHint')}
          value={form.yourName}
          onChange={(v) => setForm('yourName', v)}
          error={err('yourName')}
          required
        />
        <TextField
          label={t('create.name')}
          placeholder={t('create.namePlaceholder')}
          value={form.name}
          onChange={(v) => setForm('name', v)}
          error={err('name')}
          required
        />
        <SelectField
          label={t('create.kind')}
          options={CLUB_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          value={form.kind}
          onChange={(v) => setForm('kind', v)}
        />
        <div class="form-grid">
          <PlaceFields value={form} onChange={(field, v) => setForm(field, v)} />
        </div>
        <TextField
          label={t('create.foundedOn')}
          placeholder={i18n.t('app.datePlaceholder')}
          inputMode="numeric"
          value={form.foundedOn}
          onChange={(v) => setForm('foundedOn', v)}
          error={err('foundedOn')}
        />
        <Show when={form.kind === 'veterans'}>
          <TextField
            label={t('create.hamlets')}
            value={form.hamlets}
            onChange={(v) => setForm('hamlets', v)}
          />
        </Show>
        <Show when={Object.keys(errors()).length > 0}>
          <p class="form-error" role="alert">
            {t('errors.formHasErrors')}
          </p>
        </Show>
        <Button variant="primary" type="submit" disabled={busy()}>
          {t('create.submit')}
        </Button>
      </form>
    </main>
  );
}
