import { useNavigate } from '@solidjs/router';
import { createSignal, For, type JSX, Show } from 'solid-js';
import { useClub } from '../../data/club/club-context';
import { lostIfRemoved, removeClubFromTablet } from '../../data/club/remove-club';
import { findKnownClub } from '../../device/device';
import { deleteClubFromRelay } from '../../device/relay-club-delete';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button/button';
import { CheckboxField } from '../../ui/checkbox-field/checkbox-field';
import { Dialog } from '../../ui/dialog/dialog';
import { showToast } from '../../ui/toast/toast';

type DocKey = 'club' | 'health' | 'money' | 'care' | 'minutes' | 'other';

/** Which of the club's books a document is, from its relay name (`<clubId>`, `<clubId>/health`, …). */
function docKey(documentName: string, clubId: string): DocKey {
  if (documentName === clubId) return 'club';
  const rest = documentName.slice(clubId.length + 1);
  if (rest === 'health' || rest === 'money' || rest === 'care') return rest;
  return rest.startsWith('meeting/') ? 'minutes' : 'other';
}

/**
 * "Remove this club from this tablet": a confirmation naming every book no relay has confirmed (lost for
 * good), then the club's pages are left (its sessions close) and its databases and keys are deleted.
 */
export function RemoveClubSection(): JSX.Element {
  const { t } = useI18n();
  const session = useClub();
  const navigate = useNavigate();
  const [asking, setAsking] = createSignal(false);
  const [lost, setLost] = createSignal<readonly DocKey[]>([]);
  const [alsoRelay, setAlsoRelay] = createSignal(false);
  // Only an editor tablet of a shared club holds the key that may delete the server's copy.
  const canDeleteOnRelay = () =>
    session.role() === 'editor' && findKnownClub(session.clubId)?.access?.shared === true;
  const name = () => session.club.profile.name;

  const ask = () => {
    setLost(lostIfRemoved(session.clubId).map((doc) => docKey(doc.documentName, session.clubId)));
    setAsking(true);
  };
  const remove = async () => {
    const clubId = session.clubId;
    const clubName = name();
    setAsking(false);
    // The server first, with the key this tablet is about to forget; if it refuses, nothing is removed.
    if (alsoRelay() && canDeleteOnRelay() && !(await deleteClubFromRelay(clubId)).ok) {
      showToast(t('erasure.relayFailed'), 'error');
      return;
    }
    // Started first: the club leaves this tablet's list at once, so the start page shown next lacks it.
    // Leaving the club's pages then closes its sessions, which the databases' deletion waits for.
    const removal = removeClubFromTablet(clubId);
    navigate('/', { replace: true });
    try {
      await removal;
      showToast(t('erasure.removed', { name: clubName }), 'success');
    } catch {
      showToast(t('erasure.removeFailed'), 'error');
    }
  };

  return (
    <>
      <h2>{t('erasure.removeTitle')}</h2>
      <div class="card">
        <p class="muted">{t('erasure.removeHint')}</p>
        <Button variant="danger" onClick={ask} data-testid="remove-club">
          {t('erasure.removeButton')}
        </Button>
      </div>
      <Dialog open={asking()} onOpenChange={setAsking} title={t('erasure.removeConfirm', { name: name() })}>
        <Show when={lost().length > 0} fallback={<p>{t('erasure.removeNothingLost')}</p>}>
          <p class="warning-text">{t('erasure.removeLost')}</p>
          <ul data-testid="remove-club-lost">
            <For each={lost()}>{(key) => <li>{t(`erasure.docs.${key}`)}</li>}</For>
          </ul>
        </Show>
        <Show when={canDeleteOnRelay()}>
          <CheckboxField label={t('erasure.alsoRelay')} checked={alsoRelay()} onChange={setAlsoRelay} />
        </Show>
        <div class="form-actions">
          <Button variant="quiet" onClick={() => setAsking(false)}>
            {t('app.cancel')}
          </Button>
          <Button variant="danger" onClick={() => void remove()} data-testid="remove-club-confirm">
            {t('erasure.removeButton')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}
