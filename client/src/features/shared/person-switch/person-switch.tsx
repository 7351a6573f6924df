import { givenName, type MemberId } from '@chungtay/model';
import { createSignal, type JSX, onCleanup, Show } from 'solid-js';
import { useClub } from '../../../data/club/club-context';
import {
  doneAskingPerson,
  onTabletPersonChange,
  readTabletPerson,
  shouldAskPerson,
  switchTabletPerson,
} from '../../../device/person';
import { useI18n } from '../../../i18n/i18n-context';
import { Button } from '../../../ui/button/button';
import { CheckboxField } from '../../../ui/checkbox-field/checkbox-field';
import { ChoiceGroup } from '../../../ui/choice-group/choice-group';
import { Dialog } from '../../../ui/dialog/dialog';
import { showToast } from '../../../ui/toast/toast';
import { createPinPrompt } from './pin-prompt';
import './person-switch.css';

/**
 * Who uses this tablet (issue 12 §4), in the header: one calm button with the person's name, and a dialog
 * to switch. When the club requires a PIN, the chosen person enters theirs (or sets it, the first time on
 * this tablet) before the switch happens. Right after joining, the button itself asks who uses the
 * tablet. The relay's list of tablets learns the person too (device/tablet-key.ts).
 */
export default function PersonSwitch(): JSX.Element {
  const { t } = useI18n();
  const club = useClub();
  const [person, setPerson] = createSignal(readTabletPerson(club.clubId));
  const [open, setOpen] = createSignal(false);
  const [choice, setChoice] = createSignal<string>('');
  const [error, setError] = createSignal<string>();
  const pin = createPinPrompt(club.clubId);
  const [pinRule, setPinRule] = createSignal(false);
  onCleanup(onTabletPersonChange(club.clubId, () => setPerson(readTabletPerson(club.clubId))));

  // The people who use the club's tablets: its committee and group leaders, by given name as the roster is
  // (everyone, in a club whose roles are not set yet). One tap each, no menu to open.
  const members = () => {
    const active = club.club.members.filter((m) => !m.left && !m.mergedInto);
    const committee = active.filter((m) => m.role !== 'none');
    return committee.length > 0 ? committee : active;
  };
  const nameOf = (id: string | null) => members().find((m) => m.id === id)?.fullName;
  const show = () => {
    setPinRule(club.commands.pinRequired());
    setChoice(person() ?? '');
    setError(undefined);
    setOpen(true);
  };
  // Just joined: the button asks the question itself, in the header, until someone is chosen or it is put
  // aside. Not a dialog that opens by itself: it would cover the screen the person came to see.
  const [asking, setAsking] = createSignal(shouldAskPerson(club.clubId));
  const close = () => {
    doneAskingPerson(club.clubId);
    setAsking(false);
    setOpen(false);
  };
  const confirm = async () => {
    const id = choice() as MemberId;
    const name = nameOf(id);
    if (!name) return setError(t('people.chooseFirst'));
    setOpen(false);
    if (club.commands.pinRequired() && !(await pin.confirm(id, name))) return setOpen(true);
    switchTabletPerson(club.clubId, id);
    doneAskingPerson(club.clubId);
    setAsking(false);
    void import('../../../device/tablet-key').then(({ sendTabletPerson }) =>
      sendTabletPerson(club.clubId, id).catch(() => false),
    );
  };

  // The committee's rule, changed as the person using this tablet (the model checks they are committee).
  const changeRule = (required: boolean) => {
    const by = person();
    const result = by === null ? null : club.commands.setPinRequired(required, by);
    if (result?.ok) {
      setPinRule(required);
      setError(undefined);
      return showToast(t('people.pinRuleSaved'), 'success');
    }
    setPinRule(!required);
    setError(t(result?.error.type === 'readOnly' ? 'errors.readOnly' : 'people.notCommittee'));
  };

  return (
    <>
      {/* The given name only ("Hoa"): the header's width belongs to the club's name and its sync words. */}
      <Button
        variant={asking() ? 'primary' : 'quiet'}
        class="person-switch"
        onClick={show}
        data-testid="person-switch"
        title={t('people.switchTitle')}
        aria-label={t('people.current', { name: nameOf(person()) ?? t('people.nobody') })}
      >
        {asking() ? t('people.choose') : givenName(nameOf(person()) ?? '') || t('people.nobody')}
      </Button>
      <Dialog
        open={open()}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        title={t('people.whoUses')}
      >
        <div class="form">
          <p class="muted">{t('people.whoUsesHint')}</p>
          <ChoiceGroup
            label={t('people.choose')}
            choices={members().map((m) => ({ value: m.id as string, label: m.fullName }))}
            value={choice()}
            onChange={setChoice}
          />
          <CheckboxField label={t('people.requirePin')} checked={pinRule()} onChange={changeRule} />
          <p class="muted">{t('people.requirePinHint')}</p>
          <Show when={error()}>
            <p class="field-error" role="alert">
              {error()}
            </p>
          </Show>
          <div class="form-actions">
            <Button variant="quiet" onClick={close}>
              {t('people.skip')}
            </Button>
            <Button variant="primary" onClick={confirm}>
              {t('people.confirm')}
            </Button>
          </div>
        </div>
      </Dialog>
      {pin.view()}
    </>
  );
}
