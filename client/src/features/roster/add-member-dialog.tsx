import type { JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Dialog } from '../../ui/dialog/dialog';
import { feedback } from '../shared/command-feedback';
import { MemberForm } from './member-form';

/** Loaded on first use, so the form's controls are not part of the roster's first paint. */
export default function AddMemberDialog(props: { onClose: () => void }): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  return (
    <Dialog open onOpenChange={(open) => !open && props.onClose()} title={t('member.addTitle')}>
      <MemberForm
        today={session.today()}
        onCancel={props.onClose}
        onSubmit={({ input, consent }) => {
          const added = session.commands.addMember(input);
          const errors = feedback(i18n, added, t('member.added', { name: input.fullName.trim() }));
          if (added.ok) {
            if (consent) {
              session.commands.recordConsent(added.value, {
                givenOn: session.today(),
                recordedBy: session.author.name,
              });
            }
            props.onClose();
          }
          return errors;
        }}
      />
    </Dialog>
  );
}
