import { getMember, listPossibleDuplicates } from '@chungtay/model';
import { For, type JSX } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { feedback } from '../shared/command-feedback';

/** Two tablets that added the same person offline: offer a merge, never do it silently. */
export function DuplicatesBanner(): JSX.Element {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useClub();
  const pairs = () => listPossibleDuplicates(session.club);
  return (
    <For each={pairs()}>
      {(pair) => {
        const a = () => getMember(session.club, pair.a);
        const b = () => getMember(session.club, pair.b);
        return (
          <div class="banner banner-warning" role="alert" data-testid="duplicate-pair">
            <div>
              <strong>{t('roster.duplicatesTitle')}</strong>
              <p>{t('roster.duplicatesBody', { a: a()?.fullName ?? '', b: b()?.fullName ?? '' })}</p>
            </div>
            <Button
              variant="primary"
              onClick={() =>
                feedback(i18n, session.commands.mergeMembers(pair.a, pair.b), t('roster.merged'))
              }
            >
              {t('roster.merge')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => feedback(i18n, session.commands.dismissDuplicate(pair.a, pair.b))}
            >
              {t('roster.notDuplicate')}
            </Button>
          </div>
        );
      }}
    </For>
  );
}
