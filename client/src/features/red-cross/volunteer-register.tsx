import { type MemberId, VOLUNTEER_SKILLS, type Volunteer, type VolunteerSkill } from '@chungtay/model';
import { createMemo, createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { formatDate, parseDisplayDate } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { SelectField } from '../../ui/select-field/select-field';
import { TextField } from '../../ui/text-field/text-field';
import { feedback } from '../shared/command-feedback';
import { type FieldErrors, fieldMessage } from '../shared/field-errors';
import { RedCrossConflicts } from './red-cross-conflicts';

/**
 * The volunteer register: who is on it with their skills (a tap on a skill adds or removes it), who stopped
 * taking part, and a form to add a member. Sorted by given name, as the roster is.
 */
export function VolunteerRegister(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const [showLeft, setShowLeft] = createSignal(false);
  // club.members is already in the register's order (given name first): keep that order here.
  const rows = createMemo(() => {
    const byId = new Map(club.club.redCross.volunteers.map((v) => [v.memberId as string, v]));
    return club.club.members.flatMap((m) => {
      const volunteer = byId.get(m.id);
      return volunteer === undefined ? [] : [{ name: m.fullName, volunteer }];
    });
  });
  const current = () => rows().filter((r) => r.volunteer.left === null);
  const left = () => rows().filter((r) => r.volunteer.left !== null);
  return (
    <section class="red-cross-section" aria-labelledby="red-cross-register">
      <h2 id="red-cross-register">{t('redCross.register')}</h2>
      <Show when={club.canEdit()}>
        <AddVolunteerForm />
      </Show>
      <Show when={current().length > 0} fallback={<p class="card muted">{t('redCross.registerEmpty')}</p>}>
        <ul class="red-cross-list" data-testid="volunteers">
          <For each={current()}>{(row) => <VolunteerRow name={row.name} volunteer={row.volunteer} />}</For>
        </ul>
      </Show>
      <Show when={left().length > 0}>
        <Button variant="quiet" aria-pressed={showLeft()} onClick={() => setShowLeft(!showLeft())}>
          {t('redCross.showLeft', { count: left().length })}
        </Button>
        <Show when={showLeft()}>
          <ul class="red-cross-list">
            <For each={left()}>{(row) => <VolunteerRow name={row.name} volunteer={row.volunteer} />}</For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}

function VolunteerRow(props: { name: string; volunteer: Volunteer }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const v = () => props.volunteer;
  const toggle = (skill: VolunteerSkill) => {
    const skills = v().skills.includes(skill)
      ? v().skills.filter((s) => s !== skill)
      : [...v().skills, skill];
    feedback(
      i18n,
      club.commands.updateVolunteer({ memberId: v().memberId, skills }),
      t('redCross.skillsSaved'),
    );
  };
  const setLeft = (left: string | null) =>
    feedback(
      i18n,
      club.commands.updateVolunteer({ memberId: v().memberId, left }),
      t(left === null ? 'redCross.added' : 'redCross.stopped'),
    );
  return (
    <li class="card red-cross-row" data-testid="volunteer" data-member={v().memberId}>
      <div class="red-cross-row-head">
        <strong>{props.name}</strong>
        <span class="muted">
          {v().left === null
            ? t('redCross.sinceShown', { date: i18n.date(v().since) })
            : t('redCross.leftShown', { date: i18n.date(v().left ?? '') })}
        </span>
      </div>
      <fieldset class="red-cross-chips">
        <legend class="visually-hidden">{t('redCross.skills')}</legend>
        <For each={VOLUNTEER_SKILLS}>
          {(skill) => (
            <button
              type="button"
              class="red-cross-chip"
              aria-pressed={v().skills.includes(skill)}
              aria-label={t('redCross.skillOf', { skill: t(`redCross.skill.${skill}`), name: props.name })}
              disabled={!club.canEdit()}
              onClick={() => toggle(skill)}
            >
              {t(`redCross.skill.${skill}`)}
            </button>
          )}
        </For>
      </fieldset>
      <RedCrossConflicts record="volunteer" id={v().memberId} conflicts={v().conflicts} />
      <Show when={club.canEdit()}>
        <Show
          when={v().left === null}
          fallback={
            <Button variant="quiet" onClick={() => setLeft(null)}>
              {t('redCross.rejoin')}
            </Button>
          }
        >
          <Button
            variant="quiet"
            aria-label={t('redCross.stopOf', { name: props.name })}
            onClick={() => setLeft(club.today())}
          >
            {t('redCross.stop')}
          </Button>
        </Show>
      </Show>
    </li>
  );
}

function AddVolunteerForm(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const club = useClub();
  const onRegister = createMemo(
    () => new Set(club.club.redCross.volunteers.map((v) => v.memberId as string)),
  );
  const options = createMemo(() => [
    { value: '', label: t('redCross.choose') },
    ...club.club.members
      .filter((m) => m.left === null && m.mergedInto === null && !onRegister().has(m.id))
      .map((m) => ({ value: m.id as string, label: m.fullName })),
  ]);
  const [memberId, setMemberId] = createSignal('');
  const [since, setSince] = createSignal(formatDate(club.today()));
  const [skills, setSkills] = createSignal<readonly VolunteerSkill[]>([]);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const toggle = (skill: VolunteerSkill) =>
    setSkills((now) => (now.includes(skill) ? now.filter((s) => s !== skill) : [...now, skill]));
  const submit = (event: Event) => {
    event.preventDefault();
    const iso = parseDisplayDate(since());
    if (iso === null) return setErrors({ since: 'dateFormat' });
    const result = club.commands.registerVolunteer({
      memberId: memberId() as MemberId,
      since: iso,
      skills: skills(),
    });
    setErrors(feedback(i18n, result, t('redCross.added')) ?? {});
    if (!result.ok) return;
    setMemberId('');
    setSkills([]);
  };
  return (
    <form
      class="card red-cross-form"
      onSubmit={submit}
      aria-labelledby="red-cross-add"
      data-testid="add-volunteer"
    >
      <h3 id="red-cross-add">{t('redCross.addVolunteer')}</h3>
      <div class="red-cross-form-row">
        <SelectField
          label={t('redCross.member')}
          options={options()}
          value={memberId()}
          onChange={setMemberId}
        />
        <TextField
          label={t('redCross.since')}
          value={since()}
          onChange={setSince}
          inputMode="numeric"
          error={fieldMessage(i18n, errors(), 'since')}
        />
      </div>
      <Show when={fieldMessage(i18n, errors(), 'memberId')}>
        {(message) => <p class="field-error">{message()}</p>}
      </Show>
      <fieldset class="red-cross-chips">
        <legend>{t('redCross.skills')}</legend>
        <For each={VOLUNTEER_SKILLS}>
          {(skill) => (
            <button
              type="button"
              class="red-cross-chip"
              aria-pressed={skills().includes(skill)}
              onClick={() => toggle(skill)}
            >
              {t(`redCross.skill.${skill}`)}
            </button>
          )}
        </For>
      </fieldset>
      <Button type="submit" variant="primary">
        {t('redCross.add')}
      </Button>
    </form>
  );
}
